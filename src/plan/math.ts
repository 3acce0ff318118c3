// Small vector/quaternion maths for the plan and evaluateFrame. Plain arrays, no classes, so the
// same code runs in Node and in the render page and a FrameState serialises as JSON.
// Conventions: metres, Y up, right-handed (three.js). A character with yaw 0 faces +Z; its left
// is +X. Yaw is degrees counter-clockwise seen from above (+Y), so yaw 90 faces +X.

export type V3 = [number, number, number];
export type Quat = [number, number, number, number];

export const DEG = Math.PI / 180;

export const v3 = (x = 0, y = 0, z = 0): V3 => [x, y, z];
export const add = (a: V3, b: V3): V3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
export const sub = (a: V3, b: V3): V3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
export const scale = (a: V3, s: number): V3 => [a[0] * s, a[1] * s, a[2] * s];
export const dot = (a: V3, b: V3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
export const cross = (a: V3, b: V3): V3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
export const len = (a: V3): number => Math.hypot(a[0], a[1], a[2]);
export const dist = (a: V3, b: V3): number => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
export const lerp = (a: number, b: number, t: number): number => a + (b - a) * t;
export const lerp3 = (a: V3, b: V3, t: number): V3 => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
export const clamp = (x: number, lo: number, hi: number): number => (x < lo ? lo : x > hi ? hi : x);
export function norm(a: V3): V3 {
  const l = len(a);
  return l > 1e-12 ? [a[0] / l, a[1] / l, a[2] / l] : [0, 0, 0];
}
export const dist2 = (a: V3, b: V3): number => Math.hypot(a[0] - b[0], a[2] - b[2]);

/** Facing direction for a yaw in degrees (yaw 0 → +Z). */
export function yawDir(yawDeg: number): V3 {
  const r = yawDeg * DEG;
  return [Math.sin(r), 0, Math.cos(r)];
}
/** Yaw in degrees of a horizontal direction. */
export function dirYaw(d: V3): number {
  return Math.atan2(d[0], d[2]) / DEG;
}
/** Character's left for a yaw (yaw 0 → +X). */
export function yawLeft(yawDeg: number): V3 {
  const r = yawDeg * DEG;
  return [Math.cos(r), 0, -Math.sin(r)];
}
/** Shortest signed difference b − a in degrees, in (−180, 180]. */
export function angleDiff(a: number, b: number): number {
  let d = (b - a) % 360;
  if (d > 180) d -= 360;
  if (d <= -180) d += 360;
  return d;
}
export function lerpAngle(a: number, b: number, t: number): number {
  return a + angleDiff(a, b) * t;
}

export const QI: Quat = [0, 0, 0, 1];

export function qMul(a: Quat, b: Quat): Quat {
  return [
    a[3] * b[0] + a[0] * b[3] + a[1] * b[2] - a[2] * b[1],
    a[3] * b[1] - a[0] * b[2] + a[1] * b[3] + a[2] * b[0],
    a[3] * b[2] + a[0] * b[1] - a[1] * b[0] + a[2] * b[3],
    a[3] * b[3] - a[0] * b[0] - a[1] * b[1] - a[2] * b[2],
  ];
}
export const qConj = (q: Quat): Quat => [-q[0], -q[1], -q[2], q[3]];
export function qAxisAngle(axis: V3, angleRad: number): Quat {
  const s = Math.sin(angleRad / 2);
  return [axis[0] * s, axis[1] * s, axis[2] * s, Math.cos(angleRad / 2)];
}
export const qYaw = (yawDeg: number): Quat => qAxisAngle([0, 1, 0], yawDeg * DEG);
/** Euler angles in degrees, applied in X, then Y, then Z order (intrinsic XYZ, as three.js 'XYZ'). */
export function qEuler(xDeg: number, yDeg: number, zDeg: number): Quat {
  return qMul(qMul(qAxisAngle([1, 0, 0], xDeg * DEG), qAxisAngle([0, 1, 0], yDeg * DEG)), qAxisAngle([0, 0, 1], zDeg * DEG));
}
export function qRotate(q: Quat, v: V3): V3 {
  // v' = q v q*, expanded.
  const [x, y, z, w] = q;
  const ix = w * v[0] + y * v[2] - z * v[1];
  const iy = w * v[1] + z * v[0] - x * v[2];
  const iz = w * v[2] + x * v[1] - y * v[0];
  const iw = -x * v[0] - y * v[1] - z * v[2];
  return [ix * w + iw * -x + iy * -z - iz * -y, iy * w + iw * -y + iz * -x - ix * -z, iz * w + iw * -z + ix * -y - iy * -x];
}
export function qSlerp(a: Quat, b: Quat, t: number): Quat {
  let cos = a[0] * b[0] + a[1] * b[1] + a[2] * b[2] + a[3] * b[3];
  let bb = b;
  if (cos < 0) {
    cos = -cos;
    bb = [-b[0], -b[1], -b[2], -b[3]];
  }
  if (cos > 0.9995) {
    const r: Quat = [a[0] + (bb[0] - a[0]) * t, a[1] + (bb[1] - a[1]) * t, a[2] + (bb[2] - a[2]) * t, a[3] + (bb[3] - a[3]) * t];
    const l = Math.hypot(r[0], r[1], r[2], r[3]);
    return [r[0] / l, r[1] / l, r[2] / l, r[3] / l];
  }
  const th = Math.acos(cos);
  const s = Math.sin(th);
  const wa = Math.sin((1 - t) * th) / s;
  const wb = Math.sin(t * th) / s;
  return [a[0] * wa + bb[0] * wb, a[1] * wa + bb[1] * wb, a[2] * wa + bb[2] * wb, a[3] * wa + bb[3] * wb];
}
/** Rotation whose local axes X, Y, Z map to the given orthonormal world axes. */
export function qFromBasis(x: V3, y: V3, z: V3): Quat {
  const m00 = x[0], m01 = y[0], m02 = z[0];
  const m10 = x[1], m11 = y[1], m12 = z[1];
  const m20 = x[2], m21 = y[2], m22 = z[2];
  const tr = m00 + m11 + m22;
  if (tr > 0) {
    const s = 0.5 / Math.sqrt(tr + 1);
    return [(m21 - m12) * s, (m02 - m20) * s, (m10 - m01) * s, 0.25 / s];
  }
  if (m00 > m11 && m00 > m22) {
    const s = 2 * Math.sqrt(1 + m00 - m11 - m22);
    return [0.25 * s, (m01 + m10) / s, (m02 + m20) / s, (m21 - m12) / s];
  }
  if (m11 > m22) {
    const s = 2 * Math.sqrt(1 + m11 - m00 - m22);
    return [(m01 + m10) / s, 0.25 * s, (m12 + m21) / s, (m02 - m20) / s];
  }
  const s = 2 * Math.sqrt(1 + m22 - m00 - m11);
  return [(m02 + m20) / s, (m12 + m21) / s, 0.25 * s, (m10 - m01) / s];
}
/** Rotation taking bone rest direction −Y to `dir`, with local +Z turned toward `forwardHint`. */
export function qBone(dir: V3, forwardHint: V3): Quat {
  const y = scale(norm(dir), -1);
  let z = sub(forwardHint, scale(y, dot(forwardHint, y)));
  if (len(z) < 1e-6) z = Math.abs(y[1]) < 0.9 ? [0, 1, 0] : [0, 0, 1];
  z = norm(z);
  const x = cross(y, z);
  return qFromBasis(x, y, z);
}

// Easing: named curves and CSS-style cubic béziers, all mapping 0..1 → 0..1.
export type EasingSpec = string | { cubicBezier: [number, number, number, number] };

function bezier(x1: number, y1: number, x2: number, y2: number, x: number): number {
  // Solve x(t) = x by Newton with a bisection fallback; then y(t).
  const cx = 3 * x1, bx = 3 * (x2 - x1) - cx, ax = 1 - cx - bx;
  const cy = 3 * y1, by = 3 * (y2 - y1) - cy, ay = 1 - cy - by;
  const sx = (t: number) => ((ax * t + bx) * t + cx) * t;
  let t = x;
  for (let i = 0; i < 8; i++) {
    const d = (3 * ax * t + 2 * bx) * t + cx;
    const e = sx(t) - x;
    if (Math.abs(e) < 1e-6) break;
    if (Math.abs(d) < 1e-6) break;
    t -= e / d;
  }
  if (t < 0 || t > 1 || Math.abs(sx(t) - x) > 1e-4) {
    let lo = 0, hi = 1;
    t = x;
    for (let i = 0; i < 30; i++) {
      if (sx(t) < x) lo = t;
      else hi = t;
      t = (lo + hi) / 2;
    }
  }
  return ((ay * t + by) * t + cy) * t;
}

export function ease(e: EasingSpec | undefined, x: number): number {
  const t = clamp(x, 0, 1);
  if (!e || e === 'linear') return t;
  if (typeof e === 'object') return bezier(e.cubicBezier[0], e.cubicBezier[1], e.cubicBezier[2], e.cubicBezier[3], t);
  switch (e) {
    case 'easeIn':
      return t * t;
    case 'easeOut':
      return t * (2 - t);
    case 'easeInOut':
    case 'smooth':
      return t * t * (3 - 2 * t);
    case 'easeInCubic':
      return t * t * t;
    case 'easeOutCubic':
      return 1 - Math.pow(1 - t, 3);
    case 'easeInOutCubic':
      return t < 0.5 ? 4 * t * t * t : 1 - Math.pow(-2 * t + 2, 3) / 2;
    case 'step':
      return t < 1 ? 0 : 1;
    default:
      return t;
  }
}

/** Index of the last element with key(e) <= t in a sorted array, or −1. */
export function searchLast<T>(arr: readonly T[], t: number, key: (e: T) => number): number {
  let lo = 0;
  let hi = arr.length - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (key(arr[mid]) <= t) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}
