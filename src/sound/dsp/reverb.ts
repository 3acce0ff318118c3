// A Schroeder–Moorer reverberator in the Freeverb arrangement (8 damped feedback combs in
// parallel, 4 allpasses in series, per channel; Jezar's public-domain design), from the
// structure rather than the code. Delay lengths are the classic 44.1 kHz primes scaled to
// the sample rate; the right channel's are offset by 23 samples for stereo width.

const COMBS = [1116, 1188, 1277, 1356, 1422, 1491, 1557, 1617];
const ALLPASSES = [556, 441, 341, 225];
const SPREAD = 23;

export interface ReverbOptions {
  /** 0..1: larger is a longer tail (comb feedback 0.7 … 0.98). */
  roomSize?: number;
  /** 0..1: high-frequency damping in the tail. */
  damping?: number;
  /** 0..1 stereo width of the wet signal. */
  width?: number;
}

class Comb {
  private buf: Float32Array;
  private i = 0;
  private store = 0;
  constructor(len: number, private feedback: number, private damp: number) {
    this.buf = new Float32Array(len);
  }
  tick(x: number): number {
    const y = this.buf[this.i];
    this.store = y * (1 - this.damp) + this.store * this.damp;
    this.buf[this.i] = x + this.store * this.feedback;
    if (++this.i >= this.buf.length) this.i = 0;
    return y;
  }
}

class Allpass {
  private buf: Float32Array;
  private i = 0;
  constructor(len: number) {
    this.buf = new Float32Array(len);
  }
  tick(x: number): number {
    const b = this.buf[this.i];
    this.buf[this.i] = x + b * 0.5;
    if (++this.i >= this.buf.length) this.i = 0;
    return b - x;
  }
}

export class Reverb {
  private combsL: Comb[];
  private combsR: Comb[];
  private apsL: Allpass[];
  private apsR: Allpass[];
  private wet1: number;
  private wet2: number;

  constructor(sampleRate: number, opts: ReverbOptions = {}) {
    const k = sampleRate / 44100;
    const fb = 0.7 + 0.28 * (opts.roomSize ?? 0.5);
    const damp = 0.4 * (opts.damping ?? 0.5);
    this.combsL = COMBS.map((d) => new Comb(Math.round(d * k), fb, damp));
    this.combsR = COMBS.map((d) => new Comb(Math.round((d + SPREAD) * k), fb, damp));
    this.apsL = ALLPASSES.map((d) => new Allpass(Math.round(d * k)));
    this.apsR = ALLPASSES.map((d) => new Allpass(Math.round((d + SPREAD) * k)));
    const w = opts.width ?? 1;
    this.wet1 = (w / 2 + 0.5) * 0.05; // 0.05: Freeverb's fixed input gain, keeps the wet ≈ unity
    this.wet2 = ((1 - w) / 2) * 0.05;
  }

  /** Adds the wet signal of (inL, inR)[start, end) times `mix` into (outL, outR). */
  process(inL: Float32Array, inR: Float32Array, outL: Float32Array, outR: Float32Array, mix: number, start = 0, end = inL.length): void {
    const { combsL, combsR, apsL, apsR } = this;
    const w1 = this.wet1 * mix, w2 = this.wet2 * mix;
    for (let i = start; i < end; i++) {
      const x = inL[i] + inR[i];
      let l = 0, r = 0;
      for (let c = 0; c < 8; c++) {
        l += combsL[c].tick(x);
        r += combsR[c].tick(x);
      }
      for (let a = 0; a < 4; a++) {
        l = apsL[a].tick(l);
        r = apsR[a].tick(r);
      }
      outL[i] += l * w1 + r * w2;
      outR[i] += r * w1 + l * w2;
    }
  }
}
