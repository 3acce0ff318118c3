import { describe, expect, it } from 'vitest';
import {
  DIFFUSION_KERNELS,
  DIFFUSION_KERNEL_NAMES,
  DITHER_NAMES,
  bayerMap,
  bayerRanks,
  blueNoiseMap,
  clusteredDot,
  kernelWeightSum,
  thresholdMapFromFrame,
  voidAndCluster,
} from '../../src/retro/dither/index';
import { createRetroProcessorSync } from '../../src/retro/processor';
import { builtinPalette } from '../../src/retro/palette/builtin';
import type { Frame } from '../../src/retro/frame';
import { changedFraction, flatFrame, frameColors, paletteKeys, rampFrame, sameBytes } from '../fixtures/retro/frames';
import { syntheticScene, photoScene } from '../fixtures/retro/scenes';

const pattern = thresholdMapFromFrame(
  (() => {
    // A 4×4 diagonal-hatch tile, as a user might draw one.
    const f = flatFrame(4, 4, [0, 0, 0]);
    for (let y = 0; y < 4; y++) for (let x = 0; x < 4; x++) f.data.fill(((x + y) % 4) * 60 + x * 3, (y * 4 + x) * 4, (y * 4 + x) * 4 + 3);
    return f;
  })(),
  'hatch',
);

function processor(dither: string, extra: Record<string, unknown> = {}) {
  return createRetroProcessorSync({ dither, palette: 'pico8', ...extra } as never, { pattern });
}

describe('error-diffusion kernels', () => {
  it.each(DIFFUSION_KERNEL_NAMES)('%s weights sum to 1 (Atkinson 0.75)', (name) => {
    expect(kernelWeightSum(DIFFUSION_KERNELS[name])).toBeCloseTo(name === 'atkinson' ? 0.75 : 1, 12);
    // Only forward taps: nothing goes to already-visited pixels.
    for (const [dx, dy] of DIFFUSION_KERNELS[name].taps) expect(dy > 0 || (dy === 0 && dx > 0)).toBe(true);
  });
  it('has Burkes with a 8, 4 first row (not the 8, 8 of dither v2.0.0)', () => {
    expect(DIFFUSION_KERNELS.burkes.taps.filter((t) => t[1] === 0).map((t) => t[2])).toEqual([8, 4]);
  });
});

describe('threshold maps', () => {
  it('builds Bayer matrices by the recursion', () => {
    expect(Array.from(bayerRanks(2))).toEqual([0, 2, 3, 1]);
    expect(Array.from(bayerRanks(4))).toEqual([0, 8, 2, 10, 12, 4, 14, 6, 3, 11, 1, 9, 15, 7, 13, 5]);
  });
  it.each([
    ['bayer8', bayerMap(8)],
    ['bayer16', bayerMap(16)],
    ['clustered-dot-8', clusteredDot(8)],
    ['clustered-dot-4', clusteredDot(4)],
    ['blue-noise-64', blueNoiseMap(64)],
  ])('%s ranks every cell exactly once', (_name, map) => {
    const n = map.width * map.height;
    expect(new Set(map.ranks).size).toBe(n);
    expect(Math.max(...map.ranks)).toBe(n - 1);
    for (const v of map.values) expect(v > 0 && v < 1).toBe(true);
  });
  it('grows clustered dots (every early pixel touches another) where Bayer disperses them', () => {
    const touching = (m: ReturnType<typeof clusteredDot>, count: number) => {
      const on = (x: number, y: number) => m.ranks[(((y + m.height) % m.height) * m.width + ((x + m.width) % m.width))] < count;
      let lonely = 0;
      for (let y = 0; y < m.height; y++)
        for (let x = 0; x < m.width; x++) if (on(x, y) && !on(x + 1, y) && !on(x - 1, y) && !on(x, y + 1) && !on(x, y - 1)) lonely++;
      return lonely;
    };
    expect(touching(clusteredDot(8), 16)).toBe(0);
    expect(touching(bayerMap(8), 16)).toBe(16);
  });
  it('makes blue noise: deterministic, and far more even than white noise at every level', () => {
    expect(Array.from(voidAndCluster(16, 42))).toEqual(Array.from(voidAndCluster(16, 42)));
    const m = blueNoiseMap(64);
    for (const level of [0.1, 0.5, 0.9]) {
      // Mean of each 8×8 block of the thresholded pattern: white noise has σ ≈ 0.0625 at 50 %.
      const means: number[] = [];
      for (let by = 0; by < 8; by++)
        for (let bx = 0; bx < 8; bx++) {
          let on = 0;
          for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) if (m.values[(by * 8 + y) * 64 + bx * 8 + x] < level) on++;
          means.push(on / 64);
        }
      const mu = means.reduce((a, b) => a + b) / means.length;
      const sd = Math.sqrt(means.reduce((a, b) => a + (b - mu) ** 2, 0) / means.length);
      expect(sd).toBeLessThan(0.03);
    }
  });
});

describe('every dither', () => {
  const frame = rampFrame(64, 40);
  it.each(DITHER_NAMES)('%s emits only palette colours and is byte-identical across runs', (name) => {
    for (const pal of ['pico8', 'gameboy_dmg', 'cga_mode4_pal1_high']) {
      const a = processor(name, { palette: pal }).process(frame, 0);
      const b = processor(name, { palette: pal }).process(frame, 0);
      const allowed = paletteKeys(builtinPalette(pal)!);
      for (const c of frameColors(a)) expect(allowed.has(c)).toBe(true);
      expect(sameBytes(a, b)).toBe(true);
    }
  });

  it('strength 0 is plain nearest colour, for every family', () => {
    const none = processor('none').process(frame);
    for (const name of ['floyd-steinberg', 'bayer8', 'blue-noise', 'knoll', 'yliluoma', 'atkinson']) {
      expect(sameBytes(processor(name, { strength: 0 }).process(frame), none), name).toBe(true);
    }
    expect(sameBytes(processor('floyd-steinberg').process(frame), none)).toBe(false);
  });

  it('keeps transparent pixels transparent', () => {
    const f = rampFrame(32, 16);
    for (let i = 0; i < 32 * 16; i += 3) f.data[i * 4 + 3] = 0;
    for (const name of ['floyd-steinberg', 'bayer4', 'knoll', 'yliluoma']) {
      const out = processor(name).process(f);
      for (let i = 0; i < 32 * 16; i++) expect(out.data[i * 4 + 3]).toBe(i % 3 === 0 ? 0 : 255);
    }
  });
});

describe('dithering in linear light', () => {
  const fractionWhite = (f: Frame) => {
    let n = 0;
    for (let i = 0; i < f.width * f.height; i++) if (f.data[i * 4] === 255) n++;
    return n / (f.width * f.height);
  };
  it('error diffusion mixes greys from their linear-light share of white (sRGB 128 → 21.6 %, not 50 %)', () => {
    for (const [v, linear] of [[64, 0.0513], [128, 0.2159], [192, 0.5271]]) {
      const grey = flatFrame(128, 128, [v, v, v]);
      for (const name of ['floyd-steinberg', 'jarvis-judice-ninke', 'stucki', 'sierra3']) {
        const out = createRetroProcessorSync({ dither: name, palette: '#000000,#ffffff' }).process(grey);
        expect(Math.abs(fractionWhite(out) - linear), `${name} at ${v}`).toBeLessThan(0.012);
      }
    }
    const grey = flatFrame(128, 128, [128, 128, 128]);
    // Knoll accumulates its error in linear light too.
    expect(fractionWhite(createRetroProcessorSync({ dither: 'knoll', palette: '#000000,#ffffff' }).process(grey))).toBeCloseTo(0.2158, 1);
  });
  it('serpentine and raster scans differ, both valid', () => {
    const f = rampFrame(48, 32);
    const s = processor('floyd-steinberg').process(f);
    const r = processor('floyd-steinberg', { serpentine: false }).process(f);
    expect(sameBytes(s, r)).toBe(false);
  });
});

describe('temporal stability on a static noisy scene (±2 levels of sensor noise per frame)', () => {
  const frames = [1, 2, 3, 4, 5].map((seed) => syntheticScene({ width: 320, height: 180, noise: 2, noiseSeed: seed }));
  const meanChange = (name: string, extra: Record<string, unknown> = {}) => {
    const p = processor(name, extra);
    const outs = frames.map((f, i) => p.process(f, i));
    let sum = 0;
    for (let i = 1; i < outs.length; i++) sum += changedFraction(outs[i - 1], outs[i]);
    return sum / (outs.length - 1);
  };
  it.each(['bayer4', 'bayer8', 'clustered-dot', 'blue-noise', 'knoll', 'yliluoma', 'custom'])('%s changes ≤ 0.5 % of pixels', (name) => {
    expect(meanChange(name)).toBeLessThanOrEqual(0.005);
  });
  it('positional dithers are anchored: an unchanged frame gives the same pixels, even with no hysteresis', () => {
    for (const name of ['bayer8', 'blue-noise', 'knoll']) {
      const p = processor(name, { hysteresis: 0 });
      expect(changedFraction(p.process(frames[0], 0), p.process(frames[0], 1))).toBe(0);
    }
  });
  it('Floyd–Steinberg boils without hysteresis and holds still with it', () => {
    const without = meanChange('floyd-steinberg', { hysteresis: 0 });
    const withH = meanChange('floyd-steinberg');
    expect(without).toBeGreaterThan(0.1);
    expect(withH).toBeLessThanOrEqual(0.005);
  });
  it('a moving ball only disturbs pixels near the ball under hysteresis', () => {
    const p = processor('floyd-steinberg');
    const a = p.process(syntheticScene({ width: 320, height: 180, noise: 2, noiseSeed: 1, ballX: 0.5 }), 0);
    const b = p.process(syntheticScene({ width: 320, height: 180, noise: 2, noiseSeed: 2, ballX: 0.52 }), 1);
    // Ball radius 0.11·180 ≈ 20 px at x ≈ 160–166, y ≈ 112: count changes outside a generous box.
    let outside = 0, total = 0;
    for (let y = 0; y < 180; y++)
      for (let x = 0; x < 320; x++) {
        if (x > 120 && x < 210 && y > 80 && y < 145) continue;
        total++;
        const o = (y * 320 + x) * 4;
        if (a.data[o] !== b.data[o] || a.data[o + 1] !== b.data[o + 1] || a.data[o + 2] !== b.data[o + 2]) outside++;
      }
    expect(outside / total).toBeLessThan(0.01);
  });
  it('a world-anchored offset moves the pattern with the picture', () => {
    // 128×64: a whole number of every tile (8, 64), so the wrapped content and pattern agree.
    const W = 128;
    const base = photoScene({ width: W, height: 64, noise: 0 });
    const shifted = { ...base, data: new Uint8Array(base.data.length) };
    // Content moved 3 px right and 2 px down (edges wrap).
    for (let y = 0; y < 64; y++) for (let x = 0; x < W; x++) shifted.data.set(base.data.subarray((y * W + x) * 4, (y * W + x) * 4 + 4), (((y + 2) % 64) * W + ((x + 3) % W)) * 4);
    for (const name of ['bayer8', 'blue-noise', 'knoll']) {
      const a = processor(name).process(base);
      const b = processor(name).process(shifted, 0, { ditherOffset: { x: 3, y: 2 } });
      let same = 0;
      for (let y = 0; y < 64; y++) for (let x = 0; x < W; x++) {
        const oa = (y * W + x) * 4, ob = (((y + 2) % 64) * W + ((x + 3) % W)) * 4;
        if (a.data[oa] === b.data[ob] && a.data[oa + 1] === b.data[ob + 1] && a.data[oa + 2] === b.data[ob + 2]) same++;
      }
      expect(same / (W * 64), name).toBe(1);
    }
  });
});
