// Builds each character's PerformancePlan from the timed cues: root path segments, footfalls,
// turns, posture, gestures, eye-lines and speech, all on scene time. Cues of all characters are
// played in time order against a shared state, so "walk to ana" goes where ana is at that moment.

import { issue, warning, type KinoIssue } from '../../doc/errors';
import { sayText } from '../../doc/schema';
import { hashString } from '../../util/random';
import { add, dirYaw, dist2, norm, scale, sub, yawDir, type V3 } from '../math';
import type { CharacterPlan, LinePlan, PerformancePlan } from '../schema';
import type { Cue } from '../timing';
import { FOREVER, pathLengths, planTurn, planWalk, stanceFoot, type StepPlant } from './gait';
import { bodyDims, type BodyDims } from './skeleton';

export interface Seat {
  seat: V3;
  height: number;
  yaw: number;
}

export interface PerformanceInput {
  sceneId: string;
  cues: Cue[];
  cast: Record<string, CharacterPlan>;
  /** Characters that appear in the scene. */
  characters: string[];
  /** A mark/prop/point → position (characters are resolved here from live state). */
  pointOf: (spot: unknown) => V3 | undefined;
  /** Seat geometry for a prop id (chairs, sofas, benches, stools). */
  seatOf: (id: string) => Seat | undefined;
  /** Footprint radius of a prop, to stop short of it. */
  radiusOf: (id: string) => number | undefined;
  lineEnvelopes?: Record<string, { envelope: number[]; rate: number }>;
}

interface Live {
  pos: V3;
  yaw: number;
  sitting?: Seat;
  plants: Record<'L' | 'R', StepPlant>;
  perf: PerformancePlan;
  dims: BodyDims;
  locked: boolean;
}

/** The conversational distance people stop at when they walk up to someone. */
export const CONVERSATION_DISTANCE = 0.95;
/** How far in front of a seat the feet stand before sitting. */
export const SEAT_STANCE = 0.32;

export function seatStance(seat: Seat): V3 {
  const f = yawDir(seat.yaw);
  return [seat.seat[0] + f[0] * SEAT_STANCE, 0, seat.seat[2] + f[2] * SEAT_STANCE];
}

export function buildPerformances(input: PerformanceInput): { performances: Record<string, PerformancePlan>; lines: LinePlan[]; issues: KinoIssue[] } {
  const issues: KinoIssue[] = [];
  const live = new Map<string, Live>();
  const lines: LinePlan[] = [];
  const sorted = [...input.cues].sort((a, b) => a.t0 - b.t0 || a.index - b.index);

  const spot = (s: unknown, who: string): V3 | undefined => {
    if (typeof s === 'string' && live.has(s) && s !== who) return live.get(s)!.pos;
    return input.pointOf(s);
  };

  // Starting positions: each character's first Place (at whatever time it happens).
  const firstPlace = new Map<string, Cue>();
  for (const c of sorted) if (c.type === 'place' && !firstPlace.has(c.who)) firstPlace.set(c.who, c);
  const placed: Array<[string, V3]> = [];
  for (const id of input.characters) {
    const c = firstPlace.get(id);
    const p = c ? input.pointOf(c.props.position) : undefined;
    if (p) placed.push([id, p]);
  }
  input.characters.forEach((id, i) => {
    const ch = input.cast[id];
    if (!ch) return;
    const dims = bodyDims(ch.body.height, ch.body.build, ch.body.presentation);
    let pos = placed.find(([pid]) => pid === id)?.[1];
    if (!pos) {
      pos = [(i - (input.characters.length - 1) / 2) * 1.2, 0, 0];
      const firstCue = sorted.find((c) => c.who === id);
      issues.push(
        warning('performance/unplaced', `Character "${id}" is never placed in scene "${input.sceneId}"; standing at [${pos.map((v) => v.toFixed(1)).join(', ')}].`, {
          location: firstCue?.node.source,
          hint: `Add <Place who="${id}" position={[x, 0, z]} /> at the top of the scene.`,
        }),
      );
    }
    // Face the others by default: a dialogue scene starts with people facing each other.
    const others = placed.filter(([pid]) => pid !== id).map(([, p]) => p);
    let yaw = 0;
    const fc = firstPlace.get(id);
    if (fc && typeof fc.props.facing === 'number') yaw = fc.props.facing;
    else if (fc && typeof fc.props.facing === 'string') {
      const q = input.pointOf(fc.props.facing) ?? placed.find(([pid]) => pid === fc.props.facing)?.[1];
      if (q) yaw = dirYaw(sub(q, pos));
    } else if (others.length) {
      const c = scale(others.reduce((a, b) => add(a, b), [0, 0, 0] as V3), 1 / others.length);
      if (dist2(c, pos) > 0.05) yaw = dirYaw(sub(c, pos));
    }
    const plants = {
      L: { foot: 'L' as const, land: 0, lift: FOREVER, position: stanceFoot(pos, yaw, 'L', dims), yaw },
      R: { foot: 'R' as const, land: 0, lift: FOREVER, position: stanceFoot(pos, yaw, 'R', dims), yaw },
    };
    const perf: PerformancePlan = {
      character: id,
      root: [{ t0: 0, t1: 0, path: [pos], lengths: [0], ramp: 0 }],
      yaw: [],
      initialYaw: yaw,
      steps: [plants.L, plants.R],
      posture: [],
      gestures: [],
      looks: [],
      speech: [],
    };
    live.set(id, { pos, yaw, plants, perf, dims, locked: false });
  });

  const replant = (L: Live, t: number) => {
    L.plants.L.lift = Math.min(L.plants.L.lift, t);
    L.plants.R.lift = Math.min(L.plants.R.lift, t);
    const nl: StepPlant = { foot: 'L', land: t, lift: FOREVER, position: stanceFoot(L.pos, L.yaw, 'L', L.dims), yaw: L.yaw };
    const nr: StepPlant = { foot: 'R', land: t, lift: FOREVER, position: stanceFoot(L.pos, L.yaw, 'R', L.dims), yaw: L.yaw };
    L.perf.steps.push(nl, nr);
    L.plants = { L: nl, R: nr };
  };

  const walk = (L: Live, path: V3[], t0: number, t1: number, pace: string, c: Cue) => {
    const lengths = pathLengths(path);
    if (lengths[lengths.length - 1] < 0.05 || t1 <= t0) return;
    const wp = planWalk(L.dims, path, t0, t1, L.yaw, pace, L.plants);
    L.perf.root.push({ t0, t1, path, lengths, ramp: wp.profile.ramp, pace, cueId: c.id });
    L.perf.steps.push(...wp.steps);
    const lastL = [...wp.steps].reverse().find((s) => s.foot === 'L');
    const lastR = [...wp.steps].reverse().find((s) => s.foot === 'R');
    if (lastL) L.plants.L = lastL;
    if (lastR) L.plants.R = lastR;
    L.pos = path[path.length - 1];
    L.perf.yaw.push({ t0: t1, t1: t1, from: wp.endYaw, to: wp.endYaw });
    L.yaw = wp.endYaw;
  };

  for (const c of sorted) {
    const L = live.get(c.who);
    if (!L) continue;
    const p = c.props;
    switch (c.type) {
      case 'place': {
        const pos = input.pointOf(p.position);
        if (!pos) break;
        L.pos = pos;
        if (typeof p.facing === 'number') L.yaw = p.facing;
        else if (typeof p.facing === 'string') {
          const q = spot(p.facing, c.who);
          if (q && dist2(q, pos) > 0.01) L.yaw = dirYaw(sub(q, pos));
        }
        if (c.t0 > 0) {
          L.perf.root.push({ t0: c.t0, t1: c.t0, path: [pos], lengths: [0], ramp: 0, cueId: c.id });
          L.perf.yaw.push({ t0: c.t0, t1: c.t0, from: L.yaw, to: L.yaw });
          replant(L, c.t0);
        } else {
          L.perf.root[0] = { t0: 0, t1: 0, path: [pos], lengths: [0], ramp: 0, cueId: c.id };
          L.perf.initialYaw = L.yaw;
        }
        break;
      }
      case 'walk': {
        if (L.sitting) {
          issues.push(warning('performance/walk-seated', `"${c.who}" walks while seated; add <Stand who="${c.who}" /> before the walk.`, { location: c.node.source, componentPath: c.node.path }));
          L.perf.posture.push({ t0: c.t0, t1: c.t0, to: 'stand', seat: L.sitting.seat, seatHeight: L.sitting.height, yaw: L.yaw });
          L.sitting = undefined;
        }
        const pts: V3[] = [L.pos];
        for (const s of (p.path as unknown[] | undefined) ?? []) {
          const q = spot(s, c.who);
          if (q) pts.push([q[0], 0, q[2]]);
        }
        let shortBy = typeof p.stopShort === 'number' ? p.stopShort : 0;
        let faceAtEnd: V3 | undefined;
        if (p.to !== undefined) {
          const q = spot(p.to, c.who);
          if (q) {
            pts.push([q[0], 0, q[2]]);
            if (typeof p.to === 'string' && live.has(p.to) && p.stopShort === undefined) {
              shortBy = CONVERSATION_DISTANCE;
              faceAtEnd = q;
            } else if (typeof p.to === 'string' && p.stopShort === undefined) shortBy = (input.radiusOf(p.to) ?? -0.35) + 0.35;
          }
        }
        if (shortBy > 0 && pts.length > 1) {
          const a = pts[pts.length - 2];
          const b = pts[pts.length - 1];
          const seg = dist2(a, b);
          pts[pts.length - 1] = seg > shortBy ? add(a, scale(norm(sub(b, a)), seg - shortBy)) : a;
        }
        const cleaned = pts.filter((q, i) => i === 0 || dist2(q, pts[i - 1]) > 0.01);
        walk(L, cleaned, c.t0, c.t1, (p.pace as string) ?? 'walk', c);
        if (faceAtEnd) {
          const y = dirYaw(sub(faceAtEnd, L.pos));
          L.perf.yaw.push({ t0: c.t1, t1: c.t1 + 0.4, from: L.yaw, to: y });
          L.perf.steps.push(...planTurn(L.dims, L.pos, L.yaw, y, c.t1, c.t1 + 0.6, L.plants));
          L.yaw = y;
        }
        break;
      }
      case 'turn': {
        let to = typeof p.to === 'number' ? p.to : L.yaw;
        if (p.toward !== undefined) {
          const q = spot(p.toward, c.who);
          if (q && dist2(q, L.pos) > 0.01) to = dirYaw(sub(q, L.pos));
        }
        L.perf.yaw.push({ t0: c.t0, t1: c.t1, from: L.yaw, to });
        const steps = planTurn(L.dims, L.pos, L.yaw, to, c.t0, c.t1, L.plants);
        L.perf.steps.push(...steps);
        for (const s of steps) L.plants[s.foot] = s;
        L.yaw = to;
        break;
      }
      case 'lookat': {
        const target = p.target;
        if (target === null) {
          L.locked = false;
          L.perf.looks.push({ t: c.t0, blend: c.duration, target: null });
        } else if (target === 'camera') {
          L.locked = true;
          L.perf.looks.push({ t: c.t0, blend: c.duration, target: null, subject: 'camera' });
        } else if (typeof target === 'string' && live.has(target)) {
          L.locked = true;
          L.perf.looks.push({ t: c.t0, blend: c.duration, target: null, subject: target });
        } else {
          const q = spot(target, c.who);
          L.locked = true;
          if (q) L.perf.looks.push({ t: c.t0, blend: c.duration, target: q });
        }
        break;
      }
      case 'sit': {
        let seat: Seat | undefined;
        if (typeof p.on === 'string') {
          seat = input.seatOf(p.on);
          if (!seat) {
            const q = input.pointOf(p.on);
            if (q) seat = { seat: q, height: (p.height as number | undefined) ?? 0.46, yaw: L.yaw };
          }
        } else if (Array.isArray(p.on)) seat = { seat: p.on as V3, height: (p.height as number | undefined) ?? 0.46, yaw: L.yaw };
        if (!seat) {
          const back = yawDir(L.yaw + 180);
          seat = { seat: add(L.pos, scale(back, SEAT_STANCE)), height: (p.height as number | undefined) ?? 0.46, yaw: L.yaw };
        }
        if (typeof p.height === 'number') seat = { ...seat, height: p.height };
        const stance = seatStance(seat);
        let t0 = c.t0;
        const far = dist2(stance, L.pos);
        if (far > 0.25) {
          // Walk to the seat first; the sit itself takes the last 1.3 s of the cue.
          const sitTime = Math.min(1.3, (c.t1 - c.t0) * 0.5);
          walk(L, [L.pos, stance], c.t0, c.t1 - sitTime, 'walk', c);
          t0 = c.t1 - sitTime;
        }
        if (Math.abs(((seat.yaw - L.yaw + 540) % 360) - 180) > 5) {
          L.perf.yaw.push({ t0, t1: t0 + 0.4, from: L.yaw, to: seat.yaw });
          L.perf.steps.push(...planTurn(L.dims, L.pos, L.yaw, seat.yaw, t0, t0 + 0.5, L.plants));
          L.yaw = seat.yaw;
        }
        L.perf.posture.push({ t0, t1: c.t1, to: 'sit', seat: seat.seat, seatHeight: seat.height, yaw: seat.yaw });
        L.sitting = seat;
        break;
      }
      case 'stand': {
        if (!L.sitting) {
          issues.push(warning('performance/stand', `"${c.who}" is already standing at ${c.t0.toFixed(2)} s.`, { location: c.node.source, componentPath: c.node.path }));
          break;
        }
        L.perf.posture.push({ t0: c.t0, t1: c.t1, to: 'stand', seat: L.sitting.seat, seatHeight: L.sitting.height, yaw: L.yaw });
        L.sitting = undefined;
        break;
      }
      case 'gesture': {
        const toward = p.toward !== undefined ? spot(p.toward, c.who) : undefined;
        const target = toward && typeof p.toward === 'string' && live.has(p.toward) ? add(toward, [0, 1.3, 0]) : toward;
        L.perf.gestures.push({ t0: c.t0, t1: c.t1, kind: p.kind as string, hand: (p.hand as 'left' | 'right') ?? 'right', toward: target });
        break;
      }
      case 'say': {
        const key = `${input.sceneId}/${c.id}`;
        const env = input.lineEnvelopes?.[key] ?? input.lineEnvelopes?.[c.id];
        const to = (p.to as string | undefined) ?? (input.characters.length === 2 ? input.characters.find((x) => x !== c.who) : undefined);
        L.perf.speech.push({ t0: c.t0, t1: c.t1, lineId: c.id, seed: hashString(key), to, envelope: env?.envelope, envelopeRate: env?.rate });
        lines.push({
          id: c.id,
          who: c.who,
          text: sayText(p as { children?: unknown; text?: string }),
          parenthetical: p.parenthetical as string | undefined,
          to,
          volume: (p.volume as string | undefined) ?? 'normal',
          t0: c.t0,
          t1: c.t1,
          source: c.node.source,
        });
        // Eye-lines: the speaker looks at who they address; the listeners look at the speaker.
        if (to && !L.locked) L.perf.looks.push({ t: c.t0, blend: 0.3, target: null, subject: to });
        for (const [id, other] of live) {
          if (id === c.who || other.locked) continue;
          other.perf.looks.push({ t: Math.max(0, c.t0 - 0.15), blend: 0.35, target: null, subject: c.who });
        }
        break;
      }
    }
  }

  const performances: Record<string, PerformancePlan> = {};
  for (const [id, L] of live) {
    const perf = L.perf;
    perf.root.sort((a, b) => a.t0 - b.t0);
    perf.yaw.sort((a, b) => a.t0 - b.t0);
    perf.steps.sort((a, b) => a.land - b.land);
    perf.posture.sort((a, b) => a.t0 - b.t0);
    perf.gestures.sort((a, b) => a.t0 - b.t0);
    perf.looks.sort((a, b) => a.t - b.t);
    perf.speech.sort((a, b) => a.t0 - b.t0);
    performances[id] = perf;
  }
  for (const c of sorted) {
    if (!live.has(c.who)) {
      issues.push(
        issue('performance/unknown-character', `<${c.node.path.split(' > ').pop()}> refers to "${c.who}", who is not in the cast.`, {
          location: c.node.source,
          componentPath: c.node.path,
          prop: 'who',
          hint: `Declare <Character id="${c.who}" /> in the <Film> (or the scene). Cast: ${Object.keys(input.cast).join(', ') || 'none'}.`,
        }),
      );
    }
  }
  return { performances, lines, issues };
}
