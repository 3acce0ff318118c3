// Perceptual nearest-colour search over a palette (or a subset of it, for constraint modes).
//
// Full palettes get a lazily filled lookup table keyed by 6-bit-per-channel sRGB (262,144 entries,
// 512 KiB): each key is resolved once, for the centre of its cell, so the answer depends only on
// the key and never on the order pixels arrive in (determinism). A 6-bit cell spans 4 sRGB levels;
// under dithering that is far below the palette spacing, and error diffusion carries the residue.
// Measured (57,600 random colours, PICO-8, warm table): 0.4 ms through the table against 11.6 ms
// for a brute-force OKLab or sRGB scan of the 16 colours and 290 ms for a CIEDE2000 scan.
//
// Subsets (2–4 colours per cell in NES/ZX/C64 modes) get a coarser 5-bit table (64 KiB), made
// on first use: hundreds of distinct cell sets stay in a few MiB, and a pixel never pays for
// CIEDE2000 against every candidate.

import type { Palette } from '../palette/palette';
import { SRGB8_TO_LINEAR, LINEAR16_TO_SRGB8, LINEAR_LUT_SCALE, srgbToLinear } from './srgb';
import { metricCoords, metricDistance, isEuclidean, type DistanceMetric } from './distance';
import { linearToOklab, type Vec3 } from './oklab';
import { KdTree } from './kd-tree';

const EMPTY = 0xffff;
/** CIEDE2000 over more candidates than this pre-selects the nearest few by CIE76 (Lab distance). */
const CIEDE_PRESELECT_OVER = 24;
const CIEDE_PRESELECT = 6;

export interface NearestOptions {
  distance?: DistanceMetric;
  /** Only these palette indices are candidates (constraint modes). */
  subset?: ArrayLike<number>;
  /** Lookup-table key bits per channel (6 = 512 KiB table, 5 = 64 KiB); 0 = no table. Default 6, subsets 5. */
  keyBits?: 0 | 5 | 6;
}

export class NearestColor {
  readonly metric: DistanceMetric;
  /** Number of candidates. */
  readonly count: number;
  /** Candidate → palette index. */
  readonly indices: Uint16Array;
  /** Linear-light RGB of every palette entry (indexed by palette index, not candidate). */
  readonly paletteLinear: Float32Array;
  /** Metric coordinates per candidate. */
  private readonly coords: Float64Array;
  private lut: Uint16Array | null = null;
  private readonly keyBits: number;
  private readonly keyShift: number;
  /** 1 for palette indices that are candidates. */
  private readonly member: Uint8Array;
  private readonly tree: KdTree | null;
  private readonly treeMetric: DistanceMetric;
  private readonly tmp: Vec3 = [0, 0, 0];
  private readonly preselect = new Int32Array(CIEDE_PRESELECT);
  private readonly preselectD = new Float64Array(CIEDE_PRESELECT);

  constructor(readonly palette: Palette, opts: NearestOptions = {}) {
    this.metric = opts.distance ?? 'ciede2000';
    const size = palette.rgb.length / 3;
    const avoid = new Set(palette.avoid ?? []);
    const cand: number[] = [];
    if (opts.subset) {
      for (let i = 0; i < opts.subset.length; i++) if (!cand.includes(opts.subset[i])) cand.push(opts.subset[i]);
    } else {
      // Duplicate colours keep only their first (lowest) index: ties resolve the same way everywhere.
      const seen = new Set<number>();
      for (let i = 0; i < size; i++) {
        if (avoid.has(i)) continue;
        const k = (palette.rgb[i * 3] << 16) | (palette.rgb[i * 3 + 1] << 8) | palette.rgb[i * 3 + 2];
        if (seen.has(k)) continue;
        seen.add(k);
        cand.push(i);
      }
    }
    if (cand.length === 0) throw new Error(`Palette "${palette.name}" has no usable colours.`);
    this.count = cand.length;
    this.indices = Uint16Array.from(cand);
    this.member = new Uint8Array(size);
    for (const c of cand) this.member[c] = 1;
    this.paletteLinear = new Float32Array(size * 3);
    for (let i = 0; i < size * 3; i++) this.paletteLinear[i] = SRGB8_TO_LINEAR[palette.rgb[i]];
    this.coords = new Float64Array(cand.length * 3);
    for (let c = 0; c < cand.length; c++) {
      const o = cand[c] * 3;
      metricCoords(this.metric, this.paletteLinear[o], this.paletteLinear[o + 1], this.paletteLinear[o + 2], this.tmp);
      this.coords[c * 3] = this.tmp[0];
      this.coords[c * 3 + 1] = this.tmp[1];
      this.coords[c * 3 + 2] = this.tmp[2];
    }
    this.keyBits = opts.keyBits ?? (opts.subset ? 5 : 6);
    this.keyShift = 8 - this.keyBits;
    // Large palettes search a k-d tree; CIEDE2000/redmean are not Euclidean, so there the tree
    // runs in OKLab (documented trade-off: scanning 32,768 ΔE00s per key is seconds per frame).
    if (cand.length > 256) {
      const pts = isEuclidean(this.metric) ? this.coords : this.oklabCoords();
      this.tree = new KdTree(pts);
      this.treeMetric = isEuclidean(this.metric) ? this.metric : 'oklab';
    } else {
      this.tree = null;
      this.treeMetric = this.metric;
    }
  }

  private oklabCoords(): Float64Array {
    const out = new Float64Array(this.count * 3);
    for (let c = 0; c < this.count; c++) {
      const o = this.indices[c] * 3;
      linearToOklab(this.paletteLinear[o], this.paletteLinear[o + 1], this.paletteLinear[o + 2], this.tmp);
      out.set(this.tmp, c * 3);
    }
    return out;
  }

  /** Whether palette entry `index` is one of this matcher's candidates. */
  contains(index: number): boolean {
    return this.member[index] === 1;
  }

  /** Palette index nearest to a linear-light colour (components clamped to [0, 1] by the caller). */
  nearestLinear(r: number, g: number, b: number): number {
    const lut = this.lut ?? this.table();
    if (lut === null) return this.exact(r, g, b);
    const sh = this.keyShift, kb = this.keyBits;
    const key =
      ((LINEAR16_TO_SRGB8[(r * LINEAR_LUT_SCALE + 0.5) | 0] >> sh) << (2 * kb)) |
      ((LINEAR16_TO_SRGB8[(g * LINEAR_LUT_SCALE + 0.5) | 0] >> sh) << kb) |
      (LINEAR16_TO_SRGB8[(b * LINEAR_LUT_SCALE + 0.5) | 0] >> sh);
    const v = lut[key];
    return v !== EMPTY ? v : this.fill(key);
  }

  private table(): Uint16Array | null {
    if (this.keyBits === 0) return null;
    this.lut = new Uint16Array(1 << (3 * this.keyBits)).fill(EMPTY);
    return this.lut;
  }

  /** Palette index nearest to an 8-bit sRGB colour (values clamped to 0..255 by the caller). */
  nearestSrgb8(r: number, g: number, b: number): number {
    const lut = this.lut ?? this.table();
    if (lut === null) return this.exact(SRGB8_TO_LINEAR[r], SRGB8_TO_LINEAR[g], SRGB8_TO_LINEAR[b]);
    const sh = this.keyShift, kb = this.keyBits;
    const key = ((r >> sh) << (2 * kb)) | ((g >> sh) << kb) | (b >> sh);
    const v = lut[key];
    return v !== EMPTY ? v : this.fill(key);
  }

  private fill(key: number): number {
    const sh = this.keyShift, kb = this.keyBits, mask = (1 << kb) - 1;
    const half = (1 << sh) / 2 - 0.5;
    const r = ((key >> (2 * kb)) << sh) + half;
    const g = (((key >> kb) & mask) << sh) + half;
    const b = ((key & mask) << sh) + half;
    const idx = this.exact(srgbToLinear(r / 255), srgbToLinear(g / 255), srgbToLinear(b / 255));
    this.lut![key] = idx;
    return idx;
  }

  /** Exact search, no table: palette index nearest to a linear-light colour. */
  exact(r: number, g: number, b: number): number {
    if (this.tree) {
      const q = metricCoords(this.treeMetric, r, g, b, this.tmp);
      return this.indices[this.tree.nearest(q[0], q[1], q[2])];
    }
    const q = metricCoords(this.metric, r, g, b, this.tmp);
    const q0 = q[0], q1 = q[1], q2 = q[2];
    const c = this.coords;
    let best = 0;
    let bestD = Infinity;
    if (this.metric === 'oklab' || this.metric === 'rgb') {
      for (let i = 0, o = 0; i < this.count; i++, o += 3) {
        const d0 = c[o] - q0, d1 = c[o + 1] - q1, d2 = c[o + 2] - q2;
        const d = d0 * d0 + d1 * d1 + d2 * d2;
        if (d < bestD) {
          bestD = d;
          best = i;
        }
      }
    } else if (this.metric === 'ciede2000' && this.count > CIEDE_PRESELECT_OVER) {
      // The CIEDE2000-nearest colour is among the few nearest by plain Lab distance.
      const near = this.preselect;
      const nd = this.preselectD;
      near.fill(-1);
      nd.fill(Infinity);
      for (let i = 0, o = 0; i < this.count; i++, o += 3) {
        const d0 = c[o] - q0, d1 = c[o + 1] - q1, d2 = c[o + 2] - q2;
        const d = d0 * d0 + d1 * d1 + d2 * d2;
        if (d >= nd[CIEDE_PRESELECT - 1]) continue;
        let k = CIEDE_PRESELECT - 1;
        while (k > 0 && nd[k - 1] > d) {
          nd[k] = nd[k - 1];
          near[k] = near[k - 1];
          k--;
        }
        nd[k] = d;
        near[k] = i;
      }
      for (let k = 0; k < CIEDE_PRESELECT; k++) {
        const i = near[k];
        if (i < 0) break;
        const o = i * 3;
        const d = metricDistance(this.metric, q0, q1, q2, c[o], c[o + 1], c[o + 2]);
        if (d < bestD || (d === bestD && i < best)) {
          bestD = d;
          best = i;
        }
      }
    } else {
      for (let i = 0, o = 0; i < this.count; i++, o += 3) {
        const d = metricDistance(this.metric, q0, q1, q2, c[o], c[o + 1], c[o + 2]);
        if (d < bestD) {
          bestD = d;
          best = i;
        }
      }
    }
    return this.indices[best];
  }

  /** Distance (in the metric) from a linear-light colour to palette entry `index`. */
  distanceTo(r: number, g: number, b: number, index: number): number {
    const q = metricCoords(this.metric, r, g, b, this.tmp);
    const q0 = q[0], q1 = q[1], q2 = q[2];
    const o = index * 3;
    const p = metricCoords(this.metric, this.paletteLinear[o], this.paletteLinear[o + 1], this.paletteLinear[o + 2], this.tmp);
    return metricDistance(this.metric, q0, q1, q2, p[0], p[1], p[2]);
  }
}

const shared = new Map<string, NearestColor>();
const SHARED_MAX = 12;

/**
 * One matcher per (palette colours, metric) for the whole process: its lookup table, gamut map
 * and dither plans fill once and serve every shot and style that uses the palette. Safe to share
 * because every cached answer depends only on its key, never on the order of lookups.
 */
export function sharedMatcher(palette: Palette, distance: DistanceMetric = 'ciede2000'): NearestColor {
  const key = `${distance}|${palette.avoid?.join(',') ?? ''}|${Buffer.from(palette.rgb.buffer, palette.rgb.byteOffset, palette.rgb.length).toString('base64')}`;
  let m = shared.get(key);
  if (m) {
    shared.delete(key);
    shared.set(key, m);
    return m;
  }
  m = new NearestColor(palette, { distance });
  shared.set(key, m);
  if (shared.size > SHARED_MAX) shared.delete(shared.keys().next().value!);
  return m;
}
