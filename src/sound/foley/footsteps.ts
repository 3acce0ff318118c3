// Procedural footsteps after Farnell ("Designing Sound", Footsteps; "Marching onwards"):
// each step is a ground-reaction-force curve — heel strike, roll onto the ball, toe-off —
// whose phases drive a surface texture: resonant knocks for wood and tile, short gritty
// taps for concrete, muffled thumps for carpet, clouds of crunch grains for gravel and
// swishing blades for grass. Pace moves the phases together (running merges heel and ball
// and hits harder) and weight scales force and lowers the body thump.

import { z } from 'zod';
import { Biquad } from '../dsp/biquad';
import { parseOrThrow } from '../validate';
import { Noise, type Seed } from '../dsp/noise';
import type { Mode } from '../dsp/resonator';
import { addInto, jitterModes, noiseBurst, normalizePeak, samplesFor, SR, stickSlip, strike, tailFade } from './common';

export const SURFACES = ['wood', 'concrete', 'carpet', 'gravel', 'grass', 'tile', 'metal'] as const;
export type Surface = (typeof SURFACES)[number];
export const PACES = ['sneak', 'walk', 'run'] as const;
export type Pace = (typeof PACES)[number];

export const FootstepSchema = z
  .object({
    surface: z.enum(SURFACES),
    pace: z.enum(PACES).default('walk'),
    /** Body weight relative to an average adult (0.4 child … 1.6 heavy). */
    weight: z.number().min(0.3).max(2).default(1),
    /** Hard soles click; soft (trainers) and barefoot lose the high transient. */
    shoe: z.enum(['hard', 'soft', 'barefoot']).default('hard'),
    /** Loudness trim, dB. */
    gainDb: z.number().min(-40).max(12).default(0),
  })
  .strict();
export type FootstepParams = z.input<typeof FootstepSchema>;

export const FootstepsSchema = FootstepSchema.extend({
  /** Number of steps (or give durationSeconds). */
  count: z.number().int().min(1).max(10000).optional(),
  durationSeconds: z.number().min(0).max(3600).optional(),
  /** Cadence; default by pace (sneak 1.2, walk 1.9, run 2.9 steps/s). */
  stepsPerSecond: z.number().min(0.2).max(6).optional(),
}).strict();
export type FootstepsParams = z.input<typeof FootstepsSchema>;

interface Phase {
  at: number; // seconds from heel strike
  force: number; // relative force
  dur: number; // seconds the phase's texture lasts
}

function grf(pace: Pace, weight: number): Phase[] {
  const w = Math.sqrt(weight);
  if (pace === 'run') return [{ at: 0, force: 1.3 * w, dur: 0.05 }, { at: 0.025, force: 0.9 * w, dur: 0.06 }, { at: 0.11, force: 0.35 * w, dur: 0.08 }];
  if (pace === 'sneak') return [{ at: 0, force: 0.35 * w, dur: 0.07 }, { at: 0.16, force: 0.3 * w, dur: 0.1 }, { at: 0.32, force: 0.12 * w, dur: 0.12 }];
  return [{ at: 0, force: 1 * w, dur: 0.05 }, { at: 0.085, force: 0.6 * w, dur: 0.07 }, { at: 0.2, force: 0.22 * w, dur: 0.1 }];
}

const WOOD: Mode[] = [
  { freqHz: 92, t60: 0.16, gain: 1 },
  { freqHz: 178, t60: 0.12, gain: 0.7 },
  { freqHz: 305, t60: 0.09, gain: 0.5 },
  { freqHz: 540, t60: 0.06, gain: 0.35 },
  { freqHz: 870, t60: 0.05, gain: 0.25 },
  { freqHz: 1430, t60: 0.03, gain: 0.15 },
];
const TILE: Mode[] = [
  { freqHz: 1850, t60: 0.05, gain: 0.5 },
  { freqHz: 3120, t60: 0.04, gain: 0.4 },
  { freqHz: 4700, t60: 0.03, gain: 0.3 },
  { freqHz: 240, t60: 0.03, gain: 0.4 },
];
const METAL: Mode[] = [
  { freqHz: 310, t60: 0.5, gain: 0.6 },
  { freqHz: 587, t60: 0.45, gain: 0.5 },
  { freqHz: 1033, t60: 0.35, gain: 0.4 },
  { freqHz: 1710, t60: 0.3, gain: 0.3 },
  { freqHz: 2650, t60: 0.2, gain: 0.2 },
];

/** Contact transient of a shoe: the sharp click hard soles add, softened for trainers/feet. */
function contact(noise: Noise, shoe: 'hard' | 'soft' | 'barefoot', force: number): Float32Array {
  if (shoe === 'hard') return noiseBurst(noise, 0.03, 0.0005, 0.004, { lo: 900, hi: 9000 }).map((v) => v * force);
  if (shoe === 'soft') return noiseBurst(noise, 0.04, 0.002, 0.008, { lo: 200, hi: 2500 }).map((v) => v * force * 0.6);
  return noiseBurst(noise, 0.04, 0.003, 0.01, { lo: 100, hi: 1500 }).map((v) => v * force * 0.4);
}

function thump(noise: Noise, freq: number, force: number, decay = 0.03): Float32Array {
  const n = samplesFor(decay * 6);
  const out = new Float32Array(n);
  const ph = noise.uniform() * 0.2;
  for (let i = 0; i < n; i++) {
    const t = i / SR;
    out[i] = Math.sin(2 * Math.PI * (freq * t + ph)) * Math.exp(-t / decay) * force * Math.min(1, t / 0.002);
  }
  return out;
}

/** Clouds of tiny resonant grains (gravel crunch, grass blades), rate ∝ force. */
function grains(noise: Noise, out: Float32Array, at: number, phase: Phase, kind: 'gravel' | 'grass'): void {
  const count = Math.round((kind === 'gravel' ? 70 : 45) * phase.force);
  for (let g = 0; g < count; g++) {
    const t = phase.at + Math.pow(noise.uniform(), 1.6) * phase.dur * (kind === 'gravel' ? 1.5 : 2.2);
    if (kind === 'gravel') {
      const f = noise.range(900, 6500);
      const grain = noiseBurst(noise, 0.012, 0.0002, noise.range(0.0008, 0.003), { lo: f * 0.7, hi: f * 1.3, q: 2 });
      addInto(out, grain, at + samplesFor(t), phase.force * noise.range(0.3, 1) * 2.2);
    } else {
      const grain = noiseBurst(noise, 0.05, noise.range(0.003, 0.01), noise.range(0.008, 0.02), { lo: 1800, hi: 7000 });
      addInto(out, grain, at + samplesFor(t), phase.force * noise.range(0.2, 0.6));
    }
  }
}

/** Renders one step into `out` at sample `at`. */
function stepInto(out: Float32Array, at: number, p: z.output<typeof FootstepSchema>, noise: Noise): void {
  const phases = grf(p.pace, p.weight);
  const low = 70 / Math.sqrt(p.weight);
  for (const [k, ph] of phases.entries()) {
    const o = at + samplesFor(ph.at + noise.range(-0.006, 0.006));
    const f = ph.force * noise.range(0.85, 1.15);
    const toeOff = k === phases.length - 1;
    switch (p.surface) {
      case 'wood': {
        if (!toeOff) {
          const exc = contact(noise, p.shoe, f);
          addInto(out, strike(exc, jitterModes(noise, WOOD), 0.35), o, 1.6);
          addInto(out, exc, o, 0.6);
        } else addInto(out, noiseBurst(noise, 0.1, 0.01, 0.025, { lo: 1500, hi: 6000 }), o, f * 0.25);
        break;
      }
      case 'tile': {
        if (!toeOff) {
          const exc = contact(noise, p.shoe, f);
          addInto(out, strike(exc, jitterModes(noise, TILE), 0.12), o, 1.2);
          addInto(out, exc, o, 1);
          addInto(out, thump(noise, low * 1.4, f * 0.3, 0.012), o);
        } else addInto(out, noiseBurst(noise, 0.08, 0.005, 0.015, { lo: 3000, hi: 10000 }), o, f * 0.2);
        break;
      }
      case 'metal': {
        if (!toeOff) {
          const exc = contact(noise, p.shoe, f);
          addInto(out, strike(exc, jitterModes(noise, METAL, 0.02), 0.9), o, 1.2);
          addInto(out, exc, o, 0.5);
        } else addInto(out, noiseBurst(noise, 0.1, 0.01, 0.02, { lo: 2000, hi: 8000 }), o, f * 0.2);
        break;
      }
      case 'concrete': {
        if (!toeOff) {
          addInto(out, contact(noise, p.shoe, f), o, 1);
          addInto(out, noiseBurst(noise, 0.05, 0.0008, 0.009, { lo: 400, hi: 3500 }), o, f * 0.5);
          addInto(out, thump(noise, low, f * 0.4, 0.015), o);
        } else addInto(out, noiseBurst(noise, 0.12, 0.015, 0.03, { lo: 2500, hi: 9000 }), o, f * 0.35); // grit scuff
        break;
      }
      case 'carpet': {
        if (!toeOff) {
          addInto(out, noiseBurst(noise, 0.12, 0.006, 0.03, { hi: 700 }, 'pink'), o, f * 1.2);
          addInto(out, thump(noise, low, f * 0.6, 0.03), o);
        } else addInto(out, noiseBurst(noise, 0.12, 0.02, 0.03, { lo: 600, hi: 2500 }), o, f * 0.12); // fibre brush
        break;
      }
      case 'gravel': {
        grains(noise, out, o, { ...ph, force: f }, 'gravel');
        if (!toeOff) addInto(out, thump(noise, low, f * 0.5, 0.02), o);
        break;
      }
      case 'grass': {
        grains(noise, out, o, { ...ph, force: f }, 'grass');
        if (!toeOff) {
          addInto(out, thump(noise, low, f * 0.35, 0.025), o);
          addInto(out, noiseBurst(noise, 0.08, 0.004, 0.02, { hi: 900 }, 'pink'), o, f * 0.4);
        }
        break;
      }
    }
  }
  // Old floorboards complain now and then.
  if (p.surface === 'wood' && noise.uniform() < 0.15) {
    const d = noise.range(0.12, 0.3);
    const exc = stickSlip(noise, d, (t) => 180 + 260 * (t / d), (t) => Math.sin((Math.PI * t) / d), 0.35);
    addInto(out, strike(exc, jitterModes(noise, [{ freqHz: 420, t60: 0.05, gain: 1 }, { freqHz: 890, t60: 0.04, gain: 0.6 }, { freqHz: 1370, t60: 0.03, gain: 0.4 }], 0.1), d + 0.06), at + samplesFor(0.05), 0.15);
  }
}

/** Nominal sample peak of a walk step on each surface before `gainDb`, dBFS. */
const LEVEL: Record<Surface, number> = { wood: -16, concrete: -17, carpet: -24, gravel: -18, grass: -22, tile: -16, metal: -14 };
const PACE_DB: Record<Pace, number> = { sneak: -9, walk: 0, run: 4 };

/** One footstep (mono 48 kHz). Same params and seed → identical samples. */
export function footstep(params: FootstepParams, seed: Seed): Float32Array {
  const p = parseOrThrow(FootstepSchema, params, 'footstep');
  const noise = new Noise(seed, 'footstep', p.surface);
  const out = new Float32Array(samplesFor(p.surface === 'metal' ? 1.1 : 0.55));
  stepInto(out, 0, p, noise);
  Biquad.of('highpass', 35, SR).process(out);
  return tailFade(normalizePeak(out, LEVEL[p.surface] + PACE_DB[p.pace] + p.gainDb + 20 * Math.log10(Math.sqrt(p.weight))));
}

/**
 * A run of footsteps at a cadence (alternating feet: slight level and timing differences),
 * returning the samples and when each step lands.
 */
export function footsteps(params: FootstepsParams, seed: Seed): { samples: Float32Array; stepTimesSeconds: number[] } {
  const p = parseOrThrow(FootstepsSchema, params, 'footsteps');
  const rate = p.stepsPerSecond ?? { sneak: 1.2, walk: 1.9, run: 2.9 }[p.pace];
  const count = p.count ?? Math.max(1, Math.floor((p.durationSeconds ?? 4) * rate));
  const noise = new Noise(seed, 'footsteps');
  const times: number[] = [];
  for (let k = 0; k < count; k++) times.push(Math.max(0, k / rate + noise.range(-0.02, 0.02)));
  const tail = p.surface === 'metal' ? 1.1 : 0.55;
  const out = new Float32Array(samplesFor((times[times.length - 1] ?? 0) + tail));
  for (const [k, t] of times.entries()) {
    const step = footstep({ surface: p.surface, pace: p.pace, weight: p.weight, shoe: p.shoe, gainDb: p.gainDb + (k % 2 ? -1.2 : 0) + noise.range(-1.5, 1.5) }, `${seed}\u0000${k}`);
    addInto(out, step, samplesFor(t));
  }
  return { samples: out, stepTimesSeconds: times };
}

