// The page model, eighths, runtime, beat sheet, locations and the breakdown report.

import { describe, expect, it } from 'vitest';
import {
  BreakdownSchema,
  PAGE_MODEL,
  ScriptSchema,
  SAVE_THE_CAT_BEATS,
  beatSheet,
  breakdown,
  eighthsForSpan,
  estimateSeconds,
  formatBreakdown,
  formatEighths,
  parseEighths,
  parseFountain,
  wrappedLines,
} from '../../src/script';

describe('page model', () => {
  it('is the industry convention: 55 lines, 60/35/20 character columns', () => {
    expect(PAGE_MODEL.linesPerPage).toBe(55);
    expect(PAGE_MODEL.widths).toMatchObject({ action: 60, dialogue: 35, parenthetical: 20 });
  });

  it.each([
    ['', 60, 1],
    ['short', 60, 1],
    ['x'.repeat(60), 60, 1],
    ['word '.repeat(12) + 'more', 60, 2],
    ['a\nb\n\nc', 60, 4],
    ['y'.repeat(130), 60, 3],
    ['\t\tindented', 10, 2],
  ])('wraps %j at %i → %i lines', (text, width, lines) => {
    expect(wrappedLines(text, width)).toBe(lines);
  });

  it.each([
    [0, 1, 1],
    [0, 3, 1],
    [0, 7, 1],
    [0, 55, 8],
    [0, 110, 16],
    [50, 60, 2],
    [0, 28, 4],
  ])('lines [%i, %i) → %i eighths (min 1/8, counted on every page touched)', (a, b, e) => {
    expect(eighthsForSpan(a, b)).toBe(e);
  });

  it.each([
    [1, '1/8'],
    [4, '4/8'],
    [8, '1'],
    [11, '1 3/8'],
    [16, '2'],
  ])('formats %i eighths as %s and parses it back', (n, s) => {
    expect(formatEighths(n)).toBe(s);
    expect(parseEighths(s)).toBe(n);
  });

  it('rejects unreadable FDX lengths', () => {
    expect(parseEighths('')).toBeNull();
    expect(parseEighths('about half')).toBeNull();
    expect(parseEighths('1/2')).toBeNull();
  });

  it('gives a one-line scene 1/8 and a scene across a page break eighths on both pages', () => {
    const body = Array.from({ length: 30 }, (_, i) => `Line ${i}.`).join('\n\n');
    const { script } = parseFountain(`INT. A - DAY\n\nOne line.\n\nINT. B - DAY\n\n${body}`);
    const [a, b] = script.scenes;
    expect(a.lengthEighths).toBe(1);
    expect(a.startPage).toBe(1);
    expect(b.lengthLines).toBe(1 + 30 * 2);
    expect(b.startPage).toBe(1);
    // 61 lines from line 4: 51 on page 1 (≈ 7/8), 10 on page 2 (≈ 1/8).
    expect(b.lengthEighths).toBe(eighthsForSpan(b.printedLine, b.printedLine + b.lengthLines));
    expect(b.lengthEighths).toBe(9);
    expect(script.pages).toBe(2);
  });

  it('prints dual dialogue side by side: the pair takes the longer side', () => {
    const long = 'word '.repeat(30).trim();
    const single = parseFountain(`INT. A - DAY\n\nBRICK\n${long}`).script;
    const dual = parseFountain(`INT. A - DAY\n\nBRICK\n${long}\n\nSTEEL ^\nShort.`).script;
    const sequential = parseFountain(`INT. A - DAY\n\nBRICK\n${long}\n\nSTEEL\nShort.`).script;
    expect(dual.lengthLines).toBe(single.lengthLines);
    expect(sequential.lengthLines).toBeGreaterThan(dual.lengthLines);
  });
});

describe('runtime', () => {
  it('plays a page of half dialogue in a minute, dialogue faster and action slower', () => {
    expect(estimateSeconds(55, 27.5)).toBeCloseTo(60, 5);
    expect(estimateSeconds(55, 55)).toBeCloseTo(45, 5);
    expect(estimateSeconds(55, 0)).toBeCloseTo(75, 5);
  });

  it('states its assumptions in the model and the report', () => {
    const { script } = parseFountain('INT. A - DAY\n\nBOB\nHi.\n\nHe goes.');
    expect(script.runtime.assumptions.join(' ')).toMatch(/1 page ≈ 1 minute/);
    expect(script.runtime.assumptions.join(' ')).toMatch(/dialogue share/i);
    expect(formatBreakdown(breakdown(script))).toContain('1 page ≈ 1 minute');
  });
});

describe('beat sheet', () => {
  const scenes = Array.from({ length: 100 }, (_, i) => `INT. ROOM ${i + 1} - DAY\n\n${'Something happens here in this room today. '.repeat(3).trim()}`).join('\n\n');
  const { script } = parseFountain(scenes);

  it('places the 15 Save the Cat beats by page proportion, with the scene at each', () => {
    expect(SAVE_THE_CAT_BEATS).toHaveLength(15);
    const sheet = beatSheet(script);
    expect(sheet).toEqual(script.beatSheet);
    const at = Object.fromEntries(sheet.map((b) => [b.name, b]));
    // Independent check by linear scan: the last scene starting at or before the beat's line.
    const sceneAtShare = (f: number) => {
      const line = Math.floor(f * script.lengthLines);
      let found = script.scenes[0].number;
      for (const s of script.scenes) if (s.printedLine <= line) found = s.number;
      return found;
    };
    for (const b of sheet) expect(b.scene).toBe(sceneAtShare(b.start));
    // Equal scenes: the scene at share f is about scene 100·f.
    expect(Number(at['Catalyst'].scene)).toBeGreaterThanOrEqual(12);
    expect(Number(at['Catalyst'].scene)).toBeLessThanOrEqual(13);
    expect(Number(at['Midpoint'].scene)).toBeGreaterThanOrEqual(50);
    expect(Number(at['Midpoint'].scene)).toBeLessThanOrEqual(51);
    expect(at['Final Image'].scenes.at(-1)).toBe('100');
    expect(Number(at['Debate'].scenes.at(-1))).toBeGreaterThanOrEqual(25);
    expect(Number(at['Debate'].scenes.at(-1))).toBeLessThanOrEqual(26);
    expect(at['Finale'].startPage).toBeLessThanOrEqual(at['Finale'].endPage);
    expect(sheet.map((b) => [b.start, b.end])).toEqual(SAVE_THE_CAT_BEATS.map(([, s, e]) => [s, e]));
  });
});

describe('locations and breakdown', () => {
  const src = [
    'INT. KITCHEN - DAY',
    'Toast.',
    'EXT. KITCHEN - NIGHT',
    'Rain.',
    'INT.  kitchen  - LATER',
    'Quiet.',
    'I/E CAR - MOVING',
    'Vroom.',
    '.CLOSE ON THE TOAST',
    'Burnt.',
  ].join('\n\n');
  const { script, warnings } = parseFountain(src);

  it('lists each location once with its INT/EXT values and scenes (shots are not sets)', () => {
    expect(warnings).toEqual([]);
    expect(script.locations).toEqual([
      { name: 'KITCHEN', interior: ['int', 'ext'], scenes: ['1', '2', '3'] },
      { name: 'CAR - MOVING', interior: ['int/ext'], scenes: ['4'] },
    ]);
  });

  it('produces schema-valid JSON with the fields the lead builds on', () => {
    const b = breakdown(script);
    expect(BreakdownSchema.parse(b)).toEqual(b);
    expect(ScriptSchema.parse(script)).toEqual(script);
    expect(b.scenes[0]).toMatchObject({ number: '1', heading: 'INT. KITCHEN - DAY', location: 'KITCHEN', timeOfDay: 'DAY', interior: 'int', lengthEighths: 1, length: '1/8', characters: [] });
    expect(Object.keys(b)).toEqual(expect.arrayContaining(['title', 'scenes', 'characters', 'locations', 'pages', 'runtimeMinutes']));
  });

  it('prints aligned tables', () => {
    const text = formatBreakdown(breakdown(parseFountain('INT. KITCHEN - DAY\n\nBOB\nHi.\n\nEXT. GARDEN OF EDEN - NIGHT\n\nALICE\nHello.').script));
    const lines = text.split('\n');
    const header = lines.find((l) => l.startsWith('#  I/E'))!;
    const row = lines.find((l) => l.includes('GARDEN OF EDEN'))!;
    expect(header).toBeDefined();
    // Columns line up: the location column starts at the same offset in header and rows.
    expect(row.indexOf('GARDEN')).toBe(header.indexOf('LOCATION'));
    expect(text).toMatch(/CHARACTERS\nNAME +SPEECHES/);
    expect(text).toMatch(/BEAT SHEET/);
  });
});
