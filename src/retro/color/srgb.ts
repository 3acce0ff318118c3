// sRGB transfer function (IEC 61966-2-1) and the lookup tables the hot loops use.
// Dithering carries error in linear light, but palettes, keys and files are 8-bit sRGB, so every
// pixel crosses the curve twice; Math.pow per sample would dominate the frame budget.

/** sRGB-encoded value in [0, 1] → linear light in [0, 1]. */
export function srgbToLinear(v: number): number {
  return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
}

/** Linear light in [0, 1] → sRGB-encoded value in [0, 1]. */
export function linearToSrgb(v: number): number {
  return v <= 0.0031308 ? v * 12.92 : 1.055 * Math.pow(v, 1 / 2.4) - 0.055;
}

/** 8-bit sRGB code → linear light. */
export const SRGB8_TO_LINEAR: Float32Array = (() => {
  const t = new Float32Array(256);
  for (let i = 0; i < 256; i++) t[i] = srgbToLinear(i / 255);
  return t;
})();

/**
 * Resolution of the linear → sRGB8 table. 16 bits keep the darkest step (1/65535 linear is
 * 0.05 of an 8-bit sRGB level) below rounding, where a 12-bit table is off by a level in shadows.
 */
export const LINEAR_LUT_SIZE = 65536;
const LINEAR_LUT_MAX = LINEAR_LUT_SIZE - 1;

/** Linear light quantised to 16 bits → rounded 8-bit sRGB code. */
export const LINEAR16_TO_SRGB8: Uint8Array = (() => {
  const t = new Uint8Array(LINEAR_LUT_SIZE);
  for (let i = 0; i < LINEAR_LUT_SIZE; i++) t[i] = Math.round(linearToSrgb(i / LINEAR_LUT_MAX) * 255);
  return t;
})();

/** Linear light (clamped to [0, 1]) → rounded 8-bit sRGB code, through the table. */
export function linearToSrgb8(v: number): number {
  if (!(v > 0)) return 0;
  if (v >= 1) return 255;
  return LINEAR16_TO_SRGB8[(v * LINEAR_LUT_MAX + 0.5) | 0];
}

/** Index into LINEAR16_TO_SRGB8 for a linear value; callers that inline the lookup use this scale. */
export const LINEAR_LUT_SCALE = LINEAR_LUT_MAX;

/** Relative luminance (Rec. 709 / sRGB primaries) of linear RGB. */
export function luminance(r: number, g: number, b: number): number {
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
