// Perceptual gamut mapping for error diffusion. A colour the palette cannot mix (PICO-8 has no
// pale sky blue) makes plain error diffusion pile up error it can never pay back, which sprays
// far-off colours across the area. Instead we diffuse towards the closest colour the palette *can*
// mix: the mean of the Yliluoma mixing plan (64 entries, chosen in OKLab) for that colour.
// Plans are too costly per pixel, so the offset (achievable mix − colour) is sampled on a 17³
// lattice in sRGB, filled lazily as colours appear, and interpolated trilinearly; the interpolated
// offset is then cached per 6-bit colour key (offsets are smooth, so the key's coarseness never
// shows as banding: the pixel's own colour is kept, only the correction is looked up).
// Measured (bench/retro.ts, PICO-8, Floyd–Steinberg, CIEDE2000 selection): mean ΔE00 after blur
// 6.90 → 5.45 on the synthetic scene and 4.74 → 4.32 on the photo-like one.

import type { NearestColor } from '../color/nearest';
import { LINEAR16_TO_SRGB8, LINEAR_LUT_SCALE, srgbToLinear } from '../color/srgb';
import { yliluomaPlan } from './yliluoma';

const N = 17;
const PLAN = 64;

export class GamutMap {
  private readonly offsets = new Float32Array(N * N * N * 3);
  private readonly filled = new Uint8Array(N * N * N);
  private readonly plan = new Uint16Array(PLAN);
  private readonly build = yliluomaPlan(1);
  /** Interpolated offset per 6-bit sRGB key, and whether it is filled. */
  private readonly keyOffsets = new Float32Array((1 << 18) * 3);
  private readonly keyFilled = new Uint8Array(1 << 18);

  constructor(private readonly matcher: NearestColor) {}

  private vertex(i: number): number {
    const o = i * 3;
    if (this.filled[i]) return o;
    const ix = Math.floor(i / (N * N)), iy = Math.floor(i / N) % N, iz = i % N;
    const r = srgbToLinear(ix / (N - 1)), g = srgbToLinear(iy / (N - 1)), b = srgbToLinear(iz / (N - 1));
    this.build(this.matcher, r, g, b, this.plan);
    const pl = this.matcher.paletteLinear;
    let mr = 0, mg = 0, mb = 0;
    for (let k = 0; k < PLAN; k++) {
      const c = this.plan[k] * 3;
      mr += pl[c];
      mg += pl[c + 1];
      mb += pl[c + 2];
    }
    this.offsets[o] = mr / PLAN - r;
    this.offsets[o + 1] = mg / PLAN - g;
    this.offsets[o + 2] = mb / PLAN - b;
    this.filled[i] = 1;
    return o;
  }

  /** The achievable target for a linear-light colour, written to out[0..2]. */
  map(r: number, g: number, b: number, out: Float32Array): void {
    const S = LINEAR_LUT_SCALE;
    const toS = LINEAR16_TO_SRGB8;
    const key = ((toS[(r * S + 0.5) | 0] >> 2) << 12) | ((toS[(g * S + 0.5) | 0] >> 2) << 6) | (toS[(b * S + 0.5) | 0] >> 2);
    const o = key * 3;
    if (this.keyFilled[key] === 0) this.fillKey(key);
    const ko = this.keyOffsets;
    const tr = r + ko[o], tg = g + ko[o + 1], tb = b + ko[o + 2];
    out[0] = tr < 0 ? 0 : tr > 1 ? 1 : tr;
    out[1] = tg < 0 ? 0 : tg > 1 ? 1 : tg;
    out[2] = tb < 0 ? 0 : tb > 1 ? 1 : tb;
  }

  private fillKey(key: number): void {
    const n = N - 1;
    // Key centre in sRGB, on the lattice's scale.
    const pr = ((((key >> 12) << 2) + 1.5) / 255) * n, pg = (((((key >> 6) & 63) << 2) + 1.5) / 255) * n, pb = ((((key & 63) << 2) + 1.5) / 255) * n;
    const x0 = pr >= n ? n - 1 : pr | 0, y0 = pg >= n ? n - 1 : pg | 0, z0 = pb >= n ? n - 1 : pb | 0;
    const fx = pr - x0, fy = pg - y0, fz = pb - z0;
    let dr = 0, dg = 0, db = 0;
    for (let c = 0; c < 8; c++) {
      const ax = c >> 2, ay = (c >> 1) & 1, az = c & 1;
      const w = (ax ? fx : 1 - fx) * (ay ? fy : 1 - fy) * (az ? fz : 1 - fz);
      if (w === 0) continue;
      const o = this.vertex(((x0 + ax) * N + (y0 + ay)) * N + (z0 + az));
      dr += w * this.offsets[o];
      dg += w * this.offsets[o + 1];
      db += w * this.offsets[o + 2];
    }
    this.keyOffsets[key * 3] = dr;
    this.keyOffsets[key * 3 + 1] = dg;
    this.keyOffsets[key * 3 + 2] = db;
    this.keyFilled[key] = 1;
  }
}

const cache = new WeakMap<NearestColor, GamutMap>();

/** The shared gamut map of a matcher (filled across frames and sessions). */
export function gamutMapFor(m: NearestColor): GamutMap {
  let g = cache.get(m);
  if (!g) cache.set(m, (g = new GamutMap(m)));
  return g;
}
