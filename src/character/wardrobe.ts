// Wardrobe: each character's costumes (<Wardrobe character><Costume id scenes …/></Wardrobe>),
// and which one they wear in every scene.
//
// The rule, scene by scene in film order, for each character:
// - A scene starts in the costume the wardrobe assigns to it (`scenes`), else the one the
//   character ended the previous scene in, else their default: the first wardrobe costume with
//   no `scenes`, else the costume on <Character>.
// - Each <CostumeChange who costume reason> in the scene changes it, in order. The scene shows the
//   costume after its changes (the look a renderer builds is per scene).
// - When a scene both has changes and is assigned a costume, the assignment names the costume the
//   changes must end in (else a conflict is reported); the scene then starts in the carried one.

import { issue, warning, type KinoIssue } from '../doc/errors';
import type { ValidNode } from '../doc/validate';
import { suggest } from '../doc/validate';
import type { CostumePlan } from '../plan/schema';
import { rgbToLinear, type Rgb } from '../util/color';
import { selectScenes, type FilmScene } from './scenes';

type P = Record<string, unknown>;

/** Costume pieces that are accessories rather than garments. */
export const ACCESSORY_SLOTS = ['hat', 'glasses', 'tie', 'scarf'] as const;
/** The basic garments a partial costume takes from the character's own costume. */
const BASICS = ['top', 'bottom', 'shoes'] as const;

export interface CostumeDef {
  id: string;
  character: string;
  name?: string;
  /** Pieces by slot, colours in linear RGB. */
  pieces: CostumePlan;
  condition?: string;
  /** Scene indices it is assigned to. */
  scenes: number[];
  node: ValidNode;
}

export interface CostumeChangeEvent {
  who: string;
  costume: string;
  reason?: string;
  note?: string;
  node: ValidNode;
}

/** A character's costume in one scene. */
export interface SceneCostume {
  /** Costume at the start of the scene (undefined: the character's own costume). */
  entry?: string;
  /** Costume shown in the scene (after its changes). */
  final?: string;
  /** The wardrobe's assignment for this scene, if any. */
  assigned?: string;
  changes: Array<{ from?: string; to: string; reason?: string; note?: string; source?: ValidNode['source'] }>;
}

export interface WardrobeBook {
  /** Costumes by character id, in the order written. */
  costumes: Map<string, CostumeDef[]>;
  /** Costume changes by scene index. */
  changes: Map<number, CostumeChangeEvent[]>;
  /** Costume per character per scene index (every scene, present or not). */
  timeline: Map<string, SceneCostume[]>;
}

/** <Costume> props → pieces in linear RGB (the same conversion the plan uses for <Character>). */
export function costumePieces(props: P): { pieces: CostumePlan; condition?: string } {
  const pieces: CostumePlan = {};
  const condition = props.condition as string | undefined;
  for (const [k, v] of Object.entries(props)) {
    if (['id', 'condition', 'children', 'name', 'scenes'].includes(k) || !v || typeof v !== 'object') continue;
    const piece = v as { kind?: string; color: Rgb; material?: string; condition?: string };
    pieces[k] = { kind: piece.kind, color: rgbToLinear(piece.color), material: piece.material, condition: piece.condition ?? condition };
  }
  return { pieces, condition };
}

/** A wardrobe costume worn by a character: its pieces over the character's basic garments. */
export function dressIn(own: CostumePlan, def: CostumeDef | undefined): CostumePlan {
  if (!def) return own;
  const out: CostumePlan = { ...def.pieces };
  const dress = !!out.dress;
  for (const slot of BASICS) {
    if (out[slot]) continue;
    if (dress && (slot === 'top' || slot === 'bottom')) continue;
    if (own[slot]) out[slot] = { ...own[slot], condition: own[slot].condition ?? def.condition };
  }
  return out;
}

export function collectWardrobe(root: ValidNode, scenes: FilmScene[], cast: Set<string>, issues: KinoIssue[]): WardrobeBook {
  const costumes = new Map<string, CostumeDef[]>();
  const top = (function flat(nodes: ValidNode[]): ValidNode[] {
    return nodes.flatMap((n) => (['style', 'grade', 'retro', 'crt'].includes(n.type) ? flat(n.children) : [n]));
  })(root.children);
  for (const w of top.filter((n) => n.type === 'wardrobe')) {
    const who = (w.props as P).character as string;
    if (!cast.has(who)) {
      const s = suggest(who, [...cast]);
      issues.push(issue('wardrobe/unknown-character', `<Wardrobe character="${who}"> names no character in the film.`, { location: w.source, componentPath: w.path, prop: 'character', hint: s ? `Did you mean "${s}"?` : `Characters: ${[...cast].join(', ') || 'none'}.` }));
      continue;
    }
    const list = costumes.get(who) ?? [];
    for (const c of w.children) {
      if (c.type !== 'costume') continue;
      const p = c.props as P;
      if (list.some((x) => x.id === c.id)) {
        issues.push(issue('wardrobe/duplicate-costume', `${who} has two costumes called "${c.id}".`, { location: c.source, componentPath: c.path, prop: 'id' }));
        continue;
      }
      const { pieces, condition } = costumePieces(p);
      let sceneIdx: number[] = [];
      if (p.scenes !== undefined) {
        const sel = selectScenes(p.scenes as string | string[], scenes);
        for (const pr of sel.problems) issues.push(issue('wardrobe/scenes', `<Costume id="${c.id}"> scenes: ${pr.message}.`, { location: c.source, componentPath: c.path, prop: 'scenes', hint: pr.hint }));
        sceneIdx = sel.indices;
      }
      list.push({ id: c.id, character: who, name: p.name as string | undefined, pieces, condition, scenes: sceneIdx, node: c });
    }
    costumes.set(who, list);
  }
  // Two costumes assigned to the same scene for one character cannot both be worn.
  for (const [who, list] of costumes) {
    const seen = new Map<number, CostumeDef>();
    for (const d of list)
      for (const i of d.scenes) {
        const other = seen.get(i);
        if (other) issues.push(issue('wardrobe/overlap', `${who}'s costumes "${other.id}" and "${d.id}" are both assigned to scene "${scenes[i].id}".`, { location: d.node.source, componentPath: d.node.path, prop: 'scenes', hint: 'A scene shows one costume; use <CostumeChange> for a change inside the scene.' }));
        else seen.set(i, d);
      }
  }

  const changes = new Map<number, CostumeChangeEvent[]>();
  for (const s of scenes) {
    for (const n of s.kids.filter((k) => k.type === 'costumechange')) {
      const p = n.props as P;
      const who = p.who as string;
      const costume = p.costume as string;
      if (!cast.has(who)) {
        const sug = suggest(who, [...cast]);
        issues.push(issue('wardrobe/unknown-character', `<CostumeChange who="${who}"> names no character in the film.`, { location: n.source, componentPath: n.path, prop: 'who', hint: sug ? `Did you mean "${sug}"?` : undefined }));
        continue;
      }
      const defs = costumes.get(who) ?? [];
      if (!defs.some((d) => d.id === costume)) {
        const sug = suggest(costume, defs.map((d) => d.id));
        issues.push(issue('wardrobe/unknown-costume', `<CostumeChange who="${who}" costume="${costume}">: ${who}'s wardrobe has no costume "${costume}".`, { location: n.source, componentPath: n.path, prop: 'costume', hint: sug ? `Did you mean "${sug}"?` : defs.length ? `${who}'s costumes: ${defs.map((d) => d.id).join(', ')}.` : `Add <Wardrobe character="${who}"><Costume id="${costume}" …/></Wardrobe> at film level.` }));
        continue;
      }
      if (!s.present.has(who)) {
        issues.push(warning('wardrobe/not-in-scene', `<CostumeChange who="${who}"> is in scene "${s.id}", where ${who} does not appear; the change holds from there on.`, { location: n.source, componentPath: n.path, prop: 'who', hint: `Move it to the scene where ${who} is seen in the new costume.` }));
      }
      const list = changes.get(s.index) ?? [];
      list.push({ who, costume, reason: p.reason as string | undefined, note: p.note as string | undefined, node: n });
      changes.set(s.index, list);
    }
  }

  const timeline = new Map<string, SceneCostume[]>();
  for (const who of cast) {
    const defs = costumes.get(who) ?? [];
    const assigned = new Map<number, string>();
    for (const d of defs) for (const i of d.scenes) if (!assigned.has(i)) assigned.set(i, d.id);
    let current: string | undefined = defs.find((d) => !d.scenes.length)?.id;
    const rows: SceneCostume[] = [];
    for (const s of scenes) {
      const mine = (changes.get(s.index) ?? []).filter((c) => c.who === who);
      const a = assigned.get(s.index);
      let entry: string | undefined;
      if (mine.length) {
        entry = current ?? a;
        const last = mine[mine.length - 1].costume;
        if (a && last !== a) {
          issues.push(warning('wardrobe/conflict', `Scene "${s.id}" is assigned ${who}'s costume "${a}", but its <CostumeChange>s end in "${last}".`, { location: mine[mine.length - 1].node.source, componentPath: mine[mine.length - 1].node.path, hint: `Remove "${s.id}" from the scenes of "${a}", or change into "${a}".` }));
        }
      } else entry = a ?? current;
      const row: SceneCostume = { entry, assigned: a, changes: [] };
      let cur = entry;
      for (const c of mine) {
        row.changes.push({ from: cur, to: c.costume, reason: c.reason, note: c.note, source: c.node.source });
        cur = c.costume;
      }
      row.final = cur;
      current = cur;
      rows.push(row);
    }
    timeline.set(who, rows);
  }
  return { costumes, changes, timeline };
}
