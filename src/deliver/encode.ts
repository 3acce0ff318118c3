// Encoding with FFmpeg: per-shot clips fed PNG frames through a pipe as they render, and the
// deliverable formats a Film's outputs can ask for. Every file is written to a temp path and
// renamed over its target only when FFmpeg exits cleanly.

import path from 'node:path';
import type { Rational } from '../doc/values';
import { spawnFfmpegPipe, type FfmpegPipe } from '../util/ffmpeg';
import { commitFile, tempPathFor } from '../util/fs';

export const rate = (r: Rational) => `${r.num}/${r.den}`;

export interface FrameSink {
  write(png: Buffer): Promise<void>;
  /** Finishes the file and moves it into place. */
  close(): Promise<void>;
  abort(): void;
}

/** Frames arrive as PNG (lossless) or JPEG (draft/preview) images on stdin. */
export type FrameCodec = 'png' | 'mjpeg';

function pipeSink(target: string, output: string[], what: string, fps: Rational, codec: FrameCodec): FrameSink {
  const tmp = tempPathFor(target) + path.extname(target);
  const pipe: FfmpegPipe = spawnFfmpegPipe(['-f', 'image2pipe', '-framerate', rate(fps), '-c:v', codec, '-i', '-', ...output, tmp], what);
  let closed = false;
  return {
    write: (png) => pipe.write(png),
    async close() {
      closed = true;
      await pipe.end();
      await commitFile(tmp, target);
    },
    abort() {
      if (!closed) pipe.kill();
    },
  };
}

/** Editorial clip: H.264, 4:2:0, readable by every NLE. */
export function h264Sink(target: string, fps: Rational, crf: number, preset: string, codec: FrameCodec = 'png'): FrameSink {
  return pipeSink(target, ['-c:v', 'libx264', '-preset', preset, '-crf', String(crf), '-pix_fmt', 'yuv420p', '-threads', '2', '-movflags', '+faststart'], `encoding ${path.basename(target)}`, fps, codec);
}

/** Lossless master (FFV1, planar RGB in Matroska): what the conform assembles the movie from. */
export function losslessSink(target: string, fps: Rational): FrameSink {
  return pipeSink(target, ['-c:v', 'ffv1', '-level', '3', '-g', '1', '-pix_fmt', 'gbrp', '-threads', '2'], `encoding ${path.basename(target)}`, fps, 'png');
}

export interface DeliveryFormat {
  ext: string;
  args(opts: { crf?: number; size?: [number, number] }): string[];
  /** Whether it carries audio, and with which codec. */
  audio?: string[];
}

const scale = (size?: [number, number]) => (size ? ['-vf', `scale=${size[0]}:${size[1]}:flags=lanczos`] : []);

export const FORMATS: Record<string, DeliveryFormat> = {
  h264: { ext: 'mp4', args: (o) => [...scale(o.size), '-c:v', 'libx264', '-preset', 'medium', '-crf', String(o.crf ?? 18), '-pix_fmt', 'yuv420p', '-movflags', '+faststart'], audio: ['-c:a', 'aac', '-b:a', '192k'] },
  h265: { ext: 'mp4', args: (o) => [...scale(o.size), '-c:v', 'libx265', '-preset', 'medium', '-crf', String(o.crf ?? 22), '-pix_fmt', 'yuv420p', '-tag:v', 'hvc1', '-movflags', '+faststart'], audio: ['-c:a', 'aac', '-b:a', '192k'] },
  prores4444: { ext: 'mov', args: (o) => [...scale(o.size), '-c:v', 'prores_ks', '-profile:v', '4', '-pix_fmt', 'yuva444p10le', '-vendor', 'apl0'], audio: ['-c:a', 'pcm_s24le'] },
  vp9: { ext: 'webm', args: (o) => [...scale(o.size), '-c:v', 'libvpx-vp9', '-b:v', '0', '-crf', String(o.crf ?? 32), '-row-mt', '1', '-deadline', 'good', '-cpu-used', '4'], audio: ['-c:a', 'libopus', '-b:a', '160k'] },
  gif: { ext: 'gif', args: (o) => ['-vf', `${o.size ? `scale=${o.size[0]}:${o.size[1]}:flags=lanczos,` : ''}split[a][b];[a]palettegen=stats_mode=diff[p];[b][p]paletteuse=dither=bayer:bayer_scale=4`] },
  png: { ext: 'png', args: (o) => [...scale(o.size), '-c:v', 'png'] },
};
