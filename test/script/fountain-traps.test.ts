// The traps listed in /work/shared/reference/screenplay.md that catch existing parsers
// (fountain-js, afterwriting, screenplain, betterfountain, Beat). One test per trap.

import { describe, expect, it } from 'vitest';
import { analyzeHeading, parseFountain, tokenizeFountain, type ScriptElement } from '../../src/script';

const types = (src: string, opts = {}) => tokenizeFountain(src, opts).elements.map((e) => e.type);
function only<T extends ScriptElement['type']>(src: string, type: T): Extract<ScriptElement, { type: T }>[] {
  return tokenizeFountain(src).elements.filter((e): e is Extract<ScriptElement, { type: T }> => e.type === type);
}

describe('blank lines', () => {
  it('a line of exactly two spaces is not blank; three spaces or a tab is', () => {
    expect(only('BOB\nOne.\n  \nTwo.', 'dialogue').map((d) => d.text)).toEqual(['One.\n\nTwo.']);
    expect(only('BOB\nOne.\n   \nTwo.', 'dialogue').map((d) => d.text)).toEqual(['One.']);
    expect(only('BOB\nOne.\n\t\nTwo.', 'dialogue').map((d) => d.text)).toEqual(['One.']);
  });
});

describe('title page', () => {
  it('survives a BOM and a leading blank line before Title:', () => {
    const { script } = parseFountain(Buffer.from('\uFEFF\n\nTitle: Big Fish\nAuthor: John August\n\nINT. RIVER - DAY\n\nx', 'utf8'));
    expect(script.title).toBe('Big Fish');
    expect(script.authors).toEqual(['John August']);
    expect(script.scenes).toHaveLength(1);
  });

  it('takes a tab after the colon and lower-case keys', () => {
    const { script } = parseFountain('title:\tTHE LAST BIRTHDAY CARD\nauthor:\tStu Maschwitz\n\nx');
    expect(script.title).toBe('THE LAST BIRTHDAY CARD');
    expect(script.authors).toEqual(['Stu Maschwitz']);
  });
});

describe('scene headings', () => {
  it('a heading followed directly by action is not a heading — and not a character cue either', () => {
    const t = tokenizeFountain('Action.\n\nINT. HOUSE - DAY\nJohn walks in.', { fileName: 'x.fountain' });
    expect(t.elements.map((e) => e.type)).toEqual(['action', 'action']);
    expect(t.elements.some((e) => e.type === 'character')).toBe(false);
    expect(t.warnings).toHaveLength(1);
    expect(t.warnings[0]).toMatchObject({ code: 'fountain/heading-needs-blank-line', severity: 'warning', location: { file: 'x.fountain', line: 3 } });
  });

  it('lenient mode accepts the heading without a blank line after it', () => {
    expect(types('Action.\n\nINT. HOUSE - DAY\nJohn walks in.', { lenient: true })).toEqual(['action', 'scene-heading', 'action']);
  });

  it('needs a blank line before', () => {
    expect(types('Action.\nINT. HOUSE - DAY\n\nx')).toEqual(['action', 'action']);
  });

  it('accepts two spaces after the prefix and no dot at all', () => {
    expect(only('INT.  WILL\'S BEDROOM - NIGHT\n\nx\n\nINT SCOTT\'S APARTMENT\n\ny', 'scene-heading').map((h) => h.text)).toEqual([
      "INT.  WILL'S BEDROOM - NIGHT",
      "INT SCOTT'S APARTMENT",
    ]);
  });

  it('INTERCUT and ESTABLISHING are not prefixes', () => {
    expect(only('x\n\nINTERCUT WITH:\n\nESTABLISHING SHOT\n\ny', 'scene-heading')).toEqual([]);
  });

  it('"...and then" is action, "!INT." is forced action, ".4TH" is a forced heading', () => {
    expect(types('...and then he left.')).toEqual(['action']);
    expect(types('\n!INT. HOUSE - DAY\n\nx')).toEqual(['action', 'action']);
    expect(only('\n!INT. HOUSE - DAY\n\nx', 'action')[0].text).toBe('INT. HOUSE - DAY');
    expect(only('\n.4TH FLOOR HALLWAY\n\nx', 'scene-heading')[0]).toMatchObject({ text: '4TH FLOOR HALLWAY', forced: true });
  });

  it('a tab-indented heading is still a heading (afterwriting reads it as action)', () => {
    expect(only('x\n\n\tINT. HOUSE - DAY\n\ny', 'scene-heading').map((h) => h.text)).toEqual(['INT. HOUSE - DAY']);
  });

  it('strips trailing [[notes]] and keeps the heading as written (not upper-cased)', () => {
    const h = only('x\n\nInt. Kitchen - Night [[check the set]]\n\ny', 'scene-heading')[0];
    expect(h.text).toBe('Int. Kitchen - Night');
    expect(analyzeHeading(h.text)).toEqual({ interior: 'int', location: 'KITCHEN', timeOfDay: 'NIGHT' });
  });

  it.each([
    ['INT. HOUSE - DAY', 'HOUSE', 'DAY'],
    ['EXT. ROAD -- NIGHT', 'ROAD', 'NIGHT'],
    ['EXT. ROAD--NIGHT', 'ROAD', 'NIGHT'],
    ['EXT. TOWN – DAY', 'TOWN', 'DAY'],
    ['EXT. TOWN—DUSK', 'TOWN', 'DUSK'],
    ['INT. APARTMENT, DAY', 'APARTMENT', 'DAY'],
    ["INT. HALLWAY, SCOTT'S BUILDING, A MOMENT LATER", "HALLWAY, SCOTT'S BUILDING", 'A MOMENT LATER'],
    ['INT. X-RAY ROOM - NIGHT', 'X-RAY ROOM', 'NIGHT'],
    ['INT.  HALF-DARK PARIS APARTMENT - (PRESENT) DAY', 'HALF-DARK PARIS APARTMENT', '(PRESENT) DAY'],
    ["INT.  WILL'S BEDROOM - NIGHT (1973)", "WILL'S BEDROOM", 'NIGHT (1973)'],
    ['INT.  TINY PARIS RESTAURANT (LA RUE 14°) - NIGHT (1998)', 'TINY PARIS RESTAURANT (LA RUE 14°)', 'NIGHT (1998)'],
    ['EXT. BY THE RIVER - NIGHT - CONTINUOUS', 'BY THE RIVER', 'NIGHT - CONTINUOUS'],
    ['INT. KITCHEN - HOUSE - DAY', 'KITCHEN - HOUSE', 'DAY'],
    ['INT. LANDCRUISER, DRIVING -- A BIT LATER', 'LANDCRUISER, DRIVING', 'A BIT LATER'],
    ['INT. SCOTT\'S APARTMENT, A FEW DAYS LATER', "SCOTT'S APARTMENT", 'A FEW DAYS LATER'],
    ['EXT. GOLDEN GATE BRIDGE', 'GOLDEN GATE BRIDGE', null],
    ['EXT. FURTHER ALONG - ROUGH PATH', 'FURTHER ALONG - ROUGH PATH', null],
    ['INT. CAFÉ ŁÓDŹ - NOCHE', 'CAFÉ ŁÓDŹ - NOCHE', null],
    ['EXT. CAFÉ ŁÓDŹ - DAY', 'CAFÉ ŁÓDŹ', 'DAY'],
  ])('%s → location %s, time %s', (heading, location, time) => {
    expect(analyzeHeading(heading)).toMatchObject({ location, timeOfDay: time });
  });

  it('forced shots count as headings (they inflate scene counts, as in real breakdowns)', () => {
    const { script } = parseFountain('INT. OFFICE - DAY\n\nx\n\n.THE FINGER\n\nclicks off.\n\n.SCOTT\n\nhangs up.');
    expect(script.scenes.map((s) => [s.heading, s.forced, s.interior])).toEqual([
      ['INT. OFFICE - DAY', false, 'int'],
      ['THE FINGER', true, null],
      ['SCOTT', true, null],
    ]);
    // Shots are not sets.
    expect(script.locations.map((l) => l.name)).toEqual(['OFFICE']);
  });
});

describe('character cues', () => {
  it('lower-case extensions keep the cue a cue (afterwriting issue 97, screenplain PR 80)', () => {
    expect(only("\nHANK (cont'd)\nStill here.", 'character').map((c) => c.name)).toEqual(['HANK']);
  });

  it('a cue needs a letter: 23 is action (afterwriting reads it as a cue), R2D2 is a cue', () => {
    expect(types('\n23\nskidoo')).toEqual(['action']);
    expect(only('\nR2D2\nBeep.', 'character').map((c) => c.name)).toEqual(['R2D2']);
  });

  it('two-letter cues work (Beat issue 75)', () => {
    expect(only('\nAL\nHi.', 'character').map((c) => c.name)).toEqual(['AL']);
  });

  it('an indented cue and transition count (Brick & Steel indents JACK and CUT TO:)', () => {
    expect(types('x\n\n\t\t\tJACK\n\t\t(in Vietnamese, subtitled)\n\t*Did you know?*\n\n\t\t\t\tCUT TO:\n\ny')).toEqual([
      'action',
      'character',
      'parenthetical',
      'dialogue',
      'transition',
      'action',
    ]);
  });

  it('an all-caps action line followed by text is a cue by the letter of the spec', () => {
    expect(only('\nTHE BEAST.\nHe brings the catfish up.', 'character').map((c) => c.name)).toEqual(['THE BEAST.']);
  });

  it('@NAME and NAME are one character; zero-width characters and curly apostrophes do not split a name', () => {
    const { script } = parseFountain("INT. A - DAY\n\n@McCLANE\nHi.\n\nMCCLANE\nYo.\n\nJOHN\u200B\nOne.\n\nJOHN (CONT’D)\nTwo.\n\nJOHN (CONT'D)\nThree.");
    expect(script.characters.map((c) => [c.name, c.dialogueCount])).toEqual([
      ['McCLANE', 2],
      ['JOHN', 3],
    ]);
    expect(script.characters[1].aliases).toEqual(['JOHN (CONT’D)', "JOHN (CONT'D)"]);
    expect(script.characters[1].extensions).toEqual(["CONT'D"]);
  });

  it("a (CONT'D) cue is a new speech by the same character", () => {
    const { script } = parseFountain("INT. A - DAY\n\nBOB\nOne.\n\nHe sits.\n\nBOB (CONT'D)\nTwo.");
    expect(script.characters).toHaveLength(1);
    expect(script.characters[0].dialogueCount).toBe(2);
  });

  it('dual dialogue credits both speakers (betterfountain PR 67)', () => {
    const { script } = parseFountain('INT. A - DAY\n\nBRICK\nScrew it.\n\nSTEEL ^\nScrew it.');
    expect(script.characters.map((c) => [c.name, c.dialogueCount])).toEqual([
      ['BRICK', 1],
      ['STEEL', 1],
    ]);
  });

  it('suggests, never merges, look-alike names', () => {
    const { script } = parseFountain("INT. A - DAY\n\nEDWARD\na\n\nYOUNG EDWARD\nb\n\nADULT EDWARD (V.O.)\nc\n\nADAM\nd\n\nADAM'S VOICE\ne\n\nEDWARD AND WILL\nf");
    const by = Object.fromEntries(script.characters.map((c) => [c.name, c.suggestedSameAs]));
    expect(by['EDWARD']).toEqual(['YOUNG EDWARD', 'ADULT EDWARD']);
    expect(by["ADAM'S VOICE"]).toEqual(['ADAM']);
    expect(by['EDWARD AND WILL']).toEqual([]);
    expect(script.characters).toHaveLength(6);
  });

  it('boneyard does not inflate character counts (betterfountain)', () => {
    const { script } = parseFountain('INT. A - DAY\n\nBOB\nHi.\n\n/*\nGHOST\nBoo.\n*/\n\nBOB\nBye.');
    expect(script.characters.map((c) => [c.name, c.dialogueCount])).toEqual([['BOB', 2]]);
  });
});

describe('transitions and centred text', () => {
  it('FADE OUT. is action by the spec; > forces it', () => {
    expect(types('x\n\nFADE OUT.\n\ny')).toEqual(['action', 'action', 'action']);
    expect(only('x\n\n> FADE OUT.\n\ny', 'transition').map((t) => t.text)).toEqual(['FADE OUT.']);
  });

  it('a space after TO: makes the line action', () => {
    expect(only('x\n\nCUT TO: \n\ny', 'transition')).toEqual([]);
  });

  it('any other line ending in a colon is not a transition (Beat issue 153)', () => {
    expect(only('x\n\nINTERCUT WITH:\n\ny', 'transition')).toEqual([]);
    expect(only('x\n\nTITLE OVER:\n\ny', 'transition')).toEqual([]);
  });

  it('!>THE END< is forced action, >THE END< centred', () => {
    expect(only('x\n\n!>THE END<', 'action').map((a) => a.text)).toEqual(['x', '>THE END<']);
    expect(only('x\n\n>THE END<', 'centered').map((a) => a.text)).toEqual(['THE END']);
  });
});

describe('page breaks, notes and boneyard', () => {
  it('=== directly under dialogue is a page break (as Final Draft treats it)', () => {
    expect(types('BOB\nHi.\n===\nINT. A - DAY\n\nx')).toEqual(['character', 'dialogue', 'page-break', 'action', 'action']);
  });

  it('a blank line ends a note unless it is two spaces; an unclosed note is a warning with its line, kept as text', () => {
    const t = tokenizeFountain('Line one.\n\nHe waits [[unfinished thought\n\nNext paragraph.', { fileName: 'n.fountain' });
    expect(t.warnings).toEqual([expect.objectContaining({ code: 'fountain/unclosed-note', severity: 'warning', location: { file: 'n.fountain', line: 3 } })]);
    expect(t.elements.map((e) => e.type === 'action' && e.text)).toEqual(['Line one.', 'He waits [[unfinished thought', 'Next paragraph.']);
  });

  it('an unclosed boneyard is a warning with its line, and the text stays (aw-parser hides the rest of the file)', () => {
    const t = tokenizeFountain('INT. A - DAY\n\nKeep.\n\n/* never closed\n\nBOB\nStill here.', { fileName: 'b.fountain' });
    expect(t.warnings).toEqual([expect.objectContaining({ code: 'fountain/unclosed-boneyard', location: { file: 'b.fountain', line: 5 } })]);
    expect(t.elements.some((e) => e.type === 'character' && e.name === 'BOB')).toBe(true);
  });

  it('boneyard is applied before everything else, even inside a heading line', () => {
    expect(only('x\n\nINT. /* old: OFFICE */ KITCHEN - DAY\n\ny', 'scene-heading').map((h) => h.text)).toEqual(['INT.  KITCHEN - DAY']);
  });
});

describe('emphasis', () => {
  it('never crosses a line break', () => {
    const a = only('*not\nitalic*', 'action')[0];
    expect(a.text).toBe('*not\nitalic*');
    expect(a.runs.some((r) => r.italic)).toBe(false);
  });

  it('follows the Markdown space rules: *69 and *23 is not italic, 2 * 3 * 4 neither', () => {
    expect(only('Dial *69 and *23 now.', 'action')[0].runs).toEqual([{ text: 'Dial *69 and *23 now.' }]);
    expect(only('2 * 3 * 4', 'action')[0].runs).toEqual([{ text: '2 * 3 * 4' }]);
    expect(only('snake_case_name', 'action')[0].runs).toEqual([{ text: 'snake_case_name' }]);
  });

  it('300 KB of unbalanced markers parses, and stays literal (regex parsers take 15–50 s here)', () => {
    const line = '*a **b ***c _d __e '.repeat(20);
    const src = Array.from({ length: 800 }, () => line).join('\n\n');
    expect(src.length).toBeGreaterThan(300_000);
    const t = tokenizeFountain(src);
    expect(t.elements).toHaveLength(800);
    const first = t.elements[0];
    expect(first.type === 'action' && first.text.length).toBe(line.trimEnd().length - 0);
  });
});

describe('what is not printed is not counted', () => {
  it('sections, synopses, notes and boneyard do not change the page model (betterfountain issue 34)', () => {
    const plain = parseFountain('INT. A - DAY\n\nBOB\nHi there.\n\nHe leaves.').script;
    const noisy = parseFountain('# ACT ONE\n\n= A synopsis that is long enough to wrap over several printed lines if it were printed.\n\nINT. A - DAY\n\n[[a note]]\n\nBOB\nHi there.\n\n/* cut\n\nmore cut\n*/\n\nHe leaves.').script;
    expect(noisy.lengthLines).toBe(plain.lengthLines);
    expect(noisy.runtime.minutes).toBe(plain.runtime.minutes);
  });
});

describe('pathological input stays linear', () => {
  // Each of these made a quadratic step somewhere during development or in other parsers. The
  // parse must return (and give the right structure); the fuzz test holds the 1 s hang guard.
  it('a 1 MB word after one early space (page-model wrap)', () => {
    const { script } = parseFountain(`INT. A - DAY\n\na ${'x'.repeat(1_000_000)}`);
    expect(script.scenes[0].lengthLines).toBe(1 + 1 + 1 + Math.ceil(1_000_000 / 60));
  });

  it('an all-caps paragraph of 20,000 words read as a cue', () => {
    const { script } = parseFountain(`INT. A - DAY\n\n${'WORD '.repeat(20_000).trim()}\nspoken.`);
    expect(script.characters).toHaveLength(1);
    expect(script.characters[0].suggestedSameAs).toEqual([]);
  });

  it('100,000 unclosed [[ and /* and ( markers', () => {
    const t = tokenizeFountain(`${'[[ '.repeat(100_000)}\n\n${'( '.repeat(100_000)}\nx\n\n${'/* '.repeat(100_000)}`);
    expect(t.warnings.map((w) => w.code)).toEqual(['fountain/unclosed-boneyard', 'fountain/unclosed-note']);
  });

  it('a dual-dialogue ^ after 50,000 parentheticals', () => {
    const src = `\nA\n${'(beat)\n'.repeat(50_000)}x\n\nB ^\ny`;
    const c = only(src, 'character');
    expect(c.map((x) => x.dual)).toEqual(['left', 'right']);
  });
});
