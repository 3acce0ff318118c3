// <Style>, <Grade>, <Retro>, <CRT>: looks as wrapping components. What they wrap — scenes, shots,
// or the whole film — renders through their chain, outermost first. The doc layer checks shapes;
// the style (src/vfx) and retro (src/retro) departments check names (palettes, dithers, presets)
// with locations and fold each shot's chain into ShotPlan.ext.style.
//
// Nesting: the chain is folded from the outside in, so an inner element refines what an outer one
// set — an inner <Retro dither="atkinson"> inside <Style preset="snes"> keeps the SNES palette and
// size and changes the dither. Grades compose (exposures add, contrasts multiply …); see
// src/vfx/grade.ts.

import { z } from 'zod';
import { Finite } from '../values';

const wrapper = { children: z.unknown().optional() };

/**
 * The named looks: cinema grades and retro targets. The vocabulary lives here (the script
 * department's style director emits these names; the vfx/retro departments give them meaning).
 */
export const STYLE_PRESETS = [
  'cinematic-teal-orange', 'noir', 'pastel', 'documentary', 'bleach-bypass', 'warm-vintage', 'cold-thriller', 'golden-hour', 'technicolor', 'sepia',
  'snes', 'nes', 'gameboy', 'gameboy-color', 'sega-genesis', 'zx-spectrum', 'c64', 'pico8', 'cga', 'ega', 'vga', 'arcade-crt', 'vhs', 'handheld-lcd',
] as const;
export type StylePreset = (typeof STYLE_PRESETS)[number];

export const StyleProps = z.strictObject({ preset: z.enum(STYLE_PRESETS), ...wrapper });

const Rgb3 = z.tuple([Finite, Finite, Finite]);

/** Grade controls, without children: shared by <Grade> and an output's `style.grade`. */
export const GradeFields = {
  /** A named grade: a cinema preset name ("noir", "bleach-bypass" …) or a short alias ("teal-orange", "warm", "cool"). */
  look: z.string().optional(),
  /** A .cube LUT file (3D or 1D), relative to the film file. Applied after the other controls. */
  lut: z.string().optional(),
  /** 0..1: how much of the LUT's result is mixed in. Default 1. */
  lutStrength: z.number().min(0).max(1).optional(),
  /** Exposure in stops (EV), applied in linear light. */
  exposure: z.number().min(-10).max(10).optional(),
  /** Contrast around mid-grey; 1 = unchanged. */
  contrast: z.number().min(0).max(4).optional(),
  /** Saturation; 0 = monochrome, 1 = unchanged. */
  saturation: z.number().min(0).max(4).optional(),
  /** White balance shift, −100 (cooler, bluer) … +100 (warmer, more amber). */
  temperature: z.number().min(-100).max(100).optional(),
  /** −100 (greener) … +100 (more magenta). */
  tint: z.number().min(-100).max(100).optional(),
  /** Per-channel offsets of the blacks (−0.5…0.5), as a colourist's lift wheel. */
  lift: Rgb3.optional(),
  /** Per-channel midtone gamma (1 = unchanged, > 1 brighter mids). */
  gamma: Rgb3.optional(),
  /** Per-channel gain of the whites (1 = unchanged). */
  gain: Rgb3.optional(),
  /** Split toning: colour offsets pushed into the shadows and into the highlights (−0.5…0.5 per channel). */
  shadowsTint: Rgb3.optional(),
  highlightsTint: Rgb3.optional(),
  /** 0..1: darkening toward the corners. */
  vignette: z.number().min(0).max(1).optional(),
  /** 0..1: film grain (seeded per frame: deterministic). */
  grain: z.number().min(0).max(1).optional(),
  /** Letterbox to this aspect ratio (e.g. 2.39); narrower than the frame gives pillarbox bars. */
  letterbox: z.number().min(1).max(4).optional(),
};
export const GradeProps = z.strictObject({ ...GradeFields, ...wrapper });

const Size = z.union([z.string(), z.strictObject({ width: z.number().int().positive(), height: z.number().int().positive() })]);

/** Retro controls, without children: shared by <Retro> and an output's `style.retro`. */
export const RetroFields = {
  /** A named retro look to start from (kino retro --list: "snes", "gameboy", "c64" …); other props override it. */
  style: z.string().optional(),
  /** Built-in palette name, hex list, palette file (.gpl, .hex, PNG swatch) or "adaptive:<n>". */
  palette: z.union([z.string(), z.strictObject({ name: z.string().optional(), colors: z.array(z.string()).min(1) }), z.strictObject({ adaptive: z.number().int() })]).optional(),
  dither: z.string().optional(),
  strength: z.number().min(0).max(1).optional(),
  /** Pixel grid the scene renders at, e.g. "320x180" (rendered at that size, not shrunk). */
  size: Size.optional(),
  constraint: z.string().optional(),
  /** Nearest-colour metric: auto, oklab, ciede2000, rgb, redmean. */
  distance: z.string().optional(),
  hysteresis: z.number().min(0).max(64).optional(),
  serpentine: z.boolean().optional(),
  gamutMap: z.boolean().optional(),
  /** Custom threshold pattern image for dither "custom", relative to the film file. */
  pattern: z.string().optional(),
  /** Nearest-neighbour enlargement of the quantised frame (when no CRT is used). */
  upscale: z.number().int().min(1).max(16).optional(),
  /** Snap orthographic cameras to whole pixels so scrolling does not shimmer. */
  pixelSnap: z.boolean().optional(),
  crt: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
};
export const RetroProps = z.strictObject({ ...RetroFields, ...wrapper });

/** CRT controls, without children: shared by <CRT> and an output's `style.crt`. */
export const CrtFields = {
  preset: z.string().optional(),
  /** Any CRT parameter (scanlines, mask, curvature, bloom, …) overriding the preset. */
  params: z.record(z.string(), z.unknown()).optional(),
};
export const CrtProps = z.strictObject({ ...CrtFields, ...wrapper });

/**
 * A look for one Film output (a variant of the whole film): `{ preset: 'snes' }`,
 * `{ retro: { palette: 'snes', dither: 'floyd-steinberg' } }`, `{ grade: { look: 'noir' } }` …
 * The parts apply in the order preset → grade → retro → crt, as a wrapper chain would.
 */
export const OutputStyle = z.strictObject({
  preset: z.enum(STYLE_PRESETS).optional(),
  grade: z.strictObject(GradeFields).optional(),
  retro: z.strictObject(RetroFields).optional(),
  crt: z.union([z.string(), z.strictObject(CrtFields)]).optional(),
});
export type OutputStyle = z.infer<typeof OutputStyle>;

export const WRAPPER_TYPES = ['style', 'grade', 'retro', 'crt'] as const;
