// Department resolvers: how the art, wardrobe, sound and style departments take part in planning
// without the plan layer importing them. The pipeline passes a list of resolvers to buildPlan;
// each gets hooks at fixed points and writes into the plan under its own `ext` key (or into the
// per-scene cast, sets, props and lights it is given).
//
// Hook order per scene: beforeTiming (sets, rooms, locations, wardrobe: what exists and how it
// looks) → timing, performances, shots (core) → afterShots (sound cues, styles: what is derived
// from the performance and the cut). After every scene: film (cross-scene checks, reports).

import type { KinoIssue } from '../doc/errors';
import type { ValidNode } from '../doc/validate';
import type { CharacterPlan, FilmPlan, LightPlan, LinePlan, PropPlan, ScenePlan, SetPlan, ShotPlan } from './schema';

export interface SceneResolveContext {
  film: ValidNode;
  scene: ValidNode;
  sceneIndex: number;
  sceneId: string;
  fps: number;
  aspect: number;
  setting: 'INT' | 'EXT' | 'INT/EXT';
  location: string;
  timeOfDay: string;
  storyDay?: number;
  /** The cast as they look in this scene; a resolver may replace entries (wardrobe, state). */
  cast: Record<string, CharacterPlan>;
  sets: SetPlan[];
  props: PropPlan[];
  lights: LightPlan[];
  backdrop: ScenePlan['backdrop'];
  marks: Map<string, { position: [number, number, number]; facing?: number }>;
  /** Wrapper chain (outermost first) around this scene: <Retro>, <Grade>, <Style>… */
  wrappers: ValidNode[];
  /** Scene-level extension data, saved as ScenePlan.ext. */
  ext: Record<string, unknown>;
  issues: KinoIssue[];
}

export interface SceneShotsContext extends SceneResolveContext {
  plan: ScenePlan;
  lines: LinePlan[];
  shots: ShotPlan[];
  /** Wrapper chain around each shot (by shot key), outermost first, scene wrappers included. */
  shotWrappers: Map<string, ValidNode[]>;
}

export interface Resolver {
  name: string;
  /** Node types this department owns (for the "handled" check). */
  nodes?: readonly string[];
  beforeTiming?(ctx: SceneResolveContext): void;
  afterShots?(ctx: SceneShotsContext): void;
  film?(plan: FilmPlan, root: ValidNode, issues: KinoIssue[]): void;
}
