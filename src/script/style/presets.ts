// The style director's side of the named looks. The vocabulary (STYLE_PRESETS) lives in the doc
// layer; the vfx and retro departments give each name its rendered meaning (grade, palette,
// dither, CRT). Here each name gets what a director needs to choose it — what it looks like in
// words, how it wants the set lit — and the rules that suggest one from a scene's mood, era and
// the script's genre.

import { STYLE_PRESETS } from '../../doc/schema/style';
import type { Era, Genre, Mood } from '../analysis/mood';

export type StylePreset = (typeof STYLE_PRESETS)[number];
export { STYLE_PRESETS };

export interface PresetInfo {
  label: string;
  kind: 'grade' | 'retro';
  /** How it looks, for the look book. */
  look: string;
  /** Lighting it wants: contrast (key-to-fill ratio), and a colour temperature lean in kelvin (+ cooler, − warmer). */
  contrast: 'low' | 'normal' | 'high';
  temperatureLeanK: number;
  /** Palette treatment: saturation factor and an optional hue pull (degrees, strength 0–1). */
  saturation: number;
  huePull?: { hue: number; strength: number };
  /** Retro looks: the machine's pixel grid (its aspect is the picture's, whatever the film's). */
  grid?: [number, number];
}

export const PRESET_INFO: Record<StylePreset, PresetInfo> = {
  'cinematic-teal-orange': { label: 'Cinematic teal & orange', kind: 'grade', look: 'Skin pushed warm, shadows and backgrounds pushed teal; rich contrast, the modern blockbuster grade.', contrast: 'normal', temperatureLeanK: 0, saturation: 1.1, huePull: { hue: 190, strength: 0.15 } },
  noir: { label: 'Film noir', kind: 'grade', look: 'Black and white, deep blacks, hard single-source light and venetian-blind shadows.', contrast: 'high', temperatureLeanK: 0, saturation: 0 },
  pastel: { label: 'Pastel', kind: 'grade', look: 'Lifted blacks, soft low contrast, powdery pinks, mints and creams.', contrast: 'low', temperatureLeanK: -200, saturation: 0.55 },
  documentary: { label: 'Documentary', kind: 'grade', look: 'Natural, lightly graded available light; true skin tones, a touch of grain.', contrast: 'normal', temperatureLeanK: 0, saturation: 0.9 },
  'bleach-bypass': { label: 'Bleach bypass', kind: 'grade', look: 'Silver retained: desaturated, harsh contrast, metallic highlights.', contrast: 'high', temperatureLeanK: 200, saturation: 0.45 },
  'warm-vintage': { label: 'Warm vintage', kind: 'grade', look: '1970s print stock: warm amber cast, faded blacks, soft highlights and grain.', contrast: 'low', temperatureLeanK: -600, saturation: 0.8, huePull: { hue: 32, strength: 0.25 } },
  'cold-thriller': { label: 'Cold thriller', kind: 'grade', look: 'Steel blue-green cast, crushed shadows, desaturated skin.', contrast: 'high', temperatureLeanK: 900, saturation: 0.7, huePull: { hue: 200, strength: 0.3 } },
  'golden-hour': { label: 'Golden hour', kind: 'grade', look: 'Low warm sun, long shadows, glowing highlights and backlit hair.', contrast: 'normal', temperatureLeanK: -900, saturation: 1.1, huePull: { hue: 38, strength: 0.25 } },
  technicolor: { label: 'Three-strip Technicolor', kind: 'grade', look: 'Saturated primaries, dense reds and blues, glossy 1950s studio light.', contrast: 'normal', temperatureLeanK: 0, saturation: 1.4 },
  sepia: { label: 'Sepia', kind: 'grade', look: 'Monochrome toned brown, soft contrast, an old photograph.', contrast: 'low', temperatureLeanK: -300, saturation: 0.2, huePull: { hue: 35, strength: 0.9 } },
  snes: { label: 'SNES cutscene', kind: 'retro', look: '256×224, 15-bit colour, ordered dither: a 16-bit console cutscene.', contrast: 'normal', temperatureLeanK: 0, saturation: 1.2, grid: [256, 224] },
  nes: { label: 'NES', kind: 'retro', look: '256×240, the NES palette with attribute-cell colour limits.', contrast: 'normal', temperatureLeanK: 0, saturation: 1.2, grid: [256, 240] },
  gameboy: { label: 'Game Boy', kind: 'retro', look: '160×144, four shades of green on an LCD.', contrast: 'normal', temperatureLeanK: 0, saturation: 0.3, huePull: { hue: 90, strength: 0.8 }, grid: [160, 144] },
  'gameboy-color': { label: 'Game Boy Color', kind: 'retro', look: '160×144, 15-bit colour, small palettes per tile.', contrast: 'normal', temperatureLeanK: 0, saturation: 1.1, grid: [160, 144] },
  'sega-genesis': { label: 'Mega Drive / Genesis', kind: 'retro', look: '320×224, 9-bit colour, diffusion dither.', contrast: 'normal', temperatureLeanK: 0, saturation: 1.15, grid: [320, 224] },
  'zx-spectrum': { label: 'ZX Spectrum', kind: 'retro', look: '256×192, eight bright colours with attribute clash.', contrast: 'high', temperatureLeanK: 0, saturation: 1.4, grid: [256, 192] },
  c64: { label: 'Commodore 64', kind: 'retro', look: '160×200 wide pixels, the sixteen muted C64 colours.', contrast: 'normal', temperatureLeanK: 0, saturation: 0.8, grid: [320, 200] },
  pico8: { label: 'PICO-8', kind: 'retro', look: '128×128, the sixteen PICO-8 colours.', contrast: 'normal', temperatureLeanK: 0, saturation: 1.2, grid: [128, 128] },
  cga: { label: 'CGA', kind: 'retro', look: '320×200, cyan, magenta, white and black.', contrast: 'high', temperatureLeanK: 0, saturation: 1.3, grid: [320, 200] },
  ega: { label: 'EGA', kind: 'retro', look: '320×200, the sixteen EGA colours.', contrast: 'normal', temperatureLeanK: 0, saturation: 1.2, grid: [320, 200] },
  vga: { label: 'VGA', kind: 'retro', look: '320×200, an adaptive 256-colour palette.', contrast: 'normal', temperatureLeanK: 0, saturation: 1.05, grid: [320, 200] },
  'arcade-crt': { label: 'Arcade CRT', kind: 'retro', look: 'Low-res arcade picture through a slot-mask CRT with bloom.', contrast: 'high', temperatureLeanK: 0, saturation: 1.3, grid: [320, 240] },
  vhs: { label: 'VHS', kind: 'retro', look: 'Soft chroma bleeding, tracking wobble, crushed blacks and a timestamp-camcorder feel.', contrast: 'low', temperatureLeanK: -200, saturation: 0.85, grid: [352, 240] },
  'handheld-lcd': { label: 'Handheld LCD', kind: 'retro', look: 'Small reflective LCD: ghosting, a pixel grid and a washed-out palette.', contrast: 'low', temperatureLeanK: 0, saturation: 0.6, grid: [240, 160] },
};

export interface StyleChoice {
  preset: StylePreset;
  /** Why, in words: the mood, era or genre that decided it. */
  reason: string;
}

const MOOD_PRESET: Record<Mood, StylePreset> = {
  tense: 'cold-thriller',
  dark: 'cold-thriller',
  romantic: 'golden-hour',
  warm: 'warm-vintage',
  melancholy: 'cold-thriller',
  joyful: 'pastel',
  whimsical: 'pastel',
  eerie: 'cold-thriller',
  violent: 'bleach-bypass',
  calm: 'pastel',
  nostalgic: 'warm-vintage',
  gritty: 'bleach-bypass',
  mysterious: 'noir',
  hopeful: 'golden-hour',
  cold: 'cold-thriller',
  energetic: 'cinematic-teal-orange',
  neutral: 'cinematic-teal-orange',
};

const EARLY: Era[] = ['1900s', '1910s', '1920s', '1930s'];

/** Suggests a look for a scene from its mood, its era and the script's genre. */
export function suggestPreset(mood: Mood, era: Era, genre: Genre, evidence: string[] = []): StyleChoice {
  const because = (what: string) => (evidence.length ? `${what} (${evidence.slice(0, 4).join(', ')})` : what);
  if (genre === 'videogame') {
    const p: StylePreset = era === '1980s' ? 'nes' : era === '1970s' ? 'arcade-crt' : 'snes';
    return { preset: p, reason: `video-game words in the script; ${era} console look` };
  }
  if (genre === 'home-video') return { preset: 'vhs', reason: 'home-video words in the script (VHS, camcorder)' };
  if (genre === 'documentary') return { preset: 'documentary', reason: 'documentary words in the script (interview, footage)' };
  if (EARLY.includes(era)) {
    if (mood === 'dark' || mood === 'mysterious' || mood === 'tense') return { preset: 'noir', reason: because(`${mood} scene in the ${era}`) };
    return { preset: 'sepia', reason: `set in the ${era}` };
  }
  if ((genre === 'noir' || genre === 'crime') && (mood === 'dark' || mood === 'mysterious' || mood === 'tense' || mood === 'neutral' || mood === 'gritty')) {
    return { preset: 'noir', reason: because(`${genre} script, ${mood} scene`) };
  }
  if (era === '1940s' && (mood === 'dark' || mood === 'mysterious' || mood === 'tense')) return { preset: 'noir', reason: because(`${mood} scene in the 1940s`) };
  if ((era === '1950s' || era === '1960s') && (mood === 'joyful' || mood === 'whimsical' || mood === 'romantic' || mood === 'warm' || mood === 'neutral' || mood === 'hopeful')) {
    return { preset: 'technicolor', reason: because(`${mood} scene in the ${era}`) };
  }
  if ((era === '1970s' || era === '1960s') && (mood === 'nostalgic' || mood === 'warm' || mood === 'neutral' || mood === 'melancholy')) {
    return { preset: 'warm-vintage', reason: because(`${mood} scene in the ${era}`) };
  }
  if (mood === 'neutral') {
    if (genre === 'sci-fi' || genre === 'action' || genre === 'thriller') return { preset: genre === 'thriller' ? 'cold-thriller' : 'cinematic-teal-orange', reason: `${genre} script` };
    if (genre === 'war') return { preset: 'bleach-bypass', reason: 'war script' };
    if (genre === 'romance' || genre === 'comedy') return { preset: 'pastel', reason: `${genre} script` };
    return { preset: 'cinematic-teal-orange', reason: 'no strong mood words: the house grade' };
  }
  return { preset: MOOD_PRESET[mood], reason: because(`${mood} scene`) };
}

/** True when a string names a preset. */
export function isStylePreset(s: string): s is StylePreset {
  return (STYLE_PRESETS as readonly string[]).includes(s);
}
