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

function frameRms(x: Float32Array, hop: number, frames: number): Float64Array {
  const out = new Float64Array(frames);
  for (let f = 0; f < frames; f++) {
    const a = Math.round(f * hop);
    const b = Math.min(x.length, Math.round((f + 1) * hop));
    let s = 0;
    for (let i = a; i < b; i++) s += x[i] * x[i];
    out[f] = b > a ? Math.sqrt(s / (b - a)) : 0;
  }
  return out;
}

/** Zero-phase one-pole low-pass (forward then backward), in place. */
function smooth(v: Float64Array, cutoffHz: number, frameRate: number): void {
  const k = 1 - Math.exp((-2 * Math.PI * cutoffHz) / frameRate);
  let y = 0;
  for (let f = 0; f < v.length; f++) v[f] = y += k * (v[f] - y);
  y = 0;
  for (let f = v.length - 1; f >= 0; f--) v[f] = y += k * (v[f] - y);
}

function percentile(v: Float64Array, p: number): number {
  const sorted = Array.from(v).sort((a, b) => a - b);
  return sorted[Math.floor(p * (sorted.length - 1))] || 1;
}

/**
 * Computes the mouth-open envelope of a speech signal: the vowel band drives the jaw, and
 * any speech energy at all (consonants included, on a log scale) parts the lips a little —
 * so the mouth starts moving with the first sound of "Stop", not 80 ms later at the "o".
 */
export function mouthEnvelope(samples: Float32Array, sampleRate: number, opts: MouthOptions = {}): MouthEnvelope {
  const frameRate = opts.frameRate ?? 100;
  const fc = opts.smoothingHz ?? 20;
  const hop = sampleRate / frameRate;
  const frames = Math.ceil(samples.length / hop);
  const band = samples.slice();
  Biquad.of('highpass', 120, sampleRate).process(band);
  Biquad.of('lowpass', 2200, sampleRate).process(band);
  Biquad.of('lowpass', 2200, sampleRate).process(band);
  const vowel = frameRms(band, hop, frames);
  const full = frameRms(samples, hop, frames);
  smooth(vowel, fc, frameRate);
  smooth(full, fc, frameRate);
  // Normalise to a loud-but-not-extreme frame (98th percentile) so one plosive does not make
  // every other syllable look mumbled.
  const vRef = percentile(vowel, 0.98);
  const fRef = percentile(full, 0.98);
  const values = new Float32Array(frames);
  for (let f = 0; f < frames; f++) {
    const v = vowel[f] / vRef;
    // Soft gate below 6 %: a closed mouth in pauses, no jitter on breath noise.
    const jaw = v <= 0.06 ? 0 : Math.min(1, (v - 0.06) / 0.94);
    // Lips: speech energy from −40 dB (re the loud frames) up, on a log scale, to at most 0.3.
    const db = 20 * Math.log10(full[f] / fRef + 1e-9);
    const lips = 0.3 * Math.min(1, Math.max(0, (db + 40) / 40));
    // Mild compression (γ 0.75) of the jaw: quieter syllables still open it visibly.
    values[f] = Math.max(Math.pow(jaw, 0.75), lips);
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
