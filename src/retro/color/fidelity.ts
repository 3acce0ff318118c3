// How faithfully a quantised frame reproduces its source, as the eye sees it from a normal
// viewing distance: both are blurred (Gaussian σ = 1 px, in linear light) and compared pixel by
// pixel with CIEDE2000. The same measure the benchmark reports (bench/retro.ts).

import { gaussianBlurRgb } from '../blur';
import { ciede2000 } from './ciede2000';
import { linearToLab } from './cielab';
import type { Vec3 } from './oklab';

/** Mean ΔE00 between two linear RGB images after a σ-px blur; at most `maxSamples` pixels compared. */
export function meanBlurredDeltaE(a: Float32Array, b: Float32Array, width: number, height: number, sigma = 1, maxSamples = 65536): number {
  const ba = gaussianBlurRgb(a, width, height, sigma);
  const bb = gaussianBlurRgb(b, width, height, sigma);
  const n = width * height;
  const step = Math.max(1, Math.floor(n / maxSamples));
  const la: Vec3 = [0, 0, 0];
  const lb: Vec3 = [0, 0, 0];
  let sum = 0;
  let count = 0;
  for (let i = 0; i < n; i += step) {
    linearToLab(ba[i * 3], ba[i * 3 + 1], ba[i * 3 + 2], la);
    linearToLab(bb[i * 3], bb[i * 3 + 1], bb[i * 3 + 2], lb);
    sum += ciede2000(la[0], la[1], la[2], lb[0], lb[1], lb[2]);
    count++;
  }
  return sum / count;
}
