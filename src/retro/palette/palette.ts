// A palette is an ordered list of 8-bit sRGB colours. Order matters: for hardware palettes the
// list index is the hardware value (NES PPU colour, ZX attribute, CGA IRGB), and indexed exports
// keep it, so duplicates are kept rather than folded.

export interface Palette {
  /** Built-in name, file name or `custom`. */
  readonly name: string;
  /** sRGB, 3 bytes per entry. */
  readonly rgb: Uint8Array;
  /** Entries that exist in the list but must never be emitted (NES $0D, "blacker than black"). */
  readonly avoid?: readonly number[];
  /** Where the colours come from (built-ins) or the file they were read from. */
  readonly source?: string;
}

export function paletteSize(p: Palette): number {
  return p.rgb.length / 3;
}

export function paletteFromRgb(name: string, colors: ArrayLike<readonly [number, number, number]>, extra: Partial<Palette> = {}): Palette {
  const rgb = new Uint8Array(colors.length * 3);
  for (let i = 0; i < colors.length; i++) {
    rgb[i * 3] = colors[i][0];
    rgb[i * 3 + 1] = colors[i][1];
    rgb[i * 3 + 2] = colors[i][2];
  }
  return { ...extra, name, rgb };
}

const HEX_RE = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i;

/** Parses `#rrggbb`, `rrggbb` or `#rgb`; undefined when malformed. */
export function parseHexColor(s: string): [number, number, number] | undefined {
  const m = HEX_RE.exec(s.trim());
  if (!m) return undefined;
  let h = m[1];
  if (h.length === 3) h = h[0] + h[0] + h[1] + h[1] + h[2] + h[2];
  const n = parseInt(h, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function hexOf(p: Palette, i: number): string {
  const o = i * 3;
  return '#' + [p.rgb[o], p.rgb[o + 1], p.rgb[o + 2]].map((v) => v.toString(16).padStart(2, '0')).join('');
}

export function paletteHexList(p: Palette): string[] {
  const out: string[] = [];
  for (let i = 0; i < paletteSize(p); i++) out.push(hexOf(p, i));
  return out;
}

/** 24-bit keys of the distinct colours, in first-seen order. */
export function uniqueColorKeys(p: Palette): number[] {
  const seen = new Set<number>();
  for (let i = 0; i < paletteSize(p); i++) {
    if (p.avoid?.includes(i)) continue;
    seen.add((p.rgb[i * 3] << 16) | (p.rgb[i * 3 + 1] << 8) | p.rgb[i * 3 + 2]);
  }
  return [...seen];
}
