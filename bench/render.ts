// bench:render — how close kino's capture+encode pipeline gets to the render-only limit, against
// the naive screenshot loop that screenshot-based tools use. All three run in one session on the
// same frames of the demo's busiest shot (the kitchen master: two characters, seven lights).
//
//   limit : render calls only, synced by a 1×1 readPixels (no capture, no encode)
//   kino  : kino's shot renderer — render, PNG inside the render call, pipelined into FFmpeg
//           (H.264 clip + lossless FFV1 cut), exactly as `kino render` runs it
//   naive : render, then page.screenshot() per frame piped to FFmpeg (libx264)
//
// Also: resident memory over a long render (--soak, 5 minutes by default), and the cost of
// re-rendering a 10-shot film after changing one shot, relative to the full render.
//
//   npm run bench:render [-- --frames 48 --hd-frames 16 --soak 300 --profile draft]

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadFilm } from '../src/pipeline/load';
import { OutputLayout } from '../src/deliver/layout';
import { loadModels } from '../src/render/assets';
import { renderFilm, renderShot, type ShotJob } from '../src/render/film';
import { PROFILES, type RenderProfile } from '../src/render/profiles';
import { RenderSession } from '../src/render/session';
import { spawnFfmpegPipe } from '../src/util/ffmpeg';
import type { FilmPlan } from '../src/plan/schema';

const { values } = parseArgs({
  options: {
    frames: { type: 'string', default: '48' },
    'hd-frames': { type: 'string', default: '24' },
    soak: { type: 'string', default: '300' },
    profile: { type: 'string', default: 'draft' },
    skip: { type: 'string', multiple: true, default: [] },
  },
});
const skip = new Set(values.skip as string[]);

/** RSS (bytes) of this process and all its descendants (Chromium's processes, FFmpeg). */
function treeRss(root = process.pid): number {
  const parent = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(d), Number(fields[1]));
      rss.set(Number(d), Number(fields[21]) * 4096);
    } catch {
      /* process gone */
    }
  }
  let total = 0;
  for (const [pid, r] of rss) {
    let p: number | undefined = pid;
    while (p && p !== root && p !== 1) p = parent.get(p);
    if (p === root) total += r;
  }
  return total;
}

function busiestShot(plan: FilmPlan): { sceneIndex: number; shotIndex: number } {
  let best = { sceneIndex: 0, shotIndex: 0, score: -1 };
  plan.scenes.forEach((s, si) =>
    s.shots.forEach((sh, shi) => {
      const score = s.characters.length * 10 + s.lights.length + (sh.size === 'WS' ? 5 : 0);
      if (score > best.score) best = { sceneIndex: si, shotIndex: shi, score };
    }),
  );
  return best;
}

async function compare(plan: FilmPlan, profile: RenderProfile, size: [number, number], frames: number): Promise<Record<string, number>> {
  const { sceneIndex, shotIndex } = busiestShot(plan);
  const shot = plan.scenes[sceneIndex].shots[shotIndex];
  const n = Math.min(frames, shot.frames);
  const models = loadModels(plan);
  const session = new RenderSession(plan, size, profile.page, models);
  await session.open();
  const reqs = Array.from({ length: n }, (_, i) => ({ scene: sceneIndex, shot: shotIndex, editFrame: shot.startFrame + i }));
  // Warm up: shader compilation and first shadow maps.
  for (const r of reqs.slice(0, 3)) await session.renderOnly(r);

  const t0 = performance.now();
  for (const r of reqs) await session.renderOnly(r);
  const limit = (performance.now() - t0) / 1000;

  // kino: the production shot renderer on a trimmed copy of the shot.
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'kino-bench-'));
  const trimmed: FilmPlan = JSON.parse(JSON.stringify(plan));
  const tshot = trimmed.scenes[sceneIndex].shots[shotIndex];
  tshot.endFrame = tshot.startFrame + n;
  tshot.frames = n;
  delete tshot.transitionIn;
  delete tshot.transitionOut;
  const job: ShotJob = { scene: trimmed.scenes[sceneIndex], sceneIndex, shotIndex, shot: tshot, handles: [0, 0], blended: false, inputsHash: 'bench' };
  const t1 = performance.now();
  await renderShot(session, job, trimmed, new OutputLayout(out), [], profile, { out }, () => {});
  const kino = (performance.now() - t1) / 1000;

  // naive: screenshot per frame, piped to FFmpeg.
  const page = session.rawPage!;
  const pipe = spawnFfmpegPipe(['-f', 'image2pipe', '-framerate', '24', '-c:v', 'png', '-i', '-', '-c:v', 'libx264', '-preset', profile.preset, '-crf', String(profile.crf), '-pix_fmt', 'yuv420p', path.join(out, 'naive.mp4')]);
  const t2 = performance.now();
  for (const r of reqs) {
    await session.renderOnly(r);
    const png = await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width: size[0], height: size[1] } });
    await pipe.write(png);
  }
  await pipe.end();
  const naive = (performance.now() - t2) / 1000;
  await session.close();
  fs.rmSync(out, { recursive: true, force: true });
  const fps = (s: number) => n / s;
  console.log(`  ${size[0]}×${size[1]} (${profile.name}), ${n} frames of ${shot.key}:`);
  console.log(`    render-only limit ${fps(limit).toFixed(1)} fps | kino end-to-end ${fps(kino).toFixed(1)} fps | naive screenshot loop ${fps(naive).toFixed(1)} fps`);
  console.log(`    kino = ${(limit / kino).toFixed(2)}× the limit (goal ≥ 0.85) and ${(naive / kino).toFixed(2)}× the naive loop (goal ≥ 1.4)`);
  return { limitFps: fps(limit), kinoFps: fps(kino), naiveFps: fps(naive), ofLimit: limit / kino, vsNaive: naive / kino };
}

async function soak(plan: FilmPlan, seconds: number): Promise<void> {
  // A long film: the demo's shots repeated until the render would take about `seconds`.
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'kino-soak-'));
  const samples: Array<{ t: number; rss: number }> = [];
  const start = performance.now();
  const timer = setInterval(() => samples.push({ t: (performance.now() - start) / 1000, rss: treeRss() }), 5000);
  const long: FilmPlan = JSON.parse(JSON.stringify(plan));
  const scenes = [...long.scenes];
  let frame = long.totalFrames;
  for (let k = 1; k < 12; k++) {
    for (const s of plan.scenes) {
      const copy = JSON.parse(JSON.stringify(s)) as FilmPlan['scenes'][number];
      copy.id = `${s.id}-${k}`;
      copy.index = scenes.length;
      copy.startFrame = frame;
      for (const sh of copy.shots) {
        sh.key = `${copy.id}/${sh.id}`;
        sh.startFrame = frame;
        sh.endFrame = frame + sh.frames;
        frame = sh.endFrame;
      }
      copy.endFrame = frame;
      scenes.push(copy);
    }
  }
  long.scenes = scenes;
  long.cut = scenes.flatMap((s) => s.shots.map((sh, i) => ({ scene: s.index, shot: i, startFrame: sh.startFrame, endFrame: sh.endFrame })));
  long.totalFrames = frame;
  const ctl = new AbortController();
  const deadline = setTimeout(() => ctl.abort(), seconds * 1000);
  try {
    await renderFilm(long, {
      out,
      profile: 'draft',
      afterBatch: async () => {
        if (ctl.signal.aborted) throw new Error('soak time reached');
      },
    });
  } catch (e) {
    if ((e as Error).message !== 'soak time reached') throw e;
  } finally {
    clearTimeout(deadline);
    clearInterval(timer);
    fs.rmSync(out, { recursive: true, force: true });
  }
  const warm = samples.filter((s) => s.t >= 30 && s.t < 60);
  const last = samples.slice(-6);
  const avg = (xs: typeof samples) => xs.reduce((a, s) => a + s.rss, 0) / Math.max(1, xs.length);
  const growth = avg(last) / avg(warm) - 1;
  console.log(`  resident memory (Node + Chromium + FFmpeg) over ${(samples.at(-1)?.t ?? 0).toFixed(0)} s: ${(avg(warm) / 2 ** 20).toFixed(0)} MiB at 30–60 s → ${(avg(last) / 2 ** 20).toFixed(0)} MiB in the last 30 s: ${(growth * 100).toFixed(1)} % (goal < 10 %)`);
}

async function incremental(plan: FilmPlan): Promise<void> {
  // Ten shots: the demo's first ten, re-timed into one scene-order edit.
  const ten: FilmPlan = JSON.parse(JSON.stringify(plan));
  let count = 0;
  for (const s of ten.scenes) {
    s.shots = s.shots.filter(() => count++ < 10);
  }
  ten.scenes = ten.scenes.filter((s) => s.shots.length);
  let frame = 0;
  for (const s of ten.scenes) {
    s.startFrame = frame;
    for (const sh of s.shots) {
      sh.startFrame = frame;
      sh.endFrame = frame + sh.frames;
      frame = sh.endFrame;
      delete sh.transitionIn;
      delete sh.transitionOut;
    }
    s.endFrame = frame;
  }
  ten.cut = ten.scenes.flatMap((s, si) => s.shots.map((sh, i) => ({ scene: si, shot: i, startFrame: sh.startFrame, endFrame: sh.endFrame })));
  ten.totalFrames = frame;
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'kino-incr-'));
  const full = await renderFilm(ten, { out, profile: 'draft' });
  const changed: FilmPlan = JSON.parse(JSON.stringify(ten));
  changed.scenes[0].shots[3].camera.focalLengthMm += 10;
  const again = await renderFilm(changed, { out, profile: 'draft' });
  fs.rmSync(out, { recursive: true, force: true });
  console.log(`  10-shot film (${ten.totalFrames} frames): full render ${full.seconds.toFixed(1)} s; after changing one shot ${again.seconds.toFixed(1)} s (${again.rendered.length} shot re-rendered) = ${((100 * again.seconds) / full.seconds).toFixed(0)} % (goal ≤ 20 %)`);
}

const film = await loadFilm(path.resolve('films/demo/film.tsx'));
if (!film.plan) throw new Error('demo film failed to plan');
const profile = PROFILES[values.profile as RenderProfile['name']];
console.log(`bench:render on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average ${os.loadavg()[0].toFixed(2)}`);
if (!skip.has('capture')) {
  await compare(film.plan, profile, [640, 360], Number(values.frames));
  await compare(film.plan, profile, [1920, 1080], Number(values['hd-frames']));
}
if (!skip.has('incremental')) await incremental(film.plan);
if (!skip.has('soak')) await soak(film.plan, Number(values.soak));
