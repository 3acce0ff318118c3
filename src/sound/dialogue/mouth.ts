// Mouth-open envelope: what the renderer needs to move a jaw with the actual audio.
//
// The jaw follows vowels, so the envelope is the RMS of the 120 Hz–2.2 kHz band (F0 and
// F1, where open vowels carry their energy) rather than of the full signal: sibilants such as
// "s" are loud above 4 kHz with the mouth nearly closed. Frames are 10 ms; the curve is then
// smoothed with a zero-phase (forward–backward) low-pass near 20 Hz — zero-phase because a
// causal smoother would make the mouth open a frame or two after the sound, which viewers see.

import { Biquad } from '../dsp/biquad';

export interface MouthEnvelope {
  /** Envelope frames per second (100: one value every 10 ms). */
  frameRate: number;
  /** Openness 0 (closed) … 1 (widest in this line), one value per frame. */
  values: Float32Array;
}

export interface MouthOptions {
  frameRate?: number;
  /** Smoothing corner, Hz. 15–25 Hz reads as speech; lower looks like chewing. Default 20. */
  smoothingHz?: number;
}

/** Computes the mouth-open envelope of a speech signal. */
export function mouthEnvelope(samples: Float32Array, sampleRate: number, opts: MouthOptions = {}): MouthEnvelope {
  const frameRate = opts.frameRate ?? 100;
  const hop = sampleRate / frameRate;
  const frames = Math.ceil(samples.length / hop);
  const band = samples.slice();
  Biquad.of('highpass', 120, sampleRate).process(band);
  Biquad.of('lowpass', 2200, sampleRate).process(band);
  Biquad.of('lowpass', 2200, sampleRate).process(band);
  const raw = new Float64Array(frames);
  for (let f = 0; f < frames; f++) {
    const a = Math.round(f * hop);
    const b = Math.min(samples.length, Math.round((f + 1) * hop));
    let s = 0;
    for (let i = a; i < b; i++) s += band[i] * band[i];
    raw[f] = b > a ? Math.sqrt(s / (b - a)) : 0;
  }
  // Zero-phase one-pole smoothing, run forwards then backwards.
  const fc = opts.smoothingHz ?? 20;
  const k = 1 - Math.exp((-2 * Math.PI * fc) / frameRate);
  let y = 0;
  for (let f = 0; f < frames; f++) raw[f] = y += k * (raw[f] - y);
  y = 0;
  for (let f = frames - 1; f >= 0; f--) raw[f] = y += k * (raw[f] - y);
  // Normalise to a loud-but-not-extreme frame (98th percentile) so one plosive does not make
  // every other syllable look mumbled, then gate the breath/noise floor.
  const sorted = Array.from(raw).sort((p, q) => p - q);
  const ref = sorted[Math.floor(0.98 * (sorted.length - 1))] || 1;
  const values = new Float32Array(frames);
  for (let f = 0; f < frames; f++) {
    const v = raw[f] / ref;
    // Soft gate below 6 %: a closed mouth in pauses, no jitter on room noise.
    const g = v <= 0.06 ? 0 : Math.min(1, (v - 0.06) / 0.94);
    // Mild compression (γ 0.75): quieter syllables still open the jaw visibly.
    values[f] = Math.pow(g, 0.75);
  }
  return { frameRate, values };
}

/** Openness at `seconds` into the line (linear between frames, 0 outside). */
export function mouthOpenAt(env: MouthEnvelope, seconds: number): number {
  const x = seconds * env.frameRate - 0.5; // frame f describes the interval centred on (f + 0.5)/rate
  if (x < -0.5 || x > env.values.length - 0.5) return 0;
  const i = Math.floor(x);
  const f = x - i;
  const a = env.values[Math.max(0, i)] ?? 0;
  const b = env.values[Math.min(env.values.length - 1, i + 1)] ?? 0;
  return a + (b - a) * f;
}

/** The envelope averaged over each film frame at `fps` (frame n covers [n/fps, (n+1)/fps)). */
export function mouthTrack(env: MouthEnvelope, fps: number): Float32Array {
  const seconds = env.values.length / env.frameRate;
  const frames = Math.ceil(seconds * fps);
  const out = new Float32Array(frames);
  for (let n = 0; n < frames; n++) {
    const a = Math.floor((n / fps) * env.frameRate);
    const b = Math.max(a + 1, Math.min(env.values.length, Math.floor(((n + 1) / fps) * env.frameRate)));
    let s = 0;
    for (let i = a; i < b; i++) s += env.values[i] ?? 0;
    out[n] = s / (b - a);
  }
  return out;
}

/**
 * Syllable-like onsets: for each envelope peak that rises at least `prominence` above the
 * preceding valley, the time the rise crosses 30 % of the way up. Cheap and good enough to
 * hang gestures or captions on; not a phonetic alignment.
 */
export function syllableOnsets(env: MouthEnvelope, prominence = 0.18): number[] {
  const v = env.values;
  const out: number[] = [];
  let valley = v[0] ?? 0;
  let valleyAt = 0;
  let armed = false;
  for (let i = 1; i < v.length; i++) {
    if (!armed) {
      if (v[i] < valley) {
        valley = v[i];
        valleyAt = i;
      }
      if (v[i] - valley >= prominence) armed = true;
    }
    if (armed && v[i] >= (i + 1 < v.length ? v[i + 1] : -1)) {
      const target = valley + 0.3 * (v[i] - valley);
      let j = valleyAt;
      while (j < i && v[j] < target) j++;
      out.push(j / env.frameRate);
      armed = false;
      valley = v[i];
      valleyAt = i;
    }
  }
  return out;
}
