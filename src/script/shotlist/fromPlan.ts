// The shot list of a film: the planned shots of `loadFilm(...).plan`, in cut order. Coverage has
// already been expanded by the plan (masters, OTS, singles, inserts), so this only reads it —
// sizes, lenses and movement from each shot's camera, the lines it covers, its exact length —
// and writes a storyboard prompt from the scene around it.

import { SHOT_SIZES, type ShotSize } from '../../doc/schema/film';
import { evaluateView } from '../../plan/evaluate';
import { SIZE_FRAME } from '../../plan/framing';
import type { FilmPlan, ScenePlan, ShotPlan } from '../../plan/schema';
import { storyboardPrompt } from './prompt';
import { SHOT_LIST_TYPES, setupLetter, type ShotList, type ShotListScene, type ShotListShot } from './schema';
import { MINUTES_PER_SETUP } from './fromScript';

const MOVE_WORDS: Record<string, string> = { dolly: 'dolly', truck: 'truck', pan: 'pan', tilt: 'tilt', orbit: 'orbit', crane: 'crane', zoom: 'zoom', turntable: 'turntable' };

function movement(s: ShotPlan): string {
  const moves = s.camera.moves.map((m) => {
    if (m.kind === 'dolly') return (m.distance ?? 0) >= 0 ? 'dolly in' : 'dolly out';
    if (m.kind === 'crane') return (m.rise ?? 0) >= 0 ? 'crane up' : 'crane down';
    if (m.kind === 'zoom') return 'zoom';
    return MOVE_WORDS[m.kind];
  });
  if (s.camera.tracks.length) moves.push('keyframed');
  const rig = s.camera.rig === 'tripod' ? '' : s.camera.rig;
  const all = [...new Set(moves)];
  if (!all.length) return rig ? `${rig}, static` : 'static';
  return rig ? `${rig}: ${all.join(', ')}` : all.join(', ');
}

/** Size of a shot without a written one: the frame height at the subject over their height. */
function inferSize(plan: FilmPlan, sceneIndex: number, shotIndex: number): ShotSize {
  const scene = plan.scenes[sceneIndex];
  const shot = scene.shots[shotIndex];
  const view = evaluateView(plan, sceneIndex, shotIndex, (shot.sceneOut - shot.sceneIn) / 2);
  const subject = shot.subjects[0] ?? scene.characters[0];
  const ch = view.characters.find((c) => c.id === subject);
  const cam = view.camera;
  if (!ch) return 'WS';
  const d = Math.hypot(ch.position[0] - cam.position[0], ch.position[2] - cam.position[2]);
  const frameH = 2 * d * Math.tan(((cam.fovDeg / 2) * Math.PI) / 180);
  const ratio = frameH / (scene.cast[subject]?.body.height ?? 1.75);
  let best: ShotSize = 'WS';
  let err = Infinity;
  for (const size of SHOT_SIZES) {
    const e = Math.abs(Math.log(ratio / SIZE_FRAME[size]));
    if (e < err) {
      err = e;
      best = size;
    }
  }
  return best;
}

function typeOf(s: ShotPlan, scene: ScenePlan): ShotListShot['type'] {
  if (s.type && (SHOT_LIST_TYPES as readonly string[]).includes(s.type)) return s.type as ShotListShot['type'];
  const people = s.subjects.filter((x) => scene.cast[x]);
  if (s.subjects.length && !people.length) return 'insert';
  if (people.length >= 2) return s.size === 'WS' || s.size === 'EWS' ? 'master' : 'two-shot';
  if (people.length === 1) return 'single';
  return s.size === 'EWS' ? 'establishing' : 'master';
}

/** Lists a film plan's shots. `looks` maps scene ids to the look wrapped around them, when known. */
export function shotListFromPlan(plan: FilmPlan, opts: { file?: string; looks?: Record<string, string> } = {}): ShotList {
  const fps = plan.fpsValue;
  const scenes: ShotListScene[] = plan.scenes.map((scene, si) => {
    const name = (id: string) => scene.cast[id]?.name ?? id;
    const setupOf = new Map<string, number>();
    const coverageChars = new Map<string, string[]>();
    for (const s of scene.shots) if (s.coverage && s.type === 'master') coverageChars.set(s.coverage.id, s.subjects);
    const shots: ShotListShot[] = scene.shots.map((s, i) => {
      // One setup per coverage setup (a master cut back to is the same setup), else per shot.
      const key = s.coverage ? `${s.coverage.id}/${s.coverage.setup}` : s.id;
      if (!setupOf.has(key)) setupOf.set(key, setupOf.size + 1);
      const type = typeOf(s, scene);
      const size = (s.size && (SHOT_SIZES as readonly string[]).includes(s.size) ? s.size : inferSize(plan, si, i)) as ShotSize;
      let over: string | null = null;
      if (type === 'ots') {
        const chars = s.coverage ? coverageChars.get(s.coverage.id) ?? scene.characters : scene.characters;
        const other = chars.find((c) => !s.subjects.includes(c));
        over = other ? name(other) : null;
      }
      const lines = s.lines.map((id) => scene.lines.find((l) => l.id === id)).filter((l): l is NonNullable<typeof l> => !!l);
      const subjects = (s.subjects.length ? s.subjects : scene.characters).map(name);
      const first = lines[0];
      return {
        number: `${scene.number}${setupLetter(i)}`,
        key: s.key,
        type,
        size,
        lensMm: Math.round(s.camera.focalLengthMm * 10) / 10,
        angle: 'eye',
        movement: movement(s),
        subjects,
        over,
        setup: setupOf.get(key)!,
        description: s.name + (s.notes ? ` — ${s.notes}` : ''),
        lines: lines.map((l) => `${name(l.who)}: ${l.text.length > 60 ? l.text.slice(0, 59) + '…' : l.text}`),
        screenSeconds: Math.round((s.frames / fps) * 100) / 100,
        prompt: storyboardPrompt({
          type,
          size,
          lensMm: s.camera.focalLengthMm,
          movement: movement(s),
          subjects,
          over,
          interior: scene.setting === 'INT' ? 'int' : scene.setting === 'EXT' ? 'ext' : 'int/ext',
          location: scene.location.toUpperCase(),
          timeOfDay: scene.timeOfDay,
          line: first ? `${name(first.who)}${first.parenthetical ? ` (${first.parenthetical})` : ''}: "${first.text}"` : undefined,
          mood: scene.mood,
          look: opts.looks?.[scene.id],
        }),
      };
    });
    const screenSeconds = Math.round((shots.reduce((n, s) => n + s.screenSeconds, 0)) * 100) / 100;
    return {
      number: scene.number,
      heading: scene.heading,
      interior: scene.setting === 'INT' ? 'int' : scene.setting === 'EXT' ? 'ext' : 'int/ext',
      location: scene.location,
      timeOfDay: scene.timeOfDay,
      characters: scene.characters.map(name),
      mood: scene.mood ?? 'neutral',
      setups: setupOf.size,
      screenSeconds,
      shootingMinutes: setupOf.size * MINUTES_PER_SETUP,
      shots,
    };
  });
  const setups = scenes.reduce((n, s) => n + s.setups, 0);
  return {
    title: plan.title,
    source: 'film',
    file: opts.file,
    assumptions: [
      'Shots, sizes, lenses, movement and lengths are the film plan\'s (coverage already expanded); screen time is exact.',
      'Shot sizes not written in the film are measured: frame height at the subject over their height.',
      `Setups: one per coverage setup or written shot. Shooting time assumes ${MINUTES_PER_SETUP} minutes per setup.`,
    ],
    totals: {
      scenes: scenes.length,
      shots: scenes.reduce((n, s) => n + s.shots.length, 0),
      setups,
      screenSeconds: Math.round(plan.duration * 100) / 100,
      shootingHours: Math.round((setups * MINUTES_PER_SETUP) / 6) / 10,
    },
    scenes,
  };
}
