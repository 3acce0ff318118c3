import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { biquadGainDb } from '../../src/sound/dsp/biquad';
import { ffmpegEbur128 } from '../../src/sound/ebur128-ffmpeg';
import { kWeightingCoefficients } from '../../src/sound/k-weighting';
import { blockLoudness, measureLoudness } from '../../src/sound/loudness';
import { TRUE_PEAK_PHASES, truePeak, truePeakDb, truePeakEnvelope } from '../../src/sound/true-peak';
import { Noise } from '../../src/sound/dsp/noise';
import { writeWav } from '../../src/sound/wav';
import { sineSegments, tmpDir } from './helpers';

// BS.1770-4 Table 1 / Table 2 (48 kHz).
const SHELF_48K = { b0: 1.53512485958697, b1: -2.69169618940638, b2: 1.19839281085285, a1: -1.69065929318241, a2: 0.73248077421585 };
const RLB_48K = { b0: 1, b1: -2, b2: 1, a1: -1.99004745483398, a2: 0.99007225036621 };

describe('K-weighting', () => {
  it('reproduces the Recommendation’s 48 kHz coefficients', () => {
    const [shelf, hp] = kWeightingCoefficients(48000);
    for (const k of ['b0', 'b1', 'b2', 'a1', 'a2'] as const) {
      expect(shelf[k]).toBeCloseTo(SHELF_48K[k], 9);
      expect(hp[k]).toBeCloseTo(RLB_48K[k], 9);
    }
  });

  it('has the same response at 44.1 and 96 kHz as at 48 kHz (coefficients recomputed per rate)', () => {
    const response = (fs: number, f: number) => kWeightingCoefficients(fs).reduce((db, c) => db + biquadGainDb(c, f, fs), 0);
    for (const f of [50, 100, 1000, 4000, 10000]) {
      expect(response(44100, f)).toBeCloseTo(response(48000, f), 1);
      expect(response(96000, f)).toBeCloseTo(response(48000, f), 1);
    }
    // 1 kHz gains +0.691 dB (the constant in the loudness formula cancels it); the shelf
    // lifts 10 kHz by ~+4 dB.
    expect(Math.abs(response(48000, 1000) - 0.691)).toBeLessThan(0.01);
    expect(response(48000, 10000)).toBeCloseTo(4.04, 1);
    expect(response(48000, 20)).toBeLessThan(-10); // the RLB high-pass
  });
});

// EBU Tech 3341 test signals (1 kHz sine, the same in both channels) and the other
// reference cases of the reference table; nominal integrated loudness in LUFS.
const CASES: Array<{ name: string; segments: Array<[number, number]>; freq?: number; mono?: boolean; rate?: number; nominal: number; lra?: number }> = [
  { name: 'tech3341-1 (−23 dBFS)', segments: [[-23, 20]], nominal: -23 },
  { name: 'tech3341-2 (−33 dBFS)', segments: [[-33, 20]], nominal: -33 },
  { name: 'tech3341-3 (−36/−23/−36)', segments: [[-36, 10], [-23, 60], [-36, 10]], nominal: -23, lra: 13 },
  { name: 'tech3341-4 (−72/−36/−23/−36/−72)', segments: [[-72, 10], [-36, 10], [-23, 60], [-36, 10], [-72, 10]], nominal: -23 },
  { name: 'relative gate (−20 then −36)', segments: [[-20, 10], [-36, 10]], nominal: -20.06 },
  { name: 'mono file', segments: [[-23, 10]], mono: true, nominal: -26 },
  { name: '100 Hz', segments: [[-23, 10]], freq: 100, nominal: -24.82 },
  { name: '10 kHz', segments: [[-23, 10]], freq: 10000, nominal: -19.65 },
  { name: '44.1 kHz', segments: [[-23, 10]], rate: 44100, nominal: -23 },
];

describe('integrated loudness (BS.1770-4 gating) against the nominal values and FFmpeg ebur128', () => {
  const dir = tmpDir('loudness');
  it.each(CASES)('$name', async (c) => {
    const rate = c.rate ?? 48000;
    const x = sineSegments(c.segments, c.freq ?? 1000, rate);
    const channels = c.mono ? [x] : [x, x];
    const m = measureLoudness(channels, rate);
    expect(Math.abs(m.integratedLufs - c.nominal)).toBeLessThanOrEqual(0.1);
    if (c.lra !== undefined) expect(m.loudnessRangeLu).toBeCloseTo(c.lra, 0);
    const file = path.join(dir, `${c.name.replace(/\W+/g, '_')}.wav`);
    await writeWav(file, channels, rate, 'float32');
    const ff = await ffmpegEbur128(file);
    expect(Math.abs(m.integratedLufs - ff.integratedLufs)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(m.loudnessRangeLu - ff.loudnessRangeLu)).toBeLessThanOrEqual(0.3);
  });
});

describe('momentary, short-term, peaks', () => {
  it('reports 10 Hz momentary/short-term series that follow level changes', () => {
    const x = sineSegments([[-36, 5], [-23, 5]]);
    const m = measureLoudness([x, x], 48000);
    expect(m.momentary.length).toBe(100 - 3); // 400 ms blocks every 100 ms over 10 s
    expect(m.shortTerm.length).toBe(100 - 29);
    expect(m.momentary[10]).toBeCloseTo(-36, 1);
    expect(m.momentary[80]).toBeCloseTo(-23, 1);
    expect(m.momentaryMaxLufs).toBeCloseTo(-23, 1);
    expect(m.shortTermMaxLufs).toBeCloseTo(-23, 1);
    expect(m.samplePeakDbfs).toBeCloseTo(-23, 2);
  });

  it('finds inter-sample peaks: 12 kHz at 45° has sample peak −9.03 dBFS, true peak −6.02 dBTP', () => {
    const x = sineSegments([[-6.0206, 2]], 12000, 48000, Math.PI / 4);
    const m = measureLoudness([x, x], 48000);
    expect(m.samplePeakDbfs).toBeCloseTo(-9.03, 1);
    // Tolerance from the reference: implementations differ by up to ±0.6 dB at 12 kHz.
    expect(Math.abs(m.truePeakDbtp - -6.02)).toBeLessThan(0.6);
    expect(truePeakDb([x])).toBeCloseTo(m.truePeakDbtp, 6);
  });

  it('skips interpolation only where it provably cannot matter: same peak as brute force', () => {
    // Quiet pink noise with a few loud bursts: most blocks are skippable, the bursts are not.
    const x = new Noise('tp').fill(new Float32Array(5 * 48000), 'pink', 0.05);
    for (const at of [12345, 100000, 200001]) x.set(sineSegments([[-2, 0.003]], 9000, 48000, 0.3), at);
    let brute = 0;
    for (let m = 0; m < x.length + 11; m++) {
      for (const h of TRUE_PEAK_PHASES) {
        let y = 0;
        for (let k = 0; k < 12; k++) y += h[k] * (m - k >= 0 && m - k < x.length ? x[m - k] : 0);
        brute = Math.max(brute, Math.abs(y));
      }
    }
    for (const v of x) brute = Math.max(brute, Math.abs(v));
    expect(truePeak(x)).toBeCloseTo(brute, 6);
    const env = truePeakEnvelope(x, undefined, 0.5);
    expect(env.reduce((m, v) => Math.max(m, v), 0)).toBeCloseTo(brute, 6);
  });

  it('handles silence, short clips and bad input', () => {
    const silent = measureLoudness([new Float32Array(48000)], 48000);
    expect(silent.integratedLufs).toBe(-Infinity);
    expect(silent.truePeakDbtp).toBe(-Infinity);
    const short = sineSegments([[-23, 0.2]]);
    expect(measureLoudness([short, short], 48000).integratedLufs).toBe(-Infinity);
    expect(blockLoudness([short, short], 48000)).toBeCloseTo(-23, 1);
    expect(() => measureLoudness([new Float32Array(10), new Float32Array(11)], 48000)).toThrowError(/different lengths/);
    expect(() => measureLoudness([], 48000)).toThrowError(/no channels/);
  });

  it('weights 5.1 surrounds by 1.41 and ignores the LFE', () => {
    const x = sineSegments([[-30, 5]]);
    const z = new Float32Array(x.length);
    const surround = measureLoudness([z, z, z, z, x, z], 48000).integratedLufs;
    const front = measureLoudness([x, z, z, z, z, z], 48000).integratedLufs;
    expect(surround - front).toBeCloseTo(10 * Math.log10(1.41), 2);
    expect(measureLoudness([z, z, z, x, z, z], 48000).integratedLufs).toBe(-Infinity);
  });
});
