// <Film>, <Scene>, <Shot>, <Transition>: the structure of the production.

import { z } from 'zod';
import { AnchorSchema, Duration, FrameRate, Id, Resolution, Degrees } from '../values';
import { CameraProps } from './camera';
import { MixSettings } from './sound';
import { OutputStyle } from './style';

export const OUTPUT_FORMATS = ['h264', 'h265', 'prores4444', 'vp9', 'gif', 'png'] as const;

export const OutputSpec = z.strictObject({
  /** File name (without extension) under deliverables/. */
  name: z.string().regex(/^[A-Za-z0-9_.\-]+$/, 'output names are file names: letters, digits, "_", "-", "."'),
  format: z.enum(OUTPUT_FORMATS).default('h264'),
  resolution: Resolution.optional(),
  /** Constant rate factor for h264/h265/vp9 (lower is better quality). */
  crf: z.number().int().min(0).max(63).optional(),
  /**
   * A look for this output only, rendered as its own variant of the film: e.g.
   * `{ preset: 'snes' }` or `{ retro: { palette: 'snes', dither: 'floyd-steinberg' } }`. With a
   * retro look, `resolution` is the pixel grid the film renders at (see OutputStyle).
   */
  style: OutputStyle.optional(),
});
export type OutputSpec = z.infer<typeof OutputSpec>;

export const FilmProps = z.strictObject({
  title: z.string().min(1, 'a film needs a title'),
  /** Frames per second: 24, 25, 30, "24000/1001", 23.976 … */
  fps: FrameRate.prefault(24),
  resolution: Resolution.default([1920, 1080]),
  /** Deliverables; default: one H.264 MP4 named after the title. */
  outputs: z.array(OutputSpec).min(1).optional(),
  /** Seed for every procedural choice (handheld shake, crowd variation, idle motion). */
  seed: z.number().int().default(1),
  author: z.string().optional(),
  /** The sound mix: loudness target, ducking, which layers to include. */
  mix: MixSettings.optional(),
  children: z.unknown().optional(),
});

export const TIMES_OF_DAY = ['dawn', 'morning', 'day', 'noon', 'afternoon', 'magic-hour', 'dusk', 'evening', 'night', 'continuous', 'unspecified'] as const;
export type TimeOfDay = (typeof TIMES_OF_DAY)[number];

export const SceneProps = z.strictObject({
  id: Id,
  /** Screenplay heading, e.g. "INT. KITCHEN - NIGHT"; setting, location and time of day are read from it. */
  heading: z.string().optional(),
  setting: z.enum(['INT', 'EXT', 'INT/EXT']).optional(),
  location: z.string().optional(),
  timeOfDay: z.enum(TIMES_OF_DAY).optional(),
  /** Scene number as the script numbers it ("12A"). */
  number: z.string().optional(),
  /** Story day for continuity (scene 3 and 4 on day 2 should match wardrobe). */
  storyDay: z.number().int().min(1).optional(),
  mood: z.string().optional(),
  /** Time held before the first cue and after the last one. */
  head: Duration.optional(),
  tail: Duration.optional(),
  children: z.unknown().optional(),
});

export const SHOT_SIZES = ['ECU', 'CU', 'MCU', 'MS', 'MWS', 'WS', 'EWS'] as const;
export type ShotSize = (typeof SHOT_SIZES)[number];
const SIZE_ALIASES: Record<string, ShotSize> = {
  XCU: 'ECU', BCU: 'CU', MCS: 'MCU', MLS: 'MWS', COWBOY: 'MWS', LS: 'WS', FS: 'WS', FULL: 'WS', ELS: 'EWS', XLS: 'EWS', XWS: 'EWS',
};
export const ShotSize = z.string().transform((v, ctx): ShotSize => {
  const u = v.trim().toUpperCase();
  if ((SHOT_SIZES as readonly string[]).includes(u)) return u as ShotSize;
  if (SIZE_ALIASES[u]) return SIZE_ALIASES[u];
  ctx.addIssue({ code: 'custom', message: `unknown shot size "${v}"; use one of ${SHOT_SIZES.join(', ')} (aliases: LS, FS, ELS, MLS, cowboy…)` });
  return z.NEVER;
});

export const SHOT_TYPES = ['master', 'single', 'two-shot', 'ots', 'insert', 'pov', 'cutaway', 'establishing'] as const;
export const CAMERA_ANGLES = ['eye', 'high', 'low', 'overhead', 'ground', 'dutch'] as const;

export const ShotProps = z.strictObject({
  id: Id.optional(),
  name: z.string().optional(),
  /** "3s", "72f", "00:00:03:00", a number of seconds, or "auto" (from the performance). */
  duration: z.union([z.literal('auto'), Duration]).default('auto'),
  /** Where this shot's window starts on scene time: "2s" or "with:lineId". Default: after the previous shot. */
  from: AnchorSchema.optional(),
  /** Dialogue lines this shot covers; its window spans them. */
  lines: z.array(z.string()).optional(),
  size: ShotSize.optional(),
  type: z.enum(SHOT_TYPES).optional(),
  /** Character or prop id(s) the shot frames. */
  subject: z.union([z.string(), z.array(z.string()).min(1)]).optional(),
  /** Over-the-shoulder: the character whose shoulder is in the foreground. */
  over: z.string().optional(),
  angle: z.enum(CAMERA_ANGLES).optional(),
  /** Azimuth around the subject, degrees from their facing (0 = frontal, 90 = their left side). */
  azimuth: Degrees.optional(),
  camera: CameraProps.optional(),
  notes: z.string().optional(),
  children: z.unknown().optional(),
});

export const TRANSITION_KINDS = ['cut', 'dissolve', 'fade', 'fade-in', 'fade-out', 'wipe'] as const;
export const TransitionProps = z.strictObject({
  kind: z.enum(TRANSITION_KINDS).default('cut'),
  duration: Duration.optional(),
  color: z.string().optional(),
  direction: z.enum(['left', 'right', 'up', 'down']).default('left'),
});
