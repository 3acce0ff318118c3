// What a dither engine quantises against: one palette matcher for the whole frame, or — in the
// hardware constraint modes — one small matcher per attribute cell with a per-pixel cell map.

import type { NearestColor } from '../color/nearest';

export interface CellMatchers {
  /** Matcher per cell. */
  matchers: NearestColor[];
  /** Cell id per pixel (row-major, width×height). */
  cellOf: Uint16Array | Uint32Array;
}

export type Target = NearestColor | CellMatchers;

export function isCellMatchers(t: Target): t is CellMatchers {
  return (t as CellMatchers).cellOf !== undefined;
}

/** Output index for pixels that are transparent in the source. */
export const TRANSPARENT_INDEX = 0xffff;
