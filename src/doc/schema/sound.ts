// <Music>, <Ambience>, <Foley> and the Film's mix settings: the sound department's vocabulary.
// Explicit cues override the automatic ones (footsteps from walks, doors, room tone by location).

import { z } from 'zod';
import { AnchorSchema, Duration, Finite } from '../values';

const cue = {
  id: z.string().optional(),
  /** When it starts in scene time ("2s", "with:l1"); default: the scene's start. */
  at: AnchorSchema.optional(),
  duration: Duration.optional(),
  /** Level relative to the role's default, dB. */
  volume: Finite.optional(),
  fadeIn: Duration.optional(),
  fadeOut: Duration.optional(),
};

export const MusicProps = z.strictObject({
  ...cue,
  /** Mood of the procedural bed (tense, warm, sad, playful, noir, action, …). */
  mood: z.string().optional(),
  key: z.string().optional(),
  tempo: z.number().min(30).max(240).optional(),
  /** A WAV/MP3 file instead of the procedural bed, relative to the film file. */
  src: z.string().optional(),
  /** Continue into the following scenes until the next <Music>. */
  carry: z.boolean().optional(),
});

export const AmbienceProps = z.strictObject({
  ...cue,
  /** room-tone, city, nature, rain, diner, office, warehouse… (default from the location and time of day). */
  type: z.string().optional(),
  intensity: z.number().min(0).max(1).optional(),
  src: z.string().optional(),
});

export const FoleyProps = z.strictObject({
  ...cue,
  /** footsteps, door, sit, stand, impact, cloth, … */
  kind: z.string().min(1),
  who: z.string().optional(),
  surface: z.string().optional(),
  action: z.string().optional(),
  src: z.string().optional(),
  /** Replace the automatic foley of this kind for `who` in this scene. */
  replace: z.boolean().optional(),
});

export const MixSettings = z.strictObject({
  /** Integrated loudness target: -23 (EBU R128), -16 or -14 (streaming). */
  targetLufs: z.number().min(-40).max(-5).optional(),
  truePeakDb: z.number().min(-6).max(0).optional(),
  /** Music ducking under dialogue. */
  duck: z.union([z.literal(false), z.strictObject({ depthDb: z.number().min(0).max(40).optional(), attackMs: z.number().min(1).max(500).optional(), releaseMs: z.number().min(10).max(3000).optional() })]).optional(),
  music: z.boolean().optional(),
  ambience: z.boolean().optional(),
  foley: z.boolean().optional(),
  dialogue: z.boolean().optional(),
});
