// The working image of the retro pipeline: linear-light RGB floats plus an opacity mask.
// Resampling and error diffusion both happen in linear light, so the frame crosses the sRGB curve
// once on the way in (through a 256-entry table) and the palette is the only way out.

import { SRGB8_TO_LINEAR } from './color/srgb';
import type { Frame } from './frame';

export interface LinearImage {
  width: number;
  height: number;
  /** Linear-light RGB in [0, 1], 3 floats per pixel. */
  rgb: Float32Array;
  /** 1 = opaque, 0 = transparent (never quantised); null when every pixel is opaque. */
  opaque: Uint8Array | null;
}

/** Alpha at or above this (of 255) counts as opaque. */
export const ALPHA_THRESHOLD = 128;

export function frameToLinear(frame: Frame): LinearImage {
  const n = frame.width * frame.height;
  const rgb = new Float32Array(n * 3);
  const d = frame.data;
  let opaque: Uint8Array | null = null;
  for (let i = 0; i < n; i++) {
    rgb[i * 3] = SRGB8_TO_LINEAR[d[i * 4]];
    rgb[i * 3 + 1] = SRGB8_TO_LINEAR[d[i * 4 + 1]];
    rgb[i * 3 + 2] = SRGB8_TO_LINEAR[d[i * 4 + 2]];
    if (d[i * 4 + 3] < ALPHA_THRESHOLD) {
      if (!opaque) opaque = new Uint8Array(n).fill(1);
      opaque[i] = 0;
    }
  }
  return { width: frame.width, height: frame.height, rgb, opaque };
}
