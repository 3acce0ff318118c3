// Voices: each character gets a stable, distinct eSpeak NG voice derived from its id, so a
// film sounds the same on every render without anyone picking voices, and any part of it can
// be overridden with a `voice` spec.

import { z } from 'zod';
import { hashString } from '../../util/random';

/**
 * eSpeak NG voice variants kino offers, by the gender their data files declare. Variants
 * that need the Klatt synthesiser (not compiled into the WASM build: eSpeak prints "Bad voice
 * attribute: klatt" and ignores them) and novelty voices (whisper, croak, robots) are left
 * out of the automatic pools; `VOICE_VARIANTS` lists everything accepted in a `voice` spec.
 */
export const MALE_VARIANTS = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'Andy', 'Denis', 'Henrique', 'Hugo', 'Lee', 'michel', 'miguel', 'sandro', 'travis', 'victor'] as const;
export const FEMALE_VARIANTS = ['f1', 'f2', 'f3', 'f4', 'f5', 'Alicia', 'Andrea', 'Annie', 'anika', 'aunty', 'belinda', 'linda', 'steph', 'steph2', 'steph3'] as const;
export const NEUTRAL_VARIANTS = ['Alex', 'Gene', 'Jacky', 'Michael', 'Mike', 'boris', 'ed', 'gustave', 'ian', 'iven', 'john', 'max', 'norbert', 'paul', 'quincy', 'rob', 'robert', 'zac'] as const;
export const CHARACTER_VARIANTS = ['croak', 'grandma', 'grandpa', 'whisper', 'whisperf', 'Demonic', 'robosoft4', 'robosoft5', 'anikaRobot', 'm8'] as const;
export const VOICE_VARIANTS = [...MALE_VARIANTS, ...FEMALE_VARIANTS, ...NEUTRAL_VARIANTS, ...CHARACTER_VARIANTS] as const;
export const VOICE_GENDERS = ['male', 'female'] as const;

/** What a production may say about a voice; everything is optional and overrides the derived voice. */
export const VoiceSpecSchema = z
  .object({
    /** eSpeak NG variant, e.g. `m3`, `f2`, `Annie`. */
    variant: z.enum(VOICE_VARIANTS).optional(),
    /** Base pitch, eSpeak's 0–99 scale (50 = the variant's default). */
    pitch: z.number().min(0).max(99).optional(),
    /** Speaking rate in words per minute (eSpeak default 175). */
    rate: z.number().min(80).max(450).optional(),
    gender: z.enum(VOICE_GENDERS).optional(),
    /** eSpeak language/accent, e.g. `en-us`, `en-gb`, `en-gb-scotland`, `fr`, `de`. */
    language: z.string().regex(/^[a-z]{2,3}(-[a-z0-9]+)*$/i, 'a language tag such as en-us or en-gb-scotland').optional(),
    /** Loudness, eSpeak's amplitude 0–200 (default 100). */
    amplitude: z.number().min(0).max(200).optional(),
    /** Extra pause between words, milliseconds. */
    wordGapMs: z.number().min(0).max(500).optional(),
  })
  .strict();
export type VoiceSpec = z.infer<typeof VoiceSpecSchema>;

export interface Voice {
  language: string;
  variant: (typeof VOICE_VARIANTS)[number];
  gender: (typeof VOICE_GENDERS)[number];
  pitch: number;
  rate: number;
  amplitude: number;
  wordGapMs: number;
}

const DEFAULT_LANGUAGE = 'en-us';

function poolFor(gender: Voice['gender']): readonly Voice['variant'][] {
  return gender === 'female' ? FEMALE_VARIANTS : MALE_VARIANTS;
}

function genderOfVariant(v: Voice['variant']): Voice['gender'] | undefined {
  if ((FEMALE_VARIANTS as readonly string[]).includes(v) || ['grandma', 'whisperf', 'anikaRobot'].includes(v)) return 'female';
  if ((MALE_VARIANTS as readonly string[]).includes(v) || ['croak', 'whisper', 'Demonic', 'm8'].includes(v)) return 'male';
  return undefined;
}

/**
 * The voice for `characterId`: gender, variant, pitch and rate are hashed from the id (so
 * "detective" always sounds the same), then any field of `overrides` wins.
 */
export function voiceFor(characterId: string, overrides: VoiceSpec = {}): Voice {
  const spec = VoiceSpecSchema.parse(overrides);
  const h = hashString(`kino.voice\u0000${characterId}`);
  const h2 = hashString(`kino.voice.pitch\u0000${characterId}`);
  const gender = spec.gender ?? (spec.variant && genderOfVariant(spec.variant)) ?? (h & 1 ? 'female' : 'male');
  const pool = poolFor(gender);
  const variant = spec.variant ?? pool[(h >>> 1) % pool.length];
  // Pitch bands keep male voices low and female high without every character sounding alike.
  const [lo, hi] = gender === 'female' ? [44, 72] : [26, 56];
  const pitch = spec.pitch ?? lo + ((h2 & 0xffff) / 0xffff) * (hi - lo);
  const rate = spec.rate ?? 150 + ((h2 >>> 16) / 0xffff) * 30;
  return {
    language: spec.language ?? DEFAULT_LANGUAGE,
    variant,
    gender,
    pitch: Math.round(pitch),
    rate: Math.round(rate),
    amplitude: spec.amplitude ?? 100,
    wordGapMs: spec.wordGapMs ?? 0,
  };
}

/**
 * Voices for a whole cast, pairwise distinct: characters are taken in id order and a
 * character whose hashed variant is already taken moves to the next free one in its pool
 * (explicit `variant` overrides are honoured even if they clash). Deterministic for a cast.
 */
export function castVoices(characterIds: readonly string[], overrides: Record<string, VoiceSpec | undefined> = {}): Map<string, Voice> {
  const out = new Map<string, Voice>();
  const taken = new Set<string>();
  const ids = [...new Set(characterIds)].sort();
  for (const id of ids) if (overrides[id]?.variant) taken.add(overrides[id]!.variant!);
  for (const id of ids) {
    const o = overrides[id] ?? {};
    let v = voiceFor(id, o);
    if (!o.variant) {
      const pool = poolFor(v.gender);
      const start = pool.indexOf(v.variant);
      for (let k = 0; k < pool.length && taken.has(v.variant); k++) v = { ...v, variant: pool[(start + k) % pool.length] };
      taken.add(v.variant);
    }
    out.set(id, v);
  }
  return out;
}

/** eSpeak NG command-line flags for a voice. */
export function espeakArgs(v: Voice): string[] {
  const args = ['-v', `${v.language}+${v.variant}`, '-p', String(v.pitch), '-s', String(v.rate), '-a', String(v.amplitude)];
  if (v.wordGapMs > 0) args.push('-g', String(Math.round(v.wordGapMs / 10)));
  return args;
}
