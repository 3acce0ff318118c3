// SMPTE timecode (ST 12-1) <-> frame counts, and frame rates as exact rationals.
//
// Timecode is a *label*, not a clock: 23.976 counts 24 labels a second and runs 0.1 % slow
// against the wall clock; 29.97/59.94 drop-frame skips labels (never frames) so the label
// stays within ~2 frames of the clock. Everything here is integer arithmetic on frame counts,
// so there is no floating-point drift at 10-hour timelines.

import { z } from 'zod';
import { KinoError, issue } from '../doc/errors';

/** A frame rate as an exact rational, frames per second = num / den (e.g. 24000/1001 for 23.976). */
export const RateSchema = z.object({
  num: z.number().int().positive(),
  den: z.number().int().positive(),
});
export type Rate = z.infer<typeof RateSchema>;

/** The rates editors use, by the names they use. */
export const RATES = {
  '23.976': { num: 24000, den: 1001 },
  '24': { num: 24, den: 1 },
  '25': { num: 25, den: 1 },
  '29.97': { num: 30000, den: 1001 },
  '30': { num: 30, den: 1 },
  '48': { num: 48, den: 1 },
  '50': { num: 50, den: 1 },
  '59.94': { num: 60000, den: 1001 },
  '60': { num: 60, den: 1 },
} as const satisfies Record<string, Rate>;

export type RateName = keyof typeof RATES;

/** Frames per second as a float (for display and for formats that store a double, like OTIO). */
export function fps(rate: Rate): number {
  return rate.num / rate.den;
}

/**
 * The rational nearest to a float rate. NTSC-family rates (x*1000/1001) are recognised, so
 * 23.976, 23.98 and 23.976023976 all give 24000/1001; anything else gets a continued-fraction
 * approximation with a denominator of at most 1001.
 */
export function rateFromFps(value: number): Rate {
  if (!Number.isFinite(value) || value <= 0) {
    throw new KinoError(issue('timecode/bad-rate', `Frame rate ${value} is not a positive number.`, { hint: 'Use e.g. 24, 25, 23.976 or {num: 24000, den: 1001}.' }));
  }
  const rounded = Math.round(value);
  if (Math.abs(value - rounded) < 1e-6) return { num: rounded, den: 1 };
  const ntsc = Math.round(value * 1.001);
  // 23.98 and 29.97 are the usual two-decimal spellings of NTSC rates: accept 0.01 slack.
  if (Math.abs((ntsc * 1000) / 1001 - value) < 0.006) return { num: ntsc * 1000, den: 1001 };
  let [h0, h1, k0, k1] = [0, 1, 1, 0];
  let x = value;
  for (let i = 0; i < 32; i++) {
    const a = Math.floor(x);
    const [h2, k2] = [a * h1 + h0, a * k1 + k0];
    if (k2 > 1001) break;
    [h0, h1, k0, k1] = [h1, h2, k1, k2];
    if (Math.abs(x - a) < 1e-12) break;
    x = 1 / (x - a);
  }
  return { num: h1, den: k1 };
}

/** Labels per second that timecode counts: 24 for 23.976, 30 for 29.97, 60 for 59.94. */
export function nominalFps(rate: Rate): number {
  return Math.round(rate.num / rate.den);
}

/** Whether drop-frame counting exists for this rate (29.97, 59.94 and other x*30000/1001 rates). */
export function supportsDropFrame(rate: Rate): boolean {
  const nominal = nominalFps(rate);
  return rate.den === 1001 && rate.num === nominal * 1000 && nominal % 30 === 0;
}

/** Labels skipped at each minute not divisible by ten: 2 at 29.97, 4 at 59.94. */
function droppedPerMinute(rate: Rate): number {
  return nominalFps(rate) / 15;
}

export function rateEquals(a: Rate, b: Rate): boolean {
  return a.num * b.den === b.num * a.den;
}

/** Seconds of `frames` frames at `rate`. */
export function framesToSeconds(frames: number, rate: Rate): number {
  return (frames * rate.den) / rate.num;
}

/** Nearest whole frame to `seconds` at `rate`. */
export function secondsToFrames(seconds: number, rate: Rate): number {
  return Math.round((seconds * rate.num) / rate.den);
}

export interface TimecodeOptions {
  /** Drop-frame labels (29.97/59.94 only). Default: false. */
  dropFrame?: boolean;
}

const DAY_LABELS = (nominal: number) => nominal * 60 * 60 * 24;

function assertDf(rate: Rate, dropFrame: boolean | undefined): boolean {
  if (!dropFrame) return false;
  if (!supportsDropFrame(rate)) {
    throw new KinoError(
      issue('timecode/drop-frame-rate', `Drop-frame timecode does not exist at ${fps(rate).toFixed(3)} fps.`, {
        hint: 'Only 29.97 and 59.94 (x·1000/1001 rates that are multiples of 30) have drop-frame; 23.976 counts 24 labels a second, non-drop.',
      }),
    );
  }
  return true;
}

/**
 * Formats a frame count as SMPTE timecode `hh:mm:ss:ff` (`hh:mm:ss;ff` for drop-frame).
 * Counts past 24 hours wrap, as timecode does on tape and in every NLE.
 */
export function framesToTimecode(frames: number, rate: Rate, options: TimecodeOptions = {}): string {
  if (!Number.isInteger(frames) || frames < 0) {
    throw new KinoError(issue('timecode/bad-frames', `Frame count ${frames} must be a whole number ≥ 0.`));
  }
  const nominal = nominalFps(rate);
  const df = assertDf(rate, options.dropFrame);
  let label = frames;
  if (df) {
    // SMPTE 12M: labels ;00..;(drop-1) are skipped every minute except each tenth. Convert the
    // real frame count to a label count by adding back the labels skipped so far.
    const drop = droppedPerMinute(rate);
    const perMinute = nominal * 60 - drop;
    const perTenMinutes = nominal * 600 - drop * 9;
    const dayFrames = DAY_LABELS(nominal) - drop * 9 * 24 * 6;
    const f = frames % dayFrames;
    const tens = Math.floor(f / perTenMinutes);
    const rem = f % perTenMinutes;
    label = f + drop * 9 * tens + (rem > drop ? drop * Math.floor((rem - drop) / perMinute) : 0);
  }
  label %= DAY_LABELS(nominal);
  const ff = label % nominal;
  const totalSeconds = Math.floor(label / nominal);
  const ss = totalSeconds % 60;
  const mm = Math.floor(totalSeconds / 60) % 60;
  const hh = Math.floor(totalSeconds / 3600);
  const p2 = (n: number) => String(n).padStart(2, '0');
  const ffDigits = nominal > 99 ? 3 : 2;
  return `${p2(hh)}:${p2(mm)}:${p2(ss)}${df ? ';' : ':'}${String(ff).padStart(ffDigits, '0')}`;
}

export interface ParsedTimecode {
  hours: number;
  minutes: number;
  seconds: number;
  frames: number;
  /** True when the frame separator was `;` or `.`/`,` (the drop-frame spellings). */
  dropFrameSeparator: boolean;
}

const TC_RE = /^\s*(\d{1,2})([:;.,])(\d{2})([:;.,])(\d{2})([:;.,])(\d{2,3})\s*$/;

/** Splits `hh:mm:ss:ff` (or with `;` `.` `,` separators) into fields without checking ranges. */
export function splitTimecode(tc: string): ParsedTimecode | null {
  const m = TC_RE.exec(tc);
  if (!m) return null;
  return {
    hours: Number(m[1]),
    minutes: Number(m[3]),
    seconds: Number(m[5]),
    frames: Number(m[7]),
    dropFrameSeparator: m[6] !== ':',
  };
}

/**
 * Parses SMPTE timecode into a frame count. Drop-frame is taken from `options.dropFrame` when
 * given, else from the separator before the frames (`;`, `.` or `,` mean drop-frame, as in
 * Avid, Premiere and Resolve). Labels that drop-frame skips (`00:01:00;00`) are rejected.
 */
export function timecodeToFrames(tc: string, rate: Rate, options: TimecodeOptions = {}): number {
  const parts = splitTimecode(tc);
  if (!parts) {
    throw new KinoError(issue('timecode/syntax', `"${tc}" is not SMPTE timecode.`, { hint: 'Write hh:mm:ss:ff, or hh:mm:ss;ff for drop-frame.' }));
  }
  const nominal = nominalFps(rate);
  const df = assertDf(rate, options.dropFrame ?? (parts.dropFrameSeparator && supportsDropFrame(rate)));
  const { hours, minutes, seconds, frames } = parts;
  if (minutes > 59 || seconds > 59 || frames >= nominal || hours > 23) {
    throw new KinoError(
      issue('timecode/range', `Timecode "${tc}" is out of range at ${fps(rate).toFixed(3)} fps.`, {
        hint: `Hours 0–23, minutes and seconds 0–59, frames 0–${nominal - 1}.`,
      }),
    );
  }
  const labels = ((hours * 60 + minutes) * 60 + seconds) * nominal + frames;
  if (!df) return labels;
  const drop = droppedPerMinute(rate);
  if (seconds === 0 && frames < drop && minutes % 10 !== 0) {
    throw new KinoError(
      issue('timecode/dropped-label', `"${tc}" does not exist in drop-frame timecode: labels ;00–;${String(drop - 1).padStart(2, '0')} are skipped at minute ${minutes}.`, {
        hint: `The frame after ${String(hours).padStart(2, '0')}:${String(minutes - 1).padStart(2, '0')}:59;${nominal - 1} is ${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}:00;${String(drop).padStart(2, '0')}.`,
      }),
    );
  }
  const totalMinutes = hours * 60 + minutes;
  return labels - drop * (totalMinutes - Math.floor(totalMinutes / 10));
}

/** Timecode of `frames` rounded from seconds; a convenience for logs and reports. */
export function secondsToTimecode(seconds: number, rate: Rate, options: TimecodeOptions = {}): string {
  return framesToTimecode(secondsToFrames(seconds, rate), rate, options);
}

/** The usual default: drop-frame where it exists (broadcast practice for 29.97/59.94), else non-drop. */
export function defaultDropFrame(rate: Rate): boolean {
  return supportsDropFrame(rate);
}
