// GIMP palette (.gpl), as GIMP, Inkscape, Krita, Aseprite and Lospec write it:
//   GIMP Palette
//   Name: PICO-8
//   Columns: 4
//   # comment
//    0   0   0  black
// Colour lines are three integers 0–255 separated by whitespace, then an optional name.

import { KinoError, type KinoIssue } from '../../doc/errors';
import { paletteFromRgb, type Palette } from './palette';
import { paletteLineIssue } from './parse-error';

export function parseGpl(text: string, file: string): Palette {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const problems: KinoIssue[] = [];
  const colors: [number, number, number][] = [];
  let name = file;
  if (!/^GIMP Palette\s*$/.test(lines[0] ?? '')) {
    problems.push(paletteLineIssue(file, 1, 1, `A GIMP palette must start with the line "GIMP Palette"; found ${JSON.stringify((lines[0] ?? '').slice(0, 40))}.`, 'Is this a .gpl file? Export it again from GIMP, Aseprite or Lospec.'));
  }
  for (let i = 1; i < lines.length; i++) {
    const raw = lines[i];
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const header = /^(Name|Columns):\s*(.*)$/i.exec(line);
    if (header) {
      if (header[1].toLowerCase() === 'name' && header[2]) name = header[2].trim();
      continue;
    }
    const m = /^(\S+)\s+(\S+)\s+(\S+)(?:\s+.*)?$/.exec(line);
    const vals = m ? [m[1], m[2], m[3]] : [];
    const nums = vals.map((v) => (/^\d+$/.test(v) ? Number(v) : NaN));
    if (!m || nums.some((n) => !(n >= 0 && n <= 255))) {
      const col = raw.length - raw.trimStart().length + 1;
      problems.push(
        paletteLineIssue(file, i + 1, col, `Malformed colour line in GIMP palette: ${JSON.stringify(line.slice(0, 60))}.`, 'Each colour line is three integers 0–255 (red green blue) and an optional name, e.g. "255 0 77 red".'),
      );
      continue;
    }
    colors.push([nums[0], nums[1], nums[2]]);
  }
  if (!problems.length && colors.length === 0) problems.push(paletteLineIssue(file, lines.length, 1, 'The GIMP palette has no colours.', 'Add lines of the form "r g b name".'));
  if (problems.length) throw new KinoError(problems);
  return paletteFromRgb(name, colors, { source: file });
}
