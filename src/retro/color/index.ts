export { srgbToLinear, linearToSrgb, linearToSrgb8, luminance, SRGB8_TO_LINEAR, LINEAR16_TO_SRGB8, LINEAR_LUT_SCALE } from './srgb';
export { linearToOklab, oklabToLinear, type Vec3 } from './oklab';
export { linearToLab, linearToXyz } from './cielab';
export { ciede2000 } from './ciede2000';
export { DISTANCE_METRICS, DistanceMetricSchema, metricCoords, metricDistance, type DistanceMetric } from './distance';
export { NearestColor, sharedMatcher, type NearestOptions } from './nearest';
export { KdTree } from './kd-tree';
export { meanBlurredDeltaE } from './fidelity';

import { SRGB8_TO_LINEAR } from './srgb';
import { linearToLab } from './cielab';
import type { Vec3 } from './oklab';

/** 8-bit sRGB → CIELAB. */
export function srgb8ToLab(r: number, g: number, b: number, out: Vec3 = [0, 0, 0]): Vec3 {
  return linearToLab(SRGB8_TO_LINEAR[r], SRGB8_TO_LINEAR[g], SRGB8_TO_LINEAR[b], out);
}
