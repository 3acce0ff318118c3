// Level art from a film's sets, for game engines (through the retro department's Tiled writers):
//
// - parallax layers of a side-scroller shot: each depth layer (page/parallax.ts) alone on a
//   transparent background, as wide as that layer travels during the shot, plus a Tiled map whose
//   image layers carry the same scroll factors (Tiled's parallaxx), so the level scrolls in the
//   editor and the engine as it does in the film;
// - an isometric floor tileset: each 1 m floor cell of a set filmed by the 2:1 isometric camera,
//   cut to its diamond, identical tiles stored once, and a Tiled isometric map placing them.

import path from 'node:path';
import { KinoError, issue } from '../doc/errors';
import { evaluateView } from '../plan/evaluate';
import type { FilmPlan, TrackPlan } from '../plan/schema';
import { encodeImageFrame, packSpriteSheet, tiledMapJson, tiledMapTmx, tiledTilesetJson, tiledTilesetTsx, type Frame } from '../retro/index';
import { writeFileAtomic } from '../util/fs';
import { loadModels } from './assets';
import { decodeFrame, setCanvas } from './looks';
import { PROFILES, renderSize, type RenderProfile } from './profiles';
import { RenderSession } from './session';
import { findShot } from './style-sheet';

type KinoWindow = { kino: import('./page/index').KinoPageApi };

export interface LayerExport {
  files: string[];
  layers: Array<{ name: string; factor: number; width: number; height: number; file: string }>;
}

/** Writes a side-scroller shot's parallax layers and a Tiled map of them into `dir`. */
export async function exportParallaxLayers(plan: FilmPlan, o: { shot: string; dir: string; size?: { width: number; height: number }; profile?: RenderProfile['name']; tile?: number }): Promise<LayerExport> {
  const { sceneIndex, shotIndex } = findShot(plan, o.shot);
  const shot = plan.scenes[sceneIndex].shots[shotIndex];
  if (shot.camera.projection !== 'side-scroller') {
    throw new KinoError(issue('sprites/not-side-scroller', `Shot ${shot.key} is not a side-scroller shot, so it has no parallax layers.`, { location: shot.source, hint: "Give its camera projection: 'side-scroller' (and an orthoHeight)." }));
  }
  const profile = PROFILES[o.profile ?? 'preview'];
  const [W, H] = o.size ? [o.size.width, o.size.height] : renderSize(plan.resolution, profile);
  const start = evaluateView(plan, sceneIndex, shotIndex, 0).camera;
  const end = evaluateView(plan, sceneIndex, shotIndex, (shot.frames - 1) / plan.fpsValue).camera;
  // Horizontal travel in pixels along the camera's screen right (side-scrollers look along a heading).
  const heading = Math.atan2(start.position[0] - start.target[0], start.position[2] - start.target[2]);
  const right = [Math.cos(heading), 0, -Math.sin(heading)];
  const ppm = H / (start.orthoHeight ?? 4);
  const travelPx = Math.abs((end.target[0] - start.target[0]) * right[0] + (end.target[2] - start.target[2]) * right[2]) * ppm;
  const session = new RenderSession(plan, [W, H], { ...profile.page, capture: 'png' }, loadModels(plan), { alpha: true });
  await session.open();
  const req = { scene: sceneIndex, shot: shotIndex, editFrame: shot.endFrame - 1 };
  const layers: LayerExport['layers'] = [];
  const files: string[] = [];
  try {
    const page = session.rawPage!;
    const info = await page.evaluate((r) => (window as unknown as KinoWindow).kino.parallaxLayers(r), req);
    for (let i = 0; i < info.length; i++) {
      const extra = Math.ceil(travelPx * info[i].factor);
      await setCanvas(session, [W + extra, H], 'png');
      const b64 = await page.evaluate(([r, k, e]) => (window as unknown as KinoWindow).kino.parallaxLayer(r, k, e), [req, i, extra] as const);
      const frame = await decodeFrame(b64);
      const file = path.join(o.dir, `layer-${i}-${info[i].name}.png`);
      await writeFileAtomic(file, await encodeImageFrame(frame, '.png'));
      files.push(file);
      layers.push({ name: info[i].name, factor: info[i].factor, width: frame.width, height: frame.height, file: path.basename(file) });
    }
  } finally {
    await session.close();
  }
  const tile = o.tile ?? 16;
  const map = {
    orientation: 'orthogonal' as const,
    width: Math.ceil((W + travelPx) / tile),
    height: Math.ceil(H / tile),
    tileWidth: tile,
    tileHeight: tile,
    tilesets: [],
    // Tiled scrolls an image layer by parallaxx × the camera; the images start at the shot's first frame.
    layers: layers.map((l) => ({ name: l.name, image: l.file, parallaxX: l.factor, parallaxY: 1 })),
  };
  const base = path.join(o.dir, `${shot.id}-layers`);
  await writeFileAtomic(`${base}.tmj`, JSON.stringify(tiledMapJson(map), null, 1) + '\n');
  await writeFileAtomic(`${base}.tmx`, tiledMapTmx(map));
  files.push(`${base}.tmj`, `${base}.tmx`);
  return { files, layers };
}

export interface TileExport {
  files: string[];
  tiles: number;
  cells: { width: number; height: number };
  tileSize: { width: number; height: number };
}

/** Cuts a tile image to its 2:1 diamond: pixels outside become transparent. */
export function diamondMask(f: Frame): void {
  const cx = f.width / 2, cy = f.height / 2;
  for (let y = 0; y < f.height; y++)
    for (let x = 0; x < f.width; x++) {
      const inside = Math.abs(x + 0.5 - cx) / cx + Math.abs(y + 0.5 - cy) / cy <= 1;
      if (!inside) f.data.fill(0, (y * f.width + x) * 4, (y * f.width + x) * 4 + 4);
      else f.data[(y * f.width + x) * 4 + 3] = 255;
    }
}

/**
 * Films a set's floor as isometric tiles (each 1 m cell, tileWidth px wide and half as high) and
 * writes the tileset (PNG, .tsx, .tsj) and an isometric Tiled map (.tmx, .tmj) into `dir`.
 */
export async function exportIsoFloorTiles(plan: FilmPlan, o: { scene: string; dir: string; tileWidth?: number; set?: string; profile?: RenderProfile['name'] }): Promise<TileExport> {
  const sceneIndex = plan.scenes.findIndex((s) => s.id === o.scene);
  if (sceneIndex < 0) throw new KinoError(issue('sprites/scene', `--tiles: no scene "${o.scene}".`, { hint: `Scenes: ${plan.scenes.map((s) => s.id).join(', ')}.` }));
  const scene = plan.scenes[sceneIndex];
  const set = scene.sets.find((s) => (o.set ? s.id === o.set : !!s.floor));
  if (!set?.floor) throw new KinoError(issue('sprites/no-floor', `Scene "${scene.id}" has no set with a floor${o.set ? ` called "${o.set}"` : ''} to make tiles of.`, { location: scene.source }));
  const tw = Math.max(8, Math.round((o.tileWidth ?? 64) / 2) * 2);
  const th = tw / 2;
  const [x0, z0] = set.floor.min;
  const [x1, z1] = set.floor.max;
  const nx = Math.max(1, Math.floor(x1 - x0));
  const nz = Math.max(1, Math.floor(z1 - z0));
  // A copy of the film whose first shot in this scene films one cell per frame.
  const copy = structuredClone(plan);
  const shot = copy.scenes[sceneIndex].shots[0];
  const cells: Array<[number, number]> = [];
  for (let j = 0; j < nz; j++) for (let i = 0; i < nx; i++) cells.push([i, j]);
  const key = (v: number[], k: number) => ({ t: k / plan.fpsValue, value: v });
  const targets = cells.map(([i, j]) => [x0 + i + 0.5, 0, z0 + j + 0.5]);
  // Isometric from the +x+z diagonal: the cell's x axis runs down-right on screen, z down-left.
  const track = (property: string, values: number[][]): TrackPlan => ({ target: 'camera', property, interpolation: 'step', keys: values.map(key) });
  shot.camera = { ...shot.camera, moves: [], targetSubject: undefined, targetOffset: undefined, shake: 0, rig: 'tripod', projection: 'isometric', orthoHeight: Math.SQRT2 / 2, tracks: [track('target', targets), track('position', targets.map((t) => [t[0] + 5, 5, t[2] + 5]))] };
  if (shot.ext?.style) delete shot.ext.style;
  const profile = PROFILES[o.profile ?? 'preview'];
  const session = new RenderSession(copy, [tw, th], { ...profile.page, capture: 'png', msaa: 0 }, loadModels(copy), { alpha: true });
  await session.open();
  const tiles: Frame[] = [];
  const index = new Map<string, number>();
  const gids = new Uint32Array(nx * nz);
  try {
    await session.rawPage!.evaluate((id) => (window as unknown as KinoWindow).kino.setIsolation([id]), `${set.id}.floor`);
    for (let k = 0; k < cells.length; k += 8) {
      const batch = cells.slice(k, k + 8).map((_, b) => ({ scene: sceneIndex, shot: 0, editFrame: shot.startFrame + k + b, clip: true }));
      const res = await session.frames(batch);
      for (let b = 0; b < res.length; b++) {
        const f = await decodeFrame(res[b].clip!);
        diamondMask(f);
        const sig = Buffer.from(f.data.buffer, f.data.byteOffset, f.data.length).toString('base64');
        let id = index.get(sig);
        if (id === undefined) {
          id = tiles.length;
          index.set(sig, id);
          tiles.push(f);
        }
        const [i, j] = cells[k + b];
        gids[j * nx + i] = id + 1;
      }
    }
  } finally {
    await session.close();
  }
  const name = `${scene.id}-floor`;
  const sheet = packSpriteSheet(
    tiles.map((f, i) => ({ name: `${name} ${i}`, frame: f, durationMs: 100 })),
    [],
    { layout: 'grid', columns: Math.min(8, tiles.length) },
  );
  const files: string[] = [];
  const put = async (file: string, data: string | Uint8Array) => {
    await writeFileAtomic(path.join(o.dir, file), data);
    files.push(path.join(o.dir, file));
  };
  await put(`${name}.png`, await encodeImageFrame(sheet.image, '.png'));
  await put(`${name}.tsx`, tiledTilesetTsx(sheet, { name, image: `${name}.png` }));
  await put(`${name}.tsj`, JSON.stringify(tiledTilesetJson(sheet, { name, image: `${name}.png` }), null, 1) + '\n');
  const map = { orientation: 'isometric' as const, width: nx, height: nz, tileWidth: tw, tileHeight: th, tilesets: [{ firstgid: 1, source: `${name}.tsx` }], layers: [{ name: 'floor', data: gids }] };
  await put(`${name}.tmx`, tiledMapTmx(map));
  await put(`${name}.tmj`, JSON.stringify(tiledMapJson({ ...map, tilesets: [{ firstgid: 1, source: `${name}.tsj` }] }), null, 1) + '\n');
  return { files, tiles: tiles.length, cells: { width: nx, height: nz }, tileSize: { width: tw, height: th } };
}
