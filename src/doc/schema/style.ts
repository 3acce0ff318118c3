// <Style>, <Grade>, <Retro>, <CRT>: looks as wrapping components. What they wrap — scenes, shots,
// or the whole film — renders through their chain, outermost first. The doc layer checks shapes;
// the style and retro departments check names (palettes, dithers, presets) with locations.

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

export const StyleProps = z.strictObject({ preset: z.enum(STYLE_PRESETS), ...wrapper });

export const GradeProps = z.strictObject({
  /** A named grade (e.g. "teal-orange", "bleach-bypass", "noir", "pastel", "warm", "cool"). */
  look: z.string().optional(),
  /** A .cube 3D LUT file, relative to the film file. */
  lut: z.string().optional(),
  exposure: Finite.optional(),
  contrast: z.number().min(0).max(4).optional(),
  saturation: z.number().min(0).max(4).optional(),
  /** White balance shift in mireds-ish units: + warmer, − cooler. */
  temperature: z.number().min(-100).max(100).optional(),
  tint: z.number().min(-100).max(100).optional(),
  lift: z.tuple([Finite, Finite, Finite]).optional(),
  gamma: z.tuple([Finite, Finite, Finite]).optional(),
  gain: z.tuple([Finite, Finite, Finite]).optional(),
  vignette: z.number().min(0).max(1).optional(),
  grain: z.number().min(0).max(1).optional(),
  /** Letterbox to this aspect ratio (e.g. 2.39). */
  letterbox: z.number().min(1).max(4).optional(),
  ...wrapper,
});

const Size = z.union([z.string(), z.strictObject({ width: z.number().int().positive(), height: z.number().int().positive() })]);

export const RetroProps = z.strictObject({
  /** Built-in palette name, hex list, palette file (.gpl, .hex, PNG swatch) or "adaptive:<n>". */
  palette: z.union([z.string(), z.strictObject({ name: z.string().optional(), colors: z.array(z.string()).min(1) }), z.strictObject({ adaptive: z.number().int() })]).optional(),
  dither: z.string().optional(),
  strength: z.number().min(0).max(1).optional(),
  /** Pixel grid the scene renders at, e.g. "320x180" (rendered at that size, not shrunk). */
  size: Size.optional(),
  constraint: z.string().optional(),
  hysteresis: z.number().min(0).max(64).optional(),
  /** Custom threshold pattern image for dither "custom". */
  pattern: z.string().optional(),
  upscale: z.number().int().min(1).max(16).optional(),
  /** Snap orthographic cameras to whole pixels so scrolling does not shimmer. */
  pixelSnap: z.boolean().optional(),
  crt: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
  ...wrapper,
});

export const CrtProps = z.strictObject({
  preset: z.string().optional(),
  /** Any CRT parameter (scanlines, mask, curvature, bloom, …) overriding the preset. */
  params: z.record(z.string(), z.unknown()).optional(),
  ...wrapper,
});

export const WRAPPER_TYPES = ['style', 'grade', 'retro', 'crt'] as const;
