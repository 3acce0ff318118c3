// TexturePacker's JSON Hash / JSON Array atlas (the generic format Phaser's load.atlas, PixiJS's
// Spritesheet and most web engines read), Phaser 3's multi-atlas variant, and a Phaser animation
// config built from the tags.

import { sha256 } from '../../util/hash';
import type { PackedFrame, SpriteSheet } from './sheet';

function frameJson(f: PackedFrame) {
  return {
    frame: { ...f.frame },
    rotated: false,
    trimmed: f.trimmed,
    spriteSourceSize: { ...f.spriteSourceSize },
    sourceSize: { ...f.sourceSize },
    // Pivot at the centre of the untrimmed frame, normalised to it.
    pivot: { x: 0.5, y: 0.5 },
  };
}

function meta(sheet: SpriteSheet, image: string) {
  return {
    app: 'kino',
    version: '1.0',
    image,
    format: 'RGBA8888',
    size: { w: sheet.image.width, h: sheet.image.height },
    scale: '1',
    // Content hash of the layout, as TexturePacker's smartupdate: changes when the atlas does.
    smartupdate: sha256(JSON.stringify(sheet.frames.map((f) => [f.name, f.frame, f.spriteSourceSize]))).slice(0, 32),
  };
}

export function texturePackerJson(sheet: SpriteSheet, opts: { image: string; variant?: 'hash' | 'array' }) {
  const frames =
    (opts.variant ?? 'hash') === 'hash'
      ? Object.fromEntries(sheet.frames.map((f) => [f.name, frameJson(f)]))
      : sheet.frames.map((f) => ({ filename: f.name, ...frameJson(f) }));
  return { frames, meta: meta(sheet, opts.image) };
}

/** Phaser 3 `load.multiatlas` format (one texture here). */
export function phaserMultiAtlasJson(sheet: SpriteSheet, opts: { image: string }) {
  return {
    textures: [
      {
        image: opts.image,
        format: 'RGBA8888',
        size: { w: sheet.image.width, h: sheet.image.height },
        scale: 1,
        frames: sheet.frames.map((f) => ({ filename: f.name, ...frameJson(f) })),
      },
    ],
    meta: { app: 'kino', version: '1.0' },
  };
}

/**
 * Phaser 3 animations for `this.anims.fromJSON(...)`: one per tag (or one "default" over all
 * frames), with per-frame durations as Phaser's `duration` (ms added to the frame rate's step).
 */
export function phaserAnimationsJson(sheet: SpriteSheet, opts: { atlasKey: string }) {
  const tags = sheet.tags.length ? sheet.tags : [{ name: 'default', from: 0, to: sheet.frames.length - 1, direction: 'forward' as const, repeat: undefined }];
  return {
    anims: tags.map((t) => {
      const idx: number[] = [];
      for (let i = t.from; i <= t.to; i++) idx.push(i);
      if (t.direction === 'reverse' || t.direction === 'pingpong_reverse') idx.reverse();
      const base = Math.min(...idx.map((i) => sheet.frames[i].durationMs));
      return {
        key: t.name,
        type: 'frame',
        frames: idx.map((i) => ({ key: opts.atlasKey, frame: sheet.frames[i].name, duration: Math.round(sheet.frames[i].durationMs - base) })),
        frameRate: Math.round((1000 / base) * 1000) / 1000,
        repeat: t.repeat === undefined ? -1 : t.repeat - 1,
        yoyo: t.direction === 'pingpong' || t.direction === 'pingpong_reverse',
      };
    }),
  };
}
