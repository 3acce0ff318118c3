import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RATES, readOtio, readOtioWithWarnings, runtime, writeOtio, timelineToOtio, pathToTargetUrl, targetUrlToPath, type Timeline } from '../../src/editorial';
import { writeOtioFile } from '../../src/editorial/otio';
import { isKinoError } from '../../src/doc/errors';
import { sampleTimeline } from './sample';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/editorial');
const SCHEMAS = new Set(['Timeline.1', 'Stack.1', 'Track.1', 'Clip.2', 'Gap.1', 'Transition.1', 'ExternalReference.1', 'MissingReference.1', 'RationalTime.1', 'TimeRange.1']);

function walk(v: unknown, visit: (o: Record<string, unknown>) => void): void {
  if (Array.isArray(v)) v.forEach((x) => walk(x, visit));
  else if (v && typeof v === 'object') {
    visit(v as Record<string, unknown>);
    Object.values(v).forEach((x) => walk(x, visit));
  }
}

describe('OTIO write → read round trip', () => {
  for (const [name, rate] of [['23.976', RATES['23.976']], ['24', RATES['24']], ['25', RATES['25']], ['29.97 DF', RATES['29.97']], ['59.94 DF', RATES['59.94']]] as const) {
    it(`reads back the same timeline at ${name}`, () => {
      const t = sampleTimeline(rate);
      const text = writeOtio(t);
      expect(readOtio(text)).toStrictEqual(t);
    });
  }

  it('keeps offline clips, relative paths with spaces and timeline metadata', () => {
    const t: Timeline = structuredClone(sampleTimeline(RATES['24']));
    const clip = t.videoTracks[0].items[2];
    if (clip.kind !== 'clip') throw new Error('fixture');
    clip.media = { path: 'shots/sc 1/ß%20.mov', availableRange: { start: 0, duration: 200 } };
    const off = t.audioTracks[2].items[1];
    if (off.kind !== 'clip') throw new Error('fixture');
    off.media = null;
    t.metadata = { film: 'demo', version: 3, final: false };
    expect(readOtio(writeOtio(t))).toStrictEqual(t);
    expect(writeOtio(t)).toContain('"target_url": "shots/sc%201/%C3%9F%2520.mov"');
    expect(writeOtio(t)).toContain('MissingReference.1');
  });

  it('is deterministic and uses only OTIO schemas OTIO 0.15+ reads', () => {
    const t = sampleTimeline(RATES['23.976']);
    expect(writeOtio(t)).toBe(writeOtio(sampleTimeline(RATES['23.976'])));
    const doc = timelineToOtio(t);
    const seen = new Set<string>();
    walk(doc, (o) => {
      if (typeof o.OTIO_SCHEMA === 'string') seen.add(o.OTIO_SCHEMA);
      if (o.OTIO_SCHEMA === 'RationalTime.1') expect(o.rate).toBe(24000 / 1001);
      if (o.OTIO_SCHEMA === 'Clip.2') {
        expect(o.active_media_reference_key).toBe('DEFAULT_MEDIA');
        expect(Object.keys(o.media_references as object)).toEqual(['DEFAULT_MEDIA']);
      }
      if (o.OTIO_SCHEMA === 'ExternalReference.1') expect(String(o.target_url)).toMatch(/^file:\/\/\/renders\//);
      if (o.OTIO_SCHEMA === 'Track.1') expect(['Video', 'Audio']).toContain(o.kind);
    });
    for (const s of seen) expect(SCHEMAS.has(s)).toBe(true);
    expect([...seen].sort()).toEqual(['Clip.2', 'ExternalReference.1', 'Gap.1', 'RationalTime.1', 'Stack.1', 'TimeRange.1', 'Timeline.1', 'Track.1', 'Transition.1']);
    expect(doc.global_start_time).toEqual({ OTIO_SCHEMA: 'RationalTime.1', rate: 24000 / 1001, value: 86400 });
    const tracks = (doc.tracks as { children: { kind: string }[] }).children;
    expect(tracks.map((c) => c.kind)).toEqual(['Video', 'Audio', 'Audio', 'Audio', 'Audio']);
  });

  it('writes atomically to disk and reads the file back', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kino-otio-'));
    const file = path.join(dir, 'cut.otio');
    const t = sampleTimeline(RATES['25']);
    await writeOtioFile(file, t);
    expect(fs.readdirSync(dir)).toEqual(['cut.otio']);
    expect(readOtio(fs.readFileSync(file, 'utf8'), file)).toStrictEqual(t);
    fs.rmSync(dir, { recursive: true });
  });
});

describe('reading files from other tools (OpenTimelineIO sample data)', () => {
  it('upgrades Clip.1, takes the available range when source_range is null', () => {
    const t = readOtio(fs.readFileSync(path.join(FIXTURES, 'simple_cut.otio'), 'utf8'));
    expect(t.rate).toEqual({ num: 24, den: 1 });
    const clips = t.videoTracks[0].items;
    expect(clips.map((c) => (c.kind === 'clip' ? [c.name, c.media?.path, c.sourceRange.start, c.sourceRange.duration] : c.kind))).toEqual([
      ['Clip-001', '/folder/titles.mov', 3, 3],
      ['Clip-002', '/folder/wind-up.mov', 2, 6],
      ['Clip-003', '/folder/punchline.mov', 0, 4],
      ['Clip-004', '/folder/credits.mov', 100, 6],
    ]);
    expect(runtime(t).frames).toBe(19);
  });

  it('reads dissolves at the track edges as fades and trims what hangs past the edges', () => {
    const { timeline, warnings } = readOtioWithWarnings(fs.readFileSync(path.join(FIXTURES, 'transition_test.otio'), 'utf8'));
    const items = timeline.videoTracks[0].items;
    expect(items.map((i) => (i.kind === 'transition' ? `${i.transition}:${i.inOffset}/${i.outOffset}` : i.kind === 'clip' ? i.name : 'gap'))).toEqual([
      'fade-in:0/10',
      'A',
      'dissolve:10/10',
      'B',
      'C',
      'fade-out:10/0',
    ]);
    expect(warnings.map((w) => w.code)).toEqual(['otio/transition-edge', 'otio/transition-edge']);
    expect(items[1]).toMatchObject({ media: null });
  });

  it('reports bad JSON with a line and column, and nested stacks with a hint', () => {
    try {
      readOtio('{\n  "OTIO_SCHEMA": "Timeline.1",\n  "name": oops\n}', 'bad.otio');
      expect.unreachable();
    } catch (e) {
      expect(isKinoError(e)).toBe(true);
      const i = (e as { issues: { code: string; location?: { file?: string; line?: number } }[] }).issues[0];
      expect(i.code).toBe('otio/json');
      expect(i.location).toMatchObject({ file: 'bad.otio', line: 3 });
    }
    const nested = JSON.parse(writeOtio(sampleTimeline(RATES['24'])));
    nested.tracks.children[0].children.push({ OTIO_SCHEMA: 'Stack.1', children: [] });
    try {
      readOtio(JSON.stringify(nested));
      expect.unreachable();
    } catch (e) {
      expect((e as { issues: { code: string; hint?: string }[] }).issues[0]).toMatchObject({ code: 'otio/nested', hint: expect.stringMatching(/Flatten/) });
    }
    expect(() => readOtio('{"OTIO_SCHEMA":"Clip.2"}')).toThrow(/Expected an OTIO Timeline/);
  });

  it('converts paths and URLs both ways', () => {
    expect(pathToTargetUrl('/a b/c.mov')).toBe('file:///a%20b/c.mov');
    expect(targetUrlToPath('file:///a%20b/c.mov')).toBe('/a b/c.mov');
    expect(targetUrlToPath(pathToTargetUrl('rel/dir #1/x.mov'))).toBe('rel/dir #1/x.mov');
    expect(pathToTargetUrl('https://example.com/x.mov')).toBe('https://example.com/x.mov');
  });
});
