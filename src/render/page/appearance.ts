// What makeup and wardrobe track beyond body and costume (CharacterPlan.appearance), drawn on the
// procedural humanoid: grey in the hair, age lines, injuries by kind and stage (a red cut, a cream
// bandage, a thin raised scar, a purple bruise, a black eye, a burn, a scrape, a taped nose), and
// dirt and blood on skin and clothes. Marks are thin shells laid on the skin's own ellipsoids, so
// they sit on the face at any head size and read in a close-up.

import * as THREE from 'three';
import type { BodyDims, JointName } from '../../plan/performance/skeleton';
import type { AppearancePlan, CharacterPlan } from '../../plan/schema';

export interface AppearanceRig {
  joint: (n: JointName) => THREE.Object3D;
  /** Head size and body height, metres. */
  hs: number;
  H: number;
  dims: BodyDims;
  skin: THREE.MeshStandardMaterial;
  hair: THREE.MeshStandardMaterial;
  /** Costume materials by slot (top, jacket, bottom): each soils by its own piece's condition. */
  cloth: Partial<Record<'top' | 'jacket' | 'bottom', THREE.MeshStandardMaterial>>;
}

type Rgb = [number, number, number];
const GREY: Rgb = [0.46, 0.46, 0.45];
const DIRT: Rgb = [0.13, 0.085, 0.05];
const BLOOD: Rgb = [0.12, 0.004, 0.006];
const FRESH_CUT: Rgb = [0.36, 0.015, 0.02];
const BANDAGE: Rgb = [0.86, 0.83, 0.74];
const BRUISE: Rgb = [0.2, 0.05, 0.2];
const YELLOWED: Rgb = [0.5, 0.45, 0.12];
/** How soiled a garment in each condition looks, 0–1. */
const SOIL: Record<string, number> = { worn: 0.15, dirty: 0.6, damaged: 0.35, bloodied: 0.2 };

const col = (c: Rgb) => new THREE.Color().setRGB(c[0], c[1], c[2], THREE.LinearSRGBColorSpace);
function mat(c: THREE.Color, rough = 0.7): THREE.MeshStandardMaterial {
  return new THREE.MeshStandardMaterial({ color: c, roughness: rough, metalness: 0 });
}
/** The skin colour mixed toward `c` by `t`. */
const skinMix = (skin: THREE.Color, c: Rgb, t: number) => skin.clone().lerp(col(c), t);

interface Ellipsoid {
  center: THREE.Vector3;
  radii: THREE.Vector3;
}

/** The point on an ellipsoid's front (+Z) at (x, y), and its outward normal. */
function onFront(e: Ellipsoid, x: number, y: number): { p: THREE.Vector3; n: THREE.Vector3 } {
  const u = (x - e.center.x) / e.radii.x;
  const v = (y - e.center.y) / e.radii.y;
  const w = Math.sqrt(Math.max(0.02, 1 - u * u - v * v));
  const p = new THREE.Vector3(x, y, e.center.z + e.radii.z * w);
  const n = new THREE.Vector3(u / e.radii.x, v / e.radii.y, w / e.radii.z).normalize();
  return { p, n };
}

/** A thin oval shell of `rx` × `ry` lying on the surface at (p, n), turned `angle` rad about n. */
function patch(material: THREE.Material, at: { p: THREE.Vector3; n: THREE.Vector3 }, rx: number, ry: number, thickness: number, angle = 0, lift = 0.15): THREE.Mesh {
  const m = new THREE.Mesh(new THREE.SphereGeometry(1, 14, 10), material);
  m.scale.set(rx, ry, thickness);
  const q = new THREE.Quaternion().setFromUnitVectors(new THREE.Vector3(0, 0, 1), at.n);
  q.multiply(new THREE.Quaternion().setFromAxisAngle(new THREE.Vector3(0, 0, 1), angle));
  m.quaternion.copy(q);
  m.position.copy(at.p).addScaledVector(at.n, thickness * lift);
  return m;
}

export function addAppearance(ch: CharacterPlan, rig: AppearanceRig): void {
  const a: AppearancePlan | undefined = ch.appearance;
  if (!a) return;
  const { hs, H } = rig;
  const head = rig.joint('head');
  const skinC = rig.skin.color;
  // The skull as humanoid.ts builds it (centre and radii in the head joint's space).
  const skull: Ellipsoid = { center: new THREE.Vector3(0, 0.5 * hs, 0.02 * hs), radii: new THREE.Vector3(0.36 * hs, 0.5 * hs, 0.42 * hs) };
  const chin: Ellipsoid = { center: new THREE.Vector3(0, 0.04 * hs, 0.2 * hs), radii: new THREE.Vector3(0.16 * hs, 0.1 * hs, 0.16 * hs) };
  const face = (x: number, y: number) => onFront(skull, x * hs, y * hs);

  // Hair: grey mixed in (brows follow: they share the hair's material).
  if (a.greyHair > 0) rig.hair.color.lerp(col(GREY), Math.min(1, a.greyHair));

  // Age lines: forehead creases, crow's feet, the folds from nose to mouth.
  if (a.wrinkles > 0.12) {
    const w = Math.min(1, a.wrinkles);
    const line = mat(skinC.clone().multiplyScalar(1 - 0.45 * w), 0.8);
    const t = 0.004 * hs;
    const rows = w > 0.5 ? 3 : 2;
    for (let k = 0; k < rows; k++) head.add(patch(line, face(0, 0.74 + k * 0.05), (0.13 - k * 0.015) * hs, 0.005 * hs * (0.6 + w), t, 0, 0.5));
    for (const s of [1, -1])
      for (const k of [-1, 0, 1]) {
        if (w < 0.35 && k !== 0) continue;
        head.add(patch(line, face(s * 0.25, 0.56 + k * 0.025), 0.035 * hs, 0.004 * hs, t, s * k * 0.35, 0.5));
      }
    const fold = mat(skinC.clone().multiplyScalar(1 - 0.25 * w), 0.8);
    for (const s of [1, -1]) head.add(patch(fold, face(s * 0.12, 0.385), 0.045 * hs, 0.0045 * hs * (0.6 + w), t, s * 1.05, 0.5));
  }

  // Injuries by region and stage.
  for (const j of a.injuries) drawInjury(j.kind, j.region, j.stage, rig, head, face, chin);

  // Dirt and blood.
  const chest = rig.joint('chest');
  const d = rig.dims;
  const torso: Ellipsoid = { center: new THREE.Vector3(0, 0.06 * H, 0.005 * H), radii: new THREE.Vector3(d.shoulderHalf * 0.92, 0.085 * H, d.torsoDepth * 1.1) };
  /** A point on the front of the chest, u and v in −1…1, lifted to clear a jacket's shell. */
  const onChest = (u: number, v: number) => {
    const at = onFront(torso, u * torso.radii.x, torso.center.y + v * torso.radii.y);
    at.p.addScaledVector(at.n, 0.012 * H);
    return at;
  };
  // Each garment by its own condition (dirty jeans under a clean shirt stay apart).
  for (const [slot, m] of Object.entries(rig.cloth)) {
    const piece = slot === 'top' ? (ch.costume.top ?? ch.costume.dress) : ch.costume[slot];
    const soil = SOIL[piece?.condition ?? ''] ?? 0;
    if (m && soil > 0) m.color.lerp(col(DIRT), Math.min(0.45, soil * 0.6));
  }
  if (a.dirt > 0.02) {
    const upper = Math.max(SOIL[ch.costume.jacket?.condition ?? ''] ?? 0, SOIL[(ch.costume.top ?? ch.costume.dress)?.condition ?? ''] ?? 0);
    if (upper > 0.25) {
      // Smudges where hands and the ground touch: chest and belly.
      const grime = mat(col(DIRT), 0.95);
      for (const [u, v, r] of [[-0.35, -0.2, 0.03], [0.25, -0.5, 0.025], [0.5, 0.3, 0.02]] as const) chest.add(patch(grime, onChest(u, v), r * H, r * 0.7 * H, 0.003 * H, u * 4));
    }
    if (a.dirt > 0.3) {
      const smudge = mat(skinMix(skinC, DIRT, 0.45), 0.9);
      for (const [x, y, r] of [[0.2, 0.36, 0.05], [-0.12, 0.8, 0.045], [-0.22, 0.42, 0.035]] as const) head.add(patch(smudge, face(x, y), r * hs, r * 0.7 * hs, 0.004 * hs, x * 3));
    }
  }
  if (a.blood > 0.15) {
    // Splashes: a blot with smaller drops around it, more of them the bloodier the costume.
    const stain = mat(col(BLOOD), 0.4);
    const spots: Array<[number, number, number]> = [[0.3, 0.2, 0.022], [-0.2, -0.1, 0.016], [0.05, 0.45, 0.013], [0.4, -0.35, 0.012], [-0.35, 0.35, 0.01]];
    const n = Math.max(1, Math.round(spots.length * Math.min(1, a.blood)));
    for (const [u, v, r] of spots.slice(0, n)) {
      chest.add(patch(stain, onChest(u, v), r * H, r * 0.75 * H, 0.004 * H, u * 2));
      for (const [du, dv, k] of [[0.12, -0.1, 0.4], [-0.08, 0.14, 0.3], [0.05, 0.2, 0.22]] as const) chest.add(patch(stain, onChest(u + du, v + dv), r * k * H, r * k * H, 0.004 * H));
    }
  }
}

function drawInjury(kind: string, region: string, stage: string, rig: AppearanceRig, head: THREE.Object3D, face: (x: number, y: number) => { p: THREE.Vector3; n: THREE.Vector3 }, chin: Ellipsoid): void {
  const { hs, H } = rig;
  const skinC = rig.skin.color;
  const t = 0.006 * hs;
  const side = region.endsWith('-left') ? 1 : region.endsWith('-right') ? -1 : 0;

  // Limbs: wrapped (bandage) or a mark on the back of the hand / outside of the forearm.
  if (region.startsWith('hand') || region.startsWith('arm')) {
    const jn = (region.startsWith('hand') ? (side > 0 ? 'lHand' : 'rHand') : side > 0 ? 'lForearm' : 'rForearm') as JointName;
    const joint = rig.joint(jn);
    const r = region.startsWith('hand') ? 0.027 * H : rig.dims.limb * 1.05;
    const y = region.startsWith('hand') ? -0.04 * H : -rig.dims.forearm * 0.45;
    if (stage === 'bandaged') {
      const wrap = new THREE.Mesh(new THREE.CylinderGeometry(r, r, region.startsWith('hand') ? 0.045 * H : 0.09 * H, 14, 1, true), mat(col(BANDAGE), 0.9));
      (wrap.material as THREE.Material).side = THREE.DoubleSide;
      wrap.position.y = y;
      joint.add(wrap);
      return;
    }
    const surf = { p: new THREE.Vector3(0, y, r * 0.95), n: new THREE.Vector3(0, 0, 1) };
    const m = markMaterial(kind, stage, skinC);
    if (m) joint.add(patch(m.material, surf, m.long ? 0.03 * H : 0.018 * H, m.long ? 0.004 * H : 0.014 * H, 0.003 * H, 0.6));
    return;
  }

  if (region === 'neck') {
    const joint = rig.joint('neck');
    const r = 0.031 * H;
    const surf = { p: new THREE.Vector3(0.01 * H, 0.02 * H, r), n: new THREE.Vector3(0.3, 0, 1).normalize() };
    const m = stage === 'bandaged' ? { material: mat(col(BANDAGE), 0.9), long: false } : markMaterial(kind, stage, skinC);
    if (m) joint.add(patch(m.material, surf, m.long ? 0.03 * H : 0.02 * H, m.long ? 0.004 * H : 0.016 * H, 0.004 * H, 0.3));
    return;
  }

  // The face. Anchors in head sizes; the character's left is +X.
  const anchors: Record<string, [number, number]> = {
    'cheek-left': [0.2, 0.4],
    'cheek-right': [-0.2, 0.4],
    forehead: [0.06, 0.8],
    'eye-left': [0.14, 0.56],
    'eye-right': [-0.14, 0.56],
    nose: [0, 0.5],
    lip: [0.05, 0.31],
    chin: [0.03, 0.1],
  };
  const [x, y] = anchors[region] ?? [0, 0.6];
  const onChin = region === 'chin';
  const host = onChin ? rig.joint('jaw') : head;
  const at = onChin ? onFront(chin, x * hs, chin.center.y) : face(x, y);

  if (kind === 'black-eye' || region.startsWith('eye')) {
    if (stage === 'bandaged') {
      // An eye patch of gauze.
      head.add(patch(mat(col(BANDAGE), 0.9), face(x, y), 0.1 * hs, 0.08 * hs, 0.02 * hs, 0, 1.6));
      return;
    }
    const shade = kind === 'black-eye' || kind === 'bruise' ? (stage === 'fresh' ? skinMix(skinC, BRUISE, 0.75) : stage === 'healing' ? skinMix(skinC, YELLOWED, 0.45) : null) : null;
    if (shade) {
      // A ring around the eye socket, below and at the outer corner most.
      const ring = new THREE.Mesh(new THREE.TorusGeometry(0.07 * hs, 0.025 * hs, 8, 22), mat(shade, 0.6));
      ring.scale.set(1, 0.85, 0.35);
      ring.position.set(x * hs, (y - 0.01) * hs, 0.37 * hs);
      ring.rotation.x = -0.15;
      head.add(ring);
      return;
    }
  }

  if (kind === 'broken-nose' || region === 'nose') {
    if (stage === 'bandaged') {
      // Tape across the bridge.
      const tape = new THREE.Mesh(new THREE.BoxGeometry(0.16 * hs, 0.05 * hs, 0.015 * hs), mat(col(BANDAGE), 0.85));
      tape.position.set(0, 0.5 * hs, 0.475 * hs);
      tape.rotation.x = -0.35;
      head.add(tape);
      return;
    }
    if (kind === 'broken-nose' && (stage === 'fresh' || stage === 'healing')) {
      const shade = stage === 'fresh' ? skinMix(skinC, BRUISE, 0.7) : skinMix(skinC, YELLOWED, 0.4);
      const m = mat(shade, 0.6);
      head.add(patch(m, face(0, 0.52), 0.05 * hs, 0.035 * hs, 0.02 * hs, 0, 1.2));
      for (const s of [1, -1]) head.add(patch(m, face(s * 0.14, 0.48), 0.06 * hs, 0.03 * hs, t, 0));
      if (stage === 'fresh') head.add(patch(mat(col(FRESH_CUT), 0.4), face(0.02, 0.36), 0.012 * hs, 0.05 * hs, t, 0));
      return;
    }
  }

  if (stage === 'bandaged') {
    // A gauze pad with two strips of tape.
    const pad = mat(col(BANDAGE), 0.9);
    host.add(patch(pad, at, 0.085 * hs, 0.06 * hs, 0.014 * hs, 0.1, 0.6));
    const tape = mat(col([0.78, 0.72, 0.6]), 0.8);
    for (const s of [1, -1]) host.add(patch(tape, { p: at.p.clone().addScaledVector(new THREE.Vector3(0, 1, 0), s * 0.035 * hs), n: at.n }, 0.12 * hs, 0.012 * hs, 0.016 * hs, 0.1, 0.6));
    return;
  }
  const m = markMaterial(kind, stage, skinC);
  if (!m) return;
  if (m.long) {
    // Cuts and scars: a line across the region; a scar stands a little proud of the skin.
    host.add(patch(m.material, at, 0.075 * hs, stage === 'scar' ? 0.008 * hs : 0.011 * hs, stage === 'scar' ? 0.01 * hs : t, 0.45, stage === 'scar' ? 0.6 : 0.15));
    if (kind === 'cut' && stage === 'fresh') {
      // A trickle of blood below the cut.
      const below = onChin ? at : face(x + 0.015, y - 0.08);
      host.add(patch(mat(col(BLOOD), 0.4), below, 0.008 * hs, 0.05 * hs, t, 0.1));
    }
  } else host.add(patch(m.material, at, 0.07 * hs, 0.055 * hs, t, 0.3));
}

/** Colour and shape of a mark that is not a bandage. */
function markMaterial(kind: string, stage: string, skin: THREE.Color): { material: THREE.Material; long: boolean } | undefined {
  switch (kind) {
    case 'cut':
      if (stage === 'fresh') return { material: mat(col(FRESH_CUT), 0.35), long: true };
      if (stage === 'healing') return { material: mat(skinMix(skin, [0.42, 0.07, 0.07], 0.7), 0.6), long: true };
      if (stage === 'scar') return { material: mat(skinMix(skin, [0.95, 0.7, 0.68], 0.55), 0.35), long: true };
      return undefined;
    case 'burn':
      if (stage === 'fresh') return { material: mat(skinMix(skin, [0.45, 0.06, 0.03], 0.75), 0.3), long: false };
      if (stage === 'healing') return { material: mat(skinMix(skin, [0.8, 0.35, 0.35], 0.55), 0.4), long: false };
      if (stage === 'scar') return { material: mat(skinMix(skin, [0.95, 0.78, 0.74], 0.6), 0.25), long: false };
      return undefined;
    case 'scrape':
      if (stage === 'fresh') return { material: mat(skinMix(skin, [0.4, 0.05, 0.04], 0.65), 0.9), long: false };
      if (stage === 'healing') return { material: mat(skinMix(skin, [0.55, 0.25, 0.2], 0.45), 0.9), long: false };
      return undefined;
    case 'bruise':
    case 'black-eye':
    case 'broken-nose':
      if (stage === 'fresh') return { material: mat(skinMix(skin, BRUISE, 0.7), 0.6), long: false };
      if (stage === 'healing') return { material: mat(skinMix(skin, YELLOWED, 0.45), 0.6), long: false };
      return undefined;
  }
  return undefined;
}
