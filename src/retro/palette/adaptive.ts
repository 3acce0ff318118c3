// An adaptive palette for one shot: median cut in OKLab over a weighted colour histogram of a few
// sample frames, refined by k-means (Lloyd) iterations. Built once per shot and then frozen —
// per-frame palettes change 81–91 % of pixels on a static noisy scene (reference/retro.md §6).
// No randomness anywhere: the same frames give the same palette, byte for byte.

import { KinoError, issue } from '../../doc/errors';
import { SRGB8_TO_LINEAR, linearToSrgb8 } from '../color/srgb';
import { linearToOklab, oklabToLinear, type Vec3 } from '../color/oklab';
import type { Frame } from '../frame';
import type { Palette } from './palette';

export interface AdaptiveOptions {
  /** At most this many pixels are sampled over all frames (evenly strided). Default 262,144. */
  maxSamples?: number;
  /** k-means refinement passes after median cut. Default 8. */
  iterations?: number;
  name?: string;
}

interface Box {
  bins: number[];
  weight: number;
}

const BIN_BITS = 5;

export function buildAdaptivePalette(frames: readonly Frame[], colors: number, opts: AdaptiveOptions = {}): Palette {
  if (!Number.isInteger(colors) || colors < 2 || colors > 256) {
    throw new KinoError(issue('retro/adaptive-size', `An adaptive palette needs 2–256 colours; got ${colors}.`, { hint: 'For example adaptive:16.' }));
  }
  if (frames.length === 0) throw new KinoError(issue('retro/adaptive-frames', 'An adaptive palette needs at least one sample frame.'));
  const maxSamples = opts.maxSamples ?? 262_144;
  const nbins = 1 << (3 * BIN_BITS);
  const count = new Float64Array(nbins);
  const sum = new Float64Array(nbins * 3);
  const total = frames.reduce((s, f) => s + f.width * f.height, 0);
  const stride = Math.max(1, Math.floor(total / maxSamples));
  for (const f of frames) {
    const d = f.data;
    const n = f.width * f.height;
    for (let i = 0; i < n; i += stride) {
      const o = i * 4;
      if (d[o + 3] < 128) continue;
      const bin = ((d[o] >> 3) << 10) | ((d[o + 1] >> 3) << 5) | (d[o + 2] >> 3);
      count[bin] += 1;
      sum[bin * 3] += SRGB8_TO_LINEAR[d[o]];
      sum[bin * 3 + 1] += SRGB8_TO_LINEAR[d[o + 1]];
      sum[bin * 3 + 2] += SRGB8_TO_LINEAR[d[o + 2]];
    }
  }
  // Bins as weighted OKLab points.
  const used: number[] = [];
  for (let b = 0; b < nbins; b++) if (count[b] > 0) used.push(b);
  if (used.length === 0) throw new KinoError(issue('retro/adaptive-frames', 'The sample frames have no opaque pixels to build a palette from.'));
  const lab = new Float64Array(nbins * 3);
  const t: Vec3 = [0, 0, 0];
  for (const b of used) {
    linearToOklab(sum[b * 3] / count[b], sum[b * 3 + 1] / count[b], sum[b * 3 + 2] / count[b], t);
    lab[b * 3] = t[0];
    lab[b * 3 + 1] = t[1];
    lab[b * 3 + 2] = t[2];
  }

  // Median cut: split the box with the largest weighted variance along its widest axis.
  const boxes: Box[] = [{ bins: used, weight: used.reduce((s, b) => s + count[b], 0) }];
  const stats = (box: Box): { axis: number; score: number } => {
    let best = { axis: 0, score: -1 };
    for (let ax = 0; ax < 3; ax++) {
      let m = 0;
      for (const b of box.bins) m += lab[b * 3 + ax] * count[b];
      m /= box.weight;
      let v = 0;
      for (const b of box.bins) v += count[b] * (lab[b * 3 + ax] - m) ** 2;
      if (v > best.score) best = { axis: ax, score: v };
    }
    return best;
  };
  while (boxes.length < colors) {
    let pick = -1;
    let pickStats = { axis: 0, score: 0 };
    for (let i = 0; i < boxes.length; i++) {
      if (boxes[i].bins.length < 2) continue;
      const s = stats(boxes[i]);
      if (s.score > pickStats.score) {
        pick = i;
        pickStats = s;
      }
    }
    if (pick < 0) break;
    const box = boxes[pick];
    const ax = pickStats.axis;
    const sorted = [...box.bins].sort((a, b) => lab[a * 3 + ax] - lab[b * 3 + ax] || a - b);
    let acc = 0;
    let cut = 1;
    for (let i = 0; i < sorted.length - 1; i++) {
      acc += count[sorted[i]];
      cut = i + 1;
      if (acc >= box.weight / 2) break;
    }
    const a = sorted.slice(0, cut);
    const b = sorted.slice(cut);
    const w = (bs: number[]) => bs.reduce((s, x) => s + count[x], 0);
    boxes.splice(pick, 1, { bins: a, weight: w(a) }, { bins: b, weight: w(b) });
  }

  // Centroids, then Lloyd iterations over the bins.
  const k = boxes.length;
  const cent = new Float64Array(k * 3);
  boxes.forEach((box, i) => {
    for (const b of box.bins) for (let ax = 0; ax < 3; ax++) cent[i * 3 + ax] += lab[b * 3 + ax] * count[b];
    for (let ax = 0; ax < 3; ax++) cent[i * 3 + ax] /= box.weight;
  });
  const iterations = opts.iterations ?? 8;
  const acc = new Float64Array(k * 4);
  for (let it = 0; it < iterations; it++) {
    acc.fill(0);
    for (const b of used) {
      let best = 0;
      let bestD = Infinity;
      for (let c = 0; c < k; c++) {
        const d0 = lab[b * 3] - cent[c * 3], d1 = lab[b * 3 + 1] - cent[c * 3 + 1], d2 = lab[b * 3 + 2] - cent[c * 3 + 2];
        const d = d0 * d0 + d1 * d1 + d2 * d2;
        if (d < bestD) {
          bestD = d;
          best = c;
        }
      }
      const w = count[b];
      acc[best * 4] += lab[b * 3] * w;
      acc[best * 4 + 1] += lab[b * 3 + 1] * w;
      acc[best * 4 + 2] += lab[b * 3 + 2] * w;
      acc[best * 4 + 3] += w;
    }
    for (let c = 0; c < k; c++) {
      const w = acc[c * 4 + 3];
      if (w > 0) for (let ax = 0; ax < 3; ax++) cent[c * 3 + ax] = acc[c * 4 + ax] / w;
    }
  }

  // To sRGB, dark to light, duplicates folded.
  const out: { key: number; L: number }[] = [];
  const seen = new Set<number>();
  for (let c = 0; c < k; c++) {
    oklabToLinear(cent[c * 3], cent[c * 3 + 1], cent[c * 3 + 2], t);
    const r = linearToSrgb8(t[0]), g = linearToSrgb8(t[1]), b = linearToSrgb8(t[2]);
    const key = (r << 16) | (g << 8) | b;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ key, L: cent[c * 3] });
  }
  out.sort((a, b) => a.L - b.L || a.key - b.key);
  const rgb = new Uint8Array(out.length * 3);
  out.forEach((c, i) => {
    rgb[i * 3] = c.key >> 16;
    rgb[i * 3 + 1] = (c.key >> 8) & 255;
    rgb[i * 3 + 2] = c.key & 255;
  });
  return { name: opts.name ?? `adaptive-${colors}`, rgb, source: `median cut + k-means in OKLab over ${frames.length} frame(s)` };
}
