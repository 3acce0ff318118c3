// The script analyses the shot list, the style director and codegen stand on: props named in the
// action, blocking verbs, dialogue exchanges, speech splitting, mood, era and genre.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFountain, type Dialogue } from '../../src/script';
import {
  characterIntros, dialogueExchanges, eraIn, findActions, findProps, MAX_LINE_SECONDS, onScreen, sceneMood, scriptEras, scriptGenre, sentences, speechLines,
} from '../../src/script/analysis';
import { estimateLineSeconds } from '../../src/plan/timing';

const fixtures = path.join(import.meta.dirname, '../fixtures/scripts');
const read = (f: string) => parseFountain(fs.readFileSync(path.join(fixtures, f)), { fileName: f }).script;

function speech(character: string, text: string, extensions: string[] = [], parts?: Dialogue['parts']): Dialogue {
  return { kind: 'dialogue', character, cue: character, extensions, parenthetical: null, text, parts: parts ?? [{ kind: 'dialogue', text, line: 1 }], dual: null, line: 1 };
}

describe('props named in the action', () => {
  it('finds nouns behind a determiner, with adjectives between, in order of mention', () => {
    const found = findProps('She sets a chipped coffee mug on the table, then slides two letters and his keys across.');
    expect(found.map((p) => p.spec.name)).toEqual(['mug', 'letter', 'keys']);
    expect(found[0].text).toBe('coffee mug');
    expect(found[0].spec.kind).toBe('mug');
  });

  it('does not read verbs that share a spelling as props', () => {
    expect(findProps('They watch the sea.')).toEqual([]);
    expect(findProps('The phone rings.').map((p) => p.spec.name)).toEqual(['phone']);
    expect(findProps('She books a flight and notes the time.')).toEqual([]);
  });

  it('skips character names (ROSE is not a flower)', () => {
    expect(findProps('The rose wilts.', new Set(['rose']))).toEqual([]);
    expect(findProps('The rose wilts.').map((p) => p.spec.name)).toEqual([]);
    expect(findProps('A rose in a vase.').map((p) => p.spec.name)).toEqual(['vase']);
  });
});

describe('blocking verbs', () => {
  const names = ['MAYA', 'LEO'];
  it('reads entrances, crosses, sitting and gestures, with pronouns carried over', () => {
    const { events } = findActions('MAYA enters, soaked. She crosses to the window. Leo shrugs and sits down.', names);
    expect(events.map((e) => [e.kind, e.who, e.toward ?? e.gesture ?? ''])).toEqual([
      ['enter', 'MAYA', ''],
      ['cross', 'MAYA', 'window'],
      ['gesture', 'LEO', 'shrug'],
      ['sit', 'LEO', ''],
    ]);
  });

  it('reads "crosses her arms" as a gesture, not a cross, and "points at" with its target', () => {
    const { events } = findActions('Maya crosses her arms. Leo points at Maya.', names);
    expect(events.map((e) => [e.kind, e.gesture, e.toward])).toEqual([
      ['gesture', 'cross-arms', undefined],
      ['gesture', 'point', 'MAYA'],
    ]);
  });

  it('keeps the subject across paragraphs', () => {
    const first = findActions('LEO waits.', names);
    const second = findActions('He nods.', names, first.lastSubject);
    expect(second.events).toEqual([{ kind: 'gesture', who: 'LEO', gesture: 'nod', sentence: 'He nods.' }]);
  });

  it('splits sentences but not at titles', () => {
    expect(sentences('Mr. Smith waits. Dr. No arrives! Then... silence')).toEqual(['Mr. Smith waits.', 'Dr. No arrives!', 'Then...', 'silence']);
  });
});

describe('dialogue exchanges and performable lines', () => {
  it('groups speeches into exchanges between two people; a third voice starts a new one', () => {
    const s = [speech('A', 'x'), speech('B', 'x'), speech('A', 'x'), speech('C', 'x'), speech('A', 'x'), speech('C', 'x')];
    expect(dialogueExchanges(s)).toEqual([
      { speakers: ['A', 'B'], speeches: [0, 1, 2] },
      { speakers: ['C', 'A'], speeches: [3, 4, 5] },
    ]);
  });

  it('leaves off-screen voices out of the exchanges', () => {
    const s = [speech('A', 'x'), speech('NARRATOR', 'x', ['V.O.']), speech('B', 'x'), speech('MOM', 'x', ['O.S.'])];
    expect(onScreen(s[1])).toBe(false);
    expect(onScreen(s[3])).toBe(false);
    expect(dialogueExchanges(s)).toEqual([{ speakers: ['A', 'B'], speeches: [0, 2] }]);
  });

  it('a monologue is an exchange of one', () => {
    expect(dialogueExchanges([speech('A', 'x'), speech('A', 'y')])).toEqual([{ speakers: ['A'], speeches: [0, 1] }]);
  });

  it('splits long speeches at sentences, then clauses, so no line runs past the limit', () => {
    const long =
      'I walked from Halsey Street, past the bakery, past the school, past the river where we used to swim when we were kids and nobody cared how late it was. It rained the whole way. I did not mind.';
    const lines = speechLines(speech('A', long));
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect(estimateLineSeconds(l.text)).toBeLessThanOrEqual(MAX_LINE_SECONDS + 1e-9);
    expect(lines.map((l) => l.text).join(' ')).toBe(long);
  });

  it('a parenthetical in the middle of a speech directs the line after it', () => {
    const d = speech('A', '', [], [
      { kind: 'parenthetical', text: '(quietly)', line: 3 },
      { kind: 'dialogue', text: 'Come here.', line: 4 },
      { kind: 'parenthetical', text: '(beat)', line: 5 },
      { kind: 'dialogue', text: 'Now.', line: 6 },
    ]);
    expect(speechLines(d).map((l) => [l.text, l.parenthetical])).toEqual([
      ['Come here.', 'quietly'],
      ['Now.', 'beat'],
    ]);
  });
});

describe('characters, mood, era, genre', () => {
  it('reads ages, presentation and wardrobe from the introductions', () => {
    const intros = characterIntros(read('The-Last-Train.fountain'));
    expect(intros.get('LEO')).toMatchObject({ age: 45, presentation: 'masc', wardrobe: ['sweater'] });
    expect(intros.get('MAYA')!.age).toBe(35);
    expect(intros.get('MAYA')!.wardrobe).toContain('jacket');
    expect(intros.get('ROSA')!.age).toBe(65);
  });

  it('scores a scene mood from its words, never from character names', () => {
    const script = read('The-Last-Train.fountain');
    expect(sceneMood(script.scenes[2]).mood).toBe('warm');
    const steel = read('Brick-and-Steel.fountain');
    // STEEL is a character: the word must not make every scene "cold".
    const moods = steel.scenes.map((s) => sceneMood(s, new Set(['steel', 'brick'])).mood);
    expect(moods.filter((m) => m === 'cold').length).toBeLessThanOrEqual(1);
  });

  it('finds eras in headings and carries them through the scenes that follow', () => {
    expect(eraIn('INT. WILL\'S BEDROOM - NIGHT (1973)')).toBe('1970s');
    expect(eraIn('the fifties')).toBe('1950s');
    expect(eraIn("'80s")).toBe('1980s');
    expect(eraIn('INT. OFFICE - DAY')).toBeUndefined();
    const eras = scriptEras(read('Big-Fish.fountain'));
    expect(eras.scenes['1']).toBe('1970s');
    expect(eras.scenes['4']).toBe('1990s');
  });

  it('calls a script with no genre words a drama', () => {
    expect(scriptGenre(read('The-Last-Train.fountain')).genre).toBe('drama');
  });
});
