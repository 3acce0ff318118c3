// Building blocks shared by the foley generators: all mono, 48 kHz, deterministic.

import { Biquad } from '../dsp/biquad';
import { Noise } from '../dsp/noise';
import { modalBank, type Mode } from '../dsp/resonator';

export const FOLEY_SAMPLE_RATE = 48000;
export const SR = FOLEY_SAMPLE_RATE;

export const samplesFor = (seconds: number): number => Math.max(0, Math.round(seconds * SR));

/** Adds `src · gain` into `dst` starting at sample `at` (clipped to dst). */
export function addInto(dst: Float32Array, src: Float32Array, at: number, gain = 1): void {
  const a = Math.max(0, at);
  const end = Math.min(dst.length, at + src.length);
  for (let i = a; i < end; i++) dst[i] += src[i - at] * gain;
}

/** Scales `buf` so its sample peak is `peakDb` dBFS (silence stays silence). */
export function normalizePeak(buf: Float32Array, peakDb: number): Float32Array {
  let p = 0;
  for (const v of buf) p = Math.max(p, Math.abs(v));
  if (p > 0) {
    const g = Math.pow(10, peakDb / 20) / p;
    for (let i = 0; i < buf.length; i++) buf[i] *= g;
  }
  return buf;
}

/** Noise burst with an attack/exponential-decay envelope, optionally band-limited. */
export function noiseBurst(noise: Noise, seconds: number, attack: number, decay: number, band?: { lo?: number; hi?: number; q?: number }, color: 'white' | 'pink' | 'brown' = 'white'): Float32Array {
  const n = samplesFor(seconds);
  const out = new Float32Array(n);
  const na = Math.max(1, attack * SR);
  const kd = 1 / Math.max(1e-4, decay * SR);
  for (let i = 0; i < n; i++) {
    const e = i < na ? i / na : Math.exp(-(i - na) * kd);
    out[i] = (color === 'white' ? noise.white() : color === 'pink' ? noise.pink() * 3 : noise.brown() * 4) * e;
  }
  if (band?.lo) Biquad.of('highpass', band.lo, SR, band.q ?? Math.SQRT1_2).process(out);
  if (band?.hi) Biquad.of('lowpass', band.hi, SR, band.q ?? Math.SQRT1_2).process(out);
  return out;
}

/** Modes with each frequency and decay jittered by ±`spread` (no two hits ring the same). */
export function jitterModes(noise: Noise, modes: Mode[], spread = 0.04): Mode[] {
  return modes.map((m) => ({ freqHz: m.freqHz * (1 + noise.range(-spread, spread)), t60: m.t60 * (1 + noise.range(-spread, spread) * 2), gain: m.gain * (1 + noise.range(-0.3, 0.3)) }));
}

/** Strikes a mode bank with a short excitation and returns `seconds` of ring. */
export function strike(excitation: Float32Array, modes: Mode[], seconds: number): Float32Array {
  return modalBank(excitation, modes, SR, samplesFor(seconds));
}

/**
 * Stick-slip friction (a creak): a train of slip impulses whose rate follows `rateHz(t)`
 * with jittered spacing and amplitude, to excite a resonator bank. The irregularity is what
 * makes it read as wood or a hinge rather than a buzz.
 */
export function stickSlip(noise: Noise, seconds: number, rateHz: (t: number) => number, amp: (t: number) => number, jitter = 0.25): Float32Array {
  const n = samplesFor(seconds);
  const out = new Float32Array(n);
  let t = 0;
  while (t < seconds) {
    const r = Math.max(1, rateHz(t));
    const i = Math.round(t * SR);
    if (i < n) out[i] += amp(t) * (0.6 + 0.4 * noise.uniform()) * (noise.uniform() < 0.5 ? 1 : -1);
    t += (1 / r) * (1 + noise.range(-jitter, jitter));
  }
  return out;
}

/** A short fade at the end so a cut-off tail never clicks (the onset keeps its transient). */
export function tailFade(buf: Float32Array, seconds = 0.01): Float32Array {
  const n = Math.min(samplesFor(seconds), buf.length);
  for (let i = 0; i < n; i++) buf[buf.length - 1 - i] *= i / n;
  return buf;
}

export function dbToGain(db: number): number {
  return Math.pow(10, db / 20);
}
