// A palette from an image: its distinct opaque colours in reading order (left to right, top to
// bottom), which is how Lospec's PNG swatches and Aseprite's palette exports are laid out.

import { KinoError, issue } from '../../doc/errors';
import { readImageFrame } from '../io';
import type { Frame } from '../frame';
import type { Palette } from './palette';

export const MAX_SWATCH_COLORS = 256;

export function paletteFromSwatchFrame(frame: Frame, file: string): Palette {
  const seen = new Map<number, number>();
  const d = frame.data;
  for (let i = 0; i < frame.width * frame.height; i++) {
    if (d[i * 4 + 3] < 128) continue;
    const k = (d[i * 4] << 16) | (d[i * 4 + 1] << 8) | d[i * 4 + 2];
    if (!seen.has(k)) {
      seen.set(k, seen.size);
      if (seen.size > MAX_SWATCH_COLORS) {
        throw new KinoError(
          issue('retro/palette-swatch', `The swatch image ${file} has more than ${MAX_SWATCH_COLORS} distinct colours; it looks like a picture, not a palette.`, {
            location: { file },
            hint: 'Use a swatch (one block per colour, e.g. Lospec\'s PNG download), or --palette adaptive:<n> to derive a palette from an image.',
          }),
        );
      }
    }
  }
  if (seen.size === 0) throw new KinoError(issue('retro/palette-swatch', `The swatch image ${file} has no opaque pixels.`, { location: { file }, hint: 'A swatch needs opaque colour blocks.' }));
  const rgb = new Uint8Array(seen.size * 3);
  let o = 0;
  for (const k of seen.keys()) {
    rgb[o++] = k >> 16;
    rgb[o++] = (k >> 8) & 255;
    rgb[o++] = k & 255;
  }
  return { name: file, rgb, source: file };
}

export async function readSwatchPalette(file: string): Promise<Palette> {
  return paletteFromSwatchFrame(await readImageFrame(file), file);
}
