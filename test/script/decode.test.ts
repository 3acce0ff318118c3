// Encodings and line endings: BOM, UTF-16 LE/BE (with and without BOM), CRLF, CR-only and mixed,
// invalid UTF-8. All three reference parsers turn a UTF-16 file into an empty script silently.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isKinoError } from '../../src/doc/errors';
import { decodeScriptBytes, parseScript, tokenizeFountain } from '../../src/script';

const fountain = fs.readFileSync(path.join(import.meta.dirname, '../fixtures/scripts/Brick-and-Steel.fountain'), 'utf8');
const lf = fountain.replace(/\r\n/g, '\n');

function utf16be(s: string): Uint8Array {
  const le = Buffer.from(s, 'utf16le');
  const out = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    out[i] = le[i + 1];
    out[i + 1] = le[i];
  }
  return out;
}

const summary = (bytes: Uint8Array | string) => {
  const { script } = parseScript(bytes, { fileName: 'x.fountain' });
  return { title: script.title, scenes: script.scenes.map((s) => [s.heading, s.line]), characters: script.characters.map((c) => [c.name, c.dialogueCount]) };
};

describe('decoding', () => {
  const reference = summary(lf);

  it('reads UTF-8 with and without a BOM the same', () => {
    expect(summary(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lf)]))).toEqual(reference);
    expect(reference.scenes).toHaveLength(8);
  });

  it('reads UTF-16 LE and BE with a BOM, and LE without one', () => {
    expect(decodeScriptBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lf, 'utf16le')])).encoding).toBe('utf-16le');
    expect(summary(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lf, 'utf16le')]))).toEqual(reference);
    expect(summary(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(lf)]))).toEqual(reference);
    expect(summary(Buffer.from(lf, 'utf16le'))).toEqual(reference);
  });

  it('treats CRLF, CR-only and mixed line endings alike, with the same line numbers', () => {
    expect(summary(lf.replace(/\n/g, '\r\n'))).toEqual(reference);
    expect(summary(lf.replace(/\n/g, '\r'))).toEqual(reference);
    const lines = lf.split('\n');
    const mixed = lines.map((l, i) => l + (i % 3 === 0 ? '\r\n' : i % 3 === 1 ? '\n' : '\r')).join('');
    expect(summary(mixed)).toEqual(reference);
  });

  it('reads invalid UTF-8 as Windows-1252, with a warning', () => {
    const bytes = Buffer.from('INT. CAF\xc9 - DAY\n\n\xc9LODIE\nBonjour.\n', 'latin1');
    const { script, warnings } = parseScript(bytes, { fileName: 'w.fountain' });
    expect(script.scenes[0].location).toBe('CAFÉ');
    expect(script.characters[0].name).toBe('ÉLODIE');
    expect(warnings).toEqual([expect.objectContaining({ code: 'script/encoding', severity: 'warning' })]);
  });

  it('refuses binary data and empty files with the file and line', () => {
    const attempt = (b: Uint8Array | string) => {
      try {
        parseScript(b, { fileName: 'bad.fountain' });
      } catch (e) {
        if (isKinoError(e)) return e.issues[0];
        throw e;
      }
      return null;
    };
    expect(attempt(Buffer.from('INT. A - DAY\n\nx\n\0\0\0'))).toMatchObject({ code: 'script/binary', location: { file: 'bad.fountain', line: 4 } });
    expect(attempt(new Uint8Array(0))).toMatchObject({ code: 'script/empty', location: { file: 'bad.fountain', line: 1 } });
    expect(attempt('\n\n   \n')).toMatchObject({ code: 'script/empty' });
    expect(attempt(Buffer.from([0xef, 0xbb, 0xbf]))).toMatchObject({ code: 'script/empty' });
  });

  it('tokenizeFountain accepts raw CRLF text and a BOM too (codegen passes strings)', () => {
    const t = tokenizeFountain('\uFEFFINT. A - DAY\r\n\r\nBOB\r\nHi.\r\n');
    expect(t.elements.map((e) => [e.type, e.line])).toEqual([
      ['scene-heading', 1],
      ['character', 3],
      ['dialogue', 4],
    ]);
  });
});
