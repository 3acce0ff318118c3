// Subtitles from where the cut shows each line: short lines held long enough to read, every cue
// two frames clear of the next, nothing past the end of the film.

import { describe, expect, it } from 'vitest';
import { subtitleCues } from '../../src/pipeline/editorial';
import type { DialoguePlacement, Piece } from '../../src/sound/film';
import type { FilmPlan } from '../../src/plan/schema';

const fps = 24;
const plan = { fpsValue: fps, totalFrames: 24 * 10, cast: { ana: { name: 'ANA' }, ben: { name: 'BEN' } } } as unknown as FilmPlan;
const piece = (editStart: number, duration: number): Piece => ({ editStart, duration, sourceStart: 0, cutIn: false, cutOut: false, shotKey: 's/x' });
const line = (lineId: string, who: string, text: string, pieces: Piece[]): DialoguePlacement => ({ key: `s/${lineId}`, sceneId: 's', lineId, who, text, pieces });

describe('subtitle timing', () => {
  it('holds short lines, keeps two frames between cues, and ends with the film', () => {
    const cues = subtitleCues(plan, [
      line('l3', 'ana', 'Last.', [piece(9.6, 0.3)]),
      line('l1', 'ana', 'Hi.', [piece(1, 0.4)]),
      line('l2', 'ben', 'Hello to you.', [piece(1.4, 1.2), piece(3, 0.5)]),
      line('l0', 'ben', 'Cut out.', []),
    ]);
    expect(cues.map((c) => [c.text, c.speaker])).toEqual([
      ['Hi.', 'ANA'],
      ['Hello to you.', 'BEN'],
      ['Last.', 'ANA'],
    ]);
    // "Hi." would be held for a second, but "Hello" comes 0.4 s in: it clears it by two frames.
    expect(cues[0].start).toBe(1);
    expect(cues[0].end).toBeCloseTo(1.4 - 2 / fps, 9);
    // A line shown in two stretches is one cue from the first sound to the last.
    expect(cues[1].start).toBeCloseTo(1.4, 9);
    expect(cues[1].end).toBeCloseTo(3.5, 9);
    // Held toward a second, but not past the film's end.
    expect(cues[2].end).toBeCloseTo(10, 9);
  });
});
