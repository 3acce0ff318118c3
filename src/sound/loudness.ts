// Loudness per ITU-R BS.1770-4 and EBU R128 / Tech 3341 / Tech 3342, written from the
// Recommendations (not a port): K-weighting, mean square per channel, channel weights,
// 400 ms gating blocks on a 100 ms hop, absolute gate −70 LUFS, relative gate −10 LU.
//
// Everything is built on 100 ms sub-blocks of K-weighted energy: a 400 ms block is 4 of them,
// a 3 s short-term window 30. One filtering pass over the audio then serves integrated,
// momentary, short-term and LRA at once (FFmpeg's ebur128 also hops at 100 ms).

import { KinoError, issue } from '../doc/errors';
import { kWeightingCoefficients } from './k-weighting';
import { truePeak } from './true-peak';

export interface LoudnessOptions {
  /**
   * Per-channel weights G. Default by channel count: 1 → [1]; 2 → [1, 1]; 5 → L R C Ls Rs
   * [1, 1, 1, 1.41, 1.41]; 6 → 5.1 in FFmpeg order FL FR FC LFE BL BR [1, 1, 1, 0, 1.41, 1.41].
   * A mono file is one channel (−3 dB against the same signal as dual mono), as FFmpeg does.
   */
  channelWeights?: number[];
  /** Measure true peak (4× oversampling); the most expensive part. Default true. */
  truePeak?: boolean;
}

export interface Loudness {
  /** Gated integrated loudness, LUFS; −Infinity when every block is below −70 LUFS. */
  integratedLufs: number;
  /** Relative gate used for the integrated value (integrated of abs-gated blocks − 10 LU). */
  relativeThresholdLufs: number;
  /** Loudness range (EBU Tech 3342), LU. 0 when fewer than two short-term values pass. */
  loudnessRangeLu: number;
  lraLowLufs: number;
  lraHighLufs: number;
  momentaryMaxLufs: number;
  shortTermMaxLufs: number;
  /** Maximum true peak over channels, dBTP (−Infinity when truePeak: false or silent). */
  truePeakDbtp: number;
  samplePeakDbfs: number;
  /** Momentary loudness (400 ms) every 100 ms; entry j covers [j·0.1 s, j·0.1 s + 0.4 s). */
  momentary: Float32Array;
  /** Short-term loudness (3 s) every 100 ms; entry j covers [j·0.1 s, j·0.1 s + 3 s). */
  shortTerm: Float32Array;
  durationSeconds: number;
}

const ABS_GATE = -70;
const REL_GATE_I = -10;
const REL_GATE_LRA = -20;

export function defaultChannelWeights(count: number): number[] {
  if (count === 5) return [1, 1, 1, 1.41, 1.41];
  if (count === 6) return [1, 1, 1, 0, 1.41, 1.41];
  return Array.from({ length: count }, () => 1);
}

/** Mean-square energy → LUFS. */
export function energyToLufs(z: number): number {
  return z > 0 ? -0.691 + 10 * Math.log10(z) : -Infinity;
}
export function lufsToEnergy(l: number): number {
  return Math.pow(10, (l + 0.691) / 10);
}

/**
 * Weighted K-filtered energy per 100 ms sub-block (sum of G·y², not yet divided by the
 * sample count), plus the sub-block boundaries. Boundaries are rounded, so rates whose
 * 100 ms is not a whole number of samples (11.025 kHz) still tile exactly.
 */
function subBlockEnergies(channels: Float32Array[], sampleRate: number, weights: number[]): { sums: Float64Array; bounds: Float64Array } {
  const n = channels[0].length;
  let count = 0;
  while (Math.round(((count + 1) * sampleRate) / 10) <= n) count++;
  const bounds = new Float64Array(count + 1);
  for (let i = 0; i <= count; i++) bounds[i] = Math.round((i * sampleRate) / 10);
  const sums = new Float64Array(count);
  const [s, h] = kWeightingCoefficients(sampleRate);
  for (let c = 0; c < channels.length; c++) {
    const g = weights[c];
    if (!g) continue;
    const x = channels[c];
    let s1 = 0, s2 = 0, h1 = 0, h2 = 0;
    let block = 0;
    let acc = 0;
    let next = count > 0 ? bounds[1] : Infinity;
    const end = count > 0 ? bounds[count] : 0;
    for (let i = 0; i < end; i++) {
      const v = x[i];
      const y1 = s.b0 * v + s1;
      s1 = s.b1 * v - s.a1 * y1 + s2;
      s2 = s.b2 * v - s.a2 * y1;
      const y = h.b0 * y1 + h1;
      h1 = h.b1 * y1 - h.a1 * y + h2;
      h2 = h.b2 * y1 - h.a2 * y;
      acc += y * y;
      if (i + 1 === next) {
        sums[block] += g * acc;
        acc = 0;
        block++;
        next = bounds[block + 1];
      }
    }
  }
  return { sums, bounds };
}

/** Sliding windows of `width` sub-blocks → mean-square energy per window. */
function windows(sums: Float64Array, bounds: Float64Array, width: number): Float64Array {
  const count = Math.max(0, sums.length - width + 1);
  const out = new Float64Array(count);
  let acc = 0;
  for (let i = 0; i < Math.min(width - 1, sums.length); i++) acc += sums[i];
  for (let j = 0; j < count; j++) {
    acc += sums[j + width - 1];
    out[j] = acc / (bounds[j + width] - bounds[j]);
    acc -= sums[j];
  }
  return out;
}

function gatedMean(energies: Float64Array, threshold: number): { mean: number; count: number } {
  const z = lufsToEnergy(threshold);
  let sum = 0;
  let count = 0;
  for (const e of energies) {
    if (e > z) {
      sum += e;
      count++;
    }
  }
  return { mean: count ? sum / count : 0, count };
}

function percentile(sorted: number[], p: number): number {
  // Linear interpolation between order statistics (Hyndman–Fan type 7).
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (h - lo);
}

function validate(channels: Float32Array[], sampleRate: number, weights: number[]): void {
  const problems = [];
  if (!channels.length) problems.push(issue('loudness/no-audio', 'measureLoudness: no channels given.', { hint: 'Pass one Float32Array per channel.' }));
  else if (channels.some((c) => c.length !== channels[0].length)) problems.push(issue('loudness/ragged', 'measureLoudness: channels have different lengths.'));
  if (!(sampleRate >= 8000 && sampleRate <= 768000)) problems.push(issue('loudness/bad-rate', `measureLoudness: sample rate ${sampleRate} Hz is outside 8 kHz–768 kHz.`));
  if (weights.length !== channels.length) problems.push(issue('loudness/weights', `measureLoudness: ${weights.length} channel weights for ${channels.length} channels.`));
  if (problems.length) throw new KinoError(problems);
}

/** Measures integrated, momentary, short-term loudness, LRA and true peak of `channels`. */
export function measureLoudness(channels: Float32Array[], sampleRate: number, opts: LoudnessOptions = {}): Loudness {
  const weights = opts.channelWeights ?? defaultChannelWeights(channels.length);
  validate(channels, sampleRate, weights);
  const { sums, bounds } = subBlockEnergies(channels, sampleRate, weights);

  const blocks = windows(sums, bounds, 4);
  const abs = gatedMean(blocks, ABS_GATE);
  const relThreshold = abs.count ? energyToLufs(abs.mean) + REL_GATE_I : -Infinity;
  const rel = abs.count ? gatedMean(blocks, Math.max(relThreshold, ABS_GATE)) : { mean: 0, count: 0 };
  const integrated = rel.count ? energyToLufs(rel.mean) : -Infinity;

  const short = windows(sums, bounds, 30);
  let lraLow = -Infinity, lraHigh = -Infinity, lra = 0;
  const sAbs = gatedMean(short, ABS_GATE);
  if (sAbs.count) {
    const gate = lufsToEnergy(Math.max(energyToLufs(sAbs.mean) + REL_GATE_LRA, ABS_GATE));
    const kept: number[] = [];
    for (const e of short) if (e > gate) kept.push(energyToLufs(e));
    kept.sort((a, b) => a - b);
    if (kept.length) {
      lraLow = percentile(kept, 0.1);
      lraHigh = percentile(kept, 0.95);
      lra = lraHigh - lraLow;
    }
  }

  const momentary = Float32Array.from(blocks, energyToLufs);
  const shortTerm = Float32Array.from(short, energyToLufs);
  let mMax = -Infinity, sMax = -Infinity;
  for (const v of momentary) if (v > mMax) mMax = v;
  for (const v of shortTerm) if (v > sMax) sMax = v;

  let sPeak = 0;
  for (const c of channels) for (let i = 0; i < c.length; i++) {
    const a = c[i] < 0 ? -c[i] : c[i];
    if (a > sPeak) sPeak = a;
  }
  let tPeak = 0;
  if (opts.truePeak ?? true) for (const c of channels) tPeak = Math.max(tPeak, truePeak(c));

  return {
    integratedLufs: integrated,
    relativeThresholdLufs: relThreshold,
    loudnessRangeLu: lra,
    lraLowLufs: lraLow,
    lraHighLufs: lraHigh,
    momentaryMaxLufs: mMax,
    shortTermMaxLufs: sMax,
    truePeakDbtp: 20 * Math.log10(tPeak),
    samplePeakDbfs: 20 * Math.log10(sPeak),
    momentary,
    shortTerm,
    durationSeconds: channels[0].length / sampleRate,
  };
}

/** Integrated loudness only (no true peak): the mixer's inner loop. */
export function integratedLoudness(channels: Float32Array[], sampleRate: number, channelWeights?: number[]): number {
  return measureLoudness(channels, sampleRate, { channelWeights, truePeak: false }).integratedLufs;
}

/**
 * Ungated K-weighted loudness of the whole signal as one block (LUFS). For clips shorter than
 * a 400 ms gating block, e.g. a one-word line, where `integratedLufs` has nothing to gate.
 */
export function blockLoudness(channels: Float32Array[], sampleRate: number, channelWeights?: number[]): number {
  const weights = channelWeights ?? defaultChannelWeights(channels.length);
  validate(channels, sampleRate, weights);
  const [s, h] = kWeightingCoefficients(sampleRate);
  const n = channels[0].length;
  let z = 0;
  for (let c = 0; c < channels.length; c++) {
    if (!weights[c]) continue;
    const x = channels[c];
    let s1 = 0, s2 = 0, h1 = 0, h2 = 0, acc = 0;
    for (let i = 0; i < n; i++) {
      const v = x[i];
      const y1 = s.b0 * v + s1;
      s1 = s.b1 * v - s.a1 * y1 + s2;
      s2 = s.b2 * v - s.a2 * y1;
      const y = h.b0 * y1 + h1;
      h1 = h.b1 * y1 - h.a1 * y + h2;
      h2 = h.b2 * y1 - h.a2 * y;
      acc += y * y;
    }
    z += weights[c] * (n ? acc / n : 0);
  }
  return energyToLufs(z);
}
