// Looks as wrapping components: <Style>, <Grade>, <Retro>, <CRT> chains and output styles fold
// into ShotPlan.ext.style / FilmPlan.ext.style through the style and retro resolvers.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { CRT, Film, Grade, Place, Retro, Say, Scene, Shot, Character, Style } from 'kino';
import { renderToDoc } from '../../reconciler';
import { STYLE_PRESETS } from '../../src/doc/schema/style';
import { validateDoc } from '../../src/doc/validate';
import type { KinoIssue } from '../../src/doc/errors';
import { DEPARTMENTS } from '../../src/pipeline/departments';
import { buildPlan } from '../../src/plan/build';
import type { FilmPlan } from '../../src/plan/schema';
import { RETRO_STYLES, RetroOptionsSchema } from '../../src/retro/index';
import { FilmStyleSchema, LOOK_PRESETS, ShotStyleSchema, shotStyle, outputStyle, type ShotStyle } from '../../src/vfx/index';

function plan(el: ReactElement): { plan: FilmPlan | null; issues: KinoIssue[] } {
  const r = renderToDoc(el);
  const v = validateDoc(r.doc);
  const issues = [...r.issues, ...v.issues];
  if (!v.root || issues.some((i) => i.severity === 'error')) return { plan: null, issues };
  const b = buildPlan(v.root, { checkFiles: false, resolvers: DEPARTMENTS, file: path.join(os.tmpdir(), 'looks-film.tsx') });
  return { plan: b.plan, issues: [...issues, ...b.issues] };
}
function mustPlan(el: ReactElement): FilmPlan {
  const r = plan(el);
  const errors = r.issues.filter((i) => i.severity === 'error');
  if (errors.length || !r.plan) throw new Error(errors.map((i) => `${i.code}: ${i.message}`).join('\n'));
  return r.plan;
}
const styleOf = (p: FilmPlan, key: string): ShotStyle | undefined => shotStyle(p.scenes.flatMap((s) => s.shots).find((s) => s.key === key)!);

const scene = (id: string, ...shots: ReactElement[]) => (
  <Scene id={id} heading={`INT. ${id.toUpperCase()} - DAY`}>
    <Place who="ana" position={[0, 0, 0]} />
    <Say id={`${id}-l`} who="ana" duration="1s">Hi.</Say>
    {shots}
  </Scene>
);

describe('style resolver: wrapper chains → ShotPlan.ext.style', () => {
  it('a <Style> around a scene grades every shot in it; shots outside stay on the fast path', () => {
    const p = mustPlan(
      <Film title="T" fps={12} resolution="320x180">
        <Character id="ana" />
        <Style preset="noir">{scene('a', <Shot key="1" id="s1" duration="0.5s" />, <Shot key="2" id="s2" duration="0.5s" />)}</Style>
        {scene('b', <Shot key="3" id="s3" duration="0.5s" />)}
      </Film>,
    );
    for (const k of ['a/s1', 'a/s2']) {
      const st = styleOf(p, k)!;
      expect(ShotStyleSchema.parse(st)).toEqual(st);
      expect(st.looks).toEqual(['noir']);
      expect(st.grade!.saturation).toBe(0);
      expect(st.grade!.contrast).toBeCloseTo(1.45);
      expect(st.retro).toBeUndefined();
    }
    expect(styleOf(p, 'b/s3')).toBeUndefined();
  });

  it('nests: an inner <Retro> refines an outer retro preset; grades compose', () => {
    const p = mustPlan(
      <Film title="T" fps={12} resolution="320x180">
        <Character id="ana" />
        <Style preset="snes">
          <Grade exposure={1} contrast={1.2}>
            {scene(
              'a',
              <Grade key="g" exposure={0.5} contrast={1.5} vignette={0.3}>
                <Retro dither="atkinson" pixelSnap>
                  <Shot id="s1" duration="0.5s" />
                </Retro>
              </Grade>,
              <Shot key="2" id="s2" duration="0.5s" />,
            )}
          </Grade>
        </Style>
      </Film>,
    );
    const inner = styleOf(p, 'a/s1')!;
    expect(inner.grade!.exposure).toBeCloseTo(1.5);
    expect(inner.grade!.contrast).toBeCloseTo(1.8);
    expect(inner.grade!.vignette).toBeCloseTo(0.3);
    const retro = RetroOptionsSchema.parse(inner.retro);
    expect(retro.palette).toBe('snes');
    expect(retro.dither).toBe('atkinson');
    expect(inner.size).toEqual({ width: 256, height: 224 });
    expect(inner.pixelSnap).toBe(true);
    expect(inner.retroLayers).toBeUndefined();
    const outer = styleOf(p, 'a/s2')!;
    expect(RetroOptionsSchema.parse(outer.retro).dither).toBe('bayer4');
    expect(outer.grade!.exposure).toBe(1);
    expect(outer.pixelSnap).toBe(false);
  });

  it('an inner look replaces an outer one; a <CRT> replaces the display a look comes with', () => {
    const p = mustPlan(
      <Film title="T" fps={12} resolution="320x180">
        <Character id="ana" />
        <Retro palette="pico8" size="128x72">
          {scene(
            'a',
            <Style key="1" preset="gameboy">
              <Shot id="gb" duration="0.5s" />
            </Style>,
            <CRT key="2" preset="pvm" params={{ curvatureX: 0.05 }}>
              <Style preset="gameboy">
                <Shot id="gbpvm" duration="0.5s" />
              </Style>
            </CRT>,
            <Shot key="3" id="plain" duration="0.5s" />,
          )}
        </Retro>
      </Film>,
    );
    const gb = styleOf(p, 'a/gb')!;
    expect((gb.retro as { constraint: string }).constraint).toBe('gameboy');
    expect(gb.size).toEqual({ width: 160, height: 144 });
    expect(gb.crt).toBe('handheld-lcd');
    expect(styleOf(p, 'a/gbpvm')!.crt).toEqual({ preset: 'pvm', curvatureX: 0.05 });
    const plain = styleOf(p, 'a/plain')!;
    expect((plain.retro as { palette: string }).palette).toBe('pico8');
    expect(plain.size).toEqual({ width: 128, height: 72 });
    expect(plain.crt).toBeUndefined();
  });

  it('a display-only look (CRT without a palette) renders at 240 lines of the film aspect', () => {
    const p = mustPlan(
      <Film title="T" fps={12} resolution="320x180">
        <Character id="ana" />
        <CRT preset="consumer-tv">{scene('a', <Shot key="1" id="s1" duration="0.5s" />)}</CRT>
        <Style preset="vhs">{scene('b', <Shot key="1" id="s1" duration="0.5s" />)}</Style>
      </Film>,
    );
    const a = styleOf(p, 'a/s1')!;
    expect(a.crt).toBe('consumer-tv');
    expect(a.retro).toBeUndefined();
    expect(a.size).toEqual({ width: 426, height: 240 });
    const b = styleOf(p, 'b/s1')!;
    expect(b.crt).toBe('interlaced-tv');
    expect(b.size).toEqual({ width: 352, height: 240 });
    expect(b.grade!.saturation).toBeCloseTo(0.85);
  });

  it('every <Style> preset resolves, and the retro ones name a RETRO_STYLES look', () => {
    for (const preset of STYLE_PRESETS) {
      const lp = LOOK_PRESETS[preset];
      expect(lp, preset).toBeDefined();
      if (lp.retroStyle) expect(RETRO_STYLES, preset).toHaveProperty(lp.retroStyle);
      const p = mustPlan(
        <Film title="T" fps={12} resolution="320x180">
          <Character id="ana" />
          <Style preset={preset}>{scene('a', <Shot key="1" id="s1" duration="0.5s" />)}</Style>
        </Film>,
      );
      const st = styleOf(p, 'a/s1')!;
      expect(st.looks, preset).toEqual([preset]);
      expect(!!st.grade || !!st.retro || !!st.crt, preset).toBe(true);
      if (lp.kind === 'cinema') expect(st.retro, preset).toBeUndefined();
      else expect(st.size, preset).toBeDefined();
    }
  });

  it('output styles: a 16-bit game output at 320×180 with the SNES look, and a retro spec', () => {
    const p = mustPlan(
      <Film
        title="T"
        fps={12}
        resolution="320x180"
        outputs={[
          { name: 'movie', format: 'h264' },
          { name: '16bit_game', format: 'h264', resolution: '320x180', style: { preset: 'snes' } },
          { name: 'gb', format: 'png', style: { retro: { palette: 'gameboy', dither: 'floyd-steinberg', size: '160x90' }, grade: { look: 'noir' } } },
        ]}
      >
        <Character id="ana" />
        {scene('a', <Shot key="1" id="s1" duration="0.5s" />)}
      </Film>,
    );
    expect(FilmStyleSchema.safeParse(p.ext?.style).success).toBe(true);
    expect(outputStyle(p, 'movie')).toBeUndefined();
    const game = outputStyle(p, '16bit_game')!;
    expect(game.size).toEqual({ width: 320, height: 180 });
    expect(RetroOptionsSchema.parse(game.retro).palette).toBe('snes');
    const gb = outputStyle(p, 'gb')!;
    expect(gb.grade!.saturation).toBe(0);
    expect(gb.retro).toMatchObject({ palette: 'gameboy', dither: 'floyd-steinberg', size: { width: 160, height: 90 } });
  });

  it('reports bad looks with the file:line of the element that wrote them, every one at once', () => {
    const r = plan(
      <Film title="T" fps={12} resolution="320x180" outputs={[{ name: 'x', format: 'h264', style: { retro: { palette: 'gameboi' } } }]}>
        <Character id="ana" />
        <Retro palette="not-a-palette" dither="floyd">
          {scene(
            'a',
            <Grade key="g" look="tealorange">
              <Shot id="s1" duration="0.5s" />
            </Grade>,
            <CRT key="c" preset="pvm" params={{ scanline: 0.5 }}>
              <Shot id="s2" duration="0.5s" />
            </CRT>,
            <Retro key="r" style="snez">
              <Shot id="s3" duration="0.5s" />
            </Retro>,
          )}
        </Retro>
      </Film>,
    );
    const errs = r.issues.filter((i) => i.severity === 'error');
    const by = (code: string) => errs.filter((e) => e.code === code);
    // The outer <Retro> wraps three shots: each problem is reported once.
    expect(by('retro/unknown-palette').length).toBe(2);
    const pal = by('retro/unknown-palette').find((e) => e.message.includes('not-a-palette'))!;
    expect(pal.message).toMatch(/Available: .*pico8/);
    expect(pal.location?.file).toMatch(/resolver\.test\.tsx$/);
    expect(pal.location?.line).toBeGreaterThan(0);
    expect(by('retro/unknown-palette').find((e) => e.message.includes('gameboi'))!.componentPath).toMatch(/outputs\[0\] "x"/);
    const look = by('style/unknown-look')[0];
    expect(look.hint).toMatch(/teal-orange/);
    expect(look.location!.line!).toBeGreaterThan(pal.location!.line!);
    expect(by('retro/unknown-crt-param')[0].hint).toMatch(/scanlineStrength/);
    expect(by('retro/unknown-style')[0].hint).toMatch(/snes/);
    expect(errs.length).toBeGreaterThanOrEqual(5);
  });

  it('bad retro option values are RetroOptionsSchema errors at the element', () => {
    const r = plan(
      <Film title="T" fps={12} resolution="320x180">
        <Character id="ana" />
        <Retro palette="pico8" dither="not-a-dither" size="320by180" constraint="snes9x">
          {scene('a', <Shot key="1" id="s1" duration="0.5s" />)}
        </Retro>
      </Film>,
    );
    const errs = r.issues.filter((i) => i.code === 'retro/bad-option');
    expect(errs.map((e) => e.prop).sort()).toEqual(['constraint', 'dither', 'size']);
    for (const e of errs) expect(e.location?.line).toBeGreaterThan(0);
  });

  it('reads and checks .cube LUTs at plan time, relative to the film file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kino-lut-'));
    fs.writeFileSync(path.join(dir, 'ok.cube'), 'TITLE "id"\nLUT_3D_SIZE 2\n0 0 0\n1 0 0\n0 1 0\n1 1 0\n0 0 1\n1 0 1\n0 1 1\n1 1 1\n');
    fs.writeFileSync(path.join(dir, 'bad.cube'), 'LUT_3D_SIZE 2\n0 0 0\n1 0\n');
    const okP = mustPlan(
      <Film title="T" fps={12} resolution="320x180">
        <Character id="ana" />
        <Grade lut={path.join(dir, 'ok.cube')}>{scene('a', <Shot key="1" id="s1" duration="0.5s" />)}</Grade>
      </Film>,
    );
    expect(styleOf(okP, 'a/s1')!.grade!.lut).toBe(path.join(dir, 'ok.cube'));
    const bad = plan(
      <Film title="T" fps={12} resolution="320x180">
        <Character id="ana" />
        <Grade lut={path.join(dir, 'bad.cube')}>{scene('a', <Shot key="1" id="s1" duration="0.5s" />)}</Grade>
        <Grade lut="missing.cube">{scene('b', <Shot key="1" id="s1" duration="0.5s" />)}</Grade>
      </Film>,
    );
    const codes = bad.issues.map((i) => i.code);
    expect(codes).toContain('style/lut-invalid');
    expect(codes).toContain('style/lut-missing');
    expect(bad.issues.find((i) => i.code === 'style/lut-invalid')!.hint).toMatch(/bad\.cube:3/);
  });
});
