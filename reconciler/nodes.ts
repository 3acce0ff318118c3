// The node model behind the host config (ink's habit: createNode / appendChildNode / …). Instances
// are plain objects; `snapshot` turns the live tree into an immutable FilmDoc.

import type { SourceLocation } from '../src/doc/errors';
import { DOC_SCHEMA_VERSION, type DocNode, type FilmDoc } from '../src/doc/node';
import { isBuiltinSource, sourceOf } from './source';

export const BUILTIN = Symbol.for('kino.builtin');

export interface Instance {
  kind: 'element';
  type: string;
  props: Record<string, unknown>;
  children: Array<Instance | TextInstance>;
  source?: SourceLocation;
  owner?: string;
  hidden: boolean;
}

export interface TextInstance {
  kind: 'text';
  type: '#text';
  text: string;
  source?: SourceLocation;
  owner?: string;
  hidden: boolean;
}

export interface Container {
  /** Synthetic top node; its children are what the root rendered (normally one <Film>). */
  top: Instance;
  /** Bumped on every commit. */
  version: number;
}

interface FiberLike {
  type?: unknown;
  pendingProps?: unknown;
  memoizedProps?: unknown;
  return?: FiberLike | null;
}

/**
 * Finds where the user wrote an element: walks from the host fiber up through kino's built-in
 * wrappers to the first element whose recorded source is outside components/, and the nearest
 * user component that rendered it.
 */
function locate(fiber: unknown): { source?: SourceLocation; owner?: string } {
  let f = fiber as FiberLike | null | undefined;
  let owner: string | undefined;
  let source: SourceLocation | undefined;
  let depth = 0;
  while (f && depth++ < 200) {
    if (!source) {
      const loc = sourceOf(f.pendingProps) ?? sourceOf(f.memoizedProps);
      if (loc && !isBuiltinSource(loc)) source = loc;
    }
    const t = f.type as unknown;
    if (typeof t === 'function' && !(t as unknown as Record<symbol, unknown>)[BUILTIN]) {
      const fn = t as { displayName?: string; name?: string };
      owner = fn.displayName || fn.name || undefined;
      if (source) break;
    }
    f = f.return;
  }
  return { source, owner };
}

function cleanProps(type: string, props: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k in props) {
    if (k === 'key' || k === 'ref') continue;
    // <Say> keeps its text children; for everything else children are nodes, not props.
    if (k === 'children' && type !== 'say') continue;
    out[k] = props[k];
  }
  return out;
}

export function createInstance(type: string, props: Record<string, unknown>, fiber: unknown): Instance {
  const { source, owner } = locate(fiber);
  return { kind: 'element', type, props: cleanProps(type, props), children: [], source, owner, hidden: false };
}

export function createTextNode(text: string, fiber: unknown): TextInstance {
  const { source, owner } = locate((fiber as FiberLike | undefined)?.return ?? fiber);
  return { kind: 'text', type: '#text', text, source, owner, hidden: false };
}

export function updateInstance(instance: Instance, _old: Record<string, unknown>, next: Record<string, unknown>, fiber: unknown): void {
  instance.props = cleanProps(instance.type, next);
  const { source, owner } = locate(fiber);
  if (source) instance.source = source;
  instance.owner = owner;
}

export function appendChildNode(parent: Instance, child: Instance | TextInstance): void {
  // React re-appends nodes that are already attached when keyed children move.
  const i = parent.children.indexOf(child);
  if (i >= 0) parent.children.splice(i, 1);
  parent.children.push(child);
}

export function insertBeforeNode(parent: Instance, child: Instance | TextInstance, before: Instance | TextInstance): void {
  const i = parent.children.indexOf(child);
  if (i >= 0) parent.children.splice(i, 1);
  const j = parent.children.indexOf(before);
  if (j < 0) parent.children.push(child);
  else parent.children.splice(j, 0, child);
}

export function removeChildNode(parent: Instance, child: Instance | TextInstance): void {
  const i = parent.children.indexOf(child);
  if (i >= 0) parent.children.splice(i, 1);
}

export function createContainer(): Container {
  return { top: { kind: 'element', type: '#root', props: {}, children: [], hidden: false }, version: 0 };
}

/** Scenes and the film scope ids; deeper nodes without an explicit id get their parent's as a prefix. */
const SCOPES = new Set(['#root', 'film', 'scene']);

function toDocNode(inst: Instance | TextInstance, parent: Instance, parentId: string, ordinal: number): DocNode {
  if (inst.kind === 'text') {
    return { type: '#text', id: `${parentId}.text${ordinal}`, props: {}, children: [], text: inst.text, source: inst.source, owner: inst.owner };
  }
  const explicit = typeof inst.props.id === 'string' && inst.props.id ? (inst.props.id as string) : undefined;
  const derived = SCOPES.has(parent.type) ? `${inst.type}${ordinal}` : `${parentId}.${inst.type}${ordinal}`;
  const id = inst.type === 'film' ? 'film' : (explicit ?? derived);
  const counts = new Map<string, number>();
  const children: DocNode[] = [];
  for (const c of inst.children) {
    if (c.hidden) continue;
    const n = (counts.get(c.type) ?? 0) + 1;
    counts.set(c.type, n);
    children.push(toDocNode(c, inst, id, n));
  }
  const node: DocNode = { type: inst.type, id, props: structuredProps(inst.props), children };
  if (inst.source) node.source = inst.source;
  if (inst.owner) node.owner = inst.owner;
  return node;
}

/** Props are copied so later commits cannot mutate a snapshot. */
function structuredProps(p: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k in p) out[k] = copyValue(p[k]);
  return out;
}

function copyValue(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(copyValue);
  if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const o: Record<string, unknown> = {};
    for (const k in v as Record<string, unknown>) o[k] = copyValue((v as Record<string, unknown>)[k]);
    return o;
  }
  return v;
}

export function snapshot(container: Container, file?: string): { doc: FilmDoc; extraRoots: DocNode[] } {
  const roots = container.top.children.filter((c) => !c.hidden).map((c, i) => toDocNode(c, container.top, '', i + 1));
  const film = roots.find((r) => r.type === 'film') ?? null;
  return { doc: { schemaVersion: DOC_SCHEMA_VERSION, root: film, file }, extraRoots: roots.filter((r) => r !== film) };
}
