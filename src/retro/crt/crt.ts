// CRT and handheld-display simulation on the CPU, from the maths in reference/retro.md §4:
// decode with the gun's gamma, work in linear light, one Gaussian beam per scanline whose width
// grows with brightness (summed over the two nearest lines), a horizontal Gaussian spot, phosphor
// mask in output space, barrel warp, rounded corners and vignette, bloom and halation as blurred
// light added back, convergence error as per-channel horizontal offsets, and field alternation
// for interlace. Beam and spot weights come from precomputed tables; geometry is computed once
// per shot. Deterministic: output depends only on the frame, the parameters and the frame index.

import type { Frame } from '../frame';
import { gaussianBlurRgb } from '../blur';
import { crtGeometry } from './geometry';
import { maskTile } from './mask';
import { resolveCrtParams, type CrtPresetName } from './presets';
import type { CrtParams, CrtParamsInput } from './params';

export type CrtSpec = CrtPresetName | (CrtParamsInput & { preset?: CrtPresetName });

const BRIGHT_STEPS = 64;
const DY_STEPS = 128;
const FRAC_STEPS = 64;
const ENC_SIZE = 4096;

interface Tables {
  dec: Float32Array;
  enc: Uint8Array;
  /** Beam weight by [brightness step][dy step], dy ∈ [0, 2) lines. */
  beam: Float32Array;
  /** Horizontal 4-tap weights by fractional position. */
  spot: Float32Array;
}

function buildTables(p: CrtParams): Tables {
  const dec = new Float32Array(256);
  for (let i = 0; i < 256; i++) dec[i] = Math.pow(i / 255, p.gammaIn);
  const enc = new Uint8Array(ENC_SIZE);
  for (let i = 0; i < ENC_SIZE; i++) enc[i] = Math.round(255 * Math.pow(i / (ENC_SIZE - 1), 1 / p.gammaOut));
  const beam = new Float32Array(BRIGHT_STEPS * DY_STEPS);
  for (let b = 0; b < BRIGHT_STEPS; b++) {
    const bright = b / (BRIGHT_STEPS - 1);
    const sigma = p.beamMinLines + (p.beamMaxLines - p.beamMinLines) * Math.sqrt(bright);
    const norm = 1 / (sigma * Math.sqrt(2 * Math.PI));
    for (let d = 0; d < DY_STEPS; d++) {
      const dy = (d / DY_STEPS) * 2;
      beam[b * DY_STEPS + d] = Math.exp(-(dy * dy) / (2 * sigma * sigma)) * norm;
    }
  }
  const spot = new Float32Array(FRAC_STEPS * 4);
  for (let f = 0; f < FRAC_STEPS; f++) {
    const t = f / FRAC_STEPS;
    let sum = 0;
    for (let k = 0; k < 4; k++) {
      // Taps at offsets −1, 0, 1, 2 from floor(x − 0.5); distance from the sample point.
      const dx = k - 1 - t;
      const w = p.sharpnessPx > 0 ? Math.exp(-(dx * dx) / (2 * p.sharpnessPx * p.sharpnessPx)) : k === (t < 0.5 ? 1 : 2) ? 1 : 0;
      spot[f * 4 + k] = w;
      sum += w;
    }
    for (let k = 0; k < 4; k++) spot[f * 4 + k] /= sum || 1;
  }
  return { dec, enc, beam, spot };
}

export interface CrtSession {
  readonly params: CrtParams;
  /** Simulates the display for one frame; frameIndex drives interlace fields. */
  process(frame: Frame, frameIndex?: number): Frame;
  /** Forget the previous frame (LCD ghosting), e.g. at a cut. */
  reset(): void;
}

export function createCrt(spec: CrtSpec): CrtSession {
  const p = resolveCrtParams(spec);
  const tables = buildTables(p);
  const tile = maskTile(p);
  let prev: Float32Array | null = null;
  return {
    params: p,
    reset() {
      prev = null;
    },
    process(frame: Frame, frameIndex = 0): Frame {
      const w = frame.width, h = frame.height;
      const W = Math.round(w * p.scale), H = Math.round(h * p.scale);
      // Decode to linear with the gun's gamma.
      const lin = new Float32Array(w * h * 3);
      const d = frame.data;
      for (let i = 0; i < w * h; i++) {
        lin[i * 3] = tables.dec[d[i * 4]];
        lin[i * 3 + 1] = tables.dec[d[i * 4 + 1]];
        lin[i * 3 + 2] = tables.dec[d[i * 4 + 2]];
      }
      if (p.ghosting > 0) {
        // Slow LCD response: each pixel eases towards its new value.
        if (prev && prev.length === lin.length) for (let i = 0; i < lin.length; i++) lin[i] = lin[i] * (1 - p.ghosting) + prev[i] * p.ghosting;
        prev = lin.slice();
      }
      const glow = glowMap(lin, w, h, p);
      const geo = crtGeometry(w, h, W, H, p);
      const out = new Uint8Array(W * H * 4);
      renderRows(lin, w, h, W, H, geo.map, p, tables, tile, glow, frameIndex, out);
      return { width: W, height: H, data: out };
    },
  };
}

/** Bloom and halation summed into one map at source resolution: bloom·blur(σb) + halation·blur(σh). */
function glowMap(lin: Float32Array, w: number, h: number, p: CrtParams): Float32Array | null {
  if (p.bloom <= 0 && p.halation <= 0) return null;
  const out = new Float32Array(lin.length);
  if (p.bloom > 0) {
    const b = gaussianBlurRgb(lin, w, h, p.bloomRadiusPx);
    for (let i = 0; i < out.length; i++) out[i] += p.bloom * b[i];
  }
  if (p.halation > 0) {
    const b = gaussianBlurRgb(lin, w, h, p.halationRadiusPx);
    for (let i = 0; i < out.length; i++) out[i] += p.halation * b[i];
  }
  return out;
}

/** One-shot convenience: a fresh session per call (no ghosting memory). */
export function applyCrt(frame: Frame, spec: CrtSpec, frameIndex = 0): Frame {
  return createCrt(spec).process(frame, frameIndex);
}

function renderRows(
  lin: Float32Array,
  w: number,
  h: number,
  W: number,
  H: number,
  map: Float32Array,
  p: CrtParams,
  t: Tables,
  tile: ReturnType<typeof maskTile>,
  glow: Float32Array | null,
  frameIndex: number,
  out: Uint8Array,
): void {
  const field = p.interlace && (frameIndex & 1) === 1 ? 0.5 : 0;
  const scan = p.scanlineStrength;
  const ca = p.chromaticAberrationPx;
  const lcd = p.mask === 'lcd-grid';
  const gridDark = 1 - p.maskStrength;
  const gap = p.gridGap;
  const bright = p.brightness;
  const { beam, spot, enc } = t;
  const tw = tile.width, th = tile.height, tg = tile.gain;
  const encMax = ENC_SIZE - 1;
  const BS = BRIGHT_STEPS - 1;
  const halfDy = DY_STEPS / 2;
  // Per-channel sample positions: convergence error moves red right and blue left.
  const shift = [-ca, 0, ca];
  const c0 = new Float32Array(3);
  const c1 = new Float32Array(3);

  for (let oy = 0; oy < H; oy++) {
    const trow = (oy % th) * tw;
    for (let ox = 0; ox < W; ox++) {
      const m = (oy * W + ox) * 3;
      const light = map[m + 2];
      const o4 = (oy * W + ox) * 4;
      out[o4 + 3] = 255;
      if (light <= 0) continue;
      const sx = map[m], sy = map[m + 1];
      // The two scanlines around sy; with interlace, odd fields sit half a line lower.
      const ys = sy - 0.5 - field;
      const j0 = Math.floor(ys);
      const f = ys - j0;
      const r0 = (j0 < 0 ? 0 : j0 >= h ? h - 1 : j0) * w;
      const r1 = (j0 + 1 < 0 ? 0 : j0 + 1 >= h ? h - 1 : j0 + 1) * w;
      if (ca === 0) {
        // One horizontal spot for all three channels, both lines.
        const xs = sx - 0.5;
        const i0 = Math.floor(xs);
        const fi = ((xs - i0) * FRAC_STEPS) | 0;
        let a0 = 0, a1 = 0, a2 = 0, b0 = 0, b1 = 0, b2 = 0;
        for (let k = 0; k < 4; k++) {
          let xi = i0 - 1 + k;
          xi = xi < 0 ? 0 : xi >= w ? w - 1 : xi;
          const wt = spot[fi * 4 + k];
          if (wt === 0) continue;
          const s0 = (r0 + xi) * 3, s1 = (r1 + xi) * 3;
          a0 += lin[s0] * wt;
          a1 += lin[s0 + 1] * wt;
          a2 += lin[s0 + 2] * wt;
          b0 += lin[s1] * wt;
          b1 += lin[s1 + 1] * wt;
          b2 += lin[s1 + 2] * wt;
        }
        c0[0] = a0; c0[1] = a1; c0[2] = a2;
        c1[0] = b0; c1[1] = b1; c1[2] = b2;
      } else {
        for (let c = 0; c < 3; c++) {
          const xs = sx - 0.5 + shift[c];
          const i0 = Math.floor(xs);
          const fi = ((xs - i0) * FRAC_STEPS) | 0;
          let a = 0, b = 0;
          for (let k = 0; k < 4; k++) {
            let xi = i0 - 1 + k;
            xi = xi < 0 ? 0 : xi >= w ? w - 1 : xi;
            const wt = spot[fi * 4 + k];
            a += lin[(r0 + xi) * 3 + c] * wt;
            b += lin[(r1 + xi) * 3 + c] * wt;
          }
          c0[c] = a;
          c1[c] = b;
        }
      }
      const d0 = (f * halfDy) | 0;
      const d1 = ((1 - f) * halfDy) | 0;
      const tile0 = (trow + (ox % tw)) * 3;
      let gain = bright;
      if (lcd) {
        const fx = sx - Math.floor(sx), fy = sy - Math.floor(sy);
        if (fx >= 1 - gap || fy >= 1 - gap) gain *= gridDark;
      }
      // Glow (bloom + halation) is one pre-blurred map, sampled bilinearly once per pixel.
      let g0 = 0, g1 = 0, g2 = 0;
      if (glow !== null) {
        const gx = sx - 0.5, gy = sy - 0.5;
        let x0 = Math.floor(gx), y0 = Math.floor(gy);
        const fx = gx - x0, fy = gy - y0;
        let x1 = x0 + 1, y1 = y0 + 1;
        x0 = x0 < 0 ? 0 : x0 >= w ? w - 1 : x0;
        x1 = x1 < 0 ? 0 : x1 >= w ? w - 1 : x1;
        y0 = y0 < 0 ? 0 : y0 >= h ? h - 1 : y0;
        y1 = y1 < 0 ? 0 : y1 >= h ? h - 1 : y1;
        const q00 = (y0 * w + x0) * 3, q01 = (y0 * w + x1) * 3, q10 = (y1 * w + x0) * 3, q11 = (y1 * w + x1) * 3;
        const w00 = (1 - fx) * (1 - fy), w01 = fx * (1 - fy), w10 = (1 - fx) * fy, w11 = fx * fy;
        g0 = glow[q00] * w00 + glow[q01] * w01 + glow[q10] * w10 + glow[q11] * w11;
        g1 = glow[q00 + 1] * w00 + glow[q01 + 1] * w01 + glow[q10 + 1] * w10 + glow[q11 + 1] * w11;
        g2 = glow[q00 + 2] * w00 + glow[q01 + 2] * w01 + glow[q10 + 2] * w10 + glow[q11 + 2] * w11;
      }
      for (let c = 0; c < 3; c++) {
        const v0 = c0[c], v1 = c1[c];
        const flat = f < 0.5 ? v0 : v1;
        let v = flat;
        if (scan > 0) {
          const bi0 = ((v0 < 0 ? 0 : v0 > 1 ? 1 : v0) * BS + 0.5) | 0;
          const bi1 = ((v1 < 0 ? 0 : v1 > 1 ? 1 : v1) * BS + 0.5) | 0;
          const beamed = v0 * beam[bi0 * DY_STEPS + d0] + v1 * beam[bi1 * DY_STEPS + d1];
          v = flat + (beamed - flat) * scan;
        }
        v = (v * tg[tile0 + c] * gain + (c === 0 ? g0 : c === 1 ? g1 : g2)) * light;
        out[o4 + c] = enc[((v < 0 ? 0 : v > 1 ? 1 : v) * encMax + 0.5) | 0];
      }
    }
  }
}
