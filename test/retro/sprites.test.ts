import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import {
  GID_FLIP_H,
  asepriteJson,
  godotSpriteFramesTres,
  loadAsepriteSheet,
  packSpriteSheet,
  phaserAnimationsJson,
  phaserMultiAtlasJson,
  texturePackerJson,
  tiledMapJson,
  tiledMapTmx,
  tiledTilesetJson,
  tiledTilesetTsx,
  tileMapFromImage,
  unityTextureMeta,
  writeSpriteSheetFiles,
  type SpriteFrameInput,
  type SpriteSheet,
} from '../../src/retro/sprites/index';
import { createFrame, type Frame } from '../../src/retro/frame';
import { sameBytes } from '../fixtures/retro/frames';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kino-retro-sprites-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A 24×32 "walk cycle": a coloured body that moves inside transparent margins; frame 3 repeats frame 1. */
function walkFrames(): SpriteFrameInput[] {
  const frames: SpriteFrameInput[] = [];
  for (let i = 0; i < 6; i++) {
    const f = createFrame(24, 32);
    const k = i === 3 ? 1 : i;
    const x0 = 4 + k, y0 = 6 + (k % 2);
    for (let y = y0; y < y0 + 20 - k; y++)
      for (let x = x0; x < x0 + 12; x++) f.data.set([40 * k, 200 - 20 * k, (x * 13 + y * 7) & 255, 255], (y * 24 + x) * 4);
    frames.push({ name: `hero_walk ${i}`, frame: f, durationMs: i === 5 ? 150 : 100 });
  }
  return frames;
}

const tags = [
  { name: 'walk', from: 0, to: 3, direction: 'forward' as const },
  { name: 'idle', from: 4, to: 5, direction: 'pingpong' as const, repeat: 2 },
];

function overlaps(sheet: SpriteSheet): boolean {
  const rects = [...new Map(sheet.frames.map((f) => [`${f.frame.x},${f.frame.y}`, f.frame])).values()];
  return rects.some((a, i) => rects.some((b, j) => i < j && a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h));
}

describe('packing', () => {
  it('packs tightly: trimmed, duplicates stored once, no overlaps, smaller than the grid', () => {
    const frames = walkFrames();
    const packed = packSpriteSheet(frames, tags, { layout: 'packed', spacing: 1 });
    const grid = packSpriteSheet(frames, tags, { layout: 'grid' });
    expect(overlaps(packed)).toBe(false);
    expect(packed.frames[3].duplicateOf).toBe(1);
    expect(packed.frames[3].frame).toEqual(packed.frames[1].frame);
    expect(packed.frames.every((f) => f.trimmed)).toBe(true);
    expect(packed.frames[0].spriteSourceSize).toEqual({ x: 4, y: 6, w: 12, h: 20 });
    expect(packed.image.width * packed.image.height).toBeLessThan(grid.image.width * grid.image.height);
    for (const f of packed.frames) {
      expect(f.frame.x + f.frame.w).toBeLessThanOrEqual(packed.image.width);
      expect(f.frame.y + f.frame.h).toBeLessThanOrEqual(packed.image.height);
    }
  });
  it('lays a grid with spacing and margin', () => {
    const g = packSpriteSheet(walkFrames(), [], { layout: 'grid', columns: 4, spacing: 2, margin: 1 });
    expect(g.grid).toEqual({ cellW: 24, cellH: 32, columns: 4, rows: 2, spacing: 2, margin: 1 });
    expect([g.image.width, g.image.height]).toEqual([1 + 4 * 24 + 3 * 2 + 1, 1 + 2 * 32 + 2 + 1]);
    expect(g.frames[5].frame).toEqual({ x: 1 + 26, y: 1 + 34, w: 24, h: 32 });
  });
  it('rejects duplicate names and tags outside the frames', () => {
    const f = walkFrames();
    expect(() => packSpriteSheet([f[0], { ...f[1], name: f[0].name }])).toThrow(/named "hero_walk 0"/);
    expect(() => packSpriteSheet(f, [{ name: 'x', from: 2, to: 9 }])).toThrow(/0–5/);
  });
});

describe('Aseprite JSON', () => {
  const frames = walkFrames();
  const sheet = packSpriteSheet(frames, tags, { layout: 'packed' });
  it.each(['hash', 'array'] as const)('%s variant has the fields loaders read', (variant) => {
    const j = asepriteJson(sheet, { image: 'hero.png', variant });
    const list = Array.isArray(j.frames) ? j.frames : Object.entries(j.frames).map(([filename, f]) => ({ filename, ...f }));
    expect(list).toHaveLength(6);
    expect(list[0].filename).toBe('hero_walk 0');
    for (const f of list) {
      expect(Object.keys(f).sort()).toEqual(['duration', 'filename', 'frame', 'rotated', 'sourceSize', 'spriteSourceSize', 'trimmed']);
      expect(Object.keys(f.frame).sort()).toEqual(['h', 'w', 'x', 'y']);
      expect(f.sourceSize).toEqual({ w: 24, h: 32 });
    }
    expect(list[5].duration).toBe(150);
    expect(j.meta).toMatchObject({ image: 'hero.png', format: 'RGBA8888', size: { w: sheet.image.width, h: sheet.image.height }, scale: '1' });
    expect(j.meta.frameTags).toEqual([
      { name: 'walk', from: 0, to: 3, direction: 'forward', color: '#000000ff' },
      { name: 'idle', from: 4, to: 5, direction: 'pingpong', repeat: '2', color: '#000000ff' },
    ]);
    expect(j.meta.layers[0]).toMatchObject({ name: expect.any(String), opacity: 255, blendMode: 'normal' });
  });
  it.each(['hash', 'array'] as const)('%s loads back into frames identical to the source, pixel for pixel', async (variant) => {
    const j = JSON.parse(JSON.stringify(asepriteJson(sheet, { image: 'hero.png', variant })));
    // Through a real PNG file, as an engine would read it.
    const file = path.join(tmp, `hero-${variant}.png`);
    await sharp(Buffer.from(sheet.image.data), { raw: { width: sheet.image.width, height: sheet.image.height, channels: 4 } }).png().toFile(file);
    const { data, info } = await sharp(file).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const atlas: Frame = { width: info.width, height: info.height, data: new Uint8Array(data) };
    const loaded = loadAsepriteSheet(j, atlas);
    expect(loaded.frames.map((f) => f.name)).toEqual(frames.map((f) => f.name));
    loaded.frames.forEach((f, i) => {
      expect(sameBytes(f.frame, frames[i].frame), f.name).toBe(true);
      expect(f.durationMs).toBe(frames[i].durationMs);
    });
    expect(loaded.tags.map((t) => t.name)).toEqual(['walk', 'idle']);
  });
});

describe('TexturePacker / Phaser', () => {
  const sheet = packSpriteSheet(walkFrames(), tags);
  it('writes the JSON Hash and Array atlas', () => {
    const hash = texturePackerJson(sheet, { image: 'hero.png' });
    const f0 = (hash.frames as Record<string, Record<string, unknown>>)['hero_walk 0'];
    expect(Object.keys(f0).sort()).toEqual(['frame', 'pivot', 'rotated', 'sourceSize', 'spriteSourceSize', 'trimmed']);
    expect(hash.meta).toMatchObject({ image: 'hero.png', format: 'RGBA8888', size: { w: sheet.image.width, h: sheet.image.height }, scale: '1' });
    expect(hash.meta.smartupdate).toMatch(/^[0-9a-f]{32}$/);
    const arr = texturePackerJson(sheet, { image: 'hero.png', variant: 'array' });
    expect((arr.frames as { filename: string }[]).map((f) => f.filename)[2]).toBe('hero_walk 2');
  });
  it('writes a Phaser multi-atlas and animations from the tags', () => {
    const m = phaserMultiAtlasJson(sheet, { image: 'hero.png' });
    expect(m.textures[0]).toMatchObject({ image: 'hero.png', format: 'RGBA8888', size: { w: sheet.image.width, h: sheet.image.height }, scale: 1 });
    expect(m.textures[0].frames).toHaveLength(6);
    const a = phaserAnimationsJson(sheet, { atlasKey: 'hero' });
    expect(a.anims.map((x) => x.key)).toEqual(['walk', 'idle']);
    expect(a.anims[0]).toMatchObject({ frameRate: 10, repeat: -1, yoyo: false });
    expect(a.anims[1]).toMatchObject({ repeat: 1, yoyo: true });
    expect(a.anims[1].frames[1]).toEqual({ key: 'hero', frame: 'hero_walk 5', duration: 50 });
  });
});

describe('Godot 4 SpriteFrames .tres', () => {
  const sheet = packSpriteSheet(walkFrames(), tags);
  const tres = godotSpriteFramesTres(sheet, { imagePath: 'res://sprites/hero.png' });
  it('declares the resource, the atlas and one AtlasTexture per distinct region', () => {
    const subs = tres.match(/\[sub_resource type="AtlasTexture" id="AtlasTexture_\d+"\]/g)!;
    expect(subs).toHaveLength(5); // 6 frames, one duplicate
    expect(tres.startsWith(`[gd_resource type="SpriteFrames" load_steps=${subs.length + 2} format=3]`)).toBe(true);
    expect(tres).toContain('[ext_resource type="Texture2D" path="res://sprites/hero.png" id="1_sheet"]');
    expect(tres.match(/atlas = ExtResource\("1_sheet"\)/g)).toHaveLength(5);
    const f0 = sheet.frames[0];
    expect(tres).toContain(`region = Rect2(${f0.frame.x}, ${f0.frame.y}, ${f0.frame.w}, ${f0.frame.h})`);
    expect(tres).toContain(`margin = Rect2(${f0.spriteSourceSize.x}, ${f0.spriteSourceSize.y}, ${24 - f0.frame.w}, ${32 - f0.frame.h})`);
    expect(tres).toContain('filter_clip = true');
  });
  it('writes animations with relative durations, speed from the base frame time, and ping-pong expanded', () => {
    const anim = tres.slice(tres.indexOf('[resource]'));
    expect(anim).toContain('"name": &"walk"');
    expect(anim).toContain('"speed": 10.0');
    // idle: frames 4, 5 ping-pong → 4, 5; durations 100 and 150 ms with base 50 ms → 2.0 and 3.0.
    const idle = anim.slice(anim.indexOf('"name": &"idle"') - 400);
    expect(anim).toContain('"name": &"idle"');
    expect(anim).toMatch(/"duration": 2\.0,\s*"texture": SubResource\("AtlasTexture_\d+"\)\s*\}, \{\s*"duration": 3\.0/);
    expect(anim).toContain('"speed": 20.0');
    expect(idle).toContain('"loop": false');
    // Frame 3 reuses frame 1's sub-resource.
    const ids = [...anim.matchAll(/SubResource\("(AtlasTexture_\d+)"\)/g)].map((m) => m[1]);
    expect(ids[3]).toBe(ids[1]);
  });
});

describe('Unity .png.meta', () => {
  const sheet = packSpriteSheet(walkFrames(), tags);
  const meta = unityTextureMeta(sheet, { pixelsPerUnit: 32 });
  it('sets up a pixel-art sprite sheet import', () => {
    for (const line of ['fileFormatVersion: 2', '  textureType: 8', '  spriteMode: 2', '    filterMode: 0', '    enableMipMap: 0', '  alphaIsTransparency: 1', '    textureCompression: 0', '  spritePixelsToUnits: 32']) {
      expect(meta.split('\n')).toContain(line);
    }
    expect(meta).toMatch(/^guid: [0-9a-f]{32}$/m);
  });
  it('lists every sprite with a bottom-left rect, a pivot that keeps the untrimmed centre, and stable IDs', () => {
    const names = [...meta.matchAll(/^ {6}name: (.+)$/gm)].map((m) => m[1]);
    expect(names).toEqual(sheet.frames.map((f) => f.name));
    const rects = [...meta.matchAll(/x: (\d+)\n {8}y: (\d+)\n {8}width: (\d+)\n {8}height: (\d+)/g)].map((m) => m.slice(1).map(Number));
    sheet.frames.forEach((f, i) => expect(rects[i]).toEqual([f.frame.x, sheet.image.height - f.frame.y - f.frame.h, f.frame.w, f.frame.h]));
    // Frame 0: trimmed at x 4, y 6 (top), 12×20 of 24×32 → bottom margin 6; pivot = ((12−4)/12, (16−6)/20).
    expect(meta).toContain('pivot: {x: 0.666667, y: 0.5}');
    expect(meta).toContain('alignment: 9');
    expect(meta).toContain('internalID: 21300000');
    expect(meta).toContain('internalID: 21300010');
    expect(meta).toMatch(/internalIDToNameTable:\n {2}- first:\n {6}213: 21300000\n {4}second: hero_walk 0/);
    // Names YAML would misread are quoted.
    expect(unityTextureMeta(packSpriteSheet([{ ...walkFrames()[0], name: 'a: b' }]))).toContain('name: "a: b"');
    expect(unityTextureMeta(sheet)).toBe(unityTextureMeta(sheet));
  });
});

describe('Tiled', () => {
  const grid = packSpriteSheet(walkFrames(), tags, { layout: 'grid', columns: 3, spacing: 1, margin: 2 });
  it('writes a .tsj tileset with the grid and the tag animations', () => {
    const t = tiledTilesetJson(grid, { name: 'hero', image: 'hero.png' });
    expect(t).toMatchObject({ type: 'tileset', name: 'hero', tilewidth: 24, tileheight: 32, spacing: 1, margin: 2, columns: 3, tilecount: 6, image: 'hero.png', imagewidth: grid.image.width, imageheight: grid.image.height });
    expect(t.tiles![0]).toEqual({ id: 0, animation: [0, 1, 2, 3].map((i) => ({ tileid: i, duration: 100 })), properties: [{ name: 'animation', type: 'string', value: 'walk' }] });
    expect(t.tiles![1].animation).toEqual([{ tileid: 4, duration: 100 }, { tileid: 5, duration: 150 }]);
  });
  it('writes the same tileset as .tsx XML', () => {
    const x = tiledTilesetTsx(grid, { name: 'hero', image: 'hero.png' });
    expect(x).toContain('<tileset version="1.10" tiledversion="1.10.2" name="hero" tilewidth="24" tileheight="32" spacing="1" margin="2" tilecount="6" columns="3">');
    expect(x).toContain(`<image source="hero.png" width="${grid.image.width}" height="${grid.image.height}"/>`);
    expect(x).toContain('<frame tileid="3" duration="100"/>');
  });
  it('refuses a packed sheet', () => {
    expect(() => tiledTilesetJson(packSpriteSheet(walkFrames()), { name: 'x', image: 'x.png' })).toThrow(/grid/);
  });
  it('slices an image into unique tiles with flip bits and rebuilds it exactly', () => {
    // 4×2 tiles of 8×8: a pattern, its mirror, an empty tile, a repeat.
    const img = createFrame(32, 16);
    const tile = (tx: number, ty: number, mirror: boolean) => {
      for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) {
        const sx = mirror ? 7 - x : x;
        img.data.set([sx * 30, y * 30, (sx * y) & 255, 255], ((ty * 8 + y) * 32 + tx * 8 + x) * 4);
      }
    };
    tile(0, 0, false);
    tile(1, 0, true);
    tile(3, 0, false);
    tile(0, 1, true);
    for (let y = 8; y < 16; y++) for (let x = 8; x < 32; x++) img.data.set([9, 9, 9, 255], (y * 32 + x) * 4);
    const m = tileMapFromImage(img, { tileWidth: 8, tileHeight: 8, flips: true });
    expect(m.sheet.frames).toHaveLength(2);
    expect(m.gids[0]).toBe(1);
    expect(m.gids[1]).toBe((1 | GID_FLIP_H) >>> 0);
    expect(m.gids[2]).toBe(0);
    expect(m.gids[3]).toBe(1);
    // Rebuild from tiles + flags.
    const out = createFrame(32, 16);
    for (let ty = 0; ty < 2; ty++) for (let tx = 0; tx < 4; tx++) {
      const gid = m.gids[ty * 4 + tx];
      if (!gid) continue;
      const f = m.sheet.frames[(gid & 0x0fffffff) - 1].frame;
      for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) {
        const sx = gid & GID_FLIP_H ? 7 - x : x;
        const s = ((f.y + y) * m.sheet.image.width + f.x + sx) * 4;
        out.data.set(m.sheet.image.data.subarray(s, s + 4), ((ty * 8 + y) * 32 + tx * 8 + x) * 4);
      }
    }
    expect(sameBytes(out, img)).toBe(true);
    const map = tiledMapJson({ width: 4, height: 2, tileWidth: 8, tileHeight: 8, tilesets: [{ firstgid: 1, source: 'tiles.tsj' }], layers: [{ name: 'ground', data: m.gids }, { name: 'sky', image: 'sky.png', parallaxX: 0.25, repeatX: true }] });
    expect(map).toMatchObject({ type: 'map', orientation: 'orthogonal', renderorder: 'right-down', width: 4, height: 2, tilewidth: 8, tileheight: 8, infinite: false, nextlayerid: 3, tilesets: [{ firstgid: 1, source: 'tiles.tsj' }] });
    expect(map.layers[0]).toMatchObject({ id: 1, type: 'tilelayer', name: 'ground', width: 4, height: 2, data: Array.from(m.gids) });
    expect(map.layers[1]).toMatchObject({ type: 'imagelayer', image: 'sky.png', parallaxx: 0.25, repeatx: true });
    const tmx = tiledMapTmx({ width: 4, height: 2, tileWidth: 8, tileHeight: 8, tilesets: [{ firstgid: 1, source: 'tiles.tsx' }], layers: [{ name: 'ground', data: m.gids }] });
    expect(tmx).toContain('<data encoding="csv">');
    expect(tmx).toContain(`1,${(1 | GID_FLIP_H) >>> 0},0,1`);
  });
});

describe('writing the files', () => {
  it('writes the sheet PNG and every engine file atomically', async () => {
    const sheet = packSpriteSheet(walkFrames(), tags, { layout: 'grid' });
    const files = await writeSpriteSheetFiles(sheet, { dir: tmp, baseName: 'hero', formats: ['aseprite-hash', 'aseprite-array', 'texturepacker-hash', 'texturepacker-array', 'phaser-multiatlas', 'phaser-anims', 'godot', 'unity', 'tiled-tsx', 'tiled-tsj'] });
    expect(files.map((f) => path.basename(f)).sort()).toEqual(
      ['hero.png', 'hero.aseprite.json', 'hero.aseprite-array.json', 'hero.atlas.json', 'hero.atlas-array.json', 'hero.multiatlas.json', 'hero.anims.json', 'hero.tres', 'hero.png.meta', 'hero.tsx', 'hero.tsj'].sort(),
    );
    const meta = await sharp(path.join(tmp, 'hero.png')).metadata();
    expect([meta.width, meta.height]).toEqual([sheet.image.width, sheet.image.height]);
    expect(JSON.parse(fs.readFileSync(path.join(tmp, 'hero.aseprite.json'), 'utf8')).meta.image).toBe('hero.png');
    expect(fs.readdirSync(tmp).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
