// Non-perspective cameras for the render page, as pure maths (no three.js, so Node tests it too):
//
// - orthographic: the plan camera's position and aim, parallel projection.
// - isometric: the "2:1 pixel isometric" of games — yaw 45° (to the nearest diagonal of the plan
//   camera's side of the subject) and pitch 30° down. A horizontal unit square then projects to a
//   diamond √2 wide and √2·sin 30° = √2/2 high: exactly 2:1, so tile edges run at atan(1/2) ≈
//   26.565° on screen, the one-over-two-up pixel staircase. (Pitch atan(1/2) itself would give a
//   2.24:1 diamond; the 26.565° figure is the edge angle on screen, not the camera pitch.)
// - side-scroller: straight on (pitch 0) along the plan camera's horizontal heading.
//
// Pixel snapping moves the camera, in its own screen plane, to the nearest whole pixel, so a
// scrolling orthographic view shifts the picture by whole pixels and pixel art does not shimmer.

export type V3 = [number, number, number];

export interface OrthoInput {
  projection: 'orthographic' | 'isometric' | 'side-scroller';
  position: V3;
  target: V3;
  up: V3;
  /** Metres framed vertically. */
  orthoHeight: number;
  near: number;
  far: number;
}

export interface OrthoPose {
  position: V3;
  target: V3;
  up: V3;
  /** Frustum half extents in metres. */
  halfWidth: number;
  halfHeight: number;
  near: number;
  far: number;
  /** Camera basis (right, screen-up, forward), for snapping and parallax. */
  right: V3;
  screenUp: V3;
  forward: V3;
}

export const ISO_PITCH_DEG = 30;
/** How far behind the aim point a non-perspective camera stands: nothing in a set is farther. */
const STANDOFF = 120;

const sub = (a: V3, b: V3): V3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const add = (a: V3, b: V3): V3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
const scale = (a: V3, k: number): V3 => [a[0] * k, a[1] * k, a[2] * k];
const dot = (a: V3, b: V3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: V3, b: V3): V3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const norm = (a: V3): V3 => {
  const l = Math.hypot(a[0], a[1], a[2]) || 1;
  return [a[0] / l, a[1] / l, a[2] / l];
};

/** Yaw (radians, atan2(x, z)) of the horizontal direction from the aim point to the camera. */
function headingOf(position: V3, target: V3): number {
  const d = sub(position, target);
  return Math.hypot(d[0], d[2]) < 1e-6 ? 0 : Math.atan2(d[0], d[2]);
}

export function orthoPose(c: OrthoInput, width: number, height: number, pixelSnap = false): OrthoPose {
  const halfHeight = c.orthoHeight / 2;
  const halfWidth = halfHeight * (width / height);
  let dir: V3;
  let upHint: V3 = [0, 1, 0];
  if (c.projection === 'isometric') {
    // The diagonal (45° + k·90°) nearest the plan camera's heading.
    const h = headingOf(c.position, c.target);
    const q = Math.PI / 4 + Math.round((h - Math.PI / 4) / (Math.PI / 2)) * (Math.PI / 2);
    const p = (ISO_PITCH_DEG * Math.PI) / 180;
    dir = [Math.sin(q) * Math.cos(p), Math.sin(p), Math.cos(q) * Math.cos(p)];
  } else if (c.projection === 'side-scroller') {
    const h = headingOf(c.position, c.target);
    dir = [Math.sin(h), 0, Math.cos(h)];
  } else {
    dir = norm(sub(c.position, c.target));
    upHint = c.up;
  }
  const forward = scale(dir, -1);
  const right = norm(cross(forward, upHint));
  const screenUp = cross(right, forward);
  let target = c.target;
  if (pixelSnap) {
    const px = (2 * halfHeight) / height;
    const tr = dot(target, right);
    const tu = dot(target, screenUp);
    target = add(target, add(scale(right, Math.round(tr / px) * px - tr), scale(screenUp, Math.round(tu / px) * px - tu)));
  }
  const standoff = c.projection === 'orthographic' ? Math.max(STANDOFF, Math.hypot(...sub(c.position, c.target))) : STANDOFF;
  const position = add(target, scale(dir, standoff));
  return { position, target, up: screenUp, halfWidth, halfHeight, near: 0.05, far: standoff + Math.max(c.far, STANDOFF), right, screenUp, forward };
}

/** Signed distance of a point in front of the focal plane through the aim point (+ = farther). */
export function depthBeyondTarget(pose: OrthoPose, p: V3): number {
  return dot(sub(p, pose.target), pose.forward);
}

export interface ParallaxLayer {
  name: string;
  /** Depth range beyond the aim plane, metres [from, to). */
  from: number;
  to: number;
  /** Scroll factor: 1 moves with the camera, 0 stays put (the sky). */
  factor: number;
}

/**
 * Default side-scroller layers by depth from the action plane, each with the scroll factor a
 * perspective camera at `viewDistance` would give its middle (D / (D + d)): what is twice as far
 * scrolls half as fast.
 */
export function defaultParallaxLayers(viewDistance: number): ParallaxLayer[] {
  const D = Math.max(2, viewDistance);
  const f = (d: number) => Math.round((D / (D + d)) * 1000) / 1000;
  return [
    { name: 'sky', from: Infinity, to: Infinity, factor: 0 },
    { name: 'far', from: 12, to: Infinity, factor: f(24) },
    { name: 'mid', from: 3, to: 12, factor: f(7) },
    { name: 'action', from: -2, to: 3, factor: 1 },
    { name: 'front', from: -Infinity, to: -2, factor: f(-Math.min(D * 0.5, 3)) },
  ];
}
