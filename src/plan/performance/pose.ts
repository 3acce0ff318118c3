// A character's pose at one instant of scene time, from its planned performance. Pure: the same
// plan and time give the same joint rotations in Node and in the render page.
//
// Method: decide where the pelvis, feet and hands should be (footfalls from the gait planner,
// seat from posture, hand targets from gestures), then solve each limb with two-bone IK and
// express the results as local joint rotations for the rig in skeleton.ts.

import { hash01, noise1 } from '../../util/random';
import {
  add, angleDiff, clamp, DEG, dirYaw, dot, ease, lerp, lerp3, lerpAngle, norm, qAxisAngle, qBone, qConj, qEuler, qMul, QI, qRotate,
  qYaw, scale, searchLast, sub, yawDir, yawLeft, len, type Quat, type V3,
} from '../math';
import type { CharacterPlan, PerformancePlan } from '../schema';
import { FOREVER, headingAt, pointAt, walkDistance, type StepPlant } from './gait';
import { bodyDims, J, JOINTS, restOffsets, toeOffset, type BodyDims } from './skeleton';

export interface CharacterState {
  id: string;
  /** Ground point under the character (between the feet when standing). */
  position: V3;
  yaw: number;
  /** Pelvis offset from its rest position, in the character's yaw frame. */
  pelvisOffset: V3;
  /** Local joint rotations, [x, y, z, w] per joint in JOINTS order. */
  joints: number[];
  mouthOpen: number;
  blink: number;
  sit: number;
  walking: boolean;
  speaking?: string;
  /** World point the eyes look at, if any. */
  lookAt?: V3;
}

export interface PoseContext {
  /** Eye position of another character at this instant (for eye-lines). */
  eyesOf(id: string): V3 | undefined;
  /** Position of a prop or mark. */
  pointOf(id: string): V3 | undefined;
  camera?: V3;
}

interface Derived {
  dims: BodyDims;
  offsets: V3[];
  feet: Record<'L' | 'R', StepPlant[]>;
}

// evaluateFrame stays pure: this cache only memoises values derived from the (immutable) plan.
const derivedCache = new WeakMap<object, Derived>();

function derive(ch: CharacterPlan, perf: PerformancePlan): Derived {
  let d = derivedCache.get(perf);
  if (d) return d;
  const dims = bodyDims(ch.body.height, ch.body.build, ch.body.presentation);
  const feet = { L: perf.steps.filter((s) => s.foot === 'L'), R: perf.steps.filter((s) => s.foot === 'R') } as Record<'L' | 'R', StepPlant[]>;
  feet.L.sort((a, b) => a.land - b.land);
  feet.R.sort((a, b) => a.land - b.land);
  d = { dims, offsets: restOffsets(dims), feet };
  derivedCache.set(perf, d);
  return d;
}

const byT0 = (e: { t0: number }) => e.t0;

/** Root ground position, whether walking, walk speed and path heading at time t. */
export function rootAt(perf: PerformancePlan, t: number): { position: V3; walking: boolean; heading?: number; walkStart?: number } {
  const segs = perf.root;
  if (!segs.length) return { position: [0, 0, 0], walking: false };
  const i = searchLast(segs, t, byT0);
  if (i < 0) return { position: segs[0].path[0], walking: false };
  const s = segs[i];
  if (s.path.length > 1 && t < s.t1) {
    const dist = walkDistance({ t0: s.t0, t1: s.t1, ramp: s.ramp, length: s.lengths[s.lengths.length - 1] }, t);
    return { position: pointAt(s.path, s.lengths, dist), walking: true, heading: headingAt(s.path, s.lengths, dist), walkStart: s.t0 };
  }
  return { position: s.path[s.path.length - 1], walking: false };
}

export function yawAt(perf: PerformancePlan, t: number): number {
  const keys = perf.yaw;
  const i = searchLast(keys, t, byT0);
  if (i < 0) return perf.initialYaw;
  const k = keys[i];
  if (t >= k.t1 || k.t1 <= k.t0) return k.to;
  return lerpAngle(k.from, k.to, ease('easeInOut', (t - k.t0) / (k.t1 - k.t0)));
}

function sitAt(perf: PerformancePlan, t: number): { amount: number; seat: V3; seatHeight: number; yaw: number } | undefined {
  const i = searchLast(perf.posture, t, byT0);
  if (i < 0) return undefined;
  const p = perf.posture[i];
  const u = p.t1 > p.t0 ? ease('easeInOut', (t - p.t0) / (p.t1 - p.t0)) : 1;
  const amount = p.to === 'sit' ? u : 1 - u;
  return { amount, seat: p.seat, seatHeight: p.seatHeight, yaw: p.yaw };
}

/** Where a foot is: planted on its plant, or swinging to the next one. */
function footAt(plants: StepPlant[], t: number, fallback: V3, fallbackYaw: number, d: BodyDims): { pos: V3; yaw: number; lift: number; planted: boolean; pitch: number } {
  if (!plants.length) return { pos: fallback, yaw: fallbackYaw, lift: 0, planted: true, pitch: 0 };
  let i = searchLast(plants, t, (p) => p.land);
  if (i < 0) i = 0;
  const p = plants[i];
  const next = plants[i + 1];
  if (t < p.lift || !next || p.lift >= FOREVER) return { pos: p.position, yaw: p.yaw, lift: 0, planted: true, pitch: 0 };
  const span = next.land - p.lift;
  if (span <= 1e-6) return { pos: next.position, yaw: next.yaw, lift: 0, planted: true, pitch: 0 };
  const u = clamp((t - p.lift) / span, 0, 1);
  const e = ease('smooth', u);
  const stride = Math.hypot(next.position[0] - p.position[0], next.position[2] - p.position[2]);
  const height = Math.min(0.05 * d.height, 0.04 * d.height + stride * 0.05);
  return {
    pos: lerp3(p.position, next.position, e),
    yaw: lerpAngle(p.yaw, next.yaw, e),
    lift: Math.sin(Math.PI * u) * height,
    planted: false,
    // Pitch > 0 is toe down: toe down just after push-off, toe up for the heel strike.
    pitch: stride > 0.1 ? lerp(20, -12, u) * Math.sin(Math.PI * Math.min(1, u * 1.2)) : 0,
  };
}

/** Two-bone IK: the middle joint for a chain from `a` (lengths l1, l2) reaching toward `target`, bending toward `pole`. */
function solveTwoBone(a: V3, target: V3, l1: number, l2: number, pole: V3): { mid: V3; end: V3 } {
  let toT = sub(target, a);
  let dlen = len(toT);
  const maxReach = (l1 + l2) * 0.9995;
  const minReach = Math.abs(l1 - l2) + 1e-4;
  if (dlen < 1e-6) {
    toT = [0, -1, 0];
    dlen = minReach;
  }
  const u = scale(toT, 1 / dlen);
  const dd = clamp(dlen, minReach, maxReach);
  const cosA = clamp((l1 * l1 + dd * dd - l2 * l2) / (2 * l1 * dd), -1, 1);
  const sinA = Math.sqrt(1 - cosA * cosA);
  let p = sub(pole, scale(u, dot(pole, u)));
  if (len(p) < 1e-6) p = Math.abs(u[1]) < 0.9 ? [0, 1, 0] : [0, 0, 1];
  p = norm(p);
  const mid = add(a, add(scale(u, l1 * cosA), scale(p, l1 * sinA)));
  const end = add(a, scale(u, dd));
  return { mid, end };
}

const GESTURE_CYCLE: Record<string, number> = { wave: 2.2, beckon: 1.6, clap: 2.6, nod: 2, 'shake-head': 2.4 };

interface ArmTarget {
  /** Hand target relative to the shoulder, in the character frame (x left, y up, z forward). */
  hand: V3;
  /** Elbow pole in the character frame. */
  pole: V3;
}

/**
 * Hand targets relative to the shoulder in the character frame (+x is the character's left), written
 * for the right arm (negative x = outward) and mirrored for the left. `o` oscillates in [-1, 1].
 */
function gestureArm(kind: string, d: BodyDims, o: number, both: boolean, side: 'R' | 'L'): ArmTarget | undefined {
  const H = d.height;
  const s = side === 'R' ? 1 : -1;
  const m = (v: V3): V3 => [v[0] * s, v[1], v[2]];
  switch (kind) {
    case 'wave':
      return { hand: m([-0.1 * H - 0.04 * H * o, 0.2 * H, 0.06 * H]), pole: m([-1, -1, 0]) };
    case 'beckon':
      return { hand: m([-0.05 * H, -0.12 * H, 0.2 * H + 0.035 * H * o]), pole: m([-1, -1, -0.3]) };
    case 'clap':
      return both ? { hand: m([0.1 * H - 0.025 * H * (o + 1), -0.14 * H, 0.2 * H]), pole: m([-1, -0.6, -0.4]) } : undefined;
    case 'shrug':
      return both ? { hand: m([-0.13 * H, -0.24 * H, 0.15 * H]), pole: m([-1, -0.5, -0.6]) } : undefined;
    case 'hands-on-hips':
      return both ? { hand: m([-0.01 * H, -0.25 * H, -0.01 * H]), pole: m([-1, 0, -0.2]) } : undefined;
    case 'cross-arms':
      return both
        ? side === 'R'
          ? { hand: [0.13 * H, -0.14 * H, 0.09 * H], pole: [-1, -0.7, 0.1] }
          : { hand: [-0.13 * H, -0.16 * H, 0.08 * H], pole: [1, -0.7, 0.1] }
        : undefined;
    case 'facepalm':
      return { hand: m([0.09 * H, 0.08 * H, 0.09 * H]), pole: m([-0.6, -1, 0]) };
    case 'think':
      return { hand: m([0.07 * H, 0.04 * H, 0.085 * H]), pole: m([-0.5, -1, 0]) };
    default:
      return undefined;
  }
}

const TWO_HANDED = new Set(['clap', 'shrug', 'hands-on-hips', 'cross-arms']);

function envelope(t: number, t0: number, t1: number, inOut = 0.3): number {
  if (t < t0 || t > t1) return 0;
  const D = t1 - t0;
  const r = Math.min(inOut, D / 2);
  if (t - t0 < r) return ease('smooth', (t - t0) / r);
  if (t1 - t < r) return ease('smooth', (t1 - t) / r);
  return 1;
}

/** How open the mouth is while a line plays: from the audio envelope when known, else syllables. */
export function mouthAt(perf: PerformancePlan, t: number): { open: number; line?: string } {
  const i = searchLast(perf.speech, t, byT0);
  if (i < 0) return { open: 0 };
  const s = perf.speech[i];
  if (t >= s.t1) return { open: 0 };
  const u = t - s.t0;
  if (s.envelope && s.envelopeRate) {
    const x = u * s.envelopeRate;
    const k = Math.floor(x);
    const a = s.envelope[Math.min(k, s.envelope.length - 1)] ?? 0;
    const b = s.envelope[Math.min(k + 1, s.envelope.length - 1)] ?? 0;
    // The first frame of a line always shows the mouth opening, so picture and sound start together.
    return { open: Math.max(u < 0.05 ? 0.15 : 0, a + (b - a) * (x - k)), line: s.lineId };
  }
  const rate = 4.2 + hash01(s.seed, 1) * 1.2;
  const amp = 0.55 + 0.45 * (0.5 + 0.5 * noise1(s.seed, u * 3));
  const syll = Math.abs(Math.sin(Math.PI * rate * u));
  const closeOut = clamp((s.t1 - t) / 0.08, 0, 1);
  return { open: Math.max(u < 0.05 ? 0.15 : 0, amp * syll * closeOut), line: s.lineId };
}

function lookAngles(from: V3, target: V3, yaw: number): [number, number] {
  const d = sub(target, from);
  const h = Math.hypot(d[0], d[2]);
  const yawTo = dirYaw(d);
  return [clamp(angleDiff(yaw, yawTo), -75, 75), clamp(Math.atan2(d[1], Math.max(h, 1e-3)) / DEG, -40, 35)];
}

export function evaluateCharacter(ch: CharacterPlan, perf: PerformancePlan, t: number, ctx: PoseContext, seed: number): CharacterState {
  const D = derive(ch, perf);
  const d = D.dims;
  const H = d.height;
  const root = rootAt(perf, t);
  let yaw = yawAt(perf, t);
  if (root.walking && root.heading !== undefined) {
    const u = (t - (root.walkStart ?? t)) / 0.35;
    yaw = u < 1 ? lerpAngle(yawAt(perf, root.walkStart ?? t), root.heading, ease('smooth', u)) : root.heading;
  }
  const sit = sitAt(perf, t);
  const sigma = sit?.amount ?? 0;
  if (sit && sigma > 0) yaw = lerpAngle(yaw, sit.yaw, Math.min(1, sigma * 2));
  const fwd = yawDir(yaw);
  const left = yawLeft(yaw);
  const rootQ = qYaw(yaw);
  const pos = root.position;

  // Feet
  const fl = footAt(D.feet.L, t, add(pos, scale(left, d.hipHalf * 1.1)), yaw, d);
  const fr = footAt(D.feet.R, t, add(pos, scale(left, -d.hipHalf * 1.1)), yaw, d);

  // Pelvis: rest height, lowered a little in the walk; toward the seat when sitting.
  const walkCrouch = root.walking ? 0.02 * H : 0;
  let pelvis: V3 = [pos[0], d.pelvisY - walkCrouch, pos[2]];
  if (root.walking) {
    // Weight shifts over the stance foot.
    const lw = fl.planted && !fr.planted ? 1 : fr.planted && !fl.planted ? -1 : 0;
    pelvis = add(pelvis, scale(left, lw * 0.012 * H));
  }
  if (sit && sigma > 0) {
    const seatPelvis: V3 = [sit.seat[0], sit.seatHeight + 0.07 * H, sit.seat[2]];
    // Rise and fall along an arc: the hips go back before they go down.
    const back = lerp3(pelvis, seatPelvis, ease('easeOut', sigma));
    pelvis = [back[0], lerp(pelvis[1], seatPelvis[1], ease('easeIn', sigma)), back[2]];
  }

  const legLen = d.thigh + d.shin;
  const ankleTarget = (f: { pos: V3; lift: number }): V3 => [f.pos[0], f.pos[1] + d.ankle + f.lift, f.pos[2]];
  let aL = ankleTarget(fl);
  let aR = ankleTarget(fr);
  // Lower the pelvis as far as needed (up to 7 % of height) for both ankles to be in reach.
  const hipL0 = add(pelvis, qRotate(rootQ, [d.hipHalf, -d.hipDrop, 0]));
  const hipR0 = add(pelvis, qRotate(rootQ, [-d.hipHalf, -d.hipDrop, 0]));
  const maxDrop = 0.07 * H;
  const needDrop = (hip: V3, a: V3) => {
    const h = Math.hypot(hip[0] - a[0], hip[2] - a[2]);
    const reach = legLen * 0.985;
    if (h >= reach) return maxDrop;
    return Math.max(0, hip[1] - (a[1] + Math.sqrt(reach * reach - h * h)));
  };
  const drop = Math.min(maxDrop, Math.max(needDrop(hipL0, aL), needDrop(hipR0, aR)));
  if (sigma < 0.5) pelvis = [pelvis[0], pelvis[1] - drop * (1 - sigma * 2), pelvis[2]];

  // Torso: lean into the walk, breathe, settle back when seated.
  const breath = Math.sin((t * 2 * Math.PI) / 4.2 + hash01(seed, 7) * 6) * 1.2;
  const lean = (root.walking ? 4 : 0) - sigma * 4 + breath * 0.3;
  const pelvisLocal: Quat = QI;
  const spineLocal = qEuler(lean * 0.5, 0, 0);
  const chestLocal = qEuler(lean * 0.5 + breath * 0.4, 0, 0);
  const pelvisWorldQ = qMul(rootQ, pelvisLocal);
  const spineWorldQ = qMul(pelvisWorldQ, spineLocal);
  const chestWorldQ = qMul(spineWorldQ, chestLocal);

  const hipL = add(pelvis, qRotate(pelvisWorldQ, [d.hipHalf, -d.hipDrop, 0]));
  const hipR = add(pelvis, qRotate(pelvisWorldQ, [-d.hipHalf, -d.hipDrop, 0]));

  // A planted foot still out of reach rolls onto its toe (heel lift): the ankle turns about the
  // toe contact in the foot's vertical plane, so the toe stays exactly where it was planted.
  const toe = toeOffset(d);
  const toeOff = (hip: V3, a: V3, f: { planted: boolean; yaw: number; pitch: number }): { ankle: V3; pitch: number } => {
    if (!f.planted || Math.hypot(hip[0] - a[0], hip[1] - a[1], hip[2] - a[2]) <= legLen * 0.995) return { ankle: a, pitch: f.pitch };
    const fdir = yawDir(f.yaw);
    const L = toe[2];
    const up = -toe[1];
    const contact: V3 = [a[0] + fdir[0] * L, a[1] - up, a[2] + fdir[2] * L];
    const ankleAt = (r: number): V3 => {
      // (along, up) of the ankle relative to the toe is (−L, up); rotate it so the heel rises.
      const nAlong = -L * Math.cos(r) + up * Math.sin(r);
      const nUp = L * Math.sin(r) + up * Math.cos(r);
      return [contact[0] + fdir[0] * nAlong, contact[1] + nUp, contact[2] + fdir[2] * nAlong];
    };
    let lo = 0;
    let hi = 60;
    for (let k = 0; k < 12; k++) {
      const mid = (lo + hi) / 2;
      const c = ankleAt(mid * DEG);
      if (Math.hypot(hip[0] - c[0], hip[1] - c[1], hip[2] - c[2]) > legLen * 0.995) lo = mid;
      else hi = mid;
    }
    return { ankle: ankleAt(hi * DEG), pitch: hi };
  };
  const tl = toeOff(hipL, aL, fl);
  const tr = toeOff(hipR, aR, fr);
  aL = tl.ankle;
  aR = tr.ankle;

  const joints = new Array<number>(JOINTS.length * 4);
  const setLocal = (name: (typeof JOINTS)[number], q: Quat) => {
    const i = J[name] * 4;
    joints[i] = q[0];
    joints[i + 1] = q[1];
    joints[i + 2] = q[2];
    joints[i + 3] = q[3];
  };
  setLocal('pelvis', pelvisLocal);
  setLocal('spine', spineLocal);
  setLocal('chest', chestLocal);

  const leg = (hip: V3, ankle: V3, footYaw: number, pitch: number, thigh: 'lThigh' | 'rThigh', shin: 'lShin' | 'rShin', foot: 'lFoot' | 'rFoot') => {
    const kneeFwd = yawDir(footYaw);
    const { mid, end } = solveTwoBone(hip, ankle, d.thigh, d.shin, add(kneeFwd, scale(fwd, 0.5)));
    const thighW = qBone(sub(mid, hip), kneeFwd);
    const shinW = qBone(sub(end, mid), kneeFwd);
    const footW = qMul(qYaw(footYaw), qAxisAngle([1, 0, 0], pitch * DEG));
    setLocal(thigh, qMul(qConj(pelvisWorldQ), thighW));
    setLocal(shin, qMul(qConj(thighW), shinW));
    setLocal(foot, qMul(qConj(shinW), footW));
  };
  leg(hipL, aL, fl.yaw, tl.pitch, 'lThigh', 'lShin', 'lFoot');
  leg(hipR, aR, fr.yaw, tr.pitch, 'rThigh', 'rShin', 'rFoot');

  // Arms: hand targets in the character frame, blended between rest, walk swing, seat and gesture.
  const spineAt = add(pelvis, qRotate(pelvisWorldQ, [0, d.spine, 0]));
  const chestAt = add(spineAt, qRotate(spineWorldQ, [0, d.chest, 0]));
  const shoulderL = add(chestAt, qRotate(chestWorldQ, [d.shoulderHalf, 0.095 * H, 0]));
  const shoulderR = add(chestAt, qRotate(chestWorldQ, [-d.shoulderHalf, 0.095 * H, 0]));
  const armLen = d.upperArm + d.forearm;
  // Walk swing follows the opposite foot: arm forward when the other leg is forward.
  const footFwd = (f: { pos: V3 }) => dot(sub(f.pos, pelvis), fwd) / Math.max(0.2, 0.33 * H);
  const swingL = root.walking ? clamp(footFwd(fr), -1, 1) : 0;
  const swingR = root.walking ? clamp(footFwd(fl), -1, 1) : 0;
  const toWorld = (v: V3): V3 => add(add(scale(left, v[0]), [0, v[1], 0]), scale(fwd, v[2]));

  const gi = searchLast(perf.gestures, t, byT0);
  const g = gi >= 0 && t <= perf.gestures[gi].t1 ? perf.gestures[gi] : undefined;
  const gw = g ? envelope(t, g.t0, g.t1) : 0;
  const cyc = g ? GESTURE_CYCLE[g.kind] ?? 0 : 0;
  const osc = g && cyc ? Math.sin(2 * Math.PI * cyc * (t - g.t0)) : 0;

  const arm = (side: 'L' | 'R', shoulder: V3, swing: number) => {
    const s = side === 'L' ? 1 : -1;
    let hand: V3 = [s * 0.035 * H, -armLen * 0.965, 0.02 * H + swing * 0.09 * H];
    let pole: V3 = [s * 0.3, -0.2, -1];
    if (sigma > 0) {
      hand = lerp3(hand, [s * -0.01 * H, -0.22 * H, 0.2 * H], sigma);
      pole = lerp3(pole, [s * 0.6, -0.3, -1], sigma);
    }
    if (g && gw > 0) {
      const active = TWO_HANDED.has(g.kind) || (g.hand === 'left') === (side === 'L');
      let gt: ArmTarget | undefined;
      if (active) {
        if ((g.kind === 'point' || g.kind === 'reach') && g.toward) {
          const dir = norm(sub(g.toward, shoulder));
          const reach = g.kind === 'point' ? armLen * 0.97 : armLen * 0.85;
          const world = scale(dir, reach);
          gt = { hand: [dot(world, left), world[1], dot(world, fwd)], pole: [s * 0.5, -1, -0.3] };
        } else if (g.kind === 'point' || g.kind === 'reach') {
          gt = { hand: [s * 0.1 * H, 0.02 * H, armLen * 0.9], pole: [s * 0.5, -1, -0.3] };
        } else gt = gestureArm(g.kind, d, osc, TWO_HANDED.has(g.kind), side === 'L' ? 'L' : 'R');
      }
      if (gt) {
        hand = lerp3(hand, gt.hand, gw);
        pole = lerp3(pole, gt.pole, gw);
      }
    }
    const target = add(shoulder, toWorld(hand));
    const { mid, end } = solveTwoBone(shoulder, target, d.upperArm, d.forearm, toWorld(pole));
    const upperW = qBone(sub(mid, shoulder), fwd);
    const foreW = qBone(sub(end, mid), fwd);
    const upperName = side === 'L' ? 'lUpperArm' : 'rUpperArm';
    setLocal(upperName, qMul(qConj(chestWorldQ), upperW));
    setLocal(side === 'L' ? 'lForearm' : 'rForearm', qMul(qConj(upperW), foreW));
    setLocal(side === 'L' ? 'lHand' : 'rHand', QI);
  };
  arm('L', shoulderL, swingL);
  arm('R', shoulderR, swingR);

  // Head: eye-line to the look target, split between neck and head; speech adds small nods.
  const eyes = add(chestAt, qRotate(chestWorldQ, [0, d.neck + d.head + d.headSize * 0.45, d.headSize * 0.35]));
  const li = searchLast(perf.looks, t, (l) => l.t);
  const targetOf = (l: PerformancePlan['looks'][number]): V3 | null => {
    if (l.subject) return l.subject === 'camera' ? ctx.camera ?? null : ctx.eyesOf(l.subject) ?? ctx.pointOf(l.subject) ?? l.target;
    return l.target;
  };
  let look: [number, number] = [0, 0];
  let lookPoint: V3 | undefined;
  if (li >= 0) {
    const cur = perf.looks[li];
    const curT = targetOf(cur);
    const curA: [number, number] = curT ? lookAngles(eyes, curT, yaw) : [0, 0];
    if (curT) lookPoint = curT;
    const w = cur.blend > 0 ? ease('smooth', (t - cur.t) / cur.blend) : 1;
    if (w < 1 && li > 0) {
      const prevT = targetOf(perf.looks[li - 1]);
      const prevA: [number, number] = prevT ? lookAngles(eyes, prevT, yaw) : [0, 0];
      look = [lerp(prevA[0], curA[0], w), lerp(prevA[1], curA[1], w)];
    } else look = [curA[0] * (li === 0 ? w : 1), curA[1] * (li === 0 ? w : 1)];
  }
  const mouth = mouthAt(perf, t);
  let headPitch = -look[1];
  let headYaw = look[0];
  let headRoll = 0;
  if (mouth.line) {
    headPitch += noise1(seed + 11, t * 1.7) * 2.5;
    headYaw += noise1(seed + 13, t * 1.1) * 2;
  }
  if (g && gw > 0) {
    if (g.kind === 'nod') headPitch += osc * 12 * gw;
    if (g.kind === 'shake-head') headYaw += osc * 18 * gw;
    if (g.kind === 'shrug') headRoll += 7 * gw;
    if (g.kind === 'facepalm') headPitch += 18 * gw;
    if (g.kind === 'think') headRoll -= 6 * gw;
  }
  // Idle: a slow, small drift so a held shot is never a freeze frame.
  headYaw += noise1(seed + 17, t * 0.35) * 2;
  // three.js: positive rotation about X tilts the face down; our pitch is "look up" positive.
  setLocal('neck', qEuler(headPitch * 0.4, headYaw * 0.4, headRoll * 0.4));
  setLocal('head', qEuler(headPitch * 0.6, headYaw * 0.6, headRoll * 0.6));
  setLocal('jaw', qAxisAngle([1, 0, 0], mouth.open * 16 * DEG));

  // Blinks every 2.5–5.5 s, 150 ms each, seeded per character.
  const period = 2.5 + hash01(seed, 3) * 3;
  const phase = (t + hash01(seed, 5) * period) % period;
  const blink = phase < 0.15 ? Math.sin((phase / 0.15) * Math.PI) : 0;

  const pelvisRel = sub(pelvis, pos);
  const pelvisLocalOffset = qRotate(qConj(rootQ), pelvisRel);
  return {
    id: ch.id,
    position: pos,
    yaw,
    pelvisOffset: [pelvisLocalOffset[0], pelvisLocalOffset[1] - d.pelvisY, pelvisLocalOffset[2]],
    joints,
    mouthOpen: mouth.open,
    blink,
    sit: sigma,
    walking: root.walking,
    speaking: mouth.line,
    lookAt: lookPoint,
  };
}

/** Approximate eye position of a character at time t (for other characters' eye-lines and framing). */
export function eyesAt(ch: CharacterPlan, perf: PerformancePlan, t: number): V3 {
  const r = rootAt(perf, t);
  const sit = sitAt(perf, t);
  const H = ch.body.height;
  let p: V3 = [r.position[0], 0.935 * H, r.position[2]];
  if (sit && sit.amount > 0) {
    const seatEyes: V3 = [sit.seat[0], sit.seatHeight + 0.07 * H + (0.935 - 0.55) * H, sit.seat[2]];
    p = lerp3(p, seatEyes, sit.amount);
  }
  return p;
}

