// Validation: every node's props through its zod schema, every node in an allowed parent. All
// problems are collected — never just the first — each with the user's file:line:col, the
// component path and the prop, so one run of `kino validate` lists everything to fix.

import type { z } from 'zod';
import { issue, type KinoIssue } from './errors';
import type { DocNode, FilmDoc } from './node';
import { NODE_SPECS, WRAPPERS, type HostType } from './schema';

export interface ValidNode<P = Record<string, unknown>> {
  type: HostType;
  id: string;
  props: P;
  children: ValidNode[];
  source?: DocNode['source'];
  owner?: string;
  /** "Film > Scene#kitchen > Shot#A1 > Camera" */
  path: string;
}

export interface ValidationResult {
  root: ValidNode | null;
  issues: KinoIssue[];
}

function label(node: DocNode): string {
  const spec = NODE_SPECS[node.type as HostType];
  const name = spec?.component ?? node.type;
  return typeof node.props.id === 'string' ? `${name}#${node.props.id}` : name;
}

export function levenshtein(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0];
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j];
      dp[j] = Math.min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length];
}

export function suggest(word: string, options: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const o of options) {
    const d = levenshtein(word, o);
    if (d < bestD) {
      bestD = d;
      best = o;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function shapeKeys(schema: z.ZodType): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape).filter((k) => k !== 'children') : [];
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v);
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${String(v)}`;
}

interface ZIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
  errors?: ZIssue[][];
  expected?: string;
  input?: unknown;
}

/** Picks the union branch that got furthest, so the message speaks to what the user meant. */
function flattenUnion(i: ZIssue): ZIssue[] {
  if (i.code !== 'invalid_union' || !i.errors?.length) return [i];
  const scored = i.errors.map((branch) => ({ branch, score: Math.max(0, ...branch.map((b) => (b.code === 'custom' ? 100 : 0) + b.path.length * 10 + (b.code === 'invalid_type' ? 0 : 5))) }));
  scored.sort((a, b) => b.score - a.score);
  const best = scored[0];
  if (best.score === 0) return [i];
  return best.branch.flatMap((b) => flattenUnion({ ...b, path: [...i.path, ...b.path] }));
}

function valueAt(props: Record<string, unknown>, path: PropertyKey[]): unknown {
  let v: unknown = props;
  for (const p of path) {
    if (v && typeof v === 'object') v = (v as Record<PropertyKey, unknown>)[p as string];
    else return undefined;
  }
  return v;
}

function propIssues(node: DocNode, path: string, schema: z.ZodType, zIssues: ZIssue[]): KinoIssue[] {
  const comp = NODE_SPECS[node.type as HostType]?.component ?? node.type;
  const out: KinoIssue[] = [];
  for (const raw of zIssues.flatMap(flattenUnion)) {
    const prop = raw.path.map(String).join('.');
    const loc = { location: node.source, componentPath: path, owner: node.owner };
    if (raw.code === 'unrecognized_keys') {
      const keys = raw.path.length ? [] : shapeKeys(schema);
      for (const k of raw.keys ?? []) {
        const s = suggest(k, keys);
        const full = prop ? `${prop}.${k}` : k;
        out.push(
          issue('prop/unknown', `<${comp}> has no prop "${full}".`, {
            ...loc,
            prop: full,
            hint: s ? `Did you mean "${s}"?` : keys.length ? `Its props are: ${keys.join(', ')}.` : undefined,
          }),
        );
      }
      continue;
    }
    let message = raw.message;
    if (raw.code === 'invalid_type') {
      const got = valueAt(node.props, raw.path);
      message = got === undefined ? `is required (expected ${raw.expected})` : `expected ${raw.expected}, got ${describe(got)}`;
    } else if (raw.code === 'invalid_value' || raw.code === 'invalid_union') {
      const got = valueAt(node.props, raw.path);
      message = `${raw.message.replace(/^Invalid (option|input):\s*/i, '')}${got !== undefined ? `; got ${describe(got)}` : ''}`;
    }
    out.push(issue('prop/invalid', `<${comp}> prop "${prop || '(props)'}": ${message}`, { ...loc, prop: prop || undefined }));
  }
  return out;
}

export function validateDoc(doc: FilmDoc): ValidationResult {
  const issues: KinoIssue[] = [];
  if (!doc.root) return { root: null, issues: [issue('film/no-film', 'The document has no <Film>.', { location: doc.file ? { file: doc.file } : undefined })] };

  // `parent` is the nearest ancestor that is not a wrapper (<Retro>, <Grade>…): a shot wrapped in
  // a <Grade> still lives in its scene.
  function visit(node: DocNode, parent: DocNode | null, parentPath: string): ValidNode | null {
    const path = parentPath ? `${parentPath} > ${label(node)}` : label(node);
    if (node.type === '#text') {
      const text = (node.text ?? '').trim();
      if (text) {
        issues.push(
          issue('doc/stray-text', `Text "${text.slice(0, 40)}" is outside a <Say>.`, {
            location: node.source,
            componentPath: parentPath,
            owner: node.owner,
            hint: 'Dialogue goes in <Say who="…">…</Say>; notes go in a notes prop.',
          }),
        );
      }
      return null;
    }
    const spec = NODE_SPECS[node.type as HostType];
    if (!spec) {
      const s = suggest(node.type, Object.keys(NODE_SPECS));
      issues.push(issue('doc/unknown-element', `<${node.type}> is not a kino element.`, { location: node.source, componentPath: path, hint: s ? `Did you mean <${NODE_SPECS[s as HostType].component}>?` : undefined }));
      return null;
    }
    const parentType = parent?.type ?? null;
    const ok = parentType === null ? node.type === 'film' : (spec.parents as readonly string[]).includes(parentType);
    if (!ok) {
      const allowed = spec.parents.map((p) => `<${NODE_SPECS[p as HostType].component}>`).join(' or ');
      issues.push(
        issue('doc/misplaced', `<${spec.component}> cannot go ${parent ? `inside <${NODE_SPECS[parentType as HostType]?.component ?? parentType}>` : 'at the top level'}.`, {
          location: node.source,
          componentPath: path,
          owner: node.owner,
          hint: allowed ? `Put it inside ${allowed}.` : 'A film file renders one <Film> at the top.',
        }),
      );
    }
    const parsed = spec.schema.safeParse(node.props, { reportInput: true } as never);
    let props: Record<string, unknown> = {};
    if (parsed.success) props = parsed.data as Record<string, unknown>;
    else issues.push(...propIssues(node, path, spec.schema, parsed.error.issues as unknown as ZIssue[]));
    const children: ValidNode[] = [];
    for (const c of node.children) {
      const v = WRAPPERS.has(node.type) ? visit(c, parent, path) : visit(c, node, path);
      if (v) children.push(v);
    }
    return { type: node.type as HostType, id: node.id, props, children, source: node.source, owner: node.owner, path };
  }

  const root = visit(doc.root, null, '');
  checkDuplicateIds(root, issues);
  return { root, issues };
}

/** Ids name things across the film (anchors, subjects, --only): two with one name is a mistake. */
function checkDuplicateIds(root: ValidNode | null, issues: KinoIssue[]): void {
  if (!root) return;
  const seen = new Map<string, ValidNode>();
  const walk = (n: ValidNode, scope: string) => {
    const explicit = typeof (n.props as { id?: unknown }).id === 'string';
    // Film-wide: scenes and cast. Scene-wide: everything else with an explicit id.
    const key = n.type === 'scene' || (n.type === 'character' && scope === 'film') ? `film:${n.id}` : `${scope}:${n.id}`;
    if (explicit) {
      const prev = seen.get(key);
      if (prev && prev !== n) {
        issues.push(
          issue('doc/duplicate-id', `Two elements use the id "${n.id}".`, {
            location: n.source,
            componentPath: n.path,
            hint: `The other is at ${prev.source?.file ?? prev.path}${prev.source?.line ? `:${prev.source.line}` : ''}. Ids must be unique${scope === 'film' ? ' in the film' : ' in a scene'}.`,
          }),
        );
      } else seen.set(key, n);
    }
    const childScope = n.type === 'scene' ? `scene:${n.id}` : scope;
    for (const c of n.children) walk(c, childScope);
  };
  walk(root, 'film');
}
