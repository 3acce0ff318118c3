// From scene time to edit time. A shot shows the window [sceneIn, sceneIn + frames/fps) of its
// scene's performance at edit frames [startFrame, endFrame); coverage never retimes the
// performance, so within a shot, sound and picture share one offset. A diegetic sound (a line,
// a footstep) therefore reaches the edit only where some shot shows its moment, and plays on
// the clock of the shot that shows it — which is what keeps a mouth and its line together
// across coverage that jumps back and forth in scene time.

import type { FilmPlan, ScenePlan, ShotPlan } from '../../plan/schema';

export interface ShotWindow {
  shot: ShotPlan;
  /** Edit seconds the shot occupies. */
  editStart: number;
  editEnd: number;
  /** Scene seconds it shows (frame-rounded: sceneOut = sceneIn + frames/fps). */
  sceneIn: number;
  sceneOut: number;
}

/** One stretch of an event that the cut shows, on the edit clock. */
export interface Piece {
  /** Edit seconds where this stretch plays. */
  editStart: number;
  /** Seconds into the event's own audio where it begins. */
  sourceStart: number;
  duration: number;
  /** True where the cut (not the sound itself) starts or ends the stretch: a de-click fade goes there. */
  cutIn: boolean;
  cutOut: boolean;
  /** Shot showing the start of the stretch. */
  shotKey: string;
}

export function sceneWindows(plan: FilmPlan, scene: ScenePlan): ShotWindow[] {
  const fps = plan.fpsValue;
  return scene.shots.map((shot) => ({ shot, editStart: shot.startFrame / fps, editEnd: shot.endFrame / fps, sceneIn: shot.sceneIn, sceneOut: shot.sceneIn + shot.frames / fps }));
}

/**
 * Where an event of `length` seconds starting at scene time `t0` plays in the edit. Stretches
 * that continue each other across a cut (the next shot picks up where the last left off, give or
 * take frame rounding) are joined into one, so a line spoken over a cut to the reverse angle
 * plays unbroken. The join keeps the first shot's offset, exact where the sound starts; the
 * drift it accumulates against later shots' pictures is held within `tolerance` seconds (one
 * frame) — past that the sound re-syncs to the shot with a new stretch.
 */
export function placeEvent(windows: readonly ShotWindow[], t0: number, length: number, tolerance: number): Piece[] {
  const t1 = t0 + length;
  const raw: Piece[] = [];
  for (const w of windows) {
    const a = Math.max(t0, w.sceneIn);
    const b = Math.min(t1, w.sceneOut);
    if (b - a <= 1e-9) continue;
    raw.push({ editStart: w.editStart + (a - w.sceneIn), sourceStart: a - t0, duration: b - a, cutIn: false, cutOut: false, shotKey: w.shot.key });
  }
  raw.sort((x, y) => x.editStart - y.editStart);
  const out: Piece[] = [];
  let prevEnd = -Infinity; // edit end of the previous shot's stretch (before joining)
  for (const p of raw) {
    const last = out[out.length - 1];
    const editGap = p.editStart - prevEnd;
    prevEnd = p.editStart + p.duration;
    if (last) {
      // Where the joined stretch's audio is when this shot begins, against where the shot's picture is.
      const drift = p.sourceStart - (last.sourceStart + (p.editStart - last.editStart));
      if (Math.abs(editGap) < 1e-6 && Math.abs(drift) <= tolerance) {
        last.duration = Math.min(length - last.sourceStart, p.sourceStart + p.duration - last.sourceStart);
        continue;
      }
    }
    out.push({ ...p });
  }
  for (const p of out) {
    p.cutIn = p.sourceStart > 1e-6;
    p.cutOut = p.sourceStart + p.duration < length - 1e-6;
  }
  return out;
}

/**
 * Edit time for a scene moment that starts a bed (music, ambience): the shot showing it, or
 * else the first shot after it, or else the scene's end.
 */
export function editTimeOf(windows: readonly ShotWindow[], t: number): number {
  for (const w of windows) if (t >= w.sceneIn - 1e-9 && t < w.sceneOut) return w.editStart + (t - w.sceneIn);
  let best: ShotWindow | undefined;
  for (const w of windows) if (w.sceneIn > t && (!best || w.editStart < best.editStart)) best = w;
  return best ? best.editStart : windows.length ? windows[windows.length - 1].editEnd : 0;
}

/** A scene boundary's crossfade: [start, end) edit seconds ([cut, cut] for a hard cut). */
export interface SceneJoin {
  start: number;
  end: number;
}

/**
 * How each scene meets the next: a dissolve, wipe or dip straddles the cut (half before, half
 * after — as the picture does it, see evaluateFrame), a cut does not.
 */
export function sceneJoins(plan: FilmPlan): Array<SceneJoin | undefined> {
  const fps = plan.fpsValue;
  return plan.scenes.map((sc, i) => {
    const next = plan.scenes[i + 1];
    if (!next) return undefined;
    const cut = sc.endFrame / fps;
    const tin = next.shots[0]?.transitionIn;
    if (tin && (tin.kind === 'dissolve' || tin.kind === 'wipe' || tin.kind === 'fade') && tin.frames > 0) return { start: cut - Math.floor(tin.frames / 2) / fps, end: cut + Math.ceil(tin.frames / 2) / fps };
    return { start: cut, end: cut };
  });
}

/** Fades to and from black in the picture (fade-in, fade-out): the soundtrack follows them. */
export function masterFades(plan: FilmPlan): Array<{ startSeconds: number; durationSeconds: number; direction: 'in' | 'out' }> {
  const fps = plan.fpsValue;
  const out: Array<{ startSeconds: number; durationSeconds: number; direction: 'in' | 'out' }> = [];
  for (const sc of plan.scenes) {
    for (const s of sc.shots) {
      if (s.transitionIn?.kind === 'fade-in' && s.transitionIn.frames > 0) out.push({ startSeconds: s.startFrame / fps, durationSeconds: s.transitionIn.frames / fps, direction: 'in' });
      if (s.transitionOut?.kind === 'fade-out' && s.transitionOut.frames > 0) out.push({ startSeconds: (s.endFrame - s.transitionOut.frames) / fps, durationSeconds: s.transitionOut.frames / fps, direction: 'out' });
    }
  }
  return out;
}
