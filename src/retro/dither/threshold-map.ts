// A threshold map for positional (ordered) dithering: values in [0, 1), tiled over the image.
// Screen-anchored by default so a still region gets the same pattern every frame (no crawl);
// an offset moves the tile with a layer or the world for parallax and camera pans.

export interface ThresholdMap {
  readonly name: string;
  readonly width: number;
  readonly height: number;
  /** Row-major thresholds in [0, 1), uniformly spread: (rank + 0.5) / n. */
  readonly values: Float32Array;
  /** Row-major ranks 0..n-1 (for pattern dithers that index a plan). */
  readonly ranks: Uint16Array;
}

/** Builds a map from ranks (0..n-1, each once) laid out row-major. */
export function thresholdMapFromRanks(name: string, width: number, height: number, ranks: ArrayLike<number>): ThresholdMap {
  const n = width * height;
  const values = new Float32Array(n);
  const r = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    r[i] = ranks[i];
    values[i] = (ranks[i] + 0.5) / n;
  }
  return { name, width, height, values, ranks: r };
}

/** Ranks positions by a score (lowest first), ties broken by position: deterministic. */
export function ranksFromScores(scores: ArrayLike<number>): Uint16Array {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b] || a - b);
  const ranks = new Uint16Array(n);
  order.forEach((pos, rank) => (ranks[pos] = rank));
  return ranks;
}

/** Tile lookup with a (possibly negative) offset. */
export function thresholdAt(map: ThresholdMap, x: number, y: number): number {
  const tx = ((x % map.width) + map.width) % map.width;
  const ty = ((y % map.height) + map.height) % map.height;
  return map.values[ty * map.width + tx];
}
