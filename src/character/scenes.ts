// The film's scenes in order, as the character department needs them: ids, numbers, story days,
// who appears, and the elements inside each scene. Scene selectors ("kitchen", ["a", "b"],
// "kitchen..rooftop") resolve against this list.

import { BLOCKING_TYPES, WRAPPERS } from '../doc/schema';
import type { ValidNode } from '../doc/validate';

export interface FilmScene {
  node: ValidNode;
  id: string;
  /** 0-based position in the film. */
  index: number;
  /** Scene number as the plan numbers it ("12A", else 1, 2, 3…). */
  number: string;
  storyDay?: number;
  /** Elements in the scene, wrappers (<Style>, <Grade>…) flattened. */
  kids: ValidNode[];
  /** Characters declared, placed or given a cue in the scene. */
  present: Set<string>;
}

export function flattenWrapped(nodes: ValidNode[]): ValidNode[] {
  return nodes.flatMap((n) => (WRAPPERS.has(n.type) ? flattenWrapped(n.children) : [n]));
}

const BLOCKING = new Set<string>(BLOCKING_TYPES);

export function filmScenes(root: ValidNode): FilmScene[] {
  const out: FilmScene[] = [];
  for (const n of flattenWrapped(root.children)) {
    if (n.type !== 'scene') continue;
    const p = n.props as Record<string, unknown>;
    const kids = flattenWrapped(n.children);
    const present = new Set<string>();
    for (const k of kids) {
      if (k.type === 'character') present.add(k.id);
      else if (BLOCKING.has(k.type) && typeof (k.props as { who?: unknown }).who === 'string') present.add((k.props as { who: string }).who);
    }
    out.push({ node: n, id: n.id, index: out.length, number: (p.number as string | undefined) ?? String(out.length + 1), storyDay: p.storyDay as number | undefined, kids, present });
  }
  return out;
}

export interface SceneSelection {
  /** Scene indices selected, in film order. */
  indices: number[];
  /** Problems, each a sentence (unknown ids, reversed ranges). */
  problems: Array<{ message: string; hint?: string }>;
}

/** "kitchen" | ["kitchen", "hall"] | "kitchen..rooftop" (inclusive, film order) → scene indices. */
export function selectScenes(sel: string | string[], scenes: FilmScene[]): SceneSelection {
  const byId = new Map(scenes.map((s) => [s.id, s.index] as const));
  const problems: SceneSelection['problems'] = [];
  const picked = new Set<number>();
  const ids = scenes.map((s) => s.id);
  const find = (id: string): number | undefined => {
    const i = byId.get(id.trim());
    if (i === undefined) problems.push({ message: `no scene is called "${id.trim()}"`, hint: `Scenes: ${ids.slice(0, 12).join(', ')}${ids.length > 12 ? ', …' : ''}.` });
    return i;
  };
  for (const item of Array.isArray(sel) ? sel : [sel]) {
    const range = /^(.+?)\s*\.\.\s*(.+)$/.exec(item);
    if (range) {
      const a = find(range[1]);
      const b = find(range[2]);
      if (a === undefined || b === undefined) continue;
      if (a > b) {
        problems.push({ message: `the range "${item}" runs backwards (scene "${range[1]}" comes after "${range[2]}")`, hint: `Write "${range[2]}..${range[1]}".` });
        continue;
      }
      for (let i = a; i <= b; i++) picked.add(i);
    } else {
      const i = find(item);
      if (i !== undefined) picked.add(i);
    }
  }
  return { indices: [...picked].sort((x, y) => x - y), problems };
}
