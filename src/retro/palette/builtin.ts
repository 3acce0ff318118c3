// The built-in hardware and artist palettes (palettes.json, copied from the research notes with
// their sources). SNES and Game Boy Color are generated from their 15-bit encodings rather than
// listed: 32,768 entries, index = b<<10 | g<<5 | r, channel = c5<<3 | c5>>2.

import { z } from 'zod';
import data from './palettes.json';
import { parseHexColor, type Palette } from './palette';

const EntrySchema = z.object({
  colors: z.array(z.string()),
  bits: z.number().optional(),
  constraints: z.string().optional(),
  source: z.string().optional(),
  resolution: z.string().optional(),
  order: z.string().optional(),
  generator: z
    .object({ type: z.string(), r: z.array(z.number()).optional(), g: z.array(z.number()).optional(), b: z.array(z.number()).optional() })
    .passthrough()
    .optional(),
});
type Entry = z.infer<typeof EntrySchema>;

const entries: Record<string, Entry> = z.record(z.string(), EntrySchema).parse(data);

/** Every built-in palette name, in the order of palettes.json. */
export const BUILTIN_PALETTE_NAMES: readonly string[] = Object.keys(entries);

/** Short names people type. */
export const PALETTE_ALIASES: Readonly<Record<string, string>> = {
  nes: 'nes_2c02',
  famicom: 'nes_2c02',
  gameboy: 'gameboy_dmg',
  gb: 'gameboy_dmg',
  dmg: 'gameboy_dmg',
  gbc: 'gameboy_color',
  sms: 'sega_master_system',
  mastersystem: 'sega_master_system',
  genesis: 'sega_genesis',
  megadrive: 'sega_genesis',
  c64: 'c64_pepto',
  zx: 'zx_spectrum',
  spectrum: 'zx_spectrum',
  cga: 'cga_rgbi',
  ega: 'ega_default_16',
  msx: 'msx1_tms9918a',
  cpc: 'amstrad_cpc',
  apple2: 'apple_ii_lores',
};

/** Canonical built-in name for a user-typed name (case, `-` vs `_` and aliases forgiven). */
export function canonicalPaletteName(name: string): string | undefined {
  const n = name.trim().toLowerCase().replace(/[-\s]/g, '_');
  if (entries[n]) return n;
  const compact = n.replace(/_/g, '');
  if (PALETTE_ALIASES[compact]) return PALETTE_ALIASES[compact];
  return BUILTIN_PALETTE_NAMES.find((k) => k.replace(/_/g, '') === compact);
}

export interface BuiltinPaletteInfo {
  name: string;
  colors: number;
  constraints?: string;
  resolution?: string;
  source?: string;
}

export function builtinPaletteInfo(name: string): BuiltinPaletteInfo | undefined {
  const key = canonicalPaletteName(name);
  if (!key) return undefined;
  const e = entries[key];
  return { name: key, colors: e.colors.length || 32768, constraints: e.constraints, resolution: e.resolution, source: e.source };
}

const cache = new Map<string, Palette>();

/** The built-in palette, or undefined for an unknown name. */
export function builtinPalette(name: string): Palette | undefined {
  const key = canonicalPaletteName(name);
  if (!key) return undefined;
  const hit = cache.get(key);
  if (hit) return hit;
  const e = entries[key];
  let rgb: Uint8Array;
  if (e.colors.length === 0 && e.generator?.r && e.generator.g && e.generator.b) {
    const { r, g, b } = e.generator;
    rgb = new Uint8Array(r.length * g.length * b.length * 3);
    let o = 0;
    for (let bi = 0; bi < b.length; bi++)
      for (let gi = 0; gi < g.length; gi++)
        for (let ri = 0; ri < r.length; ri++) {
          rgb[o++] = r[ri];
          rgb[o++] = g[gi];
          rgb[o++] = b[bi];
        }
  } else {
    rgb = new Uint8Array(e.colors.length * 3);
    e.colors.forEach((hex, i) => {
      const c = parseHexColor(hex);
      if (!c) throw new Error(`palettes.json: ${key}[${i}] is not a hex colour: ${hex}`);
      rgb.set(c, i * 3);
    });
  }
  // $0D is "blacker than black": it can upset TV sync, and every NES guide says never to use it.
  const avoid = key === 'nes_2c02' ? [0x0d] : undefined;
  const p: Palette = { name: key, rgb, avoid, source: e.source };
  cache.set(key, p);
  return p;
}
