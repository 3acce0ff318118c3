// Codegen: a screenplay → an idiomatic film.tsx that type-checks, validates and films every
// speaker while they speak (blocking the coverage can film).

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureKinoProject } from '../../src/pipeline/make';
import { loadFilm } from '../../src/pipeline/load';
import { parseFountain, parseScript } from '../../src/script';
import { frameLimits, speakerVisibility } from '../../src/script/codegen/check';
import { castCharacters, designSet, generateFilm, openSide, spotsFor, styleFor } from '../../src/script/codegen';
import { kino, repoRoot } from '../core/helpers';

const fixtures = path.join(import.meta.dirname, '../fixtures/scripts');
const read = (f: string) => parseScript(fs.readFileSync(path.join(fixtures, f)), { fileName: f }).script;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kino-codegen-'));

async function writeFilm(name: string, code: string): Promise<string> {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'film.tsx'), code);
  await ensureKinoProject(dir);
  return path.join(dir, 'film.tsx');
}

describe('sets from scene headings', () => {
  const kinds = (location: string, interior: boolean) => {
    const set = designSet(location, interior, 'x-set', 'XSet');
    return set.element.children.flatMap((c) => (c.kind === 'element' && c.name === 'Prop' ? [String(c.attrs.find(([k]) => k === 'kind')?.[1] ?? c.attrs.find(([k]) => k === 'shape')?.[1])] : []));
  };
  it('dresses a diner, a kitchen, an office and a street as the trade would', () => {
    expect(kinds("JOE'S DINER", true)).toEqual(expect.arrayContaining(['counter', 'stool', 'booth', 'table', 'chair']));
    expect(kinds('KITCHEN', true)).toEqual(expect.arrayContaining(['table', 'chair', 'counter']));
    expect(kinds('POLICE PRECINCT OFFICE', true)).toEqual(expect.arrayContaining(['desk', 'office-chair', 'bookshelf']));
    expect(kinds('MAIN STREET', false)).toEqual(expect.arrayContaining(['streetlight', 'car', 'hydrant']));
    expect(kinds('CENTRAL PARK', false)).toEqual(expect.arrayContaining(['tree', 'bench']));
    expect(styleFor('THE VOID', true).name).toBe('room');
    expect(styleFor('THE VOID', false).name).toBe('exterior');
  });

  it('builds interiors with three walls, a window and a door, leaving the fourth wall to the camera', () => {
    const set = designSet('KITCHEN', true, 'k', 'K');
    const walls = set.element.children.filter((c) => c.kind === 'element' && c.name === 'Wall');
    expect(walls).toHaveLength(3);
    const names = walls.flatMap((w) => (w.kind === 'element' ? w.children.map((c) => (c.kind === 'element' ? c.name : '')) : []));
    expect(names.sort()).toEqual(['Door', 'Window']);
    expect(set.marks['by-door']).toBeDefined();
    expect(set.marks.offstage[0]).toBeGreaterThan(set.size[0] / 2);
    // The acting area is clear: no furniture within 0.5 m of the two standing spots.
    for (const spot of spotsFor(2)) {
      for (const c of set.element.children) {
        if (c.kind !== 'element' || c.name !== 'Prop') continue;
        const p = c.attrs.find(([k]) => k === 'position')![1] as number[];
        if (p[1] > 1.5) continue;
        expect(Math.hypot(p[0] - spot.position[0], p[2] - spot.position[2])).toBeGreaterThan(0.5);
      }
    }
  });
});

describe('blocking geometry', () => {
  it('puts the cameras on the open (+Z) side of every pair', () => {
    expect(openSide([-0.9, 0, 0.35], [0.9, 0, 0.35])).toBe('right');
    expect(openSide([0.9, 0, 0.35], [-0.9, 0, 0.35])).toBe('left');
    const arc = spotsFor(4).map((s) => s.position);
    for (const p of arc) expect(p[2]).toBeGreaterThan(0);
    // Everyone in an arc is at least a body's width from everyone else.
    for (let i = 0; i < arc.length; i++) for (let j = i + 1; j < arc.length; j++) expect(Math.hypot(arc[i][0] - arc[j][0], arc[i][2] - arc[j][2])).toBeGreaterThan(0.9);
  });

  it('casts people who look different and sound different', () => {
    const script = read('Big-Fish.fountain');
    const names = script.characters.slice(0, 8).map((c) => c.name);
    const cast = castCharacters(names, names.map((n) => n.toLowerCase()), new Map(), ['#336699']);
    const looks = new Set(cast.map((c) => `${c.hairStyle}/${c.hair}/${(c.costume.top as { color: string }).color}`));
    expect(looks.size).toBe(cast.length);
    const voices = new Set(cast.map((c) => `${c.presentation}:${c.voice.variant}`));
    expect(voices.size).toBe(cast.length);
  });
});

describe('generated film', () => {
  const script = read('The-Last-Train.fountain');
  const g = generateFilm(script, { source: 'The-Last-Train.fountain', fps: 12, resolution: '320x180' });

  it('reads like a hand-written production', () => {
    const code = g.code;
    expect(code).toMatch(/^\/\*\* @jsxRuntime automatic \*\/\n\/\*\* @jsxImportSource kino \*\//);
    expect(code).toMatch(/^import \{ [A-Za-z, ]+ \} from 'kino';$/m);
    expect(code).toContain('function Cast() {');
    expect(code.match(/<Character id=/g)).toHaveLength(3);
    for (const set of ['function DinerSet()', 'function RooftopExteriorSet()', 'function MayasKitchenSet()']) expect(code).toContain(set);
    expect(code).toContain('<Scene id="s1-diner" number="1" heading="INT. DINER - NIGHT"');
    expect(code).toContain('<Walk id="enter-maya" who="maya" path={[\'by-door\']}');
    expect(code).toContain('parenthetical="out of breath">The last train never came.</Say>');
    expect(code).toContain('<Sit id="sit-maya" who="maya" on="chair-right" />');
    expect(code).toMatch(/<CoverageSet id="talk1" characters=\{\['leo', 'maya'\]\} side="right" minShot="0.7s" inserts=\{\[\{ subject: 'mug', at: 'with:look-mug\+0.15s', duration: '1.3s' \}\]\} \/>/);
    expect(code).toContain('<Shot id="establishing" size="EWS" type="establishing"');
    expect(code).toContain('<Transition kind="fade-in" duration="1s" />');
    expect(code).toContain('<Transition kind="dissolve" duration="1s" />');
    expect(code).toContain('<Transition kind="fade-out" duration="1s" />');
    expect(code).toMatch(/<Style preset="[a-z-]+">/);
    expect(code).toMatch(/export default function TheLastTrain\(\) \{/);
    // Deterministic: the same script writes the same file.
    expect(generateFilm(script, { source: 'The-Last-Train.fountain', fps: 12, resolution: '320x180' }).code).toBe(code);
  });

  it('puts one look around the whole film with --style, framed for a retro machine\'s picture', () => {
    const noir = generateFilm(script, { style: 'noir' });
    expect(noir.code.match(/<Style preset=/g)).toHaveLength(1);
    expect(noir.code).toContain('<Style preset="noir">');
    expect(noir.code).toContain('resolution="1280x720"');
    // A SNES frame is 8:7: the film is planned at that aspect so coverage frames what it shows.
    expect(generateFilm(script, { style: 'snes' }).code).toContain('resolution="1024x896"');
    expect(generateFilm(script, { style: 'snes', resolution: '320x180' }).code).toContain('resolution="320x180"');
  });

  it('checks visibility against what reaches the screen: a narrower retro grid, letterbox bars', () => {
    expect(frameLimits(undefined, 16 / 9)).toEqual({ x: 1, y: 1 });
    const snes = frameLimits({ style: { size: { width: 256, height: 224 } } }, 16 / 9);
    expect(snes.x).toBeCloseTo(256 / 224 / (16 / 9), 6);
    expect(snes.y).toBe(1);
    expect(frameLimits({ style: { grade: { letterbox: 2.39 } } }, 16 / 9).y).toBeCloseTo(16 / 9 / 2.39, 6);
  });

  it('type-checks with tsc', async () => {
    const file = await writeFilm('typecheck', g.code);
    const r = spawnSync(process.execPath, [path.join(repoRoot, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', path.join(path.dirname(file), 'tsconfig.json')], { encoding: 'utf8', timeout: 120_000 });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
    // And a mistake in it is caught: tsc really checks the film.
    fs.writeFileSync(file, g.code.replace('<Film title=', '<Film bogus={1} title='));
    const bad = spawnSync(process.execPath, [path.join(repoRoot, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', path.join(path.dirname(file), 'tsconfig.json')], { encoding: 'utf8', timeout: 120_000 });
    expect(bad.status).not.toBe(0);
    expect(bad.stdout).toMatch(/film\.tsx\(\d+,\d+\): error TS2322/);
  }, 150_000);

  it('validates, and every speaker is on screen while they speak (checked on the plan)', async () => {
    const file = await writeFilm('validate', g.code);
    const v = kino(['validate', file]);
    expect(v.stderr).toBe('');
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/^The Last Train: 3 scenes, \d+ shots, \d+ frames .* Valid\.\n$/);
    const loaded = await loadFilm(file);
    expect(loaded.errors).toEqual([]);
    const lines = speakerVisibility(loaded.plan!);
    expect(lines).toHaveLength(11); // ten speeches, one split at its sentences
    for (const l of lines) {
      expect(l.frames, `${l.scene}/${l.line} is in the cut`).toBeGreaterThan(0);
      expect(l.visible / l.frames, `${l.scene}/${l.line} (${l.who}) on screen`).toBeGreaterThanOrEqual(0.85);
    }
    const total = lines.reduce((n, l) => n + l.frames, 0);
    expect(lines.reduce((n, l) => n + l.visible, 0) / total).toBeGreaterThan(0.97);
  });

  it('makes a valid film of every scene of Big Fish (192 scenes, 48 parts), speakers on screen', async () => {
    const big = generateFilm(read('Big-Fish.fountain'), { source: 'Big-Fish.fountain' });
    expect(big.scenes.length).toBe(193); // the opening river and the 192 headed scenes
    const file = await writeFilm('big-fish', big.code);
    const loaded = await loadFilm(file);
    expect(loaded.errors).toEqual([]);
    expect(loaded.plan!.scenes).toHaveLength(193);
    const off = new Set(big.scenes.flatMap((s) => s.offScreenLines.map((l) => `${s.id}/${l}`)));
    const lines = speakerVisibility(loaded.plan!, (s, l) => off.has(`${s}/${l}`));
    const total = lines.reduce((n, l) => n + l.frames, 0);
    expect(lines.length).toBeGreaterThan(1000);
    expect(lines.reduce((n, l) => n + l.visible, 0) / total).toBeGreaterThan(0.99);
    expect(lines.filter((l) => l.visible / l.frames < 0.8)).toEqual([]);
  }, 120_000);

  it('handles an FDX the same way as its Fountain twin', () => {
    const fdx = generateFilm(read('Brick-and-Steel.fdx'));
    const fountain = generateFilm(parseFountain(fs.readFileSync(path.join(fixtures, 'Brick-and-Steel.fountain'))).script);
    expect(fdx.scenes.map((s) => [s.id, s.speakers])).toEqual(fountain.scenes.map((s) => [s.id, s.speakers]));
  });
});
