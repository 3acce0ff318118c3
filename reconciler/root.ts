// Rendering a film element to a FilmDoc, synchronously. `updateContainerSync` + `flushSyncWork`
// commit before returning (plain `updateContainer` only schedules). An uncaught error unmounts the
// root, so a persistent root keeps the last good doc and reports the error beside it.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReactNode } from 'react';
import Reconciler from 'react-reconciler';
import { ConcurrentRoot } from 'react-reconciler/constants';
import { issue, warning, type KinoIssue, type SourceLocation } from '../src/doc/errors';
import type { FilmDoc } from '../src/doc/node';
import { hostConfig } from './host-config';
import { createContainer, snapshot } from './nodes';

// The host config is a plain object literal; react-reconciler's types describe a generic one.
const reconciler = Reconciler(hostConfig as never);
reconciler.injectIntoDevTools();

const kinoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..') + path.sep;

function isInternalFrame(file: string): boolean {
  return file.includes(`${path.sep}node_modules${path.sep}`) || file.startsWith('node:') || (file.startsWith(kinoRoot) && !file.startsWith(path.join(kinoRoot, 'films') + path.sep) && !file.startsWith(path.join(kinoRoot, 'test') + path.sep));
}

/** First stack frame in the user's code: `at Diner (/abs/films/x/film.tsx:12:9)`. */
export function userFrame(stack: string | undefined): SourceLocation | undefined {
  if (!stack) return undefined;
  for (const line of stack.split('\n')) {
    const m = /\(?((?:file:\/\/)?\/[^():]+|[A-Za-z]:\\[^():]+):(\d+):(\d+)\)?\s*$/.exec(line.trim());
    if (!m) continue;
    let file = m[1];
    if (file.startsWith('file://')) file = fileURLToPath(file);
    file = file.replace(/\?.*$/, '');
    if (isInternalFrame(file)) continue;
    return { file, line: Number(m[2]), column: Number(m[3]) };
  }
  return undefined;
}

/** "at Film\n at Diner\n at Scene" → "Film > Diner > Scene" (outermost first). */
export function componentPath(componentStack: string | undefined): string | undefined {
  if (!componentStack) return undefined;
  const names = componentStack
    .split('\n')
    .map((l) => /^\s*at\s+([^\s(]+)/.exec(l)?.[1])
    .filter((n): n is string => !!n);
  return names.length ? names.reverse().join(' > ') : undefined;
}

function errorIssue(code: string, error: unknown, componentStack: string | undefined, caught: boolean): KinoIssue {
  const e = error instanceof Error ? error : new Error(String(error));
  const comp = componentPath(componentStack);
  const where = userFrame(e.stack) ?? userFrame(componentStack);
  const thrower = comp?.split(' > ').pop();
  return issue(code, `${thrower ? `<${thrower}> threw: ` : ''}${e.message}`, {
    location: where,
    componentPath: comp,
    hint: caught ? 'An error boundary caught this; its fallback was rendered instead.' : 'Fix the component, or wrap it in an error boundary to render a fallback.',
  });
}

export interface RenderResult {
  doc: FilmDoc;
  /** Problems found while rendering (thrown components, caught errors, wrong root). Validation adds more. */
  issues: KinoIssue[];
  /** True when rendering failed and `doc` is the last good one (or empty). */
  failed: boolean;
}

export interface FilmRoot {
  render(element: ReactNode, file?: string): RenderResult;
  unmount(): void;
  /** The last doc that rendered without an uncaught error. */
  readonly lastGood: FilmDoc | undefined;
}

export function createFilmRoot(opts: { strict?: boolean } = {}): FilmRoot {
  const container = createContainer();
  let pending: KinoIssue[] = [];
  let uncaught = false;
  let lastGood: FilmDoc | undefined;
  const root = reconciler.createContainer(
    container,
    ConcurrentRoot,
    null,
    opts.strict ?? false,
    null,
    'kino',
    (error: unknown, info: { componentStack?: string | null }) => {
      uncaught = true;
      pending.push(errorIssue('component/threw', error, info?.componentStack ?? undefined, false));
    },
    (error: unknown, info: { componentStack?: string | null }) => {
      pending.push(errorIssue('component/caught', error, info?.componentStack ?? undefined, true));
    },
    (error: unknown) => {
      pending.push(warning('component/recoverable', error instanceof Error ? error.message : String(error)));
    },
    () => {},
    null,
  );

  return {
    get lastGood() {
      return lastGood;
    },
    render(element, file) {
      pending = [];
      uncaught = false;
      reconciler.updateContainerSync(element, root, null, null);
      reconciler.flushSyncWork();
      const issues = pending;
      if (uncaught) {
        const doc = lastGood ?? { schemaVersion: 1 as const, root: null, file };
        return { doc, issues, failed: true };
      }
      const { doc, extraRoots } = snapshot(container, file);
      if (!doc.root) {
        issues.push(
          issue('film/no-film', 'Nothing rendered a <Film>.', {
            location: file ? { file } : undefined,
            hint: "A film file's default export must be a <Film> element or a component that returns one.",
          }),
        );
        return { doc, issues, failed: true };
      }
      for (const extra of extraRoots) {
        issues.push(issue('film/outside-film', `<${extra.type}> is outside the <Film>.`, { location: extra.source, hint: 'Put everything inside one <Film>.' }));
      }
      lastGood = doc;
      return { doc, issues, failed: false };
    },
    unmount() {
      reconciler.updateContainerSync(null, root, null, null);
      reconciler.flushSyncWork();
    },
  };
}

/** One-shot render: element in, FilmDoc out. */
export function renderToDoc(element: ReactNode, file?: string): RenderResult {
  const root = createFilmRoot();
  try {
    return root.render(element, file);
  } finally {
    root.unmount();
  }
}
