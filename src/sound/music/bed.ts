// A procedural music bed for a scene mood: key and tempo from the mood (picked by seed),
// the mood's progression looped with voice-led chords, an arrangement that builds (core
// parts first, the rest from bar 9, drums out in every fourth 8-bar section), a reverb bus,
// then levelled to a nominal loudness with our meter and faded at both ends.

import { z } from 'zod';
import { Biquad } from '../dsp/biquad';
import { Noise, type Seed } from '../dsp/noise';
import { Reverb } from '../dsp/reverb';
import { integratedLoudness } from '../loudness';
import { parseOrThrow } from '../validate';
import { DrumKit, type DrumVoice } from './drums';
import { MUSIC_SAMPLE_RATE, bass, brass, drone, epiano, mallet, pad, pluck, type Bus } from './instruments';
import { MOODS, MUSIC_MOODS, type Mood, type MoodDef, type Part } from './moods';
import { NOTE_NAMES, chordLabel, chordTones } from './theory';

const SR = MUSIC_SAMPLE_RATE;

export const MusicBedSchema = z
  .object({
    mood: z.enum(MUSIC_MOODS),
    durationSeconds: z.number().min(0.5).max(3600),
    /** Override the key's tonic (the mode comes from the mood). */
    key: z.enum(NOTE_NAMES).optional(),
    tempoBpm: z.number().min(30).max(240).optional(),
    /** 0 … 1: 0 = pads only, 0.5 = the mood's arrangement, 1 = everything all the time. */
    intensity: z.number().min(0).max(1).default(0.5),
    /** Integrated loudness the bed is levelled to, LUFS (the mixer then places it). */
    levelLufs: z.number().min(-60).max(-6).default(-26),
    fadeInSeconds: z.number().min(0).max(30).default(1.5),
    fadeOutSeconds: z.number().min(0).max(30).default(3),
  })
  .strict();
export type MusicBedParams = z.input<typeof MusicBedSchema>;

export interface MusicBed {
  channels: [Float32Array, Float32Array];
  sampleRate: 48000;
  mood: Mood;
  tempoBpm: number;
  /** e.g. "E phrygian". */
  key: string;
  /** The progression as chord labels, e.g. ["i", "♭II", …] (roman numerals in the mode). */
  chords: string[];
  beatSeconds: number;
  barSeconds: number;
}

const DRUM_PARTS: Part[] = ['drumsHeartbeat', 'drumsSoft', 'drumsPlayful', 'drumsJazz', 'drumsAction', 'drumsTimpani'];

/** Voice-leading: the inversion/octave of `tones` (semitones over `root`) nearest `prev`. */
function voice(root: number, tones: number[], prev: number[] | undefined, lo = 52, hi = 74): number[] {
  const candidates: number[][] = [];
  for (let inv = 0; inv < tones.length; inv++) {
    const t = tones.map((x, k) => x + (k < inv ? 12 : 0));
    for (let oct = -2; oct <= 2; oct++) {
      const notes = t.map((x) => root + x + 12 * oct).sort((a, b) => a - b);
      if (notes[0] >= lo && notes[notes.length - 1] <= hi) candidates.push(notes);
    }
  }
  if (!candidates.length) return tones.map((x) => root + x);
  if (!prev) return candidates.sort((a, b) => Math.abs(a[0] - 60) - Math.abs(b[0] - 60))[0];
  const cost = (c: number[]) => c.reduce((s, n, k) => s + Math.abs(n - (prev[k] ?? prev[prev.length - 1])), 0);
  return candidates.sort((a, b) => cost(a) - cost(b))[0];
}

interface BarCtx {
  bus: Bus;
  kit: DrumKit;
  t0: number; // bar start, s
  beat: number; // s per beat
  swing: number;
  chord: number[]; // voiced MIDI notes
  bassRoot: number; // MIDI
  nextBassRoot: number;
  tones: number[]; // chord tones over tonic (semitones)
  chordStart: boolean;
  chordSeconds: number;
  bar: number;
  noise: Noise;
  def: MoodDef;
}

/** Time of eighth-note `k` (0–7) of the bar, with swing. */
function eighth(x: BarCtx, k: number): number {
  return x.t0 + (Math.floor(k / 2) + (k % 2 ? x.swing : 0)) * x.beat;
}

function hit(x: BarCtx, voice: DrumVoice, at: number, vel: number, pan = 0, send = 0.15): void {
  const h = x.kit.hit(voice, x.noise.int(1000));
  const start = Math.round(at * SR);
  const gl = Math.cos(((pan + 1) * Math.PI) / 4) * vel, gr = Math.sin(((pan + 1) * Math.PI) / 4) * vel;
  const { L, R, sendL, sendR } = x.bus;
  const end = Math.min(L.length, start + h.length);
  for (let i = Math.max(0, start); i < end; i++) {
    const v = h[i - start];
    L[i] += v * gl;
    R[i] += v * gr;
    sendL[i] += v * gl * send;
    sendR[i] += v * gr * send;
  }
}

function playPart(part: Part, x: BarCtx): void {
  const { beat, chord, noise } = x;
  switch (part) {
    case 'pad':
      if (x.chordStart) for (const [k, m] of chord.entries()) pad(x.bus, { at: x.t0, dur: x.chordSeconds, midi: m, vel: 0.09, pan: (k / (chord.length - 1)) * 0.8 - 0.4 }, { cutoffHz: x.def.padCutoffHz });
      break;
    case 'strings':
      if (x.chordStart) for (const [k, m] of chord.entries()) pad(x.bus, { at: x.t0, dur: x.chordSeconds, midi: m + 12 * (k === chord.length - 1 ? 1 : 0), vel: 0.08, pan: (k / (chord.length - 1)) * 1.2 - 0.6, send: 0.7 }, { env: { attack: 1.2, decay: 1, sustain: 0.85, release: 1.8 }, cutoffHz: x.def.padCutoffHz, vibrato: 0.004, detuneCents: 6 });
      break;
    case 'brassPad':
      if (x.chordStart) for (const [k, m] of chord.entries()) brass(x.bus, { at: x.t0, dur: x.chordSeconds - 0.05, midi: m, vel: 0.13, pan: k * 0.3 - 0.45 });
      break;
    case 'drone':
      if (x.chordStart) drone(x.bus, { at: x.t0, dur: x.chordSeconds, midi: x.bassRoot - 12 >= 28 ? x.bassRoot - 12 : x.bassRoot, vel: 0.35 });
      break;
    case 'cluster': {
      // Root, minor second and fifth up high, swelling: unresolved by design.
      if (x.chordStart) for (const [k, iv] of [0, 1, 7].entries()) pad(x.bus, { at: x.t0, dur: x.chordSeconds, midi: x.bassRoot + 36 + iv, vel: 0.035, pan: k * 0.6 - 0.6, send: 0.8 }, { env: { attack: 2, decay: 0.5, sustain: 1, release: 2 }, cutoffHz: 2500 });
      break;
    }
    case 'epianoArp': {
      const order = [0, 1, 2, 3, 2, 1, 0, 1];
      for (let k = 0; k < 8; k++) {
        const m = chord[order[k] % chord.length] + (order[k] >= chord.length ? 12 : 0);
        epiano(x.bus, { at: eighth(x, k), dur: beat * 0.9, midi: m + 12, vel: 0.1 + 0.04 * noise.uniform() + (k % 2 ? 0 : 0.03), pan: 0.2 });
      }
      break;
    }
    case 'bellArp':
      for (let k = 0; k < 4; k++) if (noise.uniform() < 0.8) mallet(x.bus, { at: x.t0 + k * beat, dur: beat, midi: chord[k % chord.length] + 12, vel: 0.05, pan: -0.3 + 0.2 * k }, 'bell');
      break;
    case 'pluckArp':
      for (let k = 0; k < 4; k++) pluck(x.bus, { at: x.t0 + k * beat + noise.range(0, 0.02), dur: beat * 1.8, midi: chord[(k * 2) % chord.length] + (k === 3 ? 12 : 0), vel: 0.2, pan: 0.25 }, noise, { bright: 0.45, t60: 3 });
      break;
    case 'ostinato':
      for (let k = 0; k < 8; k++) pluck(x.bus, { at: eighth(x, k), dur: beat * 0.35, midi: x.bassRoot + 12 + (k === 6 && noise.uniform() < 0.3 ? 1 : 0), vel: k % 4 === 0 ? 0.3 : 0.18, pan: -0.2, send: 0.25 }, noise, { bright: 0.35, t60: 0.6 });
      break;
    case 'marimba': {
      const pattern = [1, 0, 1, 1, 0, 1, 1, 0].map((v) => (noise.uniform() < 0.15 ? 1 - v : v));
      for (let k = 0; k < 8; k++) if (pattern[k]) mallet(x.bus, { at: eighth(x, k), dur: beat * 0.5, midi: chord[(k + x.bar) % chord.length] + 12, vel: 0.17, pan: 0.3 * Math.sin(k) }, 'marimba');
      break;
    }
    case 'comp': {
      // Charleston-ish comping: the "and" of 2 and beat 4, short.
      for (const k of [3, 6]) if (noise.uniform() < 0.85) for (const m of chord) epiano(x.bus, { at: eighth(x, k), dur: beat * 0.4, midi: m, vel: 0.06, pan: 0.3 }, { bright: 0.6 });
      break;
    }
    case 'brassStabs':
      if (x.chordStart) for (const m of chord) brass(x.bus, { at: x.t0, dur: beat * 0.35, midi: m, vel: 0.2 });
      if (noise.uniform() < 0.5) for (const m of chord) brass(x.bus, { at: eighth(x, 3), dur: beat * 0.25, midi: m, vel: 0.12 });
      break;
    case 'bassRound':
      bass(x.bus, { at: x.t0, dur: beat * 1.6, midi: x.bassRoot, vel: 0.4 }, 'round', noise);
      bass(x.bus, { at: x.t0 + 2 * beat, dur: beat * 1.6, midi: x.bassRoot + (noise.uniform() < 0.5 ? 7 : 0), vel: 0.34 }, 'round', noise);
      break;
    case 'bassWhole':
      if (x.chordStart) bass(x.bus, { at: x.t0, dur: x.chordSeconds * 0.95, midi: x.bassRoot, vel: 0.32 }, 'round', noise);
      break;
    case 'bassSaw':
      for (let k = 0; k < 8; k++) bass(x.bus, { at: eighth(x, k), dur: beat * 0.4, midi: x.bassRoot + (k % 4 === 3 ? 12 : 0), vel: 0.3 }, 'saw', noise);
      break;
    case 'bassBounce':
      for (const [k, iv] of [[0, 0], [1, 12], [4, 7], [5, 12], [7, 7]] as const) bass(x.bus, { at: eighth(x, k), dur: beat * 0.3, midi: x.bassRoot + iv, vel: 0.32 }, 'round', noise);
      break;
    case 'bassWalk': {
      // Root, two chord tones, then a chromatic approach into the next root.
      const third = x.bassRoot + x.tones[1] - x.tones[0];
      const fifth = x.bassRoot + x.tones[2] - x.tones[0];
      const approach = x.nextBassRoot + (noise.uniform() < 0.5 ? 1 : -1);
      const line = [x.bassRoot, noise.uniform() < 0.5 ? third : fifth, noise.uniform() < 0.5 ? fifth : third + 12 > 50 ? third : third + 12, approach];
      for (let k = 0; k < 4; k++) bass(x.bus, { at: x.t0 + k * beat, dur: beat * 0.9, midi: line[k], vel: 0.5 }, 'upright', noise);
      break;
    }
    case 'drumsHeartbeat':
      hit(x, 'kick', x.t0, 0.5);
      hit(x, 'kick', x.t0 + beat * 0.3, 0.3);
      for (let k = 0; k < 16; k++) if (noise.uniform() < 0.7) hit(x, 'hat', x.t0 + (k * beat) / 4, k % 4 === 0 ? 0.1 : 0.05, 0.4);
      break;
    case 'drumsSoft':
      hit(x, 'kick', x.t0, 0.35);
      hit(x, 'kick', x.t0 + 2 * beat, 0.3);
      hit(x, 'rim', x.t0 + 3 * beat, 0.1, 0.2);
      for (let k = 0; k < 8; k++) hit(x, 'shaker', eighth(x, k), k % 2 ? 0.12 : 0.07, 0.5);
      break;
    case 'drumsPlayful':
      hit(x, 'kick', x.t0, 0.45);
      hit(x, 'kick', x.t0 + 2 * beat, 0.4);
      hit(x, 'clap', x.t0 + beat, 0.3, -0.1, 0.25);
      hit(x, 'clap', x.t0 + 3 * beat, 0.3, -0.1, 0.25);
      for (let k = 0; k < 16; k++) hit(x, 'shaker', x.t0 + (k * beat) / 4, k % 2 ? 0.06 : 0.1, 0.5);
      break;
    case 'drumsJazz':
      // Ride and brushes sit back: cymbals carry far above the bed's real weight.
      for (const [k, v] of [[0, 0.07], [2, 0.09], [5, 0.05], [4, 0.07], [6, 0.09], [7, 0.05]] as const) hit(x, 'ride', eighth(x, k), v, 0.35, 0.2);
      hit(x, 'brush', x.t0 + beat, 0.1, -0.2);
      hit(x, 'brush', x.t0 + 3 * beat, 0.1, -0.2);
      hit(x, 'kick', x.t0, 0.15);
      hit(x, 'hat', x.t0 + beat, 0.06, -0.3);
      hit(x, 'hat', x.t0 + 3 * beat, 0.06, -0.3);
      break;
    case 'drumsAction': {
      for (const b of [0, 1.5, 2]) hit(x, 'kick', x.t0 + b * beat, 0.6);
      hit(x, 'snare', x.t0 + beat, 0.45);
      hit(x, 'snare', x.t0 + 3 * beat, 0.45);
      for (let k = 0; k < 8; k++) hit(x, 'hat', eighth(x, k), k % 2 ? 0.06 : 0.09, 0.3);
      if (x.bar % 2 === 0) hit(x, 'taiko', x.t0, 0.5, 0, 0.4);
      if (x.bar % 4 === 3) for (let k = 8; k < 16; k++) hit(x, k < 12 ? 'tomHigh' : 'tomLow', x.t0 + (k * beat) / 4, 0.3 + 0.02 * k, k < 12 ? 0.3 : -0.3);
      break;
    }
    case 'drumsTimpani':
      hit(x, 'taiko', x.t0, 0.45, 0, 0.4);
      hit(x, 'tomLow', x.t0 + 2 * beat, 0.35, 0, 0.4);
      if (x.bar % 4 === 3) for (let k = 12; k < 16; k++) hit(x, 'snare', x.t0 + (k * beat) / 4, 0.12 + 0.03 * (k - 12), 0.1, 0.3);
      break;
  }
}

/** Renders a music bed (stereo 48 kHz). Same params and seed → identical samples. */
export function musicBed(params: MusicBedParams, seed: Seed): MusicBed {
  const p = parseOrThrow(MusicBedSchema, params, 'music');
  const def = MOODS[p.mood];
  const rng = new Noise(seed, 'music', p.mood);
  const keyName = p.key ?? rng.pick(def.keys);
  const tonic = NOTE_NAMES.indexOf(keyName);
  const tempo = p.tempoBpm ?? Math.round(rng.range(def.tempo[0], def.tempo[1]));
  const beat = 60 / tempo;
  const bar = 4 * beat;
  const total = Math.round(p.durationSeconds * SR);
  // Release tails of the last bar ring past the end; render a little long, then cut.
  const bus: Bus = { L: new Float32Array(total), R: new Float32Array(total), sendL: new Float32Array(total), sendR: new Float32Array(total) };
  const kit = new DrumKit(`${seed}:${p.mood}:kit`);
  const bars = Math.ceil(p.durationSeconds / bar);
  const chordBars = Math.max(1, def.beatsPerChord / 4);
  let prevVoicing: number[] | undefined;
  let voicing: number[] = [];
  const parts = def.parts.filter((part) => p.intensity > 0.15 || part === 'pad' || part === 'strings' || part === 'drone' || part === 'cluster');
  for (let b = 0; b < bars; b++) {
    const ci = Math.floor(b / chordBars) % def.progression.length;
    const chord = def.progression[ci];
    const next = def.progression[(ci + 1) % def.progression.length];
    const tones = chordTones(def.scale, chord);
    const chordStart = b % chordBars === 0;
    if (chordStart) {
      voicing = voice(60 + tonic - (tonic > 6 ? 12 : 0), tones, prevVoicing);
      prevVoicing = voicing;
    }
    const bassOf = (t: number[]) => 36 + ((tonic + t[0]) % 12) + (((tonic + t[0]) % 12) > 7 ? -12 : 0);
    const section = Math.floor(b / 8);
    const breakdown = section % 4 === 3;
    const ctx: BarCtx = {
      bus, kit, t0: b * bar, beat, swing: def.swing, chord: voicing, bassRoot: bassOf(tones), nextBassRoot: bassOf(chordTones(def.scale, next)),
      tones, chordStart, chordSeconds: chordBars * bar, bar: b, noise: new Noise(seed, 'bar', b), def,
    };
    for (const part of parts) {
      const isDrum = DRUM_PARTS.includes(part);
      const core = def.core.includes(part);
      const playing = p.intensity >= 0.85 || (core && !(isDrum && breakdown)) || (section >= 1 && !(isDrum && breakdown)) || (p.intensity >= 0.7 && !isDrum);
      if (playing) playPart(part, ctx);
    }
  }
  const reverb = new Reverb(SR, { roomSize: def.reverb.roomSize, damping: def.reverb.damping });
  reverb.process(bus.sendL, bus.sendR, bus.L, bus.R, def.reverb.mix * 2);
  const L = bus.L, R = bus.R;
  Biquad.of('highpass', 28, SR).process(L);
  Biquad.of('highpass', 28, SR).process(R);
  const fi = Math.round(p.fadeInSeconds * SR), fo = Math.round(p.fadeOutSeconds * SR);
  for (let i = 0; i < Math.min(fi, total); i++) {
    const g = Math.sin((Math.PI / 2) * (i / fi));
    L[i] *= g;
    R[i] *= g;
  }
  for (let i = 0; i < Math.min(fo, total); i++) {
    const g = Math.sin((Math.PI / 2) * (i / fo));
    L[total - 1 - i] *= g;
    R[total - 1 - i] *= g;
  }
  const loud = integratedLoudness([L, R], SR);
  if (Number.isFinite(loud)) {
    const g = Math.pow(10, (p.levelLufs - loud) / 20);
    for (let i = 0; i < total; i++) {
      L[i] *= g;
      R[i] *= g;
    }
  }
  return {
    channels: [L, R],
    sampleRate: SR,
    mood: p.mood,
    tempoBpm: tempo,
    key: `${keyName} ${def.scale === 'harmonicMinor' ? 'minor' : def.scale}`,
    chords: def.progression.map((ch) => chordLabel(def.scale, ch)),
    beatSeconds: beat,
    barSeconds: bar,
  };
}
