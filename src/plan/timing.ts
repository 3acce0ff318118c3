// The timing pass: when each cue of a scene's performance starts and how long it lasts.
//
// Default: cues play one after another in the order written (a screenplay's rhythm). `at` moves
// a cue to an absolute scene time ("2s") or anchors it to another cue ("after:l1+0.5s",
// "with:l1", "end:l1"). Durations come from the cue itself: a line's length from its words (or
// from the synthesised audio when the sound department has rendered it), a walk's from distance
// and pace, a turn's from its angle. Anchors form a graph; a cycle is reported with its chain.

import { issue, type KinoIssue } from '../doc/errors';
import type { Anchor, TimeValue } from '../doc/values';
import { timeToSeconds } from '../doc/values';
import type { ValidNode } from '../doc/validate';
import { sayText } from '../doc/schema';
import { suggest } from '../doc/validate';
import { angleDiff, dirYaw, dist2, sub, type V3 } from './math';
import { PACE_SPEED } from './performance/gait';

export const BLOCKING = new Set(['place', 'walk', 'turn', 'lookat', 'sit', 'stand', 'gesture', 'say']);

export interface Cue {
  id: string;
  type: string;
  who: string;
  node: ValidNode;
  props: Record<string, unknown>;
  index: number;
  anchor?: Anchor;
  duration: number;
  t0: number;
  t1: number;
}

export const GESTURE_SECONDS: Record<string, number> = {
  wave: 1.8, point: 1.4, shrug: 1.1, nod: 1.0, 'shake-head': 1.2, 'hands-on-hips': 1.8, 'cross-arms': 2.0, reach: 1.3, beckon: 1.8, clap: 1.4, facepalm: 1.8, think: 2.2,
};

/** Speaking rate assumptions for estimated lines (when no audio is rendered yet). */
export const SPEECH = {
  /** Words per minute of conversational film dialogue. */
  wpm: 160,
  minSeconds: 0.7,
  /** Extra pause after a comma/dash and after a sentence end, seconds. */
  commaPause: 0.18,
  sentencePause: 0.32,
};

export function estimateLineSeconds(text: string, rateWpm = SPEECH.wpm, volume = 'normal'): number {
  const words = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  const commas = (text.match(/[,;:\u2014\u2013]|--/g) ?? []).length;
  const stops = (text.match(/[.!?\u2026]+(\s|$)/g) ?? []).length;
  const slow = volume === 'whisper' ? 1.15 : volume === 'shout' ? 0.92 : 1;
  const base = (words / (rateWpm / 60)) * slow + commas * SPEECH.commaPause + Math.max(0, stops - 1) * SPEECH.sentencePause;
  return Math.max(SPEECH.minSeconds, base);
}

export interface SceneTimingInput {
  sceneId: string;
  cues: ValidNode[];
  fps: number;
  /** Default start of the first cue (the scene's head), seconds. */
  head: number;
  /** Where marks, props and characters are, for walk lengths. */
  resolveSpot: (spot: unknown, who: string, state: Map<string, { pos: V3; yaw: number }>) => V3 | undefined;
  /** Real line durations (seconds) from rendered dialogue audio, by line id. */
  lineDurations?: Record<string, number>;
  /** Speaking rate per character, words per minute. */
  rateOf?: (who: string) => number | undefined;
  /** Where someone stands before sitting on a prop (so walking to the chair is part of the sit). */
  seatStanceOf?: (id: string) => V3 | undefined;
}

export interface SceneTiming {
  cues: Cue[];
  end: number;
  issues: KinoIssue[];
}

function seconds(t: TimeValue | undefined, fps: number, fallback: number): number {
  return t ? timeToSeconds(t, fps) : fallback;
}

export function timeScene(input: SceneTimingInput): SceneTiming {
  const { fps } = input;
  const issues: KinoIssue[] = [];
  const cues: Cue[] = [];
  const counters = new Map<string, number>();
  for (const node of input.cues) {
    const p = node.props as Record<string, unknown>;
    const who = String(p.who ?? '');
    const n = (counters.get(node.type) ?? 0) + 1;
    counters.set(node.type, n);
    const id = typeof p.id === 'string' ? p.id : node.type === 'say' ? `line${n}` : `${node.type}${n}`;
    cues.push({ id, type: node.type, who, node, props: p, index: cues.length, anchor: p.at as Anchor | undefined, duration: 0, t0: 0, t1: 0 });
  }

  // Phase A: durations, simulating each character's position in written order.
  const state = new Map<string, { pos: V3; yaw: number }>();
  for (const c of cues) {
    const p = c.props;
    const explicit = p.duration as TimeValue | undefined;
    const st = state.get(c.who);
    switch (c.type) {
      case 'place': {
        const pos = input.resolveSpot(p.position, c.who, state);
        if (pos) state.set(c.who, { pos, yaw: typeof p.facing === 'number' ? p.facing : st?.yaw ?? 0 });
        c.duration = 0;
        break;
      }
      case 'walk': {
        const from = st?.pos ?? [0, 0, 0];
        const pts: V3[] = [from];
        for (const s of (p.path as unknown[] | undefined) ?? []) {
          const q = input.resolveSpot(s, c.who, state);
          if (q) pts.push(q);
        }
        if (p.to !== undefined) {
          const q = input.resolveSpot(p.to, c.who, state);
          if (q) pts.push(q);
        }
        let length = 0;
        for (let i = 1; i < pts.length; i++) length += dist2(pts[i - 1], pts[i]);
        const shortBy = typeof p.stopShort === 'number' ? p.stopShort : 0;
        length = Math.max(0, length - shortBy);
        const speed = (p.speed as number | undefined) ?? PACE_SPEED[(p.pace as string) ?? 'walk'] ?? PACE_SPEED.walk;
        c.duration = explicit ? timeToSeconds(explicit, fps) : length < 0.05 ? 0 : length / speed + Math.min(0.45, length / speed / 2);
        const end = pts[pts.length - 1];
        const last = pts.length > 1 ? pts[pts.length - 2] : from;
        state.set(c.who, { pos: end, yaw: length > 0.05 ? dirYaw(sub(end, last)) : st?.yaw ?? 0 });
        break;
      }
      case 'turn': {
        const from = st?.yaw ?? 0;
        let to = typeof p.to === 'number' ? p.to : from;
        if (p.toward !== undefined && st) {
          const q = input.resolveSpot(p.toward, c.who, state);
          if (q) to = dirYaw(sub(q, st.pos));
        }
        c.duration = seconds(explicit, fps, Math.max(0.45, Math.abs(angleDiff(from, to)) / 170));
        if (st) state.set(c.who, { pos: st.pos, yaw: to });
        break;
      }
      case 'lookat':
        c.duration = seconds(explicit, fps, 0.35);
        break;
      case 'sit': {
        let walkTo = 0;
        const stance = typeof p.on === 'string' ? input.seatStanceOf?.(p.on) : undefined;
        if (stance && st) {
          const d = dist2(stance, st.pos);
          if (d > 0.25) walkTo = d / PACE_SPEED.walk + 0.45;
          state.set(c.who, { pos: stance, yaw: st.yaw });
        }
        c.duration = seconds(explicit, fps, 1.3 + walkTo);
        break;
      }
      case 'stand':
        c.duration = seconds(explicit, fps, 1.1);
        break;
      case 'gesture':
        c.duration = seconds(explicit, fps, GESTURE_SECONDS[p.kind as string] ?? 1.5);
        break;
      case 'say': {
        const text = sayText(p as { children?: unknown; text?: string });
        const real = input.lineDurations?.[`${input.sceneId}/${c.id}`] ?? input.lineDurations?.[c.id];
        c.duration = explicit ? timeToSeconds(explicit, fps) : real ?? estimateLineSeconds(text, input.rateOf?.(c.who), p.volume as string | undefined);
        break;
      }
    }
  }

  // Phase B: start times. Depth-first over the anchor graph; a grey node met again is a cycle.
  const byId = new Map<string, Cue>();
  for (const c of cues) if (!byId.has(c.id)) byId.set(c.id, c);
  // A cue anchored to a later cue ("with:l3" written before l3) is an overlay on that cue, not a
  // step in the main sequence: the next default cue follows whatever came before it.
  const position = new Map(cues.map((c) => [c.id, c.index] as const));
  const forward = (c: Cue) => !!c.anchor && c.anchor.kind !== 'time' && (position.get(c.anchor.ref) ?? -1) > c.index;
  const mainPrev: Array<Cue | undefined> = [];
  let lastMain: Cue | undefined;
  for (const c of cues) {
    mainPrev.push(lastMain);
    if (!forward(c)) lastMain = c;
  }
  const stateOf = new Map<Cue, 'grey' | 'done'>();
  const failed = new Set<Cue>();
  const resolve = (c: Cue, chain: Cue[]): boolean => {
    const s = stateOf.get(c);
    if (s === 'done') return !failed.has(c);
    if (s === 'grey') {
      const start = chain.indexOf(c);
      const loop = [...chain.slice(start), c].map((x) => x.id).join(' → ');
      issues.push(
        issue('timing/cycle', `Cue timing is circular: ${loop}.`, {
          location: c.node.source,
          componentPath: c.node.path,
          hint: 'Anchor one of these cues to a time ("2s") or to a cue outside the loop.',
        }),
      );
      for (const x of chain.slice(start)) failed.add(x);
      return false;
    }
    stateOf.set(c, 'grey');
    let t0 = input.head;
    let ok = true;
    const a = c.anchor;
    if (a && a.kind === 'time') t0 = timeToSeconds(a.time, fps);
    else if (a) {
      const ref = byId.get(a.ref);
      if (!ref) {
        const s2 = suggest(a.ref, [...byId.keys()]);
        issues.push(
          issue('timing/unknown-anchor', `<${c.node.path.split(' > ').pop()}> is anchored to "${a.ref}", which is not a cue in scene "${input.sceneId}".`, {
            location: c.node.source,
            componentPath: c.node.path,
            prop: 'at',
            hint: s2 ? `Did you mean "${s2}"?` : `Cue ids here: ${[...byId.keys()].slice(0, 12).join(', ')}.`,
          }),
        );
        ok = false;
      } else if (resolve(ref, [...chain, c])) {
        const off = timeToSeconds(a.offset, fps);
        t0 = a.kind === 'after' ? ref.t1 + off : a.kind === 'with' ? ref.t0 + off : ref.t1 + off - c.duration;
      } else ok = false;
    } else {
      const prev = mainPrev[c.index];
      if (prev) {
        if (resolve(prev, [...chain, c])) t0 = prev.t1;
        else ok = false;
      }
    }
    if (t0 < 0) {
      issues.push(issue('timing/negative', `Cue "${c.id}" would start ${(-t0).toFixed(2)} s before the scene starts.`, { location: c.node.source, componentPath: c.node.path, prop: 'at' }));
      t0 = 0;
    }
    c.t0 = t0;
    c.t1 = t0 + c.duration;
    stateOf.set(c, 'done');
    if (!ok) failed.add(c);
    return ok;
  };
  for (const c of cues) resolve(c, []);

  const end = cues.reduce((m, c) => Math.max(m, c.t1), 0);
  return { cues, end, issues };
}
