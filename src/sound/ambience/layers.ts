// Ambience layers. Every layer is a stateful generator that adds the next `n` samples into
// stereo buffers; calling it in 1 s or 10 ms chunks gives identical output, because:
// - continuous layers keep their filter state and update control-rate parameters on
//   absolute sample positions (every 64 samples from t = 0), never on chunk boundaries;
// - event layers draw their schedule from one RNG in time order and synthesise each event
//   from its own seed (layer, index), so when an event is made does not change what it is.

import { Biquad, BiquadChain, designBiquad } from '../dsp/biquad';
import { Noise, seedOf, type NoiseColor } from '../dsp/noise';
import { Oscillator } from '../dsp/oscillators';
import { modalBank } from '../dsp/resonator';
import { noise1 } from '../../util/random';
import { panGains } from '../channels';

export const AMBIENCE_SAMPLE_RATE = 48000;
const SR = AMBIENCE_SAMPLE_RATE;
const CONTROL = 64;

export interface Layer {
  /** What the layer is (e.g. `birds0`, `rumble`, `crickets2`): the last part of its seed. */
  readonly name: string;
  /** Adds samples for absolute positions [t, t + n) into L/R at [at, at + n), and into the reverb send. */
  render(L: Float32Array, R: Float32Array, at: number, n: number, t: number, sendL: Float32Array, sendR: Float32Array): void;
}

const db = (x: number) => Math.pow(10, x / 20);
const nameOf = (seed: string) => seed.slice(seed.lastIndexOf(':') + 1);

/** Steady coloured noise per channel (decorrelated), filtered, with slow level drift. */
export class NoiseBedLayer implements Layer {
  readonly name: string;
  private nl: Noise;
  private nr: Noise;
  private fl: BiquadChain;
  private fr: BiquadChain;
  private gain: number;
  private seedMod: number;
  constructor(
    seed: string,
    private color: NoiseColor,
    filters: Array<{ type: 'lowpass' | 'highpass' | 'bandpass' | 'peaking'; hz: number; q?: number; gainDb?: number }>,
    levelDb: number,
    private drift = { rateHz: 0.07, depth: 0.25 },
    private width = 1,
  ) {
    this.name = nameOf(seed);
    this.nl = new Noise(seed, 'L');
    this.nr = new Noise(seed, 'R');
    const c = filters.map((f) => designBiquad(f.type, f.hz, SR, f.q, f.gainDb));
    this.fl = new BiquadChain(c);
    this.fr = new BiquadChain(c);
    this.gain = db(levelDb);
    this.seedMod = seedOf(seed, 'drift');
  }
  private bufL = new Float32Array(0);
  private bufR = new Float32Array(0);
  render(L: Float32Array, R: Float32Array, at: number, n: number, t: number): void {
    if (this.bufL.length < n) {
      this.bufL = new Float32Array(n);
      this.bufR = new Float32Array(n);
    }
    const bl = this.bufL, br = this.bufR;
    this.nl.fill(bl, this.color, 1, 0, n);
    this.nr.fill(br, this.color, 1, 0, n);
    // Partly correlated: width 1 = independent channels, 0 = mono.
    const w = this.width;
    for (let i = 0; i < n; i++) br[i] = w * br[i] + (1 - w) * bl[i];
    this.fl.process(bl, bl, 0, n);
    this.fr.process(br, br, 0, n);
    let g = 0;
    for (let i = 0; i < n; i++) {
      const s = t + i;
      if (i === 0 || s % CONTROL === 0) g = this.gain * (1 + this.drift.depth * noise1(this.seedMod, ((s - (s % CONTROL)) / SR) * this.drift.rateHz));
      L[at + i] += bl[i] * g;
      R[at + i] += br[i] * g;
    }
  }
}

/** Mains hum: fundamental plus odd-heavy harmonics, centred, with a slight wobble. */
export class HumLayer implements Layer {
  readonly name: string;
  private seed: number;
  constructor(seed: string, private hz: 50 | 60, private levelDb: number) {
    this.name = nameOf(seed);
    this.seed = seedOf(seed, 'hum');
  }
  render(L: Float32Array, R: Float32Array, at: number, n: number, t: number): void {
    const g = db(this.levelDb);
    const harm = [1, 0.5, 0.35, 0.12, 0.1];
    for (let i = 0; i < n; i++) {
      const s = (t + i) / SR;
      let v = 0;
      for (let h = 0; h < harm.length; h++) v += harm[h] * Math.sin(2 * Math.PI * this.hz * (h + 1) * s + h);
      v *= g * (1 + 0.1 * noise1(this.seed, s * 0.3));
      L[at + i] += v;
      R[at + i] += v;
    }
  }
}

/** Wind: band-passed noise whose centre and level wander in gusts, plus a low rumble. */
export class WindLayer implements Layer {
  readonly name: string;
  private nl: Noise;
  private nr: Noise;
  private bl = new Biquad(designBiquad('bandpass', 500, SR, 0.8));
  private br = new Biquad(designBiquad('bandpass', 500, SR, 0.8));
  private rumble: NoiseBedLayer;
  private s: number;
  constructor(seed: string, private levelDb: number, private gustiness = 0.5) {
    this.name = nameOf(seed);
    this.nl = new Noise(seed, 'windL');
    this.nr = new Noise(seed, 'windR');
    this.s = seedOf(seed, 'gust');
    this.rumble = new NoiseBedLayer(`${seed}:rumble`, 'brown', [{ type: 'lowpass', hz: 180 }], levelDb - 6, { rateHz: 0.1, depth: 0.5 });
  }
  render(L: Float32Array, R: Float32Array, at: number, n: number, t: number): void {
    this.rumble.render(L, R, at, n, t);
    let g = 0;
    for (let i = 0; i < n; i++) {
      const s = t + i;
      if (i === 0 || s % CONTROL === 0) {
        const sec = (s - (s % CONTROL)) / SR;
        const gust = 0.5 + 0.5 * noise1(this.s, sec * 0.15) + 0.3 * this.gustiness * noise1(this.s + 1, sec * 0.6);
        const fc = 250 + 900 * Math.max(0, gust);
        const c = designBiquad('bandpass', fc, SR, 0.7 + gust);
        this.bl.c = c;
        this.br.c = designBiquad('bandpass', fc * 1.07, SR, 0.7 + gust);
        g = db(this.levelDb) * Math.max(0.15, gust) * 2;
      }
      L[at + i] += this.bl.tick(this.nl.white()) * g;
      R[at + i] += this.br.tick(this.nr.white()) * g;
    }
  }
}

interface ActiveEvent {
  buf: Float32Array;
  /** Absolute sample where the event starts. */
  startAt: number;
  gl: number;
  gr: number;
  send: number;
}

/**
 * Poisson-scheduled one-shot events (horns, birds, clinks …). `make(noise)` synthesises one
 * mono event from its own RNG and returns it with a pan and reverb send.
 */
export class EventLayer implements Layer {
  readonly name: string;
  private sched: Noise;
  private next: number;
  private index = 0;
  private active: ActiveEvent[] = [];
  constructor(
    private seed: string,
    private ratePerSecond: number,
    private make: (noise: Noise, index: number) => { samples: Float32Array; pan: number; send: number; gainDb: number },
    /** Events may start before t = 0 so a bed does not open on an empty stage. */
    firstAtSeconds?: number,
  ) {
    this.name = nameOf(seed);
    this.sched = new Noise(seed, 'schedule');
    this.next = Math.round((firstAtSeconds ?? this.sched.exponential(ratePerSecond)) * SR);
  }
  render(L: Float32Array, R: Float32Array, at: number, n: number, t: number, sL: Float32Array, sR: Float32Array): void {
    if (this.ratePerSecond <= 0) return;
    while (this.next < t + n) {
      const ev = this.make(new Noise(this.seed, 'event', this.index), this.index);
      this.index++;
      const [gl, gr] = panGains(ev.pan);
      const g = db(ev.gainDb);
      this.active.push({ buf: ev.samples, startAt: this.next, gl: gl * g, gr: gr * g, send: ev.send });
      this.next += Math.max(1, Math.round(this.sched.exponential(this.ratePerSecond) * SR));
    }
    const keep: ActiveEvent[] = [];
    for (const e of this.active) {
      const from = Math.max(t, e.startAt);
      const end = Math.min(t + n, e.startAt + e.buf.length);
      for (let s = from; s < end; s++) {
        const v = e.buf[s - e.startAt];
        const o = at + s - t;
        L[o] += v * e.gl;
        R[o] += v * e.gr;
        sL[o] += v * e.gl * e.send;
        sR[o] += v * e.gr * e.send;
      }
      if (e.startAt + e.buf.length > t + n) keep.push(e);
    }
    this.active = keep;
  }
}

// --- Event synthesisers -----------------------------------------------------------------

export function carPass(noise: Noise): Float32Array {
  // Tyre roar (band noise) and engine (a low saw, Doppler-shifted) under a pass-by bell curve.
  const dur = noise.range(3.5, 7);
  const n = Math.round(dur * SR);
  const out = new Float32Array(n);
  const bp = Biquad.of('bandpass', noise.range(500, 900), SR, 0.6);
  const lp = Biquad.of('lowpass', 900, SR);
  const osc = new Oscillator('saw', SR, noise.uniform());
  const f0 = noise.range(28, 55);
  const speed = noise.range(0.4, 1);
  const mid = dur * noise.range(0.4, 0.6);
  for (let i = 0; i < n; i++) {
    const t = i / SR;
    const x = (t - mid) / (dur * 0.22);
    const env = 1 / (1 + x * x);
    // Approaching: pitch up; receding: pitch down (~±6 % at street speeds).
    const doppler = 1 - 0.06 * speed * Math.tanh(x * 2);
    const engine = lp.tick(osc.next(f0 * doppler)) * 0.6;
    out[i] = (bp.tick(noise.white()) * 1.4 + engine) * env;
  }
  return out;
}

export function horn(noise: Noise): Float32Array {
  const honks = noise.uniform() < 0.4 ? 2 : 1;
  const len = noise.range(0.18, 0.7);
  const n = Math.round((honks * (len + 0.15) + 0.1) * SR);
  const out = new Float32Array(n);
  const f1 = noise.range(380, 480);
  const f2 = f1 * noise.range(1.18, 1.26);
  const a = new Oscillator('square', SR), b = new Oscillator('square', SR);
  const lp = Biquad.of('lowpass', 1800, SR);
  for (let h = 0; h < honks; h++) {
    const s0 = Math.round(h * (len + 0.15) * SR);
    const m = Math.round(len * SR);
    for (let i = 0; i < m && s0 + i < n; i++) {
      const env = Math.min(1, i / 400, (m - i) / 800);
      out[s0 + i] += (a.next(f1) + b.next(f2)) * 0.5 * env;
    }
  }
  return lp.process(out);
}

export function siren(noise: Noise): Float32Array {
  const dur = noise.range(6, 10);
  const n = Math.round(dur * SR);
  const out = new Float32Array(n);
  const osc = new Oscillator('triangle', SR);
  const period = noise.range(2.5, 4);
  for (let i = 0; i < n; i++) {
    const t = i / SR;
    const f = 700 + 550 * (0.5 - 0.5 * Math.cos((2 * Math.PI * t) / period));
    const env = Math.sin((Math.PI * t) / dur);
    out[i] = osc.next(f) * env * env;
  }
  return Biquad.of('lowpass', 2200, SR).process(out);
}

/** A bird phrase: 2–8 frequency-swept chirps; species templates vary sweep and rhythm. */
export function birdPhrase(noise: Noise): Float32Array {
  const species = noise.int(4);
  const count = 2 + noise.int(7);
  const base = [3200, 4200, 2600, 5200][species] * noise.range(0.9, 1.1);
  const chirp = [0.06, 0.09, 0.14, 0.04][species];
  const gap = [0.07, 0.12, 0.2, 0.05][species];
  const n = Math.round((count * (chirp + gap) + 0.1) * SR);
  const out = new Float32Array(n);
  let ph = 0;
  for (let c = 0; c < count; c++) {
    const s0 = Math.round(c * (chirp + gap) * SR * noise.range(0.9, 1.1));
    const m = Math.round(chirp * SR * noise.range(0.8, 1.2));
    const sweep = [1.6, -0.4, 0.3, 2.2][species] * noise.range(0.7, 1.3);
    const trill = species === 2 ? 28 : 0;
    for (let i = 0; i < m && s0 + i < n; i++) {
      const x = i / m;
      const f = base * (1 + sweep * (species === 1 ? x * x : x) * 0.4) * (1 + (trill ? 0.06 * Math.sin(2 * Math.PI * trill * (i / SR)) : 0));
      ph += f / SR;
      const env = Math.sin(Math.PI * x);
      out[s0 + i] += Math.sin(2 * Math.PI * ph) * env * env;
    }
  }
  return out;
}

/** A cricket chirp: 3–5 pulses of a ~4.5 kHz tone at ~30 pulses/s. */
export function cricketChirp(noise: Noise, carrierHz: number): Float32Array {
  const pulses = 3 + noise.int(3);
  const pulseS = 0.014;
  const period = 1 / noise.range(26, 34);
  const n = Math.round((pulses * period + 0.02) * SR);
  const out = new Float32Array(n);
  for (let p = 0; p < pulses; p++) {
    const s0 = Math.round(p * period * SR);
    const m = Math.round(pulseS * SR);
    for (let i = 0; i < m; i++) {
      const env = Math.sin((Math.PI * i) / m);
      out[s0 + i] += Math.sin((2 * Math.PI * carrierHz * (s0 + i)) / SR) * env;
    }
  }
  return out;
}

/** A small bright ping (cutlery on crockery, a glass set down). */
export function clink(noise: Noise): Float32Array {
  const exc = new Float32Array(64);
  for (let i = 0; i < exc.length; i++) exc[i] = noise.white() * Math.exp(-i / 8);
  const f = noise.range(2200, 4200);
  return modalBank(exc, [
    { freqHz: f, t60: noise.range(0.2, 0.5), gain: 1 },
    { freqHz: f * 2.32, t60: 0.25, gain: 0.5 },
    { freqHz: f * 3.7, t60: 0.15, gain: 0.3 },
  ], SR, Math.round(0.5 * SR));
}

/** A burst of typing: 5–40 key clicks. */
export function typingBurst(noise: Noise): Float32Array {
  const keys = 5 + noise.int(36);
  const dur = keys * 0.13 + 0.2;
  const out = new Float32Array(Math.round(dur * SR));
  let t = 0;
  for (let k = 0; k < keys; k++) {
    t += noise.range(0.06, 0.2) + (noise.uniform() < 0.08 ? noise.range(0.2, 0.6) : 0);
    const s0 = Math.round(t * SR);
    const m = 240;
    const f = noise.range(1800, 3500);
    for (let i = 0; i < m && s0 + i < out.length; i++) {
      out[s0 + i] += (noise.white() * 0.7 + Math.sin((2 * Math.PI * f * i) / SR) * 0.5) * Math.exp(-i / 40);
    }
  }
  return Biquad.of('highpass', 600, SR).process(out);
}

export function phoneRing(noise: Noise): Float32Array {
  const rings = 1 + noise.int(3);
  const out = new Float32Array(Math.round(rings * 4 * SR));
  for (let r = 0; r < rings; r++) {
    const s0 = Math.round(r * 4 * SR);
    for (let i = 0; i < 2 * SR; i++) {
      const t = i / SR;
      const trem = Math.sin(2 * Math.PI * 20 * t) > 0 ? 1 : 0.2;
      out[s0 + i] = (Math.sin(2 * Math.PI * 440 * t) + Math.sin(2 * Math.PI * 480 * t)) * 0.5 * trem * Math.min(1, i / 200, (2 * SR - i) / 400);
    }
  }
  return Biquad.of('lowpass', 2500, SR).process(out);
}

/** A distant metallic clank with a long ring (warehouse). */
export function clank(noise: Noise): Float32Array {
  const exc = new Float32Array(200);
  for (let i = 0; i < exc.length; i++) exc[i] = noise.white() * Math.exp(-i / 30);
  const f = noise.range(180, 420);
  return modalBank(exc, [
    { freqHz: f, t60: 2.2, gain: 1 },
    { freqHz: f * 2.76, t60: 1.6, gain: 0.6 },
    { freqHz: f * 5.4, t60: 1.1, gain: 0.4 },
    { freqHz: f * 8.9, t60: 0.7, gain: 0.25 },
  ], SR, Math.round(2.5 * SR));
}

export function drip(noise: Noise): Float32Array {
  // A falling-pitch bubble (Minnaert resonance as the cavity closes).
  const n = Math.round(0.06 * SR);
  const out = new Float32Array(n);
  const f0 = noise.range(900, 1800);
  let ph = 0;
  for (let i = 0; i < n; i++) {
    const t = i / SR;
    ph += (f0 * (1 + 3 * t)) / SR;
    out[i] = Math.sin(2 * Math.PI * ph) * Math.exp(-t / 0.012);
  }
  return out;
}

/** Rain: a band-limited hiss plus a dense field of individual drops (tiny bubbles and ticks). */
export class RainLayer implements Layer {
  readonly name: string;
  private hiss: NoiseBedLayer;
  private rumble?: NoiseBedLayer;
  private drops: Noise;
  private active: Array<{ at: number; f: number; decay: number; amp: number; gl: number; gr: number }> = [];
  private nextDrop: number;
  constructor(seed: string, private intensity: number, levelDb: number) {
    this.name = nameOf(seed);
    this.hiss = new NoiseBedLayer(`${seed}:hiss`, 'pink', [{ type: 'highpass', hz: 400 }, { type: 'lowpass', hz: 9000 }], levelDb, { rateHz: 0.05, depth: 0.15 });
    if (intensity > 0.5) this.rumble = new NoiseBedLayer(`${seed}:rumble`, 'brown', [{ type: 'lowpass', hz: 220 }], levelDb - 4 + 6 * (intensity - 0.5));
    this.drops = new Noise(seed, 'drops');
    this.nextDrop = 0;
  }
  render(L: Float32Array, R: Float32Array, at: number, n: number, t: number, sL: Float32Array, sR: Float32Array): void {
    this.hiss.render(L, R, at, n, t);
    this.rumble?.render(L, R, at, n, t);
    const rate = 30 + 400 * this.intensity * this.intensity;
    const amp = 0.012 * (0.4 + this.intensity);
    while (this.nextDrop < t + n) {
      const [gl, gr] = panGains(this.drops.range(-1, 1));
      this.active.push({ at: this.nextDrop, f: this.drops.range(1500, 6000), decay: this.drops.range(0.002, 0.008), amp: amp * this.drops.range(0.2, 1), gl, gr });
      this.nextDrop += Math.max(1, Math.round(this.drops.exponential(rate) * SR));
    }
    const keep: typeof this.active = [];
    for (const d of this.active) {
      const len = Math.round(d.decay * 6 * SR);
      const from = Math.max(t, d.at);
      const end = Math.min(t + n, d.at + len);
      for (let s = from; s < end; s++) {
        const k = (s - d.at) / SR;
        const v = Math.sin(2 * Math.PI * d.f * (1 + 2 * k) * k) * Math.exp(-k / d.decay) * d.amp;
        L[at + s - t] += v * d.gl;
        R[at + s - t] += v * d.gr;
        sL[at + s - t] += v * d.gl * 0.3;
        sR[at + s - t] += v * d.gr * 0.3;
      }
      if (d.at + len > t + n) keep.push(d);
    }
    this.active = keep;
  }
}

/**
 * Walla (crowd murmur): several "voices", each noise through two formant band-passes that
 * jump between vowel positions at syllable rate, gated by a 3–6 Hz syllabic envelope with
 * pauses, all distance-filtered. Unintelligible by construction, as walla should be.
 */
export class WallaLayer implements Layer {
  readonly name: string;
  private voices: Array<{ noise: Noise; f1: Biquad; f2: Biquad; pan: [number, number]; rate: number; seed: number; pitch: number }>;
  private lp = [Biquad.of('lowpass', 2400, SR), Biquad.of('lowpass', 2400, SR)];
  private bl = new Float32Array(0);
  private br = new Float32Array(0);
  constructor(seed: string, count: number, private levelDb: number) {
    this.name = nameOf(seed);
    const n = new Noise(seed, 'walla');
    this.voices = Array.from({ length: count }, (_, k) => ({
      noise: new Noise(seed, 'voice', k),
      f1: Biquad.of('bandpass', 500, SR, 4),
      f2: Biquad.of('bandpass', 1500, SR, 5),
      pan: panGains(n.range(-0.8, 0.8)),
      rate: n.range(3, 6),
      seed: seedOf(seed, 'v', k),
      pitch: n.range(0.8, 1.25),
    }));
  }
  render(L: Float32Array, R: Float32Array, at: number, n: number, t: number): void {
    const g = db(this.levelDb);
    if (this.bl.length < n) {
      this.bl = new Float32Array(n);
      this.br = new Float32Array(n);
    }
    const bl = this.bl, br = this.br;
    bl.fill(0, 0, n);
    br.fill(0, 0, n);
    const VOWELS = [[730, 1090], [530, 1840], [270, 2290], [570, 840], [300, 870], [660, 1720]];
    for (const v of this.voices) {
      let env = 0;
      for (let i = 0; i < n; i++) {
        const s = t + i;
        if (i === 0 || s % CONTROL === 0) {
          const sec = (s - (s % CONTROL)) / SR;
          const syl = Math.floor(sec * v.rate);
          const vowel = VOWELS[Math.floor(((noise1(v.seed, syl * 0.37) + 1) / 2) * VOWELS.length) % VOWELS.length];
          v.f1.c = designBiquad('bandpass', vowel[0] * v.pitch, SR, 4);
          v.f2.c = designBiquad('bandpass', vowel[1] * v.pitch, SR, 5);
          const phrase = noise1(v.seed + 7, sec * 0.25) > -0.3 ? 1 : 0; // talks, then listens
          const sy = Math.sin(Math.PI * ((sec * v.rate) % 1));
          env = phrase * sy * sy;
        }
        const x = v.noise.white();
        const y = (v.f1.tick(x) + 0.6 * v.f2.tick(x)) * env * g;
        bl[i] += y * v.pan[0];
        br[i] += y * v.pan[1];
      }
    }
    this.lp[0].process(bl, bl, 0, n);
    this.lp[1].process(br, br, 0, n);
    for (let i = 0; i < n; i++) {
      L[at + i] += bl[i];
      R[at + i] += br[i];
    }
  }
}
