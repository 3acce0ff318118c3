// Shared machinery of the pattern dithers (Knoll, Yliluoma): for each input colour a "mixing plan"
// of N palette indices, sorted by luminance, is computed once and cached; each pixel then emits
// plan[rank(x, y)] from a threshold map of N cells. Plans are keyed by 6-bit-per-channel sRGB and
// computed for the key's centre, so they are independent of the order pixels are met.

import { LINEAR16_TO_SRGB8, LINEAR_LUT_SCALE, srgbToLinear } from '../color/srgb';
import type { NearestColor } from '../color/nearest';
import type { LinearImage } from '../linear-image';
import { isCellMatchers, TRANSPARENT_INDEX, type Target } from './matcher';
import type { ThresholdMap } from './threshold-map';

/** Computes the plan for a linear-light colour into `out` (length N). */
export type PlanBuilder = (m: NearestColor, r: number, g: number, b: number, out: Uint16Array) => void;

interface Cache {
  slot: Int32Array;
  plans: Uint16Array[];
}

const KEYS = 1 << 18;

function cacheFor(store: WeakMap<NearestColor, Cache>, m: NearestColor): Cache {
  let c = store.get(m);
  if (!c) store.set(m, (c = { slot: new Int32Array(KEYS).fill(-1), plans: [] }));
  return c;
}

/** Sorts a plan by the luminance of its palette colours (ties: lower index first). */
export function sortPlanByLuma(m: NearestColor, plan: Uint16Array): void {
  const pl = m.paletteLinear;
  const luma = (i: number) => 0.2126 * pl[i * 3] + 0.7152 * pl[i * 3 + 1] + 0.0722 * pl[i * 3 + 2];
  const arr = Array.from(plan).sort((a, b) => luma(a) - luma(b) || a - b);
  plan.set(arr);
}

export function patternDither(img: LinearImage, target: Target, out: Uint16Array, map: ThresholdMap, build: PlanBuilder, store: WeakMap<NearestColor, Cache>, offsetX = 0, offsetY = 0): void {
  const { width: w, height: h, rgb: src, opaque } = img;
  const n = map.width * map.height;
  const mw = map.width, mh = map.height, ranks = map.ranks;
  const ox = ((-offsetX % mw) + mw) % mw;
  const oy = ((-offsetY % mh) + mh) % mh;
  const cells = isCellMatchers(target) ? target : null;
  const single = cells ? null : (target as NearestColor);
  const singleCache = single ? cacheFor(store, single) : null;
  const toS = LINEAR16_TO_SRGB8;
  const S = LINEAR_LUT_SCALE;
  const tmp = new Uint16Array(n);
  for (let y = 0; y < h; y++) {
    const mrow = ((y + oy) % mh) * mw;
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      if (opaque !== null && opaque[i] === 0) {
        out[i] = TRANSPARENT_INDEX;
        continue;
      }
      const m = single ?? cells!.matchers[cells!.cellOf[i]];
      const cache = singleCache ?? cacheFor(store, m);
      const key =
        ((toS[(src[i * 3] * S + 0.5) | 0] >> 2) << 12) | ((toS[(src[i * 3 + 1] * S + 0.5) | 0] >> 2) << 6) | (toS[(src[i * 3 + 2] * S + 0.5) | 0] >> 2);
      let s = cache.slot[key];
      if (s < 0) {
        const cr = srgbToLinear((((key >> 12) << 2) + 1.5) / 255);
        const cg = srgbToLinear(((((key >> 6) & 63) << 2) + 1.5) / 255);
        const cb = srgbToLinear((((key & 63) << 2) + 1.5) / 255);
        build(m, cr, cg, cb, tmp);
        s = cache.plans.length;
        cache.plans.push(tmp.slice());
        cache.slot[key] = s;
      }
      out[i] = cache.plans[s][ranks[mrow + ((x + ox) % mw)]];
    }
  }
}

