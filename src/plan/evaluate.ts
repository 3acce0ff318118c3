// evaluateFrame(plan, editFrame) → FrameState: camera, lights, every character's pose and every
// prop's transform at one frame of the edit. Pure, deterministic, and free of React and Node
// APIs: the render page runs this very module (bundled), so Node and the browser agree.

import { hashString } from '../util/random';
import { evaluateCamera, type CameraState } from './camera';
import { searchLast, type V3 } from './math';
import { evaluateCharacter, eyesAt, type CharacterState } from './performance/pose';
import type { FilmPlan, LightPlan, PropPlan, ScenePlan, ShotPlan, TransitionPlan } from './schema';
import { applyTracks } from './tracks';

export type { CameraState } from './camera';
export type { CharacterState } from './performance/pose';

export interface LightState {
  id: string;
  kind: LightPlan['kind'];
  position: V3;
  target: V3;
  color: [number, number, number];
  intensity: number;
  angle: number;
  penumbra: number;
  size: [number, number];
  castShadow: boolean;
  groundColor: [number, number, number];
}

export interface PropState {
  id: string;
  position: V3;
  rotation: V3;
  scale: V3;
  color: [number, number, number];
}

/** One camera's view of one scene at one instant. */
export interface FrameView {
  sceneIndex: number;
  sceneId: string;
  shotIndex: number;
  shotId: string;
  shotKey: string;
  /** Seconds since the scene started (the performance clock). */
  sceneTime: number;
  /** Seconds since the shot's window opened (the camera clock). */
  shotTime: number;
  camera: CameraState;
  lights: LightState[];
  characters: CharacterState[];
  props: PropState[];
}

export interface FrameState {
  /** Edit frame (may be fractional for motion-blur sub-samples). */
  frame: number;
  /** Seconds since the film started (the edit clock). */
  time: number;
  /** One view, or two during a dissolve or wipe (outgoing first, incoming second). */
  views: FrameView[];
  /** Dissolve/wipe progress from the outgoing view (0) to the incoming one (1). */
  mix?: { kind: 'dissolve' | 'wipe'; progress: number; direction: TransitionPlan['direction'] };
  /** Fade toward a colour; amount 1 is solid colour. */
  fade?: { color: [number, number, number]; amount: number };
}

interface Flat {
  scene: number;
  shot: number;
  s: ShotPlan;
}

const flatCache = new WeakMap<FilmPlan, Flat[]>();
function flatShots(plan: FilmPlan): Flat[] {
  let f = flatCache.get(plan);
  if (!f) {
    f = plan.cut.map((c) => ({ scene: c.scene, shot: c.shot, s: plan.scenes[c.scene].shots[c.shot] }));
    flatCache.set(plan, f);
  }
  return f;
}

function propAim(p: PropPlan): V3 {
  return [p.position[0], p.position[1] + p.size[1] * p.scale[1] * 0.5, p.position[2]];
}

export function evaluateView(plan: FilmPlan, sceneIndex: number, shotIndex: number, shotTime: number): FrameView {
  const scene: ScenePlan = plan.scenes[sceneIndex];
  const shot = scene.shots[shotIndex];
  const t = shot.sceneIn + shotTime;
  const aspect = plan.resolution[0] / plan.resolution[1];
  const eyesOf = (id: string): V3 | undefined => {
    const ch = scene.cast[id];
    const pf = scene.performances[id];
    return ch && pf ? eyesAt(ch, pf, t) : undefined;
  };
  const pointOf = (id: string): V3 | undefined => {
    for (const p of scene.props) if (p.id === id) return propAim(p);
    for (const m of scene.marks) if (m.id === id) return m.position;
    return undefined;
  };
  const aimOf = (id: string) => eyesOf(id) ?? pointOf(id);
  const camera = evaluateCamera(shot.camera, shotTime, { aimOf }, aspect, shot.key);

  const characters: CharacterState[] = [];
  for (const id of scene.characters) {
    const ch = scene.cast[id];
    const pf = scene.performances[id];
    if (!ch || !pf) continue;
    characters.push(evaluateCharacter(ch, pf, t, { eyesOf, pointOf, camera: camera.position }, (plan.seed ^ hashString(id)) >>> 0));
  }

  const lights: LightState[] = scene.lights.map((l) => {
    const a = l.tracks.length ? applyTracks(l, l.tracks, l.id, t) : l;
    const b = scene.tracks.length ? applyTracks(a, scene.tracks, l.id, t) : a;
    const target = b.targetSubject ? aimOf(b.targetSubject) ?? b.target : b.target;
    return { id: b.id, kind: b.kind, position: b.position, target, color: b.color, intensity: b.intensity, angle: b.angle, penumbra: b.penumbra, size: b.size, castShadow: b.castShadow, groundColor: b.groundColor };
  });

  const props: PropState[] = scene.props.map((p) => {
    const a = scene.tracks.length ? applyTracks(p, scene.tracks, p.id, t) : p;
    return { id: p.id, position: a.position, rotation: a.rotation, scale: a.scale, color: a.color };
  });

  return { sceneIndex, sceneId: scene.id, shotIndex, shotId: shot.id, shotKey: shot.key, sceneTime: t, shotTime, camera, lights, characters, props };
}

export function evaluateFrame(plan: FilmPlan, editFrame: number): FrameState {
  const flat = flatShots(plan);
  const fps = plan.fpsValue;
  const f = Math.min(Math.max(editFrame, 0), Math.max(0, plan.totalFrames - 1e-6));
  const i = Math.max(0, searchLast(flat, Math.floor(f), (x) => x.s.startFrame));
  const cur = flat[i];
  const s = cur.s;
  const local = (f - s.startFrame) / fps;
  const views = [evaluateView(plan, cur.scene, cur.shot, local)];
  const state: FrameState = { frame: editFrame, time: f / fps, views };

  // Dissolves and wipes straddle the cut: half before it (outgoing shot runs long into its handle),
  // half after it (incoming shot starts early). Fades go through a colour.
  const nxt = flat[i + 1];
  const tin = s.transitionIn;
  const tnext = nxt?.s.transitionIn;
  const prev = flat[i - 1];
  const frameIn = f - s.startFrame;
  const frameOut = s.endFrame - f;
  if (tin && (tin.kind === 'dissolve' || tin.kind === 'wipe') && prev && frameIn < Math.ceil(tin.frames / 2)) {
    const progress = (frameIn + Math.floor(tin.frames / 2) + 0.5) / tin.frames;
    const outgoing = evaluateView(plan, prev.scene, prev.shot, (f - prev.s.startFrame) / fps);
    state.views = [outgoing, views[0]];
    state.mix = { kind: tin.kind, progress: Math.min(1, progress), direction: tin.direction };
  } else if (tnext && (tnext.kind === 'dissolve' || tnext.kind === 'wipe') && frameOut <= Math.floor(tnext.frames / 2)) {
    const progress = (Math.floor(tnext.frames / 2) - frameOut + 0.5) / tnext.frames;
    const incoming = evaluateView(plan, nxt.scene, nxt.shot, (f - nxt.s.startFrame) / fps);
    state.views = [views[0], incoming];
    state.mix = { kind: tnext.kind, progress: Math.max(0, progress), direction: tnext.direction };
  }
  let fade = 0;
  let color: [number, number, number] = [0, 0, 0];
  if (tin && tin.kind === 'fade-in' && frameIn < tin.frames) {
    fade = Math.max(fade, 1 - (frameIn + 0.5) / tin.frames);
    color = tin.color;
  }
  if (tin && tin.kind === 'fade' && frameIn < Math.ceil(tin.frames / 2)) {
    fade = Math.max(fade, 1 - (frameIn + 0.5) / Math.ceil(tin.frames / 2));
    color = tin.color;
  }
  if (tnext && tnext.kind === 'fade' && frameOut <= Math.floor(tnext.frames / 2)) {
    fade = Math.max(fade, 1 - (frameOut - 0.5) / Math.max(1, Math.floor(tnext.frames / 2)));
    color = tnext.color;
  }
  const tout = s.transitionOut;
  if (tout && frameOut <= tout.frames) {
    fade = Math.max(fade, 1 - (frameOut - 0.5) / tout.frames);
    color = tout.color;
  }
  if (fade > 0) state.fade = { color, amount: Math.min(1, fade) };
  return state;
}

const touchedCache = new WeakMap<FilmPlan, Set<string>>();

/**
 * Keys of the shots whose edit frames a dissolve, wipe or fade can reach (their own transitions
 * or the next shot's transition in): only these can look different in the cut than in their clip.
 */
export function shotsTouchedByTransitions(plan: FilmPlan): Set<string> {
  let keys = touchedCache.get(plan);
  if (!keys) {
    const flat = flatShots(plan).map((f) => f.s);
    keys = new Set(flat.filter((s, i) => s.transitionIn || s.transitionOut || flat[i + 1]?.transitionIn).map((s) => s.key));
    touchedCache.set(plan, keys);
  }
  return keys;
}

/** The shot that owns an edit frame. */
export function shotAtFrame(plan: FilmPlan, editFrame: number): { scene: ScenePlan; shot: ShotPlan } {
  const flat = flatShots(plan);
  const i = Math.max(0, searchLast(flat, Math.floor(editFrame), (x) => x.s.startFrame));
  return { scene: plan.scenes[flat[i].scene], shot: flat[i].s };
}

