// FFmpeg's `ebur128` filter as an independent reference for our meter (tests, benchmarks,
// `kino loudness --ffmpeg`). The summary FFmpeg prints is rounded to 0.1 LU, which is the
// whole tolerance we check against, so we also ask the filter for frame metadata and read
// the last integrated value with its three decimals.

import { runFfmpeg } from '../util/ffmpeg';
import { KinoError, issue } from '../doc/errors';

export interface FfmpegLoudness {
  /** Integrated loudness from the last frame's metadata (3 decimals), LUFS. */
  integratedLufs: number;
  /** The rounded value from FFmpeg's printed summary. */
  summaryIntegratedLufs: number;
  loudnessRangeLu: number;
  /** Summary true peak, dBFS (FFmpeg labels it dBFS; it is dBTP with peak=true). */
  truePeakDbtp: number;
}

function num(re: RegExp, text: string, what: string): number {
  const m = re.exec(text);
  if (!m) throw new KinoError(issue('loudness/ffmpeg-parse', `Could not read ${what} from FFmpeg's ebur128 output.`, { hint: 'Check that the FFmpeg build has the ebur128 filter.' }));
  return m[1] === '-inf' ? -Infinity : Number(m[1]);
}

/** Runs `ffmpeg -i file -af ebur128=peak=true -f null -` and parses what it measured. */
export async function ffmpegEbur128(file: string): Promise<FfmpegLoudness> {
  const { stdout, stderr } = await runFfmpeg(
    ['-i', file, '-af', 'ebur128=peak=true:metadata=1,ametadata=mode=print:key=lavfi.r128.I:file=-', '-f', 'null', '-'],
    { what: 'ffmpeg ebur128' },
  );
  const summary = stderr.slice(stderr.lastIndexOf('Summary:'));
  const lines = stdout.toString().match(/lavfi\.r128\.I=(-?[\d.]+|-inf)/g) ?? [];
  const last = lines.length ? lines[lines.length - 1].split('=')[1] : undefined;
  const summaryI = num(/I:\s+(-?[\d.]+|-inf) LUFS/, summary, 'integrated loudness');
  return {
    integratedLufs: last === undefined ? summaryI : last === '-inf' ? -Infinity : Number(last),
    summaryIntegratedLufs: summaryI,
    loudnessRangeLu: num(/LRA:\s+(-?[\d.]+) LU/, summary, 'loudness range'),
    truePeakDbtp: num(/Peak:\s+(-?[\d.]+|-inf) dBFS/, summary, 'true peak'),
  };
}
