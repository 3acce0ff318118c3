// Looks in a real render (Chromium + three.js + FFmpeg): a retro scene inside the film, a dissolve
// between a graded scene and the retro one, and two styled outputs rendered as variants. The
// rendered pixels are checked against the palettes and the ZX Spectrum attribute rule.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { readManifest } from '../../src/deliver/manifest';
import { loadFilm } from '../../src/pipeline/load';
import type { FilmPlan } from '../../src/plan/schema';
import { movieInfo, renderFilm, type RenderSummary } from '../../src/render/film';
import { CONSTRAINT_DEFAULT_PALETTE, resolvePaletteSync } from '../../src/retro/index';
import { repoRoot } from '../core/helpers';

const film = path.join(repoRoot, 'test/looks/fixtures/looks-tiny.tsx');
let plan: FilmPlan;
let out: string;
let first: RenderSummary;

async function rgb(file: string) {
  const { data, info } = await sharp(file).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}
const paletteSet = (name: string) => {
  const p = resolvePaletteSync(name);
  const s = new Set<number>();
  for (let i = 0; i < p.rgb.length; i += 3) s.add((p.rgb[i] << 16) | (p.rgb[i + 1] << 8) | p.rgb[i + 2]);
  return s;
};
const colourAt = (d: Buffer, i: number) => (d[i * 3] << 16) | (d[i * 3 + 1] << 8) | d[i * 3 + 2];

beforeAll(async () => {
  const loaded = await loadFilm(film);
  expect(loaded.errors).toEqual([]);
  plan = loaded.plan!;
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'kino-looks-'));
  first = await renderFilm(plan, { out, profile: 'draft' });
}, 300_000);

describe('looks in the render', () => {
  it('delivers the movie and one deliverable per styled output, each variant in its own folder', async () => {
    expect(first.movies.map((m) => path.relative(out, m)).sort()).toEqual(['deliverables/movie.mp4', 'deliverables/pico', 'deliverables/zx']);
    const info = await movieInfo(path.join(out, 'deliverables/movie.mp4'));
    expect([info.width, info.height]).toEqual([160, 90]);
    expect(Math.abs(info.frames - plan.totalFrames)).toBeLessThanOrEqual(1);
    for (const v of ['pico', 'zx']) {
      expect(fs.existsSync(path.join(out, 'variants', v, 'shots/room/ms/cut.mkv'))).toBe(true);
      expect(fs.readdirSync(path.join(out, 'deliverables', v)).length).toBe(plan.totalFrames);
    }
    const m = readManifest(path.join(out, 'manifest.json'))!;
    expect(m.outputs.filter((o) => o.shot === 'pico@street/ws').map((o) => o.kind).sort()).toEqual(['clip', 'cut', 'still']);
    expect(new Set(m.outputs.filter((o) => o.shot?.startsWith('pico@')).map((o) => o.inputsHash)).size).toBe(2);
  });

  it('a PICO-8 output: every pixel of every delivered frame is a PICO-8 colour, at the 128×72 grid', async () => {
    const pico = paletteSet('pico8');
    const dir = path.join(out, 'deliverables/pico');
    const files = fs.readdirSync(dir).sort();
    const seen = new Set<number>();
    for (const f of files) {
      const { data, width, height } = await rgb(path.join(dir, f));
      expect([width, height]).toEqual([128, 72]);
      for (let i = 0; i < width * height; i++) {
        const c = colourAt(data, i);
        if (!pico.has(c)) throw new Error(`${f}: pixel ${i} is #${c.toString(16).padStart(6, '0')}, not a PICO-8 colour`);
        seen.add(c);
      }
    }
    // Dithered, not posterised to a couple of colours.
    expect(seen.size).toBeGreaterThanOrEqual(6);
  });

  it('a ZX Spectrum output holds the attribute rule: at most two colours in every 8×8 cell of every frame', async () => {
    const zx = paletteSet(CONSTRAINT_DEFAULT_PALETTE['zx-spectrum'] as string);
    const dir = path.join(out, 'deliverables/zx');
    let cells = 0;
    for (const f of fs.readdirSync(dir).sort()) {
      const { data, width, height } = await rgb(path.join(dir, f));
      expect([width, height]).toEqual([128, 72]);
      for (let cy = 0; cy < height; cy += 8)
        for (let cx = 0; cx < width; cx += 8) {
          const inCell = new Set<number>();
          for (let y = cy; y < cy + 8; y++) for (let x = cx; x < cx + 8; x++) inCell.add(colourAt(data, y * width + x));
          if (inCell.size > 2) throw new Error(`${f}: cell (${cx / 8}, ${cy / 8}) has ${inCell.size} colours`);
          for (const c of inCell) expect(zx.has(c)).toBe(true);
          cells++;
        }
    }
    expect(cells).toBe(16 * 9 * plan.totalFrames);
  });

  it('a <Retro> scene inside the film renders at its grid and keeps its palette in the film frame', async () => {
    const gb = paletteSet('gameboy');
    const still = await rgb(path.join(out, 'shots/street/ws/still.png'));
    expect([still.width, still.height]).toEqual([160, 90]);
    const colours = new Set<number>();
    for (let i = 0; i < still.width * still.height; i++) colours.add(colourAt(still.data, i));
    expect([...colours].every((c) => gb.has(c))).toBe(true);
    expect(colours.size).toBe(4);
    // The graded scene is not quantised.
    const room = await rgb(path.join(out, 'shots/room/ms/still.png'));
    const rc = new Set<number>();
    for (let i = 0; i < room.width * room.height; i++) rc.add(colourAt(room.data, i));
    expect(rc.size).toBeGreaterThan(200);
  });

  it('a rerun reuses every shot, variant shot and deliverable', async () => {
    const before = readManifest(path.join(out, 'manifest.json'))!.outputs.map((o) => `${o.path} ${o.hash}`).sort();
    const events: string[] = [];
    const again = await renderFilm(plan, { out, profile: 'draft', onEvent: (e) => e.type === 'conform' && events.push(e.output) });
    expect(again.rendered).toEqual([]);
    expect(events).toEqual([]);
    const after = readManifest(path.join(out, 'manifest.json'))!.outputs.map((o) => `${o.path} ${o.hash}`).sort();
    expect(after).toEqual(before);
  }, 120_000);
});
