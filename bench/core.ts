// bench:core — how fast a film becomes a plan, and how fast the plan plays.
//
// 1. Reconcile + validate + plan a generated 1,000-shot film (goal < 1 s on 2 cores). Reference
//    in the same run: the same element tree through a bare react-reconciler whose host config does
//    nothing (React's own cost), so the ratio shows what kino's node model, validation and
//    planning add on top of React.
// 2. evaluateFrame on a scene with 10 characters walking, talking and gesturing (goal ≥ 10,000
//    frames/s). Reference: the camera-only cost of the same frames.

import os from 'node:os';
import type { ReactElement } from 'react';
import { jsxDEV } from '../reconciler/jsx-dev-runtime';
import Reconciler from 'react-reconciler';
import { ConcurrentRoot, DefaultEventPriority } from 'react-reconciler/constants';
import { Character, Film, Gesture, LightRig, Place, Say, Scene, Shot, Walk, Dolly } from '../components';
import { renderToDoc } from '../reconciler';
import { validateDoc } from '../src/doc/validate';
import { buildPlan } from '../src/plan/build';
import { evaluateFrame } from '../src/plan/evaluate';
import { evaluateCamera } from '../src/plan/camera';

const SIZES = ['ECU', 'CU', 'MCU', 'MS', 'MWS', 'WS', 'EWS'];

// Elements go through kino's JSX runtime, as a .tsx film's do, so source capture is measured too.
let line = 0;
function h(type: unknown, props: Record<string, unknown> | null, ...children: unknown[]): ReactElement {
  const { key, ...rest } = props ?? {};
  const p = children.length ? { ...rest, children: children.length === 1 ? children[0] : children } : rest;
  return jsxDEV(type, p, key, children.length > 1, { fileName: '/bench/film.tsx', lineNumber: ++line, columnNumber: 1 }) as unknown as ReactElement;
}

function bigFilm(shots: number, perScene: number): ReactElement {
  const scenes: ReactElement[] = [];
  const cast = ['ana', 'ben', 'cat', 'dev'];
  for (let s = 0; s * perScene < shots; s++) {
    const kids: ReactElement[] = [h(LightRig, { key: 'rig', preset: 'three-point', subject: 'ana' })];
    cast.forEach((id, i) => kids.push(h(Place, { key: `p${id}`, who: id, position: [i * 1.3 - 2, 0, (s % 3) * 0.5] })));
    for (let l = 0; l < 6; l++) kids.push(h(Say, { key: `l${l}`, who: cast[l % 4] }, `Line ${l} of scene ${s}, with a few more words to say.`));
    for (let k = 0; k < perScene && s * perScene + k < shots; k++) {
      kids.push(h(Shot, { key: `sh${k}`, size: SIZES[k % 7] as 'CU', subject: cast[k % 4], duration: '2s' }, k % 3 === 0 ? h(Dolly, { distance: 0.4 }) : null));
    }
    scenes.push(h(Scene, { key: s, id: `s${s}`, heading: `INT. ROOM ${s} - DAY` }, ...kids));
  }
  return h(Film, { title: 'Big', fps: 24 }, ...cast.map((id) => h(Character, { key: id, id })), ...scenes);
}

// A reconciler that keeps nothing: React's own reconciliation cost for the same tree.
const noop = () => {};
const bare = Reconciler({
  supportsMutation: true, supportsPersistence: false, supportsHydration: false, isPrimaryRenderer: false, warnsIfNotActing: false,
  noTimeout: -1, scheduleTimeout: setTimeout, cancelTimeout: clearTimeout, supportsMicrotasks: true, scheduleMicrotask: queueMicrotask,
  NotPendingTransition: null, HostTransitionContext: { $$typeof: Symbol.for('react.context'), _currentValue: null } as never,
  createInstance: () => ({}), createTextInstance: () => ({}), appendInitialChild: noop, finalizeInitialChildren: () => false, shouldSetTextContent: (t: string) => t === 'say',
  getRootHostContext: () => ({}), getChildHostContext: (p: object) => p, getPublicInstance: (i: object) => i, appendChild: noop, appendChildToContainer: noop,
  insertBefore: noop, insertInContainerBefore: noop, removeChild: noop, removeChildFromContainer: noop, clearContainer: noop, commitUpdate: noop, commitTextUpdate: noop,
  commitMount: noop, resetTextContent: noop, hideInstance: noop, unhideInstance: noop, hideTextInstance: noop, unhideTextInstance: noop, detachDeletedInstance: noop,
  prepareForCommit: () => null, resetAfterCommit: noop, preparePortalMount: noop, setCurrentUpdatePriority: noop, getCurrentUpdatePriority: () => DefaultEventPriority,
  resolveUpdatePriority: () => DefaultEventPriority, resolveEventType: () => null, resolveEventTimeStamp: () => -1.1, trackSchedulerEvent: noop, requestPostPaintCallback: noop,
  resetFormInstance: noop, shouldAttemptEagerTransition: () => false, maySuspendCommit: () => false, maySuspendCommitOnUpdate: () => false, maySuspendCommitInSyncRender: () => false,
  preloadInstance: () => true, startSuspendingCommit: noop, suspendInstance: noop, waitForCommitToBeReady: () => null, getSuspendedCommitReason: () => null,
  suspendOnActiveViewTransition: noop, getInstanceFromNode: () => null, getInstanceFromScope: () => null, beforeActiveInstanceBlur: noop, afterActiveInstanceBlur: noop, prepareScopeUpdate: noop,
} as never);

function bareRender(el: ReactElement): void {
  const root = bare.createContainer({}, ConcurrentRoot, null, false, null, '', noop, noop, noop, noop, null);
  bare.updateContainerSync(el, root, null, null);
  bare.flushSyncWork();
  bare.updateContainerSync(null, root, null, null);
  bare.flushSyncWork();
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeIt(fn: () => void, runs: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return out;
}

export function runCoreBench(): Record<string, number> {
  const results: Record<string, number> = {};
  const el = bigFilm(1000, 20);
  // Warm up both paths (JIT, module init).
  bareRender(bigFilm(40, 20));
  renderToDoc(bigFilm(40, 20));

  const ref = median(timeIt(() => bareRender(el), 5));
  let stages = { reconcile: 0, validate: 0, plan: 0 };
  const totals = timeIt(() => {
    const t0 = performance.now();
    const r = renderToDoc(el);
    const t1 = performance.now();
    const v = validateDoc(r.doc);
    const t2 = performance.now();
    const p = buildPlan(v.root!, { checkFiles: false });
    const t3 = performance.now();
    if (!p.plan || p.plan.scenes.reduce((n, s) => n + s.shots.length, 0) !== 1000) throw new Error('bench film did not plan to 1000 shots');
    stages = { reconcile: t1 - t0, validate: t2 - t1, plan: t3 - t2 };
  }, 5);
  const total = median(totals);
  results.film1000_total_ms = total;
  results.film1000_reconcile_ms = stages.reconcile;
  results.film1000_validate_ms = stages.validate;
  results.film1000_plan_ms = stages.plan;
  results.bare_react_ms = ref;
  console.log(`1,000-shot film → plan: ${total.toFixed(0)} ms median of 5 (reconcile ${stages.reconcile.toFixed(0)}, validate ${stages.validate.toFixed(0)}, plan ${stages.plan.toFixed(0)} ms)`);
  console.log(`  reference, bare react-reconciler on the same tree: ${ref.toFixed(0)} ms → kino total = ${(total / ref).toFixed(2)}× React alone; goal < 1000 ms: ${total < 1000 ? 'met' : 'MISSED'} (${(total / 1000).toFixed(2)} of budget)`);

  // evaluateFrame with 10 characters.
  const ten = Array.from({ length: 10 }, (_, i) => `c${i}`);
  const scene = h(
    Scene,
    { id: 'crowd' },
    h(LightRig, { preset: 'three-point', subject: 'c0' }),
    ...ten.map((id, i) => h(Place, { key: `p${i}`, who: id, position: [(i % 5) * 1.4 - 3, 0, Math.floor(i / 5) * 2 - 1] })),
    ...ten.map((id, i) => h(Walk, { key: `w${i}`, who: id, to: [(i % 5) * 1.4 - 2, 0, Math.floor(i / 5) * 2 + 1], at: `${i * 0.3}s` })),
    ...ten.map((id, i) => h(Say, { key: `s${i}`, who: id }, `I am character number ${i} and I have something to say.`)),
    ...ten.map((id, i) => h(Gesture, { key: `g${i}`, who: id, kind: 'wave', at: `with:line${i + 1}` })),
    h(Shot, { size: 'WS', subject: ten }),
  );
  const film = h(Film, { title: 'Crowd', fps: 24 }, ...ten.map((id) => h(Character, { key: id, id })), scene);
  const v = validateDoc(renderToDoc(film).doc);
  const plan = buildPlan(v.root!, { checkFiles: false }).plan!;
  const N = plan.totalFrames;
  for (let f = 0; f < N; f++) evaluateFrame(plan, f);
  const evalRuns = timeIt(() => {
    for (let f = 0; f < N; f++) evaluateFrame(plan, f);
  }, 7);
  const perFrame = median(evalRuns) / N;
  const fps = 1000 / perFrame;
  const shot = plan.scenes[0].shots[0];
  const camRuns = timeIt(() => {
    for (let f = 0; f < N; f++) evaluateCamera(shot.camera, f / 24, { aimOf: () => [0, 1.6, 0] }, 16 / 9, shot.key);
  }, 7);
  const camFps = 1000 / (median(camRuns) / N);
  results.evaluate_fps_10chars = fps;
  results.evaluate_us_per_character = (perFrame * 1000) / 10;
  results.camera_only_fps = camFps;
  console.log(`evaluateFrame, 10 characters walking/talking/gesturing: ${fps.toFixed(0)} frames/s (${(perFrame * 1000).toFixed(1)} µs/frame, ${((perFrame * 1000) / 10).toFixed(1)} µs per character), over ${N} frames × 7 runs`);
  console.log(`  reference, camera alone: ${camFps.toFixed(0)} frames/s → a full frame costs ${(camFps / fps).toFixed(1)}× the camera; goal ≥ 10,000 frames/s: ${fps >= 10000 ? 'met' : 'MISSED'} (${(fps / 10000).toFixed(2)}× goal)`);
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(`bench:core on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, NODE_ENV=${process.env.NODE_ENV ?? '(unset: React development build)'}`);
  runCoreBench();
}
