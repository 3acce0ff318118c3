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
  const toSubj = norm([subj.eyes[0] - fg.eyes[0], 0, subj.eyes[2] - fg.eyes[2]]);
  const lateral = norm(cross([0, 1, 0], toSubj));
  const back = 0.55;
  const shoulder = 0.3 * (fg.height / 1.75);
  const position: V3 = add(add(fg.eyes, scale(toSubj, -back)), add(scale(lateral, side * shoulder), [0, 0.02, 0]));
  const size = opts.size ?? 'MCU';
  const { aim, frameH } = aimFor(subj, size);
  // The foreground shoulder should take about a third of the frame, so aim slightly off the subject.
  const target = add(aim, scale(lateral, side * 0.12 * frameH));
  const distance = Math.hypot(target[0] - position[0], target[1] - position[1], target[2] - position[2]);
  const focal = opts.focalLengthMm ?? clamp(focalForFrame(frameH * 1.35, distance, opts.sensor, opts.aspect), 32, 85);
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
