// Second-order IIR sections: the RBJ "Audio EQ Cookbook" designs (bilinear transform with
// frequency pre-warping), run as transposed direct form II in double precision. TDF-II keeps
// only two state values per section and behaves well with float input; the state lives in
// JS numbers (doubles) so low cut-offs at 48 kHz (e.g. 20 Hz high-passes) stay stable.

export interface BiquadCoefficients {
  b0: number;
  b1: number;
  b2: number;
  /** Denominator without the leading 1 (a0 already divided out). */
  a1: number;
  a2: number;
}

export type BiquadType = 'lowpass' | 'highpass' | 'bandpass' | 'notch' | 'peaking' | 'lowshelf' | 'highshelf' | 'allpass';

/**
 * RBJ cookbook biquad. `frequencyHz` is the corner/centre, `q` the quality factor (0.7071 =
 * Butterworth for low/high-pass), `gainDb` only for peaking and shelves.
 */
export function designBiquad(type: BiquadType, frequencyHz: number, sampleRate: number, q = Math.SQRT1_2, gainDb = 0): BiquadCoefficients {
  // Keep the corner strictly inside (0, Nyquist): a corner at Nyquist makes sin(w0) = 0.
  const f = Math.min(Math.max(frequencyHz, 1e-3), sampleRate * 0.4999);
  const w0 = (2 * Math.PI * f) / sampleRate;
  const cos = Math.cos(w0);
  const sin = Math.sin(w0);
  const alpha = sin / (2 * q);
  const A = Math.pow(10, gainDb / 40);
  let b0: number, b1: number, b2: number, a0: number, a1: number, a2: number;
  switch (type) {
    case 'lowpass':
      b0 = (1 - cos) / 2; b1 = 1 - cos; b2 = (1 - cos) / 2;
      a0 = 1 + alpha; a1 = -2 * cos; a2 = 1 - alpha;
      break;
    case 'highpass':
      b0 = (1 + cos) / 2; b1 = -(1 + cos); b2 = (1 + cos) / 2;
      a0 = 1 + alpha; a1 = -2 * cos; a2 = 1 - alpha;
      break;
    case 'bandpass': // constant 0 dB peak gain
      b0 = alpha; b1 = 0; b2 = -alpha;
      a0 = 1 + alpha; a1 = -2 * cos; a2 = 1 - alpha;
      break;
    case 'notch':
      b0 = 1; b1 = -2 * cos; b2 = 1;
      a0 = 1 + alpha; a1 = -2 * cos; a2 = 1 - alpha;
      break;
    case 'allpass':
      b0 = 1 - alpha; b1 = -2 * cos; b2 = 1 + alpha;
      a0 = 1 + alpha; a1 = -2 * cos; a2 = 1 - alpha;
      break;
    case 'peaking':
      b0 = 1 + alpha * A; b1 = -2 * cos; b2 = 1 - alpha * A;
      a0 = 1 + alpha / A; a1 = -2 * cos; a2 = 1 - alpha / A;
      break;
    case 'lowshelf': {
      const s = 2 * Math.sqrt(A) * alpha;
      b0 = A * (A + 1 - (A - 1) * cos + s); b1 = 2 * A * (A - 1 - (A + 1) * cos); b2 = A * (A + 1 - (A - 1) * cos - s);
      a0 = A + 1 + (A - 1) * cos + s; a1 = -2 * (A - 1 + (A + 1) * cos); a2 = A + 1 + (A - 1) * cos - s;
      break;
    }
    case 'highshelf': {
      const s = 2 * Math.sqrt(A) * alpha;
      b0 = A * (A + 1 + (A - 1) * cos + s); b1 = -2 * A * (A - 1 + (A + 1) * cos); b2 = A * (A + 1 + (A - 1) * cos - s);
      a0 = A + 1 - (A - 1) * cos + s; a1 = 2 * (A - 1 - (A + 1) * cos); a2 = A + 1 - (A - 1) * cos - s;
      break;
    }
  }
  return { b0: b0 / a0, b1: b1 / a0, b2: b2 / a0, a1: a1 / a0, a2: a2 / a0 };
}

/** Magnitude response in dB of a section at `frequencyHz`. */
export function biquadGainDb(c: BiquadCoefficients, frequencyHz: number, sampleRate: number): number {
  const w = (2 * Math.PI * frequencyHz) / sampleRate;
  const c1 = Math.cos(w), s1 = Math.sin(w), c2 = Math.cos(2 * w), s2 = Math.sin(2 * w);
  const nr = c.b0 + c.b1 * c1 + c.b2 * c2, ni = -(c.b1 * s1 + c.b2 * s2);
  const dr = 1 + c.a1 * c1 + c.a2 * c2, di = -(c.a1 * s1 + c.a2 * s2);
  return 10 * Math.log10((nr * nr + ni * ni) / (dr * dr + di * di));
}

/** One stateful section. `process` filters a block in place (or into `out`). */
export class Biquad {
  private z1 = 0;
  private z2 = 0;
  constructor(public c: BiquadCoefficients) {}

  static of(type: BiquadType, frequencyHz: number, sampleRate: number, q?: number, gainDb?: number): Biquad {
    return new Biquad(designBiquad(type, frequencyHz, sampleRate, q, gainDb));
  }

  reset(): void {
    this.z1 = 0;
    this.z2 = 0;
  }

  /** One sample; use `process` for blocks (the loop there keeps state in locals). */
  tick(x: number): number {
    const { b0, b1, b2, a1, a2 } = this.c;
    const y = b0 * x + this.z1;
    this.z1 = b1 * x - a1 * y + this.z2;
    this.z2 = b2 * x - a2 * y;
    return y;
  }

  process(input: Float32Array, out: Float32Array = input, start = 0, end = input.length): Float32Array {
    const { b0, b1, b2, a1, a2 } = this.c;
    let z1 = this.z1, z2 = this.z2;
    for (let i = start; i < end; i++) {
      const x = input[i];
      const y = b0 * x + z1;
      z1 = b1 * x - a1 * y + z2;
      z2 = b2 * x - a2 * y;
      out[i] = y;
    }
    // Flush denormal-sized state: long silent tails otherwise crawl on some CPUs.
    this.z1 = Math.abs(z1) < 1e-25 ? 0 : z1;
    this.z2 = Math.abs(z2) < 1e-25 ? 0 : z2;
    return out;
  }
}

/** A cascade of sections applied in order. */
export class BiquadChain {
  readonly sections: Biquad[];
  constructor(coeffs: BiquadCoefficients[]) {
    this.sections = coeffs.map((c) => new Biquad(c));
  }
  process(input: Float32Array, out: Float32Array = input, start = 0, end = input.length): Float32Array {
    let src = input;
    for (const s of this.sections) {
      s.process(src, out, start, end);
      src = out;
    }
    return out;
  }
  reset(): void {
    for (const s of this.sections) s.reset();
  }
}
