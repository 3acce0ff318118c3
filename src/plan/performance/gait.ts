// Walking without foot sliding. A walk is planned as footfalls: each plant is a fixed point on the
// floor with a land and a lift time, placed where the body will be mid-stance. The pose solver
// then puts planted feet exactly there and solves the legs with IK, so a planted foot cannot
// slide by construction — it only moves between its lift and the next landing.
//
// Walk speed profile: trapezoidal (ease in over `ramp`, cruise, ease out), shared by the planner
// and the evaluator so footfalls and body stay in step.

import { add, dirYaw, scale, sub, yawLeft, len, type V3 } from '../math';
import type { BodyDims } from './skeleton';

export interface StepPlant {
  foot: 'L' | 'R';
  land: number;
  lift: number;
  /** Ground point under the ankle. */
  position: V3;
  yaw: number;
}

/** Far-future lift time for a foot that stays planted (JSON has no Infinity). */
export const FOREVER = 1e9;

export const PACE_SPEED: Record<string, number> = { stroll: 0.9, walk: 1.35, brisk: 1.75, run: 3.4 };
/** Step length as a fraction of height, by pace. */
const PACE_STEP: Record<string, number> = { stroll: 0.27, walk: 0.33, brisk: 0.37, run: 0.55 };

export interface WalkProfile {
  t0: number;
  t1: number;
  ramp: number;
  length: number;
}

/** Arc length covered at time t. */
export function walkDistance(p: WalkProfile, t: number): number {
  const D = p.t1 - p.t0;
  if (D <= 0 || p.length <= 0) return t >= p.t1 ? p.length : 0;
  const u = Math.min(Math.max(t - p.t0, 0), D);
  const r = Math.min(p.ramp, D / 2);
  const vmax = p.length / (D - r);
  if (u <= r) return r > 0 ? (vmax * u * u) / (2 * r) : vmax * u;
  if (u >= D - r) return r > 0 ? p.length - (vmax * (D - u) * (D - u)) / (2 * r) : vmax * u;
  return vmax * (u - r / 2);
}

/** Time at which arc length s is reached (inverse of walkDistance). */
export function walkTime(p: WalkProfile, s: number): number {
  const D = p.t1 - p.t0;
  if (D <= 0 || p.length <= 0) return p.t0;
  const r = Math.min(p.ramp, D / 2);
  const vmax = p.length / (D - r);
  const x = Math.min(Math.max(s, 0), p.length);
  const sRamp = r > 0 ? (vmax * r) / 2 : 0;
  if (x <= sRamp && r > 0) return p.t0 + Math.sqrt((2 * r * x) / vmax);
  if (x >= p.length - sRamp && r > 0) return p.t1 - Math.sqrt((2 * r * (p.length - x)) / vmax);
  return p.t0 + x / vmax + r / 2;
}

export function pathLengths(path: V3[]): number[] {
  const out = [0];
  for (let i = 1; i < path.length; i++) out.push(out[i - 1] + Math.hypot(path[i][0] - path[i - 1][0], path[i][2] - path[i - 1][2]));
  return out;
}

/** Point at arc length s along a polyline. */
export function pointAt(path: V3[], lengths: number[], s: number): V3 {
  if (path.length === 1 || s <= 0) return path[0];
  const L = lengths[lengths.length - 1];
  if (s >= L) return path[path.length - 1];
  let i = 1;
  while (i < lengths.length - 1 && lengths[i] < s) i++;
  const seg = lengths[i] - lengths[i - 1];
  const f = seg > 0 ? (s - lengths[i - 1]) / seg : 0;
  const a = path[i - 1];
  const b = path[i];
  return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f];
}

/** Heading (yaw) of the path around arc length s, looking a little ahead to round corners. */
export function headingAt(path: V3[], lengths: number[], s: number): number {
  const L = lengths[lengths.length - 1];
  const look = 0.35;
  const a = pointAt(path, lengths, Math.max(0, Math.min(s - look, L - 2 * look)));
  const b = pointAt(path, lengths, Math.min(L, Math.max(s + look, 2 * look)));
  const d = sub(b, a);
  return len(d) > 1e-6 ? dirYaw(d) : 0;
}

/** Ground point of a foot standing at ease: hip-width apart, beside the root. */
export function stanceFoot(root: V3, yaw: number, foot: 'L' | 'R', d: BodyDims): V3 {
  const side = foot === 'L' ? 1 : -1;
  const p = add(root, scale(yawLeft(yaw), side * d.hipHalf * 1.1));
  return [p[0], 0, p[2]];
}

export interface WalkPlan {
  profile: WalkProfile;
  steps: StepPlant[];
  endYaw: number;
}

/**
 * Footfalls for a walk along `path` during [t0, t1], starting from the feet's current plants.
 * `lastPlant` gives each foot's current plant (whose lift time this sets).
 */
export function planWalk(d: BodyDims, path: V3[], t0: number, t1: number, startYaw: number, pace: string, lastPlant: Record<'L' | 'R', StepPlant>): WalkPlan {
  const lengths = pathLengths(path);
  const L = lengths[lengths.length - 1];
  const D = t1 - t0;
  const ramp = Math.min(0.45, D / 3);
  const profile: WalkProfile = { t0, t1, ramp, length: L };
  const steps: StepPlant[] = [];
  const endYaw = L > 1e-3 ? headingAt(path, lengths, L) : startYaw;
  if (L < 0.05) return { profile, steps, endYaw };

  const nominal = (PACE_STEP[pace] ?? PACE_STEP.walk) * d.height;
  const N = Math.max(1, Math.round(L / nominal));
  const s = L / N;
  const cruise = L / Math.max(1e-3, D - ramp);
  const period = s / cruise;
  const dbl = Math.min(0.15 * period, 0.12);
  const minSwing = Math.min(0.22, period * 0.6);
  // A foot lands when the body is still `lead` of a step behind its plant, so the plant sits
  // mid-stance: half the stance with the foot ahead of the hip, half behind it.
  const lead = 0.55;
  const first: 'L' | 'R' = 'R';
  const footOf = (k: number): 'L' | 'R' => ((k % 2 === 1) === (first === 'R') ? 'R' : 'L');

  const plants: StepPlant[] = [];
  for (let k = 1; k <= N + 1; k++) {
    const foot = footOf(k);
    const a = k <= N ? k * s : L;
    const heading = headingAt(path, lengths, a);
    const base = pointAt(path, lengths, a);
    const side = foot === 'L' ? 1 : -1;
    const gp = add(base, scale(yawLeft(heading), side * d.hipHalf * 1.1));
    // This foot was last planted at plant k-2 (or its starting plant), which lifted just after
    // the other foot's plant k-1 landed.
    const prevLift = k === 1 ? t0 : plants[k - 2].land + dbl;
    const nominalLand = k <= N ? walkTime(profile, Math.max(0, a - lead * s)) : t1;
    const land = Math.max(nominalLand, prevLift + minSwing);
    plants.push({ foot, land, lift: FOREVER, position: [gp[0], 0, gp[2]], yaw: heading });
  }
  lastPlant[first].lift = t0;
  lastPlant[footOf(2)].lift = plants[0].land + dbl;
  for (let k = 1; k + 2 <= N + 1; k++) plants[k - 1].lift = plants[k].land + dbl;
  steps.push(...plants);
  return { profile, steps, endYaw };
}

/** A turn on the spot: two shuffle steps re-plant the feet around the new heading. */
export function planTurn(d: BodyDims, root: V3, fromYaw: number, toYaw: number, t0: number, t1: number, lastPlant: Record<'L' | 'R', StepPlant>): StepPlant[] {
  const D = t1 - t0;
  const delta = ((toYaw - fromYaw + 540) % 360) - 180;
  if (Math.abs(delta) < 12 || D <= 0) {
    // Small re-orientations pivot on planted feet, as people do.
    return [];
  }
  const firstFoot: 'L' | 'R' = delta > 0 ? 'L' : 'R';
  const second: 'L' | 'R' = firstFoot === 'L' ? 'R' : 'L';
  const a: StepPlant = { foot: firstFoot, land: t0 + 0.5 * D, lift: FOREVER, position: stanceFoot(root, toYaw, firstFoot, d), yaw: toYaw };
  const b: StepPlant = { foot: second, land: t0 + 0.92 * D, lift: FOREVER, position: stanceFoot(root, toYaw, second, d), yaw: toYaw };
  lastPlant[firstFoot].lift = t0 + 0.08 * D;
  lastPlant[second].lift = t0 + 0.55 * D;
  return [a, b];
}
