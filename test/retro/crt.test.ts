import { describe, expect, it } from 'vitest';
import { applyCrt, createCrt, CRT_PRESET_NAMES, maskTile, resolveCrtParams } from '../../src/retro/crt/index';
import { flatFrame, sameBytes } from '../fixtures/retro/frames';
import { syntheticScene } from '../fixtures/retro/scenes';
import { createRetroProcessorSync } from '../../src/retro/processor';

const lum = (d: Uint8Array | Uint8ClampedArray, o: number) => 0.2126 * d[o] + 0.7152 * d[o + 1] + 0.0722 * d[o + 2];

function rowMeans(f: { width: number; height: number; data: Uint8Array | Uint8ClampedArray }, x0: number, x1: number): number[] {
  const out: number[] = [];
  for (let y = 0; y < f.height; y++) {
    let s = 0;
    for (let x = x0; x < x1; x++) s += lum(f.data, (y * f.width + x) * 4);
    out.push(s / (x1 - x0));
  }
  return out;
}

describe('CRT presets', () => {
  const small = createRetroProcessorSync({ palette: 'db16', dither: 'bayer4', size: '80x60' }).process(syntheticScene({ width: 320, height: 240 }));

  it.each(CRT_PRESET_NAMES)('%s upsizes by its scale, deterministically', (preset) => {
    const a = applyCrt(small, preset, 0);
    const b = applyCrt(small, preset, 0);
    const scale = resolveCrtParams(preset).scale;
    expect([a.width, a.height]).toEqual([80 * scale, 60 * scale]);
    expect(sameBytes(a, b)).toBe(true);
    for (let i = 3; i < a.data.length; i += 4) expect(a.data[i]).toBe(255);
  });

  it('draws scanlines: on a flat grey, brightness repeats every scale rows with dark gaps', () => {
    const grey = flatFrame(40, 30, [128, 128, 128]);
    const out = applyCrt(grey, { preset: 'pvm', curvatureX: 0, curvatureY: 0, vignette: 0, cornerRadius: 0, mask: 'none', bloom: 0 });
    const rows = rowMeans(out, 20, out.width - 20).slice(20, 100);
    const scale = 4;
    for (let y = 0; y + scale < rows.length; y++) expect(rows[y + scale]).toBeCloseTo(rows[y], 0);
    const period = rows.slice(0, scale);
    // Measured in the encoded output (gamma 1/2.2 compresses the linear-light ratio of ~2.5).
    expect(Math.max(...period) / Math.min(...period)).toBeGreaterThan(1.4);
  });

  it('brightens wide beams on bright lines (the beam width grows with brightness)', () => {
    const p = { preset: 'pvm' as const, curvatureX: 0, curvatureY: 0, vignette: 0, cornerRadius: 0, mask: 'none' as const, bloom: 0, brightness: 1 };
    const ratio = (v: number) => {
      const r = rowMeans(applyCrt(flatFrame(20, 20, [v, v, v]), p), 10, 70).slice(20, 24);
      return Math.min(...r) / Math.max(...r);
    };
    // Gaps between bright lines fill in more than between dim ones.
    expect(ratio(250)).toBeGreaterThan(ratio(60));
  });

  it('lays an aperture grille: each output column favours one channel, period 3', () => {
    const white = flatFrame(40, 30, [200, 200, 200]);
    const out = applyCrt(white, { preset: 'pvm', curvatureX: 0, vignette: 0, cornerRadius: 0, scanlineStrength: 0, bloom: 0 });
    const y = 60;
    for (let x = 30; x < 36; x++) {
      const o = (y * out.width + x) * 4;
      const ch = [out.data[o], out.data[o + 1], out.data[o + 2]];
      expect(ch.indexOf(Math.max(...ch))).toBe(x % 3);
    }
    const tile = maskTile({ mask: 'slot-mask', maskStrength: 0.5, maskDotOutPx: 1 });
    expect([tile.width, tile.height]).toEqual([6, 4]);
  });

  it('curves the tube: corners go black, the centre stays lit', () => {
    const out = applyCrt(flatFrame(40, 30, [200, 200, 200]), 'consumer-tv');
    expect(lum(out.data, 0)).toBe(0);
    expect(lum(out.data, ((out.height >> 1) * out.width + (out.width >> 1)) * 4)).toBeGreaterThan(100);
  });

  it('alternates fields when interlaced, and only then', () => {
    expect(sameBytes(applyCrt(small, 'interlaced-tv', 0), applyCrt(small, 'interlaced-tv', 1))).toBe(false);
    expect(sameBytes(applyCrt(small, 'interlaced-tv', 0), applyCrt(small, 'interlaced-tv', 2))).toBe(true);
    expect(sameBytes(applyCrt(small, 'consumer-tv', 0), applyCrt(small, 'consumer-tv', 1))).toBe(true);
  });

  it('shows an LCD pixel grid and ghosts the previous frame on the handheld', () => {
    const white = flatFrame(20, 20, [255, 255, 255]);
    const out = applyCrt(white, 'handheld-lcd');
    const s = resolveCrtParams('handheld-lcd').scale;
    const inside = lum(out.data, ((s * 5 + 1) * out.width + s * 5 + 1) * 4);
    const grid = lum(out.data, ((s * 5 + s - 1) * out.width + s * 5 + 1) * 4);
    expect(grid).toBeLessThan(inside * 0.8);
    const lcd = createCrt('handheld-lcd');
    lcd.process(white, 0);
    const after = lcd.process(flatFrame(20, 20, [0, 0, 0]), 1);
    expect(lum(after.data, ((s * 5 + 1) * after.width + s * 5 + 1) * 4)).toBeGreaterThan(50);
    lcd.reset();
    expect(lum(lcd.process(flatFrame(20, 20, [0, 0, 0]), 2).data, ((s * 5 + 1) * after.width + s * 5 + 1) * 4)).toBe(0);
  });

  it('rejects out-of-range parameters', () => {
    expect(() => resolveCrtParams({ preset: 'pvm', maskStrength: 3 })).toThrow();
  });
});
