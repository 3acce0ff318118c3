// RIFF/WAVE read and write: PCM 16/24-bit and IEEE float 32-bit, any channel count.
//
// Format traps handled here:
// - Chunks are word-aligned: an odd-sized chunk is followed by one pad byte not counted in
//   its size (Broadcast WAV `bext`/`LIST` chunks from recorders often trip naive readers).
// - WAVE_FORMAT_EXTENSIBLE (0xFFFE) carries the real format in the sub-format GUID; FFmpeg
//   and most DAWs write it for 24-bit and for more than two channels.
// - Streamed WAVs leave the data size at 0 or 0xFFFFFFFF; the reader clamps to the file.
// - Non-PCM formats (float) get `cbSize = 0` and a `fact` chunk, as the spec requires.
// Integer scaling follows FFmpeg (×32768 / ×8388608, clipped), so s16 → float → s16 is exact.

import fsp from 'node:fs/promises';
import { KinoError, issue } from '../doc/errors';
import { writeFileAtomic } from '../util/fs';
import { mulberry32 } from '../util/random';

export const WAV_FORMATS = ['pcm16', 'pcm24', 'float32'] as const;
export type WavFormat = (typeof WAV_FORMATS)[number];

export interface WavAudio {
  sampleRate: number;
  /** One Float32Array per channel, samples nominally in [−1, 1]. */
  channels: Float32Array[];
  /** The stored sample format (reading also accepts pcm8, pcm32 and float64). */
  format: WavFormat | 'pcm8' | 'pcm32' | 'float64';
}

export interface EncodeWavOptions {
  /**
   * TPDF dither before 16-bit quantisation (±1 LSB triangular, seeded so output stays
   * byte-identical). Default true for pcm16; pcm24 and float32 are never dithered.
   */
  dither?: boolean;
}

const KSDATAFORMAT_TAIL = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71];

function fail(message: string, file?: string, hint?: string): never {
  throw new KinoError(issue('wav/invalid', message, { location: file ? { file } : undefined, hint }));
}

function checkChannels(channels: Float32Array[], sampleRate: number): number {
  if (!channels.length) fail('writeWav: no channels given.', undefined, 'Pass at least one Float32Array.');
  const n = channels[0].length;
  for (const c of channels) if (c.length !== n) fail(`writeWav: channels differ in length (${channels.map((x) => x.length).join(', ')}).`, undefined, 'Pad or trim all channels to the same length.');
  if (!Number.isInteger(sampleRate) || sampleRate < 1 || sampleRate > 768000) fail(`writeWav: sample rate ${sampleRate} is not a whole number of Hz between 1 and 768000.`);
  return n;
}

/** Encodes channels as a complete WAV file in memory. */
export function encodeWav(channels: Float32Array[], sampleRate: number, format: WavFormat = 'pcm16', opts: EncodeWavOptions = {}): Uint8Array {
  const frames = checkChannels(channels, sampleRate);
  const nch = channels.length;
  const bytesPer = format === 'pcm16' ? 2 : format === 'pcm24' ? 3 : 4;
  const isFloat = format === 'float32';
  const extensible = nch > 2;
  const fmtSize = extensible ? 40 : isFloat ? 18 : 16;
  const dataBytes = frames * nch * bytesPer;
  const factSize = isFloat ? 12 : 0;
  const total = 12 + 8 + fmtSize + factSize + 8 + dataBytes + (dataBytes & 1);
  if (total - 8 > 0xffffffff) fail(`writeWav: ${(dataBytes / 2 ** 30).toFixed(1)} GiB of audio does not fit a RIFF file (4 GiB limit).`, undefined, 'Split the audio or write float32 at a lower channel count.');
  const buf = new Uint8Array(total);
  const dv = new DataView(buf.buffer);
  let o = 0;
  const str = (s: string) => {
    for (let i = 0; i < 4; i++) buf[o++] = s.charCodeAt(i);
  };
  str('RIFF');
  dv.setUint32(o, total - 8, true); o += 4;
  str('WAVE');
  str('fmt ');
  dv.setUint32(o, fmtSize, true); o += 4;
  dv.setUint16(o, extensible ? 0xfffe : isFloat ? 3 : 1, true); o += 2;
  dv.setUint16(o, nch, true); o += 2;
  dv.setUint32(o, sampleRate, true); o += 4;
  dv.setUint32(o, sampleRate * nch * bytesPer, true); o += 4;
  dv.setUint16(o, nch * bytesPer, true); o += 2;
  dv.setUint16(o, bytesPer * 8, true); o += 2;
  if (extensible) {
    dv.setUint16(o, 22, true); o += 2;
    dv.setUint16(o, bytesPer * 8, true); o += 2;
    // Channel mask in FFmpeg/WAVEFORMATEXTENSIBLE order: FL FR FC LFE BL BR …
    dv.setUint32(o, nch >= 32 ? 0 : (1 << nch) - 1, true); o += 4;
    dv.setUint16(o, isFloat ? 3 : 1, true); o += 2;
    for (const b of KSDATAFORMAT_TAIL) buf[o++] = b;
  } else if (isFloat) {
    dv.setUint16(o, 0, true); o += 2;
  }
  if (isFloat) {
    str('fact');
    dv.setUint32(o, 4, true); o += 4;
    dv.setUint32(o, frames, true); o += 4;
  }
  str('data');
  dv.setUint32(o, dataBytes, true); o += 4;

  if (format === 'float32') {
    for (let i = 0; i < frames; i++) for (let c = 0; c < nch; c++, o += 4) dv.setFloat32(o, channels[c][i], true);
  } else if (format === 'pcm16') {
    const dither = opts.dither ?? true;
    const rng = mulberry32(0x6b696e6f); // fixed seed: dither is part of the deterministic output
    for (let i = 0; i < frames; i++) {
      for (let c = 0; c < nch; c++, o += 2) {
        let v = channels[c][i] * 32768;
        if (dither) v += rng() - rng();
        let q = Math.round(v);
        q = q > 32767 ? 32767 : q < -32768 ? -32768 : q;
        dv.setInt16(o, q, true);
      }
    }
  } else {
    for (let i = 0; i < frames; i++) {
      for (let c = 0; c < nch; c++, o += 3) {
        let q = Math.round(channels[c][i] * 8388608);
        q = q > 8388607 ? 8388607 : q < -8388608 ? -8388608 : q;
        buf[o] = q & 0xff;
        buf[o + 1] = (q >> 8) & 0xff;
        buf[o + 2] = (q >> 16) & 0xff;
      }
    }
  }
  return buf;
}

/** Decodes a WAV file held in memory. `file` only names the source in errors. */
export function decodeWav(bytes: Uint8Array, file?: string): WavAudio {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at: number) => String.fromCharCode(bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]);
  if (bytes.length < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE') {
    fail(`${file ?? 'input'} is not a RIFF/WAVE file${bytes.length >= 4 && tag(0) === 'RF64' ? ' (RF64 is not supported)' : ''}.`, file, 'Convert it with `ffmpeg -i in -c:a pcm_s24le out.wav`.');
  }
  let o = 12;
  let fmt: { tag: number; channels: number; rate: number; bits: number; blockAlign: number } | undefined;
  let dataAt = -1;
  let dataLen = 0;
  while (o + 8 <= bytes.length) {
    const id = tag(o);
    let size = dv.getUint32(o + 4, true);
    const body = o + 8;
    if (id === 'fmt ') {
      if (size < 16) fail(`${file ?? 'input'}: fmt chunk is ${size} bytes; at least 16 expected.`, file);
      let ftag = dv.getUint16(body, true);
      if (ftag === 0xfffe && size >= 40) ftag = dv.getUint16(body + 24, true);
      fmt = { tag: ftag, channels: dv.getUint16(body + 2, true), rate: dv.getUint32(body + 4, true), blockAlign: dv.getUint16(body + 12, true), bits: dv.getUint16(body + 14, true) };
    } else if (id === 'data') {
      if (size === 0 || size === 0xffffffff || body + size > bytes.length) size = bytes.length - body;
      dataAt = body;
      dataLen = size;
      break;
    }
    o = body + size + (size & 1);
  }
  if (!fmt) fail(`${file ?? 'input'}: no fmt chunk.`, file);
  if (dataAt < 0) fail(`${file ?? 'input'}: no data chunk.`, file);
  const { channels: nch, rate, bits } = fmt;
  if (nch < 1) fail(`${file ?? 'input'}: zero channels.`, file);
  let format: WavAudio['format'];
  if (fmt.tag === 1 && bits === 8) format = 'pcm8';
  else if (fmt.tag === 1 && bits === 16) format = 'pcm16';
  else if (fmt.tag === 1 && bits === 24) format = 'pcm24';
  else if (fmt.tag === 1 && bits === 32) format = 'pcm32';
  else if (fmt.tag === 3 && bits === 32) format = 'float32';
  else if (fmt.tag === 3 && bits === 64) format = 'float64';
  else fail(`${file ?? 'input'}: unsupported WAV sample format (tag ${fmt.tag}, ${bits} bits).`, file, 'kino reads PCM 8/16/24/32-bit and IEEE float 32/64-bit.');
  const bytesPer = bits / 8;
  const frameBytes = bytesPer * nch;
  const frames = Math.floor(dataLen / frameBytes);
  const channels = Array.from({ length: nch }, () => new Float32Array(frames));
  let p = dataAt;
  for (let i = 0; i < frames; i++) {
    for (let c = 0; c < nch; c++, p += bytesPer) {
      let v: number;
      switch (format) {
        case 'pcm8': v = (bytes[p] - 128) / 128; break;
        case 'pcm16': v = dv.getInt16(p, true) / 32768; break;
        case 'pcm24': v = (((bytes[p] | (bytes[p + 1] << 8) | (bytes[p + 2] << 16)) << 8) >> 8) / 8388608; break;
        case 'pcm32': v = dv.getInt32(p, true) / 2147483648; break;
        case 'float32': v = dv.getFloat32(p, true); break;
        default: v = dv.getFloat64(p, true);
      }
      channels[c][i] = v;
    }
  }
  return { sampleRate: rate, channels, format };
}

/** Writes a WAV atomically (temp file + rename). */
export async function writeWav(file: string, channels: Float32Array[], sampleRate: number, format: WavFormat = 'pcm16', opts: EncodeWavOptions = {}): Promise<void> {
  await writeFileAtomic(file, encodeWav(channels, sampleRate, format, opts));
}

export async function readWav(file: string): Promise<WavAudio> {
  let bytes: Uint8Array;
  try {
    bytes = await fsp.readFile(file);
  } catch (e) {
    throw new KinoError(issue('wav/unreadable', `Cannot read ${file}: ${(e as Error).message}`, { location: { file } }));
  }
  return decodeWav(bytes, file);
}
