// Renders that go wrong: killed, missing tools, bad input. Earlier outputs must stay intact.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readManifest } from '../../src/deliver/manifest';
import { hashFile } from '../../src/util/hash';
import { movieInfo } from '../../src/render/film';
import { kino, repoRoot } from '../core/helpers';

const tiny = 'test/fixtures/films/tiny.tsx';
const tmp = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `kino-${name}-`));

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('a render killed with SIGKILL', () => {
  it('resumes on the next run, re-rendering nothing that had finished', async () => {
    const out = tmp('kill');
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin/kino.js'), 'render', tiny, '--out', out], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    const killed = await new Promise<boolean>((resolve) => {
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        // Kill as soon as one shot has finished and the next has started.
        if (/\[1\/\d+\][^\n]* frames in /.test(stderr)) {
          child.kill('SIGKILL');
          resolve(true);
        }
      });
      child.on('exit', () => resolve(false));
    });
    expect(killed, stderr).toBe(true);
    await new Promise((r) => child.once('exit', r));
    const before = readManifest(path.join(out, 'manifest.json'))!;
    const finished = Object.keys(before.shots);
    expect(finished.length).toBeGreaterThanOrEqual(1);
    // Finished shots' files are complete and match the manifest.
    for (const o of before.outputs.filter((x) => x.kind === 'clip' || x.kind === 'cut')) expect(await hashFile(path.join(out, o.path)), o.path).toBe(o.hash);
    expect(fs.existsSync(path.join(out, 'deliverables'))).toBe(false);

    const again = kino(['render', tiny, '--out', out, '--json']);
    expect(again.code, again.stderr).toBe(0);
    const summary = JSON.parse(again.stdout);
    for (const key of finished) expect(summary.rendered).not.toContain(key);
    expect(summary.cached).toEqual(expect.arrayContaining(finished));
    // No temp files left behind, and the movie is whole.
    expect(walk(out).filter((f) => f.endsWith('.tmp') || /\.tmp\./.test(path.basename(f)))).toEqual([]);
    const info = await movieInfo(summary.movies[0]);
    expect(info.frames).toBe(summary.frames);
  });
});

describe('missing tools', () => {
  it('explains a missing FFmpeg and leaves the earlier render intact', async () => {
    const out = tmp('noffmpeg');
    const ok = kino(['render', tiny, '--out', out]);
    expect(ok.code, ok.stderr).toBe(0);
    const movie = path.join(out, 'deliverables/tiny.mp4');
    const hash = await hashFile(movie);
    const manifestBefore = fs.readFileSync(path.join(out, 'manifest.json'), 'utf8');
    const r = kino(['render', tiny, '--out', out, '--force'], { env: { KINO_FFMPEG: '/nonexistent/ffmpeg' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/KINO_FFMPEG points to \/nonexistent\/ffmpeg, which does not exist/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(await hashFile(movie)).toBe(hash);
    expect(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')).toBe(manifestBefore);
  });

  it('explains a Chromium that cannot start', () => {
    const r = kino(['render', tiny, '--out', tmp('nochrome')], { env: { KINO_CHROMIUM: '/bin/false' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Chromium \(KINO_CHROMIUM: \/bin\/false\) failed to start/);
    expect(r.stderr).toMatch(/hint:/);
  });
});

describe('bad input is caught before rendering, all at once', () => {
  it('an unknown light preset lists the presets', () => {
    const r = kino(['validate', 'test/fixtures/films/bad-render.tsx']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad-render\.tsx:14:9 - error prop\/invalid: <LightRig> prop "preset".*three-point.*rembrandt/);
  });

  it('a missing glTF and a camera inside a wall name the file and line', () => {
    const r = kino(['render', 'test/fixtures/films/inside-wall.tsx', '--out', tmp('wall')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/inside-wall\.tsx:11:11 - error asset\/missing: <Prop> model "assets\/missing-statue\.glb" was not found/);
    expect(r.stderr).toMatch(/inside-wall\.tsx:14:9 - error camera\/inside-wall: Shot "s\/inwall": the camera at \[0\.00, 1\.50, -2\.00\] is inside wall "back"/);
  });
});
