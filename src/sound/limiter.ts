// True-peak look-ahead limiter. The gain needed at each sample comes from the BS.1770
// oversampled peak envelope (so inter-sample overs are caught, not only sample peaks); a
// running minimum over the look-ahead window followed by a moving average of the same length
// gives a smooth gain that is provably ≤ the needed gain at every peak (each averaged value's
// window contains the peak). Release is a one-pole recovery that never rises above that curve.
// Offline, "look-ahead" costs no latency: the gain is simply applied in place.

import { z } from 'zod';
import { truePeakEnvelope, truePeakDb } from './true-peak';

export const LimiterSchema = z
  .object({
    /** Ceiling, dBTP. */
    ceilingDb: z.number().min(-30).max(0).default(-1),
    lookaheadMs: z.number().min(0.5).max(50).default(5),
    releaseMs: z.number().min(1).max(2000).default(100),
  })
  .strict();
export type LimiterOptions = z.input<typeof LimiterSchema>;

export interface LimiterResult {
  /** Linear gain per sample (shared by all channels: linked limiting keeps the image still). */
  gain: Float32Array;
  /** Largest reduction applied, dB (≥ 0). */
  maxReductionDb: number;
}

/** Computes the limiter's gain curve for `channels` without applying it. */
export function limiterGain(channels: Float32Array[], sampleRate: number, options: LimiterOptions = {}, ceilingDb?: number): LimiterResult {
  const o = LimiterSchema.parse(options);
  const ceiling = Math.pow(10, (ceilingDb ?? o.ceilingDb) / 20);
  const n = channels[0]?.length ?? 0;
  const need = new Float32Array(n).fill(1);
  const env = new Float32Array(n);
  for (const c of channels) {
    truePeakEnvelope(c, env, ceiling);
    // env[i] covers (i, i+1); a gain at i must also cover the interval before it.
    let prev = 0;
    for (let i = 0; i < n; i++) {
      const e = env[i] > prev ? env[i] : prev;
      prev = env[i];
      if (e > ceiling) {
        const g = ceiling / e;
        if (g < need[i]) need[i] = g;
      }
    }
  }
  const L = Math.max(1, Math.round((o.lookaheadMs / 1000) * sampleRate));
  // Forward running minimum over [i, i + L − 1] with a monotonic deque.
  const hold = new Float32Array(n);
  const dq = new Int32Array(n + 1);
  let head = 0, tail = 0;
  for (let j = n - 1; j >= 0; j--) {
    while (tail > head && need[dq[tail - 1]] >= need[j]) tail--;
    dq[tail++] = j;
    while (dq[head] > j + L - 1) head++;
    hold[j] = need[dq[head]];
  }
  // Moving average of length L (windows before the start count as unity gain).
  const gain = new Float32Array(n);
  const rel = Math.exp(-1 / ((o.releaseMs / 1000) * sampleRate));
  let acc = L; // L leading ones
  let r = 1;
  let minG = 1;
  for (let i = 0; i < n; i++) {
    acc += hold[i] - (i >= L ? hold[i - L] : 1);
    const s = acc / L;
    r = 1 - (1 - r) * rel;
    if (s < r) r = s;
    gain[i] = r;
    if (r < minG) minG = r;
  }
  return { gain, maxReductionDb: Math.max(0, -20 * Math.log10(minG)) };
}

/**
 * Limits `channels` in place to `ceilingDb` dBTP. A product of signal and a varying gain can
 * overshoot by a few hundredths of a dB between samples, so the result is re-measured and
 * the ceiling tightened until it holds (at most four passes, usually one).
 */
export function truePeakLimit(channels: Float32Array[], sampleRate: number, options: LimiterOptions = {}): LimiterResult & { truePeakDbtp: number } {
  const o = LimiterSchema.parse(options);
  const original = channels.map((c) => c.slice());
  let ceiling = o.ceilingDb - 0.05;
  let result = limiterGain(original, sampleRate, o, ceiling);
  for (let pass = 0; ; pass++) {
    for (let c = 0; c < channels.length; c++) {
      const src = original[c], dst = channels[c], g = result.gain;
      for (let i = 0; i < dst.length; i++) dst[i] = src[i] * g[i];
    }
    const tp = truePeakDb(channels);
    if (tp <= o.ceilingDb || pass === 3) return { ...result, truePeakDbtp: tp };
    ceiling -= tp - o.ceilingDb + 0.05;
    result = limiterGain(original, sampleRate, o, ceiling);
  }
}
