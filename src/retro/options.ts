// The options of the retro stage, declared once: <Retro> props, per-output styles, the
// `kino retro` flags and the processor all read this schema.

import { z } from 'zod';
import { DISTANCE_METRICS } from './color/distance';
import { ConstraintSchema } from './constraints/constraint';
import { CrtParamsSchema } from './crt/params';
import { CRT_PRESET_NAMES, type CrtPresetName } from './crt/presets';
import { DitherNameSchema } from './dither/registry';
import { DEFAULT_HYSTERESIS } from './dither/session';
import { FitSchema, ResampleSchema } from './resize';

export const SizeSchema = z.union([
  z
    .string()
    .regex(/^\s*\d+\s*[x×*X]\s*\d+\s*$/, 'Size must be WIDTHxHEIGHT, e.g. "320x180".')
    .transform((s) => {
      const [w, h] = s.split(/[x×*X]/).map((v) => Number(v.trim()));
      return { width: w, height: h };
    }),
  z.object({ width: z.number(), height: z.number() }),
]).pipe(z.object({ width: z.number().int().min(1).max(16384), height: z.number().int().min(1).max(16384) }));

export const PaletteOptionSchema = z.union([
  /** Built-in name, hex list, palette file or swatch image path, or "adaptive:<n>". */
  z.string().min(1),
  z.object({ name: z.string().optional(), colors: z.array(z.string()).min(1) }),
  /** Built once per shot from sample frames (the first frame when none are given). */
  z.object({ adaptive: z.number().int().min(2).max(256) }),
]);

const CrtPresetSchema = z.enum(CRT_PRESET_NAMES as [CrtPresetName, ...CrtPresetName[]]);

export const CrtOptionSchema = z.union([CrtPresetSchema, CrtParamsSchema.partial().extend({ preset: CrtPresetSchema.optional() })]);

export const RetroOptionsSchema = z
  .object({
    /** Default: the constraint mode's palette, else pico8. */
    palette: PaletteOptionSchema.optional(),
    dither: DitherNameSchema.default('floyd-steinberg'),
    /** 0..1: dither strength (0 = nearest colour). */
    strength: z.number().min(0).max(1).default(1),
    /** Target pixel grid; default: the frame's own size. */
    size: SizeSchema.optional(),
    fit: FitSchema.default('cover'),
    resample: ResampleSchema.default('area'),
    constraint: ConstraintSchema.default('none'),
    /**
     * Metric for nearest-colour search. "auto": CIEDE2000 for dithers that decide each pixel on
     * its own (none, ordered, Yliluoma); for error-feeding dithers (error diffusion, Knoll) the
     * shot's first frame is dithered with sRGB-Euclidean and with CIEDE2000 selection and the
     * better one (lower blurred ΔE00) is kept for the shot — which wins depends on the palette.
     */
    distance: z.enum([...DISTANCE_METRICS, 'auto']).default('auto'),
    /** Error diffusion: aim at the closest colour the palette can mix instead of spraying unpayable error. */
    gamutMap: z.boolean().default(true),
    /** Error diffusion: serpentine scan. */
    serpentine: z.boolean().default(true),
    /** Error diffusion across frames: keep a pixel's colour while its source moves ≤ this many 8-bit levels (0 = off). */
    hysteresis: z.number().min(0).max(64).default(DEFAULT_HYSTERESIS),
    /** Threshold tile image for dither "custom". */
    pattern: z.string().optional(),
    /** Display simulation after quantisation (upsizes the frame). */
    crt: CrtOptionSchema.optional(),
    /** Nearest-neighbour upscale of the quantised frame when no CRT is used (crisp pixels in a video player). */
    upscale: z.number().int().min(1).max(16).default(1),
  });

export type RetroOptions = z.infer<typeof RetroOptionsSchema>;
export type RetroOptionsInput = z.input<typeof RetroOptionsSchema>;
