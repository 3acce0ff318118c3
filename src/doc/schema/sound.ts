// <Music>, <Ambience>, <Foley> and the Film's mix settings: the sound department's vocabulary.
// Explicit cues override the automatic ones (footsteps from walks, doors, room tone by location).
// Names that come from the sound department's own lists (moods, ambience types, foley kinds,
// surfaces) are plain strings here and checked by its resolver (src/sound/film/resolver.ts),
// which reports unknown values with the element's file:line and a suggestion.

import { z } from 'zod';
import { AnchorSchema, Duration, Finite } from '../values';

const cue = {
  id: z.string().optional(),
  /** When it starts in scene time ("2s", "with:l1", "after:entrance+0.5s", a shot id); default: the scene's start. */
  at: AnchorSchema.optional(),
  /** How long it plays; default: to the end of the scene (music, ambience) or the sound's own length (foley). */
  duration: Duration.optional(),
  /** Level relative to the role's default, dB. */
  volume: Finite.optional(),
  fadeIn: Duration.optional(),
  fadeOut: Duration.optional(),
};

export const MusicProps = z.strictObject({
  ...cue,
  /** Mood of the procedural bed (neutral, warm, sad, tense, playful, noir, action, mysterious, triumphant), or "none" for silence. */
  mood: z.string().optional(),
  /**
   * The key's tonic (C, C#, D, Eb, E, F, F#, G, Ab, A, Bb, B; flats and sharps both read); the
   * mode comes from the mood. (Not `key`: React keeps that prop for itself.)
   */
  tonic: z.string().optional(),
  /** Beats per minute. */
  tempo: z.number().min(30).max(240).optional(),
  /** 0 = pads only, 0.5 = the mood's arrangement, 1 = everything all the time. */
  intensity: z.number().min(0).max(1).optional(),
  /** A WAV/MP3/FLAC file instead of the procedural bed, relative to the film file. */
  src: z.string().optional(),
  /** Continue into the following scenes until one has its own <Music>. */
  carry: z.boolean().optional(),
});

export const AmbienceProps = z.strictObject({
  ...cue,
  /** room-tone, city, nature, rain, diner, office, warehouse (default from the location and time of day). */
  type: z.string().optional(),
  /** dawn, day, dusk or night; default from the scene heading. */
  timeOfDay: z.string().optional(),
  /** 0 … 1: density (traffic, rain, crowd). */
  intensity: z.number().min(0).max(1).optional(),
  /** A recorded background (WAV/MP3/FLAC), looped to fill; relative to the film file. */
  src: z.string().optional(),
});

export const FoleyProps = z.strictObject({
  ...cue,
  /** footsteps, footstep, door, sit, stand, impact, cloth. */
  kind: z.string().min(1),
  /** The character making the sound; with kind="footsteps" and no `at`, retunes their automatic steps. */
  who: z.string().optional(),
  /** Footsteps: wood, concrete, carpet, gravel, grass, tile, metal. */
  surface: z.string().optional(),
  /** Doors: open, close, creak, slam, knock. */
  action: z.string().optional(),
  /** Doors: wood | metal. Impacts: wood, metal, glass, body, concrete, cardboard, plastic. Sit/stand: the chair (wood, upholstered, metal, sofa). */
  material: z.string().optional(),
  /** Footsteps: sneak | walk | run. */
  pace: z.string().optional(),
  /** Footsteps: how many (default: as many as fit `duration`). */
  count: z.number().int().min(1).max(1000).optional(),
  /** 0 … 1: impact strength, cloth movement size. */
  intensity: z.number().min(0).max(1).optional(),
  /** A recorded effect (WAV/MP3/FLAC) instead of the synthesised one, relative to the film file. */
  src: z.string().optional(),
  /** Replace the automatic foley of this kind (for `who` if given) in this scene. */
  replace: z.boolean().optional(),
});

const LevelDb = z.number().min(-40).max(20);

export const MixSettings = z.strictObject({
  /** Integrated loudness target, LUFS: -23 (EBU R128, the default), -24 (ATSC A/85), -16 or -14 (streaming). */
  targetLufs: z.number().min(-40).max(-5).optional(),
  /** True-peak ceiling, dBTP (default -1). */
  truePeakDb: z.number().min(-6).max(0).optional(),
  /** Music ducking under dialogue (default depth 12 dB, attack 20 ms, release 300 ms); false turns it off. */
  duck: z.union([z.literal(false), z.strictObject({ depthDb: z.number().min(0).max(40).optional(), attackMs: z.number().min(1).max(500).optional(), releaseMs: z.number().min(10).max(3000).optional() })]).optional(),
  /** Layers to include (all default true). */
  music: z.boolean().optional(),
  ambience: z.boolean().optional(),
  foley: z.boolean().optional(),
  dialogue: z.boolean().optional(),
  /** Balance trims per layer before normalisation, dB. */
  levels: z.strictObject({ dialogue: LevelDb.optional(), music: LevelDb.optional(), effects: LevelDb.optional(), ambience: LevelDb.optional() }).optional(),
});
