// Joel Yliluoma's arbitrary-palette positional dithering, algorithm 2
// (bisqwit.iki.fi/story/howto/dither/jy). Greedily builds an N-entry mixing plan whose mean (in
// linear light) approaches the input: at each step it tries adding each palette colour 1, 2, 4 …
// times and keeps the choice whose mix is closest to the input; the plan is sorted by luminance
// and indexed by the threshold map. Trial mixes are compared in OKLab: Yliluoma's own luma-weighted
// RGB metric is ~2× cheaper but tolerates hue errors (measured: a green cast in a white sun halo
// on PICO-8). A plan is ~1,000 trials, computed once per 6-bit colour key and then cached.
//
// Strength s < 1 moves the plan's target towards the nearest palette colour (s = 0: flat).

import type { NearestColor } from '../color/nearest';
import { linearToOklab, type Vec3 } from '../color/oklab';
import type { LinearImage } from '../linear-image';
import type { Target } from './matcher';
import { patternDither, sortPlanByLuma } from './plan-cache';
import type { ThresholdMap } from './threshold-map';

export function yliluomaPlan(strength: number) {
  const tgt: Vec3 = [0, 0, 0];
  const mixLab: Vec3 = [0, 0, 0];
  return (m: NearestColor, r: number, g: number, b: number, out: Uint16Array): void => {
    const pl = m.paletteLinear;
    const N = out.length;
    if (strength < 1) {
      const c = m.nearestLinear(r, g, b);
      r = pl[c * 3] + (r - pl[c * 3]) * strength;
      g = pl[c * 3 + 1] + (g - pl[c * 3 + 1]) * strength;
      b = pl[c * 3 + 2] + (b - pl[c * 3 + 2]) * strength;
    }
    linearToOklab(r, g, b, tgt);
    const tr = tgt[0], tg = tgt[1], tb = tgt[2];
    let sr = 0, sg = 0, sb = 0;
    let total = 0;
    const cand = m.count > 64 ? probeCandidates(m, r, g, b) : m.indices;
    while (total < N) {
      let chosen = cand[0];
      let amount = 1;
      let least = Infinity;
      const maxTest = Math.max(1, Math.min(total, N - total));
      for (let k = 0; k < cand.length; k++) {
        const c = cand[k];
        const pr = pl[c * 3], pg = pl[c * 3 + 1], pb = pl[c * 3 + 2];
        for (let p = 1; p <= maxTest; p *= 2) {
          const t = total + p;
          linearToOklab((sr + pr * p) / t, (sg + pg * p) / t, (sb + pb * p) / t, mixLab);
          const d0 = mixLab[0] - tr, d1 = mixLab[1] - tg, d2 = mixLab[2] - tb;
          const penalty = d0 * d0 + d1 * d1 + d2 * d2;
          if (penalty < least) {
            least = penalty;
            chosen = c;
            amount = p;
          }
        }
      }
      for (let p = 0; p < amount && total < N; p++) out[total++] = chosen;
      sr += pl[chosen * 3] * amount;
      sg += pl[chosen * 3 + 1] * amount;
      sb += pl[chosen * 3 + 2] * amount;
    }
    sortPlanByLuma(m, out);
  };
}

/**
 * Large palettes (SNES's 32,768) would make each plan millions of trials; the mix only ever uses
 * colours near the target, so probe a small lattice around it through the lookup table.
 */
function probeCandidates(m: NearestColor, r: number, g: number, b: number): Uint16Array {
  const set = new Set<number>();
  const d = 0.06;
  for (let i = -1; i <= 1; i++)
    for (let j = -1; j <= 1; j++)
      for (let k = -1; k <= 1; k++) {
        const cl = (v: number) => (v < 0 ? 0 : v > 1 ? 1 : v);
        set.add(m.nearestLinear(cl(r + i * d), cl(g + j * d), cl(b + k * d)));
      }
  return Uint16Array.from([...set].sort((a, b2) => a - b2));
}

const stores = new Map<number, WeakMap<NearestColor, never>>();

export function yliluomaDither(img: LinearImage, target: Target, out: Uint16Array, map: ThresholdMap, strength = 1, offsetX = 0, offsetY = 0): void {
  const key = Math.round(strength * 1000);
  let store = stores.get(key);
  if (!store) stores.set(key, (store = new WeakMap()));
  patternDither(img, target, out, map, yliluomaPlan(strength), store as WeakMap<NearestColor, never>, offsetX, offsetY);
}
