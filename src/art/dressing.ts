// Dressing a room from its style: place each group (sofa set, desk, booth, a ring of trees…)
// where the style says, with a seeded generator, and keep only placements that collide with
// nothing — walls (and what is above and below their openings), every prop already placed, the
// swing of each door and the way through it, the space in front of each window, the spots the
// blocking uses, and the open side the camera shoots from. Deterministic: the same room, style
// and seed give the same props with the same ids.

import { parseHexColor } from '../doc/values';
import { PROP_KINDS } from '../plan/props';
import type { PropPlan } from '../plan/schema';
import { rgbToLinear } from '../util/color';
import { rngFor } from '../util/random';
import { corners, insideRect, intersects, wallFootprints, type Footprint } from './footprint';
import type { BuiltRoom, Side } from './room';
import type { GroupContext, Part, SetStyle } from './styles';

/** A spot the blocking uses: kept clear of props by `radius` metres. */
export interface KeepClear {
  x: number;
  z: number;
  radius: number;
}

/** Placements tried per group before giving up on it (seeded, so the same ones every time). */
export const ATTEMPTS = 40;
/** Clearance between props, and between props and walls, metres. */
export const PROP_GAP = 0.03;
/** Floor coverings (rugs) lie under furniture: they only have to stay inside the room. */
export const FLOOR_COVERING_HEIGHT = 0.02;

interface Solid {
  f: Footprint;
  kind: string;
  covering: boolean;
}

interface Frame {
  /** World position of the group's origin and its yaw. */
  x: number;
  z: number;
  yaw: number;
}

const RAD = Math.PI / 180;
const SIDE_OF_EDGE: Side[] = ['north', 'east', 'south', 'west'];

function partSize(p: Part): [number, number, number] {
  const lib = PROP_KINDS[p.kind];
  const s = p.scale ?? [1, 1, 1];
  return [lib.size[0] * s[0], lib.size[1] * s[1], lib.size[2] * s[2]];
}

/** A part's footprint in the group's own frame. */
function localFootprint(p: Part, ceiling: number | null): Footprint {
  const [w, h, d] = partSize(p);
  const y0 = p.hang !== undefined && ceiling !== null ? ceiling - p.hang - h : (p.y ?? 0);
  return { cx: p.x, cz: p.z, hx: w / 2, hz: d / 2, yaw: p.yaw ?? 0, y0, y1: y0 + h };
}

function toWorld(f: Footprint, fr: Frame): Footprint {
  const c = Math.cos(fr.yaw * RAD);
  const s = Math.sin(fr.yaw * RAD);
  return { ...f, cx: fr.x + c * f.cx + s * f.cz, cz: fr.z - s * f.cx + c * f.cz, yaw: fr.yaw + f.yaw };
}

/** Bounding box of a group's footprints in its own frame. */
function groupBounds(fs: Footprint[]): { x0: number; x1: number; z0: number; z1: number } {
  let x0 = Infinity;
  let x1 = -Infinity;
  let z0 = Infinity;
  let z1 = -Infinity;
  for (const f of fs)
    for (const [x, z] of corners(f)) {
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      z0 = Math.min(z0, z);
      z1 = Math.max(z1, z);
    }
  return { x0, x1, z0, z1 };
}

export interface DressOptions {
  seed: number;
  density: number;
  keepClear: KeepClear[];
  /** Footprints of things already there (hand-placed props). */
  obstacles?: Footprint[];
  open: Set<Side>;
}

export function dressRoom(room: BuiltRoom, style: SetStyle, opts: DressOptions): { props: PropPlan[]; zones: Footprint[] } {
  const rng = rngFor('dress', room.id, style.name, opts.seed);
  const { min, max } = room;
  const W = max[0] - min[0];
  const D = max[1] - min[1];
  const ceiling = room.ceiling;

  // What may not be touched: walls (solid parts), door swings and doorways, window fronts,
  // blocking spots, and for interiors tall things right at the open side.
  const walls: Footprint[] = room.set.walls.flatMap(wallFootprints);
  const zones: Footprint[] = [];
  const windowZones: Footprint[] = [];
  for (const o of room.openings) {
    const yaw = Math.atan2(o.inward[0], o.inward[1]) / RAD;
    if (o.kind === 'door') {
      // The swing (a door as wide as the opening sweeps a square) plus room to walk through.
      const depth = Math.max(o.width, 0.9) + 0.3;
      zones.push({ cx: o.center[0] + o.inward[0] * (depth / 2), cz: o.center[1] + o.inward[1] * (depth / 2), hx: o.width / 2 + 0.15, hz: depth / 2, yaw, y0: 0, y1: o.height });
    } else {
      // Nothing tall in front of a window: it would block the light and the view.
      windowZones.push({ cx: o.center[0] + o.inward[0] * 0.3, cz: o.center[1] + o.inward[1] * 0.3, hx: o.width / 2 + 0.1, hz: 0.3, yaw, y0: o.sill, y1: o.sill + o.height });
    }
  }
  for (const o of opts.obstacles ?? []) zones.push(o);
  for (const k of opts.keepClear) zones.push({ cx: k.x, cz: k.z, hx: k.radius, hz: k.radius, yaw: 0, y0: 0, y1: 2.2 });
  if (!room.exterior) {
    const band = 0.8;
    if (opts.open.has('south')) zones.push({ cx: (min[0] + max[0]) / 2, cz: max[1] - band / 2, hx: W / 2, hz: band / 2, yaw: 0, y0: 1.3, y1: 99 });
    if (opts.open.has('north')) zones.push({ cx: (min[0] + max[0]) / 2, cz: min[1] + band / 2, hx: W / 2, hz: band / 2, yaw: 0, y0: 1.3, y1: 99 });
    if (opts.open.has('east')) zones.push({ cx: max[0] - band / 2, cz: (min[1] + max[1]) / 2, hx: band / 2, hz: D / 2, yaw: 0, y0: 1.3, y1: 99 });
    if (opts.open.has('west')) zones.push({ cx: min[0] + band / 2, cz: (min[1] + max[1]) / 2, hx: band / 2, hz: D / 2, yaw: 0, y0: 1.3, y1: 99 });
  }

  const placed: Solid[] = [];
  const props: PropPlan[] = [];
  const kindCount = new Map<string, number>();

  // Walls a group can stand against: the closed walls indoors, every edge of the area outdoors.
  const edges = SIDE_OF_EDGE.filter((s) => room.exterior || room.set.walls.some((w) => w.id === `${room.id}.${s}`));
  const edgeInfo = (side: Side) => {
    // Origin of the along-wall coordinate (the wall's left end seen from inside) and directions.
    switch (side) {
      case 'north':
        return { start: [min[0], min[1]] as [number, number], along: [1, 0] as [number, number], length: W };
      case 'south':
        return { start: [max[0], max[1]] as [number, number], along: [-1, 0] as [number, number], length: W };
      case 'east':
        return { start: [max[0], min[1]] as [number, number], along: [0, 1] as [number, number], length: D };
      case 'west':
        return { start: [min[0], max[1]] as [number, number], along: [0, -1] as [number, number], length: D };
    }
  };
  const yawOf: Record<Side, number> = { north: 0, east: -90, south: 180, west: 90 };

  // Wall-mounted things touch their wall; everything else keeps PROP_GAP from walls and props.
  const ok = (solids: Solid[], ignoreWindowZones: boolean, mounted: boolean): boolean => {
    const wallGap = mounted ? 0 : PROP_GAP;
    for (let i = 0; i < solids.length; i++) {
      const s = solids[i];
      // Cheapest and likeliest failures first: the room's edge, the props already there.
      if (!insideRect(s.f, min, max, wallGap)) return false;
      if (!s.covering) {
        for (const p of placed) if (!p.covering && intersects(s.f, p.f, PROP_GAP)) return false;
        for (let j = 0; j < i; j++) if (!solids[j].covering && intersects(s.f, solids[j].f, PROP_GAP)) return false;
        if (zones.some((z) => intersects(s.f, z))) return false;
        if (!ignoreWindowZones && windowZones.some((z) => intersects(s.f, z))) return false;
      }
      if (walls.some((w) => intersects(s.f, w, wallGap))) return false;
    }
    return true;
  };

  const ctxFor = (span: number): GroupContext => ({ rng, ceiling, span, pick: (list) => list[Math.floor(rng() * list.length) % list.length] });

  const commit = (parts: Part[], solids: Solid[], fr: Frame) => {
    parts.forEach((p, i) => {
      const lib = PROP_KINDS[p.kind];
      const n = (kindCount.get(p.kind) ?? 0) + 1;
      kindCount.set(p.kind, n);
      const f = solids[i].f;
      const scale = p.scale ?? [1, 1, 1];
      const emissive = lib.emissive ? rgbToLinear(parseHexColor(lib.emissive)!) : ([0, 0, 0] as [number, number, number]);
      props.push({
        id: `${room.id}.${p.kind}${n}`,
        name: `${p.kind} ${n}`,
        kind: p.kind,
        position: [round(f.cx), round(f.y0), round(f.cz)],
        rotation: [0, round(((fr.yaw + (p.yaw ?? 0)) % 360 + 540) % 360 - 180), 0],
        scale: [scale[0], scale[1], scale[2]],
        size: [...lib.size],
        color: rgbToLinear(parseHexColor(p.color ?? lib.color)!),
        material: { roughness: 0.7, metalness: 0, emissive, emissiveIntensity: lib.emissive ? 1 : 0, opacity: 1 },
        castShadow: true,
        seatHeight: lib.seatHeight !== undefined ? lib.seatHeight * scale[1] : undefined,
      });
      placed.push(solids[i]);
    });
  };

  const tryPlace = (spec: SetStyle['groups'][number]): boolean => {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      let fr: Frame;
      let parts: Part[];
      let local: Footprint[];
      let ignoreWindows = false;
      const place = spec.place;
      if (place === 'wall' || place === 'back-wall' || place === 'side-wall' || place === 'corner' || place === 'wall-mounted' || place === 'under-window') {
        let side: Side;
        let u: number | undefined;
        if (place === 'under-window') {
          const wins = room.openings.filter((o) => o.kind === 'window');
          if (!wins.length) return false;
          const win = wins[attempt % wins.length];
          side = win.side;
          const e = edgeInfo(side);
          u = (win.center[0] - e.start[0]) * e.along[0] + (win.center[1] - e.start[1]) * e.along[1];
          ignoreWindows = true;
        } else {
          const wanted = place === 'back-wall' ? edges.filter((s) => s === 'north') : place === 'side-wall' ? edges.filter((s) => s === 'east' || s === 'west') : edges;
          // A preferred wall that does not exist (or is full) falls back to any wall after a few tries.
          const pool = wanted.length && attempt < ATTEMPTS * 0.6 ? wanted : edges;
          if (!pool.length) return false;
          side = pool[Math.floor(rng() * pool.length) % pool.length];
        }
        const e = edgeInfo(side);
        parts = spec.build(ctxFor(e.length));
        if (!parts.length) return false;
        local = parts.map((p) => localFootprint(p, ceiling));
        const b = groupBounds(local);
        const gw = b.x1 - b.x0;
        if (gw > e.length - 2 * PROP_GAP) continue;
        const lo = gw / 2 + PROP_GAP + 0.001;
        const hi = e.length - gw / 2 - PROP_GAP - 0.001;
        if (u === undefined) u = place === 'corner' ? (rng() < 0.5 ? lo : hi) : lo + rng() * Math.max(0, hi - lo);
        if (u < lo || u > hi) continue;
        const yaw = yawOf[side];
        const inward: [number, number] = [Math.sin(yaw * RAD), Math.cos(yaw * RAD)];
        const alongLocal: [number, number] = [Math.cos(yaw * RAD), -Math.sin(yaw * RAD)];
        // The group's centre line sits at u along the wall; its back (z0) just off the wall.
        const wx = e.start[0] + e.along[0] * u;
        const wz = e.start[1] + e.along[1] * u;
        const back = (place === 'wall-mounted' ? 0.002 : PROP_GAP + 0.002) - b.z0;
        const mid = (b.x0 + b.x1) / 2;
        fr = { x: wx + inward[0] * back - alongLocal[0] * mid, z: wz + inward[1] * back - alongLocal[1] * mid, yaw };
      } else {
        parts = spec.build(ctxFor(Math.min(W, D)));
        if (!parts.length) return false;
        local = parts.map((p) => localFootprint(p, ceiling));
        const b = groupBounds(local);
        const r = Math.hypot(Math.max(-b.x0, b.x1), Math.max(-b.z0, b.z1));
        const cx = (min[0] + max[0]) / 2;
        const cz = (min[1] + max[1]) / 2;
        let x: number;
        let z: number;
        let yaw: number;
        if (place === 'center') {
          x = cx + (rng() - 0.5) * Math.max(0, W - 2 * r) * 0.4;
          z = cz + (rng() - 0.5) * Math.max(0, D - 2 * r) * 0.4;
          yaw = room.exterior ? rng() * 360 : Math.floor(rng() * 4) * 90;
        } else if (place === 'perimeter') {
          const band = Math.min(3, Math.min(W, D) * 0.22);
          const side = Math.floor(rng() * 4);
          const t = rng();
          const inset = r + 0.1 + rng() * Math.max(0, band - r);
          x = side === 1 ? max[0] - inset : side === 3 ? min[0] + inset : min[0] + r + t * Math.max(0, W - 2 * r);
          z = side === 0 ? min[1] + inset : side === 2 ? max[1] - inset : min[1] + r + t * Math.max(0, D - 2 * r);
          yaw = 0;
        } else {
          x = min[0] + r + rng() * Math.max(0, W - 2 * r);
          z = min[1] + r + rng() * Math.max(0, D - 2 * r);
          yaw = room.exterior ? rng() * 360 : Math.floor(rng() * 4) * 90 + (rng() - 0.5) * 16;
          // Outdoors the middle is the clearing the scene plays in.
          if (room.exterior && Math.hypot(x - cx, z - cz) < Math.min(W, D) * 0.22 + r) continue;
        }
        fr = { x, z, yaw };
      }
      const solids: Solid[] = parts.map((p, i) => {
        const f = toWorld(local[i], fr);
        return { f, kind: p.kind, covering: f.y1 - f.y0 <= FLOOR_COVERING_HEIGHT };
      });
      if (!ok(solids, ignoreWindows, place === 'wall-mounted')) continue;
      commit(parts, solids, fr);
      return true;
    }
    return false;
  };

  for (const spec of style.groups) {
    if (spec.chance !== undefined && rng() > spec.chance) continue;
    const [lo, hi] = spec.count;
    const n = Math.round((lo + Math.floor(rng() * (hi - lo + 1))) * opts.density);
    for (let k = 0; k < n; k++) if (!tryPlace(spec)) break;
  }
  return { props, zones: [...zones, ...windowZones] };
}

const round = (v: number) => Math.round(v * 1e4) / 1e4;
