// Body foley: cloth rustle, sitting down and standing up. Cloth is band-passed noise
// shaped by a few overlapping movement swells (each gesture is a push and a settle); the
// fabric sets the band (cotton mid, nylon bright swish, leather lower with crackle). Sitting
// is rustle → body meets seat → the chair answers; standing is the reverse with a scrape.

import { z } from 'zod';
import { Biquad } from '../dsp/biquad';
import { parseOrThrow } from '../validate';
import { Noise, type Seed } from '../dsp/noise';
import type { Mode } from '../dsp/resonator';
import { addInto, jitterModes, noiseBurst, normalizePeak, samplesFor, SR, stickSlip, strike, tailFade } from './common';

export const FABRICS = ['cotton', 'wool', 'nylon', 'leather'] as const;
export const CHAIRS = ['wood', 'upholstered', 'metal', 'sofa'] as const;

export const ClothSchema = z
  .object({
    durationSeconds: z.number().min(0.05).max(30).default(0.6),
    /** 0 = a small shift, 1 = a big sweeping gesture. */
    intensity: z.number().min(0).max(1).default(0.5),
    fabric: z.enum(FABRICS).default('cotton'),
    gainDb: z.number().min(-40).max(12).default(0),
  })
  .strict();
export type ClothParams = z.input<typeof ClothSchema>;

export const ChairSchema = z
  .object({
    chair: z.enum(CHAIRS).default('wood'),
    fabric: z.enum(FABRICS).default('cotton'),
    weight: z.number().min(0.3).max(2).default(1),
    gainDb: z.number().min(-40).max(12).default(0),
  })
  .strict();
export type ChairParams = z.input<typeof ChairSchema>;

const FABRIC_BAND: Record<(typeof FABRICS)[number], [number, number]> = {
  cotton: [900, 5000],
  wool: [500, 3000],
  nylon: [2500, 11000],
  leather: [300, 2600],
};

const CHAIR_MODES: Record<(typeof CHAIRS)[number], Mode[]> = {
  wood: [
    { freqHz: 380, t60: 0.06, gain: 1 },
    { freqHz: 760, t60: 0.05, gain: 0.6 },
    { freqHz: 1310, t60: 0.04, gain: 0.4 },
  ],
  metal: [
    { freqHz: 1480, t60: 0.15, gain: 1 },
    { freqHz: 2210, t60: 0.12, gain: 0.5 },
    { freqHz: 3050, t60: 0.1, gain: 0.3 },
  ],
  upholstered: [
    { freqHz: 260, t60: 0.05, gain: 1 },
    { freqHz: 540, t60: 0.04, gain: 0.4 },
  ],
  sofa: [
    { freqHz: 190, t60: 0.08, gain: 1 },
    { freqHz: 980, t60: 0.12, gain: 0.3 }, // springs
  ],
};

function rustleInto(out: Float32Array, at: number, seconds: number, intensity: number, fabric: (typeof FABRICS)[number], noise: Noise): void {
  const n = samplesFor(seconds);
  const buf = new Float32Array(n);
  const swells = 1 + Math.round(intensity * 3 + noise.uniform() * 2);
  const env = new Float32Array(n);
  for (let s = 0; s < swells; s++) {
    const c = noise.range(0.1, 0.9) * n;
    const w = noise.range(0.12, 0.35) * n;
    const a = noise.range(0.5, 1);
    for (let i = Math.max(0, Math.floor(c - w)); i < Math.min(n, c + w); i++) {
      const x = (i - c) / w;
      env[i] += a * 0.5 * (1 + Math.cos(Math.PI * x));
    }
  }
  // Fabric is granular: fibres catch and release, so the noise is gated by a fast random
  // amplitude rather than steady hiss.
  let grain = 0;
  for (let i = 0; i < n; i++) {
    if (i % 96 === 0) grain = 0.4 + 0.6 * noise.uniform();
    buf[i] = noise.white() * env[i] * grain;
  }
  const [lo, hi] = FABRIC_BAND[fabric];
  Biquad.of('highpass', lo, SR).process(buf);
  Biquad.of('lowpass', hi, SR).process(buf);
  if (fabric === 'leather') {
    const exc = stickSlip(noise, seconds, () => 35 + 40 * intensity, (t) => env[Math.min(n - 1, samplesFor(t))] ?? 0, 0.6);
    addInto(buf, strike(exc, jitterModes(noise, [{ freqHz: 720, t60: 0.03, gain: 1 }, { freqHz: 1650, t60: 0.02, gain: 0.5 }]), seconds), 0, 0.15);
  }
  addInto(out, buf, at, 0.3 + 0.7 * intensity);
}

/** Cloth rustle for a gesture (mono 48 kHz). */
export function clothRustle(params: ClothParams, seed: Seed): Float32Array {
  const p = parseOrThrow(ClothSchema, params, 'cloth');
  const noise = new Noise(seed, 'cloth', p.fabric);
  const out = new Float32Array(samplesFor(p.durationSeconds));
  rustleInto(out, 0, p.durationSeconds, p.intensity, p.fabric, noise);
  return tailFade(normalizePeak(out, -28 + 8 * p.intensity + p.gainDb));
}

function chairCreak(noise: Noise, out: Float32Array, at: number, chair: (typeof CHAIRS)[number], seconds: number, gain: number): void {
  const exc = stickSlip(noise, seconds, (t) => (chair === 'metal' ? 600 : 160) * (1 + 0.6 * (t / seconds)), (t) => Math.sin((Math.PI * t) / seconds), 0.3);
  addInto(out, strike(exc, jitterModes(noise, CHAIR_MODES[chair], 0.06), seconds + 0.1), at, gain);
}

/** Someone sitting down: rustle, the body meeting the seat, the chair answering. */
export function sit(params: ChairParams, seed: Seed): Float32Array {
  const p = parseOrThrow(ChairSchema, params, 'sit');
  const noise = new Noise(seed, 'sit', p.chair);
  const out = new Float32Array(samplesFor(1.3));
  rustleInto(out, 0, 0.55, 0.6, p.fabric, noise);
  const land = samplesFor(0.42 + noise.range(-0.03, 0.03));
  const soft = p.chair === 'upholstered' || p.chair === 'sofa';
  // Body on seat: a damped low thump, heavier people lower; cushions exhale air.
  addInto(out, noiseBurst(noise, 0.2, 0.004, soft ? 0.06 : 0.025, { hi: soft ? 300 : 900 }, 'pink'), land, 1.2 * Math.sqrt(p.weight));
  if (soft) addInto(out, noiseBurst(noise, 0.35, 0.03, 0.1, { lo: 200, hi: 1500 }, 'pink'), land, 0.25);
  else addInto(out, strike(noiseBurst(noise, 0.01, 0.0005, 0.002), jitterModes(noise, CHAIR_MODES[p.chair]), 0.25), land, 0.5);
  chairCreak(noise, out, land + samplesFor(0.05), p.chair, noise.range(0.18, 0.35), p.chair === 'sofa' ? 0.15 : 0.3);
  Biquad.of('highpass', 40, SR).process(out);
  return tailFade(normalizePeak(out, -18 + p.gainDb));
}

/** Someone standing up: the chair leg scrapes back, cloth, the seat releases. */
export function stand(params: ChairParams, seed: Seed): Float32Array {
  const p = parseOrThrow(ChairSchema, params, 'stand');
  const noise = new Noise(seed, 'stand', p.chair);
  const out = new Float32Array(samplesFor(1.2));
  chairCreak(noise, out, 0, p.chair, 0.2, 0.25);
  if (p.chair !== 'sofa') {
    // Chair leg scraping the floor: friction at a wandering slip rate through floor modes.
    const d = noise.range(0.25, 0.4);
    const exc = stickSlip(noise, d, (t) => 240 + 200 * Math.sin((Math.PI * t) / d), (t) => Math.sin((Math.PI * t) / d), 0.5);
    addInto(out, strike(exc, jitterModes(noise, [{ freqHz: 310, t60: 0.04, gain: 1 }, { freqHz: 870, t60: 0.03, gain: 0.5 }, { freqHz: 2300, t60: 0.02, gain: 0.4 }]), d + 0.05), samplesFor(0.1), 0.35);
  }
  rustleInto(out, samplesFor(0.15), 0.6, 0.7, p.fabric, noise);
  return tailFade(normalizePeak(out, -20 + p.gainDb));
}
