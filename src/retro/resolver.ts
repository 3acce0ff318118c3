// The retro department's resolver. The style department (src/vfx) folds each shot's wrapper chain
// into ShotPlan.ext.style and leaves the retro and CRT layers it met, with their locations, in
// `retroLayers` / `crtLayers`. This resolver runs after it and turns those layers into validated
// RetroOptions (RetroOptionsSchema: defaults filled, palette names checked, files made absolute)
// and one CRT spec, and fixes the pixel grid the shot renders at. Bad input is reported with the
// file:line of the element that wrote it. Same for Film outputs (FilmPlan.ext.style.outputs).
//
// The plan is the contract between the two departments, so the fields read here are typed locally.

import fs from 'node:fs';
import { issue, isKinoError, type KinoIssue, type SourceLocation } from '../doc/errors';
import { suggest } from '../doc/validate';
import type { Resolver } from '../plan/resolvers';
import type { FilmPlan } from '../plan/schema';
import { CrtParamsSchema } from './crt/params';
import { CRT_PRESET_NAMES, type CrtPresetName } from './crt/presets';
import { RetroOptionsSchema } from './options';
import { resolvePaletteSync } from './palette/resolve';
import { RETRO_STYLES, RETRO_STYLE_NAMES, type RetroStyleName } from './styles';

interface Layer {
  source?: SourceLocation;
  componentPath?: string;
}
interface RetroLayer extends Layer {
  style?: string;
  options: Record<string, unknown>;
}
interface CrtLayer extends Layer {
  preset?: string;
  params?: Record<string, unknown>;
}
interface Size {
  width: number;
  height: number;
}
/** The part of ShotPlan.ext.style this department reads and writes. */
interface StyleExt {
  retroLayers?: RetroLayer[];
  crtLayers?: CrtLayer[];
  retro?: Record<string, unknown>;
  crt?: string | Record<string, unknown>;
  size?: Size;
  presetSize?: Size;
}

/** Scan lines a display-only look (CRT without a palette) renders at. */
export const DISPLAY_SOURCE_LINES = 240;

const CRT_KEYS = Object.keys(CrtParamsSchema.shape);

interface ResolveContext {
  issues: KinoIssue[];
  reported: Set<string>;
  /** Film aspect (width / height), for a display-only look's source size. */
  aspect: number;
  /** An output's resolution: the pixel grid unless the retro look names its own size. */
  resolution?: [number, number];
}

function push(ctx: ResolveContext, where: Layer | undefined, i: KinoIssue): void {
  const full = { ...i, location: i.location ?? where?.source, componentPath: i.componentPath ?? where?.componentPath };
  const k = `${full.location?.file}:${full.location?.line}:${full.code}:${full.message}`;
  if (ctx.reported.has(k)) return;
  ctx.reported.add(k);
  ctx.issues.push(full);
}

function sizeOf(v: unknown): Size | undefined {
  const r = RetroOptionsSchema.shape.size.safeParse(v);
  return r.success ? r.data : undefined;
}

/** Folds and validates one style's retro and CRT layers in place. */
export function resolveRetroStyle(st: StyleExt, ctx: ResolveContext): void {
  const layers = st.retroLayers ?? [];
  let opts: Record<string, unknown> = {};
  const setBy = new Map<string, RetroLayer>();
  let explicitSize: Size | undefined;
  for (const l of layers) {
    if (l.style !== undefined) {
      const base = RETRO_STYLES[l.style as RetroStyleName];
      if (!base) {
        const s = suggest(l.style, RETRO_STYLE_NAMES);
        push(ctx, l, issue('retro/unknown-style', `Unknown retro style "${l.style}". Styles: ${RETRO_STYLE_NAMES.join(', ')}.`, { prop: 'style', hint: s ? `Did you mean "${s}"?` : undefined }));
      } else {
        // A look replaces what outer layers set: it is a complete target.
        opts = { ...(base.options as Record<string, unknown>) };
        setBy.clear();
        explicitSize = undefined;
        for (const k of Object.keys(opts)) setBy.set(k, l);
      }
    }
    for (const [k, v] of Object.entries(l.options)) {
      if (v === undefined) continue;
      opts[k] = v;
      setBy.set(k, l);
      if (k === 'size') explicitSize = sizeOf(v);
    }
  }
  const embeddedCrt = opts.crt as string | Record<string, unknown> | undefined;
  const crtFrom = setBy.get('crt');
  delete opts.crt;

  let size: Size | undefined;
  if (layers.length) {
    const r = RetroOptionsSchema.safeParse(opts);
    if (!r.success) {
      for (const i of r.error.issues) {
        const key = String(i.path[0] ?? '');
        const where = setBy.get(key) ?? layers[layers.length - 1];
        push(ctx, where, issue('retro/bad-option', `<Retro> ${i.path.length ? i.path.join('.') + ': ' : ''}${i.message}`, { prop: key || undefined }));
      }
    } else {
      const o = r.data;
      checkPalette(o.palette, setBy.get('palette') ?? layers[layers.length - 1], ctx);
      if (o.dither === 'custom') {
        const where = setBy.get('dither');
        if (!o.pattern) push(ctx, where, issue('retro/bad-option', 'The "custom" dither needs a pattern: an image whose brightness orders the threshold tile.', { prop: 'pattern', hint: 'Add pattern="hatch.png" (relative to the film file).' }));
        else if (!fs.existsSync(o.pattern)) push(ctx, setBy.get('pattern') ?? where, issue('retro/pattern-missing', `Dither pattern image not found: ${o.pattern}.`, { prop: 'pattern' }));
      }
      size = explicitSize ?? (ctx.resolution ? { width: ctx.resolution[0], height: ctx.resolution[1] } : undefined) ?? o.size ?? st.presetSize;
      // The frame is rendered at the pixel grid, so the processor does not resize.
      st.retro = JSON.parse(JSON.stringify({ ...o, size, crt: undefined }));
    }
  }

  // The display: a look's own display unless a <CRT> (or crt prop) in the chain names one.
  let crt: Record<string, unknown> | undefined;
  let crtWhere: Layer | undefined = crtFrom;
  if (embeddedCrt !== undefined) crt = typeof embeddedCrt === 'string' ? { preset: embeddedCrt } : { ...embeddedCrt };
  for (const l of st.crtLayers ?? []) {
    if (l.preset !== undefined) crt = { preset: l.preset };
    crt = { ...(crt ?? {}), ...(l.params ?? {}) };
    crtWhere = l;
  }
  if (crt) {
    const ok = checkCrt(crt, crtWhere, ctx);
    if (ok) st.crt = Object.keys(crt).length === 1 && crt.preset ? (crt.preset as string) : crt;
    if (!size) {
      // A display-only look renders at a display's line count (or the output's resolution).
      size = ctx.resolution ? { width: ctx.resolution[0], height: ctx.resolution[1] } : st.presetSize ?? { width: Math.round((DISPLAY_SOURCE_LINES * ctx.aspect) / 2) * 2, height: DISPLAY_SOURCE_LINES };
    }
  }
  if (size) st.size = size;
  delete st.retroLayers;
  delete st.crtLayers;
  delete st.presetSize;
}

function checkPalette(p: unknown, where: Layer, ctx: ResolveContext): void {
  if (p === undefined) return;
  if (typeof p === 'object' && p && 'adaptive' in p) return;
  if (typeof p === 'string' && /^adaptive(:\d+)?$/i.test(p.trim())) return;
  if (typeof p === 'string' && /\.(png|gif|bmp|jpe?g|webp|tiff?)$/i.test(p)) {
    if (!fs.existsSync(p)) push(ctx, where, issue('retro/palette-missing', `Palette swatch image not found: ${p}.`, { prop: 'palette' }));
    return;
  }
  try {
    resolvePaletteSync(p as string);
  } catch (e) {
    if (!isKinoError(e)) throw e;
    for (const i of e.issues) push(ctx, where, { ...i, location: undefined, prop: 'palette' });
  }
}

function checkCrt(crt: Record<string, unknown>, where: Layer | undefined, ctx: ResolveContext): boolean {
  let ok = true;
  const { preset, ...params } = crt;
  if (preset !== undefined && !(CRT_PRESET_NAMES as readonly unknown[]).includes(preset)) {
    const s = suggest(String(preset), CRT_PRESET_NAMES);
    push(ctx, where, issue('retro/unknown-crt', `Unknown CRT preset "${String(preset)}". Presets: ${CRT_PRESET_NAMES.join(', ')}.`, { prop: 'preset', hint: s ? `Did you mean "${s}"?` : undefined }));
    ok = false;
  }
  for (const k of Object.keys(params)) {
    if (!CRT_KEYS.includes(k)) {
      const s = suggest(k, CRT_KEYS);
      push(ctx, where, issue('retro/unknown-crt-param', `Unknown CRT parameter "${k}".`, { prop: k, hint: s ? `Did you mean "${s}"? Parameters: ${CRT_KEYS.join(', ')}.` : `Parameters: ${CRT_KEYS.join(', ')}.` }));
      ok = false;
    }
  }
  const r = CrtParamsSchema.partial().safeParse(params);
  if (!r.success) {
    for (const i of r.error.issues) push(ctx, where, issue('retro/bad-crt', `CRT ${i.path.join('.')}: ${i.message}`, { prop: String(i.path[0] ?? '') }));
    ok = false;
  }
  return ok;
}

const reportedByFilm = new WeakMap<KinoIssue[], Set<string>>();
function reportedFor(issues: KinoIssue[]): Set<string> {
  let s = reportedByFilm.get(issues);
  if (!s) reportedByFilm.set(issues, (s = new Set()));
  return s;
}

export const retroResolver: Resolver = {
  name: 'retro',
  afterShots(ctx) {
    const rctx: ResolveContext = { issues: ctx.issues, reported: reportedFor(ctx.issues), aspect: ctx.aspect };
    for (const shot of ctx.shots) {
      const st = shot.ext?.style as StyleExt | undefined;
      if (st && (st.retroLayers || st.crtLayers)) resolveRetroStyle(st, rctx);
    }
  },
  film(plan: FilmPlan, _root, issues) {
    const outputs = (plan.ext?.style as { outputs?: Record<string, StyleExt> } | undefined)?.outputs;
    if (!outputs) return;
    const aspect = plan.resolution[0] / plan.resolution[1];
    for (const o of plan.outputs) {
      const st = outputs[o.name];
      if (!st) continue;
      resolveRetroStyle(st, { issues, reported: reportedFor(issues), aspect, resolution: o.resolution as [number, number] | undefined });
    }
  },
};

export type { CrtPresetName };
