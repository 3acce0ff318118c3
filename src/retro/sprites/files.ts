// Writes a sprite sheet and the engine files next to it, atomically.

import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../../util/fs';
import { encodeImageFrame } from '../io';
import { asepriteJson } from './aseprite';
import { godotSpriteFramesTres } from './godot';
import type { SpriteSheet } from './sheet';
import { phaserAnimationsJson, phaserMultiAtlasJson, texturePackerJson } from './texturepacker';
import { tiledTilesetJson, tiledTilesetTsx } from './tiled';
import { unityTextureMeta } from './unity';

export const SPRITE_EXPORT_FORMATS = [
  'aseprite-hash',
  'aseprite-array',
  'texturepacker-hash',
  'texturepacker-array',
  'phaser-multiatlas',
  'phaser-anims',
  'godot',
  'unity',
  'tiled-tsx',
  'tiled-tsj',
] as const;
export const SpriteExportFormatSchema = z.enum(SPRITE_EXPORT_FORMATS);
export type SpriteExportFormat = z.infer<typeof SpriteExportFormatSchema>;

export interface WriteSheetOptions {
  dir: string;
  /** File stem: <base>.png, <base>.json, … */
  baseName: string;
  formats: readonly SpriteExportFormat[];
  /** Godot: res:// path of the PNG (default res://<base>.png). */
  godotImagePath?: string;
  unityPixelsPerUnit?: number;
}

/** Writes <base>.png and one file per format; returns the paths written. */
export async function writeSpriteSheetFiles(sheet: SpriteSheet, o: WriteSheetOptions): Promise<string[]> {
  const png = `${o.baseName}.png`;
  const written: string[] = [];
  const put = async (name: string, data: string | Uint8Array) => {
    const file = path.join(o.dir, name);
    await writeFileAtomic(file, data);
    written.push(file);
  };
  const json = (v: unknown) => JSON.stringify(v, null, 1) + '\n';
  await put(png, await encodeImageFrame(sheet.image, '.png'));
  for (const f of o.formats) {
    switch (f) {
      case 'aseprite-hash':
        await put(`${o.baseName}.aseprite.json`, json(asepriteJson(sheet, { image: png, variant: 'hash' })));
        break;
      case 'aseprite-array':
        await put(`${o.baseName}.aseprite-array.json`, json(asepriteJson(sheet, { image: png, variant: 'array' })));
        break;
      case 'texturepacker-hash':
        await put(`${o.baseName}.atlas.json`, json(texturePackerJson(sheet, { image: png, variant: 'hash' })));
        break;
      case 'texturepacker-array':
        await put(`${o.baseName}.atlas-array.json`, json(texturePackerJson(sheet, { image: png, variant: 'array' })));
        break;
      case 'phaser-multiatlas':
        await put(`${o.baseName}.multiatlas.json`, json(phaserMultiAtlasJson(sheet, { image: png })));
        break;
      case 'phaser-anims':
        await put(`${o.baseName}.anims.json`, json(phaserAnimationsJson(sheet, { atlasKey: o.baseName })));
        break;
      case 'godot':
        await put(`${o.baseName}.tres`, godotSpriteFramesTres(sheet, { imagePath: o.godotImagePath ?? `res://${png}` }));
        break;
      case 'unity':
        await put(`${png}.meta`, unityTextureMeta(sheet, { pixelsPerUnit: o.unityPixelsPerUnit }));
        break;
      case 'tiled-tsx':
        await put(`${o.baseName}.tsx`, tiledTilesetTsx(sheet, { name: o.baseName, image: png }));
        break;
      case 'tiled-tsj':
        await put(`${o.baseName}.tsj`, json(tiledTilesetJson(sheet, { name: o.baseName, image: png })));
        break;
    }
  }
  return written;
}
