// Blue-noise threshold map by Ulichney's void-and-cluster method (1993), generated here from a
// seed instead of shipping a texture. Energy is a Gaussian (σ = 1.5) summed over a torus, so the
// tile repeats seamlessly. Because the Gaussian's total over the torus is constant, "tightest
// cluster of zeros" in phase 3 is the "largest void of ones", and one energy field serves all
// three phases. Cost ≈ 2·n² per rank (update + search): ~0.1 s for 64², once per process.

import { mulberry32 } from '../../util/random';
import { thresholdMapFromRanks, type ThresholdMap } from './threshold-map';

export function voidAndCluster(size: number, seed = 0x6b696e6f, sigma = 1.5): Uint16Array {
  const n = size * size;
  // Toroidal Gaussian kernel, indexed by (dy mod size) * size + (dx mod size).
  const g = new Float64Array(n);
  for (let dy = 0; dy < size; dy++)
    for (let dx = 0; dx < size; dx++) {
      const x = Math.min(dx, size - dx);
      const y = Math.min(dy, size - dy);
      g[dy * size + dx] = Math.exp(-(x * x + y * y) / (2 * sigma * sigma));
    }
  const energy = new Float64Array(n);
  const bits = new Uint8Array(n);
  const splat = (p: number, sign: number) => {
    const px = p % size, py = (p / size) | 0;
    for (let y = 0; y < size; y++) {
      const gy = ((y - py + size) % size) * size;
      const row = y * size;
      for (let x = 0; x < size; x++) energy[row + x] += sign * g[gy + ((x - px + size) % size)];
    }
  };
  const tightestCluster = (): number => {
    let best = -1, bestE = -Infinity;
    for (let i = 0; i < n; i++) if (bits[i] && energy[i] > bestE) { bestE = energy[i]; best = i; }
    return best;
  };
  const largestVoid = (): number => {
    let best = -1, bestE = Infinity;
    for (let i = 0; i < n; i++) if (!bits[i] && energy[i] < bestE) { bestE = energy[i]; best = i; }
    return best;
  };

  // Initial binary pattern: ~10 % minority pixels, then relax until the tightest cluster is the
  // largest void.
  const rand = mulberry32(seed);
  const ones = Math.max(1, Math.floor(n / 10));
  let placed = 0;
  while (placed < ones) {
    const p = Math.floor(rand() * n);
    if (bits[p]) continue;
    bits[p] = 1;
    splat(p, 1);
    placed++;
  }
  for (let guard = 0; guard < n * 4; guard++) {
    const c = tightestCluster();
    bits[c] = 0;
    splat(c, -1);
    const v = largestVoid();
    bits[v] = 1;
    splat(v, 1);
    if (v === c) break;
  }
  const prototype = bits.slice();
  const protoEnergy = energy.slice();
  const ranks = new Uint16Array(n);

  // Phase 1: remove clusters, highest rank first.
  for (let rank = ones - 1; rank >= 0; rank--) {
    const c = tightestCluster();
    bits[c] = 0;
    splat(c, -1);
    ranks[c] = rank;
  }
  // Phases 2 and 3: from the prototype, fill voids.
  bits.set(prototype);
  energy.set(protoEnergy);
  for (let rank = ones; rank < n; rank++) {
    const v = largestVoid();
    bits[v] = 1;
    splat(v, 1);
    ranks[v] = rank;
  }
  return ranks;
}

const cache = new Map<number, ThresholdMap>();

/** The 64×64 (default) blue-noise map, generated once per process. */
export function blueNoiseMap(size = 64): ThresholdMap {
  let m = cache.get(size);
  if (!m) cache.set(size, (m = thresholdMapFromRanks(`blue-noise-${size}`, size, size, voidAndCluster(size))));
  return m;
}
