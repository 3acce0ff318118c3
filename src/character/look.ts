// The complete look of a character in a scene: body (age, hair), costume (the wardrobe's, over
// the character's own basics) and appearance (injuries, grey hair, age lines, dirt, blood) — what
// CharacterPlan carries to the renderer.

import type { AppearancePlan, CharacterPlan, CostumePlan } from '../plan/schema';
import { rgbToLinear } from '../util/color';
import type { FilmScene } from './scenes';
import { ageGrey, ageWrinkles, type SceneState } from './state';
import { dressIn, type CostumeDef, type SceneCostume } from './wardrobe';

/** Everything the department knows about one character across the film. */
export interface CharacterHistory {
  id: string;
  /** The character as declared (film level). */
  base: CharacterPlan;
  scenes: FilmScene[];
  costumes: CostumeDef[];
  /** Index-aligned with `scenes`. */
  wardrobe: SceneCostume[];
  state: SceneState[];
}

// How much dirt and blood a costume condition puts on the clothes.
const CONDITION_MARKS: Record<string, { dirt: number; blood: number }> = {
  pristine: { dirt: 0, blood: 0 },
  worn: { dirt: 0.15, blood: 0 },
  dirty: { dirt: 0.6, blood: 0 },
  damaged: { dirt: 0.35, blood: 0.05 },
  bloodied: { dirt: 0.2, blood: 0.7 },
};
// Pieces that carry most of what the camera sees of a costume's condition.
const VISIBLE_WEIGHT: Record<string, number> = { jacket: 1, top: 1, dress: 1, bottom: 0.7, shoes: 0.3, hat: 0.3, scarf: 0.5, tie: 0.3, glasses: 0 };

export function conditionMarks(costume: CostumePlan): { dirt: number; blood: number } {
  let dirt = 0;
  let blood = 0;
  for (const [slot, piece] of Object.entries(costume)) {
    const m = piece.condition ? CONDITION_MARKS[piece.condition] : undefined;
    if (!m) continue;
    const w = VISIBLE_WEIGHT[slot] ?? 0.5;
    dirt = Math.max(dirt, m.dirt * w);
    blood = Math.max(blood, m.blood * w);
  }
  return { dirt, blood };
}

function sceneIndex(h: CharacterHistory, scene: string | number): number {
  const i = typeof scene === 'number' ? scene : h.scenes.findIndex((s) => s.id === scene);
  if (i < 0 || i >= h.scenes.length) throw new Error(`appearanceForScene: no scene ${JSON.stringify(scene)} in the film.`);
  return i;
}

/**
 * The character as they look in a scene (by id or index): costume after the scene's changes,
 * age, hair, and the injuries at their stage on that story day. `base` replaces the declared
 * character when a scene restyles it (a scene-level <Character>).
 */
export function appearanceForScene(history: CharacterHistory, scene: string | number, base: CharacterPlan = history.base): CharacterPlan {
  const i = sceneIndex(history, scene);
  const st = history.state[i];
  const wc = history.wardrobe[i];
  const def = wc.final ? history.costumes.find((c) => c.id === wc.final) : undefined;
  const costume = dressIn(base.costume, def);
  const marks = conditionMarks(costume);
  const injuries = st.injuries.filter((j) => j.stage !== 'healed').map((j) => ({ id: j.id, kind: j.kind, region: j.region, stage: j.stage }));
  // Fresh wounds bleed a little onto the skin and collar.
  const bleeding = injuries.some((j) => j.stage === 'fresh' && ['cut', 'scrape', 'broken-nose', 'burn'].includes(j.kind));
  // Age greys the hair unless <Hair grey> says otherwise (grey={0}: dyed).
  const greyHair = st.grey ?? ageGrey(st.age);
  const appearance: AppearancePlan = {
    injuries,
    greyHair: round(greyHair),
    wrinkles: round(ageWrinkles(st.age)),
    dirt: round(marks.dirt),
    blood: round(Math.max(marks.blood, bleeding ? 0.25 : 0)),
    ...(wc.final ? { costumeId: wc.final } : {}),
  };
  return {
    ...base,
    body: { ...base.body, age: st.age, hairStyle: st.hairStyle, hair: st.hairColor ? rgbToLinear(st.hairColor) : base.body.hair },
    costume,
    appearance,
  };
}

const round = (v: number) => Math.round(v * 1000) / 1000;
