// Framing: where to put a camera so a shot size means what the trade means by it — a CU fills the
// frame with head and shoulders, an MS cuts at the waist, a WS shows the whole figure with room.
// Frame heights are fractions of the subject's height (1.75 m person: CU ≈ 0.44 m, MS ≈ 0.96 m,
// WS ≈ 2.2 m); the top of frame sits a little above the head (headroom) except in an ECU.

import type { ShotSize } from '../doc/schema';
import { add, clamp, cross, DEG, dirYaw, norm, scale, sub, yawDir, type V3 } from './math';
import { focalForFrame, gateHeight, type Sensor } from './lens';

/** Frame height as a fraction of the subject's standing height. */
export const SIZE_FRAME: Record<ShotSize, number> = { ECU: 0.085, CU: 0.25, MCU: 0.36, MS: 0.55, MWS: 0.76, WS: 1.3, EWS: 3.6 };
/** Customary focal lengths (S35) per size, for when the shot does not name one. */
export const SIZE_LENS: Record<ShotSize, number> = { ECU: 100, CU: 75, MCU: 60, MS: 45, MWS: 40, WS: 32, EWS: 24 };
export const SIZE_ORDER: ShotSize[] = ['ECU', 'CU', 'MCU', 'MS', 'MWS', 'WS', 'EWS'];

export interface Framed {
  position: V3;
  target: V3;
  focalLengthMm: number;
  /** Aim point minus the subject's eyes: keeps framing while the camera follows them. */
  targetOffset: V3;
}

export interface SubjectRef {
  eyes: V3;
  /** Standing height (sets the frame scale even when seated). */
  height: number;
  yaw: number;
}

function aimFor(s: SubjectRef, size: ShotSize): { aim: V3; frameH: number } {
  const frameH = SIZE_FRAME[size] * s.height;
  const headTop = s.eyes[1] + 0.07 * s.height;
  if (size === 'ECU') return { aim: [s.eyes[0], s.eyes[1] - 0.01 * s.height, s.eyes[2]], frameH };
  const headroom = size === 'WS' || size === 'EWS' ? 0.06 * frameH : 0.1 * frameH;
  const top = headTop + headroom;
  // Wide frames are set by the figure, not the head: centre on the body, keeping feet in frame.
  const centreY = size === 'WS' || size === 'EWS' ? Math.max(top - frameH / 2, frameH / 2 - 0.05 * s.height) : top - frameH / 2;
  return { aim: [s.eyes[0], centreY, s.eyes[2]], frameH };
}

function cameraHeight(angle: string | undefined, size: ShotSize, aim: V3, eyes: V3, height: number): number {
  switch (angle) {
    case 'high':
      return eyes[1] + 0.75;
    case 'low':
      return Math.max(0.35, aim[1] - 0.55 * height * (size === 'WS' || size === 'EWS' ? 0.5 : 0.45));
    case 'overhead':
      return eyes[1] + 2.8;
    case 'ground':
      return 0.18;
    default:
      // Eye level for people; a wide is shot from standing eye height.
      return size === 'WS' || size === 'EWS' ? Math.min(1.5, eyes[1] + 0.1) : eyes[1] - 0.02 * height;
  }
}

/** A single: the subject at `size`, seen from `azimuth` degrees off their facing (+ = their left). */
export function frameSingle(s: SubjectRef, size: ShotSize, opts: { azimuth?: number; angle?: string; focalLengthMm?: number; sensor: Sensor; aspect: number }): Framed {
  const { aim, frameH } = aimFor(s, size);
  const focal = opts.focalLengthMm ?? SIZE_LENS[size];
  const dist = (frameH / 2) / Math.tan(Math.atan(gateHeight(opts.sensor, opts.aspect) / (2 * focal)));
  const dir = yawDir(s.yaw + (opts.azimuth ?? 0));
  const camY = cameraHeight(opts.angle, size, aim, s.eyes, s.height);
  const dy = camY - aim[1];
  const horiz = Math.sqrt(Math.max(0.01, dist * dist - dy * dy));
  let position: V3 = [aim[0] + dir[0] * horiz, camY, aim[2] + dir[2] * horiz];
  if (opts.angle === 'overhead') position = [aim[0] + dir[0] * 0.3, camY, aim[2] + dir[2] * 0.3];
  return { position, target: aim, focalLengthMm: focal, targetOffset: sub(aim, s.eyes) };
}

/** Several subjects in one frame (two-shot, group, master), from the side given by `normal`. */
export function frameGroup(subjects: SubjectRef[], size: ShotSize, opts: { normal: V3; angle?: string; focalLengthMm?: number; sensor: Sensor; aspect: number }): Framed {
  const n = subjects.length;
  const c = scale(subjects.reduce((a, s) => add(a, s.eyes), [0, 0, 0] as V3), 1 / n);
  const height = Math.max(...subjects.map((s) => s.height));
  const ref: SubjectRef = { eyes: [c[0], Math.max(...subjects.map((s) => s.eyes[1])), c[2]], height, yaw: dirYaw(opts.normal) };
  const { aim, frameH } = aimFor(ref, size);
  const focal = opts.focalLengthMm ?? SIZE_LENS[size];
  const gate = gateHeight(opts.sensor, opts.aspect);
  const vHalf = Math.atan(gate / (2 * focal));
  const hHalf = Math.atan((gate * opts.aspect) / (2 * focal));
  // Lateral spread of the subjects across the frame.
  const across = norm(cross([0, 1, 0], opts.normal));
  let spread = 0;
  for (const s of subjects) spread = Math.max(spread, Math.abs((s.eyes[0] - c[0]) * across[0] + (s.eyes[2] - c[2]) * across[2]));
  const needH = (frameH / 2) / Math.tan(vHalf);
  const needW = (spread + 0.45 * height * 0.5) / Math.tan(hHalf) * 1.08;
  const dist = Math.max(needH, needW);
  const camY = cameraHeight(opts.angle, size, aim, ref.eyes, height);
  const dy = camY - aim[1];
  const horiz = Math.sqrt(Math.max(0.01, dist * dist - dy * dy));
  const nrm = norm([opts.normal[0], 0, opts.normal[2]]);
  return { position: [aim[0] + nrm[0] * horiz, camY, aim[2] + nrm[2] * horiz], target: aim, focalLengthMm: focal, targetOffset: sub(aim, ref.eyes) };
}

/**
 * Over the shoulder: behind the foreground character's shoulder on `side` (+1 = the side of the
 * frame left of the line from fg to subject, seen from behind fg), aimed at the subject's face.
 */
export function frameOts(fg: SubjectRef, subj: SubjectRef, side: 1 | -1, opts: { size?: ShotSize; focalLengthMm?: number; sensor: Sensor; aspect: number }): Framed {
  // Just behind the foreground head and a little to one side, at its eye height: the back of the
  // head and the near shoulder take the outer fifth of the frame, the subject faces us. The
  // sideways offset follows the lens: the wider the lens (a close subject), the further the
  // camera moves out, so the foreground never swamps the frame.
  const toSubj = norm([subj.eyes[0] - fg.eyes[0], 0, subj.eyes[2] - fg.eyes[2]]);
  const lateral = norm(cross([0, 1, 0], toSubj));
  const scaleK = fg.height / 1.75;
  const back = 0.9 * scaleK;
  const size = opts.size ?? 'MCU';
  const { aim, frameH } = aimFor(subj, size);
  const headR = 0.1 * scaleK;
  // A little above the foreground eyes, looking over the shoulder rather than into it.
  const place = (l: number): V3 => add(add(fg.eyes, scale(toSubj, -back)), add(scale(lateral, side * l), [0, 0.09 * scaleK, 0]));
  let lateralM = 0.2 * scaleK;
  let focal = opts.focalLengthMm ?? 50;
  for (let k = 0; k < 3; k++) {
    const position = place(lateralM);
    const distance = Math.hypot(aim[0] - position[0], aim[1] - position[1], aim[2] - position[2]);
    focal = opts.focalLengthMm ?? clamp(focalForFrame(frameH * 1.25, distance, opts.sensor, opts.aspect), 28, 85);
    const halfH = Math.atan((gateHeight(opts.sensor, opts.aspect) * opts.aspect) / (2 * focal));
    // Inner edge of the foreground head at 60 % of the way from the centre to the frame edge.
    // …and never less than just outside the near shoulder: a camera right above the shoulder
    // puts it mid-frame instead of at the edge.
    lateralM = clamp(back * Math.tan(0.6 * halfH + headR / back), 0.26 * scaleK, 0.5 * scaleK);
  }
  const position = place(lateralM);
  const distance = Math.hypot(aim[0] - position[0], aim[1] - position[1], aim[2] - position[2]);
  // Nudge the subject away from the foreground shoulder so the two do not overlap.
  const target = add(aim, scale(lateral, -side * 0.05 * distance));
  return { position, target, focalLengthMm: focal, targetOffset: sub(target, subj.eyes) };
}

/** An insert on an object: from above and in front, framing `objectSize` metres with margin. */
export function frameInsert(point: V3, objectSize: number, from: V3, opts: { size?: ShotSize; focalLengthMm?: number; sensor: Sensor; aspect: number }): Framed {
  const frameH = Math.max(0.12, objectSize * (opts.size === 'ECU' ? 1.1 : 1.8));
  const focal = opts.focalLengthMm ?? 60;
  const dist = (frameH / 2) / Math.tan(Math.atan(gateHeight(opts.sensor, opts.aspect) / (2 * focal)));
  const dir = norm([from[0] - point[0], 0, from[2] - point[2]]);
  const elev = 35 * DEG;
  const position: V3 = [point[0] + dir[0] * dist * Math.cos(elev), point[1] + dist * Math.sin(elev), point[2] + dir[2] * dist * Math.cos(elev)];
  return { position, target: point, focalLengthMm: focal, targetOffset: [0, 0, 0] };
}

export interface WallLike {
  from: [number, number];
  to: [number, number];
  height: number;
  thickness: number;
  openings: Array<{ at: number; width: number; sill: number; height: number }>;
}

/**
 * A camera framed from the subject outward may end up behind a wall of the set. Like a DP in a
 * small room, slide it along its line of sight to just inside the wall and widen the lens by the
 * same ratio, so the subject keeps its size in frame. Views through a door or window are kept.
 */
export function unblock(f: Framed, walls: WallLike[], minFocalMm = 14): Framed {
  let best = insideWalledSides(f, walls, minFocalMm);
  for (let pass = 0; pass < 3; pass++) {
    const cam = best.position;
    const aim = best.target;
    let nearest = Infinity;
    for (const w of walls) {
      const hit = segmentHit([aim[0], aim[2]], [cam[0], cam[2]], w.from, w.to);
      if (!hit) continue;
      const along = hit.v * Math.hypot(w.to[0] - w.from[0], w.to[1] - w.from[1]);
      const y = aim[1] + (cam[1] - aim[1]) * hit.u;
      if (y < 0 || y > w.height) continue;
      const throughOpening = w.openings.some((o) => Math.abs(along - o.at) < o.width / 2 - 0.05 && y > o.sill + 0.05 && y < o.sill + o.height - 0.05);
      if (throughOpening) continue;
      nearest = Math.min(nearest, hit.u);
    }
    if (nearest === Infinity) return best;
    const total = Math.hypot(cam[0] - aim[0], cam[1] - aim[1], cam[2] - aim[2]);
    const keep = Math.max(0.3, nearest * total - 0.3);
    const k = keep / total;
    const position: V3 = [aim[0] + (cam[0] - aim[0]) * k, aim[1] + (cam[1] - aim[1]) * k, aim[2] + (cam[2] - aim[2]) * k];
    best = { ...best, position, focalLengthMm: Math.max(minFocalMm, best.focalLengthMm * k) };
  }
  return best;
}

/** Intersection of segment p0→p1 with segment a→b in the floor plan: u along p, v along a→b. */
function segmentHit(p0: [number, number], p1: [number, number], a: [number, number], b: [number, number]): { u: number; v: number } | undefined {
  const rx = p1[0] - p0[0];
  const rz = p1[1] - p0[1];
  const sx = b[0] - a[0];
  const sz = b[1] - a[1];
  const den = rx * sz - rz * sx;
  if (Math.abs(den) < 1e-9) return undefined;
  const qx = a[0] - p0[0];
  const qz = a[1] - p0[1];
  const u = (qx * sz - qz * sx) / den;
  const v = (qx * rz - qz * rx) / den;
  return u > 1e-6 && u <= 1 && v >= 0 && v <= 1 ? { u, v } : undefined;
}

/**
 * Sides of the set's footprint that have a wall along them are closed: a camera must stay at
 * least 0.3 m inside them (shooting past the end of a wall puts its edge in frame). The open side
 * — the "fourth wall" — is where cameras may stand back as far as they like.
 */
function insideWalledSides(f: Framed, walls: WallLike[], minFocalMm: number): Framed {
  if (!walls.length) return f;
  const xs = walls.flatMap((w) => [w.from[0], w.to[0]]);
  const zs = walls.flatMap((w) => [w.from[1], w.to[1]]);
  const box = { x0: Math.min(...xs), x1: Math.max(...xs), z0: Math.min(...zs), z1: Math.max(...zs) };
  const along = (axis: 'x' | 'z', value: number, span: number) =>
    walls.reduce((sum, w) => {
      const onLine = axis === 'x' ? Math.abs(w.from[0] - value) < 0.3 && Math.abs(w.to[0] - value) < 0.3 : Math.abs(w.from[1] - value) < 0.3 && Math.abs(w.to[1] - value) < 0.3;
      return onLine ? sum + Math.hypot(w.to[0] - w.from[0], w.to[1] - w.from[1]) : sum;
    }, 0) >= 0.5 * span;
  const w = box.x1 - box.x0;
  const d = box.z1 - box.z0;
  const closed = { x0: along('x', box.x0, d), x1: along('x', box.x1, d), z0: along('z', box.z0, w), z1: along('z', box.z1, w) };
  const m = 0.3;
  const cam = f.position;
  const aim = f.target;
  // Largest fraction k of the aim→camera line that keeps the camera inside every closed side.
  let k = 1;
  const limit = (c: number, a: number, bound: number, inside: 1 | -1) => {
    // inside = +1: need c >= bound; −1: need c <= bound.
    if ((c - bound) * inside >= 0) return 1;
    const t = (bound - a) / (c - a);
    return Number.isFinite(t) ? Math.max(0.05, t) : 1;
  };
  if (closed.x0) k = Math.min(k, limit(cam[0], aim[0], box.x0 + m, 1));
  if (closed.x1) k = Math.min(k, limit(cam[0], aim[0], box.x1 - m, -1));
  if (closed.z0) k = Math.min(k, limit(cam[2], aim[2], box.z0 + m, 1));
  if (closed.z1) k = Math.min(k, limit(cam[2], aim[2], box.z1 - m, -1));
  if (k >= 1) return f;
  const position: V3 = [aim[0] + (cam[0] - aim[0]) * k, aim[1] + (cam[1] - aim[1]) * k, aim[2] + (cam[2] - aim[2]) * k];
  return { ...f, position, focalLengthMm: Math.max(minFocalMm, f.focalLengthMm * k) };
}

/** True when the line of sight from the camera to the aim point passes clear of these people. */
export function clearOfPeople(position: V3, aim: V3, people: Array<{ eyes: V3 }>, radius = 0.32): boolean {
  for (const p of people) {
    for (let i = 0; i <= 24; i++) {
      const t = i / 24;
      const x = position[0] + (aim[0] - position[0]) * t;
      const y = position[1] + (aim[1] - position[1]) * t;
      const z = position[2] + (aim[2] - position[2]) * t;
      if (y < p.eyes[1] + 0.2 && Math.hypot(x - p.eyes[0], z - p.eyes[2]) < radius) return false;
    }
  }
  return true;
}
