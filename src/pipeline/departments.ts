// The departments that take part in planning, in the order they run. Each is a Resolver (see
// src/plan/resolvers.ts) exported by its department folder; the pipeline composes them so the
// plan layer never imports a department.

import type { Resolver } from '../plan/resolvers';

export const DEPARTMENTS: Resolver[] = [];
