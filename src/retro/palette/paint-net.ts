// Paint.NET palette (.txt): ';' comments, then one colour per line as AARRGGBB hex.

import { KinoError, type KinoIssue } from '../../doc/errors';
import { paletteFromRgb, type Palette } from './palette';
import { paletteLineIssue } from './parse-error';

export function parsePaintNet(text: string, file: string): Palette {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const problems: KinoIssue[] = [];
  const colors: [number, number, number][] = [];
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith(';')) return;
    if (!/^[0-9a-f]{8}$/i.test(line)) {
      problems.push(paletteLineIssue(file, i + 1, 1, `Not a colour in Paint.NET palette: ${JSON.stringify(line.slice(0, 40))}.`, 'Each colour line is AARRGGBB in hex, e.g. "FFFF004D"; comments start with ";".'));
      return;
    }
    const n = parseInt(line.slice(2), 16);
    colors.push([(n >> 16) & 255, (n >> 8) & 255, n & 255]);
  });
  if (!problems.length && colors.length === 0) problems.push(paletteLineIssue(file, 1, 1, 'The palette file has no colours.', 'Add one AARRGGBB colour per line.'));
  if (problems.length) throw new KinoError(problems);
  return paletteFromRgb(file, colors, { source: file });
}
