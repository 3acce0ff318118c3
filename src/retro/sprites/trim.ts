// Trimming: the bounding box of a frame's non-transparent pixels.

import type { Frame } from '../frame';
import type { Rect } from './sheet';

/** Bounding box of pixels with alpha > 0; a fully transparent frame trims to its top-left pixel. */
export function opaqueBounds(f: Frame): Rect {
  let x0 = f.width, y0 = f.height, x1 = -1, y1 = -1;
  const d = f.data;
  for (let y = 0; y < f.height; y++)
    for (let x = 0; x < f.width; x++)
      if (d[(y * f.width + x) * 4 + 3] !== 0) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
  if (x1 < 0) return { x: 0, y: 0, w: 1, h: 1 };
  return { x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1 };
}

export function cropFrame(f: Frame, r: Rect): Frame {
  const data = new Uint8Array(r.w * r.h * 4);
  for (let y = 0; y < r.h; y++) {
    const s = ((r.y + y) * f.width + r.x) * 4;
    data.set(f.data.subarray(s, s + r.w * 4), y * r.w * 4);
  }
  return { width: r.w, height: r.h, data };
}

export function blit(dst: Frame, src: Frame, x: number, y: number): void {
  for (let row = 0; row < src.height; row++) {
    const s = row * src.width * 4;
    dst.data.set(src.data.subarray(s, s + src.width * 4), ((y + row) * dst.width + x) * 4);
  }
}

export function framesEqual(a: Frame, b: Frame): boolean {
  if (a.width !== b.width || a.height !== b.height) return false;
  const n = a.data.length;
  for (let i = 0; i < n; i++) if (a.data[i] !== b.data[i]) return false;
  return true;
}
