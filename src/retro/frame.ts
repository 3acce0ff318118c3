// The unit every retro function takes and returns: an RGBA8 raster, rows top to bottom.
// `data` may be a Uint8Array (sharp, FFmpeg pipes) or a Uint8ClampedArray (canvas ImageData).

import { KinoError, issue } from '../doc/errors';

export interface Frame {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel, width×height×4 long. */
  data: Uint8ClampedArray | Uint8Array;
}

export function createFrame(width: number, height: number): Frame {
  return { width, height, data: new Uint8Array(width * height * 4) };
}

export function assertFrame(f: Frame, what = 'frame'): void {
  if (!f || !Number.isInteger(f.width) || !Number.isInteger(f.height) || f.width <= 0 || f.height <= 0) {
    throw new KinoError(issue('retro/bad-frame', `The ${what} has an invalid size (${f?.width}×${f?.height}).`, { hint: 'Frames are { width, height, data } with positive integer sizes.' }));
  }
  if (!f.data || f.data.length !== f.width * f.height * 4) {
    throw new KinoError(
      issue('retro/bad-frame', `The ${what} is ${f.width}×${f.height} but its data holds ${f.data?.length ?? 0} bytes; RGBA needs ${f.width * f.height * 4}.`, {
        hint: 'Pass RGBA data (4 bytes per pixel), e.g. sharp(...).ensureAlpha().raw().',
      }),
    );
  }
}

/** Parses "320x180" (also "320×180", "320*180"); throws a clear error for anything else. */
export function parseSize(s: string, what = '--size'): { width: number; height: number } {
  const m = /^\s*(\d+)\s*[x×*X]\s*(\d+)\s*$/.exec(s);
  const width = m ? Number(m[1]) : NaN;
  const height = m ? Number(m[2]) : NaN;
  if (!m || width < 1 || height < 1 || width > 16384 || height > 16384) {
    throw new KinoError(
      issue('retro/bad-size', `${what} must be WIDTHxHEIGHT with each side 1–16384 pixels; got ${JSON.stringify(s)}.`, { hint: 'For example --size 320x180 (16:9), 256x224 (SNES), 160x144 (Game Boy).' }),
    );
  }
  return { width, height };
}
