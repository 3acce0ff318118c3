// Phosphor masks as small tiles of per-channel gains, laid in output space after geometry (the
// mask is on the glass; warping it causes moiré). Lit phosphor gain 1 + s, unlit 1 − s, so the
// mask only redistributes light; the preset's brightness makes up the loss on a real tube.

import type { CrtParams } from './params';

export interface MaskTile {
  width: number;
  height: number;
  /** r, g, b gains per tile pixel. */
  gain: Float32Array;
}

export function maskTile(p: Pick<CrtParams, 'mask' | 'maskStrength' | 'maskDotOutPx'>): MaskTile {
  const d = p.maskDotOutPx;
  const lit = 1 + p.maskStrength;
  const dark = 1 - p.maskStrength;
  const make = (w: number, h: number, channelAt: (x: number, y: number) => number): MaskTile => {
    const gain = new Float32Array(w * h * 3);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const ch = channelAt(x, y);
        for (let c = 0; c < 3; c++) gain[(y * w + x) * 3 + c] = ch < 0 ? dark : ch === c ? lit : dark;
      }
    return { width: w, height: h, gain };
  };
  switch (p.mask) {
    case 'aperture-grille':
      // Trinitron: continuous vertical R, G, B stripes.
      return make(3 * d, 1, (x) => Math.floor(x / d) % 3);
    case 'slot-mask':
      // Stripes broken into slots; neighbouring triads' breaks are staggered by half a slot.
      return make(6 * d, 4 * d, (x, y) => {
        const triad = Math.floor(x / (3 * d));
        const yy = (y + triad * 2 * d) % (4 * d);
        return yy < d ? -1 : Math.floor((x % (3 * d)) / d);
      });
    case 'shadow-mask':
      // Delta-gun dot triads: each row of dots shifted by half a triad.
      return make(3 * d, 2 * d, (x, y) => {
        const shift = Math.floor(y / d) % 2 === 1 ? Math.round(1.5 * d) : 0;
        return Math.floor(((x + shift) % (3 * d)) / d);
      });
    default:
      return { width: 1, height: 1, gain: new Float32Array([1, 1, 1]) };
  }
}
