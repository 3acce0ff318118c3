import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probe, runFfmpeg } from '../../src/util/ffmpeg';
import { builtinPalette } from '../../src/retro/palette/builtin';
import { paletteKeys } from '../fixtures/retro/frames';
import { syntheticScene } from '../fixtures/retro/scenes';

const root = path.resolve(__dirname, '../..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kino-retro-cli-'));
const still = path.join(tmp, 'still.png');
const clip = path.join(tmp, 'clip.mp4');

function kino(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/kino.js'), 'retro', ...args], { cwd: tmp, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function colorsOf(file: string): Promise<{ width: number; height: number; colors: Set<number> }> {
  const { data, info } = await sharp(file).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const colors = new Set<number>();
  for (let i = 0; i < info.width * info.height; i++) colors.add((data[i * 4] << 16) | (data[i * 4 + 1] << 8) | data[i * 4 + 2]);
  return { width: info.width, height: info.height, colors };
}

beforeAll(async () => {
  const f = syntheticScene({ width: 640, height: 360 });
  await sharp(Buffer.from(f.data), { raw: { width: 640, height: 360, channels: 4 } }).png().toFile(still);
  // 12 frames of a moving test pattern with a tone, like a user's clip.
  await runFfmpeg(['-f', 'lavfi', '-i', 'testsrc2=size=320x180:rate=24', '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000', '-t', '0.5', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', clip]);
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('kino retro', () => {
  it('converts an image to the palette at the size asked for', async () => {
    const r = kino(still, '--palette', 'pico8', '--dither', 'fs', '--size', '160x90', '-o', 'out.png', '--json');
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({ ok: true, width: 160, height: 90, frames: 1, palette: 'pico8', colors: 16 });
    const out = await colorsOf(path.join(tmp, 'out.png'));
    expect([out.width, out.height]).toEqual([160, 90]);
    const allowed = paletteKeys(builtinPalette('pico8')!);
    for (const c of out.colors) expect(allowed.has(c)).toBe(true);
  });

  it('applies a style with a CRT, and a palette file', async () => {
    fs.writeFileSync(path.join(tmp, 'duo.gpl'), 'GIMP Palette\nName: Duo\n20 12 28\n222 238 214\n');
    const r = kino(still, '--palette', 'duo.gpl', '--dither', 'atkinson', '--size', '128x72', '-o', 'duo.png');
    expect(r.code, r.stderr).toBe(0);
    expect([...(await colorsOf(path.join(tmp, 'duo.png'))).colors].sort()).toEqual([0x140c1c, 0xdeeed6].sort());
    const s = kino(still, '--style', 'arcade-crt', '-o', 'arcade.png');
    expect(s.code, s.stderr).toBe(0);
    const a = await colorsOf(path.join(tmp, 'arcade.png'));
    expect([a.width, a.height]).toEqual([1280, 960]);
  });

  it('reports every bad flag at once, listing the valid names', () => {
    const r = kino(still, '--palette', 'pico9', '--dither', 'wobble', '--size', '320', '--crt', 'plasma', '-o', 'x.png');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Unknown palette "pico9". Available: nes_2c02');
    expect(r.stderr).toContain('Unknown dither "wobble". Available: none, bayer2');
    expect(r.stderr).toContain('--size must be WIDTHxHEIGHT');
    expect(r.stderr).toContain('Unknown CRT preset "plasma". Available: consumer-tv');
    expect(r.stderr).toMatch(/Found 4 errors/);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('explains an unreadable image and a malformed palette file', () => {
    fs.writeFileSync(path.join(tmp, 'broken.png'), 'not a png at all');
    const r = kino('broken.png', '-o', 'y.png');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/retro\/image-unreadable: Cannot read image broken\.png/);
    fs.writeFileSync(path.join(tmp, 'bad.gpl'), 'GIMP Palette\n0 0 0\n1 2 three\n');
    const p = kino(still, '--palette', 'bad.gpl', '-o', 'z.png');
    expect(p.code).toBe(1);
    expect(p.stderr).toMatch(/bad\.gpl:3:1 - error retro\/palette-parse/);
    expect(fs.existsSync(path.join(tmp, 'z.png'))).toBe(false);
  });

  it('converts a video to H.264 with audio, and to a GIF and a PNG sequence', async () => {
    const r = kino(clip, '--palette', 'pico8', '--dither', 'bayer8', '--size', '160x90', '-o', 'clip.mp4', '--json');
    expect(r.code, r.stderr).toBe(0);
    // Video outputs are upscaled by a whole number to ≥ 720 lines (H.264 halves chroma).
    expect(JSON.parse(r.stdout)).toMatchObject({ frames: 12, width: 1280, height: 720 });
    const pr = await probe(path.join(tmp, 'clip.mp4'), { countFrames: true });
    const v = pr.streams.find((s) => s.codec_type === 'video')!;
    expect([v.codec_name, v.width, v.height, v.nb_read_frames]).toEqual(['h264', 1280, 720, '12']);
    expect(pr.streams.some((s) => s.codec_type === 'audio')).toBe(true);

    const g = kino(clip, '--style', 'gameboy', '--frames', '4', '-o', 'clip.gif');
    expect(g.code, g.stderr).toBe(0);
    const gp = await probe(path.join(tmp, 'clip.gif'), { countFrames: true });
    expect(gp.streams[0].nb_read_frames).toBe('4');

    const s = kino(clip, '--constraint', 'zx-spectrum', '--dither', 'bayer4', '--size', '256x192', '--frames', '3', '-o', 'seq/');
    expect(s.code, s.stderr).toBe(0);
    expect(fs.readdirSync(path.join(tmp, 'seq')).sort()).toEqual(['frame_00001.png', 'frame_00002.png', 'frame_00003.png']);
    const f1 = await colorsOf(path.join(tmp, 'seq/frame_00001.png'));
    for (const c of f1.colors) expect(paletteKeys(builtinPalette('zx_spectrum')!).has(c)).toBe(true);
  });

  it('lists the built-ins', () => {
    const r = kino('--list', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.palettes).toHaveLength(28);
    expect(j.styles.length).toBeGreaterThanOrEqual(10);
  });
});
