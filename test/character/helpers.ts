// Planning with every department taking part (the pipeline's DEPARTMENTS), as `kino` plans films.

import type { ReactElement } from 'react';
import { renderToDoc } from '../../reconciler';
import { validateDoc } from '../../src/doc/validate';
import { buildPlan } from '../../src/plan/build';
import type { FilmPlan } from '../../src/plan/schema';
import type { KinoIssue } from '../../src/doc/errors';
import { DEPARTMENTS } from '../../src/pipeline/departments';

export function planWith(element: ReactElement): { plan: FilmPlan | null; issues: KinoIssue[] } {
  const r = renderToDoc(element);
  const v = validateDoc(r.doc);
  const issues = [...r.issues, ...v.issues];
  if (!v.root || issues.some((i) => i.severity === 'error')) return { plan: null, issues };
  const b = buildPlan(v.root, { checkFiles: false, resolvers: DEPARTMENTS });
  return { plan: b.issues.some((i) => i.severity === 'error') ? null : b.plan, issues: [...issues, ...b.issues] };
}

export function mustPlanWith(element: ReactElement): { plan: FilmPlan; issues: KinoIssue[] } {
  const { plan, issues } = planWith(element);
  if (!plan) throw new Error('plan failed:\n' + issues.map((i) => `${i.code}: ${i.message}`).join('\n'));
  return { plan, issues };
}
