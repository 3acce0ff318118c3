// `kino styles`: one frame of a shot in every built-in look, as a labelled contact sheet; the looks
// must be visibly different from one another, not near-copies.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { STYLE_PRESETS } from '../../src/doc/schema/style';
import { readImageFrame } from '../../src/retro/index';
import { distinctLooks, meanAbsDiff } from '../../src/render/style-sheet';
import { kino, repoRoot } from '../core/helpers';

const film = path.join(repoRoot, 'test/fixtures/films/tiny.tsx');

describe('kino styles', () => {
  it('renders every built-in look of a shot into a labelled sheet; at least 10 are pairwise visibly different', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kino-styles-'));
    const sheet = path.join(dir, 'sheet.png');
    const r = kino(['styles', film, '--shot', 'room/ana-cu', '--profile', 'draft', '-o', sheet, '--frames', path.join(dir, 'frames'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.shot).toBe('room/ana-cu');
    expect(s.looks[0]).toBe('original');
    for (const p of STYLE_PRESETS) expect(s.looks).toContain(p);
    const meta = await sharp(sheet).metadata();
    expect(meta.width).toBeGreaterThan(1000);
    const frames = await Promise.all(s.looks.map((n: string) => readImageFrame(path.join(dir, 'frames', `${n}.png`))));
    // Greedy representatives: each differs from every other by ≥ 12 levels mean absolute difference.
    const reps = [] as typeof frames;
    for (const f of frames) if (!reps.some((x) => meanAbsDiff(x, f) < 12)) reps.push(f);
    for (let i = 0; i < reps.length; i++) for (let j = i + 1; j < reps.length; j++) expect(meanAbsDiff(reps[i], reps[j])).toBeGreaterThanOrEqual(12);
    expect(reps.length).toBeGreaterThanOrEqual(10);
    expect(s.distinct).toBe(distinctLooks(frames));
    // Every cinema look changes the picture, and no two presets render identically.
    const original = frames[0];
    for (let i = 1; i < frames.length; i++) expect(meanAbsDiff(original, frames[i]), s.looks[i]).toBeGreaterThan(1);
  }, 180_000);

  it('lists its looks, and rejects unknown ones and shots', () => {
    const l = kino(['styles', '--list']);
    expect(l.code).toBe(0);
    expect(l.stdout).toMatch(/^noir\s+Film noir/m);
    expect(l.stdout).toMatch(/^mac-1bit\s+/m);
    const bad = kino(['styles', film, '--shot', 'room/nope']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--shot room\/nope: no such shot/);
    expect(bad.stderr).toMatch(/room\/wide/);
  }, 120_000);
});
