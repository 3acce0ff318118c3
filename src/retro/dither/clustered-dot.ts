// Clustered-dot (halftone) threshold maps derived from a spot function rather than copied tables:
// positions are ranked by the PostScript "Euclidean" spot function, so the dot grows as a disc
// from the cell centre, meets its neighbours at 50 % in a checkerboard, then closes as a hole.
// Two dots per tile on a 45° lattice (like a print screen) halve the visible period.

import { ranksFromScores, thresholdMapFromRanks, type ThresholdMap } from './threshold-map';

function euclideanSpot(u: number, v: number): number {
  const au = Math.abs(u), av = Math.abs(v);
  if (au + av <= 1) return 1 - (u * u + v * v);
  return (au - 1) ** 2 + (av - 1) ** 2 - 1;
}

export function clusteredDotMap(size: number): ThresholdMap {
  const n = size * size;
  const scores = new Float64Array(n);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      // Cell coordinates in [-1, 1] on a 45° lattice: (x + y) and (x − y) axes.
      const px = ((x + 0.5) / size) * 2;
      const py = ((y + 0.5) / size) * 2;
      const u = ((px + py) % 2) - 1;
      const v = ((((px - py) % 2) + 2) % 2) - 1;
      // High spot value = first to turn on (dot centre); rank ascending by negated spot.
      // Tiny position term keeps ties ordered the same everywhere.
      scores[y * size + x] = -euclideanSpot(u, v);
    }
  return thresholdMapFromRanks(`clustered-dot-${size}`, size, size, ranksFromScores(scores));
}

const cache = new Map<number, ThresholdMap>();
export function clusteredDot(size: number): ThresholdMap {
  let m = cache.get(size);
  if (!m) cache.set(size, (m = clusteredDotMap(size)));
  return m;
}
