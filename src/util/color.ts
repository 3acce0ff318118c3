// Colour maths for lighting: colour temperature, gels, sRGB ↔ linear. Pure and dependency-free,
// because it runs both in Node (the plan) and in the render page (bundled).

export type Rgb = [number, number, number];

export function srgbToLinear(c: number): number {
  return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
}
export function linearToSrgb(c: number): number {
  return c <= 0.0031308 ? c * 12.92 : 1.055 * Math.pow(c, 1 / 2.4) - 0.055;
}
export function rgbToLinear(c: Rgb): Rgb {
  return [srgbToLinear(c[0]), srgbToLinear(c[1]), srgbToLinear(c[2])];
}

/**
 * Linear-sRGB colour of a black body at `kelvin`, unnormalised (Y = 1).
 * Planckian locus in CIE 1960 UCS by Krystek's rational approximation (1985, valid 1000–15000 K;
 * we clamp to that range), then xyY → XYZ → linear sRGB (D65 matrix).
 */
export function blackBodyLinear(kelvin: number): Rgb {
  const T = Math.min(15000, Math.max(1000, kelvin));
  const u = (0.860117757 + 1.54118254e-4 * T + 1.28641212e-7 * T * T) / (1 + 8.42420235e-4 * T + 7.08145163e-7 * T * T);
  const v = (0.317398726 + 4.22806245e-5 * T + 4.20481691e-8 * T * T) / (1 - 2.89741816e-5 * T + 1.61456053e-7 * T * T);
  const d = 2 * u - 8 * v + 4;
  const x = (3 * u) / d;
  const y = (2 * v) / d;
  const X = x / y;
  const Y = 1;
  const Z = (1 - x - y) / y;
  return [
    3.2404542 * X - 1.5371385 * Y - 0.4985314 * Z,
    -0.969266 * X + 1.8760108 * Y + 0.041556 * Z,
    0.0556434 * X - 0.2040259 * Y + 1.0572252 * Z,
  ];
}

/**
 * Light colour (linear RGB, max channel 1) of a source at `kelvin` as seen by a camera white
 * balanced to `whiteBalanceK`: a 3200 K tungsten lamp on a 5600 K daylight camera reads orange.
 */
export function kelvinToLinear(kelvin: number, whiteBalanceK = 5600): Rgb {
  const s = blackBodyLinear(kelvin);
  const w = blackBodyLinear(whiteBalanceK);
  const c: Rgb = [Math.max(0, s[0] / w[0]), Math.max(0, s[1] / w[1]), Math.max(0, s[2] / w[2])];
  const m = Math.max(c[0], c[1], c[2]);
  return [c[0] / m, c[1] / m, c[2] / m];
}

function conversion(from: number, to: number): Rgb {
  // A colour-correction gel converts one source temperature to another: transmission is the
  // ratio of the two black-body spectra (in RGB), scaled so the strongest channel passes fully.
  const a = blackBodyLinear(from);
  const b = blackBodyLinear(to);
  const t: Rgb = [b[0] / a[0], b[1] / a[1], b[2] / a[2]];
  const m = Math.max(...t);
  return [t[0] / m, t[1] / m, t[2] / m];
}

/** Gel transmission in linear RGB. Correction gels from their nominal conversions; effect gels approximate the Lee/Rosco swatches. */
export const GELS: Record<string, Rgb> = {
  cto: conversion(5500, 2900),
  'half-cto': conversion(5500, 3800),
  'quarter-cto': conversion(5500, 4500),
  ctb: conversion(3200, 5500),
  'half-ctb': conversion(3200, 4100),
  'quarter-ctb': conversion(3200, 3500),
  'plus-green': [0.72, 1, 0.7],
  'minus-green': [1, 0.74, 1],
  straw: [1, 0.88, 0.6],
  'bastard-amber': [1, 0.72, 0.5],
  'steel-blue': [0.55, 0.75, 1],
  lavender: [0.72, 0.6, 1],
  'moonlight-blue': [0.45, 0.62, 1],
  'primary-red': [1, 0.04, 0.03],
  'congo-blue': [0.12, 0.02, 0.75],
  'surprise-pink': [1, 0.55, 0.9],
  'urban-sodium': [1, 0.55, 0.12],
  'tough-frost': [0.9, 0.9, 0.9],
};
export const GEL_NAMES = Object.keys(GELS);

export function applyGels(c: Rgb, gels: string[]): Rgb {
  let out: Rgb = [...c];
  for (const g of gels) {
    const t = GELS[g];
    if (t) out = [out[0] * t[0], out[1] * t[1], out[2] * t[2]];
  }
  return out;
}

export function rgbToHex(c: Rgb): string {
  const h = (x: number) => Math.round(Math.min(1, Math.max(0, x)) * 255).toString(16).padStart(2, '0');
  return `#${h(c[0])}${h(c[1])}${h(c[2])}`;
}
