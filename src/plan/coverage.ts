// <CoverageSet>: film one performance from several setups and choose the cut, as an editor would.
//
// Setups: a master (wide two-shot), an over-the-shoulder onto each principal, a matched clean
// single of each, and inserts on props. Every camera stays on one side of the action line through
// the two principals (the 180° rule), chosen by `side` and fixed at the start of the coverage.
//
// The cut: open on the master; give each speaker their OTS on their first line and their single
// on longer lines; cut to the listener for a reaction inside long speeches; go wide while anyone
// walks; close on the master. Cuts fall just before a line starts. Segments shorter than the
// minimum are absorbed, and a cut between two setups on the same subject must change angle by
// ≥ 30° or size by ≥ 2 steps (else it is a jump cut and is absorbed too).

import type { ShotSize } from '../doc/schema';
import { cross, dot, norm, sub, DEG, type V3 } from './math';
import { clearOfPeople, frameGroup, frameInsert, frameOts, frameSingle, SIZE_ORDER, type Framed, type SubjectRef } from './framing';
import type { Sensor } from './lens';
import type { LinePlan } from './schema';

export type SetupKind = 'master' | 'ots' | 'single' | 'insert';

export interface Setup {
  key: string;
  kind: SetupKind;
  /** Who or what the setup is on. */
  subject?: string;
  /** OTS: whose shoulder. */
  over?: string;
  size: ShotSize;
}

export interface CoverageSegment {
  setup: Setup;
  t0: number;
  t1: number;
  lines: string[];
}

export interface CoverageInput {
  id: string;
  t0: number;
  t1: number;
  characters: [string, string] | [string];
  lines: LinePlan[];
  /** Intervals during which someone walks (go wide). */
  movement: Array<{ t0: number; t1: number }>;
  inserts: Array<{ subject: string; t0: number; t1: number; size?: ShotSize }>;
  side: 'left' | 'right';
  master: false | { size?: ShotSize; focalLengthMm?: number };
  ots: boolean;
  singles: boolean;
  lens: { master?: number; ots?: number; single?: number; insert?: number };
  minShot: number;
  pacing: 'slow' | 'normal' | 'fast';
}

export interface CoverageContext {
  subjectAt(id: string, t: number): SubjectRef | undefined;
  /** Prop or mark: centre and size. */
  objectAt(id: string): { point: V3; size: number } | undefined;
  sensor: Sensor;
  aspect: number;
}

/** Unit normal of the action line, pointing to the side the cameras stay on. */
export function actionSide(a: V3, b: V3, side: 'left' | 'right'): V3 {
  const ab = norm([b[0] - a[0], 0, b[2] - a[2]]);
  const right = norm(cross(ab, [0, 1, 0]));
  return side === 'right' ? right : [-right[0], -right[1], -right[2]];
}

export function planCoverageCut(input: CoverageInput): CoverageSegment[] {
  const [A, B] = input.characters;
  const lines = input.lines.filter((l) => l.t0 < input.t1 && l.t1 > input.t0).sort((x, y) => x.t0 - y.t0);
  const master: Setup = { key: 'master', kind: 'master', size: (input.master && input.master.size) || 'WS' };
  const single = (who: string): Setup => ({ key: `single-${who}`, kind: 'single', subject: who, size: input.pacing === 'slow' ? 'MCU' : 'CU' });
  const ots = (who: string): Setup => {
    const other = who === A ? B : A;
    return other ? { key: `ots-${who}`, kind: 'ots', subject: who, over: other, size: 'MCU' } : single(who);
  };
  const closeOn = (who: string, nth: number, long: boolean): Setup => {
    if (!input.ots && !input.singles) return master;
    if (!input.singles) return ots(who);
    if (!input.ots || !B) return single(who);
    return nth === 0 || !long ? ots(who) : single(who);
  };
  const useMaster = input.master !== false;

  const segs: CoverageSegment[] = [];
  const push = (setup: Setup, t0: number, t1: number, line?: string) => {
    if (t1 - t0 <= 1e-6) return;
    const last = segs[segs.length - 1];
    if (last && last.setup.key === setup.key && Math.abs(last.t1 - t0) < 1e-6) {
      last.t1 = t1;
      if (line) last.lines.push(line);
    } else segs.push({ setup, t0, t1, lines: line ? [line] : [] });
  };

  const nth = new Map<string, number>();
  const lead = input.pacing === 'fast' ? 0.06 : 0.12;
  // Opening: the master until just before the first line (at least a beat of it).
  const firstCut = lines.length ? Math.max(input.t0 + Math.min(1.5, (lines[0].t0 - input.t0) * 0.9), lines[0].t0 - lead) : input.t1;
  push(useMaster || !lines.length ? master : closeOn(lines[0].who, 0, false), input.t0, Math.min(firstCut, input.t1));
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const next = lines[i + 1];
    const start = Math.max(segs[segs.length - 1]?.t1 ?? input.t0, l.t0 - lead);
    const end = Math.min(input.t1, next ? Math.max(start, next.t0 - lead) : l.t1 + 0.4);
    const k = nth.get(l.who) ?? 0;
    nth.set(l.who, k + 1);
    const dur = l.t1 - l.t0;
    const shot = closeOn(l.who, k, dur > 3.5);
    const listener = l.who === A ? B : A;
    if (dur > 6 && listener && input.singles) {
      // Long speech: hold the speaker, cut to the listener's reaction, come back for the end.
      const r0 = l.t0 + dur * 0.55;
      const r1 = Math.min(end, r0 + Math.min(2.2, dur * 0.2));
      push(shot, start, r0, l.id);
      push(single(listener), r0, r1);
      push(shot, r1, end);
    } else push(shot, start, end, l.id);
  }
  const tailStart = segs[segs.length - 1]?.t1 ?? input.t0;
  if (tailStart < input.t1) push(useMaster && input.t1 - tailStart >= 1.2 ? master : segs[segs.length - 1]?.setup ?? master, tailStart, input.t1);

  let out = segs;
  for (const ins of input.inserts) {
    // An insert must not hide most of a line: the audience should see who is speaking. Slide it
    // to the end of any line it would mostly cover (then it plays over the pause or the reply).
    let t0 = ins.t0;
    const d = ins.t1 - ins.t0;
    // It also keeps clear of walks, which the master covers.
    for (let k = 0; k < 6; k++) {
      const hidden = lines.find((l) => Math.min(l.t1, t0 + d) - Math.max(l.t0, t0) > 0.5 * (l.t1 - l.t0));
      const walking = input.movement.find((m) => Math.min(m.t1, t0 + d) - Math.max(m.t0, t0) > 0.25 * d);
      if (!hidden && !walking) break;
      t0 = Math.max(hidden?.t1 ?? -Infinity, walking?.t1 ?? -Infinity);
    }
    out = overlay(out, { key: `insert-${ins.subject}`, kind: 'insert', subject: ins.subject, size: ins.size ?? 'CU' }, Math.max(input.t0, t0), Math.min(input.t1, t0 + d));
  }
  // People walking: go wide for the move (this wins over inserts: we must see where they go).
  if (useMaster) for (const m of input.movement) out = overlay(out, master, Math.max(input.t0, m.t0), Math.min(input.t1, m.t1));
  return absorbShort(out, input.minShot);
}

/** Puts `setup` over [t0, t1), splitting whatever was there. */
function overlay(segs: CoverageSegment[], setup: Setup, t0: number, t1: number): CoverageSegment[] {
  if (t1 - t0 <= 1e-6) return segs;
  const out: CoverageSegment[] = [];
  for (const s of segs) {
    if (s.t1 <= t0 || s.t0 >= t1) {
      out.push(s);
      continue;
    }
    if (s.t0 < t0) out.push({ ...s, t1: t0, lines: [...s.lines] });
    if (s.t1 > t1) out.push({ ...s, t0: t1, lines: [...s.lines] });
  }
  out.push({ setup, t0, t1, lines: [] });
  out.sort((a, b) => a.t0 - b.t0);
  return mergeSame(out);
}

function mergeSame(segs: CoverageSegment[]): CoverageSegment[] {
  const out: CoverageSegment[] = [];
  for (const s of segs) {
    const last = out[out.length - 1];
    if (last && last.setup.key === s.setup.key && Math.abs(last.t1 - s.t0) < 1e-6) {
      last.t1 = s.t1;
      last.lines.push(...s.lines.filter((l) => !last.lines.includes(l)));
    } else out.push({ ...s, lines: [...s.lines] });
  }
  return out;
}

/**
 * Every cut must last at least `minShot`. A short segment first borrows time from a long
 * neighbour (cutting a little later or earlier, an L- or J-cut, as editors do); only if neither
 * neighbour can spare it is it merged away.
 */
function absorbShort(segs: CoverageSegment[], minShot: number): CoverageSegment[] {
  const out = mergeSame(segs);
  for (let i = 0; i < out.length; i++) {
    const s = out[i];
    const need = minShot - (s.t1 - s.t0);
    if (need <= 1e-9) continue;
    const next = out[i + 1];
    const prev = out[i - 1];
    if (next && next.t1 - next.t0 - need >= minShot) {
      s.t1 += need;
      next.t0 += need;
    } else if (prev && prev.t1 - prev.t0 - need >= minShot) {
      s.t0 -= need;
      prev.t1 -= need;
    } else if (prev) {
      prev.t1 = s.t1;
      prev.lines.push(...s.lines);
      out.splice(i, 1);
      i -= 1;
    } else if (next) {
      next.t0 = s.t0;
      next.lines.unshift(...s.lines);
      out.splice(i, 1);
      i -= 1;
    }
  }
  return mergeSame(out);
}

export interface PlacedSegment extends CoverageSegment {
  framed: Framed;
}

/** Places a camera for every segment; the action line and its side are fixed at the coverage start. */
export function placeCoverage(input: CoverageInput, segs: CoverageSegment[], ctx: CoverageContext): { placed: PlacedSegment[]; normal: V3 } {
  const [A, B] = input.characters;
  const a0 = ctx.subjectAt(A, input.t0);
  const b0 = B ? ctx.subjectAt(B, input.t0) : undefined;
  const normal: V3 = a0 && b0 ? actionSide(a0.eyes, b0.eyes, input.side) : a0 ? [Math.sin(a0.yaw * DEG), 0, Math.cos(a0.yaw * DEG)] : [0, 0, 1];
  const placed: PlacedSegment[] = [];
  for (const s of segs) {
    const tm = (s.t0 + s.t1) / 2;
    const a = ctx.subjectAt(A, tm);
    const b = B ? ctx.subjectAt(B, tm) : undefined;
    let framed: Framed | undefined;
    const su = s.setup;
    if (su.kind === 'master' || !a) {
      const group = [a, b].filter((x): x is SubjectRef => !!x);
      framed = frameGroup(group.length ? group : [{ eyes: [0, 1.6, 0], height: 1.75, yaw: 0 }], su.size, { normal, focalLengthMm: input.lens.master ?? (input.master ? input.master.focalLengthMm : undefined), sensor: ctx.sensor, aspect: ctx.aspect });
    } else if (su.kind === 'ots' && su.over) {
      const subj = su.subject === A ? a : b;
      const fg = su.over === A ? a : b;
      if (subj && fg) {
        const toSubj = norm(sub(subj.eyes, fg.eyes));
        const lateral = norm(cross([0, 1, 0], [toSubj[0], 0, toSubj[2]]));
        const side: 1 | -1 = dot(lateral, normal) >= 0 ? 1 : -1;
        framed = frameOts(fg, subj, side, { size: su.size, focalLengthMm: input.lens.ots, sensor: ctx.sensor, aspect: ctx.aspect });
      }
    } else if (su.kind === 'single') {
      const subj = su.subject === A ? a : b;
      const other = su.subject === A ? b : a;
      if (subj) {
        // Matched singles sit near the other character's eye-line, turned toward the camera side —
        // 25° if that is clean, wider until the other actor is out of the line of sight.
        const toward = other ? Math.atan2(other.eyes[0] - subj.eyes[0], other.eyes[2] - subj.eyes[2]) / DEG : subj.yaw;
        const plus = [Math.sin((toward + 25) * DEG), 0, Math.cos((toward + 25) * DEG)] as V3;
        const sign = dot(plus, normal) >= 0 ? 1 : -1;
        for (const az of [25, 35, 45, 55, 65]) {
          framed = frameSingle({ ...subj, yaw: toward }, su.size, { azimuth: sign * az, focalLengthMm: input.lens.single, sensor: ctx.sensor, aspect: ctx.aspect });
          if (!other || clearOfPeople(framed.position, framed.target, [other])) break;
        }
      }
    } else if (su.kind === 'insert' && su.subject) {
      const o = ctx.objectAt(su.subject);
      const from = a && b ? [(a.eyes[0] + b.eyes[0]) / 2 + normal[0] * 3, 0, (a.eyes[2] + b.eyes[2]) / 2 + normal[2] * 3] as V3 : [normal[0] * 3, 0, normal[2] * 3] as V3;
      if (o) framed = frameInsert(o.point, o.size, from, { size: su.size, focalLengthMm: input.lens.insert, sensor: ctx.sensor, aspect: ctx.aspect });
    }
    if (!framed) framed = frameGroup([a ?? { eyes: [0, 1.6, 0], height: 1.75, yaw: 0 }], 'WS', { normal, sensor: ctx.sensor, aspect: ctx.aspect });
    placed.push({ ...s, framed });
  }
  return { placed, normal };
}

/** Angle in degrees between two cameras' views of a point. */
export function viewAngle(camA: V3, camB: V3, subject: V3): number {
  const a = norm(sub(camA, subject));
  const b = norm(sub(camB, subject));
  return Math.acos(Math.max(-1, Math.min(1, dot(a, b)))) / DEG;
}

export function sizeSteps(a: ShotSize, b: ShotSize): number {
  return Math.abs(SIZE_ORDER.indexOf(a) - SIZE_ORDER.indexOf(b));
}

/** Enforces the 30° rule on placed segments: a jump cut is absorbed into the shot before it. */
export function enforceThirtyDegrees(placed: PlacedSegment[], subjectPoint: (s: PlacedSegment) => V3 | undefined): PlacedSegment[] {
  const out: PlacedSegment[] = [];
  for (const s of placed) {
    const prev = out[out.length - 1];
    if (prev) {
      const p = subjectPoint(prev);
      const q = subjectPoint(s);
      const sameSubject = prev.setup.subject !== undefined && prev.setup.subject === s.setup.subject;
      if (sameSubject && p && q && viewAngle(prev.framed.position, s.framed.position, q) < 30 && sizeSteps(prev.setup.size, s.setup.size) < 2) {
        prev.t1 = s.t1;
        prev.lines.push(...s.lines);
        continue;
      }
    }
    out.push(s);
  }
  return out;
}
