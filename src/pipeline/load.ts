// Loading a film file: import the TSX, render it with kino's reconciler, validate every node,
// and build the plan with every department taking part. Every failure along the way becomes
// issues with locations, never a stack trace.

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createElement, isValidElement, type ReactElement } from 'react';
import { renderToDoc } from '../../reconciler';
import { DEPARTMENTS } from './departments';
import { issue, type KinoIssue } from '../doc/errors';
import type { FilmDoc } from '../doc/node';
import { validateDoc, type ValidNode } from '../doc/validate';
import { buildPlan, type PlanOptions } from '../plan/build';
import type { FilmPlan } from '../plan/schema';

export interface LoadedFilm {
  file: string;
  doc: FilmDoc | null;
  root: ValidNode | null;
  plan: FilmPlan | null;
  issues: KinoIssue[];
  errors: KinoIssue[];
}

/** esbuild/tsx syntax errors read "…/film.tsx:12:5: ERROR: Expected ")"". */
function importIssue(e: unknown, file: string): KinoIssue {
  const msg = e instanceof Error ? e.message : String(e);
  const m = /((?:\/|[A-Za-z]:\\)[^\s:]+\.[cm]?[jt]sx?):(\d+):(\d+):\s*(?:ERROR:\s*)?(.*)/.exec(msg);
  if (m) return issue('film/syntax', m[4].trim(), { location: { file: m[1], line: Number(m[2]), column: Number(m[3]) + 1 }, hint: 'Fix the syntax error; the film could not be compiled.' });
  const notFound = /Cannot find (?:module|package) '([^']+)'/.exec(msg);
  if (notFound) return issue('film/import', `The film imports "${notFound[1]}", which cannot be found.`, { location: { file }, hint: 'Check the import path, or run npm install.' });
  const stackLoc = (e instanceof Error ? e.stack ?? '' : '').split('\n').map((l) => /\(?(\/[^():]+\.[cm]?[jt]sx?):(\d+):(\d+)\)?/.exec(l)).find((x) => x && !x[1].includes('node_modules'));
  return issue('film/load', `Loading the film failed: ${msg}`, { location: stackLoc ? { file: stackLoc[1], line: Number(stackLoc[2]), column: Number(stackLoc[3]) } : { file } });
}

let loadCounter = 0;

export async function loadFilm(filmPath: string, opts: Omit<PlanOptions, 'file'> & { fresh?: boolean } = {}): Promise<LoadedFilm> {
  const file = path.resolve(filmPath);
  const fail = (i: KinoIssue): LoadedFilm => ({ file, doc: null, root: null, plan: null, issues: [i], errors: [i] });
  if (!fs.existsSync(file)) return fail(issue('film/not-found', `No film at ${filmPath}.`, { hint: 'Give the path to a .tsx film file, e.g. films/demo/film.tsx.' }));
  if (!/\.[cm]?[jt]sx?$/.test(file)) return fail(issue('film/not-tsx', `${filmPath} is not a TSX/TS film file.`, { location: { file }, hint: 'A film is a .tsx file whose default export is a <Film>.' }));
  let mod: { default?: unknown };
  try {
    const url = pathToFileURL(file).href + (opts.fresh ? `?v=${++loadCounter}` : '');
    mod = (await import(url)) as { default?: unknown };
  } catch (e) {
    return fail(importIssue(e, file));
  }
  const exp = mod.default;
  let element: ReactElement;
  if (isValidElement(exp)) element = exp;
  else if (typeof exp === 'function') element = createElement(exp as () => ReactElement);
  else return fail(issue('film/no-default', `${path.basename(file)} has no default export that is a <Film>.`, { location: { file }, hint: 'End the file with `export default function MyFilm() { return <Film …>…</Film>; }`.' }));

  const rendered = renderToDoc(element, file);
  const issues: KinoIssue[] = [...rendered.issues];
  if (rendered.failed || !rendered.doc.root) return { file, doc: rendered.doc, root: null, plan: null, issues, errors: issues.filter((i) => i.severity === 'error') };
  const v = validateDoc(rendered.doc);
  issues.push(...v.issues);
  let plan: FilmPlan | null = null;
  if (v.root && !issues.some((i) => i.severity === 'error')) {
    const built = buildPlan(v.root, { resolvers: DEPARTMENTS, ...opts, file });
    issues.push(...built.issues);
    plan = built.plan;
  }
  const errors = issues.filter((i) => i.severity === 'error');
  return { file, doc: rendered.doc, root: v.root, plan: errors.length ? null : plan, issues, errors };
}
