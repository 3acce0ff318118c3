// Signal generators and measurements shared by the sound tests.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Biquad } from '../../src/sound/dsp/biquad';

/** Concatenated sine segments: [dBFS peak, seconds][]. */
export function sineSegments(segments: Array<[number, number]>, freqHz = 1000, sampleRate = 48000, phase = 0): Float32Array {
  const n = segments.reduce((a, s) => a + Math.round(s[1] * sampleRate), 0);
  const x = new Float32Array(n);
  let o = 0;
  for (const [db, secs] of segments) {
    const a = Math.pow(10, db / 20);
    const m = Math.round(secs * sampleRate);
    for (let i = 0; i < m; i++, o++) x[o] = a * Math.sin((2 * Math.PI * freqHz * o) / sampleRate + phase);
  }
  return x;
}

/** Level in dB (re a full-scale sine) of `freqHz` in x[from, to) (Hann-windowed Goertzel). */
export function toneLevelDb(x: Float32Array, freqHz: number, sampleRate: number, from = 0, to = x.length): number {
  from = Math.round(from);
  to = Math.round(to);
  const w = (2 * Math.PI * freqHz) / sampleRate;
  let re = 0, im = 0;
  const n = to - from;
  for (let i = from; i < to; i++) {
    const win = 0.5 - 0.5 * Math.cos((2 * Math.PI * (i - from)) / n);
    re += x[i] * win * Math.cos(w * i);
    im -= x[i] * win * Math.sin(w * i);
  }
  return 20 * Math.log10(Math.hypot(re, im) / (n / 4));
}

export function rmsDb(x: Float32Array, from = 0, to = x.length): number {
  from = Math.round(from);
  to = Math.round(to);
  let s = 0;
  for (let i = from; i < to; i++) s += x[i] * x[i];
  return 10 * Math.log10(s / Math.max(1, to - from));
}

export function peak(x: Float32Array): number {
  let p = 0;
  for (const v of x) p = Math.max(p, Math.abs(v));
  return p;
}

export function allFinite(x: Float32Array): boolean {
  for (const v of x) if (!Number.isFinite(v)) return false;
  return true;
}

/** Spectral centroid, Hz, from 1/3-octave band energies (band-pass filter bank). */
export function spectralCentroid(x: Float32Array, sampleRate: number): number {
  let num = 0, den = 0;
  for (let f = 63; f < sampleRate / 2.4; f *= Math.pow(2, 1 / 3)) {
    const y = Biquad.of('bandpass', f, sampleRate, 4.3).process(x, new Float32Array(x.length));
    let p = 0;
    for (const v of y) p += v * v;
    num += p * f;
    den += p;
  }
  return num / den;
}

export function tmpDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `kino-sound-${prefix}-`));
}

/** Bit-exact equality of two sample buffers (fast: vitest's deep equality is slow on 10⁵ floats). */
export function sameSamples(a: Float32Array, b: Float32Array): boolean {
  return a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}
