// The style director: looks suggested per scene, palettes from mood and era, lighting designs,
// and the look book page.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STYLE_PRESETS as DOC_PRESETS } from '../../src/doc/schema/style';
import { parseFountain } from '../../src/script';
import {
  designLighting, directStyle, escapeHtml, hexToHsv, lookBookFromStyle, lookBookHtml, paletteFor, PRESET_INFO, STYLE_PRESETS, suggestPreset, timeOfDayOf, SWATCH_ROLES,
} from '../../src/script/style';
import { ERAS, MOODS } from '../../src/script/analysis';
import os from 'node:os';
import { kino } from '../core/helpers';

const fixtures = path.join(import.meta.dirname, '../fixtures/scripts');
const read = (f: string) => parseFountain(fs.readFileSync(path.join(fixtures, f)), { fileName: f }).script;
const meanSat = (hexes: string[]) => hexes.reduce((n, h) => n + hexToHsv(h)[1], 0) / hexes.length;

describe('looks', () => {
  it('describes every preset of the vocabulary', () => {
    expect(STYLE_PRESETS).toBe(DOC_PRESETS);
    for (const p of STYLE_PRESETS) expect(PRESET_INFO[p].look.length).toBeGreaterThan(10);
    expect(PRESET_INFO.snes.kind).toBe('retro');
    expect(PRESET_INFO.noir.kind).toBe('grade');
  });

  it('suggests a look from mood, era and genre, and says why', () => {
    expect(suggestPreset('dark', 'contemporary', 'crime', ['rain']).preset).toBe('noir');
    expect(suggestPreset('joyful', '1950s', 'drama').preset).toBe('technicolor');
    expect(suggestPreset('nostalgic', '1970s', 'drama').preset).toBe('warm-vintage');
    expect(suggestPreset('neutral', '1920s', 'drama').preset).toBe('sepia');
    expect(suggestPreset('neutral', '1990s', 'videogame').preset).toBe('snes');
    expect(suggestPreset('neutral', '1980s', 'videogame').preset).toBe('nes');
    expect(suggestPreset('tense', 'contemporary', 'home-video').preset).toBe('vhs');
    expect(suggestPreset('neutral', 'contemporary', 'documentary').preset).toBe('documentary');
    expect(suggestPreset('romantic', 'contemporary', 'drama').preset).toBe('golden-hour');
    const v = suggestPreset('violent', 'contemporary', 'drama', ['blood', 'gun']);
    expect(v).toEqual({ preset: 'bleach-bypass', reason: 'violent scene (blood, gun)' });
  });

  it('directs a whole script: per scene, or one look with --style', () => {
    const script = read('The-Last-Train.fountain');
    const suggested = directStyle(script);
    expect(suggested.scenes.map((s) => s.mood)).toEqual(['dark', 'neutral', 'warm']);
    expect(suggested.scenes[0].reason).toMatch(/dark scene/);
    expect(suggested.scenes.map((s) => s.timeOfDay)).toEqual(['night', 'dawn', 'day']);
    const forced = directStyle(script, { style: 'noir' });
    expect(forced.uniform).toBe(true);
    expect(forced.scenes.every((s) => s.preset === 'noir' && s.reason === 'chosen with --style')).toBe(true);
    // Deterministic: the same script gets the same palettes.
    expect(directStyle(script)).toEqual(suggested);
  });

  it('maps script times of day to the film vocabulary, CONTINUOUS following the scene before', () => {
    expect(timeOfDayOf('NIGHT (1973)')).toBe('night');
    expect(timeOfDayOf('DAWN')).toBe('dawn');
    expect(timeOfDayOf('MAGIC HOUR')).toBe('magic-hour');
    expect(timeOfDayOf('CONTINUOUS', 'dusk')).toBe('dusk');
    expect(timeOfDayOf(null, 'night')).toBe('night');
  });
});

describe('palettes from mood and era', () => {
  it('gives six named swatches, dark to light plus an accent, the same every time', () => {
    const p = paletteFor('melancholy', 'contemporary', { seed: 'x' });
    expect(p.swatches.map((s) => s.role)).toEqual([...SWATCH_ROLES]);
    for (const s of p.swatches) expect(s.hex).toMatch(/^#[0-9a-f]{6}$/);
    const values = p.swatches.slice(0, 5).map((s) => hexToHsv(s.hex)[2]);
    expect([...values].sort((a, b) => a - b)).toEqual(values);
    expect(paletteFor('melancholy', 'contemporary', { seed: 'x' })).toEqual(p);
    expect(paletteFor('melancholy', 'contemporary', { seed: 'y' }).swatches).not.toEqual(p.swatches);
  });

  it('follows the mood model: violent is more saturated than melancholy, dark is darker than joyful', () => {
    for (const seed of ['1', '2', '3']) {
      const hex = (m: (typeof MOODS)[number]) => paletteFor(m, 'contemporary', { seed }).swatches.slice(0, 5).map((s) => s.hex);
      expect(meanSat(hex('violent'))).toBeGreaterThan(meanSat(hex('melancholy')) + 0.2);
      const v = (m: (typeof MOODS)[number]) => hex(m).reduce((n, h) => n + hexToHsv(h)[2], 0) / 5;
      expect(v('dark')).toBeLessThan(v('joyful') - 0.3);
    }
  });

  it('follows the era: Technicolor saturates, the 1920s are nearly monochrome and sepia, the 1970s warm', () => {
    const tones = (e: (typeof ERAS)[number]) => paletteFor('warm', e, { seed: 's' }).swatches.slice(0, 5).map((s) => s.hex);
    expect(meanSat(tones('1950s'))).toBeGreaterThan(meanSat(tones('contemporary')));
    expect(meanSat(tones('1920s'))).toBeLessThan(0.2);
    for (const h of tones('1920s')) {
      const [hue, sat] = hexToHsv(h);
      if (sat > 0.03) expect(Math.abs(hue - 35)).toBeLessThan(20);
    }
    expect(paletteFor('cold', '1970s', { seed: 's' }).notes.join(' ')).toMatch(/1970s print stock/);
    // A look treats the palette: noir is black and white.
    expect(meanSat(paletteFor('romantic', 'contemporary', { preset: 'noir', seed: 's' }).swatches.map((s) => s.hex))).toBeLessThan(0.02);
  });
});

describe('lighting design', () => {
  it('lights an interior night with tungsten and moonlight, an exterior day with the sun', () => {
    const night = designLighting({ interior: 'int', timeOfDay: 'night', mood: 'tense' });
    expect(night.keyTemperatureK).toBe(3200);
    expect(night.rig).toBe('low-key');
    expect(night.lights.map((l) => l.id)).toContain('moonlight');
    expect(night.practicals).toBe(true);
    expect(night.backdrop).toEqual({ kind: 'solid', color: '#0b1020' });
    const day = designLighting({ interior: 'ext', timeOfDay: 'day', mood: 'joyful' });
    expect(day.lights[0]).toMatchObject({ kind: 'sun', role: 'key' });
    expect(day.rig).toBe('high-key');
    expect(day.backdrop.kind).toBe('sky');
    const dusk = designLighting({ interior: 'ext', timeOfDay: 'dusk', mood: 'neutral', preset: 'golden-hour' });
    expect(dusk.keyTemperatureK).toBeLessThan(3400);
    expect(dusk.notes[0]).toMatch(/key-to-fill/);
    expect(designLighting({ interior: 'int', timeOfDay: 'day', mood: 'neutral', preset: 'noir' }).rig).toBe('noir');
  });
});

describe('look book page', () => {
  const style = directStyle(read('The-Last-Train.fountain'));
  const frame = { src: 'data:image/jpeg;base64,/9j/4AAQSkZJRg==', caption: 's1/master' };

  it('is one self-contained page: swatches, lighting notes and a frame per scene', () => {
    const html = lookBookHtml(lookBookFromStyle(style, 'The Last Train', new Map([['1', frame]]), 'test'));
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect(html).not.toMatch(/<script/i);
    for (const s of style.scenes) {
      expect(html).toContain(`id="scene-${s.number}"`);
      for (const sw of s.palette.swatches) expect(html).toContain(sw.hex);
      expect(html).toContain(escapeHtml(s.lighting.notes[0]));
    }
    expect(html.match(/<img /g)).toHaveLength(1);
    expect(html).toContain(frame.src);
    expect(html.match(/No frame rendered/g)).toHaveLength(2);
  });

  it('escapes text and refuses script URLs as frames', () => {
    const input = lookBookFromStyle(style, '<Title> & "quotes"', new Map([['1', { src: 'javascript:alert(1)' }], ['2', { src: '../shots/s2 x/still.jpg' }]]));
    const html = lookBookHtml(input);
    expect(html).toContain('&lt;Title&gt; &amp; &quot;quotes&quot;');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('src="../shots/s2%20x/still.jpg"');
  });
});

describe('kino lookbook', () => {
  it('directs a script into a look book page and prints the looks and palettes as JSON', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'kino-lookbook-'));
    const r = kino(['lookbook', path.join(fixtures, 'The-Last-Train.fountain'), '--out', out, '--no-render', '--json', '--style', 'technicolor']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ ok: true, scenes: 3, frames: 0, lookbook: path.join(out, 'reports', 'lookbook.html') });
    expect(j.looks.map((l: { look: string }) => l.look)).toEqual(['technicolor', 'technicolor', 'technicolor']);
    for (const l of j.looks) expect(l.palette).toHaveLength(6);
    const html = fs.readFileSync(j.lookbook, 'utf8');
    expect(html).toContain('Three-strip Technicolor');
    expect(html).toContain('INT. DINER - NIGHT');
  });

  it('reports a missing script', () => {
    const r = kino(['lookbook', path.join(fixtures, 'missing.fountain'), '--no-render']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/script\/not-found/);
  });
});
