// ShotPlan.ext.style: the look a shot renders through, folded from its wrapper chain (<Style>,
// <Grade>, <Retro>, <CRT>, outermost first) — and the same structure for each Film output that
// carries a `style`, in FilmPlan.ext.style.outputs. The render reads only this, never the wrappers.
//
// Two departments fill it, in order: the style department (this folder) folds presets and grades
// and records the retro and CRT layers with their source locations; the retro department
// (src/retro/resolver.ts) folds those layers into validated RetroOptions and a CRT spec.

import { z } from 'zod';
import type { SourceLocation } from '../doc/errors';
import type { GradeParams } from './grade-math';

const V3 = z.tuple([z.number(), z.number(), z.number()]);
const Loc = z.object({ file: z.string().optional(), line: z.number().optional(), column: z.number().optional() });

export const GradeParamsSchema = z.object({
  exposure: z.number(),
  contrast: z.number(),
  saturation: z.number(),
  temperature: z.number(),
  tint: z.number(),
  lift: V3,
  gamma: V3,
  gain: V3,
  shadowsTint: V3,
  highlightsTint: V3,
  vignette: z.number(),
  grain: z.number(),
  /** Target aspect ratio of the bars, 0 for none. */
  letterbox: z.number(),
  /** Absolute path of a .cube LUT. */
  lut: z.string().optional(),
  lutStrength: z.number(),
}) satisfies z.ZodType<GradeParams>;

/** One <Retro> (or a preset's retro part) as written, before the retro department folds it. */
export const RetroLayerSchema = z.object({
  /** A retro department look (RETRO_STYLES) to start from. */
  style: z.string().optional(),
  /** RetroOptions fields as written (palette, dither, size …). */
  options: z.record(z.string(), z.unknown()),
  /** Where it was written: errors point here. */
  source: Loc.optional(),
  componentPath: z.string().optional(),
});
export type RetroLayer = z.infer<typeof RetroLayerSchema>;

export const CrtLayerSchema = z.object({
  preset: z.string().optional(),
  params: z.record(z.string(), z.unknown()).optional(),
  source: Loc.optional(),
  componentPath: z.string().optional(),
});
export type CrtLayer = z.infer<typeof CrtLayerSchema>;

export const SizeSchema = z.object({ width: z.number().int().positive(), height: z.number().int().positive() });

export const ShotStyleSchema = z.object({
  /** The named looks in the chain, outermost first (for reports and contact sheets). */
  looks: z.array(z.string()),
  /** The composed grade; absent when the chain grades nothing. */
  grade: GradeParamsSchema.optional(),
  /** Retro and CRT layers awaiting the retro department (removed once it has folded them). */
  retroLayers: z.array(RetroLayerSchema).optional(),
  crtLayers: z.array(CrtLayerSchema).optional(),
  /** RetroOptions, validated with the retro department's RetroOptionsSchema (defaults filled, paths absolute). */
  retro: z.record(z.string(), z.unknown()).optional(),
  /** The display simulation: a CRT preset name or full parameters (applied after retro). */
  crt: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
  /** Pixel grid the shot renders at (the retro size, or a display's source size). */
  size: SizeSchema.optional(),
  /** Orthographic cameras snap to whole pixels of `size`. */
  pixelSnap: z.boolean(),
  /** Preset-supplied size that an explicit retro size or an output resolution overrides. */
  presetSize: SizeSchema.optional(),
});
export type ShotStyle = z.infer<typeof ShotStyleSchema>;

export const FilmStyleSchema = z.object({
  /** Output name → the look of that output's variant of the film. */
  outputs: z.record(z.string(), ShotStyleSchema),
});
export type FilmStyle = z.infer<typeof FilmStyleSchema>;

export type { SourceLocation };

/** The style of a shot in a plan, typed (undefined when the shot has none). */
export function shotStyle(shot: { ext?: Record<string, unknown> }): ShotStyle | undefined {
  return shot.ext?.style as ShotStyle | undefined;
}

/** The style of a Film output, typed. */
export function outputStyle(plan: { ext?: Record<string, unknown> }, name: string): ShotStyle | undefined {
  return (plan.ext?.style as FilmStyle | undefined)?.outputs[name];
}

/** Whether rendering this style needs Node-side post-processing (retro quantisation or a display). */
export function hasPost(s: ShotStyle | undefined): boolean {
  return !!(s && (s.retro || s.crt));
}
