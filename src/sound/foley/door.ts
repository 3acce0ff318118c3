// Doors as a handful of physical events (Farnell, "Designing Sound", doors and creaks):
// the latch (a small, bright metal modal click), the hinge creak (stick-slip friction driving
// the panel's resonances), the air the panel pushes, and the panel striking the frame (a low
// modal thud; on a slam the frame and hardware rattle after it).

import { z } from 'zod';
import { Biquad } from '../dsp/biquad';
import { parseOrThrow } from '../validate';
import { Noise, type Seed } from '../dsp/noise';
import type { Mode } from '../dsp/resonator';
import { addInto, jitterModes, noiseBurst, normalizePeak, samplesFor, SR, stickSlip, strike, tailFade } from './common';

export const DOOR_ACTIONS = ['open', 'close', 'creak', 'slam', 'knock'] as const;
export const DOOR_MATERIALS = ['wood', 'metal'] as const;

export const DoorSchema = z
  .object({
    action: z.enum(DOOR_ACTIONS),
    material: z.enum(DOOR_MATERIALS).default('wood'),
    /** 0 = a well-oiled hinge, 1 = a haunted house. Opening creaks above 0.3. */
    creakiness: z.number().min(0).max(1).default(0.2),
    /** Seconds the swing (and its creak) takes. */
    swingSeconds: z.number().min(0.2).max(6).default(1.1),
    gainDb: z.number().min(-40).max(12).default(0),
  })
  .strict();
export type DoorParams = z.input<typeof DoorSchema>;

const PANEL: Record<'wood' | 'metal', Mode[]> = {
  wood: [
    { freqHz: 82, t60: 0.22, gain: 1 },
    { freqHz: 147, t60: 0.18, gain: 0.8 },
    { freqHz: 233, t60: 0.14, gain: 0.6 },
    { freqHz: 391, t60: 0.1, gain: 0.45 },
    { freqHz: 655, t60: 0.07, gain: 0.3 },
    { freqHz: 1120, t60: 0.05, gain: 0.2 },
  ],
  metal: [
    { freqHz: 118, t60: 0.6, gain: 1 },
    { freqHz: 263, t60: 0.55, gain: 0.7 },
    { freqHz: 471, t60: 0.5, gain: 0.55 },
    { freqHz: 802, t60: 0.4, gain: 0.4 },
    { freqHz: 1390, t60: 0.3, gain: 0.3 },
    { freqHz: 2210, t60: 0.2, gain: 0.2 },
  ],
};
const LATCH: Mode[] = [
  { freqHz: 2480, t60: 0.04, gain: 1 },
  { freqHz: 4130, t60: 0.03, gain: 0.7 },
  { freqHz: 6350, t60: 0.02, gain: 0.5 },
  { freqHz: 1210, t60: 0.03, gain: 0.4 },
];
const HINGE: Mode[] = [
  { freqHz: 610, t60: 0.08, gain: 1 },
  { freqHz: 1180, t60: 0.06, gain: 0.7 },
  { freqHz: 1730, t60: 0.05, gain: 0.5 },
  { freqHz: 2890, t60: 0.04, gain: 0.3 },
];

function latch(noise: Noise, out: Float32Array, at: number, gain: number): void {
  // Handle, then bolt seating a few tens of ms later.
  for (const [k, dt] of [0, noise.range(0.035, 0.08)].entries()) {
    const exc = noiseBurst(noise, 0.004, 0.0002, 0.0008, { lo: 1500 });
    addInto(out, strike(exc, jitterModes(noise, LATCH, 0.05), 0.08), at + samplesFor(dt), gain * (k ? 1 : 0.6));
  }
}

function creak(noise: Noise, out: Float32Array, at: number, seconds: number, amount: number): void {
  // Slip rate rises and falls with the swing speed; a stiffer hinge slips slower (lower pitch).
  const base = 90 + 180 * (1 - amount);
  const exc = stickSlip(
    noise,
    seconds,
    (t) => base * (0.6 + 0.9 * Math.sin((Math.PI * t) / seconds)) * (1 + 0.15 * Math.sin(2 * Math.PI * 3.1 * t)),
    (t) => Math.pow(Math.sin((Math.PI * t) / seconds), 0.7),
    0.3,
  );
  addInto(out, strike(exc, jitterModes(noise, HINGE, 0.06), seconds + 0.1), at, 0.6 * amount);
}

function air(noise: Noise, out: Float32Array, at: number, seconds: number, gain: number): void {
  const n = samplesFor(seconds);
  const buf = new Float32Array(n);
  for (let i = 0; i < n; i++) buf[i] = noise.pink() * Math.sin((Math.PI * i) / n);
  Biquad.of('lowpass', 500, SR).process(buf);
  addInto(out, buf, at, gain);
}

function thud(noise: Noise, out: Float32Array, at: number, material: 'wood' | 'metal', force: number): void {
  const exc = noiseBurst(noise, 0.02, 0.0008, 0.004, { hi: 4000 }, 'pink');
  addInto(out, strike(exc, jitterModes(noise, PANEL[material]), material === 'metal' ? 1.4 : 0.7), at, force);
  addInto(out, exc, at, force * 0.4);
}

/** Nominal sample peak per action before gainDb, dBFS. */
const LEVEL = { open: -18, close: -13, creak: -18, slam: -4, knock: -12 } as const;

/** A door sound (mono 48 kHz). */
export function door(params: DoorParams, seed: Seed): Float32Array {
  const p = parseOrThrow(DoorSchema, params, 'door');
  const noise = new Noise(seed, 'door', p.action, p.material);
  const tail = p.material === 'metal' ? 1.6 : 0.9;
  let out: Float32Array;
  switch (p.action) {
    case 'open': {
      out = new Float32Array(samplesFor(p.swingSeconds + tail));
      latch(noise, out, 0, 0.5);
      if (p.creakiness > 0.3) creak(noise, out, samplesFor(0.12), p.swingSeconds * 0.8, p.creakiness);
      air(noise, out, samplesFor(0.1), p.swingSeconds, 0.25);
      break;
    }
    case 'creak': {
      out = new Float32Array(samplesFor(p.swingSeconds + 0.3));
      creak(noise, out, 0, p.swingSeconds, Math.max(0.5, p.creakiness));
      break;
    }
    case 'close': {
      const swing = p.swingSeconds * 0.6;
      out = new Float32Array(samplesFor(swing + tail));
      air(noise, out, 0, swing, 0.3);
      if (p.creakiness > 0.3) creak(noise, out, 0, swing * 0.9, p.creakiness * 0.7);
      thud(noise, out, samplesFor(swing), p.material, 0.6);
      latch(noise, out, samplesFor(swing + 0.005), 0.7);
      break;
    }
    case 'slam': {
      const swing = Math.min(0.35, p.swingSeconds * 0.3);
      out = new Float32Array(samplesFor(swing + tail + 0.4));
      air(noise, out, 0, swing, 0.6);
      thud(noise, out, samplesFor(swing), p.material, 1.4);
      latch(noise, out, samplesFor(swing + 0.002), 1);
      // Frame and hardware rattle, then the room answers.
      for (let k = 0; k < 4; k++) {
        const exc = noiseBurst(noise, 0.01, 0.0003, 0.002, { lo: 800 });
        addInto(out, strike(exc, jitterModes(noise, LATCH, 0.15), 0.06), samplesFor(swing + 0.04 + k * noise.range(0.025, 0.05)), 0.35 / (k + 1));
      }
      const room = noiseBurst(noise, 0.6, 0.01, 0.12, { lo: 80, hi: 2500 }, 'pink');
      addInto(out, room, samplesFor(swing + 0.01), 0.15);
      break;
    }
    case 'knock': {
      out = new Float32Array(samplesFor(1.2));
      const gaps = [0, noise.range(0.17, 0.22), noise.range(0.34, 0.42)];
      for (const g of gaps) {
        const exc = noiseBurst(noise, 0.006, 0.0003, 0.0012, { hi: 5000 });
        addInto(out, strike(exc, jitterModes(noise, PANEL[p.material].map((m) => ({ ...m, freqHz: m.freqHz * 1.8 }))), 0.5), samplesFor(g), noise.range(0.8, 1));
      }
      break;
    }
  }
  Biquad.of('highpass', 30, SR).process(out);
  return tailFade(normalizePeak(out, LEVEL[p.action] + p.gainDb));
}
