// Foley: synthesised per action, deterministic per (params, seed). Each generator is
// `(params, seed) => Float32Array` (mono, 48 kHz); `renderFoley` dispatches a data cue.

import { z } from 'zod';
import type { Seed } from '../dsp/noise';
import { parseOrThrow } from '../validate';
import { ChairSchema, ClothSchema, clothRustle, sit, stand } from './body';
import { DoorSchema, door } from './door';
import { FootstepSchema, FootstepsSchema, footstep, footsteps } from './footsteps';
import { ImpactSchema, impact } from './impact';

export { FOLEY_SAMPLE_RATE } from './common';
export { SURFACES, PACES, FootstepSchema, FootstepsSchema, footstep, footsteps, type Surface, type Pace, type FootstepParams, type FootstepsParams } from './footsteps';
export { DOOR_ACTIONS, DOOR_MATERIALS, DoorSchema, door, type DoorParams } from './door';
export { FABRICS, CHAIRS, ClothSchema, ChairSchema, clothRustle, sit, stand, type ClothParams, type ChairParams } from './body';
export { IMPACT_MATERIALS, ImpactSchema, impact, type ImpactMaterial, type ImpactParams } from './impact';

export const FOLEY_KINDS = ['footstep', 'footsteps', 'door', 'sit', 'stand', 'impact', 'cloth'] as const;
export type FoleyKind = (typeof FOLEY_KINDS)[number];

/** A foley cue as data: `{ kind, ...params }`, validated per kind. */
export const FoleySpecSchema = z.discriminatedUnion('kind', [
  FootstepSchema.extend({ kind: z.literal('footstep') }),
  FootstepsSchema.extend({ kind: z.literal('footsteps') }),
  DoorSchema.extend({ kind: z.literal('door') }),
  ChairSchema.extend({ kind: z.literal('sit') }),
  ChairSchema.extend({ kind: z.literal('stand') }),
  ImpactSchema.extend({ kind: z.literal('impact') }),
  ClothSchema.extend({ kind: z.literal('cloth') }),
]);
export type FoleySpec = z.input<typeof FoleySpecSchema>;

/** Renders a foley cue (mono 48 kHz). */
export function renderFoley(spec: FoleySpec, seed: Seed): Float32Array {
  const s = parseOrThrow(FoleySpecSchema, spec, 'foley');
  const { kind, ...p } = s;
  switch (kind) {
    case 'footstep':
      return footstep(p as z.input<typeof FootstepSchema>, seed);
    case 'footsteps':
      return footsteps(p as z.input<typeof FootstepsSchema>, seed).samples;
    case 'door':
      return door(p as z.input<typeof DoorSchema>, seed);
    case 'sit':
      return sit(p as z.input<typeof ChairSchema>, seed);
    case 'stand':
      return stand(p as z.input<typeof ChairSchema>, seed);
    case 'impact':
      return impact(p as z.input<typeof ImpactSchema>, seed);
    case 'cloth':
      return clothRustle(p as z.input<typeof ClothSchema>, seed);
  }
}
