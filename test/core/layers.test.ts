// Layers import downward only. The rules, as README's architecture section states them:
//   util            ← everything (pure helpers, the FFmpeg wrapper; with doc/errors.ts)
//   doc             ← vocabulary: schemas, errors, values (imports util)
//   plan            ← timing, performance, evaluateFrame (imports doc, util; never React)
//   reconciler      ← React → FilmDoc (imports doc, util)
//   components      ← the DSL (imports reconciler, doc, util)
//   departments     ← script, art, sound, editorial, retro, … (import doc, plan, util; never each other)
//   render, deliver ← backends and output (import departments and below)
//   cli, studio     ← entry points; nothing imports them
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers';

const DEPARTMENTS = ['script', 'camera', 'lighting', 'art', 'character', 'sound', 'editorial', 'vfx', 'retro', 'tracking', 'wardrobe'];

function layerOf(file: string): string {
  const rel = path.relative(repoRoot, file).split(path.sep);
  if (rel[0] === 'components' || rel[0] === 'reconciler') return rel[0];
  if (rel[0] !== 'src') return 'other';
  // Errors are the one piece of the vocabulary every layer (util included) speaks.
  if (rel[1] === 'doc' && rel[2]?.startsWith('errors')) return 'util';
  if (DEPARTMENTS.includes(rel[1])) return `dept:${rel[1]}`;
  return rel[1];
}

const ALLOWED: Record<string, (to: string) => boolean> = {
  util: (to) => to === 'util',
  doc: (to) => ['doc', 'util'].includes(to),
  plan: (to) => ['plan', 'doc', 'util'].includes(to),
  reconciler: (to) => ['reconciler', 'doc', 'util'].includes(to),
  components: (to) => ['components', 'reconciler', 'doc', 'util'].includes(to),
  render: (to) => !['cli', 'studio', 'components'].includes(to),
  deliver: (to) => !['cli', 'studio', 'components', 'render'].includes(to),
  cli: () => true,
  studio: (to) => to !== 'cli',
};

function walk(dir: string, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules' && !e.name.startsWith('.')) walk(p, out);
    } else if (/\.(ts|tsx)$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

function imports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specs: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g)) specs.push(m[1]);
  for (const m of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) specs.push(m[1]);
  return specs;
}

describe('layers', () => {
  it('import downward only', () => {
    const files = ['components', 'reconciler', 'src'].flatMap((d) => walk(path.join(repoRoot, d)));
    const violations: string[] = [];
    for (const f of files) {
      const from = layerOf(f);
      for (const spec of imports(f)) {
        if (!spec.startsWith('.')) {
          if ((from === 'plan' || from === 'doc' || from.startsWith('dept:')) && /^(react|react-reconciler)(\/|$)/.test(spec)) violations.push(`${path.relative(repoRoot, f)} imports ${spec}`);
          continue;
        }
        const target = path.resolve(path.dirname(f), spec);
        const resolved = [target, `${target}.ts`, `${target}.tsx`, path.join(target, 'index.ts')].find((p) => fs.existsSync(p) && fs.statSync(p).isFile()) ?? target;
        const to = layerOf(resolved);
        if (from === to) continue;
        let ok: boolean;
        if (from.startsWith('dept:')) ok = ['doc', 'plan', 'util'].includes(to);
        else ok = ALLOWED[from]?.(to) ?? true;
        if (!ok) violations.push(`${path.relative(repoRoot, f)} (${from}) imports ${spec} (${to})`);
      }
    }
    expect(violations).toEqual([]);
  });
});
