// Synth voices for the music beds. Each voice adds one note into a Bus (dry stereo plus a
// reverb send) at an absolute sample position. Voices are classic subtractive/FM/physical
// models: detuned-saw pads through a low-pass, a two-operator FM electric piano, a
// Karplus–Strong plucked string, additive mallets, a filtered-saw brass section.

import { Biquad } from '../dsp/biquad';
import { adsrAt, type Adsr } from '../dsp/envelope';
import type { Noise } from '../dsp/noise';
import { Oscillator, midiToHz } from '../dsp/oscillators';
import { panGains } from '../channels';

export const MUSIC_SAMPLE_RATE = 48000;
const SR = MUSIC_SAMPLE_RATE;

export interface Bus {
  L: Float32Array;
  R: Float32Array;
  sendL: Float32Array;
  sendR: Float32Array;
}

export interface NoteOpts {
  /** Start, seconds. */
  at: number;
  /** Held length, seconds (release follows). */
  dur: number;
  midi: number;
  /** 0..1. */
  vel: number;
  pan?: number;
  /** Reverb send 0..1. */
  send?: number;
}

function write(bus: Bus, start: number, buf: Float32Array, pan: number, send: number, bufR?: Float32Array): void {
  const [gl, gr] = panGains(pan);
  const { L, R, sendL, sendR } = bus;
  const end = Math.min(L.length, start + buf.length);
  for (let i = Math.max(0, start); i < end; i++) {
    const a = buf[i - start];
    const b = bufR ? bufR[i - start] : a;
    L[i] += a * gl;
    R[i] += b * gr;
    sendL[i] += a * gl * send;
    sendR[i] += b * gr * send;
  }
}

/** Detuned-saw pad (two voices ±`detune` cents, spread left/right) through a low-pass. */
export function pad(bus: Bus, n: NoteOpts, o: { env?: Adsr; cutoffHz?: number; detuneCents?: number; vibrato?: number } = {}): void {
  const env = o.env ?? { attack: 0.6, decay: 0.8, sustain: 0.8, release: 1.2 };
  const len = Math.round((n.dur + env.release) * SR);
  const l = new Float32Array(len), r = new Float32Array(len);
  const f = midiToHz(n.midi);
  const d = Math.pow(2, (o.detuneCents ?? 8) / 1200);
  const a = new Oscillator('saw', SR, (n.midi * 0.137) % 1), b = new Oscillator('saw', SR, (n.midi * 0.291) % 1);
  const vib = o.vibrato ?? 0;
  // Envelope and vibrato move slowly: evaluate them every 16 samples (3 kHz control rate)
  // and interpolate the envelope, which halves the cost of the pads that dominate beds.
  let e0 = 0, e1 = adsrAt(env, 0, n.dur) * n.vel, v = 1;
  for (let i = 0; i < len; i++) {
    const k = i & 15;
    if (k === 0) {
      const t = i / SR;
      e0 = e1;
      e1 = adsrAt(env, (i + 16) / SR, n.dur) * n.vel;
      v = vib ? 1 + vib * Math.sin(2 * Math.PI * 5.2 * t) * Math.min(1, t / 0.6) : 1;
    }
    const e = e0 + (e1 - e0) * (k / 16);
    l[i] = a.next(f * d * v) * e;
    r[i] = b.next((f / d) * v) * e;
  }
  const cut = o.cutoffHz ?? 1400;
  Biquad.of('lowpass', cut, SR, 0.6).process(l);
  Biquad.of('lowpass', cut, SR, 0.6).process(r);
  write(bus, Math.round(n.at * SR), l, n.pan ?? 0, n.send ?? 0.5, r);
}

/** Two-operator FM electric piano: the modulation index decays faster than the tone. */
export function epiano(bus: Bus, n: NoteOpts, o: { bright?: number } = {}): void {
  const f = midiToHz(n.midi);
  const len = Math.round(Math.min(n.dur + 0.4, 3.5) * SR);
  const buf = new Float32Array(len);
  const idx0 = 1.2 * (o.bright ?? 1) * (0.5 + n.vel);
  for (let i = 0; i < len; i++) {
    const t = i / SR;
    const rel = t > n.dur ? Math.exp(-(t - n.dur) / 0.08) : 1;
    const amp = Math.exp(-t / 1.4) * rel * Math.min(1, t / 0.002);
    const index = idx0 * Math.exp(-t / 0.25);
    buf[i] = Math.sin(2 * Math.PI * f * t + index * Math.sin(2 * Math.PI * f * t)) * amp * n.vel;
  }
  write(bus, Math.round(n.at * SR), buf, n.pan ?? 0, n.send ?? 0.35);
}

/**
 * Karplus–Strong plucked string: a noise-filled delay line fed back through a two-point
 * average (the string's loss, stronger at high frequencies) and a first-order allpass for
 * the fractional part of the period, so notes are in tune rather than rounded to a sample.
 * `bright` 0..1 colours the pluck; `t60` is how long the string rings.
 */
export function pluck(bus: Bus, n: NoteOpts, noise: Noise, o: { bright?: number; t60?: number } = {}): void {
  const f = midiToHz(n.midi);
  const D = SR / f;
  const N = Math.max(2, Math.floor(D - 0.6));
  const delta = D - N - 0.5; // allpass delay in [0.1, 1.1)
  const c = (1 - delta) / (1 + delta);
  const bright = o.bright ?? 0.6;
  const t60 = o.t60 ?? 2.5;
  const rho = Math.pow(10, -3 / (t60 * f));
  const line = new Float32Array(N);
  let lp = 0;
  const k = 0.15 + 0.85 * bright;
  for (let i = 0; i < N; i++) {
    lp += k * (noise.white() - lp);
    line[i] = lp;
  }
  const len = Math.round(Math.min(n.dur + 0.3, t60) * SR);
  const buf = new Float32Array(len);
  let p = 0, apX = 0, apY = 0;
  for (let i = 0; i < len; i++) {
    const x = line[p];
    const avg = rho * 0.5 * (x + line[p + 1 < N ? p + 1 : 0]);
    const y = c * avg + apX - c * apY;
    apX = avg;
    apY = y;
    line[p] = y;
    p = p + 1 < N ? p + 1 : 0;
    const t = i / SR;
    buf[i] = x * n.vel * (t > n.dur ? Math.exp(-(t - n.dur) / 0.05) : 1);
  }
  write(bus, Math.round(n.at * SR), buf, n.pan ?? 0, n.send ?? 0.3);
}

/** Additive mallet (marimba/bell): partial ratios and decays pick the instrument. */
export function mallet(bus: Bus, n: NoteOpts, kind: 'marimba' | 'bell' | 'vibes' = 'marimba'): void {
  const f = midiToHz(n.midi);
  const partials = kind === 'marimba' ? [[1, 1, 0.5], [3.93, 0.35, 0.12], [9.24, 0.12, 0.05]] : kind === 'bell' ? [[1, 1, 2.2], [2.76, 0.5, 1.4], [5.4, 0.25, 0.8], [8.93, 0.12, 0.5]] : [[1, 1, 1.6], [4, 0.25, 0.5], [10, 0.05, 0.2]];
  const len = Math.round((kind === 'bell' ? 3 : 1.6) * SR);
  const buf = new Float32Array(len);
  for (const [ratio, amp, decay] of partials) {
    const w = (2 * Math.PI * f * ratio) / SR;
    if (f * ratio >= SR / 2) continue;
    for (let i = 0; i < len; i++) {
      const t = i / SR;
      const trem = kind === 'vibes' ? 1 + 0.3 * Math.sin(2 * Math.PI * 5.5 * t) : 1;
      buf[i] += Math.sin(w * i) * amp * Math.exp(-t / decay) * trem;
    }
  }
  for (let i = 0; i < Math.min(len, 48); i++) buf[i] *= i / 48;
  for (let i = 0; i < len; i++) buf[i] *= n.vel;
  write(bus, Math.round(n.at * SR), buf, n.pan ?? 0, n.send ?? 0.4);
}

/** Bass voices: round (sine + soft triangle), saw (filtered, for driving parts), upright (plucked). */
export function bass(bus: Bus, n: NoteOpts, kind: 'round' | 'saw' | 'upright', noise: Noise): void {
  if (kind === 'upright') {
    pluck(bus, { ...n, send: n.send ?? 0.1 }, noise, { bright: 0.25, t60: 1.6 });
    // A sine fundamental gives the upright its body on small speakers' big brothers.
    const f = midiToHz(n.midi);
    const len = Math.round((n.dur + 0.1) * SR);
    const buf = new Float32Array(len);
    for (let i = 0; i < len; i++) buf[i] = Math.sin((2 * Math.PI * f * i) / SR) * Math.exp(-i / SR / 0.7) * Math.min(1, i / 100, (len - i) / 400) * n.vel * 0.6;
    write(bus, Math.round(n.at * SR), buf, 0, 0.05);
    return;
  }
  const f = midiToHz(n.midi);
  const env: Adsr = kind === 'saw' ? { attack: 0.005, decay: 0.15, sustain: 0.6, release: 0.08 } : { attack: 0.01, decay: 0.3, sustain: 0.7, release: 0.15 };
  const len = Math.round((n.dur + env.release) * SR);
  const buf = new Float32Array(len);
  const osc = new Oscillator(kind === 'saw' ? 'saw' : 'sine', SR);
  const sub = new Oscillator('triangle', SR);
  for (let i = 0; i < len; i++) {
    const t = i / SR;
    buf[i] = (osc.next(f) + (kind === 'round' ? 0.3 * sub.next(f * 2) : 0)) * adsrAt(env, t, n.dur) * n.vel;
  }
  if (kind === 'saw') Biquad.of('lowpass', 600, SR, 1.2).process(buf);
  write(bus, Math.round(n.at * SR), buf, 0, n.send ?? 0.05);
}

/** Brass-like section: saws whose filter opens with the attack, with delayed vibrato. */
export function brass(bus: Bus, n: NoteOpts): void {
  const f = midiToHz(n.midi);
  const env: Adsr = { attack: 0.06, decay: 0.3, sustain: 0.75, release: 0.25 };
  const len = Math.round((n.dur + env.release) * SR);
  const buf = new Float32Array(len);
  const a = new Oscillator('saw', SR), b = new Oscillator('saw', SR, 0.5);
  const lp = new Biquad(Biquad.of('lowpass', 800, SR).c);
  for (let i = 0; i < len; i++) {
    const t = i / SR;
    const e = adsrAt(env, t, n.dur);
    if (i % 64 === 0) lp.c = Biquad.of('lowpass', 500 + 2500 * e * n.vel, SR, 0.9).c;
    const vib = 1 + 0.004 * Math.sin(2 * Math.PI * 5 * t) * Math.min(1, Math.max(0, t - 0.25) / 0.3);
    buf[i] = lp.tick((a.next(f * vib * 1.003) + b.next(f * vib * 0.997)) * 0.5) * e * n.vel;
  }
  write(bus, Math.round(n.at * SR), buf, n.pan ?? 0, n.send ?? 0.45);
}

/** Low drone: sine plus a slowly-filtered saw, breathing over the whole chord. */
export function drone(bus: Bus, n: NoteOpts): void {
  const f = midiToHz(n.midi);
  const env: Adsr = { attack: 1.5, decay: 0.5, sustain: 1, release: 1.5 };
  const len = Math.round((n.dur + env.release) * SR);
  const buf = new Float32Array(len);
  const s = new Oscillator('sine', SR), w = new Oscillator('saw', SR);
  const lp = new Biquad(Biquad.of('lowpass', 300, SR).c);
  for (let i = 0; i < len; i++) {
    const t = i / SR;
    if (i % 128 === 0) lp.c = Biquad.of('lowpass', 220 + 180 * (0.5 + 0.5 * Math.sin(2 * Math.PI * 0.11 * t)), SR, 2).c;
    buf[i] = (s.next(f) * 0.8 + lp.tick(w.next(f)) * 0.6) * adsrAt(env, t, n.dur) * n.vel;
  }
  write(bus, Math.round(n.at * SR), buf, 0, n.send ?? 0.3);
}
