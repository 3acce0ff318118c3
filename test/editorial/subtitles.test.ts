import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseSrt, parseVtt, writeSrt, writeVtt, wrapSubtitleText, writeSrtFile, writeVttFile, type SubtitleCue } from '../../src/editorial';
import { isKinoError } from '../../src/doc/errors';

const CUES: SubtitleCue[] = [
  { start: 4.2, end: 6.0, text: 'You came back.', speaker: 'MAYA' },
  { start: 1.0, end: 3.5, text: 'Is anyone there?', speaker: 'LEO' },
  { start: 3661.0005, end: 3663.25, text: 'I never left. I waited by the door every night for three years, <and> you knew it & said nothing.', speaker: 'LEO' },
];

describe('SubRip', () => {
  it('writes numbered cues in film order with comma milliseconds', () => {
    expect(writeSrt(CUES)).toBe(
      [
        '1',
        '00:00:01,000 --> 00:00:03,500',
        'Is anyone there?',
        '',
        '2',
        '00:00:04,200 --> 00:00:06,000',
        'You came back.',
        '',
        '3',
        '01:01:01,001 --> 01:01:03,250',
        'I never left. I waited by the door every',
        'night for three years, <and> you knew it &',
        'said nothing.',
        '',
      ].join('\n'),
    );
  });

  it('can prefix speakers (SDH) and parses back', () => {
    const text = writeSrt(CUES.slice(0, 2), { speakerPrefix: true });
    expect(text).toContain('LEO: Is anyone there?');
    const back = parseSrt(text);
    expect(back).toEqual([
      { start: 1, end: 3.5, text: 'LEO: Is anyone there?' },
      { start: 4.2, end: 6, text: 'MAYA: You came back.' },
    ]);
  });

  it('reads CRLF files with a BOM', () => {
    expect(parseSrt('\uFEFF1\r\n00:00:01,500 --> 00:00:02,000\r\nHi\r\nthere\r\n\r\n')).toEqual([{ start: 1.5, end: 2, text: 'Hi\nthere' }]);
  });
});

describe('WebVTT', () => {
  it('writes the header, dot milliseconds, escaped text and voice spans; parses back', () => {
    const text = writeVtt(CUES);
    expect(text.startsWith('WEBVTT\n\n1\n00:00:01.000 --> 00:00:03.500\n<v LEO>Is anyone there?\n')).toBe(true);
    expect(text).toContain('&lt;and&gt; you knew it &amp;');
    expect(text).not.toMatch(/-->.*-->/);
    const back = parseVtt(text);
    expect(back.map((c) => c.speaker)).toEqual(['LEO', 'MAYA', 'LEO']);
    expect(back[2].text).toBe('I never left. I waited by the door every\nnight for three years, <and> you knew it &\nsaid nothing.');
    expect(back[0]).toEqual({ start: 1, end: 3.5, text: 'Is anyone there?', speaker: 'LEO' });
  });

  it('skips NOTE blocks and cue settings, and needs the WEBVTT header', () => {
    const cues = parseVtt('WEBVTT - demo\n\nNOTE a note\n\nintro\n00:01.000 --> 00:02.500 line:0 align:start\n<i>Hello</i>\n');
    expect(cues).toEqual([{ start: 1, end: 2.5, text: 'Hello' }]);
    expect(() => parseVtt('1\n00:00:01.000 --> 00:00:02.000\nx\n')).toThrow(/WEBVTT/);
  });
});

describe('cue checks and wrapping', () => {
  it('rejects cues that end before they start, all at once', () => {
    try {
      writeSrt([
        { start: 2, end: 1, text: 'a' },
        { start: 3, end: 3.0001, text: 'b' },
        { start: -1, end: 1, text: 'c' },
      ]);
      expect.unreachable();
    } catch (e) {
      expect(isKinoError(e)).toBe(true);
      expect((e as { issues: { code: string }[] }).issues.map((i) => i.code)).toEqual(['subtitles/timing', 'subtitles/timing', 'subtitles/cue']);
    }
  });

  it('balances two lines and never breaks a word', () => {
    expect(wrapSubtitleText('The quick brown fox jumps over the lazy dog again', 42)).toEqual(['The quick brown fox jumps', 'over the lazy dog again']);
    expect(wrapSubtitleText('Short line.')).toEqual(['Short line.']);
    expect(wrapSubtitleText('Keep\n\nmy  lines', 0)).toEqual(['Keep', 'my lines']);
    for (const l of wrapSubtitleText('a '.repeat(80) + 'supercalifragilisticexpialidocious', 42)) expect(l.length).toBeLessThanOrEqual(42);
  });

  it('writes files atomically', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kino-subs-'));
    await writeSrtFile(path.join(dir, 'film.srt'), CUES);
    await writeVttFile(path.join(dir, 'film.vtt'), CUES);
    expect(fs.readdirSync(dir).sort()).toEqual(['film.srt', 'film.vtt']);
    expect(parseSrt(fs.readFileSync(path.join(dir, 'film.srt'), 'utf8')).length).toBe(3);
    fs.rmSync(dir, { recursive: true });
  });
});
