// The set builder: a <Room> spec → walls (with door and window openings placed by wall, position
// and style), floor and ceiling, then dressed from the prop library by style (dressing.ts).
//
// Frame: the room's interior is size[0] × size[1] metres centred on `position`; north is −Z,
// east +X. Walls stand outside the interior (their inner faces are the interior's edges), and the
// north and south walls run past the corners to close them. An opening's `at` is its centre in
// metres from the wall's left end as seen from inside the room, which is also the wall's `from`
// end in the plan — so a door hinged "left" hinges on the side nearer that end, seen from inside.

import type { Rgb } from '../util/color';
import { rgbToLinear } from '../util/color';
import type { PropPlan, SetPlan, WallPlan } from '../plan/schema';
import { dressRoom, type KeepClear } from './dressing';
import type { Footprint } from './footprint';
import { DOOR_STYLES, WINDOW_STYLES, findSetStyle, SET_STYLE_NAMES, type SetStyle } from './styles';
import { parseHexColor } from '../doc/values';

export type Side = 'north' | 'south' | 'east' | 'west';
export const SIDES: Side[] = ['north', 'east', 'south', 'west'];

export interface OpeningSpec {
  wall: Side;
  at?: number | 'center';
  width?: number;
  height?: number;
  sill?: number;
  style?: string;
  id?: string;
  open?: number;
  hinge?: 'left' | 'right';
  /** sRGB 0–1. */
  color?: Rgb;
  glass?: Rgb;
}

export interface RoomSpec {
  id: string;
  size: [number, number];
  height?: number;
  position?: [number, number];
  open?: Side[];
  doors?: OpeningSpec[];
  windows?: OpeningSpec[];
  style?: string;
  floor?: string;
  /** sRGB 0–1. */
  floorColor?: Rgb;
  wallColor?: Rgb;
  ceiling?: boolean;
  seed?: number;
  density?: number;
  bare?: boolean;
}

export interface BuiltOpening {
  kind: 'door' | 'window';
  id: string;
  side: Side;
  /** Plan-space centre of the opening at floor level [x, z] (on the wall's centre line). */
  center: [number, number];
  /** Unit vector into the room. */
  inward: [number, number];
  width: number;
  height: number;
  sill: number;
  wallId: string;
}

export interface RoomProblem {
  code: string;
  message: string;
  prop?: string;
  hint?: string;
  severity?: 'error' | 'warning';
}

export interface BuiltRoom {
  id: string;
  set: SetPlan;
  props: PropPlan[];
  style?: SetStyle;
  exterior: boolean;
  /** Interior (or exterior area) rectangle on the plan. */
  min: [number, number];
  max: [number, number];
  /** Ceiling height, or null when open to the sky. */
  ceiling: number | null;
  openings: BuiltOpening[];
  /** Areas kept clear while dressing (door swings, window fronts, blocking). */
  zones: Footprint[];
  problems: RoomProblem[];
}

const WALL_T = 0.15;
const lin = (c: Rgb | undefined, hex: string): Rgb => rgbToLinear(c ?? parseHexColor(hex)!);

/** The inward yaw (the direction a thing against the wall faces) of each wall. */
export const WALL_YAW: Record<Side, number> = { north: 0, east: -90, south: 180, west: 90 };

/** Builds the room: shell, openings and (unless bare) dressing. Pure and deterministic. */
export interface BuildRoomOptions {
  /** Film seed: the dressing's default seed (with the room id). */
  seed: number;
  /** Spots the blocking uses. */
  keepClear?: KeepClear[];
  /** Things already standing in the scene (props placed by hand) that the dressing must avoid. */
  obstacles?: Footprint[];
}

export function buildRoom(spec: RoomSpec, opts: BuildRoomOptions = { seed: 1 }): BuiltRoom {
  const problems: RoomProblem[] = [];
  const style = spec.style ? findSetStyle(spec.style) : undefined;
  if (spec.style && !style) {
    problems.push({ code: 'room/unknown-style', message: `<Room style="${spec.style}"> is not a set style; the room is left bare.`, prop: 'style', hint: `Styles: ${SET_STYLE_NAMES.join(', ')}.`, severity: 'warning' });
  }
  const exterior = style?.exterior ?? false;
  const [W, D] = spec.size;
  const [px, pz] = spec.position ?? [0, 0];
  const min: [number, number] = [px - W / 2, pz - D / 2];
  const max: [number, number] = [px + W / 2, pz + D / 2];
  const H = spec.height ?? (style && !exterior ? style.height : 2.7);
  const open = new Set<Side>(exterior ? SIDES : (spec.open ?? ['south']));
  const wallColor = lin(spec.wallColor, style?.wall.color ?? '#cfc6b4');
  const wallMaterial = style?.wall.material ?? 'plaster';

  // Wall lines: each runs from its left end (seen from inside) to its right end, on the centre
  // line half a thickness outside the interior. North/south overlap the corners.
  const t = WALL_T;
  const lines: Record<Side, { from: [number, number]; to: [number, number]; length: number; offset: number }> = {
    north: { from: [min[0] - t, min[1] - t / 2], to: [max[0] + t, min[1] - t / 2], length: W, offset: t },
    south: { from: [max[0] + t, max[1] + t / 2], to: [min[0] - t, max[1] + t / 2], length: W, offset: t },
    east: { from: [max[0] + t / 2, min[1]], to: [max[0] + t / 2, max[1]], length: D, offset: 0 },
    west: { from: [min[0] - t / 2, max[1]], to: [min[0] - t / 2, min[1]], length: D, offset: 0 },
  };
  const inward: Record<Side, [number, number]> = { north: [0, 1], south: [0, -1], east: [-1, 0], west: [1, 0] };

  const walls = new Map<Side, WallPlan>();
  for (const side of SIDES) {
    if (open.has(side)) continue;
    const l = lines[side];
    walls.set(side, { id: `${spec.id}.${side}`, from: l.from, to: l.to, height: H, thickness: t, color: wallColor, material: wallMaterial, openings: [] });
  }

  const openings: BuiltOpening[] = [];
  const counts = { door: 0, window: 0 };
  const addOpening = (o: OpeningSpec, kind: 'door' | 'window', which: string) => {
    counts[kind] += 1;
    const id = o.id ?? `${spec.id}.${kind}${counts[kind]}`;
    const wall = walls.get(o.wall);
    const label = `<Room> ${kind} "${id}"`;
    if (!wall) {
      problems.push({ code: 'room/opening-on-open-wall', message: `${label} is on the ${o.wall} wall, which is ${exterior ? 'not built outdoors' : 'open (no wall)'}.`, prop: which, hint: exterior ? 'Exterior styles have no walls.' : `Put it on a closed wall, or remove "${o.wall}" from open={[…]}.` });
      return;
    }
    const styleName = o.style ?? (kind === 'door' ? 'single' : 'standard');
    const ds = kind === 'door' ? DOOR_STYLES[styleName] : undefined;
    const ws = kind === 'window' ? WINDOW_STYLES[styleName] : undefined;
    if (!ds && !ws) {
      const names = Object.keys(kind === 'door' ? DOOR_STYLES : WINDOW_STYLES);
      problems.push({ code: 'room/opening-style', message: `${label} has style "${styleName}", which is not a ${kind} style.`, prop: which, hint: `${kind === 'door' ? 'Door' : 'Window'} styles: ${names.join(', ')}.` });
      return;
    }
    const l = lines[o.wall];
    const width = o.width ?? ds?.width ?? ws!.width;
    let height = o.height ?? ds?.height ?? ws!.height;
    let sill = kind === 'door' ? 0 : (o.sill ?? ws!.sill);
    // A default high window in a low room comes down to fit under the ceiling.
    if (kind === 'window' && o.sill === undefined && sill + height > H - 0.15) sill = Math.max(0.3, H - 0.15 - height);
    if (kind === 'door' && o.height === undefined) height = Math.min(height, H - 0.1);
    const at = o.at === undefined || o.at === 'center' ? l.length / 2 : o.at;
    if (at - width / 2 < 0.05 - 1e-9 || at + width / 2 > l.length - 0.05 + 1e-9) {
      problems.push({ code: 'room/opening-outside', message: `${label} at ${at.toFixed(2)} m (${width.toFixed(2)} m wide) does not fit on the ${o.wall} wall, ${l.length.toFixed(2)} m long inside.`, prop: which, hint: `Place its centre between ${(width / 2 + 0.05).toFixed(2)} and ${(l.length - width / 2 - 0.05).toFixed(2)} m from the wall's left end (seen from inside).` });
      return;
    }
    if (sill + height > H + 1e-6) {
      problems.push({ code: 'room/opening-too-tall', message: `${label} reaches ${(sill + height).toFixed(2)} m, above the ${H} m walls.`, prop: which, hint: 'Lower it, or raise the room with height={…}.' });
      return;
    }
    const planAt = at + l.offset;
    const clash = wall.openings.find((p) => Math.abs(p.at - planAt) < (p.width + width) / 2 + 0.05);
    if (clash) {
      problems.push({ code: 'room/openings-overlap', message: `${label} overlaps "${clash.id}" on the ${o.wall} wall.`, prop: which, hint: 'Move one along the wall (at) or make it narrower.' });
      return;
    }
    const color = o.color ? rgbToLinear(o.color) : lin(undefined, ds?.color ?? '#e8e4da');
    wall.openings.push({ kind, id, at: planAt, width, height, sill, open: kind === 'door' ? (o.open ?? 0) : 0, hinge: o.hinge ?? 'left', color, glass: kind === 'window' ? (o.glass ? rgbToLinear(o.glass) : lin(undefined, '#a9c4d6')) : undefined });
    wall.openings.sort((a, b) => a.at - b.at);
    const dx = (l.to[0] - l.from[0]) / (l.length + 2 * l.offset);
    const dz = (l.to[1] - l.from[1]) / (l.length + 2 * l.offset);
    openings.push({ kind, id, side: o.wall, center: [l.from[0] + dx * planAt, l.from[1] + dz * planAt], inward: inward[o.wall], width, height, sill, wallId: wall.id });
  };
  // The style's own doors and windows when the spec gives none (a door near the open side).
  const fromStyle = (list: SetStyle['doors']): OpeningSpec[] => list.filter((d) => !open.has(d.wall)).map((d) => ({ wall: d.wall, style: d.style, open: d.open, at: d.fromEnd !== undefined ? lines[d.wall].length - d.fromEnd : d.at }));
  const doors = spec.doors ?? (style && !spec.bare ? fromStyle(style.doors) : []);
  const windows = spec.windows ?? (style && !spec.bare ? fromStyle(style.windows) : []);
  for (const d of doors) addOpening(d, 'door', 'doors');
  for (const w of windows) addOpening(w, 'window', 'windows');

  const floorMaterial = spec.floor ?? style?.floor.material ?? 'wood';
  const floorColor = lin(spec.floorColor, style?.floor.color ?? '#7a6650');
  const hasCeiling = !exterior && (spec.ceiling ?? true);
  const set: SetPlan = {
    id: spec.id,
    floor: { color: floorColor, material: floorMaterial, min: exterior ? [min[0] - 2, min[1] - 2] : [min[0] - t, min[1] - t], max: exterior ? [max[0] + 2, max[1] + 2] : [max[0] + t, max[1] + t] },
    ceiling: hasCeiling ? { height: H, color: lin(undefined, style?.ceilingColor ?? '#e6e1d6') } : null,
    walls: SIDES.map((s) => walls.get(s)).filter((w): w is WallPlan => !!w),
  };

  const built: BuiltRoom = { id: spec.id, set, props: [], style, exterior, min, max, ceiling: hasCeiling ? H : null, openings, zones: [], problems };
  if (style && !spec.bare) {
    const seed = spec.seed ?? opts.seed;
    const dressed = dressRoom(built, style, { seed, density: spec.density ?? 1, keepClear: opts.keepClear ?? [], obstacles: opts.obstacles ?? [], open });
    built.props = dressed.props;
    built.zones = dressed.zones;
  }
  return built;
}
