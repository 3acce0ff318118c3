// NES background rules: a shared backdrop colour plus four sub-palettes of three colours; each
// 16×16 attribute area (2×2 tiles) uses one sub-palette, so any area shows at most the backdrop
// and three colours, and the whole screen at most 13 (nesdev.org/wiki/PPU_palettes).
//
// Choice: backdrop = the most frequent colour; each area's ideal trio is grown greedily by the
// dither-aware cost (cell-fit.ts); the four sub-palettes start from the ideal trio of the most
// common and then the worst-served areas, and are refined by alternating area assignment and
// re-fitting each sub-palette to its areas (k-medoids style, deterministic).

import type { LinearImage } from '../linear-image';
import { byFrequency, cellPixelLists, greedyExtend, nearestHistogram, oklabPalette, oklabPixels, setCost } from './cell-fit';
import type { ConstraintContext, ConstraintPlan } from './constraint';
import { MatcherPool } from './matcher-pool';
import { STICKY, STICKY_EPS, type ConstraintState } from './state';

export const NES_AREA = 16;
const SUBPALETTES = 4;
const SUB_COLORS = 3;
/** Refinement stops when the sub-palettes stop changing (usually 2–4 passes). */
const MAX_REFINE_PASSES = 8;
const MAX_FIT_SAMPLES = 4096;

function strided(pixels: number[], max: number): number[] {
  if (pixels.length <= max) return pixels;
  const step = pixels.length / max;
  const out: number[] = [];
  for (let k = 0; k < max; k++) out.push(pixels[Math.floor(k * step)]);
  return out;
}

export function nesPlan(img: LinearImage, ctx: ConstraintContext, state: ConstraintState = {}): ConstraintPlan {
  const lab = oklabPixels(img);
  const palLab = oklabPalette(ctx.palette);
  const usable = Array.from(ctx.matcher.indices);
  const grid = cellPixelLists(img.width, img.height, NES_AREA, NES_AREA);
  const all = Array.from({ length: img.width * img.height }, (_, i) => i);

  const globalHist = nearestHistogram(lab, strided(all, 16384), palLab, usable);
  let bg = byFrequency(globalHist)[0];
  if (state.shared && state.shared.length === 1 && (globalHist.get(state.shared[0]) ?? 0) >= (globalHist.get(bg) ?? 0) / STICKY) bg = state.shared[0];

  const areaHist = grid.cells.map((px) => nearestHistogram(lab, px, palLab, usable));
  const ideal = grid.cells.map((px, a) => {
    const cand = byFrequency(areaHist[a]).filter((c) => c !== bg).slice(0, 8);
    const trio = greedyExtend(lab, px, palLab, [bg], cand, SUB_COLORS);
    while (trio.length < SUB_COLORS) trio.push(bg);
    return trio;
  });
  const idealCost = grid.cells.map((px, a) => setCost(lab, px, palLab, [bg, ...ideal[a]]));

  // Seed: the commonest ideal trio, then the trio of whichever area is served worst.
  let subs: number[][] = [];
  const continuing = state.sets !== undefined && state.sets.length === SUBPALETTES && state.shared?.[0] === bg;
  if (continuing) subs = state.sets!.map((s) => [...s]);
  else {
    const freq = new Map<string, { trio: number[]; n: number }>();
    for (const t of ideal) {
      const k = [...t].sort((a, b) => a - b).join(',');
      const e = freq.get(k);
      if (e) e.n++;
      else freq.set(k, { trio: t, n: 1 });
    }
    subs.push([...freq.entries()].sort((a, b) => b[1].n - a[1].n || (a[0] < b[0] ? -1 : 1))[0][1].trio);
    while (subs.length < SUBPALETTES) {
      let worst = -1;
      let worstGap = -1;
      grid.cells.forEach((px, a) => {
        const cur = Math.min(...subs.map((s) => setCost(lab, px, palLab, [bg, ...s])));
        const gap = cur - idealCost[a];
        if (gap > worstGap) {
          worstGap = gap;
          worst = a;
        }
      });
      subs.push(worstGap > 0 ? ideal[worst] : subs[0]);
    }
  }

  const assign = () =>
    grid.cells.map((px) => {
      let best = 0;
      let bestCost = Infinity;
      subs.forEach((s, k) => {
        const c = setCost(lab, px, palLab, [bg, ...s], bestCost);
        if (c < bestCost) {
          bestCost = c;
          best = k;
        }
      });
      return best;
    });

  for (let pass = 0; pass < MAX_REFINE_PASSES; pass++) {
    const owner = assign();
    const before = JSON.stringify(subs);
    subs = subs.map((s, k) => {
      const px: number[] = [];
      const hist = new Map<number, number>();
      owner.forEach((o, a) => {
        if (o !== k) return;
        for (const p of grid.cells[a]) px.push(p);
        for (const [c, n] of areaHist[a]) hist.set(c, (hist.get(c) ?? 0) + n);
      });
      if (px.length === 0) return s;
      const sample = strided(px, MAX_FIT_SAMPLES);
      const cand = byFrequency(hist).filter((c) => c !== bg).slice(0, 10);
      const fitted = greedyExtend(lab, sample, palLab, [bg], cand, SUB_COLORS);
      while (fitted.length < SUB_COLORS) fitted.push(bg);
      const oldCost = setCost(lab, sample, palLab, [bg, ...s]);
      const newCost = setCost(lab, sample, palLab, [bg, ...fitted]);
      // Across frames, a sub-palette only changes when the new fit is clearly better.
      const keep = continuing ? oldCost <= newCost * STICKY + STICKY_EPS : oldCost <= newCost;
      return keep ? s : fitted;
    });
    if (JSON.stringify(subs) === before) break;
  }
  const owner = assign();

  const pool = new MatcherPool(ctx.palette, ctx.distance);
  const subIds = subs.map((s) => pool.idFor([bg, ...s]));
  const cellOf = new Uint16Array(img.width * img.height);
  for (let i = 0; i < cellOf.length; i++) cellOf[i] = subIds[owner[grid.cellOf[i]]];
  state.sets = subs;
  state.shared = [bg];
  return {
    img,
    target: { matchers: pool.matchers, cellOf },
    cells: { cellWidth: NES_AREA, cellHeight: NES_AREA, cols: grid.cols, rows: grid.rows, sets: owner.map((o) => [bg, ...subs[o]]), shared: [bg] },
  };
}
