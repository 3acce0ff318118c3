// A hardware constraint mode turns a working image into what the dither engine needs: per-cell
// palette subsets (attribute clash, sub-palettes) and, where the hardware has wide pixels or a
// luminance-only screen, a transformed image and a step that maps the result back.

import { z } from 'zod';
import type { NearestColor } from '../color/nearest';
import type { DistanceMetric } from '../color/distance';
import type { LinearImage } from '../linear-image';
import type { Palette } from '../palette/palette';
import type { Target } from '../dither/matcher';

export const CONSTRAINT_NAMES = ['none', 'nes', 'gameboy', 'zx-spectrum', 'c64-multicolor'] as const;
export const ConstraintSchema = z.enum(CONSTRAINT_NAMES);
export type ConstraintName = z.infer<typeof ConstraintSchema>;

export interface ConstraintPlan {
  /** The image to dither (may differ from the input: C64 halves the width, Game Boy is grey). */
  img: LinearImage;
  target: Target;
  /** Maps dithered indices back to the output grid (C64 doubles each wide pixel). */
  expand?: (indices: Uint16Array) => { indices: Uint16Array; width: number; height: number };
  /** Per-cell colour sets chosen, for reports and tests. */
  cells?: { cellWidth: number; cellHeight: number; cols: number; rows: number; sets: number[][]; shared?: number[] };
}

export interface ConstraintContext {
  palette: Palette;
  distance: DistanceMetric;
  /** Full-palette matcher (already built by the processor). */
  matcher: NearestColor;
}

/** The palette each mode assumes when none is given. */
export const CONSTRAINT_DEFAULT_PALETTE: Record<ConstraintName, string | undefined> = {
  none: undefined,
  nes: 'nes_2c02',
  gameboy: 'gameboy_dmg',
  'zx-spectrum': 'zx_spectrum',
  'c64-multicolor': 'c64_pepto',
};
