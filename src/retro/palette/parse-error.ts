// Palette files are hand-edited; point at the exact line and say what a valid line looks like.

import { issue, type KinoIssue } from '../../doc/errors';

export function paletteLineIssue(file: string, line: number, column: number, message: string, hint: string): KinoIssue {
  return issue('retro/palette-parse', `${message}`, { location: { file, line, column }, hint });
}
