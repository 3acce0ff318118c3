// CRT/display parameters, one zod schema: presets are partial objects of it, and users override
// any field. Units are in the names: *Lines are source scanlines, *Px source pixels, *OutPx
// output pixels. Defaults and ranges follow the libretro shaders' documented parameters
// (reference/retro.md §4) — the maths is ours, not their code.

import { z } from 'zod';

export const MASK_TYPES = ['none', 'aperture-grille', 'slot-mask', 'shadow-mask', 'lcd-grid'] as const;

export const CrtParamsSchema = z.object({
  /** Output size as a multiple of the source (integer keeps scanlines even). */
  scale: z.number().min(1).max(12).default(4),
  /** Electron-gun gamma used to decode the source (CRTs: 2.4–2.5). */
  gammaIn: z.number().min(1).max(3).default(2.4),
  /** Display gamma used to encode the output (2.2 for an sRGB-ish monitor). */
  gammaOut: z.number().min(1).max(3).default(2.2),
  /** 0 = flat fill, 1 = full Gaussian beam per scanline. */
  scanlineStrength: z.number().min(0).max(1).default(0.7),
  /** Beam σ (in scanlines) for black and for full brightness: bright lines bloom wider. */
  beamMinLines: z.number().min(0.05).max(1).default(0.24),
  beamMaxLines: z.number().min(0.05).max(1).default(0.42),
  /** Horizontal beam σ in source pixels (small = sharp; 0 = nearest). */
  sharpnessPx: z.number().min(0).max(2).default(0.45),
  mask: z.enum(MASK_TYPES).default('aperture-grille'),
  /** 0..1: how dark unlit phosphors get (Lottes' maskDark = 1 − strength/… ). */
  maskStrength: z.number().min(0).max(1).default(0.4),
  /** Width of one phosphor stripe/dot, output pixels (triad = 3×). */
  maskDotOutPx: z.number().int().min(1).max(4).default(1),
  /** Barrel distortion along x and y (Lottes' warpX/warpY). */
  curvatureX: z.number().min(0).max(0.25).default(0),
  curvatureY: z.number().min(0).max(0.25).default(0),
  /** Rounded tube corners, as a fraction of the shorter side. */
  cornerRadius: z.number().min(0).max(0.25).default(0),
  /** Glow of bright areas: amount and blur σ in source pixels. */
  bloom: z.number().min(0).max(1).default(0),
  bloomRadiusPx: z.number().min(0.5).max(16).default(1.5),
  /** Light scattered in the glass: wide, faint glow. */
  halation: z.number().min(0).max(1).default(0),
  halationRadiusPx: z.number().min(1).max(32).default(6),
  /** Darkening towards the edges, 0..1. */
  vignette: z.number().min(0).max(1).default(0),
  /** Convergence error: red shifted right and blue left by this many source pixels. */
  chromaticAberrationPx: z.number().min(0).max(3).default(0),
  /** 480i field alternation: odd frames draw their lines half a line lower. */
  interlace: z.boolean().default(false),
  /** Brightness compensation for mask and scanline darkening. */
  brightness: z.number().min(0.5).max(3).default(1.25),
  /** LCD pixel-grid gap, as a fraction of a source pixel (lcd-grid mask). */
  gridGap: z.number().min(0).max(0.5).default(0.2),
  /** LCD response: fraction of the previous frame still visible (0 = none). */
  ghosting: z.number().min(0).max(0.95).default(0),
});

export type CrtParams = z.infer<typeof CrtParamsSchema>;
export type CrtParamsInput = z.input<typeof CrtParamsSchema>;
