// The mixer: clips on role tracks → stems → a 48 kHz stereo mix, with music ducked under
// dialogue, loudness-normalised with our BS.1770 meter and true-peak limited.
//
// Stems (DME, as film deliverables expect): dialogue, music, effects. Ambience is part of
// the effects stem — M&E conventions put backgrounds with effects — but is mixed on its own
// bus first so it can optionally be ducked with the music (`duck.roles`).
// Normalisation gain and the limiter's gain curve are applied to the stems as well (linked),
// so dialogue + music + effects sums to the mix to within float rounding: an editor who
// rebalances the stems starts from exactly what the mix was.

import { z } from 'zod';
import { KinoError, issue } from '../doc/errors';
import { panGains } from './channels';
import { DuckingSchema, duckingGain } from './ducking';
import { LimiterSchema, truePeakLimit } from './limiter';
import { measureLoudness, type Loudness } from './loudness';
import { normalizeLoudness } from './normalize';
import { resample } from './resample';
import { parseOrThrow } from './validate';

export const MIX_SAMPLE_RATE = 48000;
export const MIX_ROLES = ['dialogue', 'music', 'effects', 'ambience'] as const;
export type MixRole = (typeof MIX_ROLES)[number];
export const STEMS = ['dialogue', 'music', 'effects'] as const;
export type StemName = (typeof STEMS)[number];

/** Loudness targets by delivery, integrated LUFS with their true-peak ceilings. */
export const LOUDNESS_TARGETS = {
  'ebu-r128': { lufs: -23, truePeakDb: -1 },
  'atsc-a85': { lufs: -24, truePeakDb: -2 },
  streaming: { lufs: -14, truePeakDb: -1 },
  podcast: { lufs: -16, truePeakDb: -1 },
} as const;

const float32 = z.custom<Float32Array>((v) => v instanceof Float32Array, 'expected a Float32Array');
const samplesSchema = z.union([float32, z.array(float32).min(1).max(2)]);

export const MixClipSchema = z
  .object({
    role: z.enum(MIX_ROLES),
    id: z.string().optional(),
    /** Film time where the clip starts, seconds. */
    startSeconds: z.number().min(0),
    /** Mono Float32Array, or [L, R]. */
    samples: samplesSchema,
    /** Rate of `samples`; other rates than 48 kHz are resampled. */
    sampleRate: z.number().int().min(8000).max(384000).default(MIX_SAMPLE_RATE),
    gainDb: z.number().min(-120).max(40).default(0),
    /** Mono: constant-power pan −1 … 1. Stereo: balance. */
    pan: z.number().min(-1).max(1).default(0),
    fadeInSeconds: z.number().min(0).default(0),
    fadeOutSeconds: z.number().min(0).default(0),
    /** Play only this long (trims, or with `loop` repeats the clip to fill it). */
    durationSeconds: z.number().min(0).optional(),
    loop: z.boolean().default(false),
  })
  .strict();
export type MixClip = z.input<typeof MixClipSchema>;

export const MixOptionsSchema = z
  .object({
    /** Length of the mix; default: the end of the last clip. */
    durationSeconds: z.number().min(0).optional(),
    /** Integrated loudness target, LUFS; null leaves the level alone. Default −23 (EBU R128). */
    targetLufs: z.number().min(-50).max(0).nullable().default(-23),
    /** True-peak ceiling, dBTP. */
    truePeakDb: z.number().min(-20).max(0).default(-1),
    /** Duck music under dialogue; false disables. */
    duck: z.union([z.literal(false), DuckingSchema.extend({ roles: z.array(z.enum(['music', 'ambience', 'effects'])).default(['music']) })]).prefault({}),
    limiter: LimiterSchema.omit({ ceilingDb: true }).prefault({}),
    /** Per-role trim before summing, dB. */
    roleGainDb: z.partialRecord(z.enum(MIX_ROLES), z.number().min(-60).max(24)).default({}),
    /**
     * Fades of the whole programme (the picture fading from or to black): applied to every
     * stem after ducking and before normalisation; silence before a fade-in and after a fade-out.
     */
    fades: z.array(z.object({ startSeconds: z.number().min(0), durationSeconds: z.number().min(0), direction: z.enum(['in', 'out']) }).strict()).default([]),
  })
  .strict();
export type MixOptions = z.input<typeof MixOptionsSchema>;

export type Stereo = [Float32Array, Float32Array];

export interface MixResult {
  sampleRate: 48000;
  mix: Stereo;
  stems: Record<StemName, Stereo>;
  /** The mix as measured by our meter after normalisation and limiting. */
  loudness: Loudness;
  /** Gain applied to reach the target (0 when targetLufs is null or the mix is silent). */
  normalisationGainDb: number;
  limiterReductionDb: number;
  /** The ducking gain curve applied to the ducked roles, decimated to 100 Hz (1 = none). */
  duckGain: Float32Array;
}

function addClip(bus: Stereo, clip: z.output<typeof MixClipSchema>, total: number): void {
  let chans = clip.samples instanceof Float32Array ? [clip.samples] : clip.samples;
  if (clip.sampleRate !== MIX_SAMPLE_RATE) chans = chans.map((c) => resample(c, clip.sampleRate, MIX_SAMPLE_RATE));
  const srcLen = chans[0].length;
  if (!srcLen) return;
  const start = Math.round(clip.startSeconds * MIX_SAMPLE_RATE);
  const len = clip.durationSeconds !== undefined ? Math.round(clip.durationSeconds * MIX_SAMPLE_RATE) : srcLen;
  const playLen = clip.loop ? len : Math.min(len, srcLen);
  const end = Math.min(total, start + playLen);
  const g = Math.pow(10, clip.gainDb / 20);
  let gl: number, gr: number;
  if (chans.length === 1) [gl, gr] = panGains(clip.pan);
  else [gl, gr] = [clip.pan > 0 ? 1 - clip.pan : 1, clip.pan < 0 ? 1 + clip.pan : 1];
  const fi = Math.round(clip.fadeInSeconds * MIX_SAMPLE_RATE);
  const fo = Math.round(clip.fadeOutSeconds * MIX_SAMPLE_RATE);
  const [L, R] = bus;
  const a = chans[0], b = chans[1] ?? chans[0];
  for (let i = start; i < end; i++) {
    const k = i - start;
    const s = clip.loop ? k % srcLen : k;
    let f = g;
    // Equal-power (sine) fades: a crossfade between two clips keeps constant power.
    if (k < fi) f *= Math.sin((Math.PI / 2) * (k / fi));
    const toEnd = playLen - 1 - k;
    if (toEnd < fo) f *= Math.sin((Math.PI / 2) * (toEnd / fo));
    L[i] += a[s] * f * gl;
    R[i] += b[s] * f * gr;
  }
}

function applyGain(bus: Stereo, gain: Float32Array): void {
  for (const c of bus) for (let i = 0; i < c.length; i++) c[i] *= gain[i];
}

/**
 * Gain curve of the programme fades, each acting only over its own span as the picture's does
 * (a fade-in rises from silence at its start; a fade-out reaches silence at its end). Sine
 * shaped, so the level falls the way the picture darkens.
 */
function programmeFades(fades: Array<{ startSeconds: number; durationSeconds: number; direction: 'in' | 'out' }>, total: number): Float32Array {
  const env = new Float32Array(total).fill(1);
  for (const f of fades) {
    const a = Math.min(total, Math.max(0, Math.round(f.startSeconds * MIX_SAMPLE_RATE)));
    const n = Math.max(1, Math.round(f.durationSeconds * MIX_SAMPLE_RATE));
    for (let i = a; i < Math.min(total, a + n); i++) {
      const k = (i - a + 0.5) / n;
      env[i] *= f.direction === 'in' ? Math.sin((Math.PI / 2) * k) : Math.cos((Math.PI / 2) * k);
    }
  }
  return env;
}

function scale(bus: Stereo, g: number): void {
  for (const c of bus) for (let i = 0; i < c.length; i++) c[i] *= g;
}

/**
 * Mixes `clips` into stems and a stereo mix at 48 kHz.
 * Order: place clips on role buses → duck → sum → normalise to `targetLufs` (our meter) with
 * true-peak limiting to `truePeakDb` (see normalize.ts) → apply the same gains to the stems.
 */
export function mix(clips: MixClip[], options: MixOptions = {}): MixResult {
  const o = parseOrThrow(MixOptionsSchema, options, 'mix');
  const parsed = clips.map((c, i) => parseOrThrow(MixClipSchema, c, `mix.clips[${i}]`));
  for (const [i, c] of parsed.entries()) {
    if (!(c.samples instanceof Float32Array) && c.samples.length === 2 && c.samples[0].length !== c.samples[1].length) {
      throw new KinoError(issue('mix/ragged-clip', `mix.clips[${i}]${c.id ? ` (${c.id})` : ''}: left and right differ in length.`));
    }
  }
  const clipEnd = (c: (typeof parsed)[number]) => {
    const len = c.samples instanceof Float32Array ? c.samples.length : c.samples[0].length;
    return c.startSeconds + (c.durationSeconds ?? len / c.sampleRate);
  };
  const duration = o.durationSeconds ?? parsed.reduce((m, c) => Math.max(m, clipEnd(c)), 0);
  const total = Math.round(duration * MIX_SAMPLE_RATE);
  const buses = {} as Record<MixRole, Stereo>;
  const hasAmbience = parsed.some((c) => c.role === 'ambience');
  // A 5-minute stereo bus is 115 MB: the ambience bus only exists when something is on it.
  for (const r of MIX_ROLES) if (r !== 'ambience' || hasAmbience) buses[r] = [new Float32Array(total), new Float32Array(total)];
  for (const c of parsed) addClip(buses[c.role], { ...c, gainDb: c.gainDb + (o.roleGainDb[c.role] ?? 0) }, total);

  let duckGain = new Float32Array(0);
  if (o.duck !== false && parsed.some((c) => c.role === 'dialogue')) {
    const { roles, ...duck } = o.duck;
    const g = duckingGain(buses.dialogue, MIX_SAMPLE_RATE, duck);
    for (const r of roles) if (buses[r]) applyGain(buses[r], g);
    const step = MIX_SAMPLE_RATE / 100;
    duckGain = new Float32Array(Math.floor(total / step));
    for (let i = 0; i < duckGain.length; i++) duckGain[i] = g[i * step];
  }
  // Ambience joins effects (see the header).
  if (hasAmbience) {
    for (let c = 0; c < 2; c++) {
      const e = buses.effects[c], a = buses.ambience[c];
      for (let i = 0; i < total; i++) e[i] += a[i];
    }
  }
  const stems: Record<StemName, Stereo> = { dialogue: buses.dialogue, music: buses.music, effects: buses.effects };
  if (o.fades.length && total) {
    const env = programmeFades(o.fades, total);
    for (const s of STEMS) applyGain(stems[s], env);
  }
  const sum = (): Stereo => {
    const out: Stereo = [new Float32Array(total), new Float32Array(total)];
    for (const s of STEMS) for (let c = 0; c < 2; c++) {
      const src = stems[s][c], dst = out[c];
      for (let i = 0; i < total; i++) dst[i] += src[i];
    }
    return out;
  };

  let normalisationGainDb = 0;
  let limiterReductionDb = 0;
  let out = sum();
  if (total) {
    // With targetLufs null only the true-peak limiter runs (gain stays 0 dB).
    const n = o.targetLufs !== null ? normalizeLoudness(out, MIX_SAMPLE_RATE, o.targetLufs, o.truePeakDb, o.limiter) : undefined;
    let gain: Float32Array;
    if (n) {
      out = n.channels as Stereo;
      normalisationGainDb = n.gainDb;
      limiterReductionDb = n.limiter.maxReductionDb;
      gain = n.limiter.gain;
    } else {
      const lim = truePeakLimit(out, MIX_SAMPLE_RATE, { ...o.limiter, ceilingDb: o.truePeakDb });
      limiterReductionDb = lim.maxReductionDb;
      gain = lim.gain;
    }
    const g = Math.pow(10, normalisationGainDb / 20);
    for (const s of STEMS) {
      scale(stems[s], g);
      applyGain(stems[s], gain);
    }
  }
  const loudness = measureLoudness(out, MIX_SAMPLE_RATE);
  return { sampleRate: MIX_SAMPLE_RATE, mix: out, stems, loudness, normalisationGainDb, limiterReductionDb, duckGain };
}
