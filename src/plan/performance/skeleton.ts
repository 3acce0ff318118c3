// The procedural humanoid: joint hierarchy, proportions and forward kinematics. Both backends
// build their rig from this table, and evaluateFrame fills in joint rotations, so a pose is the
// same everywhere. Proportions follow the classic anthropometric ratios (Drillis & Contini, as
// used in Winter's *Biomechanics*): thigh 0.245 H, shank 0.246 H, upper arm 0.186 H, forearm
// 0.146 H, hand 0.108 H, ankle height 0.039 H, shoulder height 0.818 H.

import { add, qMul, qRotate, QI, qYaw, type Quat, type V3 } from '../math';

export const JOINTS = [
  'pelvis', 'spine', 'chest', 'neck', 'head', 'jaw',
  'lUpperArm', 'lForearm', 'lHand', 'rUpperArm', 'rForearm', 'rHand',
  'lThigh', 'lShin', 'lFoot', 'rThigh', 'rShin', 'rFoot',
] as const;
export type JointName = (typeof JOINTS)[number];
export const J = Object.fromEntries(JOINTS.map((n, i) => [n, i])) as Record<JointName, number>;

export const PARENT: Record<JointName, JointName | null> = {
  pelvis: null, spine: 'pelvis', chest: 'spine', neck: 'chest', head: 'neck', jaw: 'head',
  lUpperArm: 'chest', lForearm: 'lUpperArm', lHand: 'lForearm',
  rUpperArm: 'chest', rForearm: 'rUpperArm', rHand: 'rForearm',
  lThigh: 'pelvis', lShin: 'lThigh', lFoot: 'lShin',
  rThigh: 'pelvis', rShin: 'rThigh', rFoot: 'rShin',
};

export interface BodyDims {
  height: number;
  pelvisY: number;
  spine: number;
  chest: number;
  neck: number;
  head: number;
  headSize: number;
  shoulderHalf: number;
  upperArm: number;
  forearm: number;
  hand: number;
  hipHalf: number;
  hipDrop: number;
  thigh: number;
  shin: number;
  ankle: number;
  footLength: number;
  /** Widths (radii) of the body segments, for geometry and collision. */
  torsoWidth: number;
  torsoDepth: number;
  hipWidth: number;
  limb: number;
  eyeHeight: number;
}

const BUILD_WIDTH: Record<string, number> = { slim: 0.88, average: 1, athletic: 1.08, heavy: 1.25 };

export function bodyDims(height: number, build = 'average', presentation = 'neutral'): BodyDims {
  const H = height;
  const w = BUILD_WIDTH[build] ?? 1;
  const shoulderScale = presentation === 'fem' ? 0.9 : presentation === 'masc' ? 1.06 : 1;
  const hipScale = presentation === 'fem' ? 1.1 : presentation === 'masc' ? 0.95 : 1;
  const ankle = 0.039 * H;
  const shin = 0.246 * H;
  const thigh = 0.245 * H;
  const hipDrop = 0.02 * H;
  const pelvisY = ankle + shin + thigh + hipDrop;
  const headSize = H / 7.5;
  return {
    height: H,
    pelvisY,
    spine: 0.07 * H,
    chest: 0.1 * H,
    neck: 0.11 * H,
    head: 0.035 * H,
    headSize,
    shoulderHalf: 0.118 * H * shoulderScale * (0.5 + 0.5 * w),
    upperArm: 0.186 * H,
    forearm: 0.146 * H,
    hand: 0.108 * H,
    hipHalf: 0.052 * H * hipScale * (0.6 + 0.4 * w),
    hipDrop,
    thigh,
    shin,
    ankle,
    footLength: 0.152 * H,
    torsoWidth: 0.1 * H * w * shoulderScale,
    torsoDepth: 0.06 * H * w,
    hipWidth: 0.095 * H * w * hipScale,
    limb: 0.028 * H * (0.7 + 0.3 * w),
    eyeHeight: 0.935 * H,
  };
}

/**
 * Toe contact point in the foot's frame (from the ankle joint): on the ground, under the ball of
 * the foot. A planted foot pivots about this point when the heel lifts.
 */
export function toeOffset(d: BodyDims): V3 {
  return [0, -d.ankle, 0.72 * d.footLength];
}

/** Rest offset of each joint from its parent (rest pose: standing, arms hanging, facing +Z). */
export function restOffsets(d: BodyDims): V3[] {
  const o: Record<JointName, V3> = {
    pelvis: [0, d.pelvisY, 0],
    spine: [0, d.spine, 0],
    chest: [0, d.chest, 0],
    neck: [0, d.neck, 0],
    head: [0, d.head, 0],
    jaw: [0, d.headSize * 0.18, d.headSize * 0.12],
    lUpperArm: [d.shoulderHalf, 0.095 * d.height, 0],
    lForearm: [0, -d.upperArm, 0],
    lHand: [0, -d.forearm, 0],
    rUpperArm: [-d.shoulderHalf, 0.095 * d.height, 0],
    rForearm: [0, -d.upperArm, 0],
    rHand: [0, -d.forearm, 0],
    lThigh: [d.hipHalf, -d.hipDrop, 0],
    lShin: [0, -d.thigh, 0],
    lFoot: [0, -d.shin, 0],
    rThigh: [-d.hipHalf, -d.hipDrop, 0],
    rShin: [0, -d.thigh, 0],
    rFoot: [0, -d.shin, 0],
  };
  return JOINTS.map((n) => o[n]);
}

export interface PoseWorld {
  positions: V3[];
  rotations: Quat[];
}

/**
 * Forward kinematics: joint world positions and rotations from a character's root (ground point
 * and yaw), the pelvis offset from rest, and local joint rotations (flat [x,y,z,w] × JOINTS).
 */
export function forwardKinematics(offsets: V3[], root: V3, yaw: number, pelvisOffset: V3, local: ArrayLike<number>): PoseWorld {
  const positions: V3[] = new Array(JOINTS.length);
  const rotations: Quat[] = new Array(JOINTS.length);
  const rootQ = qYaw(yaw);
  for (let i = 0; i < JOINTS.length; i++) {
    const q: Quat = [local[i * 4], local[i * 4 + 1], local[i * 4 + 2], local[i * 4 + 3]];
    const parent = PARENT[JOINTS[i]];
    if (parent === null) {
      positions[i] = add(root, qRotate(rootQ, add(offsets[i], pelvisOffset)));
      rotations[i] = qMul(rootQ, q);
    } else {
      const p = J[parent];
      positions[i] = add(positions[p], qRotate(rotations[p], offsets[i]));
      rotations[i] = qMul(rotations[p], q);
    }
  }
  return { positions, rotations };
}

export function identityPose(): Float64Array {
  const a = new Float64Array(JOINTS.length * 4);
  for (let i = 0; i < JOINTS.length; i++) a[i * 4 + 3] = QI[3];
  return a;
}
