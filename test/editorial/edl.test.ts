import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RATES, buildEdl, edlToTimeline, parseEdl, placeItems, readEdl, runtime, visibleSpans, writeEdl, framesToTimecode, type Rate, type Timeline, type Track } from '../../src/editorial';
import { writeEdlFile } from '../../src/editorial/edl';
import { isKinoError } from '../../src/doc/errors';
import { sampleTimeline } from './sample';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/editorial');
const read = (f: string) => fs.readFileSync(path.join(FIXTURES, f), 'utf8');

function transitions(track: Track) {
  return placeItems(track)
    .filter((p) => p.item.kind === 'transition')
    .map((p) => [p.item.kind === 'transition' && p.item.transition, p.recordIn, p.recordOut]);
}

const RATES_UNDER_TEST: [string, Rate][] = [
  ['23.976', RATES['23.976']],
  ['24', RATES['24']],
  ['25', RATES['25']],
  ['29.97 DF', RATES['29.97']],
];

describe('CMX3600 writer', () => {
  it('matches the hand-checked golden file at 24 fps', () => {
    expect(writeEdl(sampleTimeline(RATES['24']))).toBe(read('kino_sample_24.edl'));
  });

  it('puts every field in its CMX3600 column', () => {
    const lines = writeEdl(sampleTimeline(RATES['29.97'])).split('\n').filter((l) => /^\d{3}  /.test(l));
    expect(lines.length).toBe(14);
    for (const l of lines) {
      expect(l.length).toBe(76);
      expect(l.slice(0, 3)).toMatch(/^\d{3}$/);
      expect(l.slice(5, 13).trim()).toMatch(/^(AX|BL)$/); // cols 6–13
      expect(l.slice(14, 20).trim()).toMatch(/^(V|A|A2|NONE)$/); // cols 15–20
      expect(l.slice(20, 29).trim()).toMatch(/^(C|D \d{3}|W\d{3} \d{3})$/); // cols 21–29
      for (const col of [29, 41, 53, 65]) expect(l.slice(col, col + 11)).toMatch(/^\d{2}:\d{2}:\d{2};\d{2}$/); // DF: ';'
    }
  });

  for (const [name, rate] of RATES_UNDER_TEST) {
    it(`at ${name}: parses back to the same picture, sound and transitions`, () => {
      const t = sampleTimeline(rate);
      const text = writeEdl(t);
      expect(text).toContain(rate === RATES['29.97'] ? 'FCM: DROP FRAME' : 'FCM: NON-DROP FRAME');
      const doc = parseEdl(text, { rate });
      expect(doc.title).toBe('Kino Test Cut');
      expect(doc.dropFrame).toBe(t.dropFrame);
      const back = edlToTimeline(doc, { rate });
      expect(back.startFrame).toBe(t.startFrame);
      expect(runtime(back).frames).toBe(runtime(t).frames);
      // The EDL cannot say where a cut sits inside a dissolve, so compare what is shown.
      expect(visibleSpans(back.videoTracks[0])).toEqual(visibleSpans(t.videoTracks[0]));
      expect(transitions(back.videoTracks[0])).toEqual(transitions(t.videoTracks[0]));
      expect(back.audioTracks.length).toBe(4);
      back.audioTracks.forEach((a, i) => expect(visibleSpans(a)).toEqual(visibleSpans(t.audioTracks[i])));
      // and the round trip is stable from there on
      expect(writeEdl(back, { title: 'Kino Test Cut' })).toBe(text);
    });
  }

  it('record timecodes at 29.97 DF follow the drop-frame count', () => {
    const t = sampleTimeline(RATES['29.97']);
    const doc = buildEdl(t).doc;
    const last = doc.events[doc.events.length - 1].edits[1];
    expect(framesToTimecode(last.recordOut, RATES['29.97'], { dropFrame: true })).toBe(framesToTimecode(t.startFrame + runtime(t).frames, RATES['29.97'], { dropFrame: true }));
    expect(writeEdl(t)).toContain('01:00:00;00');
  });

  it('derives 8-character reels from clip names on request, and warns about tracks it cannot carry', async () => {
    const t: Timeline = structuredClone(sampleTimeline(RATES['25']));
    t.videoTracks.push({ name: 'V2', items: [], metadata: {} });
    for (let i = 0; i < 2; i++) t.audioTracks.push({ name: `extra ${i}`, items: [], metadata: {} });
    const { doc, warnings } = buildEdl(t, { reel: 'clip-name' });
    expect(doc.events.find((e) => e.fromClipName === 'sc1_sh020')?.edits[0].reel).toBe('SC1_SH02');
    expect(doc.events.find((e) => e.toClipName === 'sc2_sh020 "wide"')?.edits[1].reel).toBe('SC2_SH02');
    expect(warnings.map((w) => w.code)).toEqual(['edl/video-tracks', 'edl/audio-tracks']);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kino-edl-'));
    const file = path.join(dir, 'cut.edl');
    expect((await writeEdlFile(file, t)).length).toBe(2);
    expect(fs.readFileSync(file, 'utf8')).toBe(writeEdl(t));
    fs.rmSync(dir, { recursive: true });
  });
});

describe('CMX3600 parser on EDLs from other tools (OpenTimelineIO sample data)', () => {
  it('reads a dissolve written with loose spacing and extra comments', () => {
    const doc = parseEdl(read('dissolve_test_2.edl'), { rate: RATES['24'] });
    expect(doc.title).toBe('dissolve_test_2');
    expect(doc.events.map((e) => e.edits.length)).toEqual([2 - 1, 2, 1]);
    expect(doc.events[1]).toMatchObject({ fromClipName: 'clip_A', toClipName: 'clip_B', comments: ['BLEND, DISSOLVE'] });
    expect(doc.events[1].edits[1]).toMatchObject({ transition: 'D', transitionFrames: 10, reel: 'TST' });
    const t = edlToTimeline(doc, { rate: RATES['24'] });
    expect(t.videoTracks[0].items.map((i) => (i.kind === 'clip' ? `${i.name}@${i.sourceRange.start}+${i.sourceRange.duration}` : i.kind === 'transition' ? `${i.transition} ${i.inOffset}/${i.outOffset}` : 'gap'))).toEqual([
      'clip_A@86501+5',
      'dissolve 0/10',
      'clip_B@86596+10',
      'clip_B@86606+5',
    ]);
    expect(runtime(t).frames).toBe(20);
  });

  it('reads a 25 fps EDL that starts at 00:00:00:00', () => {
    const t = readEdl(read('25fps.edl'), { rate: RATES['25'] });
    expect(t.startFrame).toBe(0);
    expect(t.videoTracks[0].items.map((i) => (i.kind === 'clip' ? i.name : i.kind))).toEqual(['sq001_s001', 'sq001_s002', 'sq001_s003', 'sq001_s004']);
    expect(runtime(t).frames).toBe(19 * 25 + 21);
  });

  it('maps AA plus an AUD 3 line to audio tracks 1, 2 and 3', () => {
    const t = readEdl(read('multi_audio.edl'), { rate: RATES['24'] });
    expect(t.videoTracks).toEqual([]);
    expect(t.audioTracks.map((a) => a.name)).toEqual(['A1', 'A2', 'A3']);
    expect(runtime(t).frames).toBe(((56 * 60 + 55) * 24) + 22);
  });

  it('reports every bad line with its line and column', () => {
    const text = ['TITLE: broken', 'FCM: NON-DROP FRAME', '001  AX  V  C  01:00:00:00 01:00:01:00 01:00:00:00 01:00:01:00', 'this is not an event', '002  AX  V  C  01:00:01:00 01:00:02:30 01:00:01:00 01:00:02:00'].join('\n');
    try {
      parseEdl(text, { rate: RATES['25'], file: 'cut.edl' });
      expect.unreachable();
    } catch (e) {
      expect(isKinoError(e)).toBe(true);
      const issues = (e as { issues: { code: string; location: { file: string; line: number; column: number } }[] }).issues;
      expect(issues.map((i) => [i.code, i.location.line])).toEqual([
        ['edl/syntax', 4],
        ['timecode/range', 5],
      ]);
      expect(issues[1].location.column).toBe(28);
      expect(issues[1].location.file).toBe('cut.edl');
    }
  });

  it('refuses drop-frame at a rate that has none', () => {
    expect(() => parseEdl('TITLE: x\nFCM: DROP FRAME\n', { rate: RATES['25'] })).toThrow(/no drop-frame/);
  });
});
