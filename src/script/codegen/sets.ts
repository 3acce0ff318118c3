// Sets from scene headings. INT. DINER gets a counter, stools, a booth and a table for two; a
// KITCHEN a table and chairs, a counter and a lamp; an OFFICE desks, office chairs and shelves;
// EXT. STREET asphalt, street lights, a parked car; EXT. PARK grass, trees and a bench. Each set
// is an ordinary <Set> with <Wall>/<Door>/<Window>/<Prop>/<Mark> children, so the user edits it
// like any hand-built set.
//
// Layout conventions (shared with the blocking and lighting code): the floor is centred on the
// origin; the back wall is at −Z with a window; the door is on the +X wall near the back; the
// +Z side is the open "fourth wall" where cameras stand. The acting area — a clear floor around
// z ≈ +0.35, |x| < 1.8 — is kept free of furniture so coverage can film anyone standing in it.

import { slugId } from './names';
import { el, type JsxElement, type AttrValue } from './jsx';

type V3 = [number, number, number];

export interface Dressing {
  id: string;
  kind?: string;
  shape?: 'box' | 'cylinder' | 'sphere';
  size?: V3;
  color?: string;
  position: V3;
  rotation?: number;
  /** A surface small props can stand on (its top height), or a seat. */
  role?: 'surface' | 'seat';
  top?: number;
  /** Half extent along x of a surface (props are spread across it). */
  halfWidth?: number;
  material?: Record<string, AttrValue>;
}

/** A piece of dressing before it gets its id. */
type Item = Omit<Dressing, 'id'> & { name: string };
type D = Item[];

export interface SetStyle {
  /** Dressing style name (for comments and the art department). */
  name: string;
  match: RegExp;
  size: [number, number];
  floor: { material: string; color: string };
  wallColor?: string;
  /** Dressing for a floor `w` × `d` metres. */
  dressing: (w: number, d: number) => D;
}

const TABLE_FOR_TWO = (z = -0.5): D => [
  { name: 'table', kind: 'table', position: [0, 0, z], role: 'surface', top: 0.75, halfWidth: 0.55 },
  { name: 'chair-left', kind: 'chair', position: [-1.0, 0, z], rotation: 90, role: 'seat' },
  { name: 'chair-right', kind: 'chair', position: [1.0, 0, z], rotation: -90, role: 'seat' },
];

export const INTERIOR_STYLES: SetStyle[] = [
  {
    name: 'diner',
    match: /\b(DINER|CAFE|CAFÉ|COFFEE SHOP|COFFEEHOUSE|RESTAURANT|LUNCHEONETTE|CANTEEN|CAFETERIA|BISTRO|TEAROOM)\b/,
    size: [9, 6],
    floor: { material: 'tile', color: '#c9c2b0' },
    wallColor: '#b8a07a',
    dressing: (w, d): D => [
      { name: 'counter', kind: 'counter', position: [0.6, 0, -d / 2 + 0.55], role: 'surface', top: 0.95, halfWidth: 1.0 },
      { name: 'stool-1', kind: 'stool', position: [-0.3, 0, -d / 2 + 1.25] },
      { name: 'stool-2', kind: 'stool', position: [0.6, 0, -d / 2 + 1.25] },
      { name: 'stool-3', kind: 'stool', position: [1.5, 0, -d / 2 + 1.25] },
      { name: 'booth', kind: 'booth', position: [-w / 2 + 0.5, 0, 0.2], rotation: 90 },
      { name: 'booth-table', kind: 'table', position: [-w / 2 + 1.3, 0, 0.2], rotation: 90 },
      ...TABLE_FOR_TWO(-0.5),
      { name: 'lamp-1', kind: 'pendant-lamp', position: [-1.2, 2.3, -d / 2 + 0.9] },
      { name: 'lamp-2', kind: 'pendant-lamp', position: [1.6, 2.3, -d / 2 + 0.9] },
      { name: 'plant', kind: 'plant', position: [w / 2 - 0.5, 0, d / 2 - 0.8] },
    ],
  },
  {
    name: 'bar',
    match: /\b(BAR|PUB|SALOON|TAVERN|LOUNGE BAR|NIGHTCLUB|CLUB)\b/,
    size: [9, 6],
    floor: { material: 'wood', color: '#4a3322' },
    wallColor: '#5a3a2a',
    dressing: (w, d): D => [
      { name: 'bar-counter', kind: 'counter', position: [0.4, 0, -d / 2 + 0.55], role: 'surface', top: 0.95, halfWidth: 1.0, color: '#4a2e1c' },
      { name: 'shelf', kind: 'shelf', position: [0.4, 0, -d / 2 + 0.2] },
      { name: 'stool-1', kind: 'stool', position: [-0.5, 0, -d / 2 + 1.25] },
      { name: 'stool-2', kind: 'stool', position: [0.4, 0, -d / 2 + 1.25] },
      { name: 'stool-3', kind: 'stool', position: [1.3, 0, -d / 2 + 1.25] },
      { name: 'barrel', kind: 'barrel', position: [-w / 2 + 0.6, 0, -d / 2 + 0.6] },
      ...TABLE_FOR_TWO(-0.4),
      { name: 'lamp', kind: 'pendant-lamp', position: [0, 2.2, -0.4] },
    ],
  },
  {
    name: 'kitchen',
    match: /\b(KITCHEN|KITCHENETTE|PANTRY|GALLEY)\b/,
    size: [6.4, 5],
    floor: { material: 'wood', color: '#6b4a2e' },
    wallColor: '#8a9a8c',
    dressing: (w, d): D => [
      { name: 'counter', kind: 'counter', position: [-1.5, 0, -d / 2 + 0.4] },
      { name: 'cabinet', kind: 'cabinet', position: [1.3, 0, -d / 2 + 0.3] },
      ...TABLE_FOR_TWO(-0.6),
      { name: 'lamp', kind: 'floor-lamp', position: [-w / 2 + 0.5, 0, 0.6] },
      { name: 'plant', kind: 'plant', position: [-w / 2 + 0.45, 0, -d / 2 + 0.45] },
      { name: 'shelf', kind: 'bookshelf', position: [w / 2 - 0.4, 0, -d / 2 + 0.25 + 2.1], rotation: -90 },
    ],
  },
  {
    name: 'office',
    match: /\b(OFFICE|NEWSROOM|STUDY|PRECINCT|BULLPEN|BANK|AGENCY|LIBRARY|ARCHIVE|HEADQUARTERS|HQ|CONFERENCE|BOARDROOM|LAB|LABORATORY|CLINIC)\b/,
    size: [8, 6],
    floor: { material: 'carpet', color: '#4f5660' },
    wallColor: '#c9c6bc',
    dressing: (w, d): D => [
      { name: 'desk', kind: 'desk', position: [0, 0, -0.6], role: 'surface', top: 0.76, halfWidth: 0.6 },
      { name: 'chair-left', kind: 'office-chair', position: [-1.05, 0, -0.6], rotation: 90, role: 'seat' },
      { name: 'chair-right', kind: 'office-chair', position: [1.05, 0, -0.6], rotation: -90, role: 'seat' },
      { name: 'desk-2', kind: 'desk', position: [-w / 2 + 1.2, 0, -d / 2 + 0.6] },
      { name: 'shelf-1', kind: 'bookshelf', position: [0.8, 0, -d / 2 + 0.2] },
      { name: 'shelf-2', kind: 'bookshelf', position: [1.9, 0, -d / 2 + 0.2] },
      { name: 'desk-lamp', kind: 'table-lamp', position: [-w / 2 + 1.7, 0.76, -d / 2 + 0.5] },
      { name: 'plant', kind: 'plant', position: [w / 2 - 0.5, 0, d / 2 - 0.8] },
    ],
  },
  {
    name: 'bedroom',
    match: /\b(BEDROOM|DORM|DORMITORY|NURSERY|MOTEL ROOM|HOTEL ROOM|GUEST ROOM)\b/,
    size: [6, 5],
    floor: { material: 'wood', color: '#7a5b3a' },
    wallColor: '#a8a0b8',
    dressing: (w, d): D => [
      { name: 'bed', kind: 'bed', position: [-w / 2 + 1.2, 0, -d / 2 + 1.1], role: 'seat' },
      { name: 'nightstand', kind: 'cabinet', position: [-w / 2 + 2.5, 0, -d / 2 + 0.3], role: 'surface', top: 0.9, halfWidth: 0.3 },
      { name: 'lamp', kind: 'table-lamp', position: [-w / 2 + 2.5, 0.9, -d / 2 + 0.3] },
      { name: 'armchair', kind: 'armchair', position: [1.9, 0, -0.9], rotation: -60, role: 'seat' },
      { name: 'rug', kind: 'rug', position: [0, 0, 0.2] },
      { name: 'shelf', kind: 'shelf', position: [w / 2 - 0.3, 0, 0.8], rotation: -90 },
    ],
  },
  {
    name: 'hospital',
    match: /\b(HOSPITAL|WARD|ICU|INFIRMARY|SICKROOM|EXAM ROOM)\b/,
    size: [7, 5],
    floor: { material: 'linoleum', color: '#c8cfc8' },
    wallColor: '#d7e0dc',
    dressing: (w, d): D => [
      { name: 'bed', kind: 'bed', position: [-w / 2 + 1.3, 0, -d / 2 + 1.1], role: 'seat', color: '#e8ecea' },
      { name: 'cabinet', kind: 'cabinet', position: [-w / 2 + 2.6, 0, -d / 2 + 0.3], role: 'surface', top: 0.9, halfWidth: 0.3 },
      { name: 'chair', kind: 'chair', position: [1.4, 0, -1.0], rotation: -45, role: 'seat' },
      { name: 'tv', kind: 'tv', position: [w / 2 - 0.1, 1.9, -0.4], rotation: -90 },
      { name: 'plant', kind: 'plant', position: [w / 2 - 0.5, 0, -d / 2 + 0.5] },
    ],
  },
  {
    name: 'hallway',
    match: /\b(HALLWAY|HALL|CORRIDOR|LOBBY|FOYER|ENTRANCE|STAIRWELL|STAIRWAY|LANDING|ELEVATOR|VESTIBULE)\b/,
    size: [9, 3.4],
    floor: { material: 'tile', color: '#8c8378' },
    wallColor: '#b5ad9a',
    dressing: (w, d): D => [
      { name: 'painting-1', kind: 'painting', position: [-2.2, 1.45, -d / 2 + 0.04] },
      { name: 'painting-2', kind: 'painting', position: [2.4, 1.45, -d / 2 + 0.04] },
      { name: 'bench', kind: 'bench', position: [-w / 2 + 1.3, 0, -d / 2 + 0.35], role: 'surface', top: 0.45, halfWidth: 0.6 },
      { name: 'plant', kind: 'plant', position: [w / 2 - 0.5, 0, d / 2 - 0.5] },
    ],
  },
  {
    name: 'warehouse',
    match: /\b(WAREHOUSE|GARAGE|BARN|WORKSHOP|FACTORY|HANGAR|STORAGE|BASEMENT|CELLAR|SHED|LOADING DOCK)\b/,
    size: [11, 8],
    floor: { material: 'concrete', color: '#77736b' },
    wallColor: '#7a7468',
    dressing: (w, d): D => [
      { name: 'crate-1', kind: 'crate', position: [-w / 2 + 1, 0, -d / 2 + 0.8], role: 'surface', top: 0.6, halfWidth: 0.25 },
      { name: 'crate-2', kind: 'crate', position: [-w / 2 + 1.7, 0, -d / 2 + 0.8] },
      { name: 'crate-3', kind: 'crate', position: [-w / 2 + 1.35, 0.6, -d / 2 + 0.8] },
      { name: 'barrel-1', kind: 'barrel', position: [w / 2 - 1, 0, -d / 2 + 0.9] },
      { name: 'barrel-2', kind: 'barrel', position: [w / 2 - 1.7, 0, -d / 2 + 0.7] },
      { name: 'shelf', kind: 'shelf', position: [0.5, 0, -d / 2 + 0.25] },
      { name: 'workbench', kind: 'table', position: [0, 0, -1.2], role: 'surface', top: 0.75, halfWidth: 0.55 },
      { name: 'pillar-1', kind: 'pillar', position: [-2.8, 0, -1.4] },
      { name: 'pillar-2', kind: 'pillar', position: [2.8, 0, -1.4] },
    ],
  },
  {
    name: 'living room',
    match: /\b(LIVING ROOM|APARTMENT|FLAT|HOUSE|HOME|DEN|LOUNGE|PARLOR|PARLOUR|CABIN|COTTAGE|CONDO|LOFT|STUDIO|SUITE|MANSION|TRAILER)\b/,
    size: [7, 5.5],
    floor: { material: 'wood', color: '#7a5636' },
    wallColor: '#a89a84',
    dressing: (w, d): D => [
      { name: 'sofa', kind: 'sofa', position: [-0.4, 0, -d / 2 + 0.6], role: 'seat' },
      { name: 'coffee-table', kind: 'coffee-table', position: [-0.4, 0, -d / 2 + 1.55], role: 'surface', top: 0.42, halfWidth: 0.4 },
      { name: 'armchair', kind: 'armchair', position: [-w / 2 + 0.8, 0, -0.2], rotation: 70, role: 'seat' },
      { name: 'lamp', kind: 'floor-lamp', position: [-w / 2 + 0.5, 0, -d / 2 + 0.5] },
      { name: 'tv', kind: 'tv', position: [w / 2 - 0.15, 1.2, 0.4], rotation: -90 },
      { name: 'rug', kind: 'rug', position: [-0.4, 0, -0.6] },
      { name: 'shelf', kind: 'bookshelf', position: [1.8, 0, -d / 2 + 0.2] },
      { name: 'plant', kind: 'plant', position: [w / 2 - 0.5, 0, d / 2 - 0.7] },
    ],
  },
];

/** Fallback interior: a plain room with a table for two, a lamp and a shelf. */
export const GENERIC_INTERIOR: SetStyle = {
  name: 'room',
  match: /$^/,
  size: [7, 5.5],
  floor: { material: 'wood', color: '#6b5138' },
  wallColor: '#a3a08f',
  dressing: (w, d): D => [...TABLE_FOR_TWO(-0.6), { name: 'shelf', kind: 'bookshelf', position: [1.6, 0, -d / 2 + 0.2] }, { name: 'lamp', kind: 'floor-lamp', position: [-w / 2 + 0.5, 0, -d / 2 + 0.5] }, { name: 'plant', kind: 'plant', position: [w / 2 - 0.5, 0, d / 2 - 0.7] }],
};

export const EXTERIOR_STYLES: SetStyle[] = [
  {
    name: 'street',
    match: /\b(STREET|ROAD|ALLEY|ALLEYWAY|SIDEWALK|AVENUE|BOULEVARD|CORNER|PARKING|LOT|HIGHWAY|CROSSWALK|DOWNTOWN|CITY|TOWN|SQUARE|PLAZA|BUS STOP|STATION)\b/,
    size: [18, 14],
    floor: { material: 'asphalt', color: '#3f3f42' },
    dressing: (): D => [
      { name: 'streetlight-1', kind: 'streetlight', position: [-4.5, 0, -3.2] },
      { name: 'streetlight-2', kind: 'streetlight', position: [4.5, 0, -3.2] },
      { name: 'car', kind: 'car', position: [3.4, 0, -4.6], rotation: 90 },
      { name: 'hydrant', kind: 'hydrant', position: [-2.4, 0, -2.6] },
      { name: 'trashcan', kind: 'trashcan', position: [-3.4, 0, -2.8] },
      { name: 'mailbox', kind: 'mailbox', position: [1.8, 0, -2.8] },
      { name: 'bench', kind: 'bench', position: [0, 0, -1.4], role: 'surface', top: 0.45, halfWidth: 0.6 },
    ],
  },
  {
    name: 'rooftop',
    match: /\b(ROOFTOP|ROOF|TERRACE|BALCONY)\b/,
    size: [14, 10],
    floor: { material: 'concrete', color: '#77736b' },
    dressing: (): D => [
      { name: 'railing', shape: 'box', size: [9, 1.0, 0.06], position: [0, 0, -2.4], color: '#3a3d40' },
      { name: 'tank', shape: 'cylinder', size: [2.2, 3, 2.2], position: [-4.5, 0, -4], color: '#6b4a2e' },
      { name: 'vent', shape: 'box', size: [1, 1.2, 1], position: [3.8, 0, -1.2], color: '#9a958c' },
      { name: 'crate', kind: 'crate', position: [-1.6, 0, -1.6], role: 'surface', top: 0.6, halfWidth: 0.25 },
    ],
  },
  {
    name: 'park',
    match: /\b(PARK|GARDEN|YARD|BACKYARD|FRONT YARD|FIELD|MEADOW|FOREST|WOODS|CAMPFIRE|CAMP|LAWN|CEMETERY|GRAVEYARD|ORCHARD|FARM|HILL|CLEARING|JUNGLE|TRAIL|SWAMP)\b/,
    size: [18, 14],
    floor: { material: 'grass', color: '#4d6b3a' },
    dressing: (): D => [
      { name: 'tree-1', kind: 'tree', position: [-4.8, 0, -4.5] },
      { name: 'tree-2', kind: 'tree', position: [3.6, 0, -5.5] },
      { name: 'tree-3', kind: 'tree', position: [6.5, 0, -2.5] },
      { name: 'bush-1', kind: 'bush', position: [-2.6, 0, -3] },
      { name: 'bush-2', kind: 'bush', position: [2, 0, -3.2] },
      { name: 'rock', kind: 'rock', position: [-3.5, 0, -0.8] },
      { name: 'bench', kind: 'bench', position: [0, 0, -1.4], role: 'surface', top: 0.45, halfWidth: 0.6 },
    ],
  },
  {
    name: 'waterfront',
    match: /\b(BEACH|RIVER|RIVERBANK|LAKE|SEA|OCEAN|SHORE|DOCK|DOCKS|PIER|HARBOR|HARBOUR|MARINA|CREEK|BRIDGE|COAST)\b/,
    size: [18, 14],
    floor: { material: 'gravel', color: '#cdbb92' },
    dressing: (): D => [
      { name: 'water', shape: 'box', size: [30, 0.02, 12], position: [0, 0.01, -9], color: '#2f5f7a', material: { roughness: 0.15, metalness: 0.2 } },
      { name: 'rock-1', kind: 'rock', position: [-3.8, 0, -2.4] },
      { name: 'rock-2', kind: 'rock', position: [4.2, 0, -2.8] },
      { name: 'barrel', kind: 'barrel', position: [2.6, 0, -1.8] },
      { name: 'crate', kind: 'crate', position: [-1.6, 0, -1.6], role: 'surface', top: 0.6, halfWidth: 0.25 },
    ],
  },
  {
    name: 'patio',
    match: /\b(PATIO|POOL|PORCH|DECK|DRIVEWAY|COURTYARD|VERANDA|GAZEBO)\b/,
    size: [14, 10],
    floor: { material: 'stone', color: '#a59d8e' },
    dressing: (): D => [
      { name: 'table', kind: 'table', position: [0, 0, -0.8], role: 'surface', top: 0.75, halfWidth: 0.55 },
      { name: 'chair-left', kind: 'chair', position: [-1.0, 0, -0.8], rotation: 90, role: 'seat' },
      { name: 'chair-right', kind: 'chair', position: [1.0, 0, -0.8], rotation: -90, role: 'seat' },
      { name: 'plant-1', kind: 'plant', position: [-3.2, 0, -2.6] },
      { name: 'plant-2', kind: 'plant', position: [3.4, 0, -2.4] },
      { name: 'bush', kind: 'bush', position: [-5, 0, -3.6] },
      { name: 'tree', kind: 'tree', position: [5.5, 0, -5] },
    ],
  },
];

/** Fallback exterior: open ground, a tree, a bush and a bench. */
export const GENERIC_EXTERIOR: SetStyle = {
  name: 'exterior',
  match: /$^/,
  size: [18, 14],
  floor: { material: 'gravel', color: '#8c8274' },
  dressing: (): D => [
    { name: 'tree', kind: 'tree', position: [-4.5, 0, -5] },
    { name: 'bush', kind: 'bush', position: [3.2, 0, -3.4] },
    { name: 'rock', kind: 'rock', position: [-2.8, 0, -2.2] },
    { name: 'bench', kind: 'bench', position: [0, 0, -1.4], role: 'surface', top: 0.45, halfWidth: 0.6 },
  ],
};

export interface SetDesign {
  id: string;
  /** Component name, e.g. `DinerSet`. */
  component: string;
  style: string;
  interior: boolean;
  size: [number, number];
  element: JsxElement;
  /** Marks for blocking: where people enter from (offstage), the inside of the door, the window… */
  marks: Record<string, V3>;
  surfaces: Dressing[];
  seats: Dressing[];
  /** Every id in the set (props and marks), so scene-level ids can avoid them. */
  ids: string[];
}

export function styleFor(location: string | null, interior: boolean): SetStyle {
  const loc = (location ?? '').toUpperCase();
  const list = interior ? INTERIOR_STYLES : EXTERIOR_STYLES;
  return list.find((s) => s.match.test(loc)) ?? (interior ? GENERIC_INTERIOR : GENERIC_EXTERIOR);
}

const r2 = (n: number) => Math.round(n * 100) / 100;

/** Designs the set for a location. `idBase` is unique per location in the film. */
export function designSet(location: string | null, interior: boolean, idBase: string, component: string): SetDesign {
  const style = styleFor(location, interior);
  const [w, d] = style.size;
  const children: JsxElement[] = [];
  const marks: Record<string, V3> = {};
  const dressing = style.dressing(w, d).map((x) => ({ ...x, id: slugId(x.name) }));
  if (interior) {
    const windowAt = r2(w / 2 + 1.6);
    children.push(el('Wall', { id: 'back', from: [r2(-w / 2), r2(-d / 2)], to: [r2(w / 2), r2(-d / 2)] }, [el('Window', { id: 'window', at: windowAt, width: 1.4, height: 1.2, sill: 0.95 })]));
    children.push(el('Wall', { id: 'left', from: [r2(-w / 2), r2(d / 2)], to: [r2(-w / 2), r2(-d / 2)] }));
    children.push(el('Wall', { id: 'right', from: [r2(w / 2), r2(-d / 2)], to: [r2(w / 2), r2(d / 2)] }, [el('Door', { id: 'door', at: 1.1, open: 75, hinge: 'right' })]));
    marks['by-door'] = [r2(w / 2 - 0.7), 0, r2(-d / 2 + 1.1)];
    marks['offstage'] = [r2(w / 2 + 1.6), 0, r2(-d / 2 + 1.1)];
    marks['by-window'] = [r2(windowAt - w / 2), 0, r2(-d / 2 + 0.8)];
  } else {
    marks['offstage'] = [r2(w / 2 - 1.5), 0, 0.35];
    marks['offstage-left'] = [r2(-w / 2 + 1.5), 0, 0.35];
  }
  for (const x of dressing) {
    const attrs: Array<[string, AttrValue]> = [['id', x.id]];
    if (x.kind) attrs.push(['kind', x.kind]);
    if (x.shape) attrs.push(['shape', x.shape]);
    if (x.size) attrs.push(['size', x.size]);
    attrs.push(['position', x.position.map(r2)]);
    if (x.rotation) attrs.push(['rotation', x.rotation]);
    if (x.color) attrs.push(['color', x.color]);
    if (x.material) attrs.push(['material', x.material]);
    children.push(el('Prop', attrs));
    // Crosses head for furniture: a mark in front of each surface and seat.
    if (x.role) marks[`by-${x.id}`] = [r2(x.position[0]), 0, r2(Math.min(x.position[2] + 0.75, 0.2))];
  }
  for (const [id, p] of Object.entries(marks)) children.push(el('Mark', { id, position: p }));
  const setAttrs: Array<[string, AttrValue]> = [
    ['id', idBase],
    ['floor', { material: style.floor.material, color: style.floor.color, ...(interior ? {} : { size: [w, d] }) }],
  ];
  if (interior) {
    setAttrs.push(['wallHeight', 2.8]);
    if (style.wallColor) setAttrs.push(['wallColor', style.wallColor]);
  }
  const element = el('Set', setAttrs, children);
  return {
    id: idBase,
    component,
    style: style.name,
    interior,
    size: [w, d],
    element,
    marks,
    surfaces: dressing.filter((x) => x.role === 'surface'),
    seats: dressing.filter((x) => x.role === 'seat'),
    ids: [...dressing.map((x) => x.id), ...Object.keys(marks), ...(interior ? ['back', 'left', 'right', 'window', 'door'] : [])],
  };
}
