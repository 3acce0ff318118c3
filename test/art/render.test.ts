// The art department in pictures (real Chromium, three.js, FFmpeg; 160×90 draft frames):
// - a dawn and a noon exterior of the same location light a grey block from different sides and
//   in different colours;
// - a set built from a <Room> spec shows its doors and windows where the spec puts them (checked
//   in the object-id pass against the openings' corners projected through the shot's camera).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import * as THREE from 'three';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateView } from '../../src/plan/evaluate';
import type { FilmPlan, WallPlan } from '../../src/plan/schema';
import { loadFilm } from '../../src/pipeline/load';
import { renderFilm } from '../../src/render/film';
import { repoRoot } from '../core/helpers';

interface Img {
  data: Buffer;
  width: number;
  height: number;
  channels: number;
}

let plan: FilmPlan;
let out: string;

async function image(file: string): Promise<Img> {
  const { data, info } = await sharp(file).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}
const still = (scene: string) => image(path.join(out, 'shots', scene, 'wide', 'still.png'));
const idPass = (scene: string) => image(path.join(out, 'shots', scene, 'wide', 'passes/id/000001.png'));

/** The id pass's colour for an object: golden-ratio hues by its index in the world's id list (page/index.ts idColor). */
function idColorOf(sceneIndex: number, id: string): [number, number, number] {
  const s = plan.scenes[sceneIndex];
  const ids = ['', ...s.characters, ...s.props.map((p) => p.id), ...s.sets.flatMap((st) => [`${st.id}.floor`, `${st.id}.ceiling`, ...st.walls.flatMap((w) => [w.id, ...w.openings.map((o) => o.id)])]), 'backdrop'];
  const i = ids.indexOf(id);
  expect(i, id).toBeGreaterThan(0);
  const c = new THREE.Color().setHSL((i * 0.618033988749895) % 1, 0.85, 0.5);
  return [Math.round(c.r * 255), Math.round(c.g * 255), Math.round(c.b * 255)];
}
const same = (img: Img, k: number, c: [number, number, number]) => Math.abs(img.data[k] - c[0]) <= 2 && Math.abs(img.data[k + 1] - c[1]) <= 2 && Math.abs(img.data[k + 2] - c[2]) <= 2;

/** World point → pixel, through the shot's camera as the renderer sets it up. */
function projector(sceneIndex: number, img: Img): (p: [number, number, number]) => [number, number] {
  const view = evaluateView(plan, sceneIndex, 0, 0);
  const c = view.camera;
  const cam = new THREE.PerspectiveCamera(c.fovDeg, img.width / img.height, c.near, c.far);
  cam.position.set(...c.position);
  cam.up.set(...c.up);
  cam.lookAt(...c.target);
  cam.updateMatrixWorld();
  cam.updateProjectionMatrix();
  return (p) => {
    const v = new THREE.Vector3(...p).project(cam);
    return [((v.x + 1) / 2) * img.width, ((1 - v.y) / 2) * img.height];
  };
}

/** Mean of a channel function over a small window around a pixel, only where the id pass shows `id`. */
function sample(img: Img, ids: Img, at: [number, number], idColor: [number, number, number], f: (r: number, g: number, b: number) => number, r = 2): number {
  let s = 0;
  let n = 0;
  for (let y = Math.round(at[1]) - r; y <= Math.round(at[1]) + r; y++)
    for (let x = Math.round(at[0]) - r; x <= Math.round(at[0]) + r; x++) {
      if (x < 0 || y < 0 || x >= img.width || y >= img.height) continue;
      const k = (y * img.width + x) * img.channels;
      if (!same(ids, k, idColor)) continue;
      s += f(img.data[k], img.data[k + 1], img.data[k + 2]);
      n++;
    }
  expect(n, `pixels of the object around ${at.map((v) => v.toFixed(0))}`).toBeGreaterThan(4);
  return s / n;
}
const luma = (r: number, g: number, b: number) => 0.2126 * r + 0.7152 * g + 0.0722 * b;

beforeAll(async () => {
  const loaded = await loadFilm(path.join(repoRoot, 'test/art/fixtures/daylight.tsx'));
  expect(loaded.errors).toEqual([]);
  plan = loaded.plan!;
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'kino-art-'));
  // PNG capture (lossless) so colours measure exactly; draft size and shading otherwise.
  await renderFilm(plan, { out, profile: 'draft', passes: ['id'] });
  // Draft stills are JPEG; decode them once to PNG-equivalent buffers through sharp.
  for (const s of ['dawn', 'noon', 'office']) {
    const jpg = path.join(out, 'shots', s, 'wide', 'still.jpg');
    await sharp(jpg).png().toFile(path.join(out, 'shots', s, 'wide', 'still.png'));
  }
}, 240_000);

describe('sun by location and time of day', () => {
  const faces = { south: [0, 0.6, 0.61], east: [0.61, 0.6, 0], top: [0, 1.21, 0] } as const;

  async function measure(scene: string) {
    const si = plan.scenes.findIndex((s) => s.id === scene);
    const [img, ids] = await Promise.all([still(scene), idPass(scene)]);
    const px = projector(si, img);
    const block = idColorOf(si, 'block');
    const m = (face: keyof typeof faces, f: (r: number, g: number, b: number) => number) => sample(img, ids, px(faces[face] as unknown as [number, number, number]), block, f);
    return {
      south: m('south', luma),
      east: m('east', luma),
      top: m('top', luma),
      warmEast: m('east', (r, _g, b) => r / Math.max(1, b)),
      warmTop: m('top', (r, _g, b) => r / Math.max(1, b)),
    };
  }

  it('lights the block from the north-east at dawn and from high in the south at noon', async () => {
    const dawn = await measure('dawn');
    const noon = await measure('noon');
    // Dawn: the glow before sunrise is in the north-east (azimuth ≈ 46°): the east face is the lit side.
    expect(dawn.east).toBeGreaterThan(dawn.south * 1.4);
    // Noon: the sun is 62° up in the south: top and south face lit, the east face in shade.
    expect(noon.south).toBeGreaterThan(noon.east * 1.3);
    expect(noon.top).toBeGreaterThan(noon.east * 1.3);
    // So the lit side flips between the two.
    expect(dawn.east / dawn.south).toBeGreaterThan((noon.east / noon.south) * 2);
    // And noon is brighter.
    expect(noon.top).toBeGreaterThan(dawn.top);
  });

  it('colours dawn warm and noon neutral', async () => {
    const dawn = await measure('dawn');
    const noon = await measure('noon');
    // The lit face: warm (red over blue) at dawn, close to neutral at noon.
    expect(dawn.warmEast).toBeGreaterThan(1.3);
    expect(noon.warmTop).toBeLessThan(1.15);
    expect(dawn.warmEast).toBeGreaterThan(noon.warmTop * 1.25);
    // The whole frame too.
    const st = async (s: string) => (await sharp(path.join(out, 'shots', s, 'wide', 'still.png')).stats()).channels;
    const [d, n] = await Promise.all([st('dawn'), st('noon')]);
    expect(d[0].mean / d[2].mean).toBeGreaterThan((n[0].mean / n[2].mean) * 1.2);
  });
});

describe('a set built from a spec', () => {
  it('renders its doors and windows where the spec puts them', async () => {
    const si = plan.scenes.findIndex((s) => s.id === 'office');
    const scene = plan.scenes[si];
    const ids = await idPass('office');
    const px = projector(si, ids);
    const set = scene.sets.find((s) => s.id === 'office')!;
    const centre: [number, number] = [(set.floor!.min[0] + set.floor!.max[0]) / 2, (set.floor!.min[1] + set.floor!.max[1]) / 2];

    /** Pixel box of a rectangle on a wall's inner face: [a, b] along the wall, [y0, y1] up. */
    const box = (w: WallPlan, a: number, b: number, y0: number, y1: number) => {
      const L = Math.hypot(w.to[0] - w.from[0], w.to[1] - w.from[1]);
      const u = [(w.to[0] - w.from[0]) / L, (w.to[1] - w.from[1]) / L];
      let n = [-u[1], u[0]];
      const mid = [(w.from[0] + w.to[0]) / 2, (w.from[1] + w.to[1]) / 2];
      if ((centre[0] - mid[0]) * n[0] + (centre[1] - mid[1]) * n[1] < 0) n = [-n[0], -n[1]];
      const at = (s: number, y: number): [number, number, number] => [w.from[0] + u[0] * s + (n[0] * w.thickness) / 2, y, w.from[1] + u[1] * s + (n[1] * w.thickness) / 2];
      const pts = [at(a, y0), at(b, y0), at(a, y1), at(b, y1)].map(px);
      return { x0: Math.min(...pts.map((p) => p[0])), x1: Math.max(...pts.map((p) => p[0])), y0: Math.min(...pts.map((p) => p[1])), y1: Math.max(...pts.map((p) => p[1])) };
    };
    /** Share of each id's colour inside a pixel box shrunk by `inset` on each side. */
    const census = (b: ReturnType<typeof box>, colours: Record<string, [number, number, number]>, inset = 0.2) => {
      const dx = (b.x1 - b.x0) * inset;
      const dy = (b.y1 - b.y0) * inset;
      const counts: Record<string, number> = Object.fromEntries(Object.keys(colours).map((k) => [k, 0]));
      let total = 0;
      for (let y = Math.ceil(b.y0 + dy); y <= Math.floor(b.y1 - dy); y++)
        for (let x = Math.ceil(b.x0 + dx); x <= Math.floor(b.x1 - dx); x++) {
          if (x < 0 || y < 0 || x >= ids.width || y >= ids.height) continue;
          total++;
          const k = (y * ids.width + x) * ids.channels;
          for (const [name, c] of Object.entries(colours)) if (same(ids, k, c)) counts[name]++;
        }
      return { total, counts };
    };

    const north = set.walls.find((w) => w.id === 'office.north')!;
    const wallC = idColorOf(si, 'office.north');
    const checked: string[] = [];
    for (const o of north.openings) {
      const b = box(north, o.at - o.width / 2, o.at + o.width / 2, o.sill, o.sill + o.height);
      const c = census(b, { wall: wallC, opening: idColorOf(si, o.id) });
      expect(c.total, o.id).toBeGreaterThan(20);
      // No wall where the spec puts an opening; the opening itself fills it.
      expect(c.counts.wall, `${o.id}: wall pixels in the opening`).toBe(0);
      expect(c.counts.opening / c.total, `${o.id}: share of the opening's own pixels`).toBeGreaterThan(0.6);
      checked.push(o.id);
    }
    expect(checked.sort()).toEqual(['office.door', 'office.window']);
    // The spec's positions, in the plan: the window 2.2 m and the door 6.4 m from the wall's left end.
    expect(north.openings.find((o) => o.id === 'office.window')!.at - 0.15).toBeCloseTo(2.2);
    expect(north.openings.find((o) => o.id === 'office.door')!.at - 0.15).toBeCloseTo(6.4);
    // Between them, high up, the wall is wall.
    const between = census(box(north, 3.7 + 0.15, 5.5 + 0.15, 2.25, 2.85), { wall: wallC });
    expect(between.counts.wall / between.total).toBeGreaterThan(0.9);
    // Openings that are only in the spec's place: the window's box shifted by a metre along the wall is wall.
    const win = north.openings.find((o) => o.id === 'office.window')!;
    const shifted = census(box(north, win.at + win.width / 2 + 0.3, win.at + win.width / 2 + 0.9, 2.3, 2.7), { wall: wallC, opening: idColorOf(si, win.id) });
    expect(shifted.counts.opening).toBe(0);

    // The open side door on the east wall: its doorway shows no wall.
    const east = set.walls.find((w) => w.id === 'office.east')!;
    const door = east.openings[0];
    const d = census(box(east, door.at - door.width / 2, door.at + door.width / 2, 0.2, door.height - 0.1), { wall: idColorOf(si, 'office.east') }, 0.25);
    expect(d.total).toBeGreaterThan(4);
    expect(d.counts.wall).toBe(0);
  });
});
