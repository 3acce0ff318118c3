import { describe, expect, it } from 'vitest';
import { RATES, runtime, timelineFromCuts, validateTimeline, visibleSpans, placeItems, parseTimeline, type Timeline } from '../../src/editorial';
import { isKinoError, type KinoIssue } from '../../src/doc/errors';
import { sampleCutList, sampleTimeline } from './sample';

function codes(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (isKinoError(e)) return e.issues.map((i: KinoIssue) => i.code);
    throw e;
  }
  return [];
}

describe('timelineFromCuts', () => {
  const t = sampleTimeline(RATES['24']);

  it('lays the cuts end to end and reports the runtime in frames and seconds', () => {
    // 48 + 72 + 53 + 48 frames; transitions take no time on the track.
    expect(runtime(t).frames).toBe(221);
    expect(runtime(t).seconds).toBeCloseTo(221 / 24, 12);
    const v = t.videoTracks[0].items;
    expect(v.map((i) => i.kind)).toEqual(['transition', 'clip', 'clip', 'transition', 'clip', 'transition', 'clip', 'transition']);
  });

  it('starts at 01:00:00:00, or 01:00:00;00 drop-frame at 29.97', () => {
    expect(t.startFrame).toBe(86400);
    expect(t.dropFrame).toBe(false);
    const df = sampleTimeline(RATES['29.97']);
    expect(df.dropFrame).toBe(true);
    expect(df.startFrame).toBe(107892);
    expect(timelineFromCuts({ ...sampleCutList(RATES['25']), startTimecode: '10:00:00:00' }).startFrame).toBe(10 * 3600 * 25);
  });

  it('centres a dissolve on the cut when both shots have handles', () => {
    const d = t.videoTracks[0].items[3];
    expect(d).toMatchObject({ kind: 'transition', transition: 'dissolve', inOffset: 8, outOffset: 8 });
  });

  it('slides a dissolve to the side that has media when one shot has no handle', () => {
    const list = sampleCutList(RATES['24']);
    list.cuts[1] = { ...list.cuts[1], mediaFrames: 100 }; // 16 frames after its out point
    list.cuts[2] = { ...list.cuts[2], sourceIn: 0, sourceOut: 53 }; // no head handle on the incoming shot
    const tl = timelineFromCuts(list);
    expect(tl.videoTracks[0].items[3]).toMatchObject({ transition: 'dissolve', inOffset: 0, outOffset: 16 });
  });

  it('refuses a dissolve the media cannot cover and reports every problem at once', () => {
    const list = sampleCutList(RATES['24']);
    list.cuts[1] = { ...list.cuts[1], mediaFrames: 12 + 72 }; // no tail handle on the outgoing shot
    list.cuts[2] = { ...list.cuts[2], sourceIn: 0, sourceOut: 53 }; // and no head handle on the incoming
    list.cuts[0] = { ...list.cuts[0], sourceOut: 500 };
    expect(codes(() => timelineFromCuts(list)).sort()).toEqual(['timeline/cut-range', 'timeline/handles']);
  });

  it('stacks overlapping cues of one role on extra tracks, roles in a fixed order', () => {
    expect(t.audioTracks.map((a) => a.name)).toEqual(['Dialogue 1', 'Dialogue 2', 'Effects', 'Music']);
    expect(t.audioTracks[0].items.map((i) => i.kind)).toEqual(['gap', 'clip', 'gap', 'clip']);
    expect(t.audioTracks[1].items).toMatchObject([{ kind: 'gap', duration: 40 }, { kind: 'clip', name: 'line_002' }]);
    expect(t.audioTracks[3].items[0]).toMatchObject({ kind: 'clip', metadata: { role: 'music' }, media: { availableRange: { start: 0, duration: 240 } } });
  });

  it('keeps scene and shot ids on the clips', () => {
    const clip = t.videoTracks[0].items[1];
    expect(clip).toMatchObject({ kind: 'clip', metadata: { sceneId: '1', shotId: '010' } });
  });

  it('rejects transitions that cannot exist', () => {
    const list = sampleCutList(RATES['24']);
    list.cuts[0] = { ...list.cuts[0], transitionIn: { kind: 'dissolve', frames: 10 } };
    list.cuts[1] = { ...list.cuts[1], transitionOut: { kind: 'fade-out', frames: 10 } };
    expect(codes(() => timelineFromCuts(list))).toEqual(['timeline/cut-transition', 'timeline/cut-transition']);
  });
});

describe('validateTimeline', () => {
  const base: Timeline = parseTimeline({
    name: 'v',
    rate: RATES['25'],
    startFrame: 0,
    dropFrame: false,
    videoTracks: [
      {
        name: 'V1',
        items: [
          { kind: 'clip', name: 'a', media: { path: 'a.mov', availableRange: { start: 0, duration: 50 } }, sourceRange: { start: 0, duration: 50 } },
          { kind: 'clip', name: 'b', media: { path: 'b.mov', availableRange: { start: 0, duration: 50 } }, sourceRange: { start: 0, duration: 50 } },
        ],
      },
    ],
    audioTracks: [],
  });

  it('accepts a clean timeline', () => {
    expect(validateTimeline(base)).toEqual([]);
  });

  it('finds missing handles, fades next to clips, adjacent transitions and drop-frame at 25 fps', () => {
    const bad: Timeline = structuredClone(base);
    bad.dropFrame = true;
    bad.videoTracks[0].items.splice(1, 0, { kind: 'transition', transition: 'fade-in', inOffset: 2, outOffset: 2 }, { kind: 'transition', transition: 'dissolve', inOffset: 5, outOffset: 5 });
    const found = validateTimeline(bad).map((i) => i.code);
    expect(found).toContain('timeline/drop-frame-rate');
    expect(found).toContain('timeline/fade-in');
    expect(found).toContain('timeline/adjacent-transitions');
    expect(found).toContain('timeline/source-range');
    expect(validateTimeline(bad).find((i) => i.code === 'timeline/source-range')?.hint).toMatch(/handles/);
  });
});

describe('placement algorithms', () => {
  it('places a transition around its cut and reports the handles each clip shows', () => {
    const t = sampleTimeline(RATES['24']);
    const placed = placeItems(t.videoTracks[0]);
    // dissolve between sc1_sh020 (ends at 120) and sc2_sh010: 8 frames each side of the cut
    expect(placed[3]).toMatchObject({ recordIn: 112, recordOut: 128 });
    const spans = visibleSpans(t.videoTracks[0]);
    expect(spans.map((s) => [s.name, s.recordIn, s.recordOut, s.sourceIn])).toEqual([
      ['sc1_sh010', 0, 48, 0],
      ['sc1_sh020', 48, 128, 12],
      ['sc2_sh010', 112, 177, 4],
      ['sc2_sh020 "wide"', 169, 221, 6],
    ]);
  });
});
