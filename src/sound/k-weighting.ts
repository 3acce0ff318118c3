// BS.1770-4 K-weighting: a +4 dB high shelf (head) followed by the RLB high-pass.
//
// The Recommendation tabulates coefficients for 48 kHz only. For any other rate we re-derive
// them with the bilinear transform from analogue prototypes fitted to the 48 kHz table (the
// constants libebur128 published); at 48 kHz they reproduce the table to ~1e-8, so one code
// path serves every rate.

import type { BiquadCoefficients } from './dsp/biquad';

const SHELF_F0 = 1681.974450955533;
const SHELF_GAIN_DB = 3.999843853973347;
const SHELF_Q = 0.7071752369554196;
const SHELF_VB_EXP = 0.4996667741545416;
const HP_F0 = 38.13547087602444;
const HP_Q = 0.5003270373238773;

/** [pre-filter (shelf), RLB high-pass] for `sampleRate`. */
export function kWeightingCoefficients(sampleRate: number): [BiquadCoefficients, BiquadCoefficients] {
  let K = Math.tan((Math.PI * SHELF_F0) / sampleRate);
  const Vh = Math.pow(10, SHELF_GAIN_DB / 20);
  const Vb = Math.pow(Vh, SHELF_VB_EXP);
  let a0 = 1 + K / SHELF_Q + K * K;
  const shelf: BiquadCoefficients = {
    b0: (Vh + (Vb * K) / SHELF_Q + K * K) / a0,
    b1: (2 * (K * K - Vh)) / a0,
    b2: (Vh - (Vb * K) / SHELF_Q + K * K) / a0,
    a1: (2 * (K * K - 1)) / a0,
    a2: (1 - K / SHELF_Q + K * K) / a0,
  };
  K = Math.tan((Math.PI * HP_F0) / sampleRate);
  a0 = 1 + K / HP_Q + K * K;
  // The Recommendation's RLB numerator is the unnormalised 1, −2, 1 (its pass-band gain is
  // ~1.0 rather than exactly 1); keeping it matches the −0.691 dB constant in the loudness sum.
  const highpass: BiquadCoefficients = { b0: 1, b1: -2, b2: 1, a1: (2 * (K * K - 1)) / a0, a2: (1 - K / HP_Q + K * K) / a0 };
  return [shelf, highpass];
}
