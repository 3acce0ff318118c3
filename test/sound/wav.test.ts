import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { probe, runFfmpeg } from '../../src/util/ffmpeg';
import { decodeWav, encodeWav, readWav, writeWav } from '../../src/sound/wav';
import { sineSegments, tmpDir } from './helpers';

const ramp = (n: number, scale = 1) => Float32Array.from({ length: n }, (_, i) => scale * Math.sin(i * 0.37) * (i / n));

describe('WAV I/O', () => {
  it('round-trips PCM16 exactly (no dither), PCM24 to 1 LSB and float32 bit-exactly', () => {
    const l = ramp(4801), r = ramp(4801, -0.5);
    const q = (v: number) => Math.round(v * 32768) / 32768 + 0; // + 0: −0 decodes as 0
    const q16 = [l.map(q), r.map(q)];
    const a = decodeWav(encodeWav(q16, 48000, 'pcm16', { dither: false }));
    expect(a.format).toBe('pcm16');
    expect(a.sampleRate).toBe(48000);
    expect(a.channels[0]).toEqual(q16[0]);
    expect(a.channels[1]).toEqual(q16[1]);
    const b = decodeWav(encodeWav([l, r], 44100, 'pcm24'));
    expect(b.format).toBe('pcm24');
    for (let i = 0; i < l.length; i++) expect(Math.abs(b.channels[1][i] - r[i])).toBeLessThanOrEqual(0.5 / 8388608 + 1e-12);
    const c = decodeWav(encodeWav([l], 22050, 'float32'));
    expect(c.format).toBe('float32');
    expect(c.channels[0]).toEqual(l);
  });

  it('dithers 16-bit deterministically and clips out-of-range samples', () => {
    const x = Float32Array.from([0.3, -0.3, 1.5, -1.5, 0]);
    expect(encodeWav([x], 48000, 'pcm16')).toEqual(encodeWav([x], 48000, 'pcm16'));
    const d = decodeWav(encodeWav([x], 48000, 'pcm16', { dither: false })).channels[0];
    expect(d[2]).toBeCloseTo(32767 / 32768, 6);
    expect(d[3]).toBe(-1);
  });

  it('writes files FFmpeg reads with the right codec, rate, channels and length', async () => {
    const dir = tmpDir('wav');
    const tone = sineSegments([[-6, 1.5]], 440);
    const cases = [['pcm16', 'pcm_s16le'], ['pcm24', 'pcm_s24le'], ['float32', 'pcm_f32le']] as const;
    for (const [format, codec] of cases) {
      const file = path.join(dir, `${format}.wav`);
      await writeWav(file, [tone, tone], 48000, format);
      const p = await probe(file);
      expect(p.streams[0].codec_name).toBe(codec);
      expect(p.streams[0].sample_rate).toBe('48000');
      expect(p.streams[0].channels).toBe(2);
      expect(Number(p.format.duration)).toBeCloseTo(1.5, 3);
    }
    // Atomic writes leave no temp files behind.
    expect(fs.readdirSync(dir).sort()).toEqual(['float32.wav', 'pcm16.wav', 'pcm24.wav']);
  });

  it('reads what FFmpeg writes, including WAVE_FORMAT_EXTENSIBLE 24-bit multichannel', async () => {
    const dir = tmpDir('wav-ff');
    const file = path.join(dir, 'ff.wav');
    await runFfmpeg(['-f', 'lavfi', '-i', 'sine=frequency=1000:sample_rate=44100:duration=0.5', '-af', 'pan=3c|c0=c0|c1=0.5*c0|c2=0*c0', '-c:a', 'pcm_s24le', file]);
    const wav = await readWav(file);
    expect(wav.sampleRate).toBe(44100);
    expect(wav.channels.length).toBe(3);
    expect(wav.format).toBe('pcm24');
    expect(wav.channels[0].length).toBe(22050);
    let p0 = 0, p1 = 0, p2 = 0;
    for (let i = 0; i < 22050; i++) {
      p0 = Math.max(p0, Math.abs(wav.channels[0][i]));
      p1 = Math.max(p1, Math.abs(wav.channels[1][i]));
      p2 = Math.max(p2, Math.abs(wav.channels[2][i]));
    }
    expect(p0).toBeCloseTo(0.125, 2); // lavfi sine is 1/8 full scale
    expect(p1 / p0).toBeCloseTo(0.5, 2);
    expect(p2).toBe(0);
  });

  it('skips odd-sized chunks with their pad byte', () => {
    const base = encodeWav([Float32Array.from([0.25, -0.25, 0.5])], 8000, 'pcm16', { dither: false });
    // Insert a 3-byte LIST chunk (+1 pad byte) between fmt and data.
    const list = Uint8Array.from([0x4c, 0x49, 0x53, 0x54, 3, 0, 0, 0, 1, 2, 3, 0]);
    const at = 12 + 8 + 16;
    const out = new Uint8Array(base.length + list.length);
    out.set(base.subarray(0, at));
    out.set(list, at);
    out.set(base.subarray(at), at + list.length);
    expect(Array.from(decodeWav(out).channels[0])).toEqual([0.25, -0.25, 0.5]);
  });

  it('rejects non-WAV input with a clear error', async () => {
    expect(() => decodeWav(new TextEncoder().encode('not a wav file at all'), 'notes.txt')).toThrowError(/notes.txt is not a RIFF\/WAVE file/);
    await expect(readWav('/nonexistent/x.wav')).rejects.toMatchObject({ issues: [{ code: 'wav/unreadable' }] });
    expect(() => encodeWav([new Float32Array(3), new Float32Array(4)], 48000)).toThrowError(/differ in length/);
  });
});
