// Lospec's .hex download: one colour per line as rrggbb (no '#'). Blank lines are allowed;
// a leading '#' is forgiven because hand-made files often have one.

import { KinoError, type KinoIssue } from '../../doc/errors';
import { parseHexColor, paletteFromRgb, type Palette } from './palette';
import { paletteLineIssue } from './parse-error';

export function parseLospecHex(text: string, file: string): Palette {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const problems: KinoIssue[] = [];
  const colors: [number, number, number][] = [];
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const c = /^#?[0-9a-f]{6}$/i.test(line) ? parseHexColor(line) : undefined;
    if (!c) {
      problems.push(paletteLineIssue(file, i + 1, raw.indexOf(line) + 1, `Not a colour in .hex palette: ${JSON.stringify(line.slice(0, 40))}.`, 'A .hex palette has one colour per line as six hex digits, e.g. "ff004d".'));
      return;
    }
    colors.push(c);
  });
  if (!problems.length && colors.length === 0) problems.push(paletteLineIssue(file, 1, 1, 'The .hex palette has no colours.', 'Add one rrggbb colour per line.'));
  if (problems.length) throw new KinoError(problems);
  return paletteFromRgb(file, colors, { source: file });
}
