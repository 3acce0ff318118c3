// Every <Style preset> in one table: what each named look means as a grade, a retro target and a
// display. Cinema looks are grades (numbers a colourist would dial: see grade-math.ts for the
// operations); retro looks name a retro department look (RETRO_STYLES in src/retro/styles.ts,
// matched by name, never imported — departments share through the plan) plus, where the era had
// one, a display. The vocabulary itself (STYLE_PRESETS) is the doc layer's.

import type { StylePreset } from '../doc/schema/style';
import type { GradeLayer } from './grade-math';

export interface LookPreset {
  label: string;
  kind: 'cinema' | 'retro' | 'display';
  grade?: GradeLayer;
  /** A retro department look by name (src/retro/styles.ts). */
  retroStyle?: string;
  /** A CRT/LCD preset by name (src/retro/crt/presets.ts). */
  crt?: string;
  /** Pixel grid to render at when no retro look sets one (a CRT needs scanlines to draw). */
  size?: { width: number; height: number };
}

export const LOOK_PRESETS: Record<StylePreset, LookPreset> = {
  'cinematic-teal-orange': {
    label: 'Teal & orange blockbuster, 2.39:1',
    kind: 'cinema',
    grade: { contrast: 1.15, saturation: 1.1, temperature: 6, shadowsTint: [-0.07, 0.01, 0.07], highlightsTint: [0.08, 0.02, -0.07], vignette: 0.25, letterbox: 2.39 },
  },
  noir: {
    label: 'Film noir: hard black and white',
    kind: 'cinema',
    grade: { saturation: 0, contrast: 1.45, lift: [-0.03, -0.03, -0.03], gamma: [0.92, 0.92, 0.92], vignette: 0.45, grain: 0.35 },
  },
  pastel: {
    label: 'Pastel: soft, lifted, airy',
    kind: 'cinema',
    grade: { exposure: 0.25, contrast: 0.8, saturation: 0.7, lift: [0.08, 0.07, 0.09], highlightsTint: [0.02, 0, 0.03] },
  },
  documentary: {
    label: 'Documentary: natural, a touch of grain',
    kind: 'cinema',
    grade: { contrast: 1.05, saturation: 0.92, grain: 0.15, vignette: 0.1 },
  },
  'bleach-bypass': {
    label: 'Bleach bypass: silver retained, desaturated, hard',
    kind: 'cinema',
    grade: { saturation: 0.4, contrast: 1.35, gain: [1.05, 1.05, 1.05], grain: 0.2, vignette: 0.2 },
  },
  'warm-vintage': {
    label: 'Warm vintage print: faded blacks, amber',
    kind: 'cinema',
    grade: { temperature: 35, contrast: 0.9, saturation: 0.8, lift: [0.06, 0.04, 0.02], highlightsTint: [0.03, 0.01, -0.03], grain: 0.3, vignette: 0.35 },
  },
  'cold-thriller': {
    label: 'Cold thriller: steel blue, contrasty',
    kind: 'cinema',
    grade: { temperature: -40, tint: -10, contrast: 1.2, saturation: 0.75, shadowsTint: [-0.02, 0.01, 0.05], vignette: 0.3 },
  },
  'golden-hour': {
    label: 'Golden hour: warm sun, glowing highlights',
    kind: 'cinema',
    grade: { exposure: 0.15, temperature: 50, contrast: 1.05, saturation: 1.15, highlightsTint: [0.06, 0.03, -0.04], vignette: 0.2 },
  },
  technicolor: {
    label: 'Three-strip Technicolor: saturated primaries',
    kind: 'cinema',
    grade: { contrast: 1.2, saturation: 1.55, gain: [1.04, 1, 0.97], lift: [-0.02, -0.02, -0.01] },
  },
  sepia: {
    label: 'Sepia print',
    kind: 'cinema',
    grade: { saturation: 0, contrast: 0.95, shadowsTint: [0.04, 0, -0.04], highlightsTint: [0.08, 0.03, -0.07], vignette: 0.35, grain: 0.25 },
  },
  snes: { label: 'SNES cutscene', kind: 'retro', retroStyle: 'snes' },
  nes: { label: 'NES', kind: 'retro', retroStyle: 'nes' },
  gameboy: { label: 'Game Boy', kind: 'retro', retroStyle: 'gameboy' },
  'gameboy-color': { label: 'Game Boy Color', kind: 'retro', retroStyle: 'gameboy-color' },
  'sega-genesis': { label: 'Sega Mega Drive / Genesis', kind: 'retro', retroStyle: 'genesis' },
  'zx-spectrum': { label: 'ZX Spectrum', kind: 'retro', retroStyle: 'zx-spectrum' },
  c64: { label: 'Commodore 64', kind: 'retro', retroStyle: 'c64' },
  pico8: { label: 'PICO-8', kind: 'retro', retroStyle: 'pico8' },
  cga: { label: 'CGA', kind: 'retro', retroStyle: 'cga' },
  ega: { label: 'EGA', kind: 'retro', retroStyle: 'ega' },
  vga: { label: 'VGA', kind: 'retro', retroStyle: 'vga' },
  'arcade-crt': { label: 'Arcade CRT', kind: 'retro', retroStyle: 'arcade-crt' },
  vhs: {
    label: 'VHS on a living-room TV',
    kind: 'display',
    // VHS: ~240 lines, soft chroma, lifted blacks and a warm cast, shown on an interlaced TV.
    grade: { contrast: 0.9, saturation: 0.85, temperature: 8, lift: [0.04, 0.035, 0.05], grain: 0.3 },
    crt: 'interlaced-tv',
    size: { width: 352, height: 240 },
  },
  'handheld-lcd': { label: 'Handheld LCD (GBA-class)', kind: 'retro', retroStyle: 'gba' },
};

/** Short names a <Grade look="…"> may use. */
export const GRADE_LOOK_ALIASES: Record<string, StylePreset> = {
  'teal-orange': 'cinematic-teal-orange',
  'teal-and-orange': 'cinematic-teal-orange',
  blockbuster: 'cinematic-teal-orange',
  'black-and-white': 'noir',
  bw: 'noir',
  warm: 'warm-vintage',
  vintage: 'warm-vintage',
  cool: 'cold-thriller',
  cold: 'cold-thriller',
  golden: 'golden-hour',
  'magic-hour': 'golden-hour',
  bleach: 'bleach-bypass',
};

/** Cinema looks by name or alias (what <Grade look> accepts). */
export function gradeLook(name: string): LookPreset | undefined {
  const key = (GRADE_LOOK_ALIASES[name.toLowerCase()] ?? name.toLowerCase()) as StylePreset;
  const p = LOOK_PRESETS[key];
  return p?.grade && p.kind === 'cinema' ? p : undefined;
}

export const CINEMA_LOOKS = (Object.keys(LOOK_PRESETS) as StylePreset[]).filter((k) => LOOK_PRESETS[k].kind === 'cinema');
