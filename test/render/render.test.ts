// Rendering for real: Chromium + three.js + FFmpeg on a tiny film (160×90 draft, 12 fps).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFilm } from '../../src/pipeline/load';
import { ManifestSchema, readManifest } from '../../src/deliver/manifest';
import { movieInfo, renderFilm } from '../../src/render/film';
import { FilmPlanSchema, type FilmPlan } from '../../src/plan/schema';
import { probe } from '../../src/util/ffmpeg';
import { repoRoot } from '../core/helpers';

const tiny = path.join(repoRoot, 'test/fixtures/films/tiny.tsx');
const tmp = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `kino-${name}-`));

async function pixelStats(file: string): Promise<{ stdev: number; mean: number; raw: Buffer; width: number; height: number }> {
  const img = sharp(file).removeAlpha();
  const { data, info } = await img.raw().toBuffer({ resolveWithObject: true });
  const st = await sharp(file).stats();
  const stdev = st.channels.slice(0, 3).reduce((a, c) => a + c.stdev, 0) / 3;
  const mean = st.channels.slice(0, 3).reduce((a, c) => a + c.mean, 0) / 3;
  return { stdev, mean, raw: data, width: info.width, height: info.height };
}

function meanAbsDiff(a: Buffer, b: Buffer): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.abs(a[i] - b[i]);
  return s / a.length;
}

let plan: FilmPlan;
let out: string;
let first: Awaited<ReturnType<typeof renderFilm>>;

beforeAll(async () => {
  const loaded = await loadFilm(tiny);
  expect(loaded.errors).toEqual([]);
  plan = loaded.plan!;
  out = tmp('render');
  first = await renderFilm(plan, { out, profile: 'draft' });
}, 240_000);

describe('kino render (three.js backend)', () => {
  it('writes the output folder: clips, cuts, stills, the movie, film.json, manifest and contact sheet', () => {
    for (const s of plan.scenes)
      for (const sh of s.shots) {
        for (const f of ['clip.mp4', 'still.jpg']) expect(fs.existsSync(path.join(out, 'shots', s.id, sh.id, f)), `${sh.key}/${f}`).toBe(true);
      }
    // Draft renders encode each frame once: only shots a transition touches get a separate cut.
    expect(fs.existsSync(path.join(out, 'shots/room/ben-ms/cut.mp4'))).toBe(true);
    expect(fs.existsSync(path.join(out, 'shots/street/street-ms/cut.mp4'))).toBe(true);
    expect(fs.existsSync(path.join(out, 'shots/room/wide/cut.mp4'))).toBe(false);
    expect(fs.existsSync(path.join(out, 'deliverables/tiny.mp4'))).toBe(true);
    expect(fs.existsSync(path.join(out, 'reports/contact-sheet.png'))).toBe(true);
    expect(FilmPlanSchema.safeParse(JSON.parse(fs.readFileSync(path.join(out, 'film.json'), 'utf8'))).success).toBe(true);
    const m = ManifestSchema.parse(JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')));
    expect(m.size).toEqual([160, 90]);
    expect(m.renderer).toMatch(/SwiftShader|ANGLE|Mesa|NVIDIA|llvmpipe/i);
    for (const o of m.outputs) {
      expect(o.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(o.inputsHash).toMatch(/^[0-9a-f]{64}$/);
      expect(fs.existsSync(path.join(out, o.path)), o.path).toBe(true);
    }
    expect(first.rendered.length).toBe(plan.scenes.reduce((n, s) => n + s.shots.length, 0));
  });

  it('delivers a movie whose ffprobe duration and frame count match the plan within one frame', async () => {
    const info = await movieInfo(path.join(out, 'deliverables/tiny.mp4'));
    expect(info.width).toBe(160);
    expect(Math.abs(info.frames - plan.totalFrames)).toBeLessThanOrEqual(1);
    expect(Math.abs(info.duration - plan.totalFrames / plan.fpsValue)).toBeLessThanOrEqual(1 / plan.fpsValue + 1e-6);
    // Each editorial clip carries its shot plus the handles its transitions need.
    const m = readManifest(path.join(out, 'manifest.json'))!;
    for (const s of plan.scenes)
      for (const sh of s.shots) {
        const clip = await movieInfo(path.join(out, 'shots', s.id, sh.id, 'clip.mp4'));
        expect(clip.frames, sh.key).toBe(m.shots[sh.key].clipFrames);
        expect(m.shots[sh.key].frameHashes).toHaveLength(sh.frames);
      }
    expect(m.shots['street/street-ms'].handles[0]).toBe(3);
    expect(m.shots['room/ben-ms'].handles[1]).toBe(3);
  });

  it('renders real pictures: every shot far from blank, and different shots differ', async () => {
    const stills = plan.scenes.flatMap((s) => s.shots.map((sh) => path.join(out, 'shots', s.id, sh.id, 'still.jpg')));
    const stats = await Promise.all(stills.map(pixelStats));
    // A blank frame has stdev 0; a lit set with people has tens of levels of variation.
    for (const [i, st] of stats.entries()) expect(st.stdev, stills[i]).toBeGreaterThan(12);
    for (let i = 0; i < stats.length; i++)
      for (let j = i + 1; j < stats.length; j++) expect(meanAbsDiff(stats[i].raw, stats[j].raw), `${stills[i]} vs ${stills[j]}`).toBeGreaterThan(6);
  });

  it('fades out to black at the end and dissolves between scenes', async () => {
    const lastCut = path.join(out, 'shots/street/street-ms/cut.mp4');
    const frames = path.join(tmp('frames'), 'f%03d.png');
    const { runFfmpeg } = await import('../../src/util/ffmpeg');
    await runFfmpeg(['-i', lastCut, frames]);
    const dir = path.dirname(frames);
    const names = fs.readdirSync(dir).sort();
    const last = await pixelStats(path.join(dir, names[names.length - 1]));
    const mid = await pixelStats(path.join(dir, names[Math.floor(names.length / 2)]));
    expect(last.mean).toBeLessThan(mid.mean * 0.35);
  });

  it('is deterministic: rendering again gives identical frame hashes', async () => {
    const again = await renderFilm(plan, { out: tmp('again'), profile: 'draft' });
    for (const [key, rec] of Object.entries(first.manifest.shots)) expect(again.manifest.shots[key].frameHashes, key).toEqual(rec.frameHashes);
  });

  it('is incremental: an unchanged film renders nothing; changing one shot re-renders only that shot', async () => {
    const same = await renderFilm(plan, { out, profile: 'draft' });
    expect(same.rendered).toEqual([]);
    const changed: FilmPlan = JSON.parse(JSON.stringify(plan));
    changed.scenes[0].shots[1].camera.focalLengthMm = 100;
    const next = await renderFilm(changed, { out, profile: 'draft' });
    expect(next.rendered).toEqual(['room/ana-cu']);
    expect(next.cached).toHaveLength(3);
  });

  it('retries a shot once when Chromium crashes mid-shot, and the film still completes', async () => {
    let crashed = false;
    const dir = tmp('crash');
    const events: string[] = [];
    const r = await renderFilm(plan, {
      out: dir,
      profile: 'draft',
      batch: 2,
      onEvent: (e) => events.push(e.type),
      afterBatch: async (session, key) => {
        if (!crashed && key === 'room/ana-cu') {
          crashed = true;
          await session.crash();
        }
      },
    });
    expect(events).toContain('retry');
    expect(r.rendered).toHaveLength(4);
    const info = await movieInfo(r.movies[0]);
    expect(Math.abs(info.frames - plan.totalFrames)).toBeLessThanOrEqual(1);
  });

  it('writes depth, normal and object-id passes per shot', async () => {
    const one: FilmPlan = JSON.parse(JSON.stringify(plan));
    const dir = tmp('passes');
    await renderFilm(one, { out: dir, profile: 'draft', only: ['room/wide'], passes: ['depth', 'normal', 'id'] });
    for (const p of ['depth', 'normal', 'id']) {
      const files = fs.readdirSync(path.join(dir, 'shots/room/wide/passes', p));
      expect(files.length, p).toBe(plan.scenes[0].shots[0].frames);
    }
    const id = await sharp(path.join(dir, 'shots/room/wide/passes/id/000001.png')).raw().toBuffer({ resolveWithObject: true });
    const colours = new Set<number>();
    for (let i = 0; i < id.data.length; i += id.info.channels) colours.add((id.data[i] << 16) | (id.data[i + 1] << 8) | id.data[i + 2]);
    // Flat colours only: one per object (characters, props, walls, floor), no shading.
    expect(colours.size).toBeGreaterThan(3);
    expect(colours.size).toBeLessThan(20);
    const depth = await pixelStats(path.join(dir, 'shots/room/wide/passes/depth/000001.png'));
    expect(depth.stdev).toBeGreaterThan(5);
    // --only renders just that shot: no movie yet.
    expect(fs.existsSync(path.join(dir, 'deliverables'))).toBe(false);
  });

  it('encodes the formats a Film asks for (H.265, VP9, ProRes 4444)', async () => {
    const multi: FilmPlan = JSON.parse(JSON.stringify(plan));
    multi.outputs = [
      { name: 'h265', format: 'h265' },
      { name: 'web', format: 'vp9' },
      { name: 'master', format: 'prores4444' },
    ];
    // Shots are reused from the first render (only the one changed above re-renders).
    const r = await renderFilm(multi, { out, profile: 'draft' });
    expect(r.rendered.length).toBeLessThanOrEqual(1);
    const codecs = await Promise.all(r.movies.map(async (m) => (await probe(m)).streams[0].codec_name));
    expect(codecs).toEqual(['hevc', 'vp9', 'prores']);
  });
});
