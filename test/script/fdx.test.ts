// Final Draft .fdx: the twin of Brick & Steel gives the same facts as the Fountain original; FDX
// structure (split runs, dual dialogue, SceneProperties, title page) is read; unsafe or broken
// XML is refused with a clear error and its line, and entities are never expanded.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isKinoError, type KinoError } from '../../src/doc/errors';
import { ScriptSchema, loadScript, parseFdx, parseScript, type Script } from '../../src/script';

const dir = path.join(import.meta.dirname, '../fixtures/scripts');
const FDX = path.join(dir, 'Brick-and-Steel.fdx');

function fdx(body: string, title = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="no" ?>\n<FinalDraft DocumentType="Script" Template="No" Version="5">\n<Content>\n${body}\n</Content>${title}\n</FinalDraft>\n`;
}

function thrown(fn: () => unknown): KinoError {
  try {
    fn();
  } catch (e) {
    if (isKinoError(e)) return e;
    throw new Error(`expected a KinoError, got ${String(e)}`);
  }
  throw new Error('expected a KinoError, nothing was thrown');
}

/** The facts a twin must share: everything but source lines, syntax flags and page estimates. */
function facts(script: Script) {
  return JSON.parse(
    JSON.stringify(
      {
        title: script.title,
        credit: script.credit,
        authors: script.authors,
        source: script.source,
        draftDate: script.draftDate,
        contact: script.contact,
        scenes: script.scenes.map((s) => ({
          number: s.number,
          heading: s.heading,
          interior: s.interior,
          location: s.location,
          timeOfDay: s.timeOfDay,
          characters: s.characters,
          elements: s.elements,
        })),
        characters: script.characters,
        locations: script.locations,
      },
      (k, v) => (k === 'line' ? undefined : v),
    ),
  );
}

describe('FDX twin of Brick & Steel', async () => {
  const fountain = await loadScript(path.join(dir, 'Brick-and-Steel.fountain'));
  const final = await loadScript(FDX);

  it('parses without warnings into a valid Script', () => {
    expect(final.warnings).toEqual([]);
    expect(final.script.format).toBe('fdx');
    expect(ScriptSchema.parse(final.script)).toEqual(final.script);
  });

  it('gives the same facts as its Fountain twin', () => {
    expect(facts(final.script)).toEqual(facts(fountain.script));
    expect(final.script.scenes).toHaveLength(8);
    expect(final.script.characters.map((c) => c.name)).toEqual(['STEEL', 'BRICK', 'JACK', 'DAN', 'COGNITO', 'MINION', 'HANDSOME MAN']);
  });

  it('joins split runs, resolves entities and upper-cases AllCaps runs', () => {
    expect(final.script.scenes[0].heading).toBe("EXT. BRICK'S PATIO - DAY");
    expect(final.script.scenes[1].elements.find((e) => e.kind === 'dialogue')).toMatchObject({ character: 'JACK', cue: 'JACK' });
    const scope = final.script.scenes[3].elements[0];
    expect(scope).toMatchObject({ kind: 'action', text: "From what seems like only INCHES AWAY.  Steel's face FILLS the Leupold Mark 4 scope." });
    expect(scope.kind === 'action' && scope.runs.find((r) => r.italic)).toEqual({ text: 'Leupold Mark 4', italic: true, underline: true });
  });

  it("uses Final Draft's own SceneProperties lengths and pages where present", () => {
    const s = final.script.scenes;
    expect([s[0].lengthEighths, s[0].lengthSource, s[0].startPage]).toEqual([5, 'fdx', 1]);
    expect([s[5].lengthEighths, s[5].lengthSource]).toEqual([4, 'fdx']);
    // Empty Length="" falls back to the estimate.
    expect(s[2].lengthSource).toBe('estimated');
    expect(s[2].lengthEighths).toBe(fountain.script.scenes[2].lengthEighths);
  });

  it('keeps summaries, script notes and SmartType names out of the script', () => {
    const all = JSON.stringify(final.script);
    expect(all).not.toContain('SUMMARY TEXT');
    expect(all).not.toContain('SCRIPT NOTE TEXT');
    expect(final.script.characters.map((c) => c.name)).not.toContain('THE BOY BAND');
  });

  it('reads the positional title page (and not the "." page-number placeholder)', () => {
    expect(final.script.title).toBe('BRICK & STEEL\nFULL RETIRED');
    expect(final.script.titlePage.map((f) => f.key)).toEqual(['Title', 'Credit', 'Author', 'Source', 'Contact', 'Draft date']);
  });
});

describe('FDX structure', () => {
  it('reads a DualDialogue placed directly in Content, and StartsNewPage as a page break', () => {
    const { script } = parseFdx(
      fdx(`<Paragraph Type="Scene Heading"><Text>INT. GALLEY - NIGHT</Text></Paragraph>
<DualDialogue>
  <Paragraph Type="Character"><Text>KIM (CONT'D)</Text></Paragraph>
  <Paragraph Type="Dialogue"><Text>Now.</Text></Paragraph>
  <Paragraph Type="Character"><Text>VERNON</Text></Paragraph>
  <Paragraph Type="Parenthetical"><Text>quietly</Text></Paragraph>
  <Paragraph Type="Dialogue"><Text>Now.</Text></Paragraph>
</DualDialogue>
<Paragraph Type="Scene Heading" StartsNewPage="Yes"><Text>EXT. DECK - NIGHT</Text></Paragraph>
<Paragraph Type="Action"><Text>Waves.</Text></Paragraph>`),
    );
    const speeches = script.scenes[0].elements;
    expect(speeches.map((d) => d.kind === 'dialogue' && [d.character, d.dual, d.parenthetical])).toEqual([
      ['KIM', 'left', null],
      ['VERNON', 'right', '(quietly)'],
    ]);
    expect(script.scenes.map((s) => s.startPage)).toEqual([1, 2]);
  });

  it('maps Shot, General, Lyrics and outline paragraphs; warns once about an unknown type', () => {
    const { script, warnings } = parseFdx(
      fdx(`<Paragraph Type="Outline 1"><Text>ACT ONE</Text></Paragraph>
<Paragraph Type="Scene Heading" Number="12A"><Text>INT. BAR - NIGHT</Text></Paragraph>
<Paragraph Type="Shot"><Text>CLOSE ON THE GLASS</Text></Paragraph>
<Paragraph Type="General"><Text>A general line.</Text></Paragraph>
<Paragraph Type="Character"><Text>PING</Text></Paragraph>
<Paragraph Type="Lyrics"><Text>Sometimes a girl</Text></Paragraph>
<Paragraph Type="Custom Thing"><Text>one</Text></Paragraph>
<Paragraph Type="Custom Thing"><Text>two</Text></Paragraph>`),
      { fileName: 'odd.fdx' },
    );
    const s = script.scenes[0];
    expect(s.number).toBe('12A');
    expect(s.numbered).toBe(true);
    expect(s.sections).toEqual(['ACT ONE']);
    expect(s.elements.map((e) => [e.kind, e.text])).toEqual([
      ['action', 'CLOSE ON THE GLASS'],
      ['action', 'A general line.'],
      ['dialogue', 'Sometimes a girl'],
      ['action', 'one'],
      ['action', 'two'],
    ]);
    expect(warnings).toEqual([expect.objectContaining({ code: 'fdx/unknown-paragraph', location: { file: 'odd.fdx', line: 10 } })]);
  });

  it('is detected by content when the extension says nothing', () => {
    const { script } = parseScript(fdx('<Paragraph Type="Scene Heading"><Text>INT. A - DAY</Text></Paragraph>'), { fileName: 'script.txt' });
    expect(script.format).toBe('fdx');
    expect(script.scenes).toHaveLength(1);
  });
});

describe('unsafe and broken FDX', () => {
  it('refuses a billion-laughs entity bomb without expanding it', () => {
    const bomb = `<?xml version="1.0"?>
<!DOCTYPE FinalDraft [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<FinalDraft DocumentType="Script"><Content>
<Paragraph Type="Action"><Text>&lol9;</Text></Paragraph>
</Content></FinalDraft>`;
    const e = thrown(() => parseFdx(bomb, { fileName: 'bomb.fdx' }));
    expect(e.code).toBe('fdx/entity-declaration');
    expect(e.issues[0].location).toEqual({ file: 'bomb.fdx', line: 2 });
    expect(e.message).toMatch(/never expands XML entities/);
  });

  it('refuses an external entity (XXE) and never reads the file it names', () => {
    const secretFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kino-xxe-')), 'secret.txt');
    fs.writeFileSync(secretFile, 'TOP-SECRET-CONTENT');
    const xxe = `<?xml version="1.0"?>
<!DOCTYPE FinalDraft [ <!ENTITY xxe SYSTEM "file://${secretFile}"> ]>
<FinalDraft DocumentType="Script"><Content>
<Paragraph Type="Action"><Text>&xxe;</Text></Paragraph>
</Content></FinalDraft>`;
    const e = thrown(() => parseFdx(xxe, { fileName: 'xxe.fdx' }));
    expect(e.code).toBe('fdx/entity-declaration');
    expect(JSON.stringify(e.issues)).not.toContain('TOP-SECRET');
  });

  it('refuses a reference to an undeclared entity as malformed, with its line', () => {
    const e = thrown(() => parseFdx(fdx('<Paragraph Type="Action">\n<Text>&nbsp;hi</Text></Paragraph>'), { fileName: 'ent.fdx' }));
    expect(e.code).toBe('fdx/malformed');
    expect(e.issues[0].location).toMatchObject({ file: 'ent.fdx', line: 5 });
  });

  it('refuses a truncated file with the line where it stops', () => {
    const full = fs.readFileSync(FDX, 'utf8');
    const cut = full.slice(0, Math.floor(full.length * 0.6));
    const e = thrown(() => parseFdx(cut, { fileName: 'cut.fdx' }));
    expect(e.code).toBe('fdx/malformed');
    expect(e.issues[0].location?.line).toBe(cut.split('\n').length);
    expect(e.message).toMatch(/not well-formed/);
  });

  it('refuses text that is not XML, and XML that is not Final Draft', () => {
    const notXml = thrown(() => parseScript('INT. A - DAY\n\nx', { fileName: 'a.fdx' }));
    expect(notXml.code).toBe('fdx/not-xml');
    expect(notXml.issues[0].location).toMatchObject({ file: 'a.fdx', line: 1 });
    const html = thrown(() => parseFdx('<html><body>hi</body></html>', { fileName: 'page.fdx' }));
    expect(html.code).toBe('fdx/not-final-draft');
  });

  it('refuses empty and binary input', () => {
    expect(thrown(() => parseFdx(new Uint8Array(0), { fileName: 'e.fdx' })).code).toBe('script/empty');
    expect(thrown(() => parseFdx('  \n\t\n', { fileName: 'e.fdx' })).code).toBe('script/empty');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const bin = thrown(() => parseFdx(png, { fileName: 'x.fdx' }));
    expect(bin.code).toBe('script/binary');
    expect(bin.issues[0].location).toMatchObject({ file: 'x.fdx', line: 3 });
  });
});
