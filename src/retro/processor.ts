// The retro stage for one shot: resize → (constraint plan) → dither → indices → RGBA → CRT.
// Stateful on purpose: it holds the shot's palette (adaptive palettes are built once, from sample
// frames, never per frame), the dither session (error-diffusion hysteresis), constraint choices
// and LCD ghosting. Call reset() at a cut.

import path from 'node:path';
import { KinoError, issue, type KinoIssue } from '../doc/errors';
import { sharedMatcher, type NearestColor } from './color/nearest';
import type { DistanceMetric } from './color/distance';
import { meanBlurredDeltaE } from './color/fidelity';
import { canonicalDitherName, isDiffusionName } from './dither/registry';
import type { LinearImage } from './linear-image';
import { planConstraint, CONSTRAINT_DEFAULT_PALETTE, type ConstraintState } from './constraints/index';
import { createCrt, type CrtSession } from './crt/crt';
import { DitherSession } from './dither/session';
import { TRANSPARENT_INDEX } from './dither/matcher';
import { readThresholdImage } from './dither/threshold-image';
import type { ThresholdMap } from './dither/threshold-map';
import { assertFrame, type Frame } from './frame';
import { RetroOptionsSchema, type RetroOptions, type RetroOptionsInput } from './options';
import { buildAdaptivePalette } from './palette/adaptive';
import type { Palette } from './palette/palette';
import { resolvePalette, resolvePaletteSync, type PaletteSpec } from './palette/resolve';
import { resizeToLinear } from './resize';

export interface IndexedFrame {
  width: number;
  height: number;
  /** Palette index per pixel; TRANSPARENT_INDEX (0xffff) where the source was transparent. */
  indices: Uint16Array;
  palette: Palette;
}

export interface ProcessFrameOptions {
  /** World- or layer-anchored pattern offset in output pixels (positional dithers). */
  ditherOffset?: { x: number; y: number };
}

export interface RetroProcessor {
  readonly options: RetroOptions;
  /** The colour metric in use (resolved from "auto" on the first frame). */
  readonly distance: DistanceMetric | undefined;
  /** The shot's palette (for adaptive palettes: available after the first frame or sample frames). */
  readonly palette: Palette | undefined;
  /** Quantised frame as palette indices, before any CRT. */
  quantize(frame: Frame, frameIndex?: number, opts?: ProcessFrameOptions): IndexedFrame;
  /** The finished frame: quantised, then CRT-simulated or upscaled as the options say. */
  process(frame: Frame, frameIndex?: number, opts?: ProcessFrameOptions): Frame;
  /** Forget everything carried between frames (use at a cut); the palette stays. */
  reset(): void;
}

export interface ProcessorContext {
  /** Relative palette/pattern paths resolve here. Default: cwd. */
  baseDir?: string;
  /** Frames an adaptive palette is built from (e.g. first, middle and last frame of the shot). */
  sampleFrames?: readonly Frame[];
  /** Pre-resolved palette (skips option resolution). */
  palette?: Palette;
  /** Pre-loaded threshold tile for the custom dither. */
  pattern?: ThresholdMap;
}

/** Parses options, reporting every problem at once as KinoError issues. */
export function parseRetroOptions(input: RetroOptionsInput, where = 'retro options'): RetroOptions {
  const r = RetroOptionsSchema.safeParse(input);
  if (r.success) return r.data;
  const issues: KinoIssue[] = r.error.issues.map((i) =>
    issue('retro/bad-option', `${where}: ${i.path.length ? i.path.join('.') + ': ' : ''}${i.message}`, { prop: i.path.join('.') || undefined }),
  );
  throw new KinoError(issues);
}

function requirePattern(o: RetroOptions, ctx: ProcessorContext): void {
  if (o.dither === 'custom' && !o.pattern && !ctx.pattern) {
    throw new KinoError(
      issue('retro/bad-option', 'The "custom" dither needs a pattern: an image whose brightness orders the threshold tile.', { prop: 'pattern', hint: 'Pass pattern: "hatch.png" (or --pattern hatch.png), e.g. an 8×8 greyscale tile.' }),
    );
  }
}

function adaptiveCount(spec: RetroOptions['palette']): number | undefined {
  if (typeof spec === 'object' && 'adaptive' in spec) return spec.adaptive;
  if (typeof spec === 'string') {
    const m = /^adaptive(?::(\d+))?$/i.exec(spec.trim());
    if (m) return m[1] ? Number(m[1]) : 16;
  }
  return undefined;
}

function paletteSpecOf(o: RetroOptions): PaletteSpec {
  const p = o.palette ?? CONSTRAINT_DEFAULT_PALETTE[o.constraint] ?? 'pico8';
  return p as PaletteSpec;
}

/** Creates the processor; resolves palette files, swatches and pattern images (async I/O). */
export async function createRetroProcessor(input: RetroOptionsInput, ctx: ProcessorContext = {}): Promise<RetroProcessor> {
  const o = parseRetroOptions(input);
  requirePattern(o, ctx);
  const baseDir = ctx.baseDir ?? process.cwd();
  let palette = ctx.palette;
  if (!palette && adaptiveCount(o.palette) === undefined) palette = await resolvePalette(paletteSpecOf(o), { baseDir });
  const pattern = ctx.pattern ?? (o.dither === 'custom' && o.pattern ? await readThresholdImage(path.resolve(baseDir, o.pattern)) : undefined);
  return buildProcessor(o, { ...ctx, palette, pattern });
}

/** Synchronous variant for options that need no image I/O (built-in/hex/text palettes, no custom pattern). */
export function createRetroProcessorSync(input: RetroOptionsInput, ctx: ProcessorContext = {}): RetroProcessor {
  const o = parseRetroOptions(input);
  let palette = ctx.palette;
  if (!palette && adaptiveCount(o.palette) === undefined) palette = resolvePaletteSync(paletteSpecOf(o), { baseDir: ctx.baseDir });
  requirePattern(o, ctx);
  if (o.dither === 'custom' && !ctx.pattern) {
    throw new KinoError(issue('retro/pattern-async', 'The custom dither reads an image; create the processor with createRetroProcessor (async) or pass ctx.pattern.'));
  }
  return buildProcessor(o, { ...ctx, palette });
}

function buildProcessor(o: RetroOptions, ctx: ProcessorContext): RetroProcessor {
  let palette = ctx.palette;
  let matcher: NearestColor | undefined;
  let distance: DistanceMetric | undefined = o.distance === 'auto' ? undefined : o.distance;
  const adaptive = adaptiveCount(o.palette);
  const settings = { dither: o.dither, strength: o.strength, serpentine: o.serpentine, hysteresis: o.hysteresis, pattern: ctx.pattern, gamutMap: o.gamutMap };
  const session = new DitherSession(settings);
  const feedsError = isDiffusionName(canonicalDitherName(o.dither) ?? '') || o.dither === 'knoll';

  /** Resolves "auto": see RetroOptionsSchema.distance. Runs once, on the shot's first frame. */
  const chooseDistance = (img: LinearImage): DistanceMetric => {
    if (!feedsError || o.strength === 0) return 'ciede2000';
    if (o.constraint !== 'none') return 'rgb';
    let best: DistanceMetric = 'rgb';
    let bestScore = Infinity;
    for (const metric of ['rgb', 'ciede2000'] as const) {
      const trial = new DitherSession({ ...settings, hysteresis: 0 });
      const m = sharedMatcher(palette!, metric);
      const idx = trial.run(img, m);
      const out = new Float32Array(img.rgb.length);
      for (let i = 0; i < idx.length; i++) {
        if (idx[i] === TRANSPARENT_INDEX) out.set(img.rgb.subarray(i * 3, i * 3 + 3), i * 3);
        else out.set(m.paletteLinear.subarray(idx[i] * 3, idx[i] * 3 + 3), i * 3);
      }
      const score = meanBlurredDeltaE(img.rgb, out, img.width, img.height);
      if (score < bestScore) {
        bestScore = score;
        best = metric;
      }
    }
    return best;
  };
  let constraintState: ConstraintState = {};
  const crt: CrtSession | undefined = o.crt ? createCrt(o.crt) : undefined;

  const ensurePalette = (frame: Frame): void => {
    if (palette) return;
    palette = buildAdaptivePalette(ctx.sampleFrames?.length ? ctx.sampleFrames : [frame], adaptive ?? 16);
  };
  if (palette || (adaptive && ctx.sampleFrames?.length)) {
    ensurePalette(ctx.sampleFrames?.[0] as Frame);
  }

  const quantize = (frame: Frame, frameIndex = 0, opts: ProcessFrameOptions = {}): IndexedFrame => {
    assertFrame(frame);
    ensurePalette(frame);
    const w = o.size?.width ?? frame.width;
    const h = o.size?.height ?? frame.height;
    const img = resizeToLinear(frame, w, h, { resample: o.resample, fit: o.fit });
    if (!distance) distance = chooseDistance(img);
    if (!matcher) matcher = sharedMatcher(palette!, distance);
    const plan = planConstraint(o.constraint, img, { palette: palette!, distance, matcher }, constraintState);
    const indices = session.run(plan.img, plan.target, { offsetX: opts.ditherOffset?.x, offsetY: opts.ditherOffset?.y });
    if (plan.expand) {
      const e = plan.expand(indices);
      return { width: e.width, height: e.height, indices: e.indices, palette: palette! };
    }
    return { width: plan.img.width, height: plan.img.height, indices, palette: palette! };
  };

  return {
    options: o,
    get palette() {
      return palette;
    },
    get distance() {
      return distance;
    },
    quantize,
    process(frame, frameIndex = 0, opts = {}) {
      const q = quantize(frame, frameIndex, opts);
      const rgba = indexedToFrame(q);
      if (crt) return crt.process(rgba, frameIndex);
      return o.upscale > 1 ? upscaleNearest(rgba, o.upscale) : rgba;
    },
    reset() {
      session.reset();
      constraintState = {};
      crt?.reset();
    },
  };
}

/** Palette indices → RGBA (transparent where the index is TRANSPARENT_INDEX). */
export function indexedToFrame(q: IndexedFrame): Frame {
  const n = q.width * q.height;
  const data = new Uint8Array(n * 4);
  const rgb = q.palette.rgb;
  for (let i = 0; i < n; i++) {
    const idx = q.indices[i];
    if (idx === TRANSPARENT_INDEX) continue;
    data[i * 4] = rgb[idx * 3];
    data[i * 4 + 1] = rgb[idx * 3 + 1];
    data[i * 4 + 2] = rgb[idx * 3 + 2];
    data[i * 4 + 3] = 255;
  }
  return { width: q.width, height: q.height, data };
}

/** Integer nearest-neighbour upscale: each pixel becomes a k×k block. */
export function upscaleNearest(f: Frame, k: number): Frame {
  if (k === 1) return f;
  const W = f.width * k, H = f.height * k;
  const bytes = f.data.byteOffset % 4 === 0 ? f.data : f.data.slice();
  const src = new Uint32Array(bytes.buffer, bytes.byteOffset, f.width * f.height);
  const data = new Uint8Array(W * H * 4);
  const dst = new Uint32Array(data.buffer);
  for (let y = 0; y < H; y++) {
    const sr = ((y / k) | 0) * f.width;
    for (let x = 0; x < W; x++) dst[y * W + x] = src[sr + ((x / k) | 0)];
  }
  return { width: W, height: H, data };
}
