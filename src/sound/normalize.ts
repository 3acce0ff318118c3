// Loudness normalisation with a true-peak ceiling, measured with our own BS.1770 meter.
// Limiting pulls integrated loudness down a little on hot material, so the gain is re-trimmed
// from the unlimited input until the limited result reads within ±0.05 LU (one pass when
// nothing needs limiting, two or three otherwise; at most six).

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
  let prev: { gainDb: number; got: number } | undefined;
  for (let pass = 0; pass < 6; pass++) {
    const g = Math.pow(10, gainDb / 20);
    out = channels.map((c) => c.map((v) => v * g));
    lim = truePeakLimit(out, sampleRate, { ...limiter, ceilingDb: truePeakDb });
    got = integratedLoudness(out, sampleRate);
    if (!Number.isFinite(before) || !Number.isFinite(got) || Math.abs(got - targetLufs) <= 0.05) break;
    // Secant step: under heavy limiting each dB of gain buys less than a dB of loudness, so
    // a plain "add the shortfall" iteration crawls; the measured slope corrects for that.
    let slope = 1;
    if (prev && gainDb !== prev.gainDb) slope = Math.min(1.2, Math.max(0.1, (got - prev.got) / (gainDb - prev.gainDb)));
    prev = { gainDb, got };
    gainDb += (targetLufs - got) / slope;
  }
  return { channels: out, gainDb, limiter: { gain: lim.gain, maxReductionDb: lim.maxReductionDb }, integratedLufs: got, truePeakDbtp: lim.truePeakDbtp };
}
