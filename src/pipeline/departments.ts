// The departments that take part in planning, in the order they run. Each is a Resolver (see
// src/plan/resolvers.ts) exported by its department folder; the pipeline composes them so the
// plan layer never imports a department.

import type { Resolver } from '../plan/resolvers';
import { artResolver } from '../art/resolver';
import { characterResolver } from '../character/resolver';
import { styleResolver } from '../vfx/resolver';
import { retroResolver } from '../retro/resolver';
import { soundResolver } from '../sound/film/resolver';

export const DEPARTMENTS: Resolver[] = [
  // What exists and how it looks: rooms and locations (sets, dressing, daylight), then the cast's
  // wardrobe and state per scene (continuity is checked after the film).
  artResolver,
  characterResolver,
  // Looks: the style department folds wrapper chains, then retro validates the retro/CRT parts.
  styleResolver,
  retroResolver,
  // Sound: dialogue, foley, ambience and music cues from the performance and the cut.
  soundResolver,
];
