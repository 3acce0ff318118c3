// CIE 1976 L*a*b* (D65 white, sRGB primaries): the space CIEDE2000 is defined over.

import type { Vec3 } from './oklab';

// D65 reference white, Y normalised to 1 (ASTM E308 / sRGB spec).
const XN = 0.95047;
const YN = 1.0;
const ZN = 1.08883;
const EPS = 216 / 24389;
const KAPPA = 24389 / 27;

function f(t: number): number {
  return t > EPS ? Math.cbrt(t) : (KAPPA * t + 16) / 116;
}

/** Linear sRGB → CIE XYZ (D65). */
export function linearToXyz(r: number, g: number, b: number, out: Vec3 = [0, 0, 0]): Vec3 {
  out[0] = 0.4124564 * r + 0.3575761 * g + 0.1804375 * b;
  out[1] = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  out[2] = 0.0193339 * r + 0.119192 * g + 0.9503041 * b;
  return out;
}

/** Linear sRGB → CIELAB [L*, a*, b*]. */
export function linearToLab(r: number, g: number, b: number, out: Vec3 = [0, 0, 0]): Vec3 {
  linearToXyz(r, g, b, out);
  const fx = f(out[0] / XN);
  const fy = f(out[1] / YN);
  const fz = f(out[2] / ZN);
  out[0] = 116 * fy - 16;
  out[1] = 500 * (fx - fy);
  out[2] = 200 * (fy - fz);
  return out;
}
