// Procedural prop recipes: each kind in the plan's catalogue (src/plan/props.ts) built from a few
// solids inside its bounding size, front facing +Z, resting on y = 0. Simple on purpose — they
// must read at a glance in a wide and not embarrass in a close-up.

import * as THREE from 'three';
import type { PropPlan } from '../../plan/schema';

type Recipe = (w: number, h: number, d: number, m: THREE.MeshStandardMaterial, accent: THREE.MeshStandardMaterial) => THREE.Object3D[];

const box = (w: number, h: number, d: number, m: THREE.Material, x = 0, y = 0, z = 0): THREE.Mesh => {
  const mesh = new THREE.Mesh(new THREE.BoxGeometry(w, h, d), m);
  mesh.position.set(x, y + h / 2, z);
  return mesh;
};
const cyl = (r0: number, r1: number, h: number, m: THREE.Material, x = 0, y = 0, z = 0, seg = 20): THREE.Mesh => {
  const mesh = new THREE.Mesh(new THREE.CylinderGeometry(r1, r0, h, seg), m);
  mesh.position.set(x, y + h / 2, z);
  return mesh;
};
const ball = (r: number, m: THREE.Material, x = 0, y = 0, z = 0, sy = 1): THREE.Mesh => {
  const mesh = new THREE.Mesh(new THREE.SphereGeometry(r, 18, 12), m);
  mesh.position.set(x, y, z);
  mesh.scale.y = sy;
  return mesh;
};

function legs(w: number, d: number, h: number, t: number, m: THREE.Material): THREE.Mesh[] {
  const out: THREE.Mesh[] = [];
  for (const sx of [-1, 1]) for (const sz of [-1, 1]) out.push(box(t, h, t, m, sx * (w / 2 - t), 0, sz * (d / 2 - t)));
  return out;
}

const table: Recipe = (w, h, d, m) => [box(w, 0.04, d, m, 0, h - 0.04, 0), ...legs(w, d, h - 0.04, 0.05, m)];
const chair: Recipe = (w, h, d, m) => {
  const seat = 0.46 * (h / 0.92);
  return [box(w, 0.04, d, m, 0, seat - 0.04, 0), ...legs(w, d, seat - 0.04, 0.035, m), box(w, h - seat, 0.035, m, 0, seat, -d / 2 + 0.02)];
};
const stool: Recipe = (w, h, _d, m, a) => [cyl(w / 2, w / 2, 0.05, a, 0, h - 0.05), cyl(0.03, 0.03, h - 0.05, m), cyl(w / 2.2, w / 2.2, 0.03, m)];
const sofa: Recipe = (w, h, d, m) => {
  const seat = 0.44 * (h / 0.85);
  return [
    box(w, seat - 0.08, d, m, 0, 0.08, 0),
    box(w, h - 0.08, d * 0.22, m, 0, 0.08, -d / 2 + d * 0.11),
    box(0.18, 0.62 * h, d, m, -w / 2 + 0.09, 0.08, 0),
    box(0.18, 0.62 * h, d, m, w / 2 - 0.09, 0.08, 0),
    ...[-w / 4, w / 4].map((x) => box(w / 2 - 0.2, 0.1, d * 0.7, m, x, seat - 0.02, d * 0.08)),
  ];
};
// h is the headboard's height; the mattress top sits at 0.45 h (0.5 m for the catalogue bed).
const bed: Recipe = (w, h, d, m, a) => [box(w, h * 0.33, d, a, 0, 0, 0), box(w * 0.98, h * 0.12, d * 0.98, m, 0, h * 0.33, 0), box(w, h, 0.08, a, 0, 0, -d / 2 + 0.04), box(w * 0.35, h * 0.09, 0.4, m, -w * 0.22, h * 0.45, -d / 2 + 0.3), box(w * 0.35, h * 0.09, 0.4, m, w * 0.22, h * 0.45, -d / 2 + 0.3)];
const shelf: Recipe = (w, h, d, m, a) => {
  const out = [box(0.03, h, d, m, -w / 2 + 0.015, 0, 0), box(0.03, h, d, m, w / 2 - 0.015, 0, 0), box(w, h, 0.02, m, 0, 0, -d / 2 + 0.01)];
  // Five spine colours shared by all the books, so the shelf merges into a handful of meshes.
  const spines = [0, 0.13, 0.31, 0.55, 0.78].map((hue, k) => {
    const mm = a.clone();
    mm.color.offsetHSL(hue, 0, k % 2 ? -0.08 : 0.04);
    return mm;
  });
  const rows = 5;
  for (let i = 0; i <= rows; i++) {
    out.push(box(w, 0.025, d, m, 0, (i * (h - 0.03)) / rows, 0));
    if (i < rows) {
      // Books: a deterministic mix of widths and heights.
      let x = -w / 2 + 0.04;
      for (let k = 0; x < w / 2 - 0.06; k++) {
        const bw = 0.025 + ((k * 7 + i * 3) % 5) * 0.008;
        const bh = ((h - 0.03) / rows) * (0.6 + ((k * 5 + i) % 4) * 0.08);
        out.push(box(bw, bh, d * 0.75, spines[(k * 3 + i * 2) % spines.length], x + bw / 2, (i * (h - 0.03)) / rows + 0.025, 0.02));
        x += bw + 0.004;
      }
    }
  }
  return out;
};
const cabinet: Recipe = (w, h, d, m, a) => [box(w, h, d - 0.02, m, 0, 0, -0.01), box(0.012, 0.12, 0.02, a, w * 0.2, h * 0.55, d / 2 - 0.01)];
const counter: Recipe = (w, h, d, m, a) => [box(w, h - 0.04, d * 0.95, m, 0, 0, -d * 0.025), box(w, 0.04, d, a, 0, h - 0.04, 0)];
const booth: Recipe = (w, h, d, m) => [box(w, 0.42, d, m), box(w, h, 0.15, m, 0, 0, -d / 2 + 0.075)];
const lamp: Recipe = (w, h, _d, m, a) => [cyl(w * 0.4, w * 0.4, 0.03, m), cyl(0.012, 0.012, h * 0.78, m), cyl(w * 0.5, w * 0.32, h * 0.22, a, 0, h * 0.78)];
const tableLamp: Recipe = (w, h, _d, m, a) => [cyl(w * 0.3, w * 0.35, h * 0.45, m), cyl(w * 0.5, w * 0.3, h * 0.5, a, 0, h * 0.45)];
const pendant: Recipe = (w, h, _d, m, a) => [cyl(0.005, 0.005, 1.2, m, 0, h), cyl(w / 2, w * 0.1, h, a)];
const crate: Recipe = (w, h, d, m, a) => [box(w, h, d, m), ...[-1, 1].map((s) => box(w * 1.01, 0.06, d * 1.01, a, 0, s > 0 ? h - 0.1 : 0.04, 0))];
const barrel: Recipe = (w, h, _d, m, a) => [cyl(w * 0.45, w * 0.45, h, m, 0, 0, 0, 24), cyl(w * 0.47, w * 0.47, 0.04, a, 0, h * 0.15), cyl(w * 0.47, w * 0.47, 0.04, a, 0, h * 0.8)];
const tv: Recipe = (w, h, d, m, a) => [box(w, h - 0.05, d * 0.4, m, 0, 0.05, 0), box(w * 0.94, (h - 0.05) * 0.9, 0.005, a, 0, 0.05 + (h - 0.05) * 0.05, d * 0.2 + 0.0025), box(0.25, 0.05, d, m)];
const plant: Recipe = (w, h, _d, m, a) => [cyl(w * 0.3, w * 0.36, h * 0.3, a), ball(w * 0.42, m, 0, h * 0.55, 0, 1.1), ball(w * 0.32, m, w * 0.18, h * 0.75, 0.05), ball(w * 0.28, m, -w * 0.16, h * 0.8, -0.06)];
const rug: Recipe = (w, _h, d, m) => [box(w, 0.01, d, m)];
const painting: Recipe = (w, h, d, m, a) => [box(w, h, d, a), box(w * 0.88, h * 0.85, d, m, 0, h * 0.075, 0.002)];
// w includes the handle: the cup is d across, the handle fills the rest.
const mug: Recipe = (w, h, d, m) => [cyl(d / 2, d / 2, h, m, -w / 2 + d / 2), new THREE.Mesh(new THREE.TorusGeometry(h * 0.24, 0.006, 8, 14), m)].map((o, i) => {
  if (i === 1) o.position.set(w / 2 - h * 0.24 - 0.006, h / 2, 0);
  return o;
});
const bottle: Recipe = (w, h, _d, m) => [cyl(w / 2, w / 2, h * 0.65, m), cyl(w / 2, w * 0.18, h * 0.15, m, 0, h * 0.65), cyl(w * 0.18, w * 0.18, h * 0.2, m, 0, h * 0.8)];
const flat: Recipe = (w, h, d, m) => [box(w, h, d, m)];
const car: Recipe = (w, h, d, m, a) => {
  const glass = new THREE.MeshStandardMaterial({ color: 0x1a2430, roughness: 0.1, metalness: 0.2 });
  const tyre = new THREE.MeshStandardMaterial({ color: 0x111111, roughness: 0.9 });
  const out: THREE.Object3D[] = [box(w, h * 0.42, d, m, 0, h * 0.2, 0), box(w * 0.9, h * 0.36, d * 0.5, glass, 0, h * 0.6, -d * 0.05), box(w * 0.92, 0.03, d * 0.5, m, 0, h * 0.96, -d * 0.05)];
  for (const sx of [-1, 1]) for (const sz of [-1, 1]) {
    const wheel = new THREE.Mesh(new THREE.CylinderGeometry(h * 0.22, h * 0.22, 0.2, 18), tyre);
    wheel.rotation.z = Math.PI / 2;
    wheel.position.set(sx * (w / 2 - 0.1), h * 0.22, sz * d * 0.32);
    out.push(wheel);
  }
  out.push(box(0.3, 0.08, 0.02, a, -w * 0.3, h * 0.35, d / 2 - 0.01), box(0.3, 0.08, 0.02, a, w * 0.3, h * 0.35, d / 2 - 0.01));
  return out;
};
const tree: Recipe = (w, h, _d, m, a) => [cyl(0.16, 0.11, h * 0.45, a), ball(w * 0.45, m, 0, h * 0.6, 0, 1.2), ball(w * 0.33, m, w * 0.15, h * 0.75, 0.1), ball(w * 0.3, m, -w * 0.18, h * 0.82, -0.1)];
const bush: Recipe = (w, h, _d, m) => [ball(w * 0.5, m, 0, h * 0.5, 0, h / w)];
const rock: Recipe = (w, h, d, m) => {
  const r = new THREE.Mesh(new THREE.DodecahedronGeometry(0.5, 0), m);
  r.scale.set(w, h * 1.4, d);
  r.position.y = h * 0.35;
  return [r];
};
// The pole stands at the box's −X end; the arm reaches across it to the lamp head.
const streetlight: Recipe = (w, h, _d, m, a) => [cyl(0.08, 0.06, h, m, -w / 2 + 0.08), box(w - 0.1, 0.06, 0.08, m, 0.02, h - 0.06, 0), cyl(0.16, 0.2, 0.12, a, w / 2 - 0.2, h - 0.2)];
const hydrant: Recipe = (w, h, _d, m) => [cyl(w * 0.35, w * 0.35, h - w * 0.36, m), ball(w * 0.36, m, 0, h - w * 0.36, 0), cyl(0.05, 0.05, w, m, 0, h * 0.5).rotateZ(Math.PI / 2)];
const trashcan: Recipe = (w, h, _d, m) => [cyl(w * 0.45, w * 0.48, h - 0.05, m), cyl(w * 0.5, w * 0.5, 0.05, m, 0, h - 0.05)];
const mailbox: Recipe = (w, h, d, m) => [box(w, h * 0.55, d, m, 0, h * 0.45, 0), box(0.1, h * 0.45, 0.1, m)];
const sign: Recipe = (w, h, _d, m, a) => [cyl(0.04, 0.04, h, a), box(w, 0.3, 0.03, m, 0, h - 0.3, 0.03)];
const pillar: Recipe = (w, h, _d, m) => [cyl(w / 2, w / 2, h, m)];
const stairs: Recipe = (w, h, d, m) => {
  const n = 6;
  return Array.from({ length: n }, (_, i) => box(w, (h * (i + 1)) / n, d / n, m, 0, 0, -d / 2 + (d / n) * (i + 0.5)));
};

// The set builder's kinds (src/art dresses rooms with them): kitchen, bedroom, office, warehouse,
// diner, forest and street pieces. Same rule: inside the catalogue box, front facing +Z.
const door: Recipe = (w, h, d, m, a) => {
  const t = 0.07;
  const frame = [box(t, h, d, a, -w / 2 + t / 2), box(t, h, d, a, w / 2 - t / 2), box(w, t, d, a, 0, h - t)];
  const knob = ball(0.03, new THREE.MeshStandardMaterial({ color: 0xb8a070, metalness: 0.8, roughness: 0.3 }), w / 2 - t - 0.08, 1.0, d / 2 - 0.03);
  const panel = box(w - 2 * t, h - t, d * 0.5, m);
  const insets = [0.3, 0.72].map((y) => box(w - 2 * t - 0.2, (h - t) * 0.22, 0.01, a, 0, (h - t) * y - 0.1, d * 0.25 + 0.005));
  return [...frame, panel, knob, ...insets];
};
const fridge: Recipe = (w, h, d, m, a) => [box(w, h, d - 0.02, m, 0, 0, -0.01), box(w * 0.96, h * 0.34, 0.02, m, 0, h * 0.64, d / 2 - 0.01), box(w * 0.96, h * 0.6, 0.02, m, 0, 0.02, d / 2 - 0.01), box(0.03, 0.3, 0.02, a, w * 0.38, h * 0.7, d / 2 - 0.01), box(0.03, 0.4, 0.02, a, w * 0.38, h * 0.4, d / 2 - 0.01)];
const stove: Recipe = (w, h, d, m, a) => {
  const out = [box(w, h - 0.02, d, m), box(w, 0.02, d, a, 0, h - 0.02), box(w * 0.8, h * 0.4, 0.01, a, 0, h * 0.15, d / 2 - 0.005)];
  for (const sx of [-1, 1]) for (const sz of [-1, 1]) out.push(cyl(0.09, 0.09, 0.005, a, sx * w * 0.24, h - 0.005, sz * d * 0.22));
  return out;
};
const sink: Recipe = (w, h, d, m, a) => {
  const steel = new THREE.MeshStandardMaterial({ color: 0xc8ccd0, metalness: 0.7, roughness: 0.3 });
  const c = h - 0.25; // counter height; the tap rises above it
  return [box(w, c - 0.04, d * 0.95, m, 0, 0, -d * 0.025), box(w, 0.04, d, a, 0, c - 0.04), box(w * 0.45, 0.012, d * 0.6, steel, 0, c - 0.005, 0.02), cyl(0.015, 0.015, 0.25, steel, 0, c, -d / 2 + 0.08), box(0.03, 0.03, 0.16, steel, 0, c + 0.22, -d / 2 + 0.16)];
};
const drawers = (n: number): Recipe => (w, h, d, m, a) => {
  const out = [box(w, h, d - 0.02, m, 0, 0, -0.01)];
  for (let i = 0; i < n; i++) {
    const y = 0.05 + ((h - 0.08) * i) / n;
    out.push(box(w * 0.92, (h - 0.08) / n - 0.03, 0.02, m, 0, y, d / 2 - 0.01), box(w * 0.2, 0.02, 0.015, a, 0, y + (h - 0.08) / n / 2 - 0.02, d / 2 - 0.0075));
  }
  return out;
};
const closet: Recipe = (w, h, d, m, a) => [box(w, h, d - 0.02, m, 0, 0, -0.01), box(w / 2 - 0.015, h - 0.1, 0.02, m, -w / 4, 0.05, d / 2 - 0.01), box(w / 2 - 0.015, h - 0.1, 0.02, m, w / 4, 0.05, d / 2 - 0.01), box(0.02, 0.2, 0.015, a, -0.04, h * 0.5, d / 2 - 0.0075), box(0.02, 0.2, 0.015, a, 0.04, h * 0.5, d / 2 - 0.0075)];
const computer: Recipe = (w, h, d, m, a) => [box(w, h * 0.72, 0.04, m, 0, h * 0.28, -d / 2 + 0.06), box(w * 0.92, h * 0.62, 0.005, a, 0, h * 0.33, -d / 2 + 0.0825), box(0.05, h * 0.28, 0.04, m, 0, 0, -d / 2 + 0.06), box(0.25, 0.015, 0.18, m, 0, 0, -d / 2 + 0.09), box(w * 0.8, 0.02, 0.12, m, 0, 0, d / 2 - 0.06)];
const workbench: Recipe = (w, h, d, m, a) => [box(w, 0.06, d, m, 0, h - 0.06), ...legs(w, d, h - 0.06, 0.07, a), box(w - 0.1, 0.03, d - 0.1, m, 0, 0.15)];
const pallet: Recipe = (w, h, d, m) => [...[-1, 0, 1].map((k) => box(0.1, h - 0.02, d, m, k * (w / 2 - 0.05))), ...[0, 1, 2, 3, 4, 5].map((k) => box(w, 0.02, 0.12, m, 0, h - 0.02, -d / 2 + 0.06 + (k * (d - 0.12)) / 5))];
const palletRack: Recipe = (w, h, d, m, a) => {
  const out: THREE.Object3D[] = [];
  for (const sx of [-1, 1]) for (const sz of [-1, 1]) out.push(box(0.08, h, 0.08, m, sx * (w / 2 - 0.04), 0, sz * (d / 2 - 0.04)));
  const crateM = new THREE.MeshStandardMaterial({ color: 0xa07a4a, roughness: 0.85 });
  for (const y of [0.15, h * 0.38, h * 0.72]) {
    for (const sz of [-1, 1]) out.push(box(w, 0.1, 0.06, a, 0, y, sz * (d / 2 - 0.03)));
    const load = Math.min(0.75, h * 0.3);
    for (const x of [-w / 4, w / 4]) if (y + 0.1 + load < h) out.push(box(w / 2 - 0.2, load * 0.8, d - 0.2, crateM, x, y + 0.1));
  }
  return out;
};
const jukebox: Recipe = (w, h, d, m, a) => {
  // A cabinet under a rounded top (a half-ellipsoid), with a glowing panel.
  const top = new THREE.Mesh(new THREE.SphereGeometry(w / 2, 20, 10, 0, Math.PI * 2, 0, Math.PI / 2), m);
  top.scale.set(1, (h * 0.38) / (w / 2), d / w);
  top.position.y = h * 0.62;
  return [box(w, h * 0.62, d, m), top, box(w * 0.7, h * 0.25, 0.01, a, 0, h * 0.32, d / 2 - 0.005)];
};
const coatRack: Recipe = (w, h, _d, m) => [cyl(w * 0.4, w * 0.4, 0.03, m), cyl(0.02, 0.02, h - 0.05, m), ball(0.025, m, 0, h - 0.025), ...[0, 1, 2, 3].map((k) => {
  const peg = box(0.02, 0.02, w * 0.3, m, 0, h - 0.2, 0);
  peg.rotation.y = (k * Math.PI) / 2;
  peg.position.x = Math.sin((k * Math.PI) / 2) * w * 0.15;
  peg.position.z = Math.cos((k * Math.PI) / 2) * w * 0.15;
  return peg;
})];
const radiator: Recipe = (w, h, d, m) => {
  const n = Math.max(3, Math.round(w / 0.08));
  const fins = Array.from({ length: n }, (_, k) => box(0.05, h - 0.1, d, m, -w / 2 + 0.025 + (k * (w - 0.05)) / (n - 1), 0.1));
  return [...fins, box(0.04, 0.1, 0.04, m, -w / 2 + 0.1), box(0.04, 0.1, 0.04, m, w / 2 - 0.1)];
};
const log: Recipe = (w, h, _d, m, a) => {
  const trunk = new THREE.Mesh(new THREE.CylinderGeometry(h / 2, h / 2, w, 16), m);
  trunk.rotation.z = Math.PI / 2;
  trunk.position.y = h / 2;
  const ends = [-1, 1].map((s) => {
    const e = new THREE.Mesh(new THREE.CircleGeometry(h / 2 - 0.005, 16), a);
    e.rotation.y = (s * Math.PI) / 2;
    e.position.set(s * (w / 2 - 0.001), h / 2, 0);
    return e;
  });
  return [trunk, ...ends];
};
const stump: Recipe = (w, h, _d, m, a) => [cyl(w * 0.42, w * 0.36, h - 0.01, m), cyl(w * 0.35, w * 0.35, 0.01, a, 0, h - 0.01), ...[0, 1, 2].map((k) => {
  const root = box(w * 0.5, h * 0.25, 0.1, m, 0, 0, 0);
  root.rotation.y = (k * Math.PI * 2) / 3;
  root.position.set(Math.cos((k * Math.PI * 2) / 3) * w * 0.24, h * 0.125, -Math.sin((k * Math.PI * 2) / 3) * w * 0.24);
  return root;
})];
const campfire: Recipe = (w, h, _d, m, a) => {
  const stone = new THREE.MeshStandardMaterial({ color: 0x77736b, roughness: 0.95 });
  const out: THREE.Object3D[] = [];
  for (let k = 0; k < 10; k++) out.push(ball(w * 0.07, stone, Math.cos((k / 10) * Math.PI * 2) * w * 0.42, w * 0.05, Math.sin((k / 10) * Math.PI * 2) * w * 0.42, 0.7));
  for (let k = 0; k < 4; k++) {
    const stick = new THREE.Mesh(new THREE.CylinderGeometry(0.03, 0.03, w * 0.6, 8), m);
    stick.rotation.z = Math.PI / 2 - 0.35;
    stick.rotation.y = (k * Math.PI) / 4;
    stick.position.y = 0.13;
    out.push(stick);
  }
  out.push(cyl(w * 0.18, 0.001, h * 0.8, a, 0, h * 0.2));
  return out;
};
const fence: Recipe = (w, h, d, m) => {
  const n = Math.max(2, Math.round(w / 0.15));
  const out = Array.from({ length: n }, (_, k) => box(0.08, h, d * 0.5, m, -w / 2 + 0.04 + (k * (w - 0.08)) / (n - 1), 0, 0));
  for (const y of [h * 0.25, h * 0.75]) out.push(box(w, 0.08, d * 0.5, m, 0, y, -d / 4));
  return out;
};
const bollard: Recipe = (w, h, _d, m, a) => [cyl(w / 2, w / 2, h - w / 2, m), ball(w / 2, m, 0, h - w / 2, 0), cyl(w / 2 + 0.001, w / 2 + 0.001, 0.05, a, 0, h * 0.7)];
const parkingMeter: Recipe = (w, h, d, m, a) => [cyl(0.04, 0.04, h * 0.7, m), box(w * 0.8, h * 0.28, d * 0.8, m, 0, h * 0.7), box(w * 0.6, h * 0.1, 0.01, a, 0, h * 0.82, d * 0.4 + 0.005)];
const busStop: Recipe = (w, h, d, m, a) => {
  const glass = new THREE.MeshStandardMaterial({ color: 0x9fb8c8, transparent: true, opacity: 0.3, roughness: 0.05 });
  const out = [box(w, 0.08, d, m, 0, h - 0.08), box(w - 0.1, h - 0.1, 0.02, glass, 0, 0.02, -d / 2 + 0.05), box(0.02, h - 0.1, d - 0.1, glass, -w / 2 + 0.05, 0.02, 0)];
  for (const sx of [-1, 1]) out.push(box(0.06, h - 0.08, 0.06, m, sx * (w / 2 - 0.03), 0, -d / 2 + 0.03), box(0.06, h - 0.08, 0.06, m, sx * (w / 2 - 0.03), 0, d / 2 - 0.03));
  out.push(box(w * 0.6, 0.05, 0.4, a, 0.1, 0.4, -d / 2 + 0.3), ...[-1, 1].map((s) => box(0.05, 0.4, 0.35, a, 0.1 + s * w * 0.25, 0, -d / 2 + 0.3)));
  return out;
};
const planter: Recipe = (w, h, d, m, a) => [box(w, h * 0.55, d, m), ball(Math.min(w, d) * 0.45, a, 0, h * 0.55 + 0.001, 0, (h * 0.45) / (Math.min(w, d) * 0.45))];
const board: Recipe = (w, h, d, m, a) => [box(w, h, d * 0.6, a, 0, 0, -d * 0.2), box(w - 0.06, h - 0.06, d * 0.4, m, 0, 0.03, d * 0.3), box(w * 0.5, 0.03, d * 0.4, a, 0, 0.03, d * 0.3)];

export const RECIPES: Record<string, Recipe> = {
  table, 'dining-table': table, 'coffee-table': table, desk: table, chair, 'office-chair': chair, stool, armchair: sofa, sofa, bench: (w, h, d, m) => [box(w, 0.05, d, m, 0, h - 0.05, 0), ...legs(w, d, h - 0.05, 0.05, m)],
  bed, shelf, bookshelf: shelf, cabinet, counter, booth, lamp, 'floor-lamp': lamp, 'table-lamp': tableLamp, 'pendant-lamp': pendant, crate, barrel, box: flat, tv, plant, rug, painting,
  mug, bottle, book: flat, phone: flat, letter: flat, gun: flat, car, tree, bush, rock, streetlight, hydrant, trashcan, mailbox, 'street-sign': sign, pillar, stairs,
  door, fridge, stove, sink, nightstand: drawers(2), dresser: drawers(3), closet, 'filing-cabinet': drawers(4), computer, workbench, pallet, 'pallet-rack': palletRack, jukebox,
  'coat-rack': coatRack, radiator, log, stump, campfire, fence, bollard, 'parking-meter': parkingMeter, 'bus-stop': busStop, planter, whiteboard: board,
};

/** Builds a prop: a library recipe, a primitive, or a placeholder for a model (filled by the loader). */
export function buildProp(p: PropPlan): THREE.Group {
  const g = new THREE.Group();
  g.name = `prop:${p.id}`;
  const color = new THREE.Color().setRGB(p.color[0], p.color[1], p.color[2], THREE.LinearSRGBColorSpace);
  const emissive = new THREE.Color().setRGB(p.material.emissive[0], p.material.emissive[1], p.material.emissive[2], THREE.LinearSRGBColorSpace);
  const m = new THREE.MeshStandardMaterial({
    color,
    roughness: p.material.roughness,
    metalness: p.material.metalness,
    transparent: p.material.opacity < 1,
    opacity: p.material.opacity,
  });
  // Lamps glow in their shades; other emissive props glow all over.
  const accent = new THREE.MeshStandardMaterial({ color: color.clone().multiplyScalar(0.55), roughness: 0.5, metalness: 0.1 });
  if (p.material.emissiveIntensity > 0) {
    const target = p.kind && /lamp|streetlight|tv/.test(p.kind) ? accent : m;
    target.emissive = emissive;
    target.emissiveIntensity = p.material.emissiveIntensity * 2;
    if (target === accent) accent.color.copy(emissive).multiplyScalar(0.6);
  }
  const [w, h, d] = p.size;
  let parts: THREE.Object3D[];
  if (p.kind && RECIPES[p.kind]) parts = RECIPES[p.kind](w, h, d, m, accent);
  else if (p.model) parts = [];
  else {
    switch (p.shape) {
      case 'sphere':
        parts = [ball(w / 2, m, 0, h / 2, 0, h / w)];
        break;
      case 'cylinder':
        parts = [cyl(w / 2, w / 2, h, m, 0, 0, 0, 28)];
        break;
      case 'cone':
        parts = [cyl(w / 2, 0.0001, h, m, 0, 0, 0, 28)];
        break;
      case 'plane': {
        const pl = new THREE.Mesh(new THREE.PlaneGeometry(w, d), m);
        pl.rotation.x = -Math.PI / 2;
        pl.position.y = 0.001;
        parts = [pl];
        break;
      }
      case 'torus': {
        const t = new THREE.Mesh(new THREE.TorusGeometry(w / 2 - h / 2, h / 2, 12, 32), m);
        t.rotation.x = Math.PI / 2;
        t.position.y = h / 2;
        parts = [t];
        break;
      }
      case 'capsule': {
        const c = new THREE.Mesh(new THREE.CapsuleGeometry(w / 2, Math.max(0.001, h - w), 8, 16), m);
        c.position.y = h / 2;
        parts = [c];
        break;
      }
      default:
        parts = [box(w, h, d, m)];
    }
  }
  if (parts.length) g.add(...parts);
  g.position.set(p.position[0], p.position[1], p.position[2]);
  g.rotation.set((p.rotation[0] * Math.PI) / 180, (p.rotation[1] * Math.PI) / 180, (p.rotation[2] * Math.PI) / 180);
  g.scale.set(p.scale[0], p.scale[1], p.scale[2]);
  g.traverse((o) => {
    if ((o as THREE.Mesh).isMesh) {
      o.castShadow = p.castShadow;
      o.receiveShadow = true;
      o.userData.kinoId = p.id;
    }
  });
  return g;
}
