// Looks in the render: shots (and Film outputs) whose style needs work outside the page.
//
// - Grades run on the page (grade-pass.ts); shots with only a grade take the ordinary path.
// - A retro look renders at its pixel grid (the session canvas is resized to e.g. 320×180 — the
//   frame is rendered at that size, never shrunk), captured as PNG, and each frame goes through a
//   per-shot retro processor (palette, dither with hysteresis, constraints) and the display
//   simulation in Node, then is fitted to the film's frame (integer nearest-neighbour enlargement
//   for pixel art, bars where the aspect differs) for the clip.
// - Where a transition mixes a shot with post-processing and another shot, the mix happens here,
//   after each view went through its own look (the page would mix the unprocessed pictures).
// - A Film output with a `style` is a variant: the whole film again under that look, in its own
//   folder (variants/<output>/shots/…), with its own inputs hashes, conformed into
//   deliverables/<output>.<ext>. A variant with a retro look replaces the shots' own retro looks
//   (the output names the target hardware) and keeps their grades; one with only a grade lays it
//   over every shot's look.

import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { isKinoError } from '../doc/errors';
import { conform, deliverableName } from '../deliver/conform';
import { OutputLayout } from '../deliver/layout';
import type { Manifest, OutputEntry, ShotRecord } from '../deliver/manifest';
import { evaluateFrame, type FrameState } from '../plan/evaluate';
import type { FilmPlan, ShotPlan } from '../plan/schema';
import { createCrt, createRetroProcessor, resolveCrtParams, type CrtSession, type CrtSpec, type Frame, type RetroOptionsInput, type RetroProcessor } from '../retro/index';
import { hashValue } from '../util/hash';
import { readCube } from '../vfx/lut';
import { hasPost, outputStyle, shotStyle, type ShotStyle } from '../vfx/style';
import type { ModelAsset } from './assets';
import type { FrameRequest, FrameResult } from './page/index';
import type { RenderEvent, ShotJob } from './film';
import type { PassName, RenderProfile } from './profiles';
import { ShotWriter } from './shot-writer';
import { RenderSession, type SessionOptions } from './session';

type KinoWindow = { kino: import('./page/index').KinoPageApi };

/** Every .cube LUT the plan's grades name, read once for the session. */
export function lutAssets(plan: FilmPlan): NonNullable<SessionOptions['luts']> {
  const files = new Set<string>();
  for (const sc of plan.scenes) for (const s of sc.shots) if (shotStyle(s)?.grade?.lut) files.add(shotStyle(s)!.grade!.lut!);
  for (const o of plan.outputs) {
    const lut = outputStyle(plan, o.name)?.grade?.lut;
    if (lut) files.add(lut);
  }
  return [...files].sort().map((f) => {
    const l = readCube(f);
    return { key: f, size: l.size, data: l.data };
  });
}

/** The pixel grid a shot's look renders at, when it is not the film's frame. */
export function lookSize(st: ShotStyle | undefined): [number, number] | undefined {
  return st?.size && hasPost(st) ? [st.size.width, st.size.height] : undefined;
}

/** A shot's frames need this module: its own look has post-processing, or a neighbour it mixes with does. */
export function needsLookPath(plan: FilmPlan, shot: ShotPlan): boolean {
  if (hasPost(shotStyle(shot))) return true;
  const flat = plan.scenes.flatMap((s) => s.shots);
  const i = flat.indexOf(shot);
  const prev = shot.transitionIn && i > 0 ? flat[i - 1] : undefined;
  const next = flat[i + 1]?.transitionIn ? flat[i + 1] : undefined;
  return hasPost(shotStyle(prev ?? ({} as ShotPlan))) || hasPost(shotStyle(next ?? ({} as ShotPlan)));
}

/** The Node half of a shot's look: retro quantisation, then the display. One per picture stream. */
export class PostChain {
  private constructor(
    private readonly retro: RetroProcessor | undefined,
    private readonly crt: CrtSession | undefined,
  ) {}

  /** `home`: the frame the result will be fitted to; a CRT whose scale is not given fills it. */
  static async create(st: ShotStyle, home?: [number, number]): Promise<PostChain> {
    const retro = st.retro ? await createRetroProcessor({ ...(st.retro as RetroOptionsInput), crt: undefined, upscale: st.crt ? 1 : (st.retro as { upscale?: number }).upscale }) : undefined;
    let crt: CrtSession | undefined;
    if (st.crt) {
      const spec = (typeof st.crt === 'string' ? { preset: st.crt } : st.crt) as Exclude<CrtSpec, string>;
      const scaleGiven = typeof st.crt === 'object' && 'scale' in st.crt;
      const grid = st.size?.height ?? 240;
      crt = createCrt(scaleGiven || !home ? spec : { ...spec, scale: Math.max(1, Math.min(12, Math.floor(home[1] / grid))) });
    }
    return new PostChain(retro, crt);
  }

  process(f: Frame, frameIndex: number): Frame {
    const q = this.retro ? this.retro.process(f, frameIndex) : f;
    return this.crt ? this.crt.process(q, frameIndex) : q;
  }
}

/** Size of the frames a style's post-processing produces from its grid. */
export function processedSize(st: ShotStyle, grid: [number, number]): [number, number] {
  if (st.crt) {
    const p = resolveCrtParams((typeof st.crt === 'string' ? st.crt : st.crt) as CrtSpec);
    return [Math.round(grid[0] * p.scale), Math.round(grid[1] * p.scale)];
  }
  const up = (st.retro as { upscale?: number } | undefined)?.upscale ?? 1;
  return [grid[0] * up, grid[1] * up];
}

export async function decodeFrame(b64: string): Promise<Frame> {
  const { data, info } = await sharp(Buffer.from(b64, 'base64')).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
}

/**
 * Fits a frame into w×h with black bars where the aspect differs. Pixel art is scaled with
 * nearest-neighbour only — by the largest whole factor first, so most pixels stay even, then to
 * the exact size — so every output colour is still a palette colour; a display-simulated frame is
 * resampled smoothly (Lanczos).
 */
export async function fitFrame(f: Frame, w: number, h: number, pixelArt: boolean): Promise<Frame> {
  if (f.width === w && f.height === h) return f;
  let img = sharp(Buffer.from(f.data.buffer, f.data.byteOffset, f.data.length), { raw: { width: f.width, height: f.height, channels: 4 } });
  let cw = f.width, ch = f.height;
  const k = Math.floor(Math.min(w / f.width, h / f.height));
  if (pixelArt && k >= 2) {
    cw *= k;
    ch *= k;
    img = sharp(await img.resize(cw, ch, { kernel: 'nearest' }).raw().toBuffer(), { raw: { width: cw, height: ch, channels: 4 } });
  }
  const { data, info } = await img
    .resize(w, h, { fit: 'contain', kernel: pixelArt ? 'nearest' : 'lanczos3', background: { r: 0, g: 0, b: 0, alpha: 1 } })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
}

const srgb = (c: number) => (c <= 0.0031308 ? c * 12.92 : 1.055 * Math.pow(c, 1 / 2.4) - 0.055);

/**
 * A transition frame from two processed views (outgoing `a`, incoming `b`), in display space —
 * the maths of the page's output shader: dissolve = mix, wipe = soft edge along the direction,
 * then the fade toward a colour.
 */
export function mixFrames(a: Frame, b: Frame | undefined, st: Pick<FrameState, 'mix' | 'fade'>): Frame {
  const { width: w, height: h } = a;
  const out = new Uint8Array(w * h * 4);
  const fade = st.fade;
  const fc = fade ? fade.color.map((c) => Math.round(srgb(c) * 255)) : [0, 0, 0];
  const fa = fade?.amount ?? 0;
  const p = st.mix?.progress ?? 0;
  const dir = st.mix?.direction ?? 'left';
  for (let y = 0; y < h; y++) {
    const v = 1 - (y + 0.5) / h;
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 4;
      let t = 0;
      if (b && st.mix) {
        if (st.mix.kind === 'dissolve') t = p;
        else {
          const u = (x + 0.5) / w;
          const e = dir === 'left' ? 1 - u : dir === 'right' ? u : dir === 'up' ? v : 1 - v;
          const s = Math.min(1, Math.max(0, (e - (p - 0.01)) / 0.02));
          t = 1 - s * s * (3 - 2 * s);
        }
      }
      for (let c = 0; c < 3; c++) {
        const m = b ? a.data[i + c] * (1 - t) + b.data[i + c] * t : a.data[i + c];
        out[i + c] = Math.round(m * (1 - fa) + fc[c] * fa);
      }
      out[i + 3] = 255;
    }
  }
  return { width: w, height: h, data: out };
}

export async function encodePng(f: Frame): Promise<Buffer> {
  return sharp(Buffer.from(f.data.buffer, f.data.byteOffset, f.data.length), { raw: { width: f.width, height: f.height, channels: 4 } }).png({ compressionLevel: 1, adaptiveFiltering: false }).toBuffer();
}

/** Sets the page's canvas size and capture format. */
export async function setCanvas(session: RenderSession, size: [number, number], capture: 'png' | number): Promise<void> {
  await session.rawPage!.evaluate(([w, h, c]) => {
    const k = (window as unknown as KinoWindow).kino;
    k.resize(w, h);
    k.setCapture(c);
  }, [size[0], size[1], capture] as const);
}

/** Resizes the session's canvas and capture for a look, and returns how to put it back. */
async function useCanvas(session: RenderSession, size: [number, number], capture: 'png' | number | undefined): Promise<() => Promise<void>> {
  await setCanvas(session, size, 'png');
  return async () => {
    if (session.rawPage) await setCanvas(session, session.size, capture ?? 'png').catch(() => undefined);
  };
}

/** A shot job as the look path needs it: only the scene's id (variants render under other folders). */
export type LookJob = Omit<ShotJob, 'scene'> & { scene: { id: string } };

export interface LookShotOptions {
  /** The frame the clip is delivered at (default: the session's frame). */
  home?: [number, number];
  batch?: number;
  afterBatch?: (session: RenderSession, key: string, done: number) => Promise<void>;
  /** Manifest key of the shot (variants prefix it with the output name). */
  shotKey?: string;
  /** Manifest paths are relative to this root (variants write below it). */
  manifestRoot?: OutputLayout;
}

/**
 * Renders one shot whose look (or a neighbour's) needs Node-side post-processing: the clip and,
 * for shots a transition touches, the cut mixed from separately processed views. Writes the same
 * files as renderShot (clip, cut, still, passes) and returns the same record.
 */
export async function renderLookShot(
  session: RenderSession,
  job: LookJob,
  plan: FilmPlan,
  layout: OutputLayout,
  passes: PassName[],
  profile: RenderProfile,
  o: LookShotOptions,
  progress: (done: number, fps: number) => void,
  fileEntry: (layout: OutputLayout, file: string, kind: OutputEntry['kind'], inputsHash: string, extra?: { frames?: number; duration?: number; shot?: string }) => Promise<OutputEntry>,
): Promise<{ record: ShotRecord; files: OutputEntry[] }> {
  const { shot } = job;
  const t0 = performance.now();
  const home = o.home ?? session.size;
  const st = shotStyle(shot);
  const grid = lookSize(st) ?? home;
  // Processed frames are PNG whatever the profile captures: palettes must survive exactly.
  const writer = await ShotWriter.open(layout, job, plan, profile, passes, 'png');
  const restore = await useCanvas(session, grid, profile.page.capture);
  const post = st && hasPost(st) ? await PostChain.create(st, home) : undefined;
  // Each neighbour seen through a transition gets its own chain: its hysteresis state is its own.
  const others = new Map<string, PostChain | null>();
  const otherPost = async (s: ShotPlan): Promise<PostChain | null> => {
    if (!others.has(s.key)) {
      const os = shotStyle(s);
      others.set(s.key, os && hasPost(os) ? await PostChain.create(os, home) : null);
    }
    return others.get(s.key)!;
  };
  // Mixing on the page, then processing, is right when every view shares this look (a dissolve
  // inside a retro scene is quantised as one picture); otherwise each view is processed on its own
  // and the mix happens here.
  const postKey = (x: ShotStyle | undefined) => (x && hasPost(x) ? hashValue({ r: x.retro, c: x.crt, s: x.size }) : '');
  const ownKey = postKey(st);
  let cutPost: PostChain | undefined;
  const pixelArt = !!st?.retro && !st.crt;
  const first = writer.first;
  const last = writer.last;
  const batch = Math.max(1, o.batch ?? 3);
  try {
    let done = 0;
    for (let f = first; f < last; f += batch) {
      const reqs: FrameRequest[] = [];
      const states: Array<{ g: number; state?: FrameState; other?: number }> = [];
      for (let g = f; g < Math.min(last, f + batch); g++) {
        const inCut = g >= shot.startFrame && g < shot.endFrame;
        reqs.push({ scene: job.sceneIndex, shot: job.shotIndex, editFrame: g, clip: true, passes: inCut ? passes : [] });
        const entry: (typeof states)[number] = { g };
        if (inCut) {
          const state = evaluateFrame(plan, g);
          if (state.views.length > 1 || state.fade) {
            entry.state = state;
            const shared = !!ownKey && state.views.every((v) => postKey(shotStyle(plan.scenes[v.sceneIndex].shots[v.shotIndex])) === ownKey);
            if (shared) reqs[reqs.length - 1].cut = true;
            else {
              const ov = state.views.find((v) => v.shotKey !== shot.key);
              if (ov) {
                entry.other = reqs.length;
                reqs.push({ scene: ov.sceneIndex, shot: ov.shotIndex, editFrame: g, clip: true });
              }
            }
          }
        }
        states.push(entry);
      }
      const results: FrameResult[] = await session.frames(reqs);
      let k = 0;
      for (const e of states) {
        const r = results[k];
        const inCut = e.g >= shot.startFrame && e.g < shot.endFrame;
        let view = await decodeFrame(r.clip!);
        if (post) view = post.process(view, e.g - first);
        const clipFrame = await fitFrame(view, home[0], home[1], pixelArt);
        const clipPng = await encodePng(clipFrame);
        await writer.clip(clipPng);
        if (inCut) {
          let cutPng = clipPng;
          if (e.state && r.cut !== undefined) {
            // Mixed (and faded) on the page; processed as one picture by the cut stream's own chain.
            cutPost ??= await PostChain.create(st!, home);
            const mixed = cutPost.process(await decodeFrame(r.cut === 'clip' ? r.clip! : r.cut), e.g - first);
            cutPng = await encodePng(await fitFrame(mixed, home[0], home[1], pixelArt));
          } else if (e.state) {
            let otherFrame: Frame | undefined;
            if (e.other !== undefined) {
              const ov = e.state.views.find((v) => v.shotKey !== shot.key)!;
              const os = plan.scenes[ov.sceneIndex].shots[ov.shotIndex];
              const op = await otherPost(os);
              let of = await decodeFrame(results[e.other].clip!);
              if (op) of = op.process(of, e.g - first);
              otherFrame = await fitFrame(of, home[0], home[1], !!shotStyle(os)?.retro && !shotStyle(os)?.crt);
            }
            const outgoingIsThis = e.state.views[0].shotKey === shot.key;
            const a = otherFrame && !outgoingIsThis ? otherFrame : clipFrame;
            const b = otherFrame ? (outgoingIsThis ? otherFrame : clipFrame) : undefined;
            cutPng = await encodePng(mixFrames(a, b, e.state));
          }
          await writer.cut(e.g, cutPng, r.passes);
        }
        k += e.other !== undefined ? 2 : 1;
      }
      done += states.length;
      progress(done, done / Math.max(1e-3, (performance.now() - t0) / 1000));
      if (o.afterBatch) await o.afterBatch(session, shot.key, done);
    }
  } catch (e) {
    await writer.abort();
    throw e;
  } finally {
    await restore();
  }
  return writer.finish(fileEntry, { manifestRoot: o.manifestRoot, shotKey: o.shotKey });
}


/**
 * The plan as an output variant sees it: with a retro or display look, every shot renders through
 * the output's (its own grade kept); with a grade only, shots keep their looks and the session
 * lays the output's grade over them.
 */
export function variantPlan(plan: FilmPlan, vst: ShotStyle): FilmPlan {
  if (!hasPost(vst)) return plan;
  const copy = structuredClone(plan);
  for (const sc of copy.scenes)
    for (const s of sc.shots) {
      const own = shotStyle(s);
      const merged: ShotStyle = { looks: [...vst.looks, ...(own?.looks ?? [])], pixelSnap: vst.pixelSnap || !!own?.pixelSnap, size: vst.size };
      if (own?.grade) merged.grade = own.grade;
      if (vst.retro) merged.retro = vst.retro;
      if (vst.crt) merged.crt = vst.crt;
      s.ext = { ...(s.ext ?? {}), style: merged };
    }
  return copy;
}

export interface VariantContext {
  plan: FilmPlan;
  layout: OutputLayout;
  profile: RenderProfile;
  models: ModelAsset[];
  previous?: Manifest;
  force?: boolean;
  audio?: { mix: string; inputsHash: string };
  /** Per-shot settings hash of the main render (renderer build, profile, size …). */
  settings: unknown;
  /** The film's render size (what a grade-only variant delivers at). */
  size: [number, number];
  batch?: number;
  emit: (e: RenderEvent) => void;
  fileEntry: (layout: OutputLayout, file: string, kind: OutputEntry['kind'], inputsHash: string, extra?: { frames?: number; duration?: number; shot?: string }) => Promise<OutputEntry>;
  renderShot: (session: RenderSession, job: LookJob, plan: FilmPlan, layout: OutputLayout, passes: PassName[], profile: RenderProfile, opts: { batch?: number }, progress: (d: number, f: number) => void) => Promise<{ record: ShotRecord; files: OutputEntry[] }>;
  jobs: LookJob[];
}

/**
 * Renders one styled Film output: every shot again under its look into variants/<name>/, then
 * the deliverable. Unchanged shots (same inputs hash, files present) are reused.
 */
export async function renderVariant(ctx: VariantContext, output: FilmPlan['outputs'][number], vst: ShotStyle): Promise<{ entries: OutputEntry[]; movie: string }> {
  const { layout: main } = ctx;
  const vlayout = new OutputLayout(path.join(main.root, 'variants', output.name));
  const vplan = variantPlan(ctx.plan, vst);
  const post = hasPost(vst);
  // A retro variant delivers its processed pixel grid exactly: lossless cuts, no rescale.
  const profile: RenderProfile = post ? { ...ctx.profile, lossless: true } : ctx.profile;
  const grid: [number, number] = vst.size ? [vst.size.width, vst.size.height] : ctx.size;
  // Encoders want even sizes (4:2:0): an odd grid gets a one-pixel bar rather than a resample.
  const even = (n: number) => n + (n & 1);
  const home: [number, number] = post ? (processedSize(vst, grid).map(even) as [number, number]) : ctx.size;
  const entries: OutputEntry[] = [];
  const hashes: string[] = [];
  let session: RenderSession | undefined;
  // The output's grade is laid over every shot's by the session (shots keep their own grades).
  const look = { grade: vst.grade, pixelSnap: vst.pixelSnap };
  try {
    for (const j of ctx.jobs) {
      const shot = vplan.scenes[j.sceneIndex].shots[j.shotIndex];
      const key = `${output.name}@${shot.key}`;
      const inputsHash = hashValue({ main: j.inputsHash, variant: vst, home, profile: profile.lossless, settings: ctx.settings });
      hashes.push(inputsHash);
      const prevFiles = ctx.previous?.outputs.filter((x) => x.shot === key) ?? [];
      const cached = !ctx.force && prevFiles.length > 0 && prevFiles.every((x) => x.inputsHash === inputsHash && fs.existsSync(path.join(main.root, x.path)));
      if (cached) {
        entries.push(...prevFiles);
        ctx.emit({ type: 'shot-done', key, frames: shot.frames, seconds: 0, fps: 0, cached: true });
        continue;
      }
      const job: LookJob = { ...j, shot, inputsHash };
      const t0 = performance.now();
      ctx.emit({ type: 'shot-start', key, index: ctx.jobs.indexOf(j) + 1, of: ctx.jobs.length, frames: shot.frames });
      let frames = 0;
      for (let attempt = 0; ; attempt++) {
        try {
          if (!session) {
            session = new RenderSession(vplan, home, { ...profile.page, capture: 'png' }, ctx.models, { luts: lutAssets(vplan), look });
            await session.open();
          }
          const opts = { home, batch: ctx.batch, shotKey: key, manifestRoot: main };
          const r = needsLookPath(vplan, shot)
            ? await renderLookShot(session, job, vplan, vlayout, [], profile, opts, () => undefined, ctx.fileEntry)
            : await renderShotInto(ctx, session, job, vplan, vlayout, profile, key, main);
          entries.push(...r.files);
          frames = r.record.clipFrames;
          break;
        } catch (e) {
          const crashed = isKinoError(e) && (e.code === 'render/page' || e.code === 'render/closed');
          await session?.close();
          session = undefined;
          if (!crashed || attempt >= 1) throw e;
          ctx.emit({ type: 'retry', key, reason: (e as { issues: Array<{ message: string }> }).issues[0].message });
        }
      }
      const seconds = (performance.now() - t0) / 1000;
      ctx.emit({ type: 'shot-done', key, frames, seconds, fps: frames / Math.max(1e-6, seconds), cached: false });
    }
  } finally {
    await session?.close();
  }
  const target = path.join(main.deliverables, deliverableName(output.name, output.format));
  const rel = main.rel(target);
  const inputsHash = hashValue({ shots: hashes, audio: ctx.audio?.inputsHash, output });
  const prev = ctx.previous?.outputs.find((x) => x.path === rel && x.kind === 'movie');
  if (!ctx.force && prev && prev.inputsHash === inputsHash && fs.existsSync(target)) entries.push(prev);
  else {
    ctx.emit({ type: 'conform', output: rel });
    const cuts = ctx.jobs.map((j) => {
      const s = vplan.scenes[j.sceneIndex];
      const sh = s.shots[j.shotIndex];
      return profile.lossless || j.blended ? vlayout.cut(s.id, sh.id, profile.lossless) : vlayout.clip(s.id, sh.id);
    });
    // The output's resolution is its pixel grid when it has a retro look; otherwise its frame.
    const size = !post && output.resolution && (output.resolution[0] !== home[0] || output.resolution[1] !== home[1]) ? (output.resolution as [number, number]) : undefined;
    await conform({ cuts, fps: ctx.plan.fps, target, format: output.format, size, crf: output.crf, audio: ctx.audio?.mix, copyH264: !profile.lossless && output.crf === undefined && !size });
    entries.push(await ctx.fileEntry(main, target, 'movie', inputsHash, output.format === 'png' ? undefined : { frames: ctx.plan.totalFrames, duration: ctx.plan.totalFrames / ctx.plan.fpsValue }));
  }
  return { entries, movie: target };
}

/** The ordinary shot path inside a variant folder, with manifest paths and keys for the variant. */
async function renderShotInto(ctx: VariantContext, session: RenderSession, job: LookJob, plan: FilmPlan, vlayout: OutputLayout, profile: RenderProfile, key: string, main: OutputLayout) {
  const r = await ctx.renderShot(session, job, plan, vlayout, [], profile, { batch: ctx.batch }, () => undefined);
  const prefix = main.rel(vlayout.root);
  return { record: r.record, files: r.files.map((f) => ({ ...f, path: `${prefix}/${f.path}`, shot: key })) };
}

/** The Film outputs that carry a style: each is rendered as a variant. */
export function variantOutputs(plan: FilmPlan): Array<{ output: FilmPlan['outputs'][number]; style: ShotStyle }> {
  return plan.outputs.flatMap((o) => {
    const st = outputStyle(plan, o.name);
    return st ? [{ output: o, style: st }] : [];
  });
}
