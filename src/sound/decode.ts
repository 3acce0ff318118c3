// Reading a recorded sound (a <Music src>, <Ambience src> or <Foley src> file) as 48 kHz stereo
// float: FFmpeg decodes every format a production is likely to hand over (WAV, MP3, FLAC, Ogg,
// Opus, AAC, AIFF) and resamples with its own high-quality resampler; we read raw f32le.

import { KinoError, issue } from '../doc/errors';
import { runFfmpeg } from '../util/ffmpeg';
import type { Stereo } from './mix';

export async function decodeAudioFile(file: string, sampleRate = 48000): Promise<Stereo> {
  let out: Buffer;
  try {
    out = (await runFfmpeg(['-i', file, '-vn', '-ac', '2', '-ar', String(sampleRate), '-f', 'f32le', '-acodec', 'pcm_f32le', 'pipe:1'], { what: `decoding ${file}` })).stdout;
  } catch (e) {
    throw new KinoError(issue('sound/decode', `Could not read the audio file ${file}: ${(e as Error).message.split('\n')[0]}`, { location: { file }, hint: 'Give a WAV, MP3, FLAC, Ogg/Opus, AAC or AIFF file.' }));
  }
  const n = Math.floor(out.length / 8);
  if (!n) throw new KinoError(issue('sound/decode', `The audio file ${file} holds no audio.`, { location: { file } }));
  const f = new Float32Array(out.buffer.slice(out.byteOffset, out.byteOffset + n * 8));
  const L = new Float32Array(n), R = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    L[i] = f[2 * i];
    R[i] = f[2 * i + 1];
  }
  return [L, R];
}
