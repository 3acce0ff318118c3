// Footprints for set dressing: a prop (or a wall, or a zone that must stay clear) as an oriented
// rectangle on the floor plan plus a height range. Two solids intersect when their rectangles
// overlap (separating-axis test) and their height ranges overlap — so a lamp on a nightstand or
// a pendant over a table is fine, a chair pushed into a table is not.

import type { PropPlan, WallPlan } from '../plan/schema';

export interface Footprint {
  /** Centre on the floor plan [x, z]. */
  cx: number;
  cz: number;
  /** Half extents along the footprint's own axes (x across, z front–back), metres. */
  hx: number;
  hz: number;
  /** Yaw in degrees (kino's convention: 0 faces +Z, 90 faces +X). */
  yaw: number;
  /** Height range [y0, y1]. */
  y0: number;
  y1: number;
}

const RAD = Math.PI / 180;

/** The rectangle's corners on the floor plan. */
export function corners(f: Footprint): Array<[number, number]> {
  const c = Math.cos(f.yaw * RAD);
  const s = Math.sin(f.yaw * RAD);
  // Local +X maps to (cos, −sin), local +Z to (sin, cos) — three.js's rotation about +Y.
  const ax: [number, number] = [c * f.hx, -s * f.hx];
  const az: [number, number] = [s * f.hz, c * f.hz];
  return [
    [f.cx + ax[0] + az[0], f.cz + ax[1] + az[1]],
    [f.cx - ax[0] + az[0], f.cz - ax[1] + az[1]],
    [f.cx - ax[0] - az[0], f.cz - ax[1] - az[1]],
    [f.cx + ax[0] - az[0], f.cz + ax[1] - az[1]],
  ];
}

/** Projection interval of a footprint on an axis (ax, az): centre ± radius. */
function project(f: Footprint, c: number, s: number, ax: number, az: number): [number, number] {
  const mid = f.cx * ax + f.cz * az;
  // Half extents along the footprint's own axes, (c, −s) and (s, c), projected on the axis.
  const r = f.hx * Math.abs(c * ax - s * az) + f.hz * Math.abs(s * ax + c * az);
  return [mid - r, mid + r];
}

/**
 * Whether two footprints overlap on the floor plan by more than `-gap` (pass a positive gap to
 * demand clearance between them): separating-axis test on the four edge normals. Allocation-free
 * apart from the intervals: the dresser calls it hundreds of thousands of times per film.
 */
export function overlapsPlan(a: Footprint, b: Footprint, gap = 0): boolean {
  // Most pairs in a room are far apart: bounding circles settle them without the full test.
  const reach = Math.hypot(a.hx, a.hz) + Math.hypot(b.hx, b.hz) + gap;
  const dx = a.cx - b.cx;
  const dz = a.cz - b.cz;
  if (dx * dx + dz * dz >= reach * reach) return false;
  const ca = Math.cos(a.yaw * RAD);
  const sa = Math.sin(a.yaw * RAD);
  const cb = Math.cos(b.yaw * RAD);
  const sb = Math.sin(b.yaw * RAD);
  const axes = [ca, -sa, sa, ca, cb, -sb, sb, cb];
  for (let i = 0; i < 8; i += 2) {
    const [a0, a1] = project(a, ca, sa, axes[i], axes[i + 1]);
    const [b0, b1] = project(b, cb, sb, axes[i], axes[i + 1]);
    if (a1 + gap <= b0 || b1 + gap <= a0) return false;
  }
  return true;
}

/** Solids intersect: plans overlap (with `gap` clearance) and heights overlap. */
export function intersects(a: Footprint, b: Footprint, gap = 0): boolean {
  if (a.y1 <= b.y0 + 1e-6 || b.y1 <= a.y0 + 1e-6) return false;
  return overlapsPlan(a, b, gap);
}

/** A prop's footprint from its plan: catalogue box × scale, yaw from rotation[1]. */
export function propFootprint(p: Pick<PropPlan, 'position' | 'rotation' | 'scale' | 'size'>): Footprint {
  return {
    cx: p.position[0],
    cz: p.position[2],
    hx: (p.size[0] * p.scale[0]) / 2,
    hz: (p.size[2] * p.scale[2]) / 2,
    yaw: p.rotation[1],
    y0: p.position[1],
    y1: p.position[1] + p.size[1] * p.scale[1],
  };
}

/**
 * A wall's solid parts: the wall minus its openings, as footprints (one per solid span, plus the
 * parts above and below each opening).
 */
export function wallFootprints(w: WallPlan): Footprint[] {
  const dx = w.to[0] - w.from[0];
  const dz = w.to[1] - w.from[1];
  const L = Math.hypot(dx, dz);
  if (L < 1e-9) return [];
  const ux = dx / L;
  const uz = dz / L;
  // The wall's length runs along its local +X: yaw such that (cos, −sin) = (ux, uz).
  const yaw = Math.atan2(-uz, ux) / RAD;
  const piece = (a: number, b: number, y0: number, y1: number): Footprint => {
    const mid = (a + b) / 2;
    return { cx: w.from[0] + ux * mid, cz: w.from[1] + uz * mid, hx: (b - a) / 2, hz: w.thickness / 2, yaw, y0, y1 };
  };
  const out: Footprint[] = [];
  const ops = [...w.openings].sort((a, b) => a.at - b.at);
  let x = 0;
  for (const o of ops) {
    const a = o.at - o.width / 2;
    const b = o.at + o.width / 2;
    if (a > x) out.push(piece(x, a, 0, w.height));
    if (o.sill > 0) out.push(piece(a, b, 0, o.sill));
    if (o.sill + o.height < w.height) out.push(piece(a, b, o.sill + o.height, w.height));
    x = Math.max(x, b);
  }
  if (x < L) out.push(piece(x, L, 0, w.height));
  return out.filter((f) => f.hx > 1e-6);
}

/** Whether a footprint lies inside an axis-aligned rectangle (all corners), with a margin. */
export function insideRect(f: Footprint, min: [number, number], max: [number, number], margin = 0): boolean {
  return corners(f).every(([x, z]) => x >= min[0] + margin - 1e-9 && x <= max[0] - margin + 1e-9 && z >= min[1] + margin - 1e-9 && z <= max[1] - margin + 1e-9);
}
