// Our small typed wrapper around the FFmpeg and FFprobe binaries. fluent-ffmpeg was archived
// upstream in 2025, and kino only needs a few fixed argument lists, so we spawn directly.
//
// Binary lookup order: KINO_FFMPEG / KINO_FFPROBE, then a system binary on PATH, then the
// binaries shipped inside the npm packages @ffmpeg-installer/ffmpeg and @ffprobe-installer/ffprobe
// (so `npm install` alone is the whole set-up).

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { KinoError, issue } from '../doc/errors';

const require = createRequire(import.meta.url);

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const p = path.join(dir, name);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return p;
    } catch {
      /* keep looking */
    }
  }
  return undefined;
}

function fromPackage(pkg: string): string | undefined {
  try {
    const mod = require(pkg) as { path?: string };
    if (mod.path && fs.existsSync(mod.path)) {
      // npm 11 may skip the package's `chmod u+x` postinstall; make sure it can run.
      try {
        fs.accessSync(mod.path, fs.constants.X_OK);
      } catch {
        fs.chmodSync(mod.path, 0o755);
      }
      return mod.path;
    }
  } catch {
    /* not installed */
  }
  return undefined;
}

const cache: Record<string, string | undefined> = {};

function locate(tool: 'ffmpeg' | 'ffprobe'): string {
  if (cache[tool]) return cache[tool]!;
  const envName = tool === 'ffmpeg' ? 'KINO_FFMPEG' : 'KINO_FFPROBE';
  const env = process.env[envName];
  if (env) {
    if (!fs.existsSync(env)) {
      throw new KinoError(issue('ffmpeg/not-found', `${envName} points to ${env}, which does not exist.`, { hint: `Unset ${envName} or point it at an ${tool} binary.` }));
    }
    return (cache[tool] = env);
  }
  const found = onPath(tool) ?? fromPackage(tool === 'ffmpeg' ? '@ffmpeg-installer/ffmpeg' : '@ffprobe-installer/ffprobe');
  if (!found) {
    throw new KinoError(
      issue('ffmpeg/not-found', `No ${tool} found.`, {
        hint: `Install FFmpeg (apt-get install ffmpeg), run npm install (kino ships one in @ffmpeg-installer), or set ${envName}.`,
      }),
    );
  }
  return (cache[tool] = found);
}

export function ffmpegPath(): string {
  return locate('ffmpeg');
}
export function ffprobePath(): string {
  return locate('ffprobe');
}

export interface RunResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/** Runs ffmpeg to completion; rejects with a KinoError carrying the tail of stderr. */
export function runFfmpeg(args: string[], opts: { input?: Uint8Array; what?: string } = {}): Promise<RunResult> {
  return runTool(ffmpegPath(), ['-hide_banner', '-nostdin', '-y', ...args], opts);
}

export function runFfprobe(args: string[]): Promise<RunResult> {
  return runTool(ffprobePath(), ['-hide_banner', ...args], {});
}

function runTool(bin: string, args: string[], opts: { input?: Uint8Array; what?: string }): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: [opts.input ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    child.stdout!.on('data', (d: Buffer) => out.push(d));
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      if (err.length > 200_000) err = err.slice(-100_000);
    });
    child.on('error', (e) => reject(new KinoError(issue('ffmpeg/spawn', `Could not start ${bin}: ${e.message}`))));
    child.on('close', (code) => {
      const result = { code: code ?? -1, stdout: Buffer.concat(out), stderr: err };
      if (code === 0) resolve(result);
      else reject(ffmpegFailure(opts.what ?? path.basename(bin), result.stderr, code));
    });
    if (opts.input) {
      child.stdin!.on('error', () => {
        /* reported through close */
      });
      child.stdin!.end(opts.input);
    }
  });
}

function ffmpegFailure(what: string, stderr: string, code: number | null): KinoError {
  const tail = stderr.trim().split('\n').slice(-6).join('\n    ');
  return new KinoError(issue('ffmpeg/failed', `${what} failed (exit ${code}):\n    ${tail}`));
}

/** A long-running ffmpeg fed through stdin: frames go in as they are rendered. */
export interface FfmpegPipe {
  write(chunk: Uint8Array): Promise<void>;
  /** Closes stdin and waits for ffmpeg to finish; rejects if it failed. */
  end(): Promise<RunResult>;
  kill(): void;
  readonly child: ChildProcess;
}

export function spawnFfmpegPipe(args: string[], what = 'ffmpeg'): FfmpegPipe {
  const child = spawn(ffmpegPath(), ['-hide_banner', '-nostdin', '-y', ...args], { stdio: ['pipe', 'ignore', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => {
    err += d.toString();
    if (err.length > 200_000) err = err.slice(-100_000);
  });
  let failed: KinoError | undefined;
  const done = new Promise<RunResult>((resolve, reject) => {
    child.on('error', (e) => reject((failed = new KinoError(issue('ffmpeg/spawn', `Could not start ffmpeg: ${e.message}`)))));
    child.on('close', (code) => {
      if (code === 0) resolve({ code, stdout: Buffer.alloc(0), stderr: err });
      else reject((failed = ffmpegFailure(what, err, code)));
    });
  });
  done.catch(() => {
    /* surfaced through write/end */
  });
  child.stdin!.on('error', () => {
    /* surfaced through close */
  });
  return {
    child,
    write(chunk) {
      if (failed) return Promise.reject(failed);
      return new Promise((resolve, reject) => {
        const ok = child.stdin!.write(chunk, (e) => (e ? reject(failed ?? e) : undefined));
        if (ok) resolve();
        else child.stdin!.once('drain', () => resolve());
      });
    },
    end() {
      child.stdin!.end();
      return done;
    },
    kill() {
      child.kill('SIGKILL');
    },
  };
}

export interface ProbeStream {
  codec_type: 'video' | 'audio' | string;
  codec_name: string;
  width?: number;
  height?: number;
  r_frame_rate?: string;
  nb_frames?: string;
  nb_read_frames?: string;
  duration?: string;
  sample_rate?: string;
  channels?: number;
  pix_fmt?: string;
}
export interface ProbeResult {
  format: { duration?: string; format_name: string; nb_streams: number };
  streams: ProbeStream[];
}

/** ffprobe as JSON. `countFrames` decodes the video to count frames exactly (slower). */
export async function probe(file: string, opts: { countFrames?: boolean } = {}): Promise<ProbeResult> {
  const args = ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams'];
  if (opts.countFrames) args.push('-count_frames');
  const { stdout } = await runFfprobe([...args, file]);
  return JSON.parse(stdout.toString()) as ProbeResult;
}

/** Which encoders this ffmpeg build has (e.g. libx264, prores_ks, libvpx-vp9, libx265). */
export function ffmpegEncoders(): Set<string> {
  const r = spawnSync(ffmpegPath(), ['-hide_banner', '-encoders'], { encoding: 'utf8' });
  const set = new Set<string>();
  for (const line of (r.stdout ?? '').split('\n')) {
    const m = /^\s*[VAS][.A-Z]{5}\s+(\S+)/.exec(line);
    if (m) set.add(m[1]);
  }
  return set;
}
