import { describe, expect, it } from 'vitest';
import { panGains, toMono, toStereo, upmix } from '../../src/sound/channels';
import { resample, resampledLength } from '../../src/sound/resample';
import { rmsDb, sineSegments, toneLevelDb } from './helpers';

describe('resampling', () => {
  it('keeps a 1 kHz tone at 1 kHz and at its level through 22.05 → 48 kHz, with images below −90 dB', () => {
    const x = sineSegments([[-6, 2]], 1000, 22050);
    const y = resample(x, 22050, 48000);
    expect(y.length).toBe(96000);
    const mid = [4800, 4800 + 48000] as const;
    // Level: RMS of a −6 dBFS-peak sine is −9.03 dB.
    expect(rmsDb(y, ...mid)).toBeCloseTo(rmsDb(x, 2205, 2205 + 22050), 2);
    expect(toneLevelDb(y, 1000, 48000, ...mid)).toBeCloseTo(-6.02, 1);
    // Frequency: count rising zero crossings over one second.
    let crossings = 0;
    for (let i = mid[0] + 1; i < mid[1]; i++) if (y[i - 1] < 0 && y[i] >= 0) crossings++;
    expect(crossings).toBe(1000);
    // The first image of up-sampling sits at 22050 − 1000 Hz.
    expect(toneLevelDb(y, 21050, 48000, ...mid)).toBeLessThan(-90);
  });

  it('filters out content above the new Nyquist when down-sampling (no aliasing)', () => {
    const x = sineSegments([[-6, 1]], 20000, 48000);
    const y = resample(x, 48000, 22050);
    // 20 kHz would alias to 2050 Hz at 22.05 kHz.
    expect(toneLevelDb(y, 2050, 22050, 2000, 20000)).toBeLessThan(-90);
    const pass = resample(sineSegments([[-6, 1]], 5000, 48000), 48000, 22050);
    expect(toneLevelDb(pass, 5000, 22050, 2000, 20000)).toBeCloseTo(-6.02, 1);
  });

  it('handles awkward ratios and identity', () => {
    expect(resampledLength(44100, 44100, 47999)).toBe(47999);
    const x = sineSegments([[-3, 0.5]], 997, 44100);
    const y = resample(x, 44100, 47999);
    expect(toneLevelDb(y, 997, 47999, 4000, 20000)).toBeCloseTo(-3, 1);
    expect(resample(x, 44100, 44100)).toEqual(x);
    expect(() => resample(x, 0, 48000)).toThrowError(/positive whole number/);
  });
});

describe('channels', () => {
  it('pans at constant power', () => {
    for (const p of [-1, -0.5, 0, 0.3, 1]) {
      const [l, r] = panGains(p);
      expect(l * l + r * r).toBeCloseTo(1, 12);
    }
    expect(panGains(-1)).toEqual([1, 0]);
    expect(panGains(0)[0]).toBeCloseTo(Math.SQRT1_2, 12);
  });

  it('up-mixes mono to stereo and 5.1, and down-mixes back', () => {
    const m = Float32Array.from([0.5, -0.25]);
    const [l, r] = toStereo([m]);
    expect(Array.from(l)).toEqual([0.5, -0.25]);
    expect(Array.from(r)).toEqual([0.5, -0.25]);
    const six = upmix([m], 6);
    expect(six.length).toBe(6);
    expect(Array.from(six[2])).toEqual([0.5, -0.25]);
    expect(toMono([l, r])).toEqual(m);
    const st = toStereo(six);
    expect(st[0][0]).toBeCloseTo(0.5 * Math.SQRT1_2, 6);
    expect(() => upmix([m, m, m], 2)).toThrowError(/Cannot convert 3 channels/);
  });
});
