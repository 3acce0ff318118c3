// Bayer (1973) dispersed-dot matrices by the recursion M₂ = [[0,2],[3,1]],
// M₂ₙ = [[4M, 4M+2], [4M+3, 4M+1]].

import { thresholdMapFromRanks, type ThresholdMap } from './threshold-map';

export function bayerRanks(size: number): Uint16Array {
  if (size < 2 || (size & (size - 1)) !== 0) throw new Error(`Bayer matrix size must be a power of two ≥ 2; got ${size}.`);
  let m = Uint16Array.from([0, 2, 3, 1]);
  let n = 2;
  while (n < size) {
    const next = new Uint16Array(4 * n * n);
    const n2 = n * 2;
    for (let y = 0; y < n; y++)
      for (let x = 0; x < n; x++) {
        const v = 4 * m[y * n + x];
        next[y * n2 + x] = v;
        next[y * n2 + x + n] = v + 2;
        next[(y + n) * n2 + x] = v + 3;
        next[(y + n) * n2 + x + n] = v + 1;
      }
    m = next;
    n = n2;
  }
  return m;
}

const cache = new Map<number, ThresholdMap>();

export function bayerMap(size: number): ThresholdMap {
  let m = cache.get(size);
  if (!m) cache.set(size, (m = thresholdMapFromRanks(`bayer${size}`, size, size, bayerRanks(size))));
  return m;
}
