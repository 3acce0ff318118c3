import { describe, expect, it } from 'vitest';
import { isKinoError } from '../../src/doc/errors';
import {
  RETRO_BUILTINS,
  RETRO_STYLES,
  RETRO_STYLE_NAMES,
  RetroOptionsSchema,
  createRetroProcessor,
  createRetroProcessorSync,
  parseSize,
  resizeToLinear,
  upscaleNearest,
  type Frame,
} from '../../src/retro/index';
import { flatFrame, frameColors, paletteKeys, rampFrame, sameBytes } from '../fixtures/retro/frames';
import { photoScene, syntheticScene } from '../fixtures/retro/scenes';
import { builtinPalette } from '../../src/retro/palette/builtin';
import { SRGB8_TO_LINEAR, meanBlurredDeltaE } from '../../src/retro/color/index';

describe('resize to the target grid', () => {
  it('averages area in linear light: a black/white checker becomes linear 0.5 (sRGB 188), not 128', () => {
    const f = flatFrame(4, 4, [0, 0, 0]);
    for (let i = 0; i < 16; i++) if ((i + (i >> 2)) % 2) f.data.set([255, 255, 255, 255], i * 4);
    const img = resizeToLinear(f, 2, 2);
    for (const v of img.rgb) expect(v).toBeCloseTo(0.5, 6);
  });
  it('handles fractional ratios, cover crop, letterbox and nearest', () => {
    const f = rampFrame(300, 100);
    const cover = resizeToLinear(f, 64, 64, { fit: 'cover' });
    expect([cover.width, cover.height]).toEqual([64, 64]);
    const contain = resizeToLinear(f, 64, 64, { fit: 'contain' });
    // 3:1 into a square: bars top and bottom stay black.
    expect(contain.rgb[0] + contain.rgb[1] + contain.rgb[2]).toBe(0);
    expect(contain.rgb[(32 * 64 + 32) * 3 + 1]).toBeGreaterThan(0);
    const near = resizeToLinear(f, 100, 50, { resample: 'nearest', fit: 'fill' });
    expect(near.width).toBe(100);
  });
  it('premultiplies alpha: transparent pixels do not darken edges, and mostly transparent areas stay transparent', () => {
    const f = flatFrame(4, 2, [255, 0, 0]);
    f.data.set([0, 0, 0, 0], 0);
    const img = resizeToLinear(f, 2, 1);
    // 3 of 4 pixels red and opaque, one transparent black: still pure red, and opaque.
    expect(img.rgb[0]).toBeCloseTo(1, 5);
    expect(img.rgb[1]).toBe(0);
    expect(img.opaque).toBeNull();
    const g = flatFrame(4, 4, [0, 255, 0], 0);
    g.data[3] = 255;
    expect(resizeToLinear(g, 2, 2).opaque![0]).toBe(0);
  });
  it('parses sizes and rejects bad ones clearly', () => {
    expect(parseSize('320x180')).toEqual({ width: 320, height: 180 });
    expect(parseSize(' 256 × 224 ')).toEqual({ width: 256, height: 224 });
    for (const bad of ['320', 'x180', '0x10', '320x180x2', '99999x10', 'big']) expect(() => parseSize(bad)).toThrow(/WIDTHxHEIGHT/);
  });
});

describe('processor', () => {
  it('reports every bad option at once', () => {
    try {
      createRetroProcessorSync({ dither: 'wobble', strength: 2, size: 'huge' } as never);
      throw new Error('no error');
    } catch (e) {
      expect(isKinoError(e)).toBe(true);
      const msg = (e as Error).message;
      expect(msg).toMatch(/Unknown dither "wobble". Available: none, bayer2/);
      expect(msg).toMatch(/strength/);
      expect(msg).toMatch(/size/);
    }
    expect(() => createRetroProcessorSync({ dither: 'custom' })).toThrow(/needs a pattern/);
    expect(() => createRetroProcessorSync({ palette: 'nope' })).toThrow(/Unknown palette "nope"/);
  });

  it('builds an adaptive palette once per shot, never per frame', () => {
    const p = createRetroProcessorSync({ palette: 'adaptive:8', dither: 'floyd-steinberg', size: '64x36' });
    expect(p.palette).toBeUndefined();
    const first = p.process(syntheticScene({ width: 128, height: 72 }));
    const pal = p.palette!;
    p.process(photoScene({ width: 128, height: 72 }));
    expect(p.palette).toBe(pal);
    expect(pal.rgb.length / 3).toBeLessThanOrEqual(8);
    for (const c of frameColors(first)) expect(paletteKeys(pal).has(c)).toBe(true);
    // From sample frames given up front.
    const q = createRetroProcessorSync({ palette: { adaptive: 4 } }, { sampleFrames: [flatFrame(4, 4, [255, 0, 0]), flatFrame(4, 4, [0, 0, 255])] });
    expect(q.palette!.rgb.length / 3).toBe(2);
  });

  it('upscales crisply and runs CRT after quantisation', async () => {
    const f = rampFrame(32, 18);
    const p = await createRetroProcessor({ palette: 'pico8', dither: 'bayer4', upscale: 3 });
    const out = p.process(f);
    expect([out.width, out.height]).toEqual([96, 54]);
    const small = createRetroProcessorSync({ palette: 'pico8', dither: 'bayer4' }).process(f);
    expect(sameBytes(upscaleNearest(small, 3), out)).toBe(true);
    const crt = createRetroProcessorSync({ palette: 'pico8', dither: 'bayer4', crt: 'pvm' }).process(f);
    expect([crt.width, crt.height]).toEqual([128, 72]);
  });

  it('validates the schema the lead wires into <Retro> and per-output styles', () => {
    const o = RetroOptionsSchema.parse({ palette: 'snes', size: '320x180', crt: { preset: 'arcade', bloom: 0.5 } });
    expect(o).toMatchObject({ dither: 'floyd-steinberg', strength: 1, size: { width: 320, height: 180 }, fit: 'cover', distance: 'auto', hysteresis: 6, gamutMap: true });
    expect(RetroOptionsSchema.safeParse({ crt: 'plasma' }).success).toBe(false);
    expect(RETRO_BUILTINS.palettes).toHaveLength(28);
    expect(RETRO_BUILTINS.dithers.length).toBeGreaterThanOrEqual(18);
    expect(RETRO_BUILTINS.crtPresets).toEqual(expect.arrayContaining(['consumer-tv', 'pvm', 'arcade', 'handheld-lcd']));
  });

  it('renders every built-in style (≥ 10, visibly different) with only its palette colours', () => {
    expect(RETRO_STYLE_NAMES.length).toBeGreaterThanOrEqual(10);
    const src = syntheticScene({ width: 320, height: 180 });
    const hashes = new Set<string>();
    for (const name of RETRO_STYLE_NAMES) {
      const style = RETRO_STYLES[name];
      const p = createRetroProcessorSync({ ...style.options, size: '96x54' });
      const q = p.quantize(src);
      const allowed = paletteKeys(q.palette);
      const out = p.process(src);
      const hasCrt = 'crt' in style.options && !!style.options.crt;
      if (!hasCrt) for (const c of frameColors(out)) expect(allowed.has(c), name).toBe(true);
      hashes.add(Buffer.from(out.data).toString('base64'));
    }
    expect(hashes.size).toBe(RETRO_STYLE_NAMES.length);
  });

  it('gives byte-identical output for identical input (fresh processors, every family)', () => {
    const src: Frame = photoScene({ width: 160, height: 90 });
    for (const dither of ['floyd-steinberg', 'atkinson', 'bayer8', 'blue-noise', 'knoll', 'yliluoma']) {
      for (const palette of ['pico8', 'db32', 'snes']) {
        const a = createRetroProcessorSync({ palette, dither, size: '80x45' }).process(src);
        const b = createRetroProcessorSync({ palette, dither, size: '80x45' }).process(src);
        expect(sameBytes(a, b), `${dither}/${palette}`).toBe(true);
      }
    }
  });

  it('resolves distance "auto" once per shot: CIEDE2000 for positional dithers, the measured better of sRGB/CIEDE2000 for error diffusion', () => {
    const src = photoScene({ width: 160, height: 90 });
    const ordered = createRetroProcessorSync({ palette: 'pico8', dither: 'bayer8' });
    expect(ordered.distance).toBeUndefined();
    ordered.process(src);
    expect(ordered.distance).toBe('ciede2000');
    const fs = createRetroProcessorSync({ palette: 'pico8', dither: 'floyd-steinberg' });
    fs.process(src);
    const chosen = fs.distance!;
    expect(['rgb', 'ciede2000']).toContain(chosen);
    // The choice is the one a forced run of each metric confirms is better.
    const score = (distance: 'rgb' | 'ciede2000') => {
      const out = createRetroProcessorSync({ palette: 'pico8', dither: 'floyd-steinberg', distance, hysteresis: 0 }).process(src);
      const lin = (f: Frame) => Float32Array.from({ length: f.width * f.height * 3 }, (_, k) => SRGB8_TO_LINEAR[f.data[Math.floor(k / 3) * 4 + (k % 3)]]);
      return meanBlurredDeltaE(lin(src), lin(out), 160, 90);
    };
    expect(score(chosen as 'rgb' | 'ciede2000')).toBeLessThanOrEqual(score(chosen === 'rgb' ? 'ciede2000' : 'rgb'));
    fs.process(photoScene({ width: 160, height: 90, noiseSeed: 4 }));
    expect(fs.distance).toBe(chosen);
  });

  it('quantises to 32,768-colour palettes (SNES) with every output colour on the 15-bit grid', () => {
    const out = createRetroProcessorSync({ palette: 'snes', dither: 'floyd-steinberg', size: '64x36' }).process(photoScene({ width: 128, height: 72 }));
    const snes = paletteKeys(builtinPalette('snes')!);
    for (const c of frameColors(out)) expect(snes.has(c)).toBe(true);
  });
});
