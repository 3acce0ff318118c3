// Commodore 64 multicolour bitmap mode: 160×200 double-wide pixels; each 4×8 cell shows the
// screen-wide background colour ($D021) plus three colours of its own (screen RAM high and low
// nybble, colour RAM). The input is averaged to half width in linear light, dithered per cell,
// and each wide pixel is written twice so the output keeps the input's width.

import { KinoError, issue } from '../../doc/errors';
import type { LinearImage } from '../linear-image';
import { byFrequency, cellPixelLists, greedyExtend, nearestHistogram, oklabPalette, oklabPixels, setCost } from './cell-fit';
import type { ConstraintContext, ConstraintPlan } from './constraint';
import { MatcherPool } from './matcher-pool';
import { STICKY, STICKY_EPS, type ConstraintState } from './state';

export const C64_CELL_W = 4;
export const C64_CELL_H = 8;

export function halveWidth(img: LinearImage): LinearImage {
  const w2 = Math.ceil(img.width / 2);
  const rgb = new Float32Array(w2 * img.height * 3);
  let opaque: Uint8Array | null = null;
  for (let y = 0; y < img.height; y++)
    for (let x = 0; x < w2; x++) {
      const a = y * img.width + 2 * x;
      const b = 2 * x + 1 < img.width ? a + 1 : a;
      const o = (y * w2 + x) * 3;
      for (let c = 0; c < 3; c++) rgb[o + c] = (img.rgb[a * 3 + c] + img.rgb[b * 3 + c]) / 2;
      if (img.opaque && !img.opaque[a] && !img.opaque[b]) {
        if (!opaque) opaque = new Uint8Array(w2 * img.height).fill(1);
        opaque[y * w2 + x] = 0;
      }
    }
  return { width: w2, height: img.height, rgb, opaque };
}

export function c64MulticolorPlan(img: LinearImage, ctx: ConstraintContext, state: ConstraintState = {}): ConstraintPlan {
  if (ctx.palette.rgb.length !== 16 * 3) {
    throw new KinoError(
      issue('retro/constraint-palette', `C64 multicolour mode needs a 16-colour C64 palette; "${ctx.palette.name}" has ${ctx.palette.rgb.length / 3}.`, {
        hint: 'Use --palette c64_pepto (default), c64_colodore or c64_wikipedia.',
      }),
    );
  }
  const outW = img.width;
  const half = halveWidth(img);
  const lab = oklabPixels(half);
  const palLab = oklabPalette(ctx.palette);
  const usable = Array.from(ctx.matcher.indices);
  const all = Array.from({ length: half.width * half.height }, (_, i) => i);
  const hist = nearestHistogram(lab, all, palLab, usable);
  let bg = byFrequency(hist)[0];
  if (state.shared?.length === 1 && (hist.get(state.shared[0]) ?? 0) >= (hist.get(bg) ?? 0) / STICKY) bg = state.shared[0];
  const keepSets = state.shared?.[0] === bg ? state.sets : undefined;

  const grid = cellPixelLists(half.width, half.height, C64_CELL_W, C64_CELL_H);
  const pool = new MatcherPool(ctx.palette, ctx.distance);
  const sets: number[][] = [];
  const cellMatcher = new Uint16Array(grid.cells.length);
  grid.cells.forEach((px, c) => {
    let trio = greedyExtend(lab, px, palLab, [bg], usable, 3);
    const prev = keepSets?.[c];
    if (prev && prev.length === 4) {
      const old = setCost(lab, px, palLab, prev);
      const fresh = setCost(lab, px, palLab, [bg, ...trio]);
      if (old <= fresh * STICKY + STICKY_EPS) trio = prev.slice(1);
    }
    const set = [bg, ...trio];
    sets.push(set);
    cellMatcher[c] = pool.idFor(set);
  });
  state.sets = sets;
  state.shared = [bg];
  const cellOf = new Uint16Array(half.width * half.height);
  for (let i = 0; i < cellOf.length; i++) cellOf[i] = cellMatcher[grid.cellOf[i]];

  const expand = (indices: Uint16Array) => {
    const out = new Uint16Array(outW * half.height);
    for (let y = 0; y < half.height; y++)
      for (let x = 0; x < outW; x++) out[y * outW + x] = indices[y * half.width + (x >> 1)];
    return { indices: out, width: outW, height: half.height };
  };
  return {
    img: half,
    target: { matchers: pool.matchers, cellOf },
    expand,
    cells: { cellWidth: C64_CELL_W * 2, cellHeight: C64_CELL_H, cols: grid.cols, rows: grid.rows, sets, shared: [bg] },
  };
}
