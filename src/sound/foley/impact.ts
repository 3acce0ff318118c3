// Impacts and thuds by material, by modal synthesis: a contact burst (its length set by
// hardness: a soft body spreads the hit, glass is instant) exciting the object's modes.
// Larger objects ring lower; strength scales level and brightness (a harder hit excites
// higher modes more).

import { z } from 'zod';
import { Biquad } from '../dsp/biquad';
import { parseOrThrow } from '../validate';
import { Noise, type Seed } from '../dsp/noise';
import type { Mode } from '../dsp/resonator';
import { addInto, jitterModes, noiseBurst, normalizePeak, SR, strike, tailFade } from './common';

export const IMPACT_MATERIALS = ['wood', 'metal', 'glass', 'body', 'concrete', 'cardboard', 'plastic'] as const;
export type ImpactMaterial = (typeof IMPACT_MATERIALS)[number];

export const ImpactSchema = z
  .object({
    material: z.enum(IMPACT_MATERIALS),
    /** 0 = a tap, 1 = a crash. */
    strength: z.number().min(0).max(1).default(0.6),
    /** Object size relative to "hand-sized box" (0.2 … 5): bigger rings lower. */
    size: z.number().min(0.1).max(10).default(1),
    gainDb: z.number().min(-40).max(12).default(0),
  })
  .strict();
export type ImpactParams = z.input<typeof ImpactSchema>;

interface MaterialModel {
  modes: Mode[];
  contactSeconds: number;
  ringSeconds: number;
  noise: number; // share of raw contact noise
  lowpass: number;
}

const MATERIALS: Record<ImpactMaterial, MaterialModel> = {
  wood: { modes: [{ freqHz: 210, t60: 0.12, gain: 1 }, { freqHz: 460, t60: 0.09, gain: 0.7 }, { freqHz: 780, t60: 0.07, gain: 0.5 }, { freqHz: 1290, t60: 0.05, gain: 0.3 }], contactSeconds: 0.002, ringSeconds: 0.5, noise: 0.4, lowpass: 7000 },
  metal: { modes: [{ freqHz: 420, t60: 1.4, gain: 1 }, { freqHz: 1130, t60: 1.1, gain: 0.8 }, { freqHz: 2090, t60: 0.9, gain: 0.6 }, { freqHz: 3370, t60: 0.6, gain: 0.4 }, { freqHz: 4950, t60: 0.4, gain: 0.3 }], contactSeconds: 0.0008, ringSeconds: 2, noise: 0.2, lowpass: 14000 },
  glass: { modes: [{ freqHz: 1650, t60: 0.9, gain: 1 }, { freqHz: 3980, t60: 0.7, gain: 0.6 }, { freqHz: 6420, t60: 0.5, gain: 0.4 }, { freqHz: 8900, t60: 0.3, gain: 0.3 }], contactSeconds: 0.0003, ringSeconds: 1.2, noise: 0.15, lowpass: 16000 },
  body: { modes: [{ freqHz: 75, t60: 0.08, gain: 1 }, { freqHz: 140, t60: 0.06, gain: 0.6 }, { freqHz: 260, t60: 0.04, gain: 0.3 }], contactSeconds: 0.008, ringSeconds: 0.35, noise: 0.5, lowpass: 1800 },
  concrete: { modes: [{ freqHz: 110, t60: 0.05, gain: 1 }, { freqHz: 380, t60: 0.03, gain: 0.5 }], contactSeconds: 0.001, ringSeconds: 0.3, noise: 0.9, lowpass: 6000 },
  cardboard: { modes: [{ freqHz: 160, t60: 0.05, gain: 1 }, { freqHz: 330, t60: 0.04, gain: 0.6 }, { freqHz: 610, t60: 0.03, gain: 0.3 }], contactSeconds: 0.004, ringSeconds: 0.3, noise: 0.6, lowpass: 3500 },
  plastic: { modes: [{ freqHz: 520, t60: 0.08, gain: 1 }, { freqHz: 1370, t60: 0.06, gain: 0.5 }, { freqHz: 2600, t60: 0.04, gain: 0.3 }], contactSeconds: 0.0012, ringSeconds: 0.35, noise: 0.3, lowpass: 9000 },
};

/** An impact (mono 48 kHz). */
export function impact(params: ImpactParams, seed: Seed): Float32Array {
  const p = parseOrThrow(ImpactSchema, params, 'impact');
  const m = MATERIALS[p.material];
  const noise = new Noise(seed, 'impact', p.material);
  const sizeK = 1 / Math.sqrt(p.size);
  const modes = jitterModes(
    noise,
    m.modes.map((x, k) => ({ freqHz: x.freqHz * sizeK, t60: x.t60 * Math.sqrt(p.size), gain: x.gain * Math.pow(0.4 + 0.6 * p.strength, k) })),
  );
  const exc = noiseBurst(noise, m.contactSeconds * 6, m.contactSeconds * 0.3, m.contactSeconds, { hi: m.lowpass * (0.4 + 0.6 * p.strength) });
  const out = strike(exc, modes, m.ringSeconds * Math.sqrt(p.size));
  addInto(out, exc, 0, m.noise * 3);
  if (p.material === 'body') {
    // A body hit is mostly cloth and flesh: add a short rustle.
    addInto(out, noiseBurst(noise, 0.15, 0.005, 0.03, { lo: 1000, hi: 5000 }), 0, 0.08);
  }
  Biquad.of('highpass', 30, SR).process(out);
  return tailFade(normalizePeak(out, -22 + 18 * p.strength + p.gainDb));
}
