// The procedural humanoid for the three.js backend: a joint hierarchy from skeleton.ts (the same
// one evaluateFrame poses), dressed with simple solids — skin, face, hair, costume pieces — sized
// from the body's proportions. Stylised, but it must read as a person in a wide, a medium and a
// close-up: eyes, brows, nose, ears and a mouth that opens with the dialogue.

import * as THREE from 'three';
import { bodyDims, JOINTS, PARENT, restOffsets, type BodyDims, type JointName } from '../../plan/performance/skeleton';
import type { CharacterPlan } from '../../plan/schema';
import type { CharacterState } from '../../plan/performance/pose';
import { mergeMeshes } from './merge';
import { addAppearance } from './appearance';

export interface Rig {
  root: THREE.Group;
  joints: THREE.Object3D[];
  rest: THREE.Vector3[];
  dims: BodyDims;
  mouth: THREE.Mesh;
  lids: THREE.Mesh[];
  id: string;
}

const lin = (c: [number, number, number]) => new THREE.Color().setRGB(c[0], c[1], c[2], THREE.LinearSRGBColorSpace);

function mat(color: THREE.Color, rough = 0.75, extra: Partial<THREE.MeshStandardMaterialParameters> = {}): THREE.MeshStandardMaterial {
  return new THREE.MeshStandardMaterial({ color, roughness: rough, metalness: 0, ...extra });
}

/** A capsule between the joint origin and a point `len` below it (bones hang along −Y at rest). */
function limb(len: number, r0: number, r1 = r0, material: THREE.Material, zScale = 1): THREE.Mesh {
  const g = new THREE.CylinderGeometry(r1, r0, len, 14, 1, false);
  g.translate(0, -len / 2, 0);
  const m = new THREE.Mesh(g, material);
  m.scale.z = zScale;
  const capTop = new THREE.Mesh(new THREE.SphereGeometry(r0, 14, 10), material);
  const capBot = new THREE.Mesh(new THREE.SphereGeometry(r1, 14, 10), material);
  capBot.position.y = -len;
  m.add(capTop, capBot);
  return m;
}

function ellipsoid(rx: number, ry: number, rz: number, material: THREE.Material, seg = 20): THREE.Mesh {
  const m = new THREE.Mesh(new THREE.SphereGeometry(1, seg, Math.round(seg * 0.75)), material);
  m.scale.set(rx, ry, rz);
  return m;
}

function box(w: number, h: number, d: number, material: THREE.Material): THREE.Mesh {
  return new THREE.Mesh(new THREE.BoxGeometry(w, h, d), material);
}

const LONG_SLEEVES = new Set(['shirt', 'sweater', 'blouse', 'hoodie', undefined]);

export function buildHumanoid(ch: CharacterPlan): Rig {
  const d = bodyDims(ch.body.height, ch.body.build, ch.body.presentation);
  const H = d.height;
  const offs = restOffsets(d);
  const root = new THREE.Group();
  root.name = `character:${ch.id}`;
  const joints: THREE.Object3D[] = [];
  const rest: THREE.Vector3[] = [];
  JOINTS.forEach((name, i) => {
    const j = new THREE.Group();
    j.name = name;
    j.position.set(offs[i][0], offs[i][1], offs[i][2]);
    rest.push(j.position.clone());
    const parent = PARENT[name];
    (parent ? joints[JOINTS.indexOf(parent)] : root).add(j);
    joints.push(j);
  });
  const J = (n: JointName) => joints[JOINTS.indexOf(n)];

  const skin = mat(lin(ch.body.skin), 0.6);
  const hairM = mat(lin(ch.body.hair), 0.85);
  const c = ch.costume;
  const top = c.top ?? c.dress;
  const topM = mat(lin((top ?? c.jacket ?? { color: [0.3, 0.3, 0.32] }).color), 0.8);
  const jacketM = c.jacket ? mat(lin(c.jacket.color), c.jacket.kind === 'leather' ? 0.45 : 0.8) : undefined;
  const bottomM = mat(lin((c.bottom ?? c.dress ?? { color: [0.12, 0.12, 0.14] }).color), 0.85);
  const shoeM = mat(lin((c.shoes ?? { color: [0.08, 0.07, 0.06] }).color), 0.5);
  const dress = !!c.dress && !c.bottom;
  const skirt = c.bottom?.kind === 'skirt' || dress;
  const shorts = c.bottom?.kind === 'shorts';

  // Torso: pelvis block, abdomen, chest, shoulders. A jacket is a slightly larger shell over the top.
  const hipR = d.hipWidth * 0.62;
  const pelvis = ellipsoid(hipR * 1.05, 0.065 * H, d.torsoDepth * 0.95, dress ? topM : bottomM);
  pelvis.position.set(0, -0.01 * H, 0);
  J('pelvis').add(pelvis);
  const belly = limb(d.spine + d.chest * 0.4, d.torsoWidth * 0.78, d.torsoWidth * 0.82, jacketM ?? topM, (d.torsoDepth * 1.05) / (d.torsoWidth * 0.8));
  belly.rotation.z = Math.PI;
  belly.position.y = -0.005 * H;
  J('pelvis').add(belly);
  const chestR = d.shoulderHalf * 0.92;
  const chest = ellipsoid(chestR, 0.085 * H, d.torsoDepth * 1.1, jacketM ?? topM);
  chest.position.set(0, 0.06 * H, 0.005 * H);
  J('chest').add(chest);
  for (const s of [1, -1]) {
    const shoulder = new THREE.Mesh(new THREE.SphereGeometry(d.limb * 1.25, 14, 10), jacketM ?? topM);
    shoulder.position.set(s * d.shoulderHalf, 0.095 * H, 0);
    J('chest').add(shoulder);
  }
  if (jacketM && c.top) {
    // The shirt shows in the open front of the jacket: a narrow V down the chest.
    const placket = new THREE.Mesh(new THREE.CylinderGeometry(0.045 * H, 0.004 * H, 0.15 * H, 3, 1), topM);
    placket.rotation.set(0, Math.PI, 0);
    placket.scale.z = 0.15;
    placket.position.set(0, 0.07 * H, d.torsoDepth * 1.08);
    J('chest').add(placket);
  }
  if (c.tie) {
    const tie = box(0.018 * H, 0.2 * H, 0.006, mat(lin(c.tie.color), 0.5));
    tie.position.set(0, 0.03 * H, d.torsoDepth * 1.12 + 0.004);
    J('chest').add(tie);
  }
  if (c.scarf) {
    const scarf = new THREE.Mesh(new THREE.TorusGeometry(0.05 * H, 0.018 * H, 8, 18), mat(lin(c.scarf.color), 0.9));
    scarf.rotation.x = Math.PI / 2;
    scarf.position.y = 0.115 * H;
    J('chest').add(scarf);
  }

  // Neck and head.
  const neck = limb(d.neck * 0.55, 0.03 * H, 0.032 * H, skin);
  neck.rotation.z = Math.PI;
  neck.position.y = -0.01 * H;
  J('neck').add(neck);
  const hs = d.headSize;
  const head = J('head');
  const skull = ellipsoid(0.36 * hs, 0.5 * hs, 0.42 * hs, skin, 28);
  skull.position.set(0, 0.5 * hs, 0.02 * hs);
  head.add(skull);
  const eyeWhite = mat(new THREE.Color(0.9, 0.88, 0.85), 0.3);
  const irisM = mat(lin(ch.body.eyes), 0.3);
  const pupilM = mat(new THREE.Color(0.02, 0.02, 0.02), 0.2);
  const browM = hairM;
  const lids: THREE.Mesh[] = [];
  for (const s of [1, -1]) {
    const eye = new THREE.Mesh(new THREE.SphereGeometry(0.055 * hs, 16, 12), eyeWhite);
    eye.position.set(s * 0.14 * hs, 0.56 * hs, 0.352 * hs);
    head.add(eye);
    const iris = new THREE.Mesh(new THREE.SphereGeometry(0.032 * hs, 14, 10), irisM);
    iris.position.set(0, 0, 0.03 * hs);
    eye.add(iris);
    const pupil = new THREE.Mesh(new THREE.SphereGeometry(0.016 * hs, 10, 8), pupilM);
    pupil.position.set(0, 0, 0.018 * hs);
    iris.add(pupil);
    const lid = new THREE.Mesh(new THREE.SphereGeometry(0.06 * hs, 16, 8, 0, Math.PI * 2, 0, Math.PI / 2), skin);
    lid.position.copy(eye.position);
    lid.scale.y = 0.0001;
    head.add(lid);
    lids.push(lid);
    const brow = box(0.12 * hs, 0.022 * hs, 0.03 * hs, browM);
    brow.position.set(s * 0.145 * hs, 0.665 * hs, 0.385 * hs);
    brow.rotation.z = s * -0.12;
    head.add(brow);
    const ear = ellipsoid(0.04 * hs, 0.09 * hs, 0.06 * hs, skin, 12);
    ear.position.set(s * 0.36 * hs, 0.5 * hs, 0.0);
    head.add(ear);
  }
  const nose = new THREE.Mesh(new THREE.ConeGeometry(0.05 * hs, 0.16 * hs, 10), skin);
  nose.rotation.x = Math.PI / 2 - 0.35;
  nose.position.set(0, 0.45 * hs, 0.43 * hs);
  head.add(nose);
  // The mouth: a dark opening that grows with the jaw.
  const mouth = ellipsoid(0.075 * hs, 0.018 * hs, 0.02 * hs, mat(new THREE.Color(0.18, 0.04, 0.05), 0.6), 16);
  mouth.position.set(0, 0.29 * hs, 0.398 * hs);
  head.add(mouth);
  const lip = ellipsoid(0.08 * hs, 0.014 * hs, 0.022 * hs, mat(lin(ch.body.skin).multiplyScalar(0.75), 0.5), 14);
  lip.position.set(0, 0.318 * hs, 0.4 * hs);
  head.add(lip);
  const chin = ellipsoid(0.16 * hs, 0.1 * hs, 0.16 * hs, skin, 16);
  chin.position.set(0, 0.04 * hs, 0.2 * hs);
  J('jaw').add(chin);
  J('jaw').position.set(0, 0.1 * hs, 0.05 * hs);

  addHair(ch.body.hairStyle, head, hs, hairM);
  if (c.hat) addHat(c.hat.kind ?? 'fedora', head, hs, mat(lin(c.hat.color), 0.7));
  if (c.glasses) {
    const gm = mat(lin(c.glasses.color), 0.3, { metalness: 0.3 });
    for (const s of [1, -1]) {
      const ring = new THREE.Mesh(new THREE.TorusGeometry(0.07 * hs, 0.01 * hs, 6, 20), c.glasses.kind === 'sunglasses' ? gm : gm);
      ring.position.set(s * 0.14 * hs, 0.56 * hs, 0.4 * hs);
      head.add(ring);
      if (c.glasses.kind === 'sunglasses') {
        const lens = new THREE.Mesh(new THREE.CircleGeometry(0.068 * hs, 18), mat(new THREE.Color(0.02, 0.02, 0.03), 0.1));
        lens.position.set(s * 0.14 * hs, 0.56 * hs, 0.405 * hs);
        head.add(lens);
      }
    }
    const bridge = box(0.08 * hs, 0.012 * hs, 0.012 * hs, gm);
    bridge.position.set(0, 0.58 * hs, 0.41 * hs);
    head.add(bridge);
  }

  // Arms: sleeves by garment; hands in skin.
  const topKind = c.top?.kind;
  const sleeveLong = !!c.jacket || LONG_SLEEVES.has(topKind);
  const sleeveShort = !sleeveLong && topKind !== 'tank';
  for (const side of ['l', 'r'] as const) {
    const upper = J(`${side}UpperArm` as JointName);
    const fore = J(`${side}Forearm` as JointName);
    const hand = J(`${side}Hand` as JointName);
    const sleeveM = jacketM ?? topM;
    upper.add(limb(d.upperArm, d.limb * 1.12, d.limb * 0.95, sleeveLong || sleeveShort ? sleeveM : skin));
    fore.add(limb(d.forearm, d.limb * 0.92, d.limb * 0.72, sleeveLong ? sleeveM : skin));
    const palm = ellipsoid(0.022 * H, 0.045 * H, 0.012 * H, skin, 12);
    palm.position.set(0, -0.045 * H, 0);
    hand.add(palm);
    const thumb = limb(0.03 * H, 0.007 * H, 0.006 * H, skin);
    thumb.position.set(side === 'l' ? -0.012 * H : 0.012 * H, -0.01 * H, 0.01 * H);
    thumb.rotation.z = side === 'l' ? -0.5 : 0.5;
    hand.add(thumb);
  }

  // Legs: trousers, shorts or a skirt; shoes.
  for (const side of ['l', 'r'] as const) {
    const thigh = J(`${side}Thigh` as JointName);
    const shin = J(`${side}Shin` as JointName);
    const foot = J(`${side}Foot` as JointName);
    thigh.add(limb(d.thigh, d.limb * 1.55, d.limb * 1.15, skirt ? skin : bottomM));
    shin.add(limb(d.shin, d.limb * 1.12, d.limb * 0.8, skirt || shorts ? skin : bottomM));
    const shoe = new THREE.Mesh(new THREE.BoxGeometry(0.055 * H, 0.05 * H, d.footLength, 1, 1, 1), shoeM);
    shoe.position.set(0, -d.ankle + 0.025 * H, d.footLength * 0.32);
    foot.add(shoe);
    const heel = ellipsoid(0.028 * H, 0.025 * H, 0.03 * H, shoeM, 10);
    heel.position.set(0, -d.ankle + 0.025 * H, -0.01 * H);
    foot.add(heel);
  }
  if (skirt) {
    const len = dress ? d.thigh * 1.05 : d.thigh * 0.85;
    const sk = new THREE.Mesh(new THREE.CylinderGeometry(hipR * 1.05, hipR * 1.55, len, 20, 1, true), dress ? topM : bottomM);
    (sk.material as THREE.Material).side = THREE.DoubleSide;
    sk.position.y = -0.02 * H - len / 2;
    J('pelvis').add(sk);
  }

  // Makeup and wardrobe state: grey hair, age lines, injuries, dirt and blood.
  addAppearance(ch, { joint: J, hs, H, dims: d, skin, hair: hairM, cloth: { top: topM, jacket: jacketM, bottom: bottomM } });

  mouth.userData.dynamic = true;
  for (const lid of lids) lid.userData.dynamic = true;
  root.traverse((o) => {
    if ((o as THREE.Mesh).isMesh) {
      o.castShadow = true;
      o.receiveShadow = true;
      o.userData.kinoId = ch.id;
    }
  });
  // One merged mesh per material per joint (joints still move independently).
  const isJoint = new Set<THREE.Object3D>(joints);
  for (const j of joints) mergeMeshes(j, (o) => isJoint.has(o));
  return { root, joints, rest, dims: d, mouth, lids, id: ch.id };
}

/**
 * A hair cap: the skull's ellipsoid, slightly enlarged, cut along a hairline that is high at the
 * brow, over the ears at the sides and low at the nape. `reach` scales how far down it comes.
 */
function hairCap(hs: number, m: THREE.Material, opts: { front?: number; side?: number; back?: number; scale?: number } = {}): THREE.Mesh {
  const front = opts.front ?? 0.95;
  const side = opts.side ?? 1.42;
  const back = opts.back ?? 1.95;
  const k = opts.scale ?? 1.05;
  const rx = 0.36 * hs * k;
  const ry = 0.5 * hs * k;
  const rz = 0.42 * hs * k;
  const U = 36;
  const V = 14;
  const pos: number[] = [];
  const idx: number[] = [];
  for (let i = 0; i <= U; i++) {
    const phi = (i / U) * Math.PI * 2;
    // Hairline polar angle by azimuth (0 = front): front → sides → back.
    const c = Math.cos(phi);
    const limit = c >= 0 ? side + (front - side) * c : side + (back - side) * -c;
    for (let j = 0; j <= V; j++) {
      const th = (j / V) * limit;
      pos.push(rx * Math.sin(th) * Math.sin(phi), ry * Math.cos(th), rz * Math.sin(th) * Math.cos(phi));
    }
  }
  for (let i = 0; i < U; i++)
    for (let j = 0; j < V; j++) {
      const a = i * (V + 1) + j;
      const b = a + V + 1;
      idx.push(a, a + 1, b, a + 1, b + 1, b);
    }
  const g = new THREE.BufferGeometry();
  g.setAttribute('position', new THREE.Float32BufferAttribute(pos, 3));
  g.setAttribute('uv', new THREE.Float32BufferAttribute(new Array((pos.length / 3) * 2).fill(0), 2));
  g.setIndex(idx);
  g.computeVertexNormals();
  const mesh = new THREE.Mesh(g, m);
  mesh.position.set(0, 0.5 * hs, 0.02 * hs);
  return mesh;
}

function addHair(style: string, head: THREE.Object3D, hs: number, m: THREE.Material): void {
  if (style === 'bald') return;
  const add = (o: THREE.Object3D) => head.add(o);
  switch (style) {
    case 'buzz':
      add(hairCap(hs, m, { front: 0.9, back: 1.85, scale: 1.015 }));
      break;
    case 'long': {
      add(hairCap(hs, m, { front: 0.85, side: 1.75, back: 2.3, scale: 1.07 }));
      const back = ellipsoid(0.36 * hs, 0.5 * hs, 0.13 * hs, m);
      back.position.set(0, 0.12 * hs, -0.3 * hs);
      add(back);
      break;
    }
    case 'bob':
      add(hairCap(hs, m, { front: 0.8, side: 1.95, back: 2.25, scale: 1.1 }));
      break;
    case 'ponytail': {
      add(hairCap(hs, m, { front: 0.88, side: 1.5, back: 1.95, scale: 1.04 }));
      const tail = limb(0.45 * hs, 0.07 * hs, 0.03 * hs, m);
      tail.position.set(0, 0.62 * hs, -0.44 * hs);
      tail.rotation.x = 0.35;
      add(tail);
      break;
    }
    case 'bun': {
      add(hairCap(hs, m, { front: 0.88, side: 1.5, back: 1.95, scale: 1.04 }));
      const bun = ellipsoid(0.14 * hs, 0.12 * hs, 0.14 * hs, m);
      bun.position.set(0, 0.92 * hs, -0.3 * hs);
      add(bun);
      break;
    }
    case 'curly': {
      add(hairCap(hs, m, { front: 0.85, side: 1.5, back: 2.0, scale: 1.09 }));
      for (let i = 0; i < 22; i++) {
        const a = (i / 22) * Math.PI * 2;
        const b = ellipsoid(0.09 * hs, 0.09 * hs, 0.09 * hs, m, 8);
        b.position.set(Math.sin(a) * 0.36 * hs, 0.82 * hs + Math.sin(i * 1.7) * 0.06 * hs, Math.cos(a) * 0.4 * hs - 0.05 * hs);
        if (Math.cos(a) > 0.6) continue;
        add(b);
      }
      break;
    }
    case 'afro': {
      add(hairCap(hs, m, { front: 0.85, side: 1.55, back: 2.0, scale: 1.05 }));
      const a = ellipsoid(0.52 * hs, 0.46 * hs, 0.5 * hs, m, 20);
      a.position.set(0, 0.82 * hs, -0.12 * hs);
      add(a);
      break;
    }
    case 'mohawk': {
      add(hairCap(hs, m, { front: 0.9, back: 1.85, scale: 1.01 }));
      const strip = box(0.08 * hs, 0.22 * hs, 0.75 * hs, m);
      strip.position.set(0, 1.0 * hs, -0.05 * hs);
      add(strip);
      break;
    }
    case 'side-part': {
      add(hairCap(hs, m, { front: 0.92, side: 1.45, back: 1.95, scale: 1.07 }));
      const quiff = ellipsoid(0.2 * hs, 0.06 * hs, 0.14 * hs, m);
      quiff.position.set(0.06 * hs, 1.02 * hs, 0.18 * hs);
      quiff.rotation.z = -0.15;
      add(quiff);
      break;
    }
    default:
      add(hairCap(hs, m));
  }
}

function addHat(kind: string, head: THREE.Object3D, hs: number, m: THREE.Material): void {
  const g = new THREE.Group();
  g.position.set(0, 0.86 * hs, 0);
  if (kind === 'cap') {
    const dome = new THREE.Mesh(new THREE.SphereGeometry(0.42 * hs, 20, 10, 0, Math.PI * 2, 0, Math.PI / 2), m);
    const visor = box(0.36 * hs, 0.02 * hs, 0.3 * hs, m);
    visor.position.set(0, 0, 0.42 * hs);
    g.add(dome, visor);
  } else if (kind === 'beanie') {
    const dome = new THREE.Mesh(new THREE.SphereGeometry(0.42 * hs, 20, 12, 0, Math.PI * 2, 0, Math.PI * 0.55), m);
    dome.position.y = -0.05 * hs;
    g.add(dome);
  } else {
    const crown = new THREE.Mesh(new THREE.CylinderGeometry(0.3 * hs, 0.36 * hs, 0.34 * hs, 20), m);
    crown.position.y = 0.12 * hs;
    const brimR = kind === 'cowboy' ? 0.85 : 0.62;
    const brim = new THREE.Mesh(new THREE.CylinderGeometry(brimR * hs, brimR * hs, 0.02 * hs, 24), m);
    g.add(crown, brim);
  }
  head.add(g);
}

/** Poses a rig from an evaluated CharacterState. */
export function poseRig(rig: Rig, st: CharacterState): void {
  rig.root.position.set(st.position[0], st.position[1], st.position[2]);
  rig.root.rotation.set(0, (st.yaw * Math.PI) / 180, 0);
  const j = st.joints;
  for (let i = 0; i < rig.joints.length; i++) {
    rig.joints[i].quaternion.set(j[i * 4], j[i * 4 + 1], j[i * 4 + 2], j[i * 4 + 3]);
  }
  const pelvis = rig.joints[0];
  pelvis.position.set(rig.rest[0].x + st.pelvisOffset[0], rig.rest[0].y + st.pelvisOffset[1], rig.rest[0].z + st.pelvisOffset[2]);
  rig.mouth.scale.y = 0.018 * rig.dims.headSize * (0.35 + st.mouthOpen * 2.6);
  for (const lid of rig.lids) lid.scale.y = Math.max(0.0001, st.blink);
}
