// Colour palettes from mood and era. A small, explainable model rather than a generator's whim:
//
//   mood → hue centre(s), hue spread, saturation and value ranges (melancholy is low-saturation
//          blue, romantic rose at mid value, violent dense red, eerie a sickly green…);
//   era  → a treatment and anchor colours (1950s three-strip Technicolor: saturated primaries;
//          1970s print stock: warm, faded blacks, avocado and harvest gold; 1990s video: a cool
//          green cast; …);
//   look → the chosen preset's saturation and hue pull.
//
// Swatches are drawn with a seeded generator (util/random), so a scene always gets the same
// palette, sorted dark to light and named by role (shadow … highlight, plus an accent).

import { rngFor } from '../../util/random';
import type { Era, Mood } from '../analysis/mood';
import { PRESET_INFO, type StylePreset } from './presets';

interface MoodModel {
  /** Hue centres in degrees; swatches alternate between them (complementary schemes). */
  hues: number[];
  spread: number;
  sat: [number, number];
  val: [number, number];
}

export const MOOD_COLOURS: Record<Mood, MoodModel> = {
  tense: { hues: [195], spread: 35, sat: [0.25, 0.5], val: [0.18, 0.62] },
  dark: { hues: [220], spread: 30, sat: [0.15, 0.4], val: [0.06, 0.42] },
  romantic: { hues: [345, 20], spread: 30, sat: [0.35, 0.65], val: [0.45, 0.92] },
  warm: { hues: [30], spread: 28, sat: [0.45, 0.75], val: [0.45, 0.95] },
  melancholy: { hues: [215], spread: 35, sat: [0.1, 0.32], val: [0.3, 0.72] },
  joyful: { hues: [50, 330, 190], spread: 25, sat: [0.55, 0.9], val: [0.7, 1] },
  whimsical: { hues: [300, 170, 45], spread: 30, sat: [0.35, 0.6], val: [0.72, 1] },
  eerie: { hues: [150], spread: 30, sat: [0.15, 0.4], val: [0.18, 0.6] },
  violent: { hues: [0], spread: 18, sat: [0.55, 0.92], val: [0.2, 0.72] },
  calm: { hues: [180, 100], spread: 30, sat: [0.12, 0.35], val: [0.6, 0.92] },
  nostalgic: { hues: [35], spread: 22, sat: [0.28, 0.55], val: [0.42, 0.86] },
  gritty: { hues: [45, 80], spread: 22, sat: [0.18, 0.42], val: [0.16, 0.58] },
  mysterious: { hues: [255, 200], spread: 30, sat: [0.25, 0.55], val: [0.12, 0.5] },
  hopeful: { hues: [45, 200], spread: 20, sat: [0.38, 0.7], val: [0.62, 1] },
  cold: { hues: [205], spread: 18, sat: [0.12, 0.38], val: [0.48, 0.92] },
  energetic: { hues: [18, 192], spread: 18, sat: [0.6, 0.92], val: [0.5, 0.96] },
  neutral: { hues: [30, 210], spread: 40, sat: [0.08, 0.3], val: [0.25, 0.88] },
};

interface EraModel {
  label: string;
  /** Multiplies saturation. */
  saturation: number;
  /** Pulls hues toward this hue (degrees) with a strength 0–1. */
  huePull?: { hue: number; strength: number };
  /** Lifted blacks / pulled whites: values are mapped into this range. */
  valueRange: [number, number];
  /** Characteristic colours of the period's pictures. */
  anchors: string[];
}

export const ERA_COLOURS: Record<Era, EraModel> = {
  '1900s': { label: 'silent-era tinted print', saturation: 0.2, huePull: { hue: 35, strength: 0.8 }, valueRange: [0.12, 0.88], anchors: ['#2b2118', '#e8dcc0'] },
  '1910s': { label: 'silent-era tinted print', saturation: 0.2, huePull: { hue: 35, strength: 0.8 }, valueRange: [0.12, 0.88], anchors: ['#2b2118', '#e8dcc0'] },
  '1920s': { label: 'orthochromatic black and white, sepia toned', saturation: 0.22, huePull: { hue: 35, strength: 0.75 }, valueRange: [0.1, 0.9], anchors: ['#2a2019', '#ead9b8'] },
  '1930s': { label: 'panchromatic black and white', saturation: 0.25, huePull: { hue: 35, strength: 0.6 }, valueRange: [0.08, 0.92], anchors: ['#1e1b18', '#e3dccd'] },
  '1940s': { label: 'hard-light black and white, early Technicolor', saturation: 0.55, valueRange: [0.04, 0.95], anchors: ['#141414', '#d8d2c4', '#8c1c13'] },
  '1950s': { label: 'three-strip Technicolor', saturation: 1.35, valueRange: [0.1, 0.97], anchors: ['#c8102e', '#1f4e9c', '#f2c230'] },
  '1960s': { label: 'Eastmancolor, mod primaries', saturation: 1.15, valueRange: [0.1, 0.96], anchors: ['#e07a1f', '#2a9d8f', '#f4e3b2'] },
  '1970s': { label: '1970s print stock: warm, faded blacks', saturation: 0.8, huePull: { hue: 32, strength: 0.3 }, valueRange: [0.16, 0.9], anchors: ['#8b5a2b', '#c97d2e', '#6b7a3a', '#e3c16f'] },
  '1980s': { label: '1980s neon and video', saturation: 1.2, valueRange: [0.06, 0.97], anchors: ['#ff2e88', '#00c2d1', '#2b1b4a'] },
  '1990s': { label: '1990s video and early digital: a cool green cast', saturation: 0.85, huePull: { hue: 165, strength: 0.2 }, valueRange: [0.08, 0.93], anchors: ['#2f5d50', '#9fb8a8', '#3b3f58'] },
  '2000s': { label: '2000s digital intermediate: desaturated, teal-tinted', saturation: 0.72, huePull: { hue: 185, strength: 0.15 }, valueRange: [0.05, 0.94], anchors: ['#3f5a66', '#c9b79c'] },
  '2010s': { label: '2010s teal and orange', saturation: 1, valueRange: [0.05, 0.95], anchors: ['#1d4e5f', '#e38b4f'] },
  contemporary: { label: 'contemporary digital', saturation: 1, valueRange: [0.05, 0.96], anchors: ['#2d3142', '#bfc0c0'] },
  future: { label: 'future: cyan and violet light', saturation: 1.15, huePull: { hue: 190, strength: 0.15 }, valueRange: [0.04, 0.97], anchors: ['#0fd3e0', '#7a00ff', '#0b0f1a'] },
};

export const SWATCH_ROLES = ['shadow', 'dark', 'midtone', 'light', 'highlight', 'accent'] as const;
export type SwatchRole = (typeof SWATCH_ROLES)[number];

export interface Swatch {
  hex: string;
  role: SwatchRole;
}

export interface Palette {
  mood: Mood;
  era: Era;
  preset?: StylePreset;
  swatches: Swatch[];
  /** How it was made, for the look book. */
  notes: string[];
}

function hsvToHex(h: number, s: number, v: number): string {
  const hh = (((h % 360) + 360) % 360) / 60;
  const c = v * s;
  const x = c * (1 - Math.abs((hh % 2) - 1));
  const m = v - c;
  const [r, g, b] = hh < 1 ? [c, x, 0] : hh < 2 ? [x, c, 0] : hh < 3 ? [0, c, x] : hh < 4 ? [0, x, c] : hh < 5 ? [x, 0, c] : [c, 0, x];
  const to = (u: number) => Math.round(Math.min(1, Math.max(0, u + m)) * 255).toString(16).padStart(2, '0');
  return `#${to(r)}${to(g)}${to(b)}`;
}

export function hexToHsv(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  const r = ((n >> 16) & 255) / 255;
  const g = ((n >> 8) & 255) / 255;
  const b = (n & 255) / 255;
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const d = max - min;
  let h = 0;
  if (d > 0) h = max === r ? 60 * (((g - b) / d) % 6) : max === g ? 60 * ((b - r) / d + 2) : 60 * ((r - g) / d + 4);
  return [(h + 360) % 360, max === 0 ? 0 : d / max, max];
}

function pullHue(h: number, to: number, strength: number): number {
  const d = ((to - h + 540) % 360) - 180;
  return h + d * strength;
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/**
 * A palette for a mood in an era, optionally treated by a look. `seed` (a scene number, a film
 * title) varies the draw; the same inputs always give the same swatches.
 */
export function paletteFor(mood: Mood, era: Era, opts: { preset?: StylePreset; seed?: string } = {}): Palette {
  const m = MOOD_COLOURS[mood];
  const e = ERA_COLOURS[era];
  const look = opts.preset ? PRESET_INFO[opts.preset] : undefined;
  const rand = rngFor('palette', mood, era, opts.preset ?? '', opts.seed ?? '');
  const satK = e.saturation * (look ? look.saturation : 1);
  const treat = (h: number, s: number, v: number): string => {
    if (e.huePull) h = pullHue(h, e.huePull.hue, e.huePull.strength);
    if (look?.huePull) h = pullHue(h, look.huePull.hue, look.huePull.strength);
    const [v0, v1] = e.valueRange;
    return hsvToHex(h, clamp01(s * satK), v0 + clamp01(v) * (v1 - v0));
  };
  // Five tones spread over the mood's value range (dark to light), hues alternating between the
  // mood's centres; then an accent: the era's most characteristic colour, through the same look.
  const tones: string[] = [];
  for (let i = 0; i < 5; i++) {
    const hue = m.hues[i % m.hues.length] + (rand() * 2 - 1) * m.spread;
    const s = m.sat[0] + rand() * (m.sat[1] - m.sat[0]);
    const t = i / 4;
    const v = m.val[0] + (m.val[1] - m.val[0]) * (0.08 + 0.84 * t) + (rand() - 0.5) * 0.06;
    tones.push(treat(hue, s, v));
  }
  tones.sort((a, b) => hexToHsv(a)[2] - hexToHsv(b)[2]);
  const anchor = e.anchors[Math.floor(rand() * e.anchors.length) % e.anchors.length];
  const [ah, as, av] = hexToHsv(anchor);
  const accent = look ? hsvToHex(look.huePull ? pullHue(ah, look.huePull.hue, look.huePull.strength * 0.5) : ah, clamp01(as * look.saturation), av) : anchor;
  const swatches: Swatch[] = [...tones.map((hex, i) => ({ hex, role: SWATCH_ROLES[i] })), { hex: accent, role: 'accent' }];
  const notes = [
    `Mood "${mood}": hues around ${m.hues.map((h) => `${h}°`).join(' and ')}, saturation ${m.sat[0]}–${m.sat[1]}, value ${m.val[0]}–${m.val[1]}.`,
    `Era ${era}: ${e.label}${e.saturation !== 1 ? `, saturation ×${e.saturation}` : ''}; accent from the period (${anchor}).`,
  ];
  if (look) notes.push(`Look "${opts.preset}": ${look.look}`);
  return { mood, era, preset: opts.preset, swatches, notes };
}
