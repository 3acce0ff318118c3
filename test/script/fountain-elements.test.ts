// Every Fountain 1.1 element, one block each, checked on the element stream (tokenizeFountain)
// and, where it matters, on the Script model.

import { describe, expect, it } from 'vitest';
import { parseFountain, tokenizeFountain, type ScriptElement } from '../../src/script';

const tok = (src: string, opts = {}) => tokenizeFountain(src, opts);
const types = (src: string) => tok(src).elements.map((e) => e.type);
function only<T extends ScriptElement['type']>(src: string, type: T): Extract<ScriptElement, { type: T }>[] {
  return tok(src).elements.filter((e): e is Extract<ScriptElement, { type: T }> => e.type === type);
}

describe('title page', () => {
  const src = [
    'Title:',
    '\t_**BRICK & STEEL**_',
    '\t_**FULL RETIRED**_',
    'credit: Written by',
    'AUTHOR: Stu Maschwitz',
    'Draft date:\t1/27/2012',
    'Contact:',
    '    Next Level Productions',
    '    1588 Mission Dr.',
    'Script Doctor: Jane Roe',
    '',
    'EXT. PATIO - DAY',
    '',
    'Sun.',
  ].join('\n');

  it('reads keys in any case, multi-line indented values, a tab after the colon, and keeps unknown keys', () => {
    const t = tok(src);
    expect(t.titlePage).toEqual([
      { key: 'Title', values: ['BRICK & STEEL', 'FULL RETIRED'] },
      { key: 'credit', values: ['Written by'] },
      { key: 'AUTHOR', values: ['Stu Maschwitz'] },
      { key: 'Draft date', values: ['1/27/2012'] },
      { key: 'Contact', values: ['Next Level Productions', '1588 Mission Dr.'] },
      { key: 'Script Doctor', values: ['Jane Roe'] },
    ]);
    expect(t.elements[0]).toMatchObject({ type: 'scene-heading', text: 'EXT. PATIO - DAY', line: 12 });
  });

  it('fills the model fields from the keys, case-insensitively', () => {
    const { script } = parseFountain(src);
    expect(script.title).toBe('BRICK & STEEL\nFULL RETIRED');
    expect(script.credit).toBe('Written by');
    expect(script.authors).toEqual(['Stu Maschwitz']);
    expect(script.draftDate).toBe('1/27/2012');
    expect(script.contact).toEqual(['Next Level Productions', '1588 Mission Dr.']);
    expect(script.titlePage.map((f) => f.key)).toContain('Script Doctor');
  });

  it('is only at the start: a key-like line later is action, and FADE IN: is not a title page', () => {
    expect(tok('FADE IN:\n\nINT. A - DAY\n\nX.').titlePage).toEqual([]);
    expect(types('FADE IN:\n\nINT. A - DAY\n\nX.')).toEqual(['action', 'scene-heading', 'action']);
    const late = tok('INT. A - DAY\n\nTitle: Not a title\n');
    expect(late.titlePage).toEqual([]);
    expect(late.elements[1]).toMatchObject({ type: 'action', text: 'Title: Not a title' });
  });
});

describe('scene headings', () => {
  it.each([
    ['INT. HOUSE - DAY', 'int'],
    ['EXT. HOUSE - DAY', 'ext'],
    ['EST. CITY - DAWN', 'ext'],
    ['INT./EXT. CAR - NIGHT', 'int/ext'],
    ['INT/EXT CAR - NIGHT', 'int/ext'],
    ['I/E CAR - NIGHT', 'int/ext'],
    ['int. house - day', 'int'],
    ['Ext. House - Day', 'ext'],
    ['INT.  WILL\'S BEDROOM - NIGHT (1973)', 'int'],
    ['INT SCOTT\'S APARTMENT, SAME TIME', 'int'],
  ])('%s', (heading, interior) => {
    const { script } = parseFountain(`${heading}\n\nAction.`);
    expect(script.scenes).toHaveLength(1);
    expect(script.scenes[0].interior).toBe(interior);
  });

  it('is forced by a single leading dot followed by a letter or digit', () => {
    const h = only('.THE FINGER\n\nclicks off.\n\n.4TH FLOOR\n\nx', 'scene-heading');
    expect(h.map((x) => [x.text, x.forced])).toEqual([
      ['THE FINGER', true],
      ['4TH FLOOR', true],
    ]);
  });

  it('takes scene numbers #1#, #1A#, #I-1-A#, #1.# and #110A#', () => {
    const src = ['INT. A - DAY #1#', 'EXT. B - NIGHT #1A#', 'INT. C - DAY #I-1-A#', 'INT. D - DAY #1.#', '.E #110A#']
      .map((h) => `${h}\n\nx.`)
      .join('\n\n');
    const h = only(src, 'scene-heading');
    expect(h.map((x) => [x.text, x.sceneNumber])).toEqual([
      ['INT. A - DAY', '1'],
      ['EXT. B - NIGHT', '1A'],
      ['INT. C - DAY', 'I-1-A'],
      ['INT. D - DAY', '1.'],
      ['E', '110A'],
    ]);
    const { script } = parseFountain(src);
    expect(script.scenes.map((s) => s.number)).toEqual(['1', '1A', 'I-1-A', '1.', '110A']);
    expect(script.scenes.every((s) => s.numbered)).toBe(true);
  });
});

describe('action', () => {
  it('is the default, keeps line breaks and leading tabs/spaces', () => {
    const a = only('INT. A - DAY\n\n\tIndented with a tab\n    and four spaces\nplain', 'action');
    expect(a).toHaveLength(1);
    expect(a[0].text).toBe('\tIndented with a tab\n    and four spaces\nplain');
  });

  it('is forced with ! (and the ! is removed)', () => {
    const a = only('!SCANNING THE AISLES...\nWhere is the pitchfork?', 'action');
    expect(a).toHaveLength(1);
    expect(a[0]).toMatchObject({ text: 'SCANNING THE AISLES...\nWhere is the pitchfork?', forced: true });
    expect(types('!SCANNING THE AISLES...\nWhere is the pitchfork?')).toEqual(['action']);
  });
});

describe('character cues', () => {
  it('needs a blank line before, text after, and all caps', () => {
    expect(types('\nSTEEL\nBeer\'s ready!')).toEqual(['character', 'dialogue']);
    expect(types('Action.\nSTEEL\nBeer\'s ready!')).toEqual(['action']);
    expect(types('\nSTEEL\n\nBeer.')).toEqual(['action', 'action']);
  });

  it('is forced with @ (mixed case and CJK)', () => {
    const c = only('@McCLANE\nYippie ki-yay!\n\n@王小明\n你好。', 'character');
    expect(c.map((x) => [x.name, x.forced])).toEqual([
      ['McCLANE', true],
      ['王小明', true],
    ]);
    expect(types('McCLANE\nYippie ki-yay!')).toEqual(['action']);
    expect(types('王小明\n你好。')).toEqual(['action']);
  });

  it('takes extensions in any case and strips them from the name', () => {
    const src = [
      "EDWARD (V.O.)(CONT'D)",
      'a',
      '',
      "MOM(O.S.)",
      'b',
      '',
      "HANK (cont'd)",
      'c',
      '',
      'ANNA (on the radio)',
      'd',
      '',
      'EDWARD (O.S., PRELAP)',
      'e',
      '',
      'BOB  (CONT’D)  ',
      'f',
      '',
      'EDWARD (V.0.)',
      'g',
    ].join('\n');
    const c = only(src, 'character');
    expect(c.map((x) => [x.name, x.extensions])).toEqual([
      ['EDWARD', ['V.O.', "CONT'D"]],
      ['MOM', ['O.S.']],
      ['HANK', ["CONT'D"]],
      ['ANNA', ['ON THE RADIO']],
      ['EDWARD', ['O.S.', 'PRELAP']],
      ['BOB', ["CONT'D"]],
      ['EDWARD', ['V.O.']],
    ]);
  });

  it('follows Unicode upper case (É Ł Ø Greek Cyrillic dotted İ) and needs at least one letter', () => {
    const names = ['ÉLODIE', 'ŁUKASZ', 'ØYVIND', 'ΓΙΑΝΝΗΣ', 'ИВАН', 'İLKER', 'R2D2', "ADAM'S VOICE", 'TEX & GIDEON'];
    const src = names.map((n) => `${n}\nHello.`).join('\n\n');
    expect(only(src, 'character').map((c) => c.name)).toEqual(names);
    expect(types('23\nHello.')).toEqual(['action']);
    expect(types('Élodie\nHello.')).toEqual(['action']);
    expect(types('ИВан\nHello.')).toEqual(['action']);
  });

  it('marks dual dialogue: ^ on the second cue, spaces allowed', () => {
    const c = only('BRICK\nScrew retirement.\n\nSTEEL ^\nScrew retirement.\n\nDAN\nHi.', 'character');
    expect(c.map((x) => [x.name, x.dual])).toEqual([
      ['BRICK', 'left'],
      ['STEEL', 'right'],
      ['DAN', null],
    ]);
    const { script } = parseFountain('INT. A - DAY\n\nBRICK\nScrew retirement.\n\nSTEEL^\nScrew retirement.');
    const d = script.scenes[0].elements.filter((e) => e.kind === 'dialogue');
    expect(d.map((x) => x.kind === 'dialogue' && x.dual)).toEqual(['left', 'right']);
  });
});

describe('dialogue and parentheticals', () => {
  it('reads dialogue lines and parentheticals, also in the middle of a speech', () => {
    const src = 'INT. A - DAY\n\nSTEEL\n(beer raised)\nTo retirement.\nAnd beyond.\n(pause)\nCheers.';
    expect(types(src)).toEqual(['scene-heading', 'character', 'parenthetical', 'dialogue', 'parenthetical', 'dialogue']);
    const { script } = parseFountain(src);
    const d = script.scenes[0].elements[0];
    expect(d).toMatchObject({
      kind: 'dialogue',
      character: 'STEEL',
      parenthetical: '(beer raised)',
      text: 'To retirement.\nAnd beyond.\nCheers.',
      parts: [
        { kind: 'parenthetical', text: '(beer raised)' },
        { kind: 'dialogue', text: 'To retirement.\nAnd beyond.' },
        { kind: 'parenthetical', text: '(pause)' },
        { kind: 'dialogue', text: 'Cheers.' },
      ],
    });
  });

  it('accepts a cue followed only by a parenthetical', () => {
    expect(types('\nBOB\n(beat)\n\nLater.')).toEqual(['character', 'parenthetical', 'action']);
  });

  it('ends a speech at a blank line but not at a line of exactly two spaces', () => {
    const d = only('DEALER\nTen.\nFour.\n  \nDealer gets a seven.\n\nAction.', 'dialogue');
    expect(d).toHaveLength(1);
    expect(d[0].text).toBe('Ten.\nFour.\n\nDealer gets a seven.');
  });
});

describe('lyrics', () => {
  it('~ marks lyrics, inside dialogue and on their own', () => {
    const src = 'INT. BAR - NIGHT\n\nPING\n~Sometimes a girl\n~can feel so alone\n\n~Willy Wonka! Willy Wonka!';
    expect(types(src)).toEqual(['scene-heading', 'character', 'lyrics', 'lyrics', 'lyrics']);
    const { script } = parseFountain(src);
    const [speech, standalone] = script.scenes[0].elements;
    expect(speech).toMatchObject({ kind: 'dialogue', text: 'Sometimes a girl\ncan feel so alone', parts: [{ kind: 'lyrics' }, { kind: 'lyrics' }] });
    expect(standalone).toMatchObject({ kind: 'lyrics', text: 'Willy Wonka! Willy Wonka!' });
  });
});

describe('transitions', () => {
  it('upper case, ending in TO:, blank line before and after', () => {
    expect(only('Action.\n\nCUT TO:\n\nINT. A - DAY\n\nx', 'transition').map((t) => [t.text, t.forced])).toEqual([['CUT TO:', false]]);
    expect(only('x\n\n\t\t\t\tSMASH CUT TO:\n\ny', 'transition').map((t) => t.text)).toEqual(['SMASH CUT TO:']);
  });

  it('is forced with >', () => {
    expect(only('x\n\n> Burn to White.\n\ny', 'transition').map((t) => [t.text, t.forced])).toEqual([['Burn to White.', true]]);
  });

  it('is action without the blank line after, or in lower case, or with FADE OUT.', () => {
    expect(only('x\n\nCUT TO:\nINT. A - DAY', 'transition')).toEqual([]);
    expect(only('x\n\nCut to:\n\ny', 'transition')).toEqual([]);
    expect(only('x\n\nFADE OUT.\n\ny', 'transition')).toEqual([]);
  });
});

describe('centred text, page breaks, notes, boneyard, sections, synopses', () => {
  it('> x < centres; consecutive lines form one block', () => {
    const c = only('> BRICK BRADDOCK <\n> & DICK STEEL IN <\n\n>THE END<', 'centered');
    expect(c.map((x) => x.text)).toEqual(['BRICK BRADDOCK\n& DICK STEEL IN', 'THE END']);
  });

  it('=== is a page break and starts a new page in the model', () => {
    expect(types('a\n\n===\n\nb')).toEqual(['action', 'page-break', 'action']);
    const { script } = parseFountain('INT. A - DAY\n\na\n\n===\n\nINT. B - DAY\n\nb');
    expect(script.scenes.map((s) => s.startPage)).toEqual([1, 2]);
  });

  it('[[notes]] are lifted out, inline or spanning lines held by a two-space line', () => {
    const src = 'His hand is an inch from the receiver.[[This section needs work.\nEither that, or I need coffee.\n  \nDefinitely coffee.]] He looks around.\n\n[[A note on its own line]]\n\nINT. KITCHEN - DAY [[heading note]]\n\nx';
    const t = tok(src);
    expect(t.elements.filter((e) => e.type === 'note').map((e) => e.type === 'note' && e.text)).toEqual([
      'This section needs work.\nEither that, or I need coffee.\n\nDefinitely coffee.',
      'A note on its own line',
      'heading note',
    ]);
    expect(t.elements[0]).toMatchObject({ type: 'action', text: 'His hand is an inch from the receiver. He looks around.', line: 1 });
    expect(t.elements.find((e) => e.type === 'scene-heading')).toMatchObject({ text: 'INT. KITCHEN - DAY', line: 8 });
    const { script } = parseFountain(src);
    expect(script.scenes[0].notes).toEqual(['heading note']);
  });

  it('/* boneyard */ is removed first, across lines, keeping source lines for what follows', () => {
    const src = 'INT. A - DAY\n\nKept. /* hidden\n\nINT. HIDDEN - NIGHT\n\n */ Also kept.\n\nBOB\nHi.';
    const t = tok(src);
    expect(t.elements.map((e) => e.type)).toEqual(['scene-heading', 'action', 'character', 'dialogue']);
    expect(t.elements[1]).toMatchObject({ text: 'Kept.  Also kept.', line: 3 });
    expect(t.elements[2]).toMatchObject({ name: 'BOB', line: 9 });
  });

  it('# sections (with depth) and = synopses', () => {
    const t = tok('# ACT I\n\n## Meet Scott ##\n\n= Two hit men.\n\nINT. A - DAY\n\nx');
    expect(t.elements.slice(0, 3)).toEqual([
      { type: 'section', depth: 1, text: 'ACT I', line: 1 },
      { type: 'section', depth: 2, text: 'Meet Scott', line: 3 },
      { type: 'synopsis', text: 'Two hit men.', line: 5 },
    ]);
    const { script } = parseFountain('# ACT I\n\n## Meet Scott\n\n= Two hit men.\n\nINT. A - DAY\n\nx');
    expect(script.scenes[0].sections).toEqual(['ACT I', 'Meet Scott']);
    expect(script.scenes[0].synopses).toEqual(['Two hit men.']);
  });
});

describe('emphasis', () => {
  it('*italic*, **bold**, ***bold italic***, _underline_ and \\* escapes, in action and dialogue', () => {
    const a = only('INT. A - DAY\n\n*i* **b** ***bi*** _u_ \\*lit\\* _**BRICK**_', 'action')[0];
    expect(a.text).toBe('i b bi u *lit* BRICK');
    expect(a.runs).toEqual([
      { text: 'i', italic: true },
      { text: ' ' },
      { text: 'b', bold: true },
      { text: ' ' },
      { text: 'bi', bold: true, italic: true },
      { text: ' ' },
      { text: 'u', underline: true },
      { text: ' *lit* ' },
      { text: 'BRICK', bold: true, underline: true },
    ]);
    const d = only('\nJACK\n*Did you know?*', 'dialogue')[0];
    expect(d.runs).toEqual([{ text: 'Did you know?', italic: true }]);
  });
});
