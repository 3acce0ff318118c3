// Camera evaluation at a shot-local time: base setup, keyframes, moves (dolly, truck, pan, tilt,
// orbit, crane, zoom, turntable) composed in the order written, then rig character (handheld
// shake, steadicam float). Pure and seeded.

import { hashString, noise1 } from '../util/random';
import { add, cross, DEG, dist, ease, lerp, lerp3, norm, qAxisAngle, qRotate, scale, sub, type V3 } from './math';
import { circleOfConfusion, depthOfField, verticalFovForAspect } from './lens';
import type { CameraPlan } from './schema';
import { applyTracks } from './tracks';

export interface CameraState {
  position: V3;
  target: V3;
  /** Up vector after roll. */
  up: V3;
  roll: number;
  focalLengthMm: number;
  sensor: { widthMm: number; heightMm: number };
  /** Vertical field of view of the delivered frame, degrees. */
  fovDeg: number;
  aspect: number;
  fStop?: number;
  focusDistance: number;
  /** Depth of field limits in metres when fStop is set. */
  dof?: { near: number; far: number };
  near: number;
  far: number;
  whiteBalanceK: number;
  /** Non-perspective projections frame `orthoHeight` metres vertically. */
  projection?: 'perspective' | 'orthographic' | 'isometric' | 'side-scroller';
  orthoHeight?: number;
}

export interface SubjectLookup {
  /** Aim point of a subject (character eyes, prop centre, mark). */
  aimOf(id: string): V3 | undefined;
}

const UP: V3 = [0, 1, 0];

function rotateAbout(p: V3, pivot: V3, axis: V3, rad: number): V3 {
  return add(pivot, qRotate(qAxisAngle(axis, rad), sub(p, pivot)));
}

export function evaluateCamera(cam: CameraPlan, t: number, subjects: SubjectLookup, aspect: number, shotKey: string): CameraState {
  const animated = applyTracks(cam, cam.tracks, 'camera', t);
  let position: V3 = [...animated.position];
  let target: V3 = [...animated.target];
  if (animated.targetSubject) {
    const a = subjects.aimOf(animated.targetSubject);
    if (a) target = animated.targetOffset ? add(a, animated.targetOffset) : a;
  }
  let focal = animated.focalLengthMm;
  for (const m of cam.moves) {
    if (t < m.t0) continue;
    const p = m.t1 > m.t0 ? ease(m.easing, (t - m.t0) / (m.t1 - m.t0)) : 1;
    const dir = norm(sub(target, position));
    switch (m.kind) {
      case 'dolly':
        position = m.to ? lerp3(position, m.to, p) : add(position, scale(norm([dir[0], 0, dir[2]]), (m.distance ?? 0) * p));
        break;
      case 'truck': {
        const right = norm(cross(dir, UP));
        const off = m.to ? scale(sub(m.to, position), p) : scale(right, (m.distance ?? 0) * p);
        position = add(position, off);
        target = add(target, off);
        break;
      }
      case 'pan': {
        if (m.toSubject || m.to) {
          const goal = (m.toSubject ? subjects.aimOf(m.toSubject) : m.to) ?? target;
          const d0 = sub(target, position);
          const d1 = scale(norm(sub(goal, position)), Math.hypot(...d0));
          target = add(position, lerp3(d0, d1, p));
        } else target = rotateAbout(target, position, UP, -(m.degrees ?? 0) * p * DEG);
        break;
      }
      case 'tilt': {
        const right = norm(cross(dir, UP));
        target = rotateAbout(target, position, right, (m.degrees ?? 0) * p * DEG);
        break;
      }
      case 'orbit':
      case 'turntable': {
        const deg = m.degrees ?? (m.kind === 'turntable' ? 360 : 0);
        position = rotateAbout(position, target, UP, deg * p * DEG);
        if (m.elevation) {
          const right = norm(cross(norm(sub(target, position)), UP));
          position = rotateAbout(position, target, right, -m.elevation * p * DEG);
        }
        break;
      }
      case 'crane': {
        position = add(position, [0, (m.rise ?? 0) * p, 0]);
        if (m.boom) position = add(position, scale(norm([dir[0], 0, dir[2]]), m.boom * p));
        break;
      }
      case 'zoom':
        focal = lerp(focal, m.focalLengthMm ?? focal, p);
        break;
    }
  }

  // Rig character: handheld breathes and bumps; steadicam floats; both seeded per shot.
  if (cam.shake > 0 || cam.rig === 'handheld' || cam.rig === 'steadicam') {
    const seed = hashString(shotKey);
    const amt = cam.shake || (cam.rig === 'handheld' ? 0.5 : 0.25);
    const slow = cam.rig === 'steadicam' ? 0.35 : 0.9;
    const posAmp = (cam.rig === 'steadicam' ? 0.012 : 0.008) * amt;
    const rotAmp = (cam.rig === 'steadicam' ? 0.15 : 0.6) * amt * DEG;
    position = add(position, [noise1(seed, t * slow) * posAmp, noise1(seed + 1, t * slow * 1.1) * posAmp, noise1(seed + 2, t * slow * 0.9) * posAmp]);
    const d = sub(target, position);
    const yawJ = noise1(seed + 3, t * slow * 1.3) * rotAmp + (cam.rig === 'handheld' ? noise1(seed + 4, t * 6) * rotAmp * 0.15 : 0);
    const pitchJ = noise1(seed + 5, t * slow * 1.2) * rotAmp;
    let nd = qRotate(qAxisAngle(UP, yawJ), d);
    nd = qRotate(qAxisAngle(norm(cross(nd, UP)), pitchJ), nd);
    target = add(position, nd);
  }

  const forward = norm(sub(target, position));
  const roll = animated.roll;
  const up = roll ? qRotate(qAxisAngle(forward, -roll * DEG), UP) : UP;
  let focusDistance = animated.focusDistance ?? dist(position, target);
  if (animated.focusSubject) {
    const f = subjects.aimOf(animated.focusSubject);
    if (f) focusDistance = dist(position, f);
  }
  const fovDeg = verticalFovForAspect(focal, animated.sensor, aspect);
  const state: CameraState = {
    position,
    target,
    up,
    roll,
    focalLengthMm: focal,
    sensor: { widthMm: animated.sensor.widthMm, heightMm: animated.sensor.heightMm },
    fovDeg,
    aspect,
    focusDistance,
    near: animated.near,
    far: animated.far,
    whiteBalanceK: animated.whiteBalanceK,
  };
  if (animated.projection && animated.projection !== 'perspective') {
    state.projection = animated.projection;
    state.orthoHeight = animated.orthoHeight ?? 4;
  }
  if (animated.fStop) {
    state.fStop = animated.fStop;
    const dof = depthOfField(focal, animated.fStop, circleOfConfusion(animated.sensor), focusDistance);
    state.dof = { near: dof.near, far: Number.isFinite(dof.far) ? dof.far : 1e6 };
  }
  return state;
}
