import { describe, expect, it } from 'vitest';
import { ciede2000 } from '../../src/retro/color/ciede2000';
import { linearToLab } from '../../src/retro/color/cielab';
import { NearestColor } from '../../src/retro/color/nearest';
import { linearToOklab, oklabToLinear } from '../../src/retro/color/oklab';
import { LINEAR16_TO_SRGB8, SRGB8_TO_LINEAR, linearToSrgb, linearToSrgb8, srgbToLinear } from '../../src/retro/color/srgb';
import { metricCoords, metricDistance } from '../../src/retro/color/distance';
import { builtinPalette } from '../../src/retro/palette/builtin';
import { mulberry32 } from '../../src/util/random';
import { SHARMA_PAIRS } from '../fixtures/retro/sharma-ciede2000';

describe('sRGB transfer', () => {
  it('round-trips every 8-bit code through linear light and the 16-bit table', () => {
    for (let i = 0; i < 256; i++) {
      expect(Math.round(linearToSrgb(srgbToLinear(i / 255)) * 255)).toBe(i);
      expect(linearToSrgb8(SRGB8_TO_LINEAR[i])).toBe(i);
    }
  });
  it('uses the piecewise curve (18 % grey ≈ sRGB 118) and clamps', () => {
    expect(linearToSrgb8(0.18)).toBe(118);
    expect(linearToSrgb8(-1)).toBe(0);
    expect(linearToSrgb8(2)).toBe(255);
    expect(LINEAR16_TO_SRGB8[65535]).toBe(255);
    expect(srgbToLinear(0.04045)).toBeCloseTo(0.04045 / 12.92, 10);
  });
});

describe('OKLab', () => {
  it('matches Ottosson\'s published values', () => {
    const w = linearToOklab(1, 1, 1);
    expect(w[0]).toBeCloseTo(1, 4);
    expect(w[1]).toBeCloseTo(0, 4);
    expect(w[2]).toBeCloseTo(0, 4);
    // sRGB red → OKLab (0.62796, 0.22486, 0.12585).
    const r = linearToOklab(1, 0, 0);
    expect(r[0]).toBeCloseTo(0.62796, 4);
    expect(r[1]).toBeCloseTo(0.22486, 4);
    expect(r[2]).toBeCloseTo(0.12585, 4);
  });
  it('inverts', () => {
    const rand = mulberry32(3);
    for (let k = 0; k < 100; k++) {
      const c: [number, number, number] = [rand(), rand(), rand()];
      const lab = linearToOklab(...c);
      const back = oklabToLinear(lab[0], lab[1], lab[2]);
      for (let i = 0; i < 3; i++) expect(back[i]).toBeCloseTo(c[i], 5);
    }
  });
});

describe('CIELAB', () => {
  it('puts sRGB primaries where the references do', () => {
    const red = linearToLab(1, 0, 0);
    expect(red[0]).toBeCloseTo(53.24, 1);
    expect(red[1]).toBeCloseTo(80.09, 1);
    expect(red[2]).toBeCloseTo(67.2, 1);
    const white = linearToLab(1, 1, 1);
    expect(white[0]).toBeCloseTo(100, 3);
    expect(Math.abs(white[1])).toBeLessThan(0.01);
    expect(Math.abs(white[2])).toBeLessThan(0.01);
  });
});

describe('CIEDE2000 (Sharma, Wu & Dalal 2005, Table 1)', () => {
  it.each(SHARMA_PAIRS.map((p, i) => [i + 1, p] as const))('pair %i', (_n, [a, b, expected]) => {
    expect(ciede2000(a[0], a[1], a[2], b[0], b[1], b[2])).toBeCloseTo(expected, 4);
    expect(ciede2000(b[0], b[1], b[2], a[0], a[1], a[2])).toBeCloseTo(expected, 4);
  });
  it('is exactly zero for identical colours', () => {
    expect(ciede2000(50, 10, -20, 50, 10, -20)).toBe(0);
  });
});

describe('NearestColor', () => {
  const pico = builtinPalette('pico8')!;

  it('maps every palette colour to itself', () => {
    for (const metric of ['oklab', 'ciede2000', 'redmean', 'rgb'] as const) {
      const m = new NearestColor(pico, { distance: metric });
      for (let i = 0; i < 16; i++) {
        const [r, g, b] = [pico.rgb[i * 3], pico.rgb[i * 3 + 1], pico.rgb[i * 3 + 2]];
        expect(m.exact(SRGB8_TO_LINEAR[r], SRGB8_TO_LINEAR[g], SRGB8_TO_LINEAR[b])).toBe(i);
        expect(m.nearestSrgb8(r, g, b)).toBe(i);
      }
    }
  });

  it('agrees with brute force over the metric for its table keys', () => {
    const m = new NearestColor(pico, { distance: 'ciede2000' });
    const rand = mulberry32(7);
    for (let k = 0; k < 300; k++) {
      // Key centres: the lookup table is exact there.
      const c = [0, 1, 2].map(() => (Math.floor(rand() * 64) << 2) + 1.5);
      const lin = c.map((v) => srgbToLinear(v / 255));
      const q = metricCoords('ciede2000', lin[0], lin[1], lin[2], [0, 0, 0]).slice();
      let best = -1, bestD = Infinity;
      for (let i = 0; i < 16; i++) {
        const p = metricCoords('ciede2000', SRGB8_TO_LINEAR[pico.rgb[i * 3]], SRGB8_TO_LINEAR[pico.rgb[i * 3 + 1]], SRGB8_TO_LINEAR[pico.rgb[i * 3 + 2]], [0, 0, 0]);
        const d = metricDistance('ciede2000', q[0], q[1], q[2], p[0], p[1], p[2]);
        if (d < bestD) { bestD = d; best = i; }
      }
      expect(m.nearestLinear(lin[0], lin[1], lin[2])).toBe(best);
    }
  });

  it('answers independently of lookup order (deterministic tables)', () => {
    const a = new NearestColor(pico);
    const b = new NearestColor(pico);
    const rand = mulberry32(11);
    const cols = Array.from({ length: 2000 }, () => [rand(), rand(), rand()] as const);
    const ra = cols.map((c) => a.nearestLinear(c[0], c[1], c[2]));
    const rb = [...cols].reverse().map((c) => b.nearestLinear(c[0], c[1], c[2])).reverse();
    expect(ra).toEqual(rb);
  });

  it('searches 32,768-colour palettes with a k-d tree that matches brute force', () => {
    const snes = builtinPalette('snes')!;
    const m = new NearestColor(snes);
    const rand = mulberry32(5);
    const t: [number, number, number] = [0, 0, 0];
    for (let k = 0; k < 40; k++) {
      const c = [rand(), rand(), rand()];
      const q = linearToOklab(c[0], c[1], c[2]).slice();
      let best = -1, bestD = Infinity;
      for (let i = 0; i < 32768; i++) {
        linearToOklab(SRGB8_TO_LINEAR[snes.rgb[i * 3]], SRGB8_TO_LINEAR[snes.rgb[i * 3 + 1]], SRGB8_TO_LINEAR[snes.rgb[i * 3 + 2]], t);
        const d = (t[0] - q[0]) ** 2 + (t[1] - q[1]) ** 2 + (t[2] - q[2]) ** 2;
        if (d < bestD) { bestD = d; best = i; }
      }
      expect(m.exact(c[0], c[1], c[2])).toBe(best);
    }
  });

  it('never picks the NES "blacker than black" $0D, and resolves duplicate blacks to the lowest index', () => {
    const nes = builtinPalette('nes')!;
    const m = new NearestColor(nes);
    expect(m.contains(0x0d)).toBe(false);
    expect(m.nearestLinear(0, 0, 0)).toBe(0x0e);
  });
});
