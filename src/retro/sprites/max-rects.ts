// MaxRects bin packing with the best-short-side-fit rule (Jukka Jylänki, "A Thousand Ways to Pack
// the Bin", 2010), no rotation (engines' Aseprite/TexturePacker loaders handle rotated frames
// unevenly, and pixel art must never be resampled). Deterministic: fixed order, fixed tie-breaks.

import type { Rect } from './sheet';

export class MaxRectsBin {
  private free: Rect[];
  constructor(readonly width: number, readonly height: number) {
    this.free = [{ x: 0, y: 0, w: width, h: height }];
  }

  /** Places a w×h rectangle; undefined when it does not fit. */
  insert(w: number, h: number): Rect | undefined {
    let best: Rect | undefined;
    let bestShort = Infinity;
    let bestLong = Infinity;
    for (const f of this.free) {
      if (w > f.w || h > f.h) continue;
      const short = Math.min(f.w - w, f.h - h);
      const long = Math.max(f.w - w, f.h - h);
      if (short < bestShort || (short === bestShort && long < bestLong) || (short === bestShort && long === bestLong && best && (f.y < best.y || (f.y === best.y && f.x < best.x)))) {
        best = { x: f.x, y: f.y, w, h };
        bestShort = short;
        bestLong = long;
      }
    }
    if (!best) return undefined;
    this.split(best);
    return best;
  }

  private split(used: Rect): void {
    const next: Rect[] = [];
    for (const f of this.free) {
      if (used.x >= f.x + f.w || used.x + used.w <= f.x || used.y >= f.y + f.h || used.y + used.h <= f.y) {
        next.push(f);
        continue;
      }
      if (used.x > f.x) next.push({ x: f.x, y: f.y, w: used.x - f.x, h: f.h });
      if (used.x + used.w < f.x + f.w) next.push({ x: used.x + used.w, y: f.y, w: f.x + f.w - (used.x + used.w), h: f.h });
      if (used.y > f.y) next.push({ x: f.x, y: f.y, w: f.w, h: used.y - f.y });
      if (used.y + used.h < f.y + f.h) next.push({ x: f.x, y: used.y + used.h, w: f.w, h: f.y + f.h - (used.y + used.h) });
    }
    // Drop free rectangles contained in another.
    this.free = next.filter((a, i) => !next.some((b, j) => j !== i && a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h && (j < i || a.x !== b.x || a.y !== b.y || a.w !== b.w || a.h !== b.h)));
  }
}
