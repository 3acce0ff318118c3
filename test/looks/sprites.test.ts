// `kino sprites` for real: a character's action rendered alone on a transparent background and
// exported for every engine; a retro-quantised sheet; a side-scroller's parallax layers with a
// Tiled map; an isometric floor tileset. Runs the CLI as a user would.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readImageFrame, loadAsepriteSheet, resolvePaletteSync } from '../../src/retro/index';
import { kino, repoRoot } from '../core/helpers';

const tiny = path.join(repoRoot, 'test/fixtures/films/tiny.tsx');
const side = path.join(repoRoot, 'test/looks/fixtures/side-scroller.tsx');
const tmp = (n: string) => fs.mkdtempSync(path.join(os.tmpdir(), `kino-${n}-`));

describe('kino sprites', () => {
  it("renders a character's action on a transparent background and writes every engine's files", async () => {
    const dir = tmp('sprites');
    const r = kino(['sprites', tiny, '--shot', 'room/wide', '--character', 'ben', '--size', '48x72', '--every', '2', '--profile', 'draft', '-o', dir, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.frames).toBe(6);
    expect(s.tags.map((t: { name: string }) => t.name)).toEqual(expect.arrayContaining(['wide', 'walk']));
    for (const f of ['ben.png', 'ben.aseprite.json', 'ben.aseprite-array.json', 'ben.atlas.json', 'ben.multiatlas.json', 'ben.anims.json', 'ben.tres', 'ben.png.meta', 'ben.tsx', 'ben.tsj']) {
      expect(fs.existsSync(path.join(dir, f)), f).toBe(true);
    }
    const atlas = await readImageFrame(path.join(dir, 'ben.png'));
    const loaded = loadAsepriteSheet(JSON.parse(fs.readFileSync(path.join(dir, 'ben.aseprite.json'), 'utf8')), atlas);
    expect(loaded.frames).toHaveLength(6);
    for (const f of loaded.frames) {
      expect([f.frame.width, f.frame.height]).toEqual([48, 72]);
      // Transparent around the character, opaque on it; alpha is binary.
      let opaque = 0;
      for (let i = 3; i < f.frame.data.length; i += 4) {
        expect([0, 255]).toContain(f.frame.data[i]);
        if (f.frame.data[i]) opaque++;
      }
      expect(opaque / (48 * 72)).toBeGreaterThan(0.03);
      expect(opaque / (48 * 72)).toBeLessThan(0.6);
      expect(f.frame.data[3]).toBe(0);
    }
    expect(fs.readFileSync(path.join(dir, 'ben.tres'), 'utf8')).toMatch(/\[gd_resource type="SpriteFrames"/);
  }, 120_000);

  it('quantises sprite frames with a retro look, keeping transparency', async () => {
    const dir = tmp('sprites-pico');
    const r = kino(['sprites', tiny, '--shot', 'room/ana-cu', '--character', 'ana', '--size', '32x48', '--every', '3', '--style', 'pico8', '--format', 'aseprite', '--profile', 'draft', '-o', dir, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const pico = resolvePaletteSync('pico8').rgb;
    const set = new Set<number>();
    for (let i = 0; i < pico.length; i += 3) set.add((pico[i] << 16) | (pico[i + 1] << 8) | pico[i + 2]);
    const atlas = await readImageFrame(path.join(dir, 'ana.png'));
    let opaque = 0;
    for (let i = 0; i < atlas.data.length; i += 4) {
      if (atlas.data[i + 3] === 0) continue;
      opaque++;
      expect(set.has((atlas.data[i] << 16) | (atlas.data[i + 1] << 8) | atlas.data[i + 2])).toBe(true);
    }
    expect(opaque).toBeGreaterThan(50);
  }, 120_000);

  it('writes a side-scroller shot as parallax layers and a Tiled map with their scroll factors', async () => {
    const dir = tmp('layers');
    const r = kino(['sprites', side, '--shot', 'level/run', '--layers', '--profile', 'draft', '-o', dir, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.layers.map((l: { name: string }) => l.name)).toEqual(['sky', 'far', 'mid', 'action', 'front']);
    // Each layer is as wide as the frame plus its share of the 2.75 m of travel (22.5 px/m).
    for (const l of s.layers) expect(Math.abs(l.width - (160 + 2.75 * 22.5 * l.factor))).toBeLessThanOrEqual(1.5);
    const map = JSON.parse(fs.readFileSync(path.join(dir, 'run-layers.tmj'), 'utf8'));
    expect(map.type).toBe('map');
    expect(map.layers.map((l: { type: string }) => l.type)).toEqual(Array(5).fill('imagelayer'));
    expect(map.layers.find((l: { name: string }) => l.name === 'far').parallaxx).toBeCloseTo(s.layers[1].factor);
    expect(map.layers.find((l: { name: string }) => l.name === 'action').parallaxx).toBeUndefined();
    // Depth layers are transparent except where their objects are; the hero is not in them.
    const action = await readImageFrame(path.join(dir, 'layer-3-action.png'));
    let opaque = 0;
    for (let i = 3; i < action.data.length; i += 4) if (action.data[i] > 0) opaque++;
    expect(opaque).toBeGreaterThan(20);
    expect(opaque).toBeLessThan(400);
    expect(fs.readFileSync(path.join(dir, 'run-layers.tmx'), 'utf8')).toMatch(/<imagelayer id="2" name="far" parallaxx="0\.294"/);
  }, 120_000);

  it("films a set's floor as a 2:1 isometric tileset with a Tiled isometric map", async () => {
    const dir = tmp('tiles');
    const r = kino(['sprites', tiny, '--tiles', 'room', '--tile', '32', '--profile', 'draft', '-o', dir, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.cells).toEqual({ width: 6, height: 4 });
    expect(s.tileSize).toEqual({ width: 32, height: 16 });
    const map = JSON.parse(fs.readFileSync(path.join(dir, 'room-floor.tmj'), 'utf8'));
    expect(map.orientation).toBe('isometric');
    expect([map.tilewidth, map.tileheight]).toEqual([32, 16]);
    expect(map.layers[0].data).toHaveLength(24);
    expect(Math.max(...map.layers[0].data)).toBe(s.tiles);
    const ts = JSON.parse(fs.readFileSync(path.join(dir, 'room-floor.tsj'), 'utf8'));
    expect(ts.tilecount).toBeGreaterThanOrEqual(s.tiles);
    const sheet = await readImageFrame(path.join(dir, 'room-floor.png'));
    // Tile 0: its corners are transparent, its middle row is opaque edge to edge but for one pixel.
    const a = (x: number, y: number) => sheet.data[(y * sheet.width + x) * 4 + 3];
    expect([a(0, 0), a(31, 0), a(0, 15), a(31, 15)]).toEqual([0, 0, 0, 0]);
    let row = 0;
    for (let x = 0; x < 32; x++) if (a(x, 8)) row++;
    expect(row).toBeGreaterThanOrEqual(30);
  }, 120_000);

  it('explains bad requests', () => {
    const dir = tmp('sprites-bad');
    const r = kino(['sprites', tiny, '--shot', 'room/wide', '--character', 'zed', '-o', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--character zed: no such character.*\n.*ana, ben/);
    const l = kino(['sprites', tiny, '--shot', 'room/wide', '--layers', '-o', dir]);
    expect(l.code).toBe(1);
    expect(l.stderr).toMatch(/not a side-scroller shot/);
    const f = kino(['sprites', tiny, '--shot', 'room/wide', '--format', 'flash', '--size', '12by4', '-o', dir]);
    expect(f.stderr).toMatch(/--format flash/);
    expect(f.stderr).toMatch(/--size must be WIDTHxHEIGHT/);
  }, 120_000);
});
