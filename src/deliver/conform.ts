// The conform: the movie assembled from each shot's lossless cut (transitions are already baked
// into the cut frames), then encoded once per deliverable format the Film asks for.

import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Rational } from '../doc/values';
import { KinoError, issue } from '../doc/errors';
import { runFfmpeg } from '../util/ffmpeg';
import { commitFile, tempPathFor, writeFileAtomic } from '../util/fs';
import { FORMATS } from './encode';

export interface ConformJob {
  cuts: string[];
  fps: Rational;
  target: string;
  format: string;
  size?: [number, number];
  crf?: number;
  /** A mixed soundtrack (WAV) to mux in. */
  audio?: string;
  /** The cuts are H.264 with identical settings: an H.264 deliverable at their size is a stream copy. */
  copyH264?: boolean;
}

/** concat demuxer list: paths quoted for FFmpeg's parser. */
function concatList(files: string[]): string {
  return files.map((f) => `file '${path.resolve(f).replace(/'/g, "'\\''")}'`).join('\n') + '\n';
}

export async function conform(job: ConformJob): Promise<void> {
  const fmt = FORMATS[job.format];
  if (!fmt) throw new KinoError(issue('deliver/format', `Unknown delivery format "${job.format}".`, { hint: `Use one of ${Object.keys(FORMATS).join(', ')}.` }));
  for (const c of job.cuts) if (!fs.existsSync(c)) throw new KinoError(issue('deliver/missing-shot', `Cannot conform: ${c} is missing.`, { hint: 'Render every shot first (without --only).' }));
  await fsp.mkdir(path.dirname(job.target), { recursive: true });
  const list = tempPathFor(job.target) + '.txt';
  await writeFileAtomic(list, concatList(job.cuts));
  try {
    const inputs = ['-f', 'concat', '-safe', '0', '-r', `${job.fps.num}/${job.fps.den}`, '-i', list];
    const audio = job.audio && fmt.audio ? ['-i', job.audio] : [];
    const maps = audio.length ? ['-map', '0:v:0', '-map', '1:a:0', ...fmt.audio!, '-shortest'] : ['-an'];
    if (job.format === 'png') {
      // An image sequence is a folder of frames, written next to a temp name and swapped in.
      const tmpDir = tempPathFor(job.target);
      await fsp.mkdir(tmpDir, { recursive: true });
      await runFfmpeg([...inputs, ...fmt.args({ size: job.size }), '-start_number', '1', path.join(tmpDir, '%06d.png')], { what: `writing ${path.basename(job.target)}` });
      await fsp.rm(job.target, { recursive: true, force: true });
      await fsp.rename(tmpDir, job.target);
      return;
    }
    const tmp = tempPathFor(job.target) + '.' + fmt.ext;
    const video = job.copyH264 && job.format === 'h264' && !job.size ? ['-c:v', 'copy', '-movflags', '+faststart'] : [...fmt.args({ size: job.size, crf: job.crf }), '-r', `${job.fps.num}/${job.fps.den}`];
    await runFfmpeg([...inputs, ...audio, ...video, ...maps, tmp], { what: `encoding ${path.basename(job.target)}` });
    await commitFile(tmp, job.target);
  } finally {
    await fsp.rm(list, { force: true });
  }
}

export function deliverableName(name: string, format: string): string {
  const fmt = FORMATS[format];
  return format === 'png' ? name : `${name}.${fmt?.ext ?? format}`;
}
