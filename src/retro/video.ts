// Video in and out for `kino retro`: FFmpeg decodes to raw RGBA on a pipe (frames are processed
// as they arrive, so memory stays at a couple of frames whatever the clip's length), and encodes
// the processed frames from another pipe. Outputs are written to a temp file and renamed.

import { spawn } from 'node:child_process';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { KinoError, issue } from '../doc/errors';
import { ffmpegPath, probe, spawnFfmpegPipe, type FfmpegPipe } from '../util/ffmpeg';
import { commitFile, tempPathFor, writeFileAtomic } from '../util/fs';
import type { Frame } from './frame';
import { encodeImageFrame } from './io';
import type { Palette } from './palette/palette';

export const VIDEO_EXTS = new Set(['.mp4', '.mov', '.m4v', '.mkv', '.webm', '.avi', '.gif']);

export interface VideoInfo {
  width: number;
  height: number;
  /** Frame rate as FFmpeg writes it, e.g. "24000/1001". */
  fps: string;
  fpsValue: number;
  hasAudio: boolean;
}

export async function probeVideo(file: string): Promise<VideoInfo> {
  let p;
  try {
    p = await probe(file);
  } catch (e) {
    throw new KinoError(issue('retro/video-unreadable', `Cannot read video ${file}: ${(e as Error).message.split('\n').slice(-1)[0].trim()}`, { location: { file }, hint: 'Is the file a complete video FFmpeg can decode?' }));
  }
  const v = p.streams.find((s) => s.codec_type === 'video');
  if (!v || !v.width || !v.height) throw new KinoError(issue('retro/video-unreadable', `${file} has no video stream.`, { location: { file } }));
  const fps = v.r_frame_rate && v.r_frame_rate !== '0/0' ? v.r_frame_rate : '25/1';
  const [n, d] = fps.split('/').map(Number);
  return { width: v.width, height: v.height, fps, fpsValue: d ? n / d : n, hasAudio: p.streams.some((s) => s.codec_type === 'audio') };
}

/** Decoded RGBA frames, one at a time, with backpressure on FFmpeg. */
export async function* decodeVideoFrames(file: string, info: VideoInfo, opts: { maxFrames?: number } = {}): AsyncGenerator<Frame> {
  const args = ['-hide_banner', '-nostdin', '-v', 'error', '-i', file, '-map', '0:v:0'];
  if (opts.maxFrames !== undefined) args.push('-frames:v', String(opts.maxFrames));
  args.push('-f', 'rawvideo', '-pix_fmt', 'rgba', '-');
  const child = spawn(ffmpegPath(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-20_000)));
  const closed = new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
  const size = info.width * info.height * 4;
  let buf: Buffer = Buffer.alloc(0);
  try {
    for await (const chunk of child.stdout! as AsyncIterable<Buffer>) {
      buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
      while (buf.length >= size) {
        const data = new Uint8Array(size);
        data.set(buf.subarray(0, size));
        buf = buf.subarray(size);
        yield { width: info.width, height: info.height, data };
      }
    }
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
  const code = await closed;
  if (code !== 0 && code !== null && !(opts.maxFrames !== undefined && code === 255)) {
    throw new KinoError(issue('retro/video-decode', `FFmpeg could not decode ${file} (exit ${code}): ${err.trim().split('\n').slice(-3).join(' ')}`, { location: { file } }));
  }
}

export type VideoOutputKind = 'mp4' | 'mov' | 'webm' | 'gif' | 'png-sequence';

export function videoOutputKind(out: string): VideoOutputKind | undefined {
  if (out.includes('%') && out.toLowerCase().endsWith('.png')) return 'png-sequence';
  if (out.endsWith('/') || out.endsWith(path.sep)) return 'png-sequence';
  const ext = path.extname(out).toLowerCase();
  if (ext === '.mp4' || ext === '.m4v') return 'mp4';
  if (ext === '.mov') return 'mov';
  if (ext === '.webm') return 'webm';
  if (ext === '.gif') return 'gif';
  return undefined;
}

export interface VideoEncoder {
  write(frame: Frame): Promise<void>;
  /** Finishes the file and moves it into place. */
  finish(): Promise<string>;
  abort(): Promise<void>;
}

export interface EncoderOptions {
  width: number;
  height: number;
  fps: string;
  /** Copy the audio of this file (mp4/mov/webm). */
  audioFrom?: string;
  /** Exact palette for GIF when every frame uses only palette colours (≤ 256). */
  palette?: Palette;
}

function paletteImage(p: Palette): Frame {
  const n = p.rgb.length / 3;
  const data = new Uint8Array(n * 4);
  for (let i = 0; i < n; i++) {
    data.set(p.rgb.subarray(i * 3, i * 3 + 3), i * 4);
    data[i * 4 + 3] = 255;
  }
  return { width: n, height: 1, data };
}

export async function openVideoEncoder(out: string, o: EncoderOptions): Promise<VideoEncoder> {
  const kind = videoOutputKind(out);
  if (!kind) throw new KinoError(issue('retro/bad-output', `Cannot tell what to write from "${out}".`, { hint: 'Video outputs: .mp4, .mov, .webm, .gif, or a PNG sequence like out/frame_%05d.png (or a folder ending in /).' }));
  if (kind === 'png-sequence') {
    const pattern = out.endsWith('/') || out.endsWith(path.sep) ? path.join(out, 'frame_%05d.png') : out;
    let i = 0;
    return {
      async write(frame) {
        const file = pattern.replace(/%0?(\d*)d/, (_m, w: string) => String(i + 1).padStart(Number(w || '1'), '0'));
        i++;
        await writeFileAtomic(file, await encodeImageFrame(frame, '.png'));
      },
      async finish() {
        return pattern;
      },
      async abort() {},
    };
  }
  await fsp.mkdir(path.dirname(path.resolve(out)), { recursive: true });
  const tmp = tempPathFor(path.resolve(out));
  const input = ['-f', 'rawvideo', '-pix_fmt', 'rgba', '-s', `${o.width}x${o.height}`, '-r', o.fps, '-i', '-'];
  let args: string[];
  let paletteFile: string | undefined;
  const audio = o.audioFrom ? ['-i', o.audioFrom, '-map', '0:v', '-map', '1:a?', '-shortest'] : [];
  // Pixel art is all hard edges: H.264's 4:2:0 would halve colour resolution, so odd sizes are
  // padded to even and the encoder is told the content is animation.
  const even = ['-vf', 'pad=ceil(iw/2)*2:ceil(ih/2)*2'];
  switch (kind) {
    case 'mp4':
    case 'mov':
      args = [...input, ...audio, ...even, '-c:v', 'libx264', '-preset', 'medium', '-crf', '14', '-tune', 'animation', '-pix_fmt', 'yuv420p', ...(audio.length ? ['-c:a', 'aac', '-b:a', '192k'] : []), '-movflags', '+faststart', '-f', kind === 'mov' ? 'mov' : 'mp4', tmp];
      break;
    case 'webm':
      args = [...input, ...audio, ...even, '-c:v', 'libvpx-vp9', '-crf', '18', '-b:v', '0', '-pix_fmt', 'yuv420p', ...(audio.length ? ['-c:a', 'libopus'] : []), '-f', 'webm', tmp];
      break;
    case 'gif':
      if (o.palette && o.palette.rgb.length / 3 <= 256) {
        // Frames are already palette-exact: map with the shot's own palette, no re-dither.
        paletteFile = tempPathFor(path.resolve(out)) + '.png';
        await fsp.writeFile(paletteFile, await encodeImageFrame(paletteImage(o.palette), '.png'));
        args = [...input, '-i', paletteFile, '-lavfi', '[0:v][1:v]paletteuse=dither=none', '-loop', '0', '-f', 'gif', tmp];
      } else {
        args = [...input, '-lavfi', 'split[a][b];[a]palettegen=stats_mode=full[p];[b][p]paletteuse=dither=sierra2_4a', '-loop', '0', '-f', 'gif', tmp];
      }
      break;
  }
  const pipe: FfmpegPipe = spawnFfmpegPipe(args, `encoding ${path.basename(out)}`);
  const cleanup = async () => {
    await fsp.rm(tmp, { force: true });
    if (paletteFile) await fsp.rm(paletteFile, { force: true });
  };
  return {
    async write(frame) {
      await pipe.write(frame.data instanceof Uint8Array ? frame.data : new Uint8Array(frame.data.buffer, frame.data.byteOffset, frame.data.length));
    },
    async finish() {
      try {
        await pipe.end();
        await commitFile(tmp, path.resolve(out));
      } finally {
        await cleanup();
      }
      return out;
    },
    async abort() {
      pipe.kill();
      await cleanup();
    },
  };
}
