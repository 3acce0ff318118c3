// The style department's resolver: turns each shot's wrapper chain (<Style>, <Grade>, <Retro>,
// <CRT>, outermost first) and each Film output's `style` into ShotStyle (src/vfx/style.ts).
// Presets expand into their grade, retro look and display; grades compose; LUT files are read and
// checked here, so a bad .cube is an error at plan time with the element's file:line. Retro and
// CRT layers are recorded with their locations for the retro department, which runs next.

import fs from 'node:fs';
import path from 'node:path';
import { issue, type KinoIssue, type SourceLocation } from '../doc/errors';
import { STYLE_PRESETS, type StylePreset } from '../doc/schema/style';
import type { ValidNode } from '../doc/validate';
import { suggest } from '../doc/validate';
import type { Resolver } from '../plan/resolvers';
import type { FilmPlan } from '../plan/schema';
import { composeGrade, IDENTITY_GRADE, isIdentityGrade, type GradeLayer, type GradeParams } from './grade-math';
import { readCube } from './lut';
import { CINEMA_LOOKS, GRADE_LOOK_ALIASES, gradeLook, LOOK_PRESETS } from './presets';
import type { CrtLayer, FilmStyle, RetroLayer, ShotStyle } from './style';

/** One link of a look chain, from a wrapper element or an output's style. */
export type LookItem =
  | { kind: 'style'; preset: string }
  | { kind: 'grade'; props: Record<string, unknown> }
  | { kind: 'retro'; props: Record<string, unknown> }
  | { kind: 'crt'; preset?: string; params?: Record<string, unknown> };

export interface LookSource {
  item: LookItem;
  location?: SourceLocation;
  componentPath?: string;
  /** Relative files (LUTs, palettes, patterns) resolve here. */
  baseDir: string;
  /** Key for reporting a problem once, however many shots the element wraps. */
  key: unknown;
}

export interface FoldContext {
  issues: KinoIssue[];
  /** Problems already reported, by element and code. */
  reported: Set<string>;
  keyIds: Map<unknown, number>;
}

export function newFoldContext(issues: KinoIssue[]): FoldContext {
  return { issues, reported: new Set(), keyIds: new Map() };
}

function report(ctx: FoldContext, src: LookSource, i: KinoIssue): void {
  let id = ctx.keyIds.get(src.key);
  if (id === undefined) ctx.keyIds.set(src.key, (id = ctx.keyIds.size));
  const k = `${id}:${i.code}:${i.prop ?? ''}:${i.message}`;
  if (ctx.reported.has(k)) return;
  ctx.reported.add(k);
  ctx.issues.push({ ...i, location: i.location ?? src.location, componentPath: i.componentPath ?? src.componentPath });
}

const GRADE_KEYS = ['exposure', 'contrast', 'saturation', 'temperature', 'tint', 'lift', 'gamma', 'gain', 'shadowsTint', 'highlightsTint', 'vignette', 'grain', 'letterbox', 'lutStrength'] as const;

/** A <Grade>'s props as one layer: its `look` first, its own fields over it. */
function gradeLayerOf(src: LookSource, props: Record<string, unknown>, ctx: FoldContext): GradeLayer {
  let layer: GradeLayer = {};
  const look = props.look as string | undefined;
  if (look !== undefined) {
    const p = gradeLook(look);
    if (p) layer = { ...p.grade };
    else {
      const names = [...CINEMA_LOOKS, ...Object.keys(GRADE_LOOK_ALIASES)];
      const s = suggest(look, names);
      report(ctx, src, issue('style/unknown-look', `Unknown grade look "${look}". Looks: ${CINEMA_LOOKS.join(', ')} (short names: ${Object.keys(GRADE_LOOK_ALIASES).join(', ')}).`, { prop: 'look', hint: s ? `Did you mean "${s}"?` : 'Retro looks (snes, gameboy …) go on <Style preset> or <Retro style>.' }));
    }
  }
  for (const k of GRADE_KEYS) if (props[k] !== undefined) (layer as Record<string, unknown>)[k] = props[k];
  if (typeof props.lut === 'string') {
    const file = path.resolve(src.baseDir, props.lut);
    if (!fs.existsSync(file)) {
      report(ctx, src, issue('style/lut-missing', `LUT file not found: ${props.lut} (looked for ${file}).`, { prop: 'lut', hint: 'LUT paths are relative to the film file; kino reads .cube files (3D or 1D).' }));
    } else {
      try {
        readCube(file);
        layer.lut = file;
      } catch (e) {
        const first = (e as { issues?: KinoIssue[] }).issues?.[0];
        report(ctx, src, issue('style/lut-invalid', `The LUT ${props.lut} cannot be used: ${first?.message ?? (e as Error).message}`, { prop: 'lut', hint: first?.location?.line ? `See ${file}:${first.location.line}.` : first?.hint }));
      }
    }
  }
  return layer;
}

/**
 * Folds a look chain (outermost first) into a ShotStyle, or undefined when it changes nothing.
 * Rules: presets expand in place; grades compose (composeGrade); retro and CRT layers are kept in
 * order for the retro department, which lets an inner look refine an outer one.
 */
export function foldLooks(chain: LookSource[], ctx: FoldContext): ShotStyle | undefined {
  let grade: GradeParams = { ...IDENTITY_GRADE };
  const looks: string[] = [];
  const retroLayers: RetroLayer[] = [];
  const crtLayers: CrtLayer[] = [];
  let pixelSnap = false;
  let presetSize: ShotStyle['presetSize'];
  for (const src of chain) {
    const where = { source: src.location, componentPath: src.componentPath };
    const it = src.item;
    if (it.kind === 'style') {
      const p = LOOK_PRESETS[it.preset as StylePreset];
      if (!p) {
        const s = suggest(it.preset, STYLE_PRESETS);
        report(ctx, src, issue('style/unknown-preset', `Unknown style preset "${it.preset}". Presets: ${STYLE_PRESETS.join(', ')}.`, { prop: 'preset', hint: s ? `Did you mean "${s}"?` : undefined }));
        continue;
      }
      looks.push(it.preset);
      if (p.grade) grade = composeGrade(grade, p.grade);
      if (p.retroStyle) retroLayers.push({ style: p.retroStyle, options: {}, ...where });
      if (p.crt) crtLayers.push({ preset: p.crt, ...where });
      if (p.size) presetSize = p.size;
    } else if (it.kind === 'grade') {
      if (typeof it.props.look === 'string') looks.push(it.props.look);
      grade = composeGrade(grade, gradeLayerOf(src, it.props, ctx));
    } else if (it.kind === 'retro') {
      const { style, crt, pixelSnap: snap, children: _children, ...options } = it.props;
      if (typeof style === 'string') looks.push(style);
      if (snap !== undefined) pixelSnap = !!snap;
      // Palette and pattern files resolve against the file that wrote the element.
      for (const k of ['palette', 'pattern'] as const) {
        const v = options[k];
        if (typeof v === 'string' && /\.[a-z0-9]{2,5}$/i.test(v) && !/^#|,/.test(v)) options[k] = path.resolve(src.baseDir, v);
      }
      retroLayers.push({ style: style as string | undefined, options, ...where });
      if (crt !== undefined) crtLayers.push(typeof crt === 'string' ? { preset: crt, ...where } : { params: crt as Record<string, unknown>, preset: (crt as { preset?: string }).preset, ...where });
    } else {
      if (it.preset) looks.push(it.preset);
      crtLayers.push({ preset: it.preset, params: it.params, ...where });
    }
  }
  const graded = !isIdentityGrade(grade);
  if (!graded && !retroLayers.length && !crtLayers.length && !pixelSnap) return undefined;
  const style: ShotStyle = { looks, pixelSnap };
  if (graded) style.grade = grade;
  if (retroLayers.length) style.retroLayers = retroLayers;
  if (crtLayers.length) style.crtLayers = crtLayers;
  if (presetSize) style.presetSize = presetSize;
  return style;
}

/** A wrapper element as a link of the chain. */
export function lookSourceOf(n: ValidNode, fallbackDir: string): LookSource {
  const p = n.props as Record<string, unknown>;
  const baseDir = n.source?.file ? path.dirname(n.source.file) : fallbackDir;
  const base = { location: n.source, componentPath: n.path, baseDir, key: n };
  switch (n.type) {
    case 'style':
      return { ...base, item: { kind: 'style', preset: p.preset as string } };
    case 'grade':
      return { ...base, item: { kind: 'grade', props: p } };
    case 'retro':
      return { ...base, item: { kind: 'retro', props: p } };
    default:
      return { ...base, item: { kind: 'crt', preset: p.preset as string | undefined, params: p.params as Record<string, unknown> | undefined } };
  }
}

/** An output's `style` as a chain: preset, then grade, retro, display — as if nested in that order. */
export function outputLookSources(style: Record<string, unknown>, where: { location?: SourceLocation; componentPath?: string; baseDir: string; key: unknown }): LookSource[] {
  const out: LookSource[] = [];
  if (typeof style.preset === 'string') out.push({ ...where, item: { kind: 'style', preset: style.preset } });
  if (style.grade) out.push({ ...where, item: { kind: 'grade', props: style.grade as Record<string, unknown> } });
  if (style.retro) out.push({ ...where, item: { kind: 'retro', props: style.retro as Record<string, unknown> } });
  if (style.crt) {
    const c = style.crt as string | { preset?: string; params?: Record<string, unknown> };
    out.push({ ...where, item: typeof c === 'string' ? { kind: 'crt', preset: c } : { kind: 'crt', preset: c.preset, params: c.params } });
  }
  return out;
}

function filmDir(plan: { file?: string } | undefined, root: ValidNode): string {
  const f = plan?.file ?? root.source?.file;
  return f ? path.dirname(f) : process.cwd();
}

// One fold context per film, so an element wrapping several scenes reports a problem once.
const foldContexts = new WeakMap<ValidNode, FoldContext>();

export const styleResolver: Resolver = {
  name: 'style',
  nodes: ['style', 'grade', 'retro', 'crt'],
  afterShots(ctx) {
    let fold = foldContexts.get(ctx.film);
    if (!fold || fold.issues !== ctx.issues) foldContexts.set(ctx.film, (fold = newFoldContext(ctx.issues)));
    const dir = filmDir(undefined, ctx.film);
    for (const shot of ctx.shots) {
      const chain = ctx.shotWrappers.get(shot.key) ?? [];
      if (!chain.length) continue;
      const st = foldLooks(chain.map((n) => lookSourceOf(n, dir)), fold);
      if (st) shot.ext = { ...(shot.ext ?? {}), style: st };
    }
  },
  film(plan: FilmPlan, root: ValidNode, issues: KinoIssue[]) {
    const fold = newFoldContext(issues);
    const outputs: FilmStyle['outputs'] = {};
    plan.outputs.forEach((o, i) => {
      if (!o.style) return;
      const st = foldLooks(outputLookSources(o.style, { location: root.source, componentPath: `${root.path} (outputs[${i}] "${o.name}")`, baseDir: filmDir(plan, root), key: `output:${o.name}` }), fold);
      if (st) outputs[o.name] = st;
    });
    if (Object.keys(outputs).length) plan.ext = { ...(plan.ext ?? {}), style: { outputs } satisfies FilmStyle };
  },
};
