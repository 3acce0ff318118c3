// A custom ordered-dither pattern from an image file: any greyscale tile (say an 8×8 hatch
// or a scanned screen). Pixels are ranked by luminance so the tile's thresholds are spread
// uniformly whatever the image's contrast; ties keep reading order.

import { KinoError, issue } from '../../doc/errors';
import { readImageFrame } from '../io';
import type { Frame } from '../frame';
import { ranksFromScores, thresholdMapFromRanks, type ThresholdMap } from './threshold-map';

export const MAX_PATTERN_SIDE = 256;

export function thresholdMapFromFrame(frame: Frame, name = 'pattern'): ThresholdMap {
  if (frame.width > MAX_PATTERN_SIDE || frame.height > MAX_PATTERN_SIDE) {
    throw new KinoError(
      issue('retro/pattern-size', `The dither pattern ${name} is ${frame.width}×${frame.height}; patterns are tiles of at most ${MAX_PATTERN_SIDE}×${MAX_PATTERN_SIDE}.`, {
        hint: 'Use a small greyscale tile (e.g. 8×8 or 16×16) whose brightness orders the pixels.',
      }),
    );
  }
  const n = frame.width * frame.height;
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) scores[i] = 0.2126 * frame.data[i * 4] + 0.7152 * frame.data[i * 4 + 1] + 0.0722 * frame.data[i * 4 + 2];
  return thresholdMapFromRanks(name, frame.width, frame.height, ranksFromScores(scores));
}

export async function readThresholdImage(file: string): Promise<ThresholdMap> {
  return thresholdMapFromFrame(await readImageFrame(file), file);
}
