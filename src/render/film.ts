// Rendering a whole film: one browser, shot by shot, each shot's frames streamed into FFmpeg as
// they render (the page renders frame n+1 while Node writes frame n), then the conform, the
// contact sheet and the manifest.
//
// Incremental and resumable: every shot has an inputs hash (its plan, its scene's world, the
// neighbours it dissolves with, the profile, the renderer build). A shot whose hash and files are
// unchanged is not rendered again. Files are committed atomically and the manifest is rewritten
// after every shot, so a render killed with SIGKILL resumes where it stopped.

import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { KinoError, issue, isKinoError } from '../doc/errors';
import { conform, deliverableName } from '../deliver/conform';
import { OutputLayout } from '../deliver/layout';
import { MANIFEST_VERSION, readManifest, writeManifest, type Manifest, type OutputEntry, type ShotRecord } from '../deliver/manifest';
import { shotsTouchedByTransitions } from '../plan/evaluate';
import type { FilmPlan, ScenePlan, ShotPlan } from '../plan/schema';
import { hashFile, hashValue, sha256 } from '../util/hash';
import { removeStaleTemps, writeFileAtomic } from '../util/fs';
import { probe } from '../util/ffmpeg';
import { loadModels } from './assets';
import { pageBundle } from './bundle';
import type { FrameRequest, FrameResult } from './page/index';
import { PROFILES, renderSize, type PassName, type RenderProfile } from './profiles';
import { RenderSession } from './session';
import { ShotWriter } from './shot-writer';
import { lutAssets, needsLookPath, renderLookShot, renderVariant, variantOutputs, type LookJob } from './looks';

const pkgVersion = (JSON.parse(fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../../package.json'), 'utf8')) as { version: string }).version;

export type RenderEvent =
  | { type: 'start'; shots: number; toRender: number; frames: number; size: [number, number]; renderer?: string }
  | { type: 'shot-start'; key: string; index: number; of: number; frames: number }
  | { type: 'progress'; key: string; done: number; frames: number; fps: number; etaShot: number; etaTotal: number }
  | { type: 'shot-done'; key: string; frames: number; seconds: number; fps: number; cached: boolean }
  | { type: 'retry'; key: string; reason: string }
  | { type: 'conform'; output: string }
  | { type: 'done'; seconds: number };

export interface RenderOptions {
  out: string;
  profile?: RenderProfile['name'];
  /** Only these shots ("scene/shot") or scenes ("scene"). */
  only?: string[];
  /** Re-render even when cached. */
  force?: boolean;
  /** Override the profile's passes. */
  passes?: PassName[];
  onEvent?: (e: RenderEvent) => void;
  /** Frames per page call: more amortises the round trip, fewer keeps memory low. */
  batch?: number;
  /** Test hook: called after each frame batch; may crash the session. */
  afterBatch?: (session: RenderSession, key: string, done: number) => Promise<void>;
  /** A mixed soundtrack to mux into the deliverables (from the sound department). */
  audio?: { mix: string; inputsHash: string };
}

export interface RenderSummary {
  out: string;
  manifest: Manifest;
  rendered: string[];
  cached: string[];
  movies: string[];
  contactSheet?: string;
  seconds: number;
  renderer: string;
}

export interface ShotJob {
  scene: ScenePlan;
  sceneIndex: number;
  shotIndex: number;
  shot: ShotPlan;
  handles: [number, number];
  /** A transition or fade touches the shot, so its cut differs from its clip. */
  blended: boolean;
  inputsHash: string;
}

/** Transition frames a shot needs beyond its edit range (half of each dissolve or wipe). */
function handlesOf(flat: ShotPlan[], i: number): [number, number] {
  const s = flat[i];
  const next = flat[i + 1];
  const tin = s.transitionIn && (s.transitionIn.kind === 'dissolve' || s.transitionIn.kind === 'wipe') && i > 0 ? Math.floor(s.transitionIn.frames / 2) : 0;
  const tout = next?.transitionIn && (next.transitionIn.kind === 'dissolve' || next.transitionIn.kind === 'wipe') ? Math.ceil(next.transitionIn.frames / 2) : 0;
  return [tin, tout];
}

/** What a scene's pictures depend on, apart from the shot itself. */
function sceneWorld(s: ScenePlan) {
  return { sets: s.sets, props: s.props, marks: s.marks, backdrop: s.backdrop, lights: s.lights, characters: s.characters, cast: s.cast, performances: s.performances, tracks: s.tracks };
}

export async function renderFilm(plan: FilmPlan, opts: RenderOptions): Promise<RenderSummary> {
  const t0 = performance.now();
  const profile = PROFILES[opts.profile ?? 'draft'];
  const passes = opts.passes ?? profile.passes;
  const size = renderSize(plan.resolution, profile);
  const layout = new OutputLayout(path.resolve(opts.out));
  const emit = opts.onEvent ?? (() => {});
  await fsp.mkdir(layout.root, { recursive: true });
  await removeStaleTemps(layout.root);
  const models = loadModels(plan);
  const rendererHash = sha256(await pageBundle()).slice(0, 16);
  const settings = { rendererHash, profile, passes, size, fps: plan.fps, seed: plan.seed, models: models.map((m) => m.hash) };

  const flat: ShotPlan[] = plan.scenes.flatMap((s) => s.shots);
  const touched = shotsTouchedByTransitions(plan);
  const jobs: ShotJob[] = [];
  let fi = 0;
  plan.scenes.forEach((scene, si) =>
    scene.shots.forEach((shot, shi) => {
      const i = fi++;
      const handles = handlesOf(flat, i);
      // Neighbours matter only when a transition mixes their pictures into this shot.
      const prev = shot.transitionIn && i > 0 ? flat[i - 1] : undefined;
      const next = flat[i + 1]?.transitionIn ? flat[i + 1] : undefined;
      const sceneOf = (s?: ShotPlan) => (s ? plan.scenes.find((x) => x.shots.includes(s)) : undefined);
      const inputsHash = hashValue({
        settings,
        shot,
        world: sceneWorld(scene),
        prev: prev && { shot: prev, world: sceneOf(prev) === scene ? 'same' : sceneWorld(sceneOf(prev)!) },
        next: next && { shot: next, world: sceneOf(next) === scene ? 'same' : sceneWorld(sceneOf(next)!) },
      });
      const blended = touched.has(shot.key);
      jobs.push({ scene, sceneIndex: si, shotIndex: shi, shot, handles, blended, inputsHash });
    }),
  );

  const wanted = (j: ShotJob) => !opts.only?.length || opts.only.some((o) => o === j.shot.key || o === j.scene.id);
  if (opts.only?.length) {
    const unknown = opts.only.filter((o) => !jobs.some((j) => j.shot.key === o || j.scene.id === o));
    if (unknown.length) {
      throw new KinoError(unknown.map((u) => issue('cli/only', `--only ${u}: no such scene or shot.`, { hint: `Shots: ${jobs.slice(0, 12).map((j) => j.shot.key).join(', ')}${jobs.length > 12 ? ', …' : ''}` })));
    }
  }

  const previous = readManifest(layout.manifest);
  const manifest: Manifest = {
    schemaVersion: MANIFEST_VERSION,
    kino: pkgVersion,
    renderer: previous?.renderer ?? '',
    title: plan.title,
    profile: profile.name,
    size,
    fps: plan.fps,
    totalFrames: plan.totalFrames,
    duration: plan.totalFrames / plan.fpsValue,
    shots: {},
    outputs: [],
  };
  // Keep what is still valid from the previous run.
  const upToDate = async (j: ShotJob): Promise<boolean> => {
    if (opts.force) return false;
    const rec = previous?.shots[j.shot.key];
    if (!rec || rec.inputsHash !== j.inputsHash) return false;
    const files = previous!.outputs.filter((o) => o.shot === j.shot.key);
    if (!files.length) return false;
    for (const f of files) {
      const p = path.join(layout.root, f.path);
      try {
        const st = await fsp.stat(p);
        if (f.kind !== 'pass' && st.size !== f.bytes) return false;
      } catch {
        return false;
      }
    }
    manifest.shots[j.shot.key] = rec;
    manifest.outputs.push(...files);
    return true;
  };
  const todo: ShotJob[] = [];
  const cached: string[] = [];
  for (const j of jobs) {
    if (await upToDate(j)) cached.push(j.shot.key);
    else if (wanted(j)) todo.push(j);
  }

  emit({ type: 'start', shots: jobs.length, toRender: todo.length, frames: todo.reduce((n, j) => n + j.shot.frames, 0), size });
  const rendered: string[] = [];
  let session: RenderSession | undefined;
  const totalTodoFrames = todo.reduce((n, j) => n + j.shot.frames + j.handles[0] + j.handles[1], 0);
  let doneFrames = 0;
  const renderStart = performance.now();
  try {
    for (let k = 0; k < todo.length; k++) {
      const job = todo[k];
      emit({ type: 'shot-start', key: job.shot.key, index: k + 1, of: todo.length, frames: job.shot.frames });
      let attempt = 0;
      for (;;) {
        try {
          if (!session) {
            session = new RenderSession(plan, size, profile.page, models, { luts: lutAssets(plan) });
            await session.open();
            manifest.renderer = session.info.renderer;
          }
          // Shots whose look needs Node-side post-processing (retro, displays) take src/render/looks.ts.
          const run = needsLookPath(plan, job.shot) ? renderLookJob : renderShot;
          const { record, files } = await run(session, job, plan, layout, passes, profile, opts, (done, fps) => {
            const frames = job.shot.frames + job.handles[0] + job.handles[1];
            const elapsed = (performance.now() - renderStart) / 1000;
            const overall = (doneFrames + done) / Math.max(1e-3, elapsed);
            emit({ type: 'progress', key: job.shot.key, done, frames, fps, etaShot: (frames - done) / Math.max(1e-3, fps), etaTotal: (totalTodoFrames - doneFrames - done) / Math.max(1e-3, overall) });
          });
          manifest.shots[job.shot.key] = record;
          manifest.outputs = manifest.outputs.filter((o) => o.shot !== job.shot.key).concat(files);
          await writeManifest(layout.manifest, manifest);
          rendered.push(job.shot.key);
          doneFrames += job.shot.frames + job.handles[0] + job.handles[1];
          emit({ type: 'shot-done', key: job.shot.key, frames: record.clipFrames, seconds: record.renderSeconds, fps: record.clipFrames / Math.max(1e-6, record.renderSeconds), cached: false });
          break;
        } catch (e) {
          const crashed = isKinoError(e) && (e.code === 'render/page' || e.code === 'render/closed');
          await session?.close();
          session = undefined;
          if (!crashed || attempt >= 1) {
            if (crashed) throw new KinoError(issue('render/shot-failed', `Shot ${job.shot.key} failed twice: ${(e as KinoError).issues[0].message}`, { location: job.shot.source, hint: 'Earlier shots are saved; rerun to resume. If it keeps failing, try --profile draft or a smaller resolution.' }));
            throw e;
          }
          attempt++;
          emit({ type: 'retry', key: job.shot.key, reason: (e as KinoError).issues[0].message });
        }
      }
    }

    // Stills and the contact sheet need every shot.
    const complete = jobs.every((j) => manifest.shots[j.shot.key]);
    const movies: string[] = [];
    let contactSheet: string | undefined;
    if (complete) {
      const cuts = jobs.map((j) => (profile.lossless || j.blended ? layout.cut(j.scene.id, j.shot.id, profile.lossless) : layout.clip(j.scene.id, j.shot.id)));
      const filmInputs = hashValue({ shots: jobs.map((j) => j.inputsHash), audio: opts.audio?.inputsHash });
      const variants = variantOutputs(plan);
      for (const o of plan.outputs.filter((x) => !variants.some((v) => v.output === x))) {
        const target = path.join(layout.deliverables, deliverableName(o.name, o.format));
        const rel = layout.rel(target);
        const inputsHash = hashValue({ filmInputs, output: o });
        const prev = previous?.outputs.find((x) => x.path === rel && x.kind === 'movie');
        let entry: OutputEntry | undefined;
        if (!opts.force && prev && prev.inputsHash === inputsHash && fs.existsSync(target)) entry = prev;
        else {
          emit({ type: 'conform', output: rel });
          const size = o.resolution && (o.resolution[0] !== manifest.size[0] || o.resolution[1] !== manifest.size[1]) ? (o.resolution as [number, number]) : undefined;
          await conform({ cuts, fps: plan.fps, target, format: o.format, size, crf: o.crf, audio: opts.audio?.mix, copyH264: !profile.lossless && o.crf === undefined });
          entry = await fileEntry(layout, target, 'movie', inputsHash, o.format === 'png' ? undefined : { frames: plan.totalFrames, duration: plan.totalFrames / plan.fpsValue });
        }
        manifest.outputs = manifest.outputs.filter((x) => x.path !== rel).concat(entry);
        movies.push(target);
      }
      const sheetHash = hashValue({ stills: jobs.map((j) => j.inputsHash), title: plan.title });
      const prevSheet = previous?.outputs.find((x) => x.kind === 'contact-sheet');
      if (!opts.force && prevSheet && prevSheet.inputsHash === sheetHash && fs.existsSync(layout.contactSheet)) manifest.outputs = manifest.outputs.filter((x) => x.kind !== 'contact-sheet').concat(prevSheet);
      else {
        if (!session) {
          session = new RenderSession(plan, [64, 64], profile.page, []);
          await session.open();
        }
        await writeContactSheet(session, plan, jobs, layout, profile);
        manifest.outputs = manifest.outputs.filter((x) => x.kind !== 'contact-sheet').concat(await fileEntry(layout, layout.contactSheet, 'contact-sheet', sheetHash));
      }
      contactSheet = layout.contactSheet;

      // Styled outputs: the whole film again under each output's look, in its own folder.
      await session?.close();
      session = undefined;
      for (const v of variants) {
        const r = await renderVariant(
          { plan, layout, profile, models, previous, force: opts.force, audio: opts.audio, settings, size, batch: opts.batch, emit, fileEntry, jobs, renderShot: (s, j, p, l, ps, pr, o, prog) => renderShot(s, j as ShotJob, p, l, ps, pr, { ...opts, ...o }, prog) },
          v.output,
          v.style,
        );
        manifest.outputs = manifest.outputs.filter((x) => !r.entries.some((e) => e.path === x.path)).concat(r.entries);
        movies.push(r.movie);
        await writeManifest(layout.manifest, manifest);
      }
    }
    await writeFileAtomic(layout.filmJson, JSON.stringify(plan, null, 2) + '\n');
    manifest.outputs = manifest.outputs.filter((x) => x.kind !== 'plan').concat(await fileEntry(layout, layout.filmJson, 'plan', hashValue(plan)));
    await writeManifest(layout.manifest, manifest);
    const seconds = (performance.now() - t0) / 1000;
    emit({ type: 'done', seconds });
    return { out: layout.root, manifest, rendered, cached, movies, contactSheet, seconds, renderer: manifest.renderer };
  } finally {
    await session?.close();
  }
}

export async function fileEntry(layout: OutputLayout, file: string, kind: OutputEntry['kind'], inputsHash: string, extra: { frames?: number; duration?: number; shot?: string } = {}): Promise<OutputEntry> {
  const st = await fsp.stat(file);
  let hash: string;
  let bytes = st.size;
  if (st.isDirectory()) {
    const names = (await fsp.readdir(file)).sort();
    const hashes: string[] = [];
    bytes = 0;
    for (const n of names) {
      hashes.push(await hashFile(path.join(file, n)));
      bytes += (await fsp.stat(path.join(file, n))).size;
    }
    hash = sha256(hashes.join('\n'));
  } else hash = await hashFile(file);
  return { path: layout.rel(file), kind, hash, bytes, inputsHash, ...extra };
}

const renderLookJob: typeof renderShot = (session, job, plan, layout, passes, profile, opts, progress) =>
  renderLookShot(session, job as LookJob, plan, layout, passes, profile, { batch: opts.batch, afterBatch: opts.afterBatch }, progress, fileEntry);

export async function renderShot(
  session: RenderSession,
  job: ShotJob,
  plan: FilmPlan,
  layout: OutputLayout,
  passes: PassName[],
  profile: RenderProfile,
  opts: RenderOptions,
  progress: (done: number, fps: number) => void,
): Promise<{ record: ShotRecord; files: OutputEntry[] }> {
  const t0 = performance.now();
  const codec = typeof profile.page.capture === 'number' ? 'mjpeg' : 'png';
  const writer = await ShotWriter.open(layout, job, plan, profile, passes, codec);
  const batch = Math.max(1, opts.batch ?? 3);
  const reqs: FrameRequest[][] = [];
  for (let f = writer.first; f < writer.last; f += batch) {
    const group: FrameRequest[] = [];
    for (let g = f; g < Math.min(writer.last, f + batch); g++) {
      const inCut = writer.inCut(g);
      group.push({ scene: job.sceneIndex, shot: job.shotIndex, editFrame: g, clip: true, cut: inCut, passes: inCut ? passes : [] });
    }
    reqs.push(group);
  }
  try {
    let done = 0;
    let inflight: Promise<FrameResult[]> | undefined = reqs.length ? session.frames(reqs[0]) : undefined;
    for (let b = 0; b < reqs.length; b++) {
      const results = await inflight!;
      // Ask for the next batch before encoding this one, so Chromium and FFmpeg work together.
      inflight = b + 1 < reqs.length ? session.frames(reqs[b + 1]) : undefined;
      inflight?.catch(() => undefined);
      for (let i = 0; i < results.length; i++) {
        const req = reqs[b][i];
        const r = results[i];
        const clipImage = Buffer.from(r.clip!, 'base64');
        await writer.clip(clipImage);
        if (req.cut) await writer.cut(req.editFrame, r.cut === 'clip' ? clipImage : Buffer.from(r.cut!, 'base64'), r.passes);
      }
      done += results.length;
      progress(done, done / Math.max(1e-3, (performance.now() - t0) / 1000));
      if (opts.afterBatch) await opts.afterBatch(session, job.shot.key, done);
    }
  } catch (e) {
    await writer.abort();
    throw e;
  }
  return writer.finish(fileEntry);
}

function tc(frame: number, fps: number): string {
  const n = Math.round(fps);
  const f = frame % n;
  const s = Math.floor(frame / n);
  return `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}:${String(f).padStart(2, '0')}`;
}

async function writeContactSheet(session: RenderSession, plan: FilmPlan, jobs: ShotJob[], layout: OutputLayout, profile: RenderProfile): Promise<void> {
  const page = session.rawPage!;
  const cells = [] as Array<{ png: string; lines: string[] }>;
  for (const j of jobs) {
    const still = [layout.still(j.scene.id, j.shot.id, true), layout.still(j.scene.id, j.shot.id)].find((p) => fs.existsSync(p));
    if (!still) continue;
    const s = j.shot;
    const lens = `${Math.round(s.camera.focalLengthMm)}mm`;
    cells.push({
      png: (await fsp.readFile(still)).toString('base64'),
      lines: [`${j.scene.number}  ${s.key}  ${s.name}`, `${s.size ?? s.type ?? ''} · ${lens} · ${tc(s.startFrame, plan.fpsValue)}–${tc(s.endFrame, plan.fpsValue)} · ${s.frames}f`],
    });
  }
  const subtitle = `${plan.scenes.length} scenes · ${jobs.length} shots · ${plan.totalFrames} frames (${(plan.totalFrames / plan.fpsValue).toFixed(1)} s at ${+plan.fpsValue.toFixed(3)} fps) · profile ${profile.name}`;
  const png = await page.evaluate((o) => (window as unknown as { kino: { contactSheet(o: unknown): Promise<string> } }).kino.contactSheet(o), { title: plan.title, subtitle, columns: 4, cellWidth: 320, cells });
  await writeFileAtomic(layout.contactSheet, Buffer.from(png, 'base64'));
}

/** Probe helper for tests and the CLI summary: duration and frame count of a delivered movie. */
export async function movieInfo(file: string): Promise<{ duration: number; frames: number; width: number; height: number }> {
  const p = await probe(file, { countFrames: true });
  const v = p.streams.find((s) => s.codec_type === 'video');
  if (!v) throw new KinoError(issue('deliver/probe', `${file} has no video stream.`));
  return { duration: Number(p.format.duration ?? v.duration ?? 0), frames: Number(v.nb_read_frames ?? v.nb_frames ?? 0), width: v.width ?? 0, height: v.height ?? 0 };
}
