// Drawing and playback, outside React: one requestAnimationFrame-coalesced draw per change of
// film, playhead, quality or size. The camera view draws first (it poses the worlds for the
// instant), then the orbit view is told to redraw the same instant with its gizmos.

import type { FrameState, FrameView } from '../../plan/evaluate';
import type { FilmPlan } from '../../plan/schema';
import { renderStill, type CameraRenderer } from './camera-renderer';
import { getState, setState, subscribe, type StudioState } from './store';
import { worlds } from './worlds';

export interface Published {
  plan: FilmPlan;
  state: FrameState;
  /** The view of the shot under the playhead (during a dissolve, one of two). */
  current: FrameView;
}

let camera: CameraRenderer | undefined;
let scheduled = false;
let readyPlan: FilmPlan | null = null;
let readyProfile: StudioState['profile'] | undefined;
let syncing: Promise<void> | undefined;
let pendingChangedAt = 0;
let published: Published | undefined;
let drawnBuild = 0;

/** The build whose film is in the camera view now (0 before the first picture). */
export function drawnVersion(): number {
  return drawnBuild;
}
const drawListeners = new Set<(p: Published) => void>();

export function attachCamera(r: CameraRenderer | undefined): void {
  camera = r;
  requestDraw();
}

export function onDrawn(l: (p: Published) => void): () => void {
  drawListeners.add(l);
  if (published) l(published);
  return () => drawListeners.delete(l);
}

export function lastPublished(): Published | undefined {
  return published;
}

export function requestDraw(): void {
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(() => {
    scheduled = false;
    draw();
  });
}

/** Index into plan.cut of the shot that owns an edit frame. */
export function cutIndexAt(plan: FilmPlan, frame: number): number {
  let lo = 0;
  let hi = plan.cut.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (plan.cut[mid].startFrame <= frame) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function shotKeyAt(plan: FilmPlan, frame: number): string {
  const c = plan.cut[cutIndexAt(plan, frame)];
  return plan.scenes[c.scene].shots[c.shot].key;
}

function draw(): void {
  const s = getState();
  if (!s.plan || !camera) return;
  if (readyPlan !== s.plan || readyProfile !== s.profile) return void sync();
  if (camera.profileName !== s.profile) camera.setProfile(s.profile);
  const state = camera.draw(s.plan, s.frame, worlds);
  if (!state) return;
  const key = shotKeyAt(s.plan, s.frame);
  const current = state.views.find((v) => v.shotKey === key) ?? state.views[0];
  drawnBuild = s.build?.version ?? 0;
  published = { plan: s.plan, state, current };
  for (const l of drawListeners) l(published);
  if (pendingChangedAt) {
    // Server and page share a clock (both on this machine): save → picture, end to end.
    const ms = Date.now() - pendingChangedAt;
    pendingChangedAt = 0;
    setState({ lastUpdateMs: ms });
  }
}

/** Brings the worlds up to date with the plan (models, rebuilt scenes), then draws. */
function sync(): void {
  if (syncing) return;
  const s = getState();
  const plan = s.plan;
  const profile = s.profile;
  syncing = worlds
    .setPlan(plan, s.build?.models ?? [], profile)
    .then(() => {
      readyPlan = plan;
      readyProfile = profile;
    })
    .catch((e: Error) => {
      console.error('kino studio: could not prepare the scene', e);
      readyPlan = plan;
      readyProfile = profile;
    })
    .finally(() => {
      syncing = undefined;
      requestDraw();
    });
}

// Playback at the film's frame rate, on the wall clock: frames are dropped, never slowed down.
let playStart: { t: number; frame: number } | undefined;
function tick(now: number): void {
  const s = getState();
  if (!s.playing || !s.plan) {
    playStart = undefined;
    return;
  }
  playStart ??= { t: now, frame: s.frame };
  const f = playStart.frame + Math.floor(((now - playStart.t) / 1000) * s.plan.fpsValue);
  const last = s.plan.totalFrames - 1;
  if (f >= last) {
    seek(last);
    setState({ playing: false });
    playStart = undefined;
    return;
  }
  if (f !== s.frame) seek(f);
  requestAnimationFrame(tick);
}

/** Moves the playhead; the selection follows when the playhead crosses into another shot. */
export function seek(frame: number): void {
  const s = getState();
  if (!s.plan) return;
  const f = Math.min(Math.max(0, Math.round(frame)), Math.max(0, s.plan.totalFrames - 1));
  if (f === s.frame) return;
  const before = shotKeyAt(s.plan, s.frame);
  const after = shotKeyAt(s.plan, f);
  setState(before !== after ? { frame: f, selected: after } : { frame: f });
}

/** A PNG still of the frame under the playhead (data: URL); the film's resolution by default. */
export function still(width?: number, height?: number): string | undefined {
  const s = getState();
  if (!s.plan || readyPlan !== s.plan) return undefined;
  const url = renderStill(s.plan, s.frame, worlds, s.profile, width ?? s.plan.resolution[0], height ?? s.plan.resolution[1]);
  // The still posed the worlds for its own frame; pose them back for the views.
  requestDraw();
  return url;
}

export function togglePlay(): void {
  const s = getState();
  if (!s.plan) return;
  if (s.playing) return void setState({ playing: false });
  // Playing from the last frame starts over, as every player does.
  if (s.frame >= s.plan.totalFrames - 1) setState({ frame: 0 });
  setState({ playing: true });
  playStart = undefined;
  requestAnimationFrame(tick);
}

let prev = getState();
subscribe(() => {
  const s = getState();
  if (s.build !== prev.build && s.build?.changedAt) pendingChangedAt = s.build.changedAt;
  if (s.build !== prev.build || s.plan !== prev.plan || s.profile !== prev.profile || s.frame !== prev.frame || s.selected !== prev.selected) requestDraw();
  prev = s;
});

// Holds page-wide state: when it (or a module it imports) changes, reload the page rather than
// patch it in place (the user's place comes back from sessionStorage). Components, by contrast,
// update in place through Fast Refresh.
import.meta.hot?.accept(() => location.reload());
