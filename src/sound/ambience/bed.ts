// Ambience beds: a recipe of layers per location type and time of day, rendered in chunks.
// A five-minute bed is produced one second at a time into its output (or streamed chunk by
// chunk with AmbienceStream), never as per-layer whole-length buffers.

import { z } from 'zod';
import { Reverb } from '../dsp/reverb';
import type { Seed } from '../dsp/noise';
import { parseOrThrow } from '../validate';
import {
  AMBIENCE_SAMPLE_RATE,
  EventLayer,
  HumLayer,
  NoiseBedLayer,
  RainLayer,
  WallaLayer,
  WindLayer,
  birdPhrase,
  carPass,
  clank,
  clink,
  cricketChirp,
  drip,
  horn,
  phoneRing,
  siren,
  typingBurst,
  type Layer,
} from './layers';

export const AMBIENCE_TYPES = ['room-tone', 'city', 'nature', 'rain', 'diner', 'office', 'warehouse'] as const;
export type AmbienceType = (typeof AMBIENCE_TYPES)[number];
export const TIMES_OF_DAY = ['dawn', 'day', 'dusk', 'night'] as const;
export type TimeOfDay = (typeof TIMES_OF_DAY)[number];

export const AmbienceSchema = z
  .object({
    type: z.enum(AMBIENCE_TYPES),
    timeOfDay: z.enum(TIMES_OF_DAY).default('day'),
    /**
     * 0 … 1: density/strength — rain from light drizzle (0.2) to downpour (1); city traffic
     * density; crowd size in a diner. Default 0.5.
     */
    intensity: z.number().min(0).max(1).default(0.5),
    /** Rain shorthand: light = intensity 0.25, heavy = 0.9. */
    rain: z.enum(['light', 'heavy']).optional(),
    /** Mains frequency for interior hum (50 Hz Europe/Asia, 60 Hz Americas). */
    humHz: z.union([z.literal(50), z.literal(60)]).default(60),
    /** Level trim, dB. */
    gainDb: z.number().min(-60).max(24).default(0),
  })
  .strict();
export type AmbienceParams = z.input<typeof AmbienceSchema>;

type Parsed = z.output<typeof AmbienceSchema>;

interface Recipe {
  layers: Layer[];
  reverb?: { roomSize: number; damping: number; mix: number };
}

function roomTone(seed: string, p: Parsed, levelDb: number, bright = 2500): Layer[] {
  return [
    new NoiseBedLayer(`${seed}:room`, 'pink', [{ type: 'highpass', hz: 25 }, { type: 'lowpass', hz: bright }], levelDb, { rateHz: 0.05, depth: 0.1 }, 0.8),
    new HumLayer(`${seed}:hum`, p.humHz, levelDb - 14),
  ];
}

function recipe(p: Parsed, seed: string): Recipe {
  const night = p.timeOfDay === 'night';
  const dawnDusk = p.timeOfDay === 'dawn' || p.timeOfDay === 'dusk';
  const k = p.intensity;
  switch (p.type) {
    case 'room-tone':
      return { layers: roomTone(seed, p, night ? -44 : -40) };
    case 'city': {
      const density = (night ? 0.3 : dawnDusk ? 0.7 : 1) * (0.4 + k);
      return {
        layers: [
          new NoiseBedLayer(`${seed}:rumble`, 'brown', [{ type: 'lowpass', hz: 350 }, { type: 'highpass', hz: 25 }], -30 + 4 * density, { rateHz: 0.08, depth: 0.35 }),
          new NoiseBedLayer(`${seed}:wash`, 'pink', [{ type: 'bandpass', hz: 900, q: 0.5 }], -44 + 3 * density, { rateHz: 0.05, depth: 0.3 }),
          new EventLayer(`${seed}:cars`, (12 / 60) * density, (n) => ({ samples: carPass(n), pan: n.range(-0.9, 0.9), send: 0.1, gainDb: -26 + n.range(-6, 2) }), -2),
          new EventLayer(`${seed}:horns`, ((night ? 0.4 : 1.5) / 60) * (0.5 + k), (n) => ({ samples: horn(n), pan: n.range(-1, 1), send: 0.6, gainDb: -36 + n.range(-6, 0) })),
          ...(night ? [new EventLayer(`${seed}:sirens`, 0.25 / 60, (n) => ({ samples: siren(n), pan: n.range(-1, 1), send: 0.7, gainDb: -42 }))] : []),
        ],
        reverb: { roomSize: 0.85, damping: 0.6, mix: 0.35 },
      };
    }
    case 'nature': {
      const layers: Layer[] = [new WindLayer(`${seed}:wind`, -37 + 8 * k, 0.3 + 0.7 * k)];
      if (!night) {
        const rate = (p.timeOfDay === 'dawn' ? 14 : p.timeOfDay === 'dusk' ? 6 : 9) / 60;
        for (let b = 0; b < 3; b++) layers.push(new EventLayer(`${seed}:birds${b}`, rate, (n) => ({ samples: birdPhrase(n), pan: n.range(-0.9, 0.9), send: 0.35, gainDb: -34 + n.range(-8, 0) })));
      }
      if (night || p.timeOfDay === 'dusk') {
        for (let c = 0; c < 5; c++) {
          const carrier = 4200 + 180 * c;
          layers.push(new EventLayer(`${seed}:cricket${c}`, 1.6 + 0.3 * c, (n) => ({ samples: cricketChirp(n, carrier), pan: -0.8 + 0.4 * c, send: 0.25, gainDb: -38 - 2 * c }), c * 0.11));
        }
      }
      return { layers, reverb: { roomSize: 0.7, damping: 0.5, mix: 0.25 } };
    }
    case 'rain': {
      const level = p.rain === 'heavy' ? 0.9 : p.rain === 'light' ? 0.25 : k;
      return { layers: [new RainLayer(`${seed}:rain`, level, -40 + 12 * level)], reverb: { roomSize: 0.6, damping: 0.7, mix: 0.2 } };
    }
    case 'diner':
      return {
        layers: [
          ...roomTone(seed, p, -46),
          new HumLayer(`${seed}:fridge`, p.humHz, -60),
          new WallaLayer(`${seed}:walla`, Math.round(3 + 7 * k * (night ? 0.5 : 1)), -33),
          new EventLayer(`${seed}:clinks`, (night ? 5 : 12) / 60, (n) => ({ samples: clink(n), pan: n.range(-0.8, 0.8), send: 0.4, gainDb: -40 + n.range(-6, 0) })),
        ],
        reverb: { roomSize: 0.5, damping: 0.5, mix: 0.3 },
      };
    case 'office':
      return {
        layers: [
          ...roomTone(seed, p, -46),
          new NoiseBedLayer(`${seed}:hvac`, 'pink', [{ type: 'lowpass', hz: 700 }, { type: 'highpass', hz: 40 }], -37, { rateHz: 0.02, depth: 0.05 }),
          ...(night
            ? []
            : [
                new EventLayer(`${seed}:typing`, 3 / 60, (n) => ({ samples: typingBurst(n), pan: n.range(-0.7, 0.7), send: 0.3, gainDb: -40 + n.range(-6, 0) })),
                new EventLayer(`${seed}:phones`, 0.5 / 60, (n) => ({ samples: phoneRing(n), pan: n.range(-1, 1), send: 0.6, gainDb: -48 })),
                new WallaLayer(`${seed}:walla`, 2, -50),
              ]),
        ],
        reverb: { roomSize: 0.45, damping: 0.6, mix: 0.25 },
      };
    case 'warehouse':
      return {
        layers: [
          ...roomTone(seed, p, -42, 1200),
          new NoiseBedLayer(`${seed}:rumble`, 'brown', [{ type: 'lowpass', hz: 160 }], -38, { rateHz: 0.05, depth: 0.3 }),
          new EventLayer(`${seed}:clanks`, 2 / 60, (n) => ({ samples: clank(n), pan: n.range(-1, 1), send: 0.9, gainDb: -40 + n.range(-6, 0) })),
          new EventLayer(`${seed}:drips`, 10 / 60, (n) => ({ samples: drip(n), pan: n.range(-1, 1), send: 0.8, gainDb: -38 + n.range(-6, 0) })),
          new WindLayer(`${seed}:draught`, -52, 0.3),
        ],
        reverb: { roomSize: 0.97, damping: 0.3, mix: 0.6 },
      };
  }
}

/** An endless ambience, generated chunk by chunk (`next(frames)`), deterministic per seed. */
export class AmbienceStream {
  readonly sampleRate = AMBIENCE_SAMPLE_RATE;
  /** The layers this bed is made of, e.g. ['wind', 'rumble', 'birds0', …]. */
  readonly layerNames: string[];
  private layers: Layer[];
  private reverb?: Reverb;
  private reverbMix = 0;
  private gain: number;
  private t = 0;
  private sendL = new Float32Array(0);
  private sendR = new Float32Array(0);

  constructor(params: AmbienceParams, seed: Seed) {
    const p = parseOrThrow(AmbienceSchema, params, 'ambience');
    const r = recipe(p, `${seed}:${p.type}:${p.timeOfDay}`);
    this.layers = r.layers;
    this.layerNames = r.layers.map((l) => l.name);
    if (r.reverb) {
      this.reverb = new Reverb(AMBIENCE_SAMPLE_RATE, { roomSize: r.reverb.roomSize, damping: r.reverb.damping });
      this.reverbMix = r.reverb.mix;
    }
    this.gain = Math.pow(10, p.gainDb / 20);
    // Filters and reverb start empty: run half a second into the void so the bed opens
    // already "in the room" instead of fading up from silence.
    this.skip(Math.round(0.5 * AMBIENCE_SAMPLE_RATE));
  }

  private skip(frames: number): void {
    const L = new Float32Array(frames), R = new Float32Array(frames);
    this.renderInto(L, R, 0, frames);
  }

  /** Adds the next `frames` samples into L/R at `offset`. */
  renderInto(L: Float32Array, R: Float32Array, offset: number, frames: number): void {
    if (this.sendL.length < frames) {
      this.sendL = new Float32Array(frames);
      this.sendR = new Float32Array(frames);
    }
    const sL = this.sendL, sR = this.sendR;
    sL.fill(0, 0, frames);
    sR.fill(0, 0, frames);
    const tmpL = new Float32Array(frames), tmpR = new Float32Array(frames);
    for (const layer of this.layers) layer.render(tmpL, tmpR, 0, frames, this.t, sL, sR);
    this.reverb?.process(sL, sR, tmpL, tmpR, this.reverbMix, 0, frames);
    const g = this.gain;
    for (let i = 0; i < frames; i++) {
      L[offset + i] += tmpL[i] * g;
      R[offset + i] += tmpR[i] * g;
    }
    this.t += frames;
  }

  /** The next `frames` samples as fresh stereo buffers. */
  next(frames: number): [Float32Array, Float32Array] {
    const L = new Float32Array(frames), R = new Float32Array(frames);
    this.renderInto(L, R, 0, frames);
    return [L, R];
  }
}

export const AmbienceBedSchema = AmbienceSchema.extend({
  durationSeconds: z.number().min(0).max(6 * 3600),
  /** Chunk size for generation, seconds (the output does not depend on it). Default 1. */
  chunkSeconds: z.number().min(0.001).max(60).default(1),
}).strict();
export type AmbienceBedParams = z.input<typeof AmbienceBedSchema>;

export const AmbienceLoopSchema = AmbienceSchema.extend({
  loopSeconds: z.number().min(1).max(600),
  crossfadeSeconds: z.number().min(0).max(30).default(2),
}).strict();
export type AmbienceLoopParams = z.input<typeof AmbienceLoopSchema>;

/** A stereo ambience bed of `durationSeconds`, generated chunk by chunk into its output. */
export function ambienceBed(params: AmbienceBedParams, seed: Seed): [Float32Array, Float32Array] {
  const { durationSeconds, chunkSeconds, ...bed } = parseOrThrow(AmbienceBedSchema, params, 'ambience');
  const total = Math.round(durationSeconds * AMBIENCE_SAMPLE_RATE);
  const L = new Float32Array(total), R = new Float32Array(total);
  const stream = new AmbienceStream(bed, seed);
  const chunk = Math.max(1, Math.round(chunkSeconds * AMBIENCE_SAMPLE_RATE));
  for (let o = 0; o < total; o += chunk) stream.renderInto(L, R, o, Math.min(chunk, total - o));
  return [L, R];
}

/**
 * A seamless loop of `loopSeconds`: the bed is rendered `crossfadeSeconds` longer and its
 * tail is crossfaded (equal power) over its head, so sample N−1 flows into sample 0 exactly
 * as it flowed into sample N. Play it with MixClip `loop: true` for beds of any length.
 */
export function ambienceLoop(params: AmbienceLoopParams, seed: Seed): [Float32Array, Float32Array] {
  const { loopSeconds, crossfadeSeconds, ...bed } = parseOrThrow(AmbienceLoopSchema, params, 'ambience');
  const n = Math.round(loopSeconds * AMBIENCE_SAMPLE_RATE);
  const xf = Math.min(n, Math.round(crossfadeSeconds * AMBIENCE_SAMPLE_RATE));
  const [l, r] = ambienceBed({ ...bed, durationSeconds: (n + xf) / AMBIENCE_SAMPLE_RATE }, seed);
  const out: [Float32Array, Float32Array] = [l.slice(0, n), r.slice(0, n)];
  for (const [c, src] of [l, r].entries()) {
    for (let i = 0; i < xf; i++) {
      const a = (Math.PI / 2) * (i / xf);
      out[c][i] = src[n + i] * Math.cos(a) + src[i] * Math.sin(a);
    }
  }
  return out;
}
