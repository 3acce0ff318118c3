// `kino breakdown` end to end, as a user runs it: a real child process, real files.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BreakdownSchema } from '../../src/script';

const root = path.join(import.meta.dirname, '../..');
const fixtures = path.join(root, 'test/fixtures/scripts');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kino-breakdown-'));

function kino(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/kino.js'), 'breakdown', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('kino breakdown', () => {
  it('--json gives the breakdown of Big Fish as pure JSON', () => {
    const r = kino(path.join(fixtures, 'Big-Fish.fountain'), '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.ok).toBe(true);
    expect(out.warnings).toEqual([]);
    const { ok: _ok, file: _file, warnings: _w, ...b } = out;
    expect(BreakdownSchema.parse(b)).toEqual(b);
    expect(b.title).toBe('Big Fish');
    expect(b.scenes).toHaveLength(192);
    expect(b.scenes[0]).toMatchObject({ number: '1', heading: "INT.  WILL'S BEDROOM - NIGHT (1973)", location: "WILL'S BEDROOM", timeOfDay: 'NIGHT (1973)', interior: 'int', characters: ['EDWARD'] });
    expect(b.characters).toHaveLength(48);
    // Names are cue names with the extensions removed.
    expect(b.characters.every((c: { name: string }) => !c.name.includes('('))).toBe(true);
    expect(b.characters[0]).toMatchObject({ name: 'EDWARD', dialogueCount: 293, firstScene: '0' });
    expect(b.pages).toBeGreaterThan(100);
    expect(b.runtimeMinutes).toBeGreaterThan(100);
    expect(b.beats).toHaveLength(15);
  });

  it('prints aligned tables for an FDX, with warnings on stderr', () => {
    const r = kino(path.join(fixtures, 'Brick-and-Steel.fdx'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^BRICK & STEEL — FULL RETIRED\nby Stu Maschwitz\n8 scenes · 7 speaking characters · 6 locations/);
    expect(r.stdout).toMatch(/\n1  EXT +BRICK'S PATIO +DAY +1 +5\/8\* +STEEL, BRICK\n/);
    expect(r.stdout).toContain('LOCATIONS');
    expect(r.stdout).toContain('BEAT SHEET');
    expect(r.stderr).toBe('');
  });

  it('reports a missing file, an empty file and binary data with the file and line, exit 1', () => {
    const missing = kino(path.join(tmp, 'nope.fountain'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.fountain - error script\/not-found: Script file not found/);

    const empty = path.join(tmp, 'empty.fountain');
    fs.writeFileSync(empty, '');
    const e = kino(empty);
    expect(e.code).toBe(1);
    expect(e.stderr).toMatch(/empty\.fountain:1 - error script\/empty/);

    const bin = path.join(tmp, 'movie.fountain');
    fs.writeFileSync(bin, Buffer.from([0x00, 0x00, 0x00, 0x18, 0x66, 0x74, 0x79, 0x70, 0x6d, 0x70, 0x34, 0x32]));
    const b = kino(bin);
    expect(b.code).toBe(1);
    expect(b.stderr).toMatch(/movie\.fountain:1 - error script\/binary/);
    expect(b.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('reports a truncated FDX with its line, as JSON with --json', () => {
    const full = fs.readFileSync(path.join(fixtures, 'Brick-and-Steel.fdx'), 'utf8');
    const cut = path.join(tmp, 'cut.fdx');
    fs.writeFileSync(cut, full.slice(0, 4000));
    const r = kino(cut, '--json');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.ok).toBe(false);
    expect(out.errors[0]).toMatchObject({ code: 'fdx/malformed', location: { file: cut, line: full.slice(0, 4000).split('\n').length } });
  });

  it('asks for a script when none is given', () => {
    const r = kino();
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/which script\?/);
  });
});
