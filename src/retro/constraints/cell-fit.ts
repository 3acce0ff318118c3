// Shared maths of the attribute-cell modes: how well a small set of palette colours can render a
// group of pixels once dithering is allowed. A pixel costs its squared OKLab distance to the
// nearest point of any segment between two colours of the set (a dithered mix of A and B lies
// on that segment, approximately, in OKLab), so a set that brackets a gradient beats a set of
// look-alikes. Choosing sets greedily by this cost is what makes NES/ZX/C64 frames readable.

import { linearToOklab, type Vec3 } from '../color/oklab';
import type { LinearImage } from '../linear-image';
import type { Palette } from '../palette/palette';
import { SRGB8_TO_LINEAR } from '../color/srgb';

/** OKLab per pixel (3 floats). */
export function oklabPixels(img: LinearImage): Float32Array {
  const n = img.width * img.height;
  const out = new Float32Array(n * 3);
  const t: Vec3 = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    linearToOklab(img.rgb[i * 3], img.rgb[i * 3 + 1], img.rgb[i * 3 + 2], t);
    out[i * 3] = t[0];
    out[i * 3 + 1] = t[1];
    out[i * 3 + 2] = t[2];
  }
  return out;
}

/** OKLab per palette entry. */
export function oklabPalette(p: Palette): Float64Array {
  const n = p.rgb.length / 3;
  const out = new Float64Array(n * 3);
  const t: Vec3 = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    linearToOklab(SRGB8_TO_LINEAR[p.rgb[i * 3]], SRGB8_TO_LINEAR[p.rgb[i * 3 + 1]], SRGB8_TO_LINEAR[p.rgb[i * 3 + 2]], t);
    out.set(t, i * 3);
  }
  return out;
}

function pointDist2(px: number, py: number, pz: number, c: Float64Array, a: number): number {
  const dx = px - c[a * 3], dy = py - c[a * 3 + 1], dz = pz - c[a * 3 + 2];
  return dx * dx + dy * dy + dz * dz;
}

function segmentDist2(px: number, py: number, pz: number, c: Float64Array, a: number, b: number): number {
  const ax = c[a * 3], ay = c[a * 3 + 1], az = c[a * 3 + 2];
  const vx = c[b * 3] - ax, vy = c[b * 3 + 1] - ay, vz = c[b * 3 + 2] - az;
  const len2 = vx * vx + vy * vy + vz * vz;
  let t = len2 > 0 ? ((px - ax) * vx + (py - ay) * vy + (pz - az) * vz) / len2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const dx = px - (ax + t * vx), dy = py - (ay + t * vy), dz = pz - (az + t * vz);
  return dx * dx + dy * dy + dz * dz;
}

/** Total cost of rendering the listed pixels with the colour set (palette indices). */
export function setCost(lab: Float32Array, pixels: ArrayLike<number>, paletteLab: Float64Array, set: readonly number[], limit = Infinity): number {
  let total = 0;
  const n = set.length;
  for (let k = 0; k < pixels.length; k++) {
    const i = pixels[k] * 3;
    const px = lab[i], py = lab[i + 1], pz = lab[i + 2];
    let best = Infinity;
    if (n === 1) best = pointDist2(px, py, pz, paletteLab, set[0]);
    for (let a = 0; a < n; a++)
      for (let b = a + 1; b < n; b++) {
        const d = segmentDist2(px, py, pz, paletteLab, set[a], set[b]);
        if (d < best) best = d;
      }
    total += best;
    if (total > limit) return total;
  }
  return total;
}

/**
 * Grows `fixed` by `extra` colours from `candidates`, each step adding the colour that lowers the
 * cost most (ties: lower palette index). Returns the added colours in order.
 */
export function greedyExtend(lab: Float32Array, pixels: ArrayLike<number>, paletteLab: Float64Array, fixed: readonly number[], candidates: readonly number[], extra: number): number[] {
  const chosen: number[] = [];
  for (let step = 0; step < extra; step++) {
    let best = -1;
    let bestCost = Infinity;
    for (const c of candidates) {
      if (fixed.includes(c) || chosen.includes(c)) continue;
      const cost = setCost(lab, pixels, paletteLab, [...fixed, ...chosen, c], bestCost);
      if (cost < bestCost) {
        bestCost = cost;
        best = c;
      }
    }
    if (best < 0) break;
    chosen.push(best);
  }
  return chosen;
}

/** Pixel indices of each cell of a cw×ch grid, row-major cells. */
export function cellPixelLists(width: number, height: number, cw: number, ch: number): { cols: number; rows: number; cells: Int32Array[]; cellOf: Uint16Array } {
  const cols = Math.ceil(width / cw);
  const rows = Math.ceil(height / ch);
  const cellOf = new Uint16Array(width * height);
  const counts = new Int32Array(cols * rows);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const c = ((y / ch) | 0) * cols + ((x / cw) | 0);
      cellOf[y * width + x] = c;
      counts[c]++;
    }
  const cells = Array.from(counts, (n) => new Int32Array(n));
  const fill = new Int32Array(cols * rows);
  for (let i = 0; i < width * height; i++) {
    const c = cellOf[i];
    cells[c][fill[c]++] = i;
  }
  return { cols, rows, cells, cellOf };
}

/** Nearest palette index per pixel in OKLab over `candidates`, and a histogram. */
export function nearestHistogram(lab: Float32Array, pixels: ArrayLike<number>, paletteLab: Float64Array, candidates: readonly number[]): Map<number, number> {
  const hist = new Map<number, number>();
  for (let k = 0; k < pixels.length; k++) {
    const i = pixels[k] * 3;
    let best = candidates[0];
    let bestD = Infinity;
    for (const c of candidates) {
      const d = pointDist2(lab[i], lab[i + 1], lab[i + 2], paletteLab, c);
      if (d < bestD) {
        bestD = d;
        best = c;
      }
    }
    hist.set(best, (hist.get(best) ?? 0) + 1);
  }
  return hist;
}

/** Histogram entries sorted by count (desc), then palette index. */
export function byFrequency(hist: Map<number, number>): number[] {
  return [...hist.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map((e) => e[0]);
}
