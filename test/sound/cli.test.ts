import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readWav, writeWav } from '../../src/sound/wav';
import { sineSegments, tmpDir } from './helpers';

const run = promisify(execFile);
const kino = path.resolve('bin/kino.js');

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [kino, ...args], { encoding: 'utf8' });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

describe('kino loudness / kino say', () => {
  it('measures a WAV as pure JSON, compares with FFmpeg, and normalises to a preset', async () => {
    const dir = tmpDir('cli');
    const file = path.join(dir, 'tone.wav');
    const x = sineSegments([[-33, 10]]);
    await writeWav(file, [x, x], 48000, 'pcm24');
    const r = await cli(['loudness', file, '--ffmpeg', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.integratedLufs).toBeCloseTo(-33, 1);
    expect(Math.abs(j.differenceLu)).toBeLessThanOrEqual(0.1);
    const out = path.join(dir, 'loud.wav');
    const n = await cli(['loudness', file, '--normalize', 'ebu-r128', '-o', out, '--json']);
    expect(n.code).toBe(0);
    expect(JSON.parse(n.stdout).normalized.integratedLufs).toBeCloseTo(-23, 1);
    expect((await readWav(out)).format).toBe('pcm24');
    const bad = await cli(['loudness', file, '--normalize', 'loud', '-o', out, '--json']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).errors[0].code).toBe('cli/bad-value');
  });

  it('speaks a line to a WAV and reports its timing', async () => {
    const dir = tmpDir('cli-say');
    const out = path.join(dir, 'line.wav');
    const r = await cli(['say', 'Somebody always does.', '-c', 'waitress', '-o', out, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.voice.variant).toBeTruthy();
    expect(j.mouth.frameRate).toBe(100);
    const wav = await readWav(out);
    expect(wav.sampleRate).toBe(48000);
    expect(wav.channels[0].length / 48000).toBeCloseTo(j.durationSeconds, 3);
    expect(fs.existsSync(out)).toBe(true);
    const bad = await cli(['say', '...']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/dialogue\/silent/);
  });
});
