// Set dressing styles: what a "diner" or a "1970s apartment" is made of. A style gives the room's
// shell (height, floor, walls, ceiling, default doors and windows) and its dressing as groups —
// furniture arrangements that read as one thing on screen (a sofa with its coffee table and rug,
// a bed with nightstands and lamps, a diner booth) — each with where it goes in the room.
//
// Groups are laid out in their own frame: the group faces +Z (into the room), its back at z = 0
// (for wall groups) or its centre at the origin (for centre and scatter groups). The dresser
// (dressing.ts) rotates and places them and rejects any placement that collides.

import { slugify } from './locations';

export interface Part {
  kind: string;
  /** Position in the group's frame; y is the height the part stands on (0 = floor). */
  x: number;
  z: number;
  y?: number;
  /** Yaw relative to the group, degrees. */
  yaw?: number;
  /** Non-uniform scale of the catalogue size (e.g. a counter cut to 1.2 m). */
  scale?: [number, number, number];
  color?: string;
  /** Hangs from the ceiling: y is measured down from the ceiling to the part's top (cord length). */
  hang?: number;
}

export interface GroupContext {
  rng: () => number;
  /** Room height (ceiling), or null outdoors. */
  ceiling: number | null;
  /** Length of wall available where a wall group is being placed (metres). */
  span: number;
  pick<T>(list: readonly T[]): T;
}

export type Placement =
  /** Back against a wall (any closed wall, or the back wall / a side wall). */
  | 'wall'
  | 'back-wall'
  | 'side-wall'
  /** Into a corner, back against a wall. */
  | 'corner'
  /** Mounted on a wall at a height (paintings, boards): y in the part is its bottom edge. */
  | 'wall-mounted'
  /** Centred under a window (radiators, low benches). */
  | 'under-window'
  /** Around the middle of the room. */
  | 'center'
  /** Anywhere inside, clear of the middle outdoors. */
  | 'scatter'
  /** A band along the edge of an exterior area (trees around a clearing). */
  | 'perimeter';

export interface GroupSpec {
  name: string;
  place: Placement;
  /** How many to try to place: [min, max] (inclusive), chosen by the seed. */
  count: [number, number];
  /** Probability the group appears at all. Default 1. */
  chance?: number;
  build(ctx: GroupContext): Part[];
}

export interface OpeningDefault {
  wall: 'north' | 'south' | 'east' | 'west';
  at?: number | 'center';
  /** Metres from the wall's right end (seen from inside) instead: doors near the open side. */
  fromEnd?: number;
  style?: string;
  open?: number;
}

export interface SetStyle {
  name: string;
  aliases: string[];
  description: string;
  exterior: boolean;
  /** Size [x, z] of the set built when a scene heading names the style and nothing else is built. */
  size: [number, number];
  height: number;
  floor: { material: string; color: string };
  wall: { material: string; color: string };
  ceilingColor: string;
  doors: OpeningDefault[];
  windows: OpeningDefault[];
  groups: GroupSpec[];
}

// Opening styles: default size and sill of doors and windows by style.
export const DOOR_STYLES: Record<string, { width: number; height: number; color: string }> = {
  single: { width: 0.9, height: 2.05, color: '#6b4a2e' },
  double: { width: 1.6, height: 2.1, color: '#6b4a2e' },
  glass: { width: 0.9, height: 2.1, color: '#9fb8c8' },
  barn: { width: 1.4, height: 2.2, color: '#7a4a2e' },
  roller: { width: 3.0, height: 3.2, color: '#8c9096' },
};
export const WINDOW_STYLES: Record<string, { width: number; height: number; sill: number }> = {
  standard: { width: 1.2, height: 1.2, sill: 0.9 },
  picture: { width: 2.0, height: 1.4, sill: 0.6 },
  tall: { width: 0.9, height: 1.9, sill: 0.4 },
  high: { width: 1.6, height: 0.6, sill: 2.0 },
  storefront: { width: 2.6, height: 1.9, sill: 0.4 },
};

const one = (kind: string, extra: Partial<Part> = {}): GroupSpec['build'] => () => [{ kind, x: 0, z: 0, ...extra }];
const D = (kind: string) => PROP_DEPTH[kind];
// Depths (z) and widths (x) of the catalogue pieces used in group layouts; kept here rather than
// importing the plan's catalogue twice (dressing.ts checks every placement against the catalogue).
const PROP_DEPTH: Record<string, number> = { sofa: 0.9, 'coffee-table': 0.6, armchair: 0.85, table: 0.8, chair: 0.5, bed: 2.1, nightstand: 0.4, desk: 0.75, 'office-chair': 0.62, counter: 0.65, stool: 0.38, booth: 0.7, cabinet: 0.5 };
const W: Record<string, number> = { sofa: 2.0, 'coffee-table': 1.1, armchair: 0.85, table: 1.4, chair: 0.46, bed: 1.6, nightstand: 0.5, desk: 1.5, 'office-chair': 0.62, counter: 2.4, stool: 0.38, booth: 1.4, cabinet: 0.9, fridge: 0.75, stove: 0.76, sink: 1.2 };

/** Chairs around a table: two at the ends, optionally two more along the sides. */
function diningSet(chairKind: string, seats: number, ctx: GroupContext, tableKind = 'table', extras = true): Part[] {
  const tw = tableKind === 'dining-table' ? 1.8 : 1.4;
  const td = tableKind === 'dining-table' ? 0.9 : 0.8;
  const cd = chairKind === 'office-chair' ? 0.62 : 0.5;
  const off = 0.06 + cd / 2;
  const parts: Part[] = [{ kind: tableKind, x: 0, z: 0 }];
  parts.push({ kind: chairKind, x: -(tw / 2 + off), z: 0, yaw: 90 }, { kind: chairKind, x: tw / 2 + off, z: 0, yaw: -90 });
  if (seats >= 4) parts.push({ kind: chairKind, x: -tw / 4, z: td / 2 + off, yaw: 180 }, { kind: chairKind, x: tw / 4, z: -(td / 2 + off), yaw: 0 });
  if (extras) {
    const h = tableKind === 'dining-table' ? 0.76 : 0.75;
    if (ctx.rng() < 0.8) parts.push({ kind: 'mug', x: -0.25 + ctx.rng() * 0.2, z: -0.1 + ctx.rng() * 0.2, y: h, yaw: ctx.rng() * 360 });
    if (ctx.rng() < 0.5) parts.push({ kind: 'bottle', x: 0.25, z: 0.05, y: h });
    if (ctx.ceiling && ctx.ceiling > 2.3) parts.push({ kind: 'pendant-lamp', x: 0, z: 0, hang: Math.min(1.2, ctx.ceiling - 2.0) });
  }
  return parts;
}

function sofaSet(ctx: GroupContext, colors: readonly string[]): Part[] {
  const color = ctx.pick(colors);
  const sofaD = D('sofa');
  const tableZ = sofaD + 0.45 + D('coffee-table') / 2;
  const parts: Part[] = [
    { kind: 'sofa', x: 0, z: sofaD / 2, color },
    { kind: 'coffee-table', x: 0, z: tableZ },
    { kind: 'rug', x: 0, z: tableZ - 0.1, scale: [1.3, 1, 1.3] },
  ];
  if (ctx.rng() < 0.7) parts.push({ kind: 'armchair', x: W.sofa / 2 + 0.65, z: tableZ, yaw: -90, color: ctx.pick(colors) });
  if (ctx.rng() < 0.5) parts.push({ kind: 'floor-lamp', x: -(W.sofa / 2 + 0.35), z: 0.3 });
  parts.push({ kind: 'book', x: 0.2, z: tableZ, y: 0.42, yaw: 20 });
  return parts;
}

function bedSet(ctx: GroupContext, colors: readonly string[]): Part[] {
  const bd = D('bed');
  const nx = W.bed / 2 + 0.08 + W.nightstand / 2;
  const parts: Part[] = [{ kind: 'bed', x: 0, z: bd / 2, color: ctx.pick(colors) }];
  for (const s of [-1, 1]) {
    parts.push({ kind: 'nightstand', x: s * nx, z: D('nightstand') / 2 + 0.02 });
    parts.push({ kind: 'table-lamp', x: s * nx, z: D('nightstand') / 2 + 0.02, y: 0.55 });
  }
  if (ctx.rng() < 0.6) parts.push({ kind: 'rug', x: 0, z: bd + 0.35, scale: [0.9, 1, 0.6] });
  return parts;
}

function deskSet(ctx: GroupContext): Part[] {
  const dd = D('desk');
  const parts: Part[] = [
    { kind: 'desk', x: 0, z: dd / 2 },
    { kind: 'office-chair', x: 0, z: dd + 0.08 + D('office-chair') / 2, yaw: 180 },
    { kind: 'computer', x: -0.15, z: 0.2, y: 0.76 },
  ];
  if (ctx.rng() < 0.6) parts.push({ kind: 'table-lamp', x: W.desk / 2 - 0.2, z: 0.2, y: 0.76 });
  if (ctx.rng() < 0.5) parts.push({ kind: 'mug', x: 0.35, z: 0.5, y: 0.76, yaw: ctx.rng() * 360 });
  return parts;
}

function kitchenRun(ctx: GroupContext): Part[] {
  // Fridge, a length of counter, the stove and the sink, dropping pieces until the run fits.
  let pieces: Array<{ kind: string; w: number; scale?: [number, number, number] }> = [
    { kind: 'fridge', w: W.fridge },
    { kind: 'counter', w: 1.2, scale: [0.5, 1, 1] },
    { kind: 'stove', w: W.stove },
    { kind: 'sink', w: W.sink },
    { kind: 'counter', w: 0.9, scale: [0.375, 1, 1] },
  ];
  const total = () => pieces.reduce((s, p) => s + p.w + 0.04, -0.04);
  for (const drop of ['counter', 'counter', 'fridge']) if (total() > ctx.span - 0.2) pieces = pieces.filter((p, i) => i !== pieces.findIndex((q) => q.kind === drop));
  const parts: Part[] = [];
  let x = -total() / 2;
  for (const p of pieces) {
    const depth = p.kind === 'fridge' ? 0.7 : p.kind === 'stove' ? 0.65 : p.kind === 'sink' ? 0.62 : 0.65;
    parts.push({ kind: p.kind, x: x + p.w / 2, z: depth / 2, scale: p.scale });
    // Wall cabinets over the counters (clear of the fridge's top and the stove's hood space).
    if (p.kind === 'counter' && ctx.ceiling && ctx.ceiling >= 2.3) parts.push({ kind: 'cabinet', x: x + p.w / 2, z: 0.2, y: 1.45, scale: [p.w / 0.9, 0.8, 0.8] });
    x += p.w + 0.04;
  }
  return parts;
}

function counterSet(ctx: GroupContext): Part[] {
  const cw = Math.min(W.counter * 1.5, ctx.span - 1.2);
  const sx = cw / W.counter;
  const cz = 0.9 + D('counter') / 2;
  const parts: Part[] = [{ kind: 'counter', x: 0, z: cz, scale: [sx, 1, 1], color: '#c9c2b0' }];
  // The back bar: cabinets against the wall behind the staff aisle.
  const nCab = Math.max(1, Math.floor(cw / 1.0));
  for (let i = 0; i < nCab; i++) parts.push({ kind: 'cabinet', x: -cw / 2 + 0.5 + i * (cw - 1) / Math.max(1, nCab - 1), z: 0.25 });
  const nStools = Math.max(2, Math.floor(cw / 0.7));
  for (let i = 0; i < nStools; i++) parts.push({ kind: 'stool', x: -cw / 2 + 0.35 + (i * (cw - 0.7)) / Math.max(1, nStools - 1), z: cz + D('counter') / 2 + 0.32, color: '#b02a2a' });
  if (ctx.ceiling && ctx.ceiling > 2.6) for (const f of [-0.3, 0.3]) parts.push({ kind: 'pendant-lamp', x: f * cw, z: cz, hang: Math.min(1.2, ctx.ceiling - 2.2) });
  if (ctx.rng() < 0.8) parts.push({ kind: 'mug', x: -0.3, z: cz, y: 0.95, yaw: ctx.rng() * 360 });
  return parts;
}

function boothSet(ctx: GroupContext): Part[] {
  // Two booths facing each other across a table, the set's end against the wall.
  const bz = W.booth / 2 + 0.02;
  const bx = 0.4 + 0.05 + D('booth') / 2;
  const parts: Part[] = [
    { kind: 'booth', x: -bx, z: bz, yaw: 90, color: '#9b2d2d' },
    { kind: 'booth', x: bx, z: bz, yaw: -90, color: '#9b2d2d' },
    { kind: 'table', x: 0, z: bz, yaw: 90, scale: [0.9, 1, 1], color: '#d8d2c4' },
  ];
  if (ctx.rng() < 0.7) parts.push({ kind: 'mug', x: 0.1, z: bz - 0.2, y: 0.75, yaw: ctx.rng() * 360 });
  if (ctx.rng() < 0.5) parts.push({ kind: 'bottle', x: -0.1, z: bz + 0.3, y: 0.75, color: '#b8281f' });
  return parts;
}

function crateStack(ctx: GroupContext): Part[] {
  const parts: Part[] = [];
  const n = 1 + Math.floor(ctx.rng() * 3);
  for (let i = 0; i < n; i++) {
    const x = (i - (n - 1) / 2) * 0.66;
    parts.push({ kind: 'crate', x, z: 0, yaw: (ctx.rng() - 0.5) * 6 });
    if (ctx.rng() < 0.5) parts.push({ kind: 'crate', x, z: 0, y: 0.6, yaw: (ctx.rng() - 0.5) * 14 });
  }
  return parts;
}

function palletLoad(ctx: GroupContext): Part[] {
  const parts: Part[] = [{ kind: 'pallet', x: 0, z: 0 }];
  if (ctx.rng() < 0.8) parts.push({ kind: 'crate', x: -0.28, z: -0.18, y: 0.15 }, { kind: 'crate', x: 0.28, z: 0.18, y: 0.15, yaw: 4 });
  else parts.push({ kind: 'box', x: 0, z: 0, y: 0.15, scale: [2, 2, 2] });
  return parts;
}

function barrels(ctx: GroupContext): Part[] {
  const n = 2 + Math.floor(ctx.rng() * 3);
  return Array.from({ length: n }, (_, i) => ({ kind: 'barrel', x: (i % 2) * 0.66 - 0.33, z: Math.floor(i / 2) * 0.66 - 0.33 }));
}

function campfireSet(ctx: GroupContext): Part[] {
  const parts: Part[] = [{ kind: 'campfire', x: 0, z: 0 }, { kind: 'log', x: 0, z: -1.35, yaw: ctx.rng() * 20 - 10 }];
  if (ctx.rng() < 0.7) parts.push({ kind: 'stump', x: 1.35, z: 0.5 });
  return parts;
}

function parkedCar(ctx: GroupContext): Part[] {
  return [{ kind: 'car', x: 0, z: 0.9 + 0.15, yaw: ctx.rng() < 0.5 ? 90 : -90, color: ctx.pick(['#8a1c1c', '#1f3f8a', '#d9d2c3', '#2a2f3a', '#3f6b4a', '#c9a227']) }];
}

const APARTMENT_70S = ['#b5652b', '#6b7a3a', '#8a5a2a', '#c9a227'];

export const SET_STYLES: SetStyle[] = [
  {
    name: '1970s-apartment',
    aliases: ['apartment', '70s apartment', 'seventies apartment', 'living room', 'flat', 'den', 'lounge'],
    description: 'shag carpet, mustard walls, an orange sofa with coffee table and rug, a TV on a cabinet, bookshelves, a radiator under the window',
    exterior: false,
    size: [6, 5],
    height: 2.6,
    floor: { material: 'carpet', color: '#8a6a3a' },
    wall: { material: 'plaster', color: '#c9a66b' },
    ceilingColor: '#e8dcc0',
    doors: [{ wall: 'east', fromEnd: 0.9 }],
    windows: [{ wall: 'north', at: 'center' }],
    groups: [
      { name: 'sofa', place: 'back-wall', count: [1, 1], build: (c) => sofaSet(c, APARTMENT_70S) },
      { name: 'tv', place: 'side-wall', count: [1, 1], build: () => [{ kind: 'cabinet', x: 0, z: 0.25, color: '#6b4a2e' }, { kind: 'tv', x: 0, z: 0.25, y: 0.9 }] },
      { name: 'bookshelf', place: 'wall', count: [1, 2], build: one('bookshelf', { z: 0.175 }) },
      { name: 'lamp', place: 'corner', count: [1, 1], build: one('floor-lamp', { z: 0.25 }) },
      { name: 'plant', place: 'corner', count: [0, 1], build: one('plant', { z: 0.25 }) },
      { name: 'painting', place: 'wall-mounted', count: [1, 2], build: () => [{ kind: 'painting', x: 0, z: 0.02, y: 1.3, color: '#c9a227' }] },
      { name: 'radiator', place: 'under-window', count: [1, 1], build: one('radiator', { z: 0.06 }) },
      { name: 'dining', place: 'center', count: [0, 1], chance: 0.5, build: (c) => diningSet('chair', 2, c) },
    ],
  },
  {
    name: 'warehouse',
    aliases: ['garage', 'storage', 'depot', 'factory', 'loading dock', 'hangar'],
    description: 'bare concrete and brick, high ceiling, pallet racks along the walls, crates, pallets and barrels, a workbench, maybe a car',
    exterior: false,
    size: [14, 10],
    height: 6,
    floor: { material: 'concrete', color: '#6e6b66' },
    wall: { material: 'brick', color: '#7a5040' },
    ceilingColor: '#3a3a3a',
    doors: [{ wall: 'east', at: 'center', style: 'roller' }, { wall: 'west', at: 1.2 }],
    windows: [{ wall: 'north', at: 'center', style: 'high' }],
    groups: [
      { name: 'racks', place: 'wall', count: [2, 4], build: one('pallet-rack', { z: 0.5 }) },
      { name: 'workbench', place: 'wall', count: [1, 1], build: (c) => [{ kind: 'workbench', x: 0, z: 0.375 }, ...(c.rng() < 0.7 ? [{ kind: 'stool', x: 0.3, z: 0.75 + 0.3 }] : [])] },
      { name: 'crates', place: 'scatter', count: [2, 5], build: crateStack },
      { name: 'pallets', place: 'scatter', count: [1, 3], build: palletLoad },
      { name: 'barrels', place: 'corner', count: [1, 2], build: barrels },
      { name: 'high-bay lamps', place: 'scatter', count: [2, 4], build: (c) => (c.ceiling && c.ceiling > 4 ? [{ kind: 'pendant-lamp', x: 0, z: 0, hang: 1.2, scale: [1.4, 1, 1.4] as [number, number, number] }] : []) },
      { name: 'car', place: 'center', count: [0, 1], chance: 0.4, build: (c) => [{ kind: 'car', x: 0, z: 0, yaw: c.rng() * 40 - 20, color: c.pick(['#3a3d40', '#8a1c1c', '#d9d2c3']) }] },
    ],
  },
  {
    name: 'diner',
    aliases: ['cafe', 'café', 'coffee shop', 'restaurant', 'luncheonette', 'dinette'],
    description: 'checkerboard lino, a counter with red stools and a back bar, booths along the walls, a jukebox, storefront windows',
    exterior: false,
    size: [9, 6.5],
    height: 3.2,
    floor: { material: 'linoleum', color: '#e6e0d2' },
    wall: { material: 'plaster', color: '#efe3c8' },
    ceilingColor: '#f2ead8',
    doors: [{ wall: 'east', fromEnd: 1.0, style: 'glass' }],
    windows: [{ wall: 'east', at: 2.4, style: 'storefront' }],
    groups: [
      { name: 'counter', place: 'back-wall', count: [1, 1], build: counterSet },
      { name: 'booths', place: 'side-wall', count: [1, 3], build: boothSet },
      { name: 'jukebox', place: 'wall', count: [0, 1], chance: 0.8, build: one('jukebox', { z: 0.35 }) },
      { name: 'plant', place: 'corner', count: [0, 1], build: one('plant', { z: 0.25 }) },
      { name: 'coat rack', place: 'corner', count: [0, 1], chance: 0.5, build: one('coat-rack', { z: 0.25 }) },
    ],
  },
  {
    name: 'office',
    aliases: ['study', 'bullpen', 'precinct', 'newsroom', 'workplace', 'cubicle'],
    description: 'grey carpet, desks with chairs, computers and lamps, filing cabinets, a whiteboard, shelves and plants',
    exterior: false,
    size: [7, 6],
    height: 2.8,
    floor: { material: 'carpet', color: '#5a6470' },
    wall: { material: 'plaster', color: '#d9d6cf' },
    ceilingColor: '#eeeeea',
    doors: [{ wall: 'east', fromEnd: 0.9 }],
    windows: [{ wall: 'north', at: 'center', style: 'picture' }],
    groups: [
      { name: 'desks', place: 'wall', count: [2, 3], build: deskSet },
      { name: 'filing', place: 'wall', count: [1, 3], build: one('filing-cabinet', { z: 0.31 }) },
      { name: 'whiteboard', place: 'wall-mounted', count: [0, 1], build: () => [{ kind: 'whiteboard', x: 0, z: 0.025, y: 0.9 }] },
      { name: 'bookshelf', place: 'wall', count: [0, 1], build: one('bookshelf', { z: 0.175 }) },
      { name: 'meeting', place: 'center', count: [0, 1], chance: 0.5, build: (c) => diningSet('office-chair', 4, c, 'table', false) },
      { name: 'plant', place: 'corner', count: [1, 2], build: one('plant', { z: 0.25 }) },
      { name: 'door', place: 'wall', count: [0, 1], chance: 0.4, build: one('door', { z: 0.05 }) },
      { name: 'coat rack', place: 'corner', count: [0, 1], chance: 0.4, build: one('coat-rack', { z: 0.25 }) },
    ],
  },
  {
    name: 'kitchen',
    aliases: ['kitchenette', 'galley'],
    description: 'tiles, a run of fridge, counters, stove and sink with wall cabinets, a table with chairs under a pendant lamp',
    exterior: false,
    size: [5, 4.5],
    height: 2.6,
    floor: { material: 'tile', color: '#d8d4cc' },
    wall: { material: 'plaster', color: '#e6dcc4' },
    ceilingColor: '#efe9dc',
    doors: [{ wall: 'east', fromEnd: 0.9 }],
    windows: [{ wall: 'west', at: 'center' }],
    groups: [
      { name: 'kitchen run', place: 'back-wall', count: [1, 1], build: kitchenRun },
      { name: 'table', place: 'center', count: [1, 1], build: (c) => diningSet('chair', c.rng() < 0.5 ? 2 : 4, c) },
      { name: 'radiator', place: 'under-window', count: [0, 1], build: one('radiator', { z: 0.06 }) },
      { name: 'plant', place: 'corner', count: [0, 1], build: one('plant', { z: 0.25 }) },
    ],
  },
  {
    name: 'bedroom',
    aliases: ['hotel room', 'motel room', 'guest room', 'dorm', 'dorm room', 'nursery'],
    description: 'wood floor, a bed against the back wall with nightstands and lamps, a dresser, a closet, an armchair and a rug',
    exterior: false,
    size: [5, 4.5],
    height: 2.6,
    floor: { material: 'wood', color: '#7a5b3a' },
    wall: { material: 'plaster', color: '#cdd3dc' },
    ceilingColor: '#eef0f2',
    doors: [{ wall: 'east', fromEnd: 0.9 }],
    windows: [{ wall: 'west', at: 'center' }],
    groups: [
      { name: 'bed', place: 'back-wall', count: [1, 1], build: (c) => bedSet(c, ['#d9d2c3', '#8a9ab0', '#b08a8a', '#6b7a5a']) },
      { name: 'dresser', place: 'side-wall', count: [1, 1], build: one('dresser', { z: 0.25 }) },
      { name: 'closet', place: 'wall', count: [0, 1], build: one('closet', { z: 0.3 }) },
      { name: 'armchair', place: 'corner', count: [0, 1], build: one('armchair', { z: 0.43, yaw: 0 }) },
      { name: 'lamp', place: 'corner', count: [0, 1], build: one('floor-lamp', { z: 0.25 }) },
      { name: 'painting', place: 'wall-mounted', count: [0, 1], build: () => [{ kind: 'painting', x: 0, z: 0.02, y: 1.35 }] },
      { name: 'door', place: 'wall', count: [0, 1], chance: 0.4, build: one('door', { z: 0.05 }) },
    ],
  },
  {
    name: 'forest-clearing',
    aliases: ['forest', 'woods', 'clearing', 'glade', 'woodland', 'campsite'],
    description: 'grass, a ring of trees and bushes around an open clearing, rocks, a fallen log, a stump, maybe a campfire',
    exterior: true,
    size: [20, 20],
    height: 0,
    floor: { material: 'grass', color: '#4f6b3a' },
    wall: { material: 'plaster', color: '#000000' },
    ceilingColor: '#000000',
    doors: [],
    windows: [],
    groups: [
      { name: 'trees', place: 'perimeter', count: [8, 14], build: (c) => [{ kind: 'tree', x: 0, z: 0, yaw: c.rng() * 360, scale: [0.8 + c.rng() * 0.5, 0.8 + c.rng() * 0.5, 0.8 + c.rng() * 0.5] }] },
      { name: 'bushes', place: 'perimeter', count: [4, 8], build: (c) => [{ kind: 'bush', x: 0, z: 0, yaw: c.rng() * 360 }] },
      { name: 'rocks', place: 'scatter', count: [2, 5], build: (c) => [{ kind: 'rock', x: 0, z: 0, yaw: c.rng() * 360 }] },
      { name: 'log', place: 'scatter', count: [0, 1], build: (c) => [{ kind: 'log', x: 0, z: 0, yaw: c.rng() * 180 }] },
      { name: 'stump', place: 'scatter', count: [0, 2], build: one('stump') },
      { name: 'campfire', place: 'center', count: [0, 1], chance: 0.6, build: campfireSet },
    ],
  },
  {
    name: 'street',
    aliases: ['city street', 'suburban street', 'road', 'avenue', 'sidewalk', 'alley', 'boulevard'],
    description: 'asphalt, parked cars along the kerbs, street lights, a hydrant, a mailbox, bins, a bench, a bus stop, bollards and trees in planters',
    exterior: true,
    size: [24, 12],
    height: 0,
    floor: { material: 'asphalt', color: '#3a3b3d' },
    wall: { material: 'plaster', color: '#000000' },
    ceilingColor: '#000000',
    doors: [],
    windows: [],
    groups: [
      { name: 'cars', place: 'wall', count: [1, 3], build: parkedCar },
      { name: 'streetlights', place: 'wall', count: [1, 2], build: () => [{ kind: 'streetlight', x: 0, z: 0.62, yaw: -90 }] },
      { name: 'hydrant', place: 'wall', count: [0, 1], build: one('hydrant', { z: 0.3 }) },
      { name: 'mailbox', place: 'wall', count: [0, 1], build: one('mailbox', { z: 0.3 }) },
      { name: 'bins', place: 'wall', count: [1, 2], build: one('trashcan', { z: 0.3 }) },
      { name: 'bench', place: 'wall', count: [0, 1], build: one('bench', { z: 0.3 }) },
      { name: 'bus stop', place: 'wall', count: [0, 1], chance: 0.4, build: one('bus-stop', { z: 0.7 }) },
      { name: 'sign', place: 'wall', count: [0, 1], build: one('street-sign', { z: 0.1 }) },
      { name: 'bollards', place: 'wall', count: [0, 3], build: one('bollard', { z: 0.2 }) },
      { name: 'planters', place: 'wall', count: [0, 2], build: one('planter', { z: 0.5 }) },
      { name: 'meter', place: 'wall', count: [0, 2], build: one('parking-meter', { z: 0.15 }) },
    ],
  },
  {
    name: 'park',
    aliases: ['garden', 'playground', 'square', 'plaza', 'courtyard'],
    description: 'grass, trees, benches along the paths, lamps, bins, bushes and a fence',
    exterior: true,
    size: [20, 16],
    height: 0,
    floor: { material: 'grass', color: '#5a7a40' },
    wall: { material: 'plaster', color: '#000000' },
    ceilingColor: '#000000',
    doors: [],
    windows: [],
    groups: [
      { name: 'trees', place: 'perimeter', count: [4, 8], build: (c) => [{ kind: 'tree', x: 0, z: 0, yaw: c.rng() * 360 }] },
      { name: 'benches', place: 'wall', count: [1, 3], build: one('bench', { z: 0.3 }) },
      { name: 'lamps', place: 'wall', count: [1, 2], build: () => [{ kind: 'streetlight', x: 0, z: 0.62, yaw: -90 }] },
      { name: 'bins', place: 'wall', count: [0, 2], build: one('trashcan', { z: 0.3 }) },
      { name: 'bushes', place: 'perimeter', count: [2, 5], build: one('bush') },
      { name: 'fence', place: 'wall', count: [0, 2], build: one('fence', { z: 0.05 }) },
    ],
  },
];

const BY_KEY = new Map<string, SetStyle>();
for (const s of SET_STYLES) for (const k of [s.name, ...s.aliases]) BY_KEY.set(slugify(k), s);

export const SET_STYLE_NAMES = SET_STYLES.map((s) => s.name);

/** A style by name or alias ("1970s apartment", "Diner", "coffee shop"); undefined when unknown. */
export function findSetStyle(name: string): SetStyle | undefined {
  const key = slugify(name);
  return BY_KEY.get(key) ?? BY_KEY.get(key.replace(/^(the|a|an)-/, '')) ?? BY_KEY.get(key.replace(/^(19)?[0-9]0s-/, ''));
}

/**
 * The style a scene heading's place implies (`JOE'S DINER` → diner, `HOUSE - KITCHEN` → kitchen):
 * the most specific part first, then any style name or alias among its words.
 */
export function styleForPlace(parts: string[]): SetStyle | undefined {
  for (const part of [...parts].reverse()) {
    const direct = findSetStyle(part);
    if (direct) return direct;
    const words = slugify(part).split('-').filter(Boolean);
    // Longest alias first ("coffee shop" before "shop"): try 3-, 2- and 1-word windows from the end.
    for (const n of [3, 2, 1]) {
      for (let i = words.length - n; i >= 0; i--) {
        const s = BY_KEY.get(words.slice(i, i + n).join('-'));
        if (s) return s;
      }
    }
  }
  return undefined;
}
