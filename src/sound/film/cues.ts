// The sound department's part of the film plan: `ScenePlan.ext.sound` (what sounds, when, in
// scene time) and `FilmPlan.ext.sound` (the cast's voices and the mix settings). The resolver
// writes them during planning; the soundtrack render reads them back through these schemas, so
// film.json carries a cue sheet an engineer can read and a tool can check.
//
// Times here are scene time (the performance clock). Dialogue and foley are diegetic events:
// they reach the edit only where a shot shows their moment. Music and ambience are beds: their
// `at` is where they start (mapped into the edit through the shot showing that moment) and
// they then run on the edit clock.

import { z } from 'zod';
import { AMBIENCE_TYPES, TIMES_OF_DAY } from '../ambience/bed';
import { VOICE_GENDERS, VOICE_VARIANTS } from '../dialogue/voice';
import { FoleySpecSchema } from '../foley';
import { MUSIC_MOODS } from '../music/moods';
import { NOTE_NAMES } from '../music/theory';

export const CUE_ORIGINS = ['auto', 'explicit'] as const;

const Loc = z.object({ file: z.string().optional(), line: z.number().optional(), column: z.number().optional() }).optional();

/** A fully resolved eSpeak NG voice (see dialogue/voice.ts). */
export const ResolvedVoiceSchema = z.object({
  language: z.string(),
  variant: z.enum(VOICE_VARIANTS),
  gender: z.enum(VOICE_GENDERS),
  pitch: z.number(),
  rate: z.number(),
  amplitude: z.number(),
  wordGapMs: z.number(),
});

export const SceneDialogueCueSchema = z.object({
  /** The line id in its scene. */
  id: z.string(),
  /** "<sceneId>/<lineId>": the key of lineDurations / lineEnvelopes and of the rendered line. */
  key: z.string(),
  who: z.string(),
  text: z.string(),
  /** Scene time the line starts and ends (the timing pass's values). */
  t0: z.number(),
  t1: z.number(),
  /** Set by the resolver's film pass (voices are chosen across the whole cast). */
  voice: ResolvedVoiceSchema.optional(),
  /** From the line's volume (whisper … shout), dB. */
  gainDb: z.number(),
  volume: z.string(),
  source: Loc,
});
export type SceneDialogueCue = z.infer<typeof SceneDialogueCueSchema>;

/** A recorded file instead of a synthesised sound: absolute path. */
const SrcSchema = z.string();

export const SceneFoleyCueSchema = z.object({
  id: z.string(),
  origin: z.enum(CUE_ORIGINS),
  /** footsteps | door | sit | stand | cloth | impact (what `replace` matches). */
  kind: z.string(),
  who: z.string().optional(),
  /** Scene time of the sound's start (a footstep's heel strike, a door's latch). */
  t: z.number(),
  sound: FoleySpecSchema.optional(),
  src: SrcSchema.optional(),
  /** Play at most this long (src files). */
  durationSeconds: z.number().optional(),
  gainDb: z.number(),
  source: Loc,
});
export type SceneFoleyCue = z.infer<typeof SceneFoleyCueSchema>;
/** As the resolver writes it (FoleySpec defaults not yet filled in). */
export type SceneFoleyCueInput = z.input<typeof SceneFoleyCueSchema>;

export const SceneAmbienceCueSchema = z.object({
  id: z.string(),
  origin: z.enum(CUE_ORIGINS),
  type: z.enum(AMBIENCE_TYPES),
  timeOfDay: z.enum(TIMES_OF_DAY),
  intensity: z.number(),
  /** Scene time it starts; absent: the whole scene. */
  at: z.number().optional(),
  /** Edit seconds it plays; absent: to the scene's end. */
  durationSeconds: z.number().optional(),
  fadeInSeconds: z.number().optional(),
  fadeOutSeconds: z.number().optional(),
  src: SrcSchema.optional(),
  gainDb: z.number(),
  source: Loc,
});
export type SceneAmbienceCue = z.infer<typeof SceneAmbienceCueSchema>;

export const SceneMusicCueSchema = z.object({
  id: z.string(),
  origin: z.enum(CUE_ORIGINS),
  /** "none": silence (and the end of a carried cue). */
  mood: z.union([z.enum(MUSIC_MOODS), z.literal('none')]),
  key: z.enum(NOTE_NAMES).optional(),
  tempoBpm: z.number().optional(),
  intensity: z.number(),
  at: z.number().optional(),
  durationSeconds: z.number().optional(),
  fadeInSeconds: z.number().optional(),
  fadeOutSeconds: z.number().optional(),
  /** Runs on through the following scenes until one has music of its own. */
  carry: z.boolean(),
  src: SrcSchema.optional(),
  gainDb: z.number(),
  source: Loc,
});
export type SceneMusicCue = z.infer<typeof SceneMusicCueSchema>;

export const SceneSoundSchema = z.object({
  dialogue: z.array(SceneDialogueCueSchema),
  foley: z.array(SceneFoleyCueSchema),
  ambience: z.array(SceneAmbienceCueSchema),
  music: z.array(SceneMusicCueSchema),
});
export type SceneSound = z.infer<typeof SceneSoundSchema>;

export const FilmMixSchema = z.object({
  targetLufs: z.number(),
  truePeakDb: z.number(),
  duck: z.union([z.literal(false), z.object({ depthDb: z.number(), attackMs: z.number(), releaseMs: z.number() })]),
  layers: z.object({ dialogue: z.boolean(), music: z.boolean(), ambience: z.boolean(), foley: z.boolean() }),
  /** Balance per role before normalisation, dB (defaults plus the Film's mix.levels). */
  levels: z.object({ dialogue: z.number(), music: z.number(), effects: z.number(), ambience: z.number() }),
});
export type FilmMix = z.infer<typeof FilmMixSchema>;

export const FilmSoundSchema = z.object({
  mix: FilmMixSchema,
  /** Each speaking character's voice, pairwise distinct across the cast. */
  voices: z.record(z.string(), ResolvedVoiceSchema),
});
export type FilmSound = z.infer<typeof FilmSoundSchema>;

const EMPTY: SceneSound = { dialogue: [], foley: [], ambience: [], music: [] };

/** A scene's sound cues (empty when the sound department did not take part in planning). */
export function sceneSound(scene: { ext?: Record<string, unknown> }): SceneSound {
  const v = scene.ext?.sound;
  return v === undefined ? EMPTY : SceneSoundSchema.parse(v);
}

/** The film's mix settings and voices, or undefined when the sound department did not plan. */
export function filmSound(plan: { ext?: Record<string, unknown> }): FilmSound | undefined {
  const v = plan.ext?.sound;
  return v === undefined ? undefined : FilmSoundSchema.parse(v);
}
