// Seeded noise colours. Every generator draws from src/util/random.ts, so the same seed gives
// the same samples on every machine (no Math.random on the output path).
//
// Pink uses Paul Kellet's refined 7-pole approximation (within ±0.05 dB of −3 dB/octave from
// 9 Hz to Nyquist at 44.1–48 kHz); brown is a leaky integrator (−6 dB/octave above ~8 Hz, so it
// cannot drift off to DC the way a pure integrator does).

import { hashString, mulberry32 } from '../../util/random';

export type NoiseColor = 'white' | 'pink' | 'brown';

export type Seed = string | number;

/** Turns a seed (an id, or a number) and optional sub-keys into a 32-bit integer. */
export function seedOf(seed: Seed, ...parts: Array<string | number>): number {
  return hashString([String(seed), ...parts.map(String)].join('\u0000'));
}

export class Noise {
  private rng: () => number;
  private p0 = 0; private p1 = 0; private p2 = 0; private p3 = 0; private p4 = 0; private p5 = 0; private p6 = 0;
  private br = 0;

  constructor(seed: Seed, ...parts: Array<string | number>) {
    this.rng = mulberry32(seedOf(seed, ...parts));
  }

  /** Uniform in [0, 1). */
  uniform(): number {
    return this.rng();
  }

  /** Uniform white in [−1, 1). */
  white(): number {
    return this.rng() * 2 - 1;
  }

  /** Pink (−3 dB/oct), RMS ≈ 0.3 for unit-range white. */
  pink(): number {
    const w = this.rng() * 2 - 1;
    this.p0 = 0.99886 * this.p0 + w * 0.0555179;
    this.p1 = 0.99332 * this.p1 + w * 0.0750759;
    this.p2 = 0.969 * this.p2 + w * 0.153852;
    this.p3 = 0.8665 * this.p3 + w * 0.3104856;
    this.p4 = 0.55 * this.p4 + w * 0.5329522;
    this.p5 = -0.7616 * this.p5 - w * 0.016898;
    const out = this.p0 + this.p1 + this.p2 + this.p3 + this.p4 + this.p5 + this.p6 + w * 0.5362;
    this.p6 = w * 0.115926;
    return out * 0.11;
  }

  /** Brown (−6 dB/oct), RMS ≈ 0.25. */
  brown(): number {
    const w = this.rng() * 2 - 1;
    this.br = (this.br + 0.02 * w) / 1.02;
    return this.br * 3.5;
  }

  /** Gaussian (Box–Muller), unit variance. */
  gaussian(): number {
    const u = Math.max(this.rng(), 1e-12);
    const v = this.rng();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Uniform in [lo, hi). */
  range(lo: number, hi: number): number {
    return lo + (hi - lo) * this.rng();
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.rng() * n);
  }

  /** Exponential inter-arrival time for a Poisson process of `ratePerSecond`. */
  exponential(ratePerSecond: number): number {
    return -Math.log(1 - this.rng()) / ratePerSecond;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.rng() * items.length)];
  }

  fill(out: Float32Array, color: NoiseColor, gain = 1, start = 0, end = out.length): Float32Array {
    if (color === 'white') for (let i = start; i < end; i++) out[i] = this.white() * gain;
    else if (color === 'pink') for (let i = start; i < end; i++) out[i] = this.pink() * gain;
    else for (let i = start; i < end; i++) out[i] = this.brown() * gain;
    return out;
  }
}
