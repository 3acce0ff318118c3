// OKLab (Björn Ottosson, 2020): a perceptual space whose Euclidean distance tracks perceived
// difference well enough for nearest-colour search, at a fraction of CIEDE2000's cost.
// Matrices from https://bottosson.github.io/posts/oklab/ (linear sRGB input, D65).

export type Vec3 = [number, number, number];

/** Linear sRGB → OKLab [L, a, b]; writes into `out` when given (no allocation in hot loops). */
export function linearToOklab(r: number, g: number, b: number, out: Vec3 = [0, 0, 0]): Vec3 {
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  out[0] = 0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s;
  out[1] = 1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s;
  out[2] = 0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s;
  return out;
}

/** OKLab → linear sRGB (unclamped: out-of-gamut colours come back outside [0, 1]). */
export function oklabToLinear(L: number, a: number, b: number, out: Vec3 = [0, 0, 0]): Vec3 {
  const l_ = L + 0.3963377774 * a + 0.2158037573 * b;
  const m_ = L - 0.1055613458 * a - 0.0638541728 * b;
  const s_ = L - 0.0894841775 * a - 1.291485548 * b;
  const l = l_ * l_ * l_;
  const m = m_ * m_ * m_;
  const s = s_ * s_ * s_;
  out[0] = 4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s;
  out[1] = -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s;
  out[2] = -0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s;
  return out;
}
