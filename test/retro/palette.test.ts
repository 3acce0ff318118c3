import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { isKinoError, type KinoError } from '../../src/doc/errors';
import {
  BUILTIN_PALETTE_NAMES,
  buildAdaptivePalette,
  builtinPalette,
  hexOf,
  paletteSize,
  parseGpl,
  parseHexList,
  parseJascPal,
  parseLospecHex,
  parsePaintNet,
  resolvePalette,
  resolvePaletteSync,
} from '../../src/retro/palette/index';
import { flatFrame, rampFrame } from '../fixtures/retro/frames';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kino-retro-pal-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function caught(fn: () => unknown): KinoError {
  try {
    fn();
  } catch (e) {
    if (isKinoError(e)) return e;
    throw e;
  }
  throw new Error('expected a KinoError');
}

describe('built-in palettes', () => {
  it('has all 28 entries of palettes.json with their sizes', () => {
    expect(BUILTIN_PALETTE_NAMES).toHaveLength(28);
    const sizes: Record<string, number> = { nes_2c02: 64, snes: 32768, gameboy_dmg: 4, gameboy_color: 32768, sega_genesis: 512, zx_spectrum: 16, pico8: 16, db32: 32, aap64: 64, amstrad_cpc: 27 };
    for (const name of BUILTIN_PALETTE_NAMES) {
      const p = builtinPalette(name)!;
      expect(paletteSize(p)).toBeGreaterThan(1);
      if (sizes[name]) expect(paletteSize(p), name).toBe(sizes[name]);
    }
  });

  it('generates SNES and GBC from the 15-bit encoding: index = b<<10 | g<<5 | r, c8 = c5<<3 | c5>>2', () => {
    for (const name of ['snes', 'gameboy_color']) {
      const p = builtinPalette(name)!;
      for (const [r5, g5, b5] of [[0, 0, 0], [31, 31, 31], [3, 17, 30], [16, 1, 8]]) {
        const i = (b5 << 10) | (g5 << 5) | r5;
        const ex = (c: number) => (c << 3) | (c >> 2);
        expect([p.rgb[i * 3], p.rgb[i * 3 + 1], p.rgb[i * 3 + 2]]).toEqual([ex(r5), ex(g5), ex(b5)]);
      }
    }
  });

  it('accepts aliases, case and dashes', () => {
    expect(builtinPalette('NES')!.name).toBe('nes_2c02');
    expect(builtinPalette('game-boy-dmg')!.name).toBe('gameboy_dmg');
    expect(builtinPalette('PICO-8')!.name).toBe('pico8');
    expect(hexOf(builtinPalette('pico8')!, 8)).toBe('#ff004d');
  });

  it('rejects an unknown name with the list of available palettes', () => {
    const e = caught(() => resolvePaletteSync('pico9'));
    expect(e.code).toBe('retro/unknown-palette');
    expect(e.message).toContain('pico8');
    expect(e.message).toContain('zx_spectrum');
    expect(e.issues[0].hint).toMatch(/\.gpl/);
  });
});

describe('palette files', () => {
  it('parses a hex list and reports every bad token', () => {
    expect(paletteSize(parseHexList('#000, #ffffff 0x112233'))).toBe(3);
    const e = caught(() => parseHexList('#000000,#zzzzzz,12345'));
    expect(e.message).toContain('"#zzzzzz"');
    expect(e.message).toContain('"12345"');
  });

  it('parses GIMP .gpl with name, columns and comments', () => {
    const p = parseGpl('GIMP Palette\nName: Test\nColumns: 2\n# comment\n  0   0   0\tBlack\n255 0 77 Red\n\n', 'test.gpl');
    expect(p.name).toBe('Test');
    expect(paletteSize(p)).toBe(2);
    expect(hexOf(p, 1)).toBe('#ff004d');
  });

  it('reports every malformed .gpl line with file, line and column', () => {
    const e = caught(() => parseGpl('GIMP Palette\n0 0 0 ok\n  12 300 4 too big\n1 2\nfoo bar baz\n', 'bad.gpl'));
    expect(e.issues).toHaveLength(3);
    expect(e.issues.map((i) => i.location?.line)).toEqual([3, 4, 5]);
    expect(e.issues[0].location).toEqual({ file: 'bad.gpl', line: 3, column: 3 });
    expect(e.issues[0].hint).toMatch(/0–255/);
    const h = caught(() => parseGpl('JASC-PAL\n0 0 0\n', 'x.gpl'));
    expect(h.issues[0].location?.line).toBe(1);
  });

  it('parses Lospec .hex, JASC .pal and Paint.NET .txt, with line numbers on errors', () => {
    expect(paletteSize(parseLospecHex('000000\nff004d\n\n#29adff\n', 'a.hex'))).toBe(3);
    expect(caught(() => parseLospecHex('000000\nnothex\n', 'a.hex')).issues[0].location).toMatchObject({ file: 'a.hex', line: 2 });
    expect(paletteSize(parseJascPal('JASC-PAL\n0100\n2\n0 0 0\n255 255 255\n', 'a.pal'))).toBe(2);
    expect(caught(() => parseJascPal('JASC-PAL\n0100\n3\n0 0 0\n255 255 255\n', 'a.pal')).message).toMatch(/promises 3 colours but has 2/);
    expect(caught(() => parseJascPal('JASC-PAL\n0100\n2\n0 0 0\n255 x 255\n', 'a.pal')).issues[0].location?.line).toBe(5);
    expect(paletteSize(parsePaintNet('; paint.net\nFF000000\nFFFF004D\n', 'a.txt'))).toBe(2);
    expect(caught(() => parsePaintNet('FF000000\nFF00\n', 'a.txt')).issues[0].location?.line).toBe(2);
  });

  it('resolves files by extension, relative to a base directory', async () => {
    fs.writeFileSync(path.join(tmp, 'mine.gpl'), 'GIMP Palette\nName: Mine\n10 20 30\n40 50 60\n');
    fs.writeFileSync(path.join(tmp, 'mine.hex'), '0a141e\n28323c\n');
    const a = resolvePaletteSync('mine.gpl', { baseDir: tmp });
    const b = await resolvePalette(path.join(tmp, 'mine.hex'));
    expect(Array.from(a.rgb)).toEqual([10, 20, 30, 40, 50, 60]);
    expect(Array.from(b.rgb)).toEqual([10, 20, 30, 40, 50, 60]);
    expect(caught(() => resolvePaletteSync('missing.gpl', { baseDir: tmp })).code).toBe('retro/palette-missing');
  });

  it('reads a PNG swatch as its distinct colours in reading order', async () => {
    // 3 blocks of 4×4 plus a transparent block: red, green, red again, blue on the next row.
    const w = 8, h = 8;
    const data = Buffer.alloc(w * h * 4);
    const put = (x0: number, y0: number, c: number[]) => {
      for (let y = y0; y < y0 + 4; y++) for (let x = x0; x < x0 + 4; x++) data.set(c, (y * w + x) * 4);
    };
    put(0, 0, [255, 0, 0, 255]);
    put(4, 0, [0, 255, 0, 255]);
    put(0, 4, [0, 0, 255, 255]);
    put(4, 4, [9, 9, 9, 0]);
    const file = path.join(tmp, 'swatch.png');
    await sharp(data, { raw: { width: w, height: h, channels: 4 } }).png().toFile(file);
    const p = await resolvePalette(file);
    expect(p.name).toBe('swatch');
    expect(Array.from(p.rgb)).toEqual([255, 0, 0, 0, 255, 0, 0, 0, 255]);
    // A photograph is not a swatch.
    const photo = Buffer.alloc(64 * 64 * 4);
    for (let i = 0; i < 64 * 64; i++) photo.set([i & 255, i >> 4, (i * 7) & 255, 255], i * 4);
    await sharp(photo, { raw: { width: 64, height: 64, channels: 4 } }).png().toFile(path.join(tmp, 'photo.png'));
    await expect(resolvePalette(path.join(tmp, 'photo.png'))).rejects.toThrow(/more than 256 distinct colours/);
    expect(() => resolvePaletteSync(file)).toThrow(/async/);
  });
});

describe('adaptive palette', () => {
  it('recovers the colours of a frame that has only a few', () => {
    const f = flatFrame(8, 8, [10, 20, 30]);
    for (let i = 0; i < 16; i++) f.data.set([200, 40, 40, 255], i * 4);
    for (let i = 16; i < 32; i++) f.data.set([40, 200, 90, 255], i * 4);
    const p = buildAdaptivePalette([f], 8);
    const hex = Array.from({ length: paletteSize(p) }, (_, i) => hexOf(p, i));
    expect(hex.sort()).toEqual(['#0a141e', '#28c85a', '#c82828'].sort());
  });

  it('is deterministic, limited to n colours, dark to light, and built from several frames', () => {
    const frames = [rampFrame(96, 64), flatFrame(16, 16, [255, 255, 0])];
    const a = buildAdaptivePalette(frames, 16);
    const b = buildAdaptivePalette(frames, 16);
    expect(Array.from(a.rgb)).toEqual(Array.from(b.rgb));
    expect(paletteSize(a)).toBeLessThanOrEqual(16);
    expect(paletteSize(a)).toBeGreaterThan(10);
    const lum = (i: number) => 0.2126 * a.rgb[i * 3] + 0.7152 * a.rgb[i * 3 + 1] + 0.0722 * a.rgb[i * 3 + 2];
    expect(lum(0)).toBeLessThan(lum(paletteSize(a) - 1));
    // The yellow-only second frame contributes a yellow.
    expect(Array.from({ length: paletteSize(a) }, (_, i) => hexOf(a, i)).some((h) => /^#f[0-9a-f]f[0-9a-f][0-4]/.test(h))).toBe(true);
    expect(() => buildAdaptivePalette(frames, 1)).toThrow(/2–256/);
  });
});
