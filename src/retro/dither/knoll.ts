// Thomas Knoll's pattern dithering (as used in Adobe Photoshop; described by Joel Yliluoma,
// bisqwit.iki.fi/story/howto/dither/jy): for each colour, collect N candidates by repeatedly
// taking the nearest palette colour to (colour + accumulated error · multiplier), accumulating
// the error in linear light; sort by luminance; pixel (x, y) shows candidate[threshold(x, y)].
// Positional, so animation does not spawn error-diffusion "cones" and still areas never change.

import type { NearestColor } from '../color/nearest';
import type { LinearImage } from '../linear-image';
import type { Target } from './matcher';
import { patternDither, sortPlanByLuma } from './plan-cache';
import type { ThresholdMap } from './threshold-map';

const stores = new Map<number, WeakMap<NearestColor, never>>();

export function knollPlan(multiplier: number) {
  return (m: NearestColor, r: number, g: number, b: number, out: Uint16Array): void => {
    const pl = m.paletteLinear;
    let er = 0, eg = 0, eb = 0;
    for (let k = 0; k < out.length; k++) {
      let ar = r + er * multiplier, ag = g + eg * multiplier, ab = b + eb * multiplier;
      ar = ar < 0 ? 0 : ar > 1 ? 1 : ar;
      ag = ag < 0 ? 0 : ag > 1 ? 1 : ag;
      ab = ab < 0 ? 0 : ab > 1 ? 1 : ab;
      const c = m.nearestLinear(ar, ag, ab);
      out[k] = c;
      er += r - pl[c * 3];
      eg += g - pl[c * 3 + 1];
      eb += b - pl[c * 3 + 2];
    }
    sortPlanByLuma(m, out);
  };
}

export function knollDither(img: LinearImage, target: Target, out: Uint16Array, map: ThresholdMap, strength = 1, offsetX = 0, offsetY = 0): void {
  // Plans depend on the multiplier, so each strength keeps its own cache.
  const key = Math.round(strength * 1000);
  let store = stores.get(key);
  if (!store) stores.set(key, (store = new WeakMap()));
  patternDither(img, target, out, map, knollPlan(strength), store as WeakMap<NearestColor, never>, offsetX, offsetY);
}
