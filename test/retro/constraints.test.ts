import { describe, expect, it } from 'vitest';
import { createRetroProcessorSync } from '../../src/retro/processor';
import { builtinPalette } from '../../src/retro/palette/builtin';
import { TRANSPARENT_INDEX } from '../../src/retro/dither/matcher';
import { frameColors, paletteKeys, sameBytes } from '../fixtures/retro/frames';
import { photoScene, syntheticScene } from '../fixtures/retro/scenes';

const scenes = [syntheticScene({ width: 480, height: 360, noise: 2 }), photoScene({ width: 480, height: 360 })];
const dithers = ['floyd-steinberg', 'bayer4', 'knoll', 'none'];
/** Each dither on one of the two scenes (alternating) keeps the suite fast. */
const sceneFor = (dither: string) => [scenes[dithers.indexOf(dither) % 2]];

describe('NES: backdrop + 4 sub-palettes of 3, one per 16×16 attribute area', () => {
  it.each(dithers)('holds on every area with %s', (dither) => {
    for (const scene of sceneFor(dither)) {
      const p = createRetroProcessorSync({ constraint: 'nes', dither, size: '256x240' });
      const q = p.quantize(scene);
      expect(q.palette.name).toBe('nes_2c02');
      for (let ay = 0; ay < 15; ay++)
        for (let ax = 0; ax < 16; ax++) {
          const set = new Set<number>();
          for (let y = ay * 16; y < ay * 16 + 16; y++) for (let x = ax * 16; x < ax * 16 + 16; x++) set.add(q.indices[y * 256 + x]);
          expect(set.size).toBeLessThanOrEqual(4);
          expect(set.has(0x0d)).toBe(false);
        }
      // The colours of all areas fit in backdrop + 4×3: at most 13 on screen.
      expect(new Set(q.indices).size).toBeLessThanOrEqual(13);
      const frame = p.process(scene);
      for (const c of frameColors(frame)) expect(paletteKeys(builtinPalette('nes')!).has(c)).toBe(true);
    }
  });
  it('uses at most four distinct sub-palettes besides the shared backdrop', () => {
    const p = createRetroProcessorSync({ constraint: 'nes', dither: 'floyd-steinberg', size: '256x240' });
    const q = p.quantize(scenes[1]);
    const areaSets: number[][] = [];
    for (let ay = 0; ay < 15; ay++)
      for (let ax = 0; ax < 16; ax++) {
        const set = new Set<number>();
        for (let y = ay * 16; y < ay * 16 + 16; y++) for (let x = ax * 16; x < ax * 16 + 16; x++) set.add(q.indices[y * 256 + x]);
        areaSets.push([...set]);
      }
    // Find a backdrop b such that the sets without b are covered by ≤ 4 trios.
    const candidates = new Set(areaSets.flat());
    const ok = [...candidates].some((b) => {
      const trios: Set<number>[] = [];
      const rest = areaSets.map((s) => s.filter((c) => c !== b)).sort((a, c) => c.length - a.length);
      for (const r of rest) {
        if (r.length > 3) return false;
        if (trios.some((t) => r.every((c) => t.has(c)))) continue;
        const grow = trios.find((t) => t.size + r.filter((c) => !t.has(c)).length <= 3);
        if (grow) r.forEach((c) => grow.add(c));
        else trios.push(new Set(r));
      }
      return trios.length <= 4;
    });
    expect(ok).toBe(true);
  });
});

describe('Game Boy: four shades', () => {
  it.each(dithers)('uses only the 4 DMG greens with %s, ordered by lightness', (dither) => {
    const p = createRetroProcessorSync({ constraint: 'gameboy', dither, size: '160x144' });
    const f = p.process(scenes[0]);
    const dmg = paletteKeys(builtinPalette('gameboy_dmg')!);
    const used = frameColors(f);
    for (const c of used) expect(dmg.has(c)).toBe(true);
    expect(used.size).toBeGreaterThanOrEqual(3);
  });
  it('maps by lightness: black → darkest shade, white → lightest', () => {
    const black = { width: 8, height: 8, data: new Uint8Array(256).fill(0).map((_, i) => (i % 4 === 3 ? 255 : 0)) };
    const white = { width: 8, height: 8, data: new Uint8Array(256).fill(255) };
    const p = createRetroProcessorSync({ constraint: 'gameboy', dither: 'none' });
    expect([...frameColors(p.process(black))]).toEqual([0x0f380f]);
    expect([...frameColors(p.process(white))]).toEqual([0x9bbc0f]);
  });
});

describe('ZX Spectrum: 2 colours per 8×8 cell, one BRIGHT bit per cell', () => {
  it.each(dithers)('holds on every cell with %s', (dither) => {
    for (const scene of sceneFor(dither)) {
      const q = createRetroProcessorSync({ constraint: 'zx-spectrum', dither, size: '256x192' }).quantize(scene);
      for (let cy = 0; cy < 24; cy++)
        for (let cx = 0; cx < 32; cx++) {
          const set = new Set<number>();
          for (let y = cy * 8; y < cy * 8 + 8; y++) for (let x = cx * 8; x < cx * 8 + 8; x++) set.add(q.indices[y * 256 + x]);
          expect(set.size).toBeLessThanOrEqual(2);
          const bright = new Set([...set].map((i) => i >> 3));
          expect(bright.size).toBe(1);
        }
    }
  });
  it('rejects a palette that is not the 16-entry Spectrum layout', () => {
    expect(() => createRetroProcessorSync({ constraint: 'zx-spectrum', palette: 'pico8', dither: 'none' }).process(scenes[0])).not.toThrow();
    expect(() => createRetroProcessorSync({ constraint: 'zx-spectrum', palette: 'db32', dither: 'none' }).process(scenes[0])).toThrow(/16-entry Spectrum palette/);
  });
});

describe('C64 multicolour: wide pixels, background + 3 colours per 4×8 cell', () => {
  it.each(dithers)('holds on every cell with %s', (dither) => {
    for (const scene of sceneFor(dither)) {
      const q = createRetroProcessorSync({ constraint: 'c64-multicolor', dither, size: '320x200' }).quantize(scene);
      expect([q.width, q.height]).toEqual([320, 200]);
      // Pixels come in identical pairs (160 wide pixels per line).
      for (let i = 0; i < 320 * 200; i += 2) expect(q.indices[i + 1]).toBe(q.indices[i]);
      const cellSets: Set<number>[] = [];
      for (let cy = 0; cy < 25; cy++)
        for (let cx = 0; cx < 40; cx++) {
          const set = new Set<number>();
          for (let y = cy * 8; y < cy * 8 + 8; y++) for (let x = cx * 8; x < cx * 8 + 8; x++) set.add(q.indices[y * 320 + x]);
          expect(set.size).toBeLessThanOrEqual(4);
          cellSets.push(set);
        }
      // One background colour is shared: some colour c makes every cell's other colours ≤ 3.
      const all = new Set(cellSets.flatMap((s) => [...s]));
      expect([...all].some((bg) => cellSets.every((s) => [...s].filter((c) => c !== bg).length <= 3))).toBe(true);
    }
  });
});

describe('constraint modes over time', () => {
  it('are deterministic and keep their colour choices on a static scene', () => {
    for (const constraint of ['nes', 'zx-spectrum', 'c64-multicolor'] as const) {
      const size = constraint === 'nes' ? '256x240' : constraint === 'zx-spectrum' ? '256x192' : '320x200';
      const a = createRetroProcessorSync({ constraint, dither: 'bayer4', size });
      const b = createRetroProcessorSync({ constraint, dither: 'bayer4', size });
      const fa = a.process(scenes[0], 0);
      expect(sameBytes(fa, b.process(scenes[0], 0))).toBe(true);
      expect(sameBytes(fa, a.process(scenes[0], 1))).toBe(true);
    }
  });
  it('keeps transparent pixels out of every cell', () => {
    const f = syntheticScene({ width: 256, height: 192 });
    for (let i = 0; i < 256 * 192; i += 5) f.data[i * 4 + 3] = 0;
    const q = createRetroProcessorSync({ constraint: 'zx-spectrum', dither: 'bayer4' }).quantize(f);
    for (let i = 0; i < 256 * 192; i++) expect(q.indices[i] === TRANSPARENT_INDEX).toBe(i % 5 === 0);
  });
});
