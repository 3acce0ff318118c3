// Test helpers: render a film element to a plan, and run the real CLI.

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReactElement } from 'react';
import { renderToDoc } from '../../reconciler';
import { validateDoc } from '../../src/doc/validate';
import { buildPlan } from '../../src/plan/build';
import type { FilmPlan } from '../../src/plan/schema';
import type { KinoIssue } from '../../src/doc/errors';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function planOf(element: ReactElement): { plan: FilmPlan | null; issues: KinoIssue[] } {
  const r = renderToDoc(element);
  const v = validateDoc(r.doc);
  const issues = [...r.issues, ...v.issues];
  if (!v.root || issues.some((i) => i.severity === 'error')) return { plan: null, issues };
  const b = buildPlan(v.root, { checkFiles: false });
  return { plan: b.issues.some((i) => i.severity === 'error') ? null : b.plan, issues: [...issues, ...b.issues] };
}

export function mustPlan(element: ReactElement): FilmPlan {
  const { plan, issues } = planOf(element);
  if (!plan) throw new Error('plan failed:\n' + issues.map((i) => `${i.code}: ${i.message}`).join('\n'));
  return plan;
}

export function kino(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'bin/kino.js'), ...args], {
    cwd: opts.cwd ?? repoRoot,
    encoding: 'utf8',
    env: { ...process.env, ...opts.env },
    timeout: 240_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
