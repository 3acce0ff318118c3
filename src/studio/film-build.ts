// The studio's film build, evaluated *inside* Vite's module runner (see film-session.ts): the
// reconciler, the DSL, validation, planning and the departments are loaded through the same module
// graph as the film, so the film's JSX records its sources in the very reconciler that renders it,
// and an edit to any of them (the film, a component it imports, or kino itself) is picked up by
// invalidating that module and its importers. The steps are the ones `loadFilm` takes, so the
// studio shows the plan `kino render` would render.

import { createElement, isValidElement, type ReactElement } from 'react';
import { renderToDoc } from '../../reconciler';
import { issue, type KinoIssue } from '../doc/errors';
import { validateDoc } from '../doc/validate';
import { buildPlan } from '../plan/build';
import type { FilmPlan } from '../plan/schema';
import { DEPARTMENTS } from '../pipeline/departments';

export interface FilmBuild {
  plan: FilmPlan | null;
  issues: KinoIssue[];
  /** Milliseconds spent reconciling, validating and planning. */
  timings: { reconcile: number; validate: number; plan: number };
  /** Elements in the document (a size figure for the status bar). */
  nodes: number;
}

function countNodes(n: { children?: unknown[] } | null | undefined): number {
  if (!n) return 0;
  let k = 1;
  for (const c of (n.children ?? []) as Array<{ children?: unknown[] }>) k += countNodes(c);
  return k;
}

/** Turns a film module's default export into a plan, collecting every issue on the way. */
export function planFilm(exported: unknown, file: string): FilmBuild {
  const timings = { reconcile: 0, validate: 0, plan: 0 };
  let element: ReactElement;
  if (isValidElement(exported)) element = exported;
  else if (typeof exported === 'function') element = createElement(exported as () => ReactElement);
  else {
    const i = issue('film/no-default', `${file.split(/[\\/]/).pop()} has no default export that is a <Film>.`, {
      location: { file },
      hint: 'End the file with `export default function MyFilm() { return <Film …>…</Film>; }`.',
    });
    return { plan: null, issues: [i], timings, nodes: 0 };
  }
  let t = performance.now();
  const rendered = renderToDoc(element, file);
  timings.reconcile = performance.now() - t;
  const issues: KinoIssue[] = [...rendered.issues];
  if (rendered.failed || !rendered.doc.root) return { plan: null, issues, timings, nodes: 0 };
  t = performance.now();
  const v = validateDoc(rendered.doc);
  timings.validate = performance.now() - t;
  issues.push(...v.issues);
  let plan: FilmPlan | null = null;
  if (v.root && !issues.some((i) => i.severity === 'error')) {
    t = performance.now();
    const built = buildPlan(v.root, { resolvers: DEPARTMENTS, file });
    timings.plan = performance.now() - t;
    issues.push(...built.issues);
    plan = built.plan;
  }
  const failed = issues.some((i) => i.severity === 'error');
  return { plan: failed ? null : plan, issues, timings, nodes: countNodes(rendered.doc.root as never) };
}
