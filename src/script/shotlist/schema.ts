// The shot list as data: what `kino shotlist --json` prints and what the CSV and text tables are
// made from. The same shape whether it was planned from a script's dialogue or read from a
// film's plan (`source`).

import { z } from 'zod';
import { CAMERA_ANGLES, SHOT_SIZES } from '../../doc/schema/film';

export const SHOT_LIST_TYPES = ['establishing', 'master', 'two-shot', 'ots', 'single', 'insert', 'cutaway', 'pov'] as const;

export const ShotListShotSchema = z.object({
  /** Shot number as a script supervisor writes it: scene number + setup letter ("12A", "12B"…). */
  number: z.string(),
  /** The plan's shot key ("kitchen/talk-3") when listed from a film. */
  key: z.string().optional(),
  type: z.enum(SHOT_LIST_TYPES),
  size: z.enum(SHOT_SIZES),
  /** Focal length in millimetres (S35 equivalent). */
  lensMm: z.number(),
  angle: z.enum(CAMERA_ANGLES),
  /** "static", "dolly in", "pan", "crane up"… */
  movement: z.string(),
  /** Who or what the shot is on (character names, a prop, a place). */
  subjects: z.array(z.string()),
  /** Over-the-shoulder: whose shoulder is in the foreground. */
  over: z.string().nullable(),
  /** Camera setup number within the scene: shots that share a camera position and lighting share it. */
  setup: z.number().int().min(1),
  description: z.string(),
  /** Dialogue the shot covers ("MAYA: You're late."). */
  lines: z.array(z.string()),
  /** Estimated seconds this shot plays in the cut (from a film: its exact length). */
  screenSeconds: z.number(),
  /** A text an artist or an image model can draw the frame from. */
  prompt: z.string(),
});
export type ShotListShot = z.infer<typeof ShotListShotSchema>;

export const ShotListSceneSchema = z.object({
  number: z.string(),
  heading: z.string(),
  interior: z.string().nullable(),
  location: z.string().nullable(),
  timeOfDay: z.string().nullable(),
  characters: z.array(z.string()),
  mood: z.string(),
  /** Camera setups (lighting set-ups) the scene needs. */
  setups: z.number().int(),
  /** Estimated screen time of the scene, seconds. */
  screenSeconds: z.number(),
  /** Estimated shooting time, minutes (see `assumptions`). */
  shootingMinutes: z.number(),
  shots: z.array(ShotListShotSchema),
});
export type ShotListScene = z.infer<typeof ShotListSceneSchema>;

export const ShotListSchema = z.object({
  title: z.string(),
  source: z.enum(['script', 'film']),
  file: z.string().optional(),
  /** How the estimates were made, in words. */
  assumptions: z.array(z.string()),
  totals: z.object({
    scenes: z.number().int(),
    shots: z.number().int(),
    setups: z.number().int(),
    screenSeconds: z.number(),
    shootingHours: z.number(),
  }),
  scenes: z.array(ShotListSceneSchema),
});
export type ShotList = z.infer<typeof ShotListSchema>;

export const SIZE_NAMES: Record<(typeof SHOT_SIZES)[number], string> = {
  ECU: 'extreme close-up',
  CU: 'close-up',
  MCU: 'medium close-up',
  MS: 'medium shot',
  MWS: 'medium wide shot',
  WS: 'wide shot',
  EWS: 'extreme wide shot',
};

/** Setup letters after the scene number: A…Z, then AA, AB… (I and O are skipped, as on set). */
export function setupLetter(i: number): string {
  const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  let s = '';
  let n = i;
  do {
    s = letters[n % letters.length] + s;
    n = Math.floor(n / letters.length) - 1;
  } while (n >= 0);
  return s;
}
