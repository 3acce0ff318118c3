// Shot lists: planned from a script (coverage per exchange, inserts, cutaways, setups, screen
// time, storyboard prompts), read from a film plan, and written as RFC 4180 CSV.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CoverageSet, Film, Place, Prop, Say, Scene, Set, Character } from '../../components';
import { parseFountain } from '../../src/script';
import { csvField, CSV_COLUMNS, parseCsv, setupLetter, shotListCsv, shotListFromPlan, shotListFromScript, ShotListSchema, type ShotList } from '../../src/script/shotlist';
import { kino, mustPlan } from '../core/helpers';

const fixtures = path.join(import.meta.dirname, '../fixtures/scripts');
const read = (f: string) => parseFountain(fs.readFileSync(path.join(fixtures, f)), { fileName: f }).script;

describe('shot list from a script', () => {
  const list = shotListFromScript(read('The-Last-Train.fountain'), { file: 'The-Last-Train.fountain' });

  it('plans a master, an OTS pair and a pair of singles per exchange, inserts and cutaways', () => {
    expect(ShotListSchema.parse(list)).toEqual(list);
    const diner = list.scenes[0];
    expect(diner.heading).toBe('INT. DINER - NIGHT');
    const types = diner.shots.map((s) => s.type);
    expect(types.filter((t) => t === 'master')).toHaveLength(1);
    expect(types.filter((t) => t === 'ots')).toHaveLength(2);
    expect(types.filter((t) => t === 'single')).toHaveLength(2);
    const ots = diner.shots.filter((s) => s.type === 'ots');
    expect(ots.map((s) => [s.subjects[0].split(' ')[0], s.over])).toEqual([['LEO', 'MAYA'], ['MAYA', 'LEO']]);
    expect(diner.shots.find((s) => s.type === 'insert')).toMatchObject({ subjects: ['mug'], size: 'CU', lensMm: 60 });
    expect(diner.shots.filter((s) => s.type === 'cutaway').map((s) => s.subjects[0])).toEqual(['the rain', 'the window']);
    // An exterior the script has not visited yet opens on an establishing shot.
    expect(list.scenes[1].shots[0]).toMatchObject({ type: 'establishing', size: 'EWS', lensMm: 24 });
    expect(list.scenes[2].shots.find((s) => s.type === 'insert')!.subjects).toEqual(['coffee']);
  });

  it('numbers shots by scene and setup letter, and shares a setup between a speaker\'s OTS and single', () => {
    const diner = list.scenes[0];
    expect(diner.shots.map((s) => s.number)).toEqual(diner.shots.map((_, i) => `1${setupLetter(i)}`));
    const otsLeo = diner.shots.find((s) => s.type === 'ots' && s.subjects[0].startsWith('LEO'))!;
    const singleLeo = diner.shots.find((s) => s.type === 'single' && s.subjects[0].startsWith('LEO'))!;
    expect(otsLeo.setup).toBe(singleLeo.setup);
    expect(diner.setups).toBe(new globalThis.Set(diner.shots.map((s) => s.setup)).size);
    expect(list.totals.setups).toBe(list.scenes.reduce((n, s) => n + s.setups, 0));
    expect(setupLetter(0)).toBe('A');
    expect(setupLetter(7)).toBe('H');
    expect(setupLetter(8)).toBe('J'); // I is skipped, as on set
    expect(setupLetter(24)).toBe('AA');
  });

  it('gives every line to a shot and estimates screen time from the lines and the action', () => {
    const diner = list.scenes[0];
    const lines = diner.shots.flatMap((s) => s.lines);
    expect(lines).toEqual(expect.arrayContaining(["LEO: You're late.", 'MAYA: The last train never came.', "MAYA: Then we'll drink it cold."]));
    expect(diner.screenSeconds).toBeCloseTo(diner.shots.reduce((n, s) => n + s.screenSeconds, 0), 0);
    expect(diner.screenSeconds).toBeGreaterThan(10);
    expect(diner.shootingMinutes).toBe(diner.setups * 35);
  });

  it('writes a storyboard prompt per shot: framing, lens, place, action or line, mood', () => {
    const ots = list.scenes[0].shots.find((s) => s.type === 'ots')!;
    expect(ots.prompt).toMatch(/^Storyboard frame, 16:9\. Over-the-shoulder medium close-up \(MCU\) on LEO/);
    expect(ots.prompt).toContain("past the back of MAYA's head");
    expect(ots.prompt).toContain('50 mm normal lens');
    expect(ots.prompt).toContain('Interior, DINER, night.');
    expect(ots.prompt).toContain(`Line: LEO: "You're late."`);
    const insert = list.scenes[0].shots.find((s) => s.type === 'insert')!;
    expect(insert.prompt).toContain('Action: Leo slides the mug across the table.');
    for (const s of list.scenes.flatMap((x) => x.shots)) expect(s.prompt).toMatch(/Palette( #[0-9a-f]{6}){4}\./);
  });

  it('plans Big Fish in well under a second', () => {
    const big = read('Big-Fish.fountain');
    const t0 = performance.now();
    const l = shotListFromScript(big);
    expect(performance.now() - t0).toBeLessThan(1500);
    expect(l.scenes).toHaveLength(192);
    expect(l.totals.shots).toBeGreaterThan(192 * 2);
  });
});

describe('shot list from a film plan', () => {
  const plan = mustPlan(
    <Film title="Plan List" fps={24} resolution="320x180">
      <Character id="ana" />
      <Character id="ben" />
      <Scene id="room" heading="INT. ROOM - NIGHT" tail="2.5s">
        <Set floor={{ material: 'wood' }} />
        <Prop id="cup" kind="mug" position={[0, 0.75, -0.5]} />
        <Place who="ana" position={[-0.9, 0, 0.3]} />
        <Place who="ben" position={[0.9, 0, 0.3]} />
        <Say id="a1" who="ana">Where were you all night, and who were you with?</Say>
        <Say id="b1" who="ben">Out. Walking. Thinking about what you said, over and over again.</Say>
        <Say id="a2" who="ana">And?</Say>
        <CoverageSet characters={['ana', 'ben']} side="right" inserts={[{ subject: 'cup', at: 'after:a2+0.2s', duration: '1.5s' }]} />
      </Scene>
    </Film>,
  );
  const list = shotListFromPlan(plan, { looks: { room: 'noir' } });

  it('lists the planned shots in cut order with the plan\'s sizes, lenses and exact lengths', () => {
    expect(ShotListSchema.parse(list)).toEqual(list);
    const shots = list.scenes[0].shots;
    expect(shots.map((s) => s.key)).toEqual(plan.scenes[0].shots.map((s) => s.key));
    expect(shots[0].type).toBe('master');
    expect(shots.some((s) => s.type === 'ots' && s.over === 'BEN')).toBe(true);
    shots.forEach((s, i) => {
      const p = plan.scenes[0].shots[i];
      expect(s.lensMm).toBeCloseTo(p.camera.focalLengthMm, 1);
      expect(s.screenSeconds).toBeCloseTo(p.frames / 24, 2);
    });
    expect(list.totals.screenSeconds).toBeCloseTo(plan.duration, 2);
    expect(shots.find((s) => s.type === 'insert')!.subjects).toEqual(['cup']);
    expect(shots[0].prompt).toContain('noir look');
  });

  it('counts a setup the cut returns to once', () => {
    const shots = list.scenes[0].shots;
    const keys = plan.scenes[0].shots.map((s) => `${s.coverage!.setup}`);
    expect(list.scenes[0].setups).toBe(new globalThis.Set(keys).size);
    for (let i = 0; i < shots.length; i++) for (let j = 0; j < shots.length; j++) if (keys[i] === keys[j]) expect(shots[i].setup).toBe(shots[j].setup);
  });
});

describe('CSV (RFC 4180)', () => {
  it('quotes fields with commas, quotes and line breaks, doubles quotes, ends records with CRLF', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField(null)).toBe('');
    expect(csvField(2.5)).toBe('2.5');
  });

  it('round-trips a shot list with awkward text', () => {
    const list: ShotList = shotListFromScript(read('The-Last-Train.fountain'));
    list.scenes[0].shots[0].description = 'A "quoted", comma\nand a new line';
    const csv = shotListCsv(list);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
    const rows = parseCsv(csv);
    const shots = list.scenes.flatMap((s) => s.shots.map((shot) => ({ scene: s, shot })));
    expect(rows).toHaveLength(shots.length + 1);
    for (const r of rows) expect(r).toHaveLength(CSV_COLUMNS.length);
    const col = (name: string) => CSV_COLUMNS.indexOf(name as never);
    expect(rows[1][col('description')]).toBe('A "quoted", comma\nand a new line');
    shots.forEach(({ scene, shot }, i) => {
      expect(rows[i + 1][col('scene')]).toBe(scene.number);
      expect(rows[i + 1][col('shot')]).toBe(shot.number);
      expect(rows[i + 1][col('lines')]).toBe(shot.lines.join('\n'));
      expect(rows[i + 1][col('storyboard_prompt')]).toBe(shot.prompt);
    });
  });
});

describe('kino shotlist', () => {
  it('prints CSV for a script, JSON for a film, tables by default', () => {
    const csv = kino(['shotlist', path.join(fixtures, 'The-Last-Train.fountain'), '--csv']);
    expect(csv.code).toBe(0);
    const rows = parseCsv(csv.stdout);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.length).toBeGreaterThan(15);

    const json = kino(['shotlist', 'films/demo/film.tsx', '--json']);
    expect(json.code).toBe(0);
    const out = JSON.parse(json.stdout);
    expect(out.source).toBe('film');
    expect(out.scenes.map((s: { shots: unknown[] }) => s.shots.length).reduce((a: number, b: number) => a + b, 0)).toBe(out.totals.shots);

    const text = kino(['shotlist', path.join(fixtures, 'Brick-and-Steel.fdx')]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^BRICK & STEEL/);
    expect(text.stdout).toContain('SHOT  SETUP  TYPE');
  });

  it('reports a missing file and a clash of flags', () => {
    expect(kino(['shotlist', 'nope.fountain']).stderr).toMatch(/script\/not-found/);
    const both = kino(['shotlist', path.join(fixtures, 'The-Last-Train.fountain'), '--csv', '--json']);
    expect(both.code).toBe(1);
  });
});
