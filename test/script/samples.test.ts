// The Fountain project's own samples — the de facto conformance set. Expected numbers were derived
// by reading the scripts (and cross-checked with a separate line-by-line count): a heading is a
// prefixed line or a forced `.` line with blank lines around it; a speaking character is a cue
// name with its extensions removed.
//
// Sources: Brick & Steel from the afterwriting npm package (samples/, CRLF line endings as
// published); The Last Birthday Card and Big Fish from screenplain's examples/.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ElementStreamSchema, ScriptSchema, loadScript, parseFdxXml, tokenizeFountain, type Script } from '../../src/script';

const dir = path.join(import.meta.dirname, '../fixtures/scripts');

function speakers(script: Script): Record<string, number> {
  return Object.fromEntries(script.characters.map((c) => [c.name, c.dialogueCount]));
}

describe('Brick & Steel', async () => {
  const file = path.join(dir, 'Brick-and-Steel.fountain');
  const { script, warnings } = await loadScript(file);

  it('is read with its CRLF line endings', () => {
    expect(fs.readFileSync(file, 'latin1')).toContain('\r\n');
    expect(warnings).toEqual([]);
    expect(ScriptSchema.parse(script)).toEqual(script);
  });

  it('has 8 scene headings, 2 of them forced', () => {
    expect(script.scenes.map((s) => s.heading)).toEqual([
      "EXT. BRICK'S PATIO - DAY",
      'INT. TRAILER HOME - DAY',
      "EXT. BRICK'S POOL - DAY",
      'SNIPER SCOPE POV',
      'OPENING TITLES',
      'EXT. WOODEN SHACK - DAY',
      'INT. GARAGE - DAY',
      'EXT. PALATIAL MANSION - DAY',
    ]);
    expect(script.scenes.filter((s) => s.forced)).toHaveLength(2);
  });

  it('has 7 speaking characters', () => {
    expect(speakers(script)).toEqual({ STEEL: 9, BRICK: 4, JACK: 1, DAN: 1, COGNITO: 3, MINION: 1, 'HANDSOME MAN': 1 });
  });

  it('reads the title page', () => {
    expect(script.title).toBe('BRICK & STEEL\nFULL RETIRED');
    expect(script.authors).toEqual(['Stu Maschwitz']);
    expect(script.source).toBe('Story by KTM');
    expect(script.contact).toEqual(['Next Level Productions', '1588 Mission Dr.', 'Solvang, CA 93463']);
  });

  it('keeps the dual dialogue and the indented speech', () => {
    const patio = script.scenes[0].elements.filter((e) => e.kind === 'dialogue');
    expect(patio.slice(-2).map((d) => d.kind === 'dialogue' && [d.character, d.dual])).toEqual([
      ['STEEL', 'left'],
      ['BRICK', 'right'],
    ]);
    const jack = script.scenes[1].elements.find((e) => e.kind === 'dialogue');
    expect(jack).toMatchObject({ character: 'JACK', parenthetical: '(in Vietnamese, subtitled)', text: 'Did you know Brick and Steel are retired?' });
  });
});

describe('The Last Birthday Card', async () => {
  const { script, warnings } = await loadScript(path.join(dir, 'The-Last-Birthday-Card.fountain'));

  it('has 48 scene headings: 25 prefixed, 23 forced', () => {
    expect(warnings).toEqual([]);
    expect(script.scenes).toHaveLength(48);
    expect(script.scenes.filter((s) => s.forced)).toHaveLength(23);
    expect(script.scenes[0]).toMatchObject({ heading: 'INT. SAN FRANCISCO APARTMENT, DAY', location: 'SAN FRANCISCO APARTMENT', timeOfDay: 'DAY' });
    expect(script.scenes[14]).toMatchObject({ heading: "INT SCOTT'S APARTMENT, SAME TIME", interior: 'int', timeOfDay: 'SAME TIME' });
  });

  it('has 12 speaking characters', () => {
    expect(speakers(script)).toEqual({
      BAXTER: 25,
      SCOTT: 61,
      NAK: 15,
      WOMAN: 2,
      BILLUPS: 4,
      NANCY: 3,
      'ART GIRL': 8,
      VOICE: 2,
      NEWSCASTER: 1,
      'THE BOSS': 8,
      'SOPHISTICATED WOMAN': 4,
      'MALE VOICE': 1,
    });
    expect(script.characters.find((c) => c.name === 'THE BOSS')?.aliases).toEqual(['THE BOSS (O.S.)']);
  });

  it('files scenes under their sections and synopses; the forced transition before the first heading is the opening', () => {
    expect(script.opening?.elements).toEqual([{ kind: 'transition', text: 'HERE WE GO:', line: 14 }]);
    expect(script.opening?.synopses).toEqual(['Meet the players and set up the world. Two hit men with very different lives.']);
    expect(script.scenes[0].sections).toEqual(['ACT I', 'Meet Scott', "Scott's SF Apartment"]);
    expect(script.scenes[0].synopses).toEqual(['And his friend Baxter.']);
  });
});

describe('Big Fish', async () => {
  const { script, warnings } = await loadScript(path.join(dir, 'Big-Fish.fountain'));

  it('has 192 scene headings (190 by the 1.1 prefix list, plus two EXT/INT. headings kino accepts)', () => {
    expect(warnings).toEqual([]);
    expect(script.scenes).toHaveLength(192);
    expect(script.scenes.filter((s) => s.heading?.startsWith('EXT/INT.')).map((s) => [s.location, s.interior])).toEqual([
      ['SORORITY HOUSE - THE DOORWAY', 'int/ext'],
      ['SWAMP SHACK', 'int/ext'],
    ]);
    expect(script.scenes.filter((s) => s.forced)).toHaveLength(0);
  });

  it('opens with material before the first heading (the river, The Beast)', () => {
    expect(script.opening).not.toBeNull();
    expect(script.opening!.number).toBe('0');
    expect(script.opening!.characters).toEqual(['EDWARD']);
    expect(script.scenes[0]).toMatchObject({ heading: "INT.  WILL'S BEDROOM - NIGHT (1973)", location: "WILL'S BEDROOM", timeOfDay: 'NIGHT (1973)' });
  });

  it('has 48 speaking characters', () => {
    expect(speakers(script)).toEqual({
      EDWARD: 293,
      'LITTLE BRAVE': 1,
      WILL: 141,
      "WILL'S DATE": 1,
      'EDWARD AND WILL': 1,
      SANDRA: 59,
      'YOUNG DR. BENNETT': 2,
      JOSEPHINE: 46,
      ZACKY: 5,
      'DON PRICE': 14,
      'WILBUR FREELY': 4,
      RUTHIE: 2,
      'ADULT EDWARD': 3,
      'DR. BENNETT': 15,
      'YOUNG WILL': 2,
      'YOUNG EDWARD': 1,
      GIRL: 1,
      SHARECROPPER: 1,
      'LITTLE GIRL': 1,
      'HOT-BLOODED SHOTGUN TOTER': 1,
      MAYOR: 3,
      'SOME FARMER': 1,
      SHEPHARD: 1,
      'A VOICE': 1,
      VOICE: 1,
      KARL: 13,
      'VARIOUS TOWNFOLK': 1,
      "MAN'S VOICE": 1,
      BEAMEN: 14,
      MILDRED: 5,
      'NORTHER WINSLOW': 16,
      "A GIRL'S VOICE": 1,
      JENNY: 58,
      'A DEEP VOICE': 1,
      CASHIER: 1,
      AMOS: 25,
      "A MAN'S VOICE": 1,
      'JUMP LEADER': 1,
      PING: 12,
      JING: 5,
      'THE MAN': 1,
      'TELLER WOMAN': 3,
      "WOMAN'S VOICE": 1,
      STUDENT: 1,
      NURSE: 1,
      'THE CROWD': 1,
      SON: 3,
      KID: 1,
    });
  });

  it("normalises EDWARD's many cues and suggests his younger selves", () => {
    const edward = script.characters.find((c) => c.name === 'EDWARD')!;
    expect(edward.extensions).toEqual(['V.O.', "CONT'D", 'O.S.', 'PRELAP']);
    expect(edward.aliases).toContain('EDWARD (V.0.)');
    expect(edward.aliases).toContain('EDWARD (O.S., PRELAP)');
    expect(edward.firstScene).toBe('0');
    expect(edward.suggestedSameAs).toEqual(['ADULT EDWARD', 'YOUNG EDWARD']);
    const will = script.characters.find((c) => c.name === 'WILL')!;
    expect(will.aliases).toContain('WILL (ON PHONE)');
  });

  it('is feature length with a full beat sheet', () => {
    expect(script.pages).toBeGreaterThan(110);
    expect(script.pages).toBeLessThan(135);
    expect(script.runtime.minutes).toBeGreaterThan(100);
    expect(script.beatSheet).toHaveLength(15);
    expect(script.beatSheet.map((b) => b.name)).toEqual([
      'Opening Image', 'Theme Stated', 'Set-Up', 'Catalyst', 'Debate', 'Break into Two', 'B Story', 'Fun and Games',
      'Midpoint', 'Bad Guys Close In', 'All Is Lost', 'Dark Night of the Soul', 'Break into Three', 'Finale', 'Final Image',
    ]);
    const mid = script.beatSheet.find((b) => b.name === 'Midpoint')!;
    expect(mid.startPage).toBe(Math.floor((script.lengthLines * 0.5) / 55) + 1);
    expect(script.beatSheet.at(-1)!.scenes.at(-1)).toBe(script.scenes.at(-1)!.number);
  });
});

describe('element stream', () => {
  it('is schema-valid for every sample, in both formats, with source lines', () => {
    for (const f of ['Brick-and-Steel.fountain', 'The-Last-Birthday-Card.fountain', 'Big-Fish.fountain']) {
      const tokens = tokenizeFountain(fs.readFileSync(path.join(dir, f), 'utf8'), { fileName: f });
      const { warnings: _w, ...stream } = tokens;
      expect(ElementStreamSchema.parse(stream)).toEqual(stream);
      const lines = tokens.elements.map((e) => e.line);
      expect(lines).toEqual([...lines].sort((a, b) => a - b));
    }
    const fdx = parseFdxXml(fs.readFileSync(path.join(dir, 'Brick-and-Steel.fdx'), 'utf8'));
    const { warnings: _fw, ...fdxStream } = fdx;
    expect(ElementStreamSchema.parse(fdxStream)).toEqual(fdxStream);
  });
});
