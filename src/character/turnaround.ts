// Turnarounds for the costume bible: a small FilmPlan with one scene per costume — the character
// in that costume's look, standing on a grey cyclorama under a soft three-light setup — and one
// single-frame shot per angle (front, three-quarter, side, back). Any backend renders it; the
// shots' stills are the turnaround images.

import { verticalFovForAspect } from '../plan/lens';
import { toLightPlan } from '../plan/lights';
import { buildPerformances } from '../plan/performance/perform';
import { PLAN_SCHEMA_VERSION, type CameraPlan, type CharacterPlan, type FilmPlan, type ScenePlan, type ShotPlan } from '../plan/schema';
import { rgbToLinear } from '../util/color';
import type { CostumeBible } from './bible';

export const TURNAROUND_ANGLES = [
  { id: 'front', label: 'Front', yaw: 0 },
  { id: 'three-quarter', label: '¾', yaw: 40 },
  { id: 'side', label: 'Side', yaw: 90 },
  { id: 'back', label: 'Back', yaw: 180 },
] as const;

export interface TurnaroundShot {
  /** Bible costume key (`<character>/<costume>`). */
  key: string;
  angle: (typeof TURNAROUND_ANGLES)[number];
  sceneId: string;
  shotId: string;
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** The plan of every turnaround the bible needs, and which shot shows what. */
export function turnaroundPlan(plan: FilmPlan, bible: CostumeBible, opts: { resolution?: [number, number] } = {}): { plan: FilmPlan; shots: TurnaroundShot[] } {
  const resolution = opts.resolution ?? [360, 540];
  const aspect = resolution[0] / resolution[1];
  const fps = { num: 24, den: 1 };
  const scenes: ScenePlan[] = [];
  const shots: TurnaroundShot[] = [];
  const cut: FilmPlan['cut'] = [];
  let frame = 0;
  for (const ch of bible.characters) {
    for (const c of ch.costumes) {
      const fromScene = c.lookScene ? plan.scenes.find((s) => s.id === c.lookScene)?.cast[ch.id] : undefined;
      const base = plan.cast[ch.id] ?? fromScene;
      if (!base) continue;
      // The look as worn on screen; a costume never worn is shown on the character as declared.
      const look: CharacterPlan = fromScene ?? { ...base, costume: c.plan, appearance: undefined };
      const sceneId = `${slug(ch.id)}--${slug(c.id)}`;
      const perf = buildPerformances({ sceneId, cues: [], cast: { [ch.id]: look }, characters: [ch.id], pointOf: () => undefined, seatOf: () => undefined, radiusOf: () => undefined }).performances[ch.id];
      const H = look.body.height;
      const sensor = { name: 'S35', widthMm: 24.89, heightMm: 18.66 };
      const focal = 35;
      // Frame the whole figure with a little air.
      const vfov = (verticalFovForAspect(focal, sensor, aspect) * Math.PI) / 180;
      const dist = (H * 1.18) / 2 / Math.tan(vfov / 2);
      const sceneShots: ShotPlan[] = TURNAROUND_ANGLES.map((a, i) => {
        const r = (a.yaw * Math.PI) / 180;
        const camera: CameraPlan = {
          position: [Math.sin(r) * dist, H * 0.55, Math.cos(r) * dist],
          target: [0, H * 0.5, 0],
          focalLengthMm: focal,
          sensor,
          roll: 0,
          rig: 'tripod',
          shake: 0,
          near: 0.1,
          far: 1000,
          whiteBalanceK: 5600,
          moves: [],
          tracks: [],
        };
        const s: ShotPlan = { id: a.id, key: `${sceneId}/${a.id}`, name: `${ch.name} · ${c.name} · ${a.label}`, subjects: [ch.id], sceneIn: 0, sceneOut: 1 / 24, startFrame: frame, endFrame: frame + 1, frames: 1, camera, lines: [], source: undefined };
        cut.push({ scene: scenes.length, shot: i, startFrame: frame, endFrame: frame + 1 });
        frame += 1;
        shots.push({ key: c.key, angle: a, sceneId, shotId: a.id });
        return s;
      });
      const wb = 5600;
      scenes.push({
        id: sceneId,
        index: scenes.length,
        number: String(scenes.length + 1),
        heading: `TURNAROUND - ${ch.name} - ${c.name}`,
        setting: 'INT',
        location: 'turnaround',
        timeOfDay: 'day',
        duration: 1 / 24,
        startFrame: sceneShots[0].startFrame,
        endFrame: frame,
        sets: [{ id: 'stage', floor: { color: rgbToLinear([0.62, 0.62, 0.6]), material: 'concrete', min: [-30, -30], max: [30, 30] }, ceiling: null, walls: [] }],
        props: [],
        marks: [],
        backdrop: { kind: 'gradient', colors: [rgbToLinear([0.78, 0.78, 0.76]), rgbToLinear([0.6, 0.6, 0.58])], floorColor: rgbToLinear([0.55, 0.55, 0.53]) },
        lights: [
          toLightPlan({ id: 'key', kind: 'spot', role: 'key', position: [1.6, H + 0.9, 2.6], target: [0, H * 0.55, 0], intensity: 1.1, temperatureK: 5200, angle: 40, penumbra: 0.8, castShadow: true }, wb),
          toLightPlan({ id: 'fill', kind: 'hemisphere', role: 'fill', intensity: 0.55, color: [0.92, 0.94, 1] }, wb),
          toLightPlan({ id: 'rim', kind: 'directional', role: 'rim', position: [-2, H + 1.5, -3], target: [0, H * 0.6, 0], intensity: 0.7, temperatureK: 6000, castShadow: false }, wb),
        ],
        characters: [ch.id],
        cast: { [ch.id]: look },
        performances: { [ch.id]: perf },
        lines: [],
        cues: [],
        shots: sceneShots,
        tracks: [],
        source: undefined,
      });
    }
  }
  const out: FilmPlan = {
    schemaVersion: PLAN_SCHEMA_VERSION,
    title: `${bible.title} — turnarounds`,
    fps,
    fpsValue: 24,
    resolution,
    seed: plan.seed,
    outputs: [{ name: 'turnarounds', format: 'h264' }],
    totalFrames: frame,
    duration: frame / 24,
    cast: Object.fromEntries(bible.characters.filter((c) => plan.cast[c.id]).map((c) => [c.id, plan.cast[c.id]])),
    scenes,
    cut,
  };
  return { plan: out, shots };
}
