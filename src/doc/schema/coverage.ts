// <CoverageSet>: films one performance from several setups (master, OTS pair, singles, inserts)
// without retiming it; the plan chooses the cut.

import { z } from 'zod';
import { AnchorSchema, Duration, Id, Millimetres } from '../values';
import { ShotSize } from './film';

export const CoverageProps = z.strictObject({
  id: Id.optional(),
  /** The two principals; default: the first two speakers in the window. */
  characters: z.array(z.string()).min(1).max(2).optional(),
  /** Lines covered; default: every line from the previous shot's end to the scene's end. */
  lines: z.array(z.string()).optional(),
  from: AnchorSchema.optional(),
  duration: z.union([z.literal('auto'), Duration]).default('auto'),
  master: z.union([z.literal(false), z.strictObject({ size: ShotSize.optional(), focalLengthMm: Millimetres.optional() })]).optional(),
  ots: z.boolean().default(true),
  singles: z.boolean().default(true),
  inserts: z
    .array(
      z.strictObject({
        subject: z.string(),
        at: AnchorSchema.optional(),
        duration: Duration.optional(),
        size: ShotSize.optional(),
      }),
    )
    .default([]),
  /** Which side of the action line (seen from the master) the cameras stay on. */
  side: z.enum(['left', 'right']).default('left'),
  lens: z
    .strictObject({
      master: Millimetres.optional(),
      ots: Millimetres.optional(),
      single: Millimetres.optional(),
      insert: Millimetres.optional(),
    })
    .optional(),
  /** Shortest cut; shorter line changes are absorbed. */
  minShot: Duration.optional(),
  pacing: z.enum(['slow', 'normal', 'fast']).default('normal'),
});
