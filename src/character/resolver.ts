// The character department in planning: for every scene, each character's complete look
// (wardrobe costume, age, hair, injuries) replaces the cast entry the scene renders; after the
// film, the continuity check runs over the plan and its problems become warnings (the film still
// plans and renders — `kino continuity` is the gate that fails on them).

import { warning, type KinoIssue } from '../doc/errors';
import type { ValidNode } from '../doc/validate';
import { characterPlan } from '../plan/build';
import type { Resolver } from '../plan/resolvers';
import type { CharacterPlan, CostumePlan, FilmPlan } from '../plan/schema';
import { validateContinuity, type LookRecord, type SceneCharacterExt } from './continuity';
import { appearanceForScene, type CharacterHistory } from './look';
import { filmScenes, flattenWrapped, type FilmScene } from './scenes';
import { linearHex, stateTimeline, type CharacterBase } from './state';
import { collectWardrobe, type WardrobeBook } from './wardrobe';

type P = Record<string, unknown>;

interface FilmCharacters {
  scenes: FilmScene[];
  byNode: Map<ValidNode, number>;
  histories: Map<string, CharacterHistory>;
  wardrobe: WardrobeBook;
}

const films = new WeakMap<ValidNode, FilmCharacters>();

/** Every character the film declares, as declared (film level first, then first scene-level declaration). */
function declaredCast(root: ValidNode, scenes: FilmScene[]): Map<string, CharacterPlan> {
  const cast = new Map<string, CharacterPlan>();
  for (const n of flattenWrapped(root.children)) if (n.type === 'character') cast.set(n.id, characterPlan(n.id, n.props as P, n.children));
  for (const s of scenes) for (const n of s.kids) if (n.type === 'character' && !cast.has(n.id)) cast.set(n.id, characterPlan(n.id, n.props as P, n.children));
  return cast;
}

/** The department's view of the whole film, built once per plan (keyed by the film's root node). */
export function filmCharacters(root: ValidNode, issues: KinoIssue[]): FilmCharacters {
  let fc = films.get(root);
  if (fc) return fc;
  const scenes = filmScenes(root);
  const cast = declaredCast(root, scenes);
  const wardrobe = collectWardrobe(root, scenes, new Set(cast.keys()), issues);
  const bases = new Map<string, CharacterBase>([...cast].map(([id, c]) => [id, { id, age: c.body.age, hairStyle: c.body.hairStyle }]));
  const state = stateTimeline(scenes, bases, issues);
  const histories = new Map<string, CharacterHistory>();
  for (const [id, base] of cast) histories.set(id, { id, base, scenes, costumes: wardrobe.costumes.get(id) ?? [], wardrobe: wardrobe.timeline.get(id)!, state: state.get(id)! });
  fc = { scenes, byNode: new Map(scenes.map((s) => [s.node, s.index])), histories, wardrobe };
  films.set(root, fc);
  return fc;
}

function record(h: CharacterHistory, i: number, look: CharacterPlan, present: boolean): LookRecord {
  const w = h.wardrobe[i];
  const st = h.state[i];
  const a = look.appearance!;
  // The hair as drawn: the renderer (render/page/appearance.ts) mixes it toward silver by greyHair.
  const g = a.greyHair;
  const silver = [0.46, 0.46, 0.45];
  const hair = look.body.hair.map((c, k) => c * (1 - g) + silver[k] * g) as [number, number, number];
  const def = w.final ? h.costumes.find((c) => c.id === w.final) : undefined;
  return {
    present,
    costume: w.final,
    ...(def?.name ? { costumeName: def.name } : {}),
    entry: w.entry,
    ...(w.assigned ? { assigned: w.assigned } : {}),
    changes: w.changes.map((c) => ({ from: c.from, to: c.to, ...(c.reason ? { reason: c.reason } : {}), ...(c.note ? { note: c.note } : {}), ...(c.source ? { location: c.source } : {}) })),
    age: look.body.age,
    hairStyle: look.body.hairStyle,
    hair: linearHex(hair),
    greyHair: a.greyHair,
    wrinkles: a.wrinkles,
    dirt: a.dirt,
    blood: a.blood,
    injuries: st.injuries.map((j) => ({ id: j.id, kind: j.kind, region: j.region, stage: j.stage, explicit: j.explicit })),
    events: st.events,
  };
}

/** Costume definitions as plain data for film.json (ext.wardrobe): the costume bible reads them. */
export interface WardrobeExt {
  characters: Record<string, { name: string; own: CostumePlan; costumes: Array<{ id: string; name?: string; condition?: string; pieces: CostumePlan; scenes: string[] }> }>;
}

export const characterResolver: Resolver = {
  name: 'character',
  nodes: ['wardrobe', 'costumechange', 'injury', 'age', 'hair'],
  beforeTiming(ctx) {
    const fc = filmCharacters(ctx.film, ctx.issues);
    const i = fc.byNode.get(ctx.scene) ?? fc.scenes.findIndex((s) => s.id === ctx.sceneId);
    if (i < 0) return;
    const looks: Record<string, LookRecord> = {};
    for (const id of Object.keys(ctx.cast)) {
      const h = fc.histories.get(id);
      if (!h) continue;
      const look = appearanceForScene(h, i, ctx.cast[id]);
      ctx.cast[id] = look;
      looks[id] = record(h, i, look, true);
    }
    // Someone who changes (or is hurt) off screen still has a line in the continuity record.
    for (const [id, h] of fc.histories) {
      if (looks[id] || (!h.wardrobe[i].changes.length && !h.state[i].events.length)) continue;
      looks[id] = record(h, i, appearanceForScene(h, i), false);
    }
    if (Object.keys(looks).length) ctx.ext.character = { looks } satisfies SceneCharacterExt;
  },
  film(plan: FilmPlan, root: ValidNode, issues: KinoIssue[]) {
    const fc = filmCharacters(root, issues);
    const wardrobe: WardrobeExt = { characters: {} };
    for (const [id, h] of fc.histories) {
      if (!h.costumes.length) continue;
      wardrobe.characters[id] = {
        name: h.base.name,
        own: h.base.costume,
        costumes: h.costumes.map((c) => ({ id: c.id, ...(c.name ? { name: c.name } : {}), ...(c.condition ? { condition: c.condition } : {}), pieces: c.pieces, scenes: c.scenes.map((k) => fc.scenes[k].id) })),
      };
    }
    const report = validateContinuity(plan);
    plan.ext = { ...(plan.ext ?? {}), continuity: { ok: report.ok, errors: report.errors, warnings: report.warnings, problems: report.problems } };
    if (Object.keys(wardrobe.characters).length) plan.ext.wardrobe = wardrobe;
    for (const p of report.problems) {
      issues.push(warning(p.code, p.message, { location: p.location, hint: p.hint ? `${p.hint} (\`kino continuity\` fails on continuity errors.)` : undefined }));
    }
  },
};
