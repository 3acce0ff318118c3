// ZX Spectrum attribute clash: each 8×8 cell has one INK and one PAPER colour, both from the same
// half of the palette because the BRIGHT bit belongs to the cell. Palette order must be the
// hardware's: index = BRIGHT·8 + colour (0 black … 7 white), as in palettes.json `zx_spectrum`.

import { KinoError, issue } from '../../doc/errors';
import type { LinearImage } from '../linear-image';
import { cellPixelLists, oklabPalette, oklabPixels, setCost } from './cell-fit';
import type { ConstraintContext, ConstraintPlan } from './constraint';
import { MatcherPool } from './matcher-pool';
import { STICKY, STICKY_EPS, type ConstraintState } from './state';

export const ZX_CELL = 8;

export function zxSpectrumPlan(img: LinearImage, ctx: ConstraintContext, state: ConstraintState = {}): ConstraintPlan {
  if (ctx.palette.rgb.length !== 16 * 3) {
    throw new KinoError(
      issue('retro/constraint-palette', `ZX Spectrum mode needs the 16-entry Spectrum palette (BRIGHT·8 + colour); "${ctx.palette.name}" has ${ctx.palette.rgb.length / 3} colours.`, {
        hint: 'Use --palette zx_spectrum (the default for this mode).',
      }),
    );
  }
  const lab = oklabPixels(img);
  const palLab = oklabPalette(ctx.palette);
  const grid = cellPixelLists(img.width, img.height, ZX_CELL, ZX_CELL);
  const pool = new MatcherPool(ctx.palette, ctx.distance);
  const sets: number[][] = [];
  const cellMatcher = new Uint16Array(grid.cells.length);
  grid.cells.forEach((pixels, c) => {
    let best: number[] = [0, 7];
    let bestCost = Infinity;
    for (let bright = 0; bright < 2; bright++)
      for (let a = 0; a < 8; a++)
        for (let b = a + 1; b < 8; b++) {
          const set = [bright * 8 + a, bright * 8 + b];
          const cost = setCost(lab, pixels, palLab, set, bestCost);
          if (cost < bestCost) {
            bestCost = cost;
            best = set;
          }
        }
    // Keep last frame's INK/PAPER while it is about as good: attribute flips read as flicker.
    const prev = state.sets?.length === grid.cells.length ? state.sets[c] : undefined;
    if (prev && setCost(lab, pixels, palLab, prev) <= bestCost * STICKY + STICKY_EPS) best = prev;
    sets.push(best);
    cellMatcher[c] = pool.idFor(best);
  });
  state.sets = sets;
  const cellOf = new Uint16Array(img.width * img.height);
  for (let i = 0; i < cellOf.length; i++) cellOf[i] = cellMatcher[grid.cellOf[i]];
  return {
    img,
    target: { matchers: pool.matchers, cellOf },
    cells: { cellWidth: ZX_CELL, cellHeight: ZX_CELL, cols: grid.cols, rows: grid.rows, sets },
  };
}
