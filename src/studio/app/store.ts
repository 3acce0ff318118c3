// The studio page's state. The film (plan) arrives from the server; everything the user chose —
// playhead, selected shot, orbit view, quality — lives here and survives film reloads untouched
// (a reload only swaps `plan`). It is also mirrored to sessionStorage so a full page reload (or a
// Fast Refresh of the studio's own code that cannot be applied in place) restores it.

import { useSyncExternalStore } from 'react';
import type { KinoIssue } from '../../doc/errors';
import type { FilmPlan } from '../../plan/schema';
import type { BuildMessage, RenderMessage, RenderRequest } from '../protocol';

export type V3 = [number, number, number];
export type ProfileName = 'draft' | 'preview' | 'final';

export interface RenderState {
  id?: number;
  running: boolean;
  request?: RenderRequest;
  out?: string;
  /** Shot being rendered and its progress. */
  current?: { key: string; index: number; of: number; done: number; frames: number; fps: number; eta: number };
  log: string[];
  files: Array<{ path: string; kind: string; shot?: string }>;
  issues: KinoIssue[];
  finished?: { seconds: number; rendered: string[]; cached: string[] };
}

export interface StudioState {
  connected: boolean;
  build: BuildMessage | null;
  plan: FilmPlan | null;
  /** Edit frame under the playhead (integer). */
  frame: number;
  playing: boolean;
  /** Selected shot key ("scene/shot"). */
  selected: string | null;
  orbit: { position: V3; target: V3 } | null;
  profile: ProfileName;
  guides: boolean;
  /** Time from a file change on the server to the picture on screen, last update (ms). */
  lastUpdateMs?: number;
  render: RenderState;
}

type Persisted = Pick<StudioState, 'frame' | 'selected' | 'orbit' | 'profile' | 'guides'>;

const initialProfile = (): ProfileName => {
  const q = new URLSearchParams(location.search).get('profile');
  return q === 'draft' || q === 'final' || q === 'preview' ? q : 'preview';
};

let state: StudioState = {
  connected: false,
  build: null,
  plan: null,
  frame: 0,
  playing: false,
  selected: null,
  orbit: null,
  profile: initialProfile(),
  guides: false,
  render: { running: false, log: [], files: [], issues: [] },
};
const listeners = new Set<() => void>();
let storageKey: string | undefined;

export function getState(): StudioState {
  return state;
}

export function setState(patch: Partial<StudioState> | ((s: StudioState) => Partial<StudioState>)): void {
  const p = typeof patch === 'function' ? patch(state) : patch;
  state = { ...state, ...p };
  for (const l of listeners) l();
  persistSoon();
}

export function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function useStudio<T>(select: (s: StudioState) => T): T {
  return useSyncExternalStore(subscribe, () => select(state));
}

let persistTimer: number | undefined;
function persistSoon(): void {
  if (!storageKey || persistTimer !== undefined) return;
  persistTimer = window.setTimeout(() => {
    persistTimer = undefined;
    const p: Persisted = { frame: state.frame, selected: state.selected, orbit: state.orbit, profile: state.profile, guides: state.guides };
    try {
      sessionStorage.setItem(storageKey!, JSON.stringify(p));
    } catch {
      /* storage full or disabled: the in-memory state still holds */
    }
  }, 150);
}

function restore(key: string): Partial<Persisted> {
  try {
    const raw = sessionStorage.getItem(key);
    return raw ? (JSON.parse(raw) as Partial<Persisted>) : {};
  } catch {
    return {};
  }
}

/** Shot keys of a plan, in cut order. */
export function shotKeys(plan: FilmPlan): string[] {
  return plan.cut.map((c) => plan.scenes[c.scene].shots[c.shot].key);
}

/** A build arrived: swap the film, keep the user's place (clamped to the new length). */
export function applyBuild(m: BuildMessage): void {
  const first = !storageKey;
  if (first) storageKey = `kino-studio:${m.file}`;
  setState((s) => {
    const saved = first ? restore(storageKey!) : {};
    const plan = m.plan && m.planHash === s.build?.planHash && s.plan ? s.plan : m.plan;
    const frame = saved.frame ?? s.frame;
    const max = plan ? Math.max(0, plan.totalFrames - 1) : frame;
    const selected = saved.selected !== undefined ? saved.selected : s.selected;
    return {
      build: m,
      plan,
      frame: Math.min(Math.max(0, Math.round(frame)), max),
      // A selection whose shot vanished (renamed, being edited) is kept: it comes back with the shot.
      selected,
      orbit: saved.orbit ?? s.orbit,
      profile: saved.profile ?? s.profile,
      guides: saved.guides ?? s.guides,
    };
  });
}

export function applyRender(m: RenderMessage): void {
  setState((s) => {
    const r = { ...s.render };
    switch (m.type) {
      case 'busy':
        r.log = [...r.log, 'A render is already running.'];
        break;
      case 'started':
        return { render: { id: m.id, running: true, request: m.request, out: m.out, log: [`Rendering to ${m.out}`], files: [], issues: [] } };
      case 'event': {
        if (m.id !== r.id) return {};
        const e = m.event;
        if (e.type === 'start') r.log = [...r.log, `${e.toRender} of ${e.shots} shots to render (${e.frames} frames at ${e.size[0]}×${e.size[1]})`];
        if (e.type === 'shot-start') r.current = { key: e.key, index: e.index, of: e.of, done: 0, frames: e.frames, fps: 0, eta: 0 };
        if (e.type === 'progress' && r.current) r.current = { ...r.current, done: e.done, frames: e.frames, fps: e.fps, eta: e.etaTotal };
        if (e.type === 'shot-done') {
          r.log = [...r.log, `${e.key}: ${e.cached ? 'unchanged, reused' : `${e.frames} frames in ${e.seconds.toFixed(1)} s`}`];
          if (r.current) r.current = { ...r.current, done: r.current.frames };
        }
        if (e.type === 'retry') r.log = [...r.log, `${e.key}: retrying (${e.reason})`];
        if (e.type === 'conform') r.log = [...r.log, `Conforming ${e.output}`];
        break;
      }
      case 'done':
        if (m.id !== r.id) return {};
        r.running = false;
        r.files = m.files;
        r.finished = { seconds: m.seconds, rendered: m.rendered, cached: m.cached };
        r.log = [...r.log, `Done in ${m.seconds.toFixed(1)} s`];
        break;
      case 'failed':
        r.running = false;
        r.issues = m.issues;
        r.log = [...r.log, `Failed: ${m.issues[0]?.message ?? 'unknown error'}`];
        break;
    }
    return { render: r };
  });
}

// Holds page-wide state: when it (or a module it imports) changes, reload the page rather than
// patch it in place (the user's place comes back from sessionStorage). Components, by contrast,
// update in place through Fast Refresh.
import.meta.hot?.accept(() => location.reload());
