// Planning a film element with the sound department taking part (as the pipeline does).

import type { ReactElement } from 'react';
import { renderToDoc } from '../../reconciler';
import type { KinoIssue } from '../../src/doc/errors';
import { validateDoc } from '../../src/doc/validate';
import { buildPlan, type PlanOptions } from '../../src/plan/build';
import type { FilmPlan } from '../../src/plan/schema';
import { soundResolver } from '../../src/sound/film';

/** `file` is where the element was written (its issues point there). */
export function planWithSound(el: ReactElement, opts: Omit<PlanOptions, 'resolvers'> = {}, file?: string): { plan: FilmPlan | null; issues: KinoIssue[] } {
  const r = renderToDoc(el, file);
  const v = validateDoc(r.doc);
  const issues = [...r.issues, ...v.issues];
  if (!v.root || issues.some((i) => i.severity === 'error')) return { plan: null, issues };
  const b = buildPlan(v.root, { checkFiles: false, ...opts, resolvers: [soundResolver] });
  return { plan: b.issues.some((i) => i.severity === 'error') ? null : b.plan, issues: [...issues, ...b.issues] };
}

export function must(el: ReactElement, opts: Omit<PlanOptions, 'resolvers'> = {}): FilmPlan {
  const { plan, issues } = planWithSound(el, opts);
  if (!plan) throw new Error(issues.map((i) => `${i.code}: ${i.message}`).join('\n'));
  return plan;
}

export function errorsOf(el: ReactElement, file?: string): KinoIssue[] {
  return planWithSound(el, {}, file).issues.filter((i) => i.severity === 'error');
}
