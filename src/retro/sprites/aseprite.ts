// Aseprite's sprite-sheet JSON (`aseprite --sheet sheet.png --data sheet.json --format json-hash |
// json-array`), field for field as src/app/doc_exporter.cpp writes it (reference/retro.md §5).
// Phaser's load.aseprite + anims.createFromAseprite, Godot and Unity Aseprite importers, LÖVE and
// Defold libraries read this; frameTags carry the animations.

import { KinoError, issue } from '../../doc/errors';
import { createFrame, type Frame } from '../frame';
import type { PackedFrame, SpriteSheet, SpriteTag } from './sheet';
import { blit, cropFrame } from './trim';

export interface AsepriteFrameJson {
  filename?: string;
  frame: { x: number; y: number; w: number; h: number };
  rotated: boolean;
  trimmed: boolean;
  spriteSourceSize: { x: number; y: number; w: number; h: number };
  sourceSize: { w: number; h: number };
  duration: number;
}

export interface AsepriteJson {
  frames: Record<string, AsepriteFrameJson> | AsepriteFrameJson[];
  meta: {
    app: string;
    version: string;
    image: string;
    format: 'RGBA8888' | 'I8';
    size: { w: number; h: number };
    scale: string;
    frameTags: { name: string; from: number; to: number; direction: string; repeat?: string; color: string }[];
    layers: { name: string; opacity: number; blendMode: string }[];
    slices: unknown[];
  };
}

export interface AsepriteExportOptions {
  /** Sheet image file name as the JSON refers to it (relative to the JSON). */
  image: string;
  variant?: 'hash' | 'array';
  version?: string;
}

function frameJson(f: PackedFrame): AsepriteFrameJson {
  return {
    frame: { ...f.frame },
    rotated: false,
    trimmed: f.trimmed,
    spriteSourceSize: { ...f.spriteSourceSize },
    sourceSize: { ...f.sourceSize },
    duration: Math.round(f.durationMs),
  };
}

function tagJson(t: SpriteTag) {
  return {
    name: t.name,
    from: t.from,
    to: t.to,
    direction: t.direction,
    // Aseprite writes repeat as a string, and only when set.
    ...(t.repeat !== undefined ? { repeat: String(t.repeat) } : {}),
    color: t.color ?? '#000000ff',
  };
}

export function asepriteJson(sheet: SpriteSheet, opts: AsepriteExportOptions): AsepriteJson {
  const variant = opts.variant ?? 'hash';
  const frames =
    variant === 'hash'
      ? Object.fromEntries(sheet.frames.map((f) => [f.name, frameJson(f)]))
      : sheet.frames.map((f) => ({ filename: f.name, ...frameJson(f) }));
  return {
    frames,
    meta: {
      app: 'kino',
      version: opts.version ?? '1.3',
      image: opts.image,
      format: 'RGBA8888',
      size: { w: sheet.image.width, h: sheet.image.height },
      scale: '1',
      frameTags: sheet.tags.map(tagJson),
      layers: [{ name: 'Layer 1', opacity: 255, blendMode: 'normal' }],
      slices: [],
    },
  };
}

export interface LoadedSpriteFrame {
  name: string;
  /** The untrimmed frame, rebuilt from the atlas. */
  frame: Frame;
  durationMs: number;
}

/**
 * Reads an Aseprite sheet back (either variant): each frame rebuilt at its source size from the
 * atlas, as an engine would draw it. Used by the tests to prove the export round-trips.
 */
export function loadAsepriteSheet(json: unknown, atlas: Frame): { frames: LoadedSpriteFrame[]; tags: AsepriteJson['meta']['frameTags'] } {
  const j = json as AsepriteJson;
  if (!j || typeof j !== 'object' || !j.frames || !j.meta) throw new KinoError(issue('sprites/bad-aseprite', 'Not an Aseprite sheet JSON: expected "frames" and "meta".'));
  if (j.meta.size.w !== atlas.width || j.meta.size.h !== atlas.height) {
    throw new KinoError(issue('sprites/bad-aseprite', `The JSON says the sheet is ${j.meta.size.w}×${j.meta.size.h}, but the image is ${atlas.width}×${atlas.height}.`));
  }
  const list: { name: string; f: AsepriteFrameJson }[] = Array.isArray(j.frames)
    ? j.frames.map((f) => ({ name: f.filename ?? '', f }))
    : Object.entries(j.frames).map(([name, f]) => ({ name, f }));
  const frames = list.map(({ name, f }) => {
    if (f.rotated) throw new KinoError(issue('sprites/bad-aseprite', `Frame "${name}" is rotated; rotated frames are not supported.`));
    const out = createFrame(f.sourceSize.w, f.sourceSize.h);
    const piece = cropFrame(atlas, { x: f.frame.x, y: f.frame.y, w: f.frame.w, h: f.frame.h });
    blit(out, piece, f.spriteSourceSize.x, f.spriteSourceSize.y);
    return { name, frame: out, durationMs: f.duration };
  });
  return { frames, tags: j.meta.frameTags ?? [] };
}
