// Sprite sheets from any animation: the frames of a shot — or one character's action alone on a
// transparent background — rendered at sprite size, optionally through a retro look, then packed
// and exported for engines by the retro department (Aseprite, TexturePacker, Phaser, Godot, Unity,
// Tiled). `kino sprites` is the command; this is the rendering.
//
// A character sprite is filmed the way sprite artists draw: straight on and orthographic (from the
// shot camera's side of the action), the camera following the character's ground position so the
// animation plays in place, at a fixed height so sitting and jumping still read as motion. Tags
// come from the character's cues (walk, sit, gesture, say …) inside the shot.

import { KinoError, issue } from '../doc/errors';
import { evaluateView } from '../plan/evaluate';
import type { FilmPlan, TrackPlan } from '../plan/schema';
import { packSpriteSheet, SPRITE_EXPORT_FORMATS, writeSpriteSheetFiles, type Frame, type SpriteExportFormat, type SpriteFrameInput, type SpriteSheet, type SpriteTagInput } from '../retro/index';
import { hasPost, type ShotStyle } from '../vfx/style';
import { loadModels } from './assets';
import { decodeFrame, lutAssets, PostChain } from './looks';
import { PROFILES, type RenderProfile } from './profiles';
import { RenderSession } from './session';
import { findShot } from './style-sheet';

type KinoWindow = { kino: import('./page/index').KinoPageApi };

/** Engine names the CLI accepts, and the export files each writes. */
export const SPRITE_ENGINES: Record<string, SpriteExportFormat[]> = {
  aseprite: ['aseprite-hash', 'aseprite-array'],
  texturepacker: ['texturepacker-hash', 'texturepacker-array'],
  phaser: ['phaser-multiatlas', 'phaser-anims'],
  godot: ['godot'],
  unity: ['unity'],
  tiled: ['tiled-tsx', 'tiled-tsj'],
};

export interface SpriteRenderOptions {
  /** "scene/shot" or a shot id. */
  shot: string;
  /** Render only this character, on a transparent background, framed in place. */
  character?: string;
  size: { width: number; height: number };
  /** Every n-th frame of the shot. Default 1. */
  every?: number;
  /** A retro look (a shot style, resolved) to quantise the frames with. */
  style?: ShotStyle;
  profile?: RenderProfile['name'];
  /** Metres the character view frames vertically (default 1.25 × the character's height). */
  frameHeight?: number;
  /**
   * Which side of the character the camera films (relative to where it faces as the shot
   * starts): right (it faces screen right: platformers), left, front, back; or "shot" (the shot
   * camera's side). Default right.
   */
  view?: SpriteView;
}

export const SPRITE_VIEWS = ['right', 'left', 'front', 'back', 'shot'] as const;
export type SpriteView = (typeof SPRITE_VIEWS)[number];

export interface SpriteFrames {
  frames: SpriteFrameInput[];
  tags: SpriteTagInput[];
  name: string;
}

/** A copy of the plan in which the shot films `id` straight on, orthographically, in place. */
function spriteCameraPlan(plan: FilmPlan, sceneIndex: number, shotIndex: number, id: string, frameHeight: number | undefined, view: SpriteView): FilmPlan {
  const copy = structuredClone(plan);
  const scene = copy.scenes[sceneIndex];
  const shot = scene.shots[shotIndex];
  const ch = scene.cast[id];
  const h = ch.body.height;
  const cam = shot.camera;
  const times: number[] = [];
  for (let f = 0; f <= shot.frames; f++) times.push(f / plan.fpsValue);
  // Ground position per frame from the same evaluator the page uses.
  const ground = times.map((t) => evaluateView(plan, sceneIndex, shotIndex, Math.min(t, (shot.frames - 1e-6) / plan.fpsValue)).characters.find((c) => c.id === id)!.position);
  // Facing f = (sin yaw, 0, cos yaw); the character's right is f × up = (−cos yaw, 0, sin yaw).
  const yaw = (evaluateView(plan, sceneIndex, shotIndex, 0).characters.find((c) => c.id === id)!.yaw * Math.PI) / 180;
  const f = [Math.sin(yaw), 0, Math.cos(yaw)];
  const r = [-Math.cos(yaw), 0, Math.sin(yaw)];
  const heading = view === 'front' ? f : view === 'back' ? f.map((v) => -v) : view === 'right' ? r : view === 'left' ? r.map((v) => -v) : [cam.position[0] - cam.target[0], 0, cam.position[2] - cam.target[2]];
  const hl = Math.hypot(heading[0], heading[2]) || 1;
  const dir = [heading[0] / hl, 0, heading[2] / hl];
  const targets = ground.map((g) => [g[0], h * 0.52, g[2]]);
  const track = (property: string, values: number[][]): TrackPlan => ({ target: 'camera', property, interpolation: 'linear', keys: values.map((v, i) => ({ t: times[i], value: v })) });
  shot.camera = {
    ...cam,
    moves: [],
    targetSubject: undefined,
    targetOffset: undefined,
    shake: 0,
    rig: 'tripod',
    projection: 'side-scroller',
    orthoHeight: frameHeight ?? h * 1.25,
    tracks: [track('target', targets), track('position', targets.map((t) => [t[0] + dir[0] * 6, t[1], t[2] + dir[2] * 6]))],
  };
  if (shot.ext?.style) delete shot.ext.style;
  return copy;
}

/** Renders the sprite frames of a shot (or of one character in it). */
export async function renderSpriteFrames(plan: FilmPlan, o: SpriteRenderOptions): Promise<SpriteFrames> {
  const { sceneIndex, shotIndex } = findShot(plan, o.shot);
  const scene = plan.scenes[sceneIndex];
  const shot = scene.shots[shotIndex];
  if (o.character && !scene.cast[o.character]) {
    throw new KinoError(issue('sprites/character', `--character ${o.character}: no such character in scene "${scene.id}".`, { hint: `Characters here: ${scene.characters.join(', ') || '(none)'}.` }));
  }
  const every = Math.max(1, o.every ?? 1);
  const usePlan = o.character ? spriteCameraPlan(plan, sceneIndex, shotIndex, o.character, o.frameHeight, o.view ?? 'right') : plan;
  const profile = PROFILES[o.profile ?? 'preview'];
  const alpha = !!o.character;
  const session = new RenderSession(usePlan, [o.size.width, o.size.height], { ...profile.page, capture: 'png' }, loadModels(usePlan), { alpha, luts: lutAssets(usePlan), look: o.character ? { pixelSnap: true } : undefined });
  await session.open();
  const frames: SpriteFrameInput[] = [];
  const name = o.character ?? shot.id;
  try {
    if (o.character) await session.rawPage!.evaluate((id) => (window as unknown as KinoWindow).kino.setIsolation([id]), o.character);
    const post = o.style && hasPost(o.style) ? await PostChain.create({ ...o.style, crt: undefined, size: { width: o.size.width, height: o.size.height } }) : undefined;
    const wanted: number[] = [];
    for (let g = shot.startFrame; g < shot.endFrame; g += every) wanted.push(g);
    const durationMs = (1000 * every) / plan.fpsValue;
    for (let i = 0; i < wanted.length; i += 4) {
      const batch = wanted.slice(i, i + 4);
      const res = await session.frames(batch.map((g) => ({ scene: sceneIndex, shot: shotIndex, editFrame: g, clip: true })));
      for (let k = 0; k < batch.length; k++) {
        let f: Frame = await decodeFrame(res[k].clip!);
        if (alpha) hardenAlpha(f);
        if (post) f = post.process(f, batch[k] - shot.startFrame);
        frames.push({ name: `${name} ${frames.length}`, frame: f, durationMs });
      }
    }
  } finally {
    await session.close();
  }
  return { frames, tags: cueTags(plan, sceneIndex, shotIndex, o.character, every, frames.length), name };
}

/**
 * Sprite edges: antialiased coverage becomes binary (alpha ≥ 50 % opaque) so engines that test
 * alpha and palettes with one transparent index get clean outlines; colours under partial
 * coverage are un-premultiplied by the page already (premultipliedAlpha: false).
 */
function hardenAlpha(f: Frame): void {
  for (let i = 3; i < f.data.length; i += 4) f.data[i] = f.data[i] >= 128 ? 255 : 0;
  for (let i = 0; i < f.data.length; i += 4) if (f.data[i + 3] === 0) f.data[i] = f.data[i + 1] = f.data[i + 2] = 0;
}

/** Animation tags: the shot as a whole, then each of the character's cues inside it. */
function cueTags(plan: FilmPlan, sceneIndex: number, shotIndex: number, who: string | undefined, every: number, count: number): SpriteTagInput[] {
  const scene = plan.scenes[sceneIndex];
  const shot = scene.shots[shotIndex];
  const tags: SpriteTagInput[] = [{ name: shot.id, from: 0, to: count - 1, direction: 'forward' }];
  const toFrame = (t: number) => Math.floor(((t - shot.sceneIn) * plan.fpsValue) / every);
  const used = new Map<string, number>();
  for (const c of scene.cues) {
    if (who && c.who !== who) continue;
    if (c.t1 <= shot.sceneIn || c.t0 >= shot.sceneOut) continue;
    const from = Math.max(0, toFrame(c.t0));
    const to = Math.min(count - 1, Math.max(from, toFrame(c.t1) - 1));
    if (from > count - 1) continue;
    const base = `${c.type}${who ? '' : `-${c.who}`}`;
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    tags.push({ name: n > 1 ? `${base}-${n}` : base, from, to, direction: 'forward' });
  }
  return tags;
}

export async function writeSprites(
  s: SpriteFrames,
  o: { dir: string; engines: string[]; layout?: 'grid' | 'packed'; baseName?: string; pixelsPerUnit?: number },
): Promise<{ sheet: SpriteSheet; files: string[] }> {
  const formats = [...new Set(o.engines.flatMap((e) => SPRITE_ENGINES[e] ?? (SPRITE_EXPORT_FORMATS.includes(e as SpriteExportFormat) ? [e as SpriteExportFormat] : [])))];
  // Tiled reads tilesets: every sprite in the same cell of a regular grid.
  const layout = o.layout ?? (formats.some((f) => f.startsWith('tiled')) ? 'grid' : 'packed');
  const sheet = packSpriteSheet(s.frames, s.tags, { layout, spacing: layout === 'packed' ? 1 : 0 });
  const files = await writeSpriteSheetFiles(sheet, { dir: o.dir, baseName: o.baseName ?? s.name, formats, unityPixelsPerUnit: o.pixelsPerUnit });
  return { sheet, files };
}
