// True peak per ITU-R BS.1770-4 Annex 2: 4× oversampling with the Recommendation's 48-tap
// interpolator (4 phases × 12 taps), then the largest absolute value. The Annex's −12.04 dB
// pre-attenuation exists only to give fixed-point implementations headroom; in floating
// point it cancels and is left out. The same filter is used at every input rate (it is ≥4×
// at 48 kHz and below, which is what the Annex asks for).

// Phase 0 of the Annex 2 table; phase 3 is its reverse, phase 2 the reverse of phase 1.
const PHASE0 = [0.001708984375, 0.010986328125, -0.0196533203125, 0.033203125, -0.0594482421875, 0.1373291015625, 0.97216796875, -0.102294921875, 0.047607421875, -0.026611328125, 0.014892578125, -0.00830078125];
const PHASE1 = [-0.0291748046875, 0.029296875, -0.0517578125, 0.089111328125, -0.166503906250, 0.465087890625, 0.779785156250, -0.2003173828125, 0.1015625, -0.0582275390625, 0.0330810546875, -0.0189208984375];
export const TRUE_PEAK_PHASES: readonly (readonly number[])[] = [PHASE0, PHASE1, [...PHASE1].reverse(), [...PHASE0].reverse()];

const TAPS = 12;
/** Interpolator delay in input samples: output at input time n describes about n − 6. */
export const TRUE_PEAK_DELAY = 6;
const CHUNK = 1 << 16;
const BLOCK = 32;
/** Largest gain any phase can apply: Σ|h_p[k]|. No interpolated value exceeds this × the window's peak. */
const BOUND = Math.max(...TRUE_PEAK_PHASES.map((p) => p.reduce((a, h) => a + Math.abs(h), 0)));

interface ScanTarget {
  /** Interpolation can be skipped for a block whose outputs cannot exceed this. */
  floor(): number;
  visit(i: number, peak: number): void;
  /** Called instead of visit for the samples of a skipped block. */
  skipped(from: number, to: number): void;
}

/**
 * Feeds `t.visit(index, peak)` the largest absolute value of the four interpolated points
 * around each input sample (the sample itself included). Chunked, so a whole film never
 * needs an oversampled copy in memory; and blocks whose inputs are too small to reach
 * `t.floor()` even in the worst case (window peak × Σ|h|) are not interpolated at all —
 * on programme material that is most of them, which makes the meter ~4× faster.
 */
function scan(x: Float32Array, t: ScanTarget): void {
  const n = x.length;
  const [h0, h1, h2, h3] = TRUE_PEAK_PHASES.map((p) => Float64Array.from(p));
  // buf holds the previous 11 samples, then the chunk; trailing zeros flush the filter.
  const buf = new Float32Array(TAPS - 1 + CHUNK);
  const total = n + TRUE_PEAK_DELAY;
  for (let start = 0; start < total; start += CHUNK) {
    const len = Math.min(CHUNK, total - start);
    for (let j = 0; j < len; j++) {
      const s = start + j;
      buf[TAPS - 1 + j] = s < n ? x[s] : 0;
    }
    for (let b0 = 0; b0 < len; b0 += BLOCK) {
      const b1 = Math.min(len, b0 + BLOCK);
      let wmax = 0;
      for (let k = b0; k < TAPS - 1 + b1; k++) {
        const v = buf[k] < 0 ? -buf[k] : buf[k];
        if (v > wmax) wmax = v;
      }
      if (wmax * BOUND <= t.floor()) {
        const from = Math.max(0, start + b0 - TRUE_PEAK_DELAY);
        const to = Math.min(n, start + b1 - TRUE_PEAK_DELAY);
        if (to > from) t.skipped(from, to);
        continue;
      }
      for (let j = b0; j < b1; j++) {
        // Taps run newest (k = 0) to oldest (k = 11): y[4m+p] = Σ h_p[k]·x[m−k].
        let a = 0, b = 0, c = 0, d = 0;
        const top = TAPS - 1 + j;
        for (let k = 0; k < TAPS; k++) {
          const v = buf[top - k];
          a += h0[k] * v;
          b += h1[k] * v;
          c += h2[k] * v;
          d += h3[k] * v;
        }
        let m = a < 0 ? -a : a;
        if (b > m) m = b; else if (-b > m) m = -b;
        if (c > m) m = c; else if (-c > m) m = -c;
        if (d > m) m = d; else if (-d > m) m = -d;
        const at = start + j - TRUE_PEAK_DELAY;
        if (at >= 0 && at < n) {
          const sv = x[at] < 0 ? -x[at] : x[at];
          t.visit(at, sv > m ? sv : m);
        }
      }
    }
    // Keep the last 11 samples of this chunk as history for the next.
    buf.copyWithin(0, len, len + TAPS - 1);
  }
}

/** Linear true peak of one channel (1.0 = 0 dBTP). */
export function truePeak(x: Float32Array): number {
  let peak = 0;
  scan(x, {
    floor: () => peak,
    visit: (_, p) => {
      if (p > peak) peak = p;
    },
    skipped: () => {},
  });
  return peak;
}

/**
 * Per-sample true-peak envelope: out[i] is the largest inter-sample magnitude within about
 * a quarter-sample of i. Values at or below `floor` are only guaranteed to be ≤ floor (the
 * limiter passes its ceiling: it only needs to know where the signal goes over).
 */
export function truePeakEnvelope(x: Float32Array, out = new Float32Array(x.length), floor = 0): Float32Array {
  scan(x, {
    floor: () => floor,
    visit: (i, p) => {
      out[i] = p;
    },
    skipped: (from, to) => {
      for (let i = from; i < to; i++) out[i] = x[i] < 0 ? -x[i] : x[i];
    },
  });
  return out;
}

/** Linear true peak of all channels, in dBTP. −Infinity for digital silence. */
export function truePeakDb(channels: Float32Array[]): number {
  let peak = 0;
  for (const c of channels) peak = Math.max(peak, truePeak(c));
  return 20 * Math.log10(peak);
}
