// A palette typed inline: "#1a1c2c, #5d275d, 0xb13e53 …" (commas, spaces or newlines between).

import { KinoError, issue } from '../../doc/errors';
import { parseHexColor, paletteFromRgb, type Palette } from './palette';

/** True when the string looks like an inline hex list rather than a name or a path. */
export function looksLikeHexList(spec: string): boolean {
  const tokens = spec.split(/[\s,;]+/).filter(Boolean);
  return tokens.length > 0 && tokens.every((t) => /^(#|0x)?[0-9a-f]{3}([0-9a-f]{3})?$/i.test(t)) && (spec.includes('#') || spec.includes(',') || tokens.length > 1);
}

export function parseHexList(spec: string | readonly string[], name = 'custom'): Palette {
  const tokens = typeof spec === 'string' ? spec.split(/[\s,;]+/).filter(Boolean) : [...spec];
  const colors: [number, number, number][] = [];
  const bad: string[] = [];
  for (const t of tokens) {
    const c = parseHexColor(t.replace(/^0x/i, ''));
    if (c) colors.push(c);
    else bad.push(t);
  }
  if (bad.length || colors.length === 0) {
    throw new KinoError(
      issue('retro/palette-hex', bad.length ? `Not hex colours in the palette list: ${bad.map((b) => JSON.stringify(b)).join(', ')}.` : 'The palette list is empty.', {
        hint: 'Write colours as #rrggbb (or #rgb), separated by commas or spaces, e.g. "#000000,#ffffff".',
      }),
    );
  }
  return paletteFromRgb(name, colors);
}
