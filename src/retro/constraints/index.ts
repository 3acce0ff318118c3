import type { LinearImage } from '../linear-image';
import type { ConstraintContext, ConstraintName, ConstraintPlan } from './constraint';
import { nesPlan } from './nes';
import { gameboyPlan } from './gameboy';
import { zxSpectrumPlan } from './zx-spectrum';
import { c64MulticolorPlan } from './c64';
import type { ConstraintState } from './state';

export { CONSTRAINT_NAMES, ConstraintSchema, CONSTRAINT_DEFAULT_PALETTE, type ConstraintName, type ConstraintPlan, type ConstraintContext } from './constraint';
export { NES_AREA } from './nes';
export { ZX_CELL } from './zx-spectrum';
export { C64_CELL_W, C64_CELL_H, halveWidth } from './c64';
export type { ConstraintState } from './state';

/** Plans one frame under a hardware constraint; `state` carries choices between frames. */
export function planConstraint(name: ConstraintName, img: LinearImage, ctx: ConstraintContext, state: ConstraintState = {}): ConstraintPlan {
  switch (name) {
    case 'nes':
      return nesPlan(img, ctx, state);
    case 'gameboy':
      return gameboyPlan(img, ctx);
    case 'zx-spectrum':
      return zxSpectrumPlan(img, ctx, state);
    case 'c64-multicolor':
      return c64MulticolorPlan(img, ctx, state);
    default:
      return { img, target: ctx.matcher };
  }
}
