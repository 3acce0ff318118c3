// JASC-PAL (.pal), Paint Shop Pro's format, still written by Aseprite, GraphicsGale and Pro Motion:
//   JASC-PAL / 0100 / <count> / then <count> lines "r g b".

import { KinoError, type KinoIssue } from '../../doc/errors';
import { paletteFromRgb, type Palette } from './palette';
import { paletteLineIssue } from './parse-error';

export function parseJascPal(text: string, file: string): Palette {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const problems: KinoIssue[] = [];
  if ((lines[0] ?? '').trim() !== 'JASC-PAL') {
    throw new KinoError(paletteLineIssue(file, 1, 1, `A JASC palette must start with "JASC-PAL"; found ${JSON.stringify((lines[0] ?? '').slice(0, 40))}.`, 'Is this a RIFF .pal (binary)? Export the palette as JASC-PAL or GIMP .gpl.'));
  }
  const count = Number((lines[2] ?? '').trim());
  if (!Number.isInteger(count) || count <= 0) {
    throw new KinoError(paletteLineIssue(file, 3, 1, `Line 3 of a JASC palette is the colour count; found ${JSON.stringify((lines[2] ?? '').trim())}.`, 'Write the number of colours on line 3.'));
  }
  const colors: [number, number, number][] = [];
  for (let i = 3; i < lines.length && colors.length + problems.length < count; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    const parts = line.split(/\s+/);
    const nums = parts.map((p) => (/^\d+$/.test(p) ? Number(p) : NaN));
    if (parts.length < 3 || nums.slice(0, 3).some((n) => !(n >= 0 && n <= 255))) {
      problems.push(paletteLineIssue(file, i + 1, 1, `Malformed colour line in JASC palette: ${JSON.stringify(line.slice(0, 60))}.`, 'Each colour line is three integers 0–255: "r g b".'));
      continue;
    }
    colors.push([nums[0], nums[1], nums[2]]);
  }
  if (!problems.length && colors.length < count) {
    problems.push(paletteLineIssue(file, lines.length, 1, `The JASC palette promises ${count} colours but has ${colors.length}.`, 'Fix the count on line 3 or add the missing lines.'));
  }
  if (problems.length) throw new KinoError(problems);
  return paletteFromRgb(file, colors, { source: file });
}
