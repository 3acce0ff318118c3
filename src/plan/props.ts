// The procedural prop catalogue: what `<Prop kind="chair" />` means in metres. Each backend
// builds the geometry from a recipe of the same name; the plan only needs footprints (for
// collisions and walking up to things), seat heights (for <Sit on="chair1" />) and colours.

export interface PropKind {
  /** Bounding size [width x, height y, depth z] in metres, front facing +Z. */
  size: [number, number, number];
  color: string;
  /** Height of the seat surface for props people sit on. */
  seatHeight?: number;
  /** Practical light: lamps glow and light the room. */
  emissive?: string;
  category: 'furniture' | 'lighting' | 'container' | 'vehicle' | 'nature' | 'street' | 'dressing' | 'architecture';
}

export const PROP_KINDS: Record<string, PropKind> = {
  table: { size: [1.4, 0.75, 0.8], color: '#8a6642', category: 'furniture' },
  'dining-table': { size: [1.8, 0.76, 0.9], color: '#6b4423', category: 'furniture' },
  'coffee-table': { size: [1.1, 0.42, 0.6], color: '#5a3a22', category: 'furniture' },
  desk: { size: [1.5, 0.76, 0.75], color: '#7a5b3a', category: 'furniture' },
  chair: { size: [0.46, 0.92, 0.5], color: '#6b4a2e', seatHeight: 0.46, category: 'furniture' },
  'office-chair': { size: [0.62, 1.05, 0.62], color: '#2a2d33', seatHeight: 0.5, category: 'furniture' },
  stool: { size: [0.38, 0.75, 0.38], color: '#8c8c8c', seatHeight: 0.75, category: 'furniture' },
  armchair: { size: [0.85, 0.95, 0.85], color: '#7a3b2e', seatHeight: 0.44, category: 'furniture' },
  sofa: { size: [2.0, 0.85, 0.9], color: '#5a6e7a', seatHeight: 0.44, category: 'furniture' },
  bench: { size: [1.6, 0.45, 0.45], color: '#7a6a52', seatHeight: 0.45, category: 'street' },
  bed: { size: [1.6, 1.1, 2.1], color: '#d9d2c3', seatHeight: 0.5, category: 'furniture' },
  shelf: { size: [1.0, 1.9, 0.35], color: '#6b4a2e', category: 'furniture' },
  bookshelf: { size: [1.0, 2.0, 0.35], color: '#5a3a22', category: 'furniture' },
  cabinet: { size: [0.9, 0.9, 0.5], color: '#cfc8b8', category: 'furniture' },
  counter: { size: [2.4, 0.95, 0.65], color: '#b0a999', category: 'furniture' },
  booth: { size: [1.4, 1.1, 0.7], color: '#9b2d2d', seatHeight: 0.46, category: 'furniture' },
  lamp: { size: [0.45, 1.65, 0.45], color: '#c9b27a', emissive: '#ffd9a0', category: 'lighting' },
  'floor-lamp': { size: [0.45, 1.65, 0.45], color: '#c9b27a', emissive: '#ffd9a0', category: 'lighting' },
  'table-lamp': { size: [0.3, 0.55, 0.3], color: '#c9b27a', emissive: '#ffd9a0', category: 'lighting' },
  'pendant-lamp': { size: [0.45, 0.4, 0.45], color: '#2f3b3a', emissive: '#ffe0b0', category: 'lighting' },
  crate: { size: [0.6, 0.6, 0.6], color: '#a07a4a', category: 'container' },
  barrel: { size: [0.6, 0.9, 0.6], color: '#3d5a80', category: 'container' },
  box: { size: [0.4, 0.3, 0.3], color: '#b89968', category: 'container' },
  tv: { size: [1.1, 0.7, 0.2], color: '#15171a', emissive: '#8fb7ff', category: 'dressing' },
  plant: { size: [0.5, 1.1, 0.5], color: '#3f7a3a', category: 'dressing' },
  rug: { size: [2.0, 0.01, 1.4], color: '#8a3b3b', category: 'dressing' },
  painting: { size: [0.9, 0.6, 0.04], color: '#c9a227', category: 'dressing' },
  mug: { size: [0.12, 0.1, 0.09], color: '#e8e2d0', category: 'dressing' },
  bottle: { size: [0.08, 0.3, 0.08], color: '#2e6b3a', category: 'dressing' },
  book: { size: [0.16, 0.04, 0.23], color: '#7a2e2e', category: 'dressing' },
  phone: { size: [0.075, 0.01, 0.15], color: '#15171a', category: 'dressing' },
  letter: { size: [0.21, 0.002, 0.28], color: '#f3ead3', category: 'dressing' },
  gun: { size: [0.05, 0.13, 0.2], color: '#222222', category: 'dressing' },
  car: { size: [1.8, 1.45, 4.4], color: '#8a1c1c', category: 'vehicle' },
  tree: { size: [2.6, 5.5, 2.6], color: '#3f6b35', category: 'nature' },
  bush: { size: [1.2, 0.9, 1.2], color: '#416b39', category: 'nature' },
  rock: { size: [0.9, 0.55, 0.8], color: '#77736b', category: 'nature' },
  streetlight: { size: [1.2, 4.5, 0.4], color: '#3a3d40', emissive: '#ffcf8a', category: 'street' },
  hydrant: { size: [0.35, 0.7, 0.35], color: '#b8281f', category: 'street' },
  trashcan: { size: [0.55, 0.95, 0.55], color: '#4a5248', category: 'street' },
  mailbox: { size: [0.45, 1.1, 0.5], color: '#1f3f8a', category: 'street' },
  'street-sign': { size: [0.6, 2.6, 0.1], color: '#2d6a3e', category: 'street' },
  pillar: { size: [0.5, 3.0, 0.5], color: '#9a958c', category: 'architecture' },
  stairs: { size: [1.2, 1.0, 1.8], color: '#8c8378', category: 'architecture' },
  // The set builder's pieces (src/art/styles.ts dresses rooms with them).
  door: { size: [1.0, 2.15, 0.1], color: '#6b4a2e', category: 'architecture' },
  fridge: { size: [0.75, 1.8, 0.7], color: '#e8e6e0', category: 'furniture' },
  stove: { size: [0.76, 0.92, 0.65], color: '#d8d6d0', category: 'furniture' },
  /** Counter height 0.92 m; the tap rises to 1.17 m. */
  sink: { size: [1.2, 1.17, 0.62], color: '#b0a999', category: 'furniture' },
  nightstand: { size: [0.5, 0.55, 0.4], color: '#6b4a2e', category: 'furniture' },
  dresser: { size: [1.2, 0.85, 0.5], color: '#7a5b3a', category: 'furniture' },
  closet: { size: [1.2, 2.0, 0.6], color: '#8a6a48', category: 'furniture' },
  'filing-cabinet': { size: [0.47, 1.3, 0.62], color: '#8c9096', category: 'furniture' },
  computer: { size: [0.55, 0.45, 0.3], color: '#1e2126', emissive: '#9ec4ff', category: 'dressing' },
  workbench: { size: [1.8, 0.9, 0.75], color: '#7a6a52', category: 'furniture' },
  pallet: { size: [1.2, 0.15, 1.0], color: '#a08660', category: 'container' },
  'pallet-rack': { size: [2.7, 3.0, 1.0], color: '#2f5d8a', category: 'container' },
  jukebox: { size: [0.9, 1.6, 0.7], color: '#8a2a2a', emissive: '#ffb060', category: 'dressing' },
  'coat-rack': { size: [0.5, 1.8, 0.5], color: '#5a3a22', category: 'furniture' },
  radiator: { size: [0.9, 0.6, 0.12], color: '#e8e4da', category: 'architecture' },
  log: { size: [2.0, 0.4, 0.4], color: '#6b4a2e', seatHeight: 0.4, category: 'nature' },
  stump: { size: [0.6, 0.5, 0.6], color: '#6b4a2e', seatHeight: 0.5, category: 'nature' },
  campfire: { size: [0.9, 0.45, 0.9], color: '#4a3a2a', emissive: '#ff8a30', category: 'lighting' },
  fence: { size: [2.4, 1.1, 0.08], color: '#8a7a62', category: 'street' },
  bollard: { size: [0.25, 0.9, 0.25], color: '#3a3d40', category: 'street' },
  'parking-meter': { size: [0.3, 1.35, 0.25], color: '#4a5a6a', category: 'street' },
  'bus-stop': { size: [3.0, 2.5, 1.4], color: '#3a4a5a', category: 'street' },
  planter: { size: [1.0, 0.9, 1.0], color: '#8c8378', category: 'street' },
  whiteboard: { size: [1.8, 1.2, 0.05], color: '#f4f4f0', category: 'dressing' },
};

export const PROP_KIND_NAMES = Object.keys(PROP_KINDS);
