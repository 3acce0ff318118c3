// Packing animation frames into one atlas: a fixed grid (what Tiled and simple engines want) or a
// tight MaxRects pack of trimmed frames with identical frames stored once (what TexturePacker and
// `aseprite --sheet-type packed --trim --merge-duplicates` produce).

import { z } from 'zod';
import { KinoError, issue } from '../../doc/errors';
import { createFrame, type Frame } from '../frame';
import { MaxRectsBin } from './max-rects';
import { SpriteTagSchema, type PackedFrame, type Rect, type SpriteFrameInput, type SpriteSheet, type SpriteTagInput } from './sheet';
import { blit, cropFrame, framesEqual, opaqueBounds } from './trim';

export const PackOptionsSchema = z.object({
  layout: z.enum(['grid', 'packed']).default('packed'),
  /** Grid: columns (default: as square as possible). */
  columns: z.number().int().min(1).optional(),
  /** Pixels between sprites. */
  spacing: z.number().int().min(0).max(64).default(0),
  /** Pixels around the sheet's edge. */
  margin: z.number().int().min(0).max(64).default(0),
  /** Packed: trim transparent borders. */
  trim: z.boolean().default(true),
  /** Packed: store identical frames once. */
  dedupe: z.boolean().default(true),
  /** Round the sheet up to powers of two (old GPUs, some engines' compression). */
  powerOfTwo: z.boolean().default(false),
});
export type PackOptions = z.input<typeof PackOptionsSchema>;

const MAX_SHEET = 16384;

export function packSpriteSheet(frames: readonly SpriteFrameInput[], tagInput: readonly SpriteTagInput[] = [], options: PackOptions = {}): SpriteSheet {
  const o = PackOptionsSchema.parse(options);
  if (frames.length === 0) throw new KinoError(issue('sprites/empty', 'A sprite sheet needs at least one frame.'));
  const names = new Set<string>();
  for (const f of frames) {
    if (names.has(f.name)) throw new KinoError(issue('sprites/duplicate-name', `Two sprite frames are named "${f.name}"; frame names key the engine exports.`, { hint: 'Number the frames, e.g. "walk 0", "walk 1".' }));
    names.add(f.name);
  }
  const tags = tagInput.map((t) => SpriteTagSchema.parse(t));
  for (const t of tags) {
    if (t.from > t.to || t.to >= frames.length) {
      throw new KinoError(issue('sprites/bad-tag', `Tag "${t.name}" spans frames ${t.from}–${t.to}, but there are ${frames.length} frames (0–${frames.length - 1}).`));
    }
  }
  return o.layout === 'grid' ? packGrid(frames, tags, o) : packTight(frames, tags, o);
}

function pow2(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

function packGrid(frames: readonly SpriteFrameInput[], tags: SpriteSheet['tags'], o: z.infer<typeof PackOptionsSchema>): SpriteSheet {
  const cellW = Math.max(...frames.map((f) => f.frame.width));
  const cellH = Math.max(...frames.map((f) => f.frame.height));
  const columns = o.columns ?? Math.ceil(Math.sqrt((frames.length * cellH) / cellW));
  const rows = Math.ceil(frames.length / columns);
  let W = o.margin * 2 + columns * cellW + (columns - 1) * o.spacing;
  let H = o.margin * 2 + rows * cellH + (rows - 1) * o.spacing;
  if (o.powerOfTwo) {
    W = pow2(W);
    H = pow2(H);
  }
  checkSize(W, H);
  const image = createFrame(W, H);
  const packed: PackedFrame[] = frames.map((f, i) => {
    const x = o.margin + (i % columns) * (cellW + o.spacing);
    const y = o.margin + Math.floor(i / columns) * (cellH + o.spacing);
    blit(image, f.frame, x, y);
    // Frames smaller than the cell sit at its top-left; the cell is the frame for engines.
    return {
      name: f.name,
      frame: { x, y, w: cellW, h: cellH },
      rotated: false,
      trimmed: false,
      spriteSourceSize: { x: 0, y: 0, w: cellW, h: cellH },
      sourceSize: { w: cellW, h: cellH },
      durationMs: f.durationMs,
    };
  });
  return { image, frames: packed, tags, layout: 'grid', grid: { cellW, cellH, columns, rows, spacing: o.spacing, margin: o.margin } };
}

function packTight(frames: readonly SpriteFrameInput[], tags: SpriteSheet['tags'], o: z.infer<typeof PackOptionsSchema>): SpriteSheet {
  // Trim and find duplicates.
  const pieces: { rect: Rect; pixels: Frame; dup?: number }[] = frames.map((f) => {
    const rect = o.trim ? opaqueBounds(f.frame) : { x: 0, y: 0, w: f.frame.width, h: f.frame.height };
    return { rect, pixels: cropFrame(f.frame, rect) };
  });
  if (o.dedupe) {
    pieces.forEach((p, i) => {
      for (let j = 0; j < i; j++) {
        if (pieces[j].dup === undefined && framesEqual(pieces[j].pixels, p.pixels)) {
          p.dup = j;
          break;
        }
      }
    });
  }
  const unique = pieces.map((p, i) => ({ p, i })).filter((e) => e.p.dup === undefined);
  // Tallest first, then widest, then input order: a stable, good MaxRects order.
  const order = [...unique].sort((a, b) => b.p.rect.h - a.p.rect.h || b.p.rect.w - a.p.rect.w || a.i - b.i);
  const sp = o.spacing;
  const area = unique.reduce((s, e) => s + (e.p.rect.w + sp) * (e.p.rect.h + sp), 0);
  const maxW = Math.max(...unique.map((e) => e.p.rect.w));
  // Try a range of widths around the square root of the area; keep the smallest sheet.
  let best: { W: number; H: number; places: Map<number, Rect> } | undefined;
  const side = Math.ceil(Math.sqrt(area));
  const candidates = new Set<number>();
  for (let k = 0; k <= 16; k++) candidates.add(Math.max(maxW + sp, Math.round(side * (0.7 + k * 0.05))));
  for (const cw of [...candidates].sort((a, b) => a - b)) {
    const binW = cw + 2 * o.margin;
    const bin = new MaxRectsBin(binW - 2 * o.margin + sp, MAX_SHEET);
    const places = new Map<number, Rect>();
    let H = 0;
    let ok = true;
    for (const e of order) {
      const r = bin.insert(e.p.rect.w + sp, e.p.rect.h + sp);
      if (!r) {
        ok = false;
        break;
      }
      places.set(e.i, { x: r.x + o.margin, y: r.y + o.margin, w: e.p.rect.w, h: e.p.rect.h });
      H = Math.max(H, r.y + e.p.rect.h);
    }
    if (!ok) continue;
    let W = Math.max(...[...places.values()].map((r) => r.x + r.w)) + o.margin;
    H += 2 * o.margin;
    if (o.powerOfTwo) {
      W = pow2(W);
      H = pow2(H);
    }
    if (!best || W * H < best.W * best.H || (W * H === best.W * best.H && Math.abs(W - H) < Math.abs(best.W - best.H))) best = { W, H, places };
  }
  if (!best) throw new KinoError(issue('sprites/too-large', `The frames do not fit in a ${MAX_SHEET}×${MAX_SHEET} sheet.`, { hint: 'Split the animation into several sheets or reduce the frame size.' }));
  checkSize(best.W, best.H);
  const image = createFrame(best.W, best.H);
  for (const e of unique) {
    const r = best.places.get(e.i)!;
    blit(image, e.p.pixels, r.x, r.y);
  }
  const packed: PackedFrame[] = frames.map((f, i) => {
    const p = pieces[i];
    const src = p.dup ?? i;
    const at = best!.places.get(src)!;
    const trimmed = p.rect.x !== 0 || p.rect.y !== 0 || p.rect.w !== f.frame.width || p.rect.h !== f.frame.height;
    return {
      name: f.name,
      frame: { x: at.x, y: at.y, w: p.rect.w, h: p.rect.h },
      rotated: false,
      trimmed,
      spriteSourceSize: { ...p.rect },
      sourceSize: { w: f.frame.width, h: f.frame.height },
      durationMs: f.durationMs,
      ...(p.dup !== undefined ? { duplicateOf: p.dup } : {}),
    };
  });
  return { image, frames: packed, tags, layout: 'packed' };
}

function checkSize(W: number, H: number): void {
  if (W > MAX_SHEET || H > MAX_SHEET) {
    throw new KinoError(issue('sprites/too-large', `The sprite sheet would be ${W}×${H}; the limit is ${MAX_SHEET}×${MAX_SHEET}.`, { hint: 'Split the animation into several sheets or reduce the frame size.' }));
  }
}
