// Error diffusion over the linear-light working image.
//
// - Error is carried in linear light and the working value is clamped (see CLAMP_MARGIN) before
//   the perceptual lookup (reference/retro.md §6; our numbers in bench/results/retro.md).
// - Serpentine scan: odd rows run right to left with the kernel mirrored, which breaks up the
//   diagonal "worms" a one-way scan draws in flat areas.
// - Hysteresis (video): a pixel whose source stayed within `threshold` 8-bit levels of the colour
//   it was last decided on keeps its previous palette index. Plain error diffusion is chaotic —
//   one changed pixel reroutes the error of everything after it — so a static noisy background
//   "boils" (52–55 % of pixels change per frame, §6); with hysteresis it stays put.

import { LINEAR16_TO_SRGB8, LINEAR_LUT_SCALE } from '../color/srgb';
import type { NearestColor } from '../color/nearest';
import type { LinearImage } from '../linear-image';
import type { DiffusionKernel } from './diffusion-kernels';
import type { GamutMap } from './gamut-map';
import { isCellMatchers, TRANSPARENT_INDEX, type Target } from './matcher';

export interface HysteresisState {
  /** Palette index chosen per pixel last time it was decided. */
  index: Uint16Array;
  /** sRGB8 source colour the index was decided on (3 bytes per pixel). */
  anchor: Uint8Array;
  /** Whether `index`/`anchor` hold a previous frame. */
  primed: boolean;
  /** Largest per-channel change, in 8-bit sRGB levels, that keeps the previous index. */
  threshold: number;
}

/**
 * The working value (pixel + diffused error) is clamped to [−m, 1 + m] before the lookup (which
 * sees it clamped to [0, 1]). Unbounded error runs away in areas the palette cannot reach (ΔE00
 * 15.2 → 6.0 with clamping, reference/retro.md §6), but clamping exactly at [0, 1] throws away the
 * negative error after every light pixel: sRGB 128 through black/white came out 25.0 % white
 * instead of 21.6 %. A quarter of the range of headroom keeps the mean (22.5 %) and measured
 * slightly better ΔE00 on PICO-8 (5.51 → 5.45 synthetic, 4.41 → 4.32 photo-like).
 */
const CLAMP_MARGIN = 0.25;

export function createHysteresisState(width: number, height: number, threshold: number): HysteresisState {
  return { index: new Uint16Array(width * height), anchor: new Uint8Array(width * height * 3), primed: false, threshold };
}

export interface ErrorDiffusionOptions {
  kernel: DiffusionKernel;
  /** 0..1: fraction of the error passed on (0 = plain nearest colour). Default 1. */
  strength?: number;
  /** Default true. */
  serpentine?: boolean;
  hysteresis?: HysteresisState;
  /** Diffuse towards the closest colour the palette can mix (single-palette targets only). */
  gamutMap?: GamutMap;
}

export function errorDiffuse(img: LinearImage, target: Target, out: Uint16Array, opts: ErrorDiffusionOptions): void {
  const { width: w, height: h, rgb: src, opaque } = img;
  const strength = opts.strength ?? 1;
  const serpentine = opts.serpentine ?? true;
  const taps = opts.kernel.taps;
  const nt = taps.length;
  const tdx = new Int32Array(nt);
  const tdy = new Int32Array(nt);
  const tw = new Float32Array(nt);
  let maxDy = 0;
  let pad = 0;
  for (let t = 0; t < nt; t++) {
    tdx[t] = taps[t][0];
    tdy[t] = taps[t][1];
    tw[t] = (taps[t][2] / opts.kernel.divisor) * strength;
    maxDy = Math.max(maxDy, tdy[t]);
    pad = Math.max(pad, Math.abs(tdx[t]));
  }
  const rows = maxDy + 1;
  const stride = (w + 2 * pad) * 3;
  const err = new Float32Array(rows * stride);

  const cells = isCellMatchers(target) ? target : null;
  const single = cells ? null : (target as NearestColor);
  const pal = (cells ? cells.matchers[0] : single!).paletteLinear;
  const hy = opts.hysteresis;
  const hyOn = hy !== undefined && hy.primed && hy.threshold > 0;
  const hyT = hy ? hy.threshold : 0;
  const toS = LINEAR16_TO_SRGB8;
  const S = LINEAR_LUT_SCALE;
  const gm = single !== null ? opts.gamutMap : undefined;
  const tgt = new Float32Array(3);

  for (let y = 0; y < h; y++) {
    const reverse = serpentine && (y & 1) === 1;
    const dir = reverse ? -1 : 1;
    const rowBase = (y % rows) * stride;
    for (let n = 0; n < w; n++) {
      const x = reverse ? w - 1 - n : n;
      const i = y * w + x;
      if (opaque !== null && opaque[i] === 0) {
        out[i] = TRANSPARENT_INDEX;
        continue;
      }
      const e = rowBase + (x + pad) * 3;
      const sr = src[i * 3], sg = src[i * 3 + 1], sb = src[i * 3 + 2];
      let r: number, g: number, b: number;
      if (gm !== undefined) {
        gm.map(sr, sg, sb, tgt);
        r = tgt[0] + err[e];
        g = tgt[1] + err[e + 1];
        b = tgt[2] + err[e + 2];
      } else {
        r = sr + err[e];
        g = sg + err[e + 1];
        b = sb + err[e + 2];
      }
      const M = CLAMP_MARGIN;
      r = r < -M ? -M : r > 1 + M ? 1 + M : r;
      g = g < -M ? -M : g > 1 + M ? 1 + M : g;
      b = b < -M ? -M : b > 1 + M ? 1 + M : b;
      const qr = r < 0 ? 0 : r > 1 ? 1 : r, qg = g < 0 ? 0 : g > 1 ? 1 : g, qb = b < 0 ? 0 : b > 1 ? 1 : b;
      let idx: number;
      if (hy !== undefined) {
        const ar = toS[(sr * S + 0.5) | 0], ag = toS[(sg * S + 0.5) | 0], ab = toS[(sb * S + 0.5) | 0];
        const a3 = i * 3;
        if (
          hyOn &&
          (single !== null || cells!.matchers[cells!.cellOf[i]].contains(hy.index[i])) &&
          Math.abs(ar - hy.anchor[a3]) <= hyT &&
          Math.abs(ag - hy.anchor[a3 + 1]) <= hyT &&
          Math.abs(ab - hy.anchor[a3 + 2]) <= hyT
        ) {
          idx = hy.index[i];
        } else {
          idx = single !== null ? single.nearestLinear(qr, qg, qb) : cells!.matchers[cells!.cellOf[i]].nearestLinear(qr, qg, qb);
          hy.index[i] = idx;
          hy.anchor[a3] = ar;
          hy.anchor[a3 + 1] = ag;
          hy.anchor[a3 + 2] = ab;
        }
      } else {
        idx = single !== null ? single.nearestLinear(qr, qg, qb) : cells!.matchers[cells!.cellOf[i]].nearestLinear(qr, qg, qb);
      }
      out[i] = idx;
      const er = r - pal[idx * 3];
      const eg = g - pal[idx * 3 + 1];
      const eb = b - pal[idx * 3 + 2];
      if (cells === null) {
        for (let t = 0; t < nt; t++) {
          const o = ((y + tdy[t]) % rows) * stride + (x + dir * tdx[t] + pad) * 3;
          const wt = tw[t];
          err[o] += er * wt;
          err[o + 1] += eg * wt;
          err[o + 2] += eb * wt;
        }
      } else {
        // Error stays among cells that share a colour set: error from a cell with other colours
        // cannot be paid back here and shows up as a fringe of wrong colour along the border.
        const own = cells.cellOf[i];
        for (let t = 0; t < nt; t++) {
          const tx = x + dir * tdx[t];
          const ty = y + tdy[t];
          if (tx < 0 || tx >= w || ty >= h || cells.cellOf[ty * w + tx] !== own) continue;
          const o = (ty % rows) * stride + (tx + pad) * 3;
          const wt = tw[t];
          err[o] += er * wt;
          err[o + 1] += eg * wt;
          err[o + 2] += eb * wt;
        }
      }
    }
    err.fill(0, rowBase, rowBase + stride);
  }
  if (hy !== undefined) hy.primed = true;
}

/**
 * Hysteresis as a pass over an already dithered frame (positional dithers): where the source is
 * within the threshold of the colour last decided on, restore the previous index.
 */
export function applyHysteresis(img: LinearImage, target: Target, out: Uint16Array, hy: HysteresisState): void {
  const { width: w, height: h, rgb: src, opaque } = img;
  const toS = LINEAR16_TO_SRGB8;
  const S = LINEAR_LUT_SCALE;
  const cells = isCellMatchers(target) ? target : null;
  const t = hy.threshold;
  for (let i = 0; i < w * h; i++) {
    if (opaque !== null && opaque[i] === 0) continue;
    const a3 = i * 3;
    const ar = toS[(src[a3] * S + 0.5) | 0], ag = toS[(src[a3 + 1] * S + 0.5) | 0], ab = toS[(src[a3 + 2] * S + 0.5) | 0];
    if (
      hy.primed &&
      Math.abs(ar - hy.anchor[a3]) <= t &&
      Math.abs(ag - hy.anchor[a3 + 1]) <= t &&
      Math.abs(ab - hy.anchor[a3 + 2]) <= t &&
      (cells === null || cells.matchers[cells.cellOf[i]].contains(hy.index[i]))
    ) {
      out[i] = hy.index[i];
    } else {
      hy.index[i] = out[i];
      hy.anchor[a3] = ar;
      hy.anchor[a3 + 1] = ag;
      hy.anchor[a3 + 2] = ab;
    }
  }
  hy.primed = true;
}
