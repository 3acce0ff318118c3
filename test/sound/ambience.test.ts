import { describe, expect, it } from 'vitest';
import { AMBIENCE_TYPES, AmbienceStream, ambienceBed, ambienceLoop } from '../../src/sound/ambience';
import { Biquad } from '../../src/sound/dsp/biquad';
import { measureLoudness } from '../../src/sound/loudness';
import { allFinite, rmsDb, sameSamples } from './helpers';

describe('ambience', () => {
  it('renders every location type by day and night: stereo, finite, quiet enough to sit under dialogue', () => {
    for (const type of AMBIENCE_TYPES) for (const timeOfDay of ['day', 'night'] as const) {
      const [l, r] = ambienceBed({ type, timeOfDay, durationSeconds: 4 }, 'loc');
      expect(l.length).toBe(4 * 48000);
      expect(allFinite(l) && allFinite(r)).toBe(true);
      const loud = measureLoudness([l, r], 48000);
      expect(loud.integratedLufs, `${type}/${timeOfDay}`).toBeGreaterThan(-70);
      expect(loud.integratedLufs, `${type}/${timeOfDay}`).toBeLessThan(-30);
      expect(loud.truePeakDbtp).toBeLessThan(-10);
      expect(sameSamples(l, r)).toBe(false); // a real stereo image, not dual mono
    }
  });

  it('does not depend on the chunk size it is generated in', () => {
    const a = ambienceBed({ type: 'city', durationSeconds: 3 }, 'street');
    const b = ambienceBed({ type: 'city', durationSeconds: 3, chunkSeconds: 0.0137 }, 'street');
    expect(sameSamples(b[0], a[0])).toBe(true);
    expect(sameSamples(b[1], a[1])).toBe(true);
    const s = new AmbienceStream({ type: 'city' }, 'street');
    const first = s.next(48000 * 2);
    expect(sameSamples(first[0], a[0].subarray(0, 96000))).toBe(true);
  });

  it('changes with the time of day: birds by day, crickets at night, fewer cars, sirens', () => {
    const layers = (type: 'nature' | 'city' | 'office', timeOfDay: 'day' | 'night') => new AmbienceStream({ type, timeOfDay }, 1).layerNames;
    expect(layers('nature', 'day').filter((n) => n.startsWith('birds')).length).toBe(3);
    expect(layers('nature', 'day').some((n) => n.startsWith('cricket'))).toBe(false);
    expect(layers('nature', 'night').filter((n) => n.startsWith('cricket')).length).toBe(5);
    expect(layers('city', 'night')).toContain('sirens');
    expect(layers('office', 'night')).not.toContain('typing');
    // And audibly: the crickets' 4.2 kHz carrier is there at night only.
    const narrow = (x: Float32Array) => rmsDb(Biquad.of('bandpass', 4200, 48000, 40).process(x, new Float32Array(x.length)));
    const day = ambienceBed({ type: 'nature', timeOfDay: 'day', durationSeconds: 10 }, 'park')[0];
    const night = ambienceBed({ type: 'nature', timeOfDay: 'night', durationSeconds: 10 }, 'park')[0];
    expect(narrow(night)).toBeGreaterThan(narrow(day) + 10);
    const cityDay = measureLoudness(ambienceBed({ type: 'city', timeOfDay: 'day', durationSeconds: 20 }, 'c'), 48000);
    const cityNight = measureLoudness(ambienceBed({ type: 'city', timeOfDay: 'night', durationSeconds: 20 }, 'c'), 48000);
    expect(cityDay.integratedLufs).toBeGreaterThan(cityNight.integratedLufs);
    const light = measureLoudness(ambienceBed({ type: 'rain', rain: 'light', durationSeconds: 5 }, 'r'), 48000);
    const heavy = measureLoudness(ambienceBed({ type: 'rain', rain: 'heavy', durationSeconds: 5 }, 'r'), 48000);
    expect(heavy.integratedLufs).toBeGreaterThan(light.integratedLufs + 6);
  });

  it('makes seamless loops: the wrap is no bigger a step than any other sample step', () => {
    const [l] = ambienceLoop({ type: 'rain', loopSeconds: 5, crossfadeSeconds: 1 }, 'loop');
    expect(l.length).toBe(5 * 48000);
    let maxStep = 0;
    for (let i = 1; i < l.length; i++) maxStep = Math.max(maxStep, Math.abs(l[i] - l[i - 1]));
    expect(Math.abs(l[0] - l[l.length - 1])).toBeLessThanOrEqual(maxStep);
    // …and the level does not dip across the crossfade.
    expect(Math.abs(rmsDb(l, 0, 48000) - rmsDb(l, 2 * 48000, 3 * 48000))).toBeLessThan(1.5);
  });

  it('validates its parameters', () => {
    expect(() => ambienceBed({ type: 'jungle' as never, durationSeconds: 1 }, 1)).toThrowError(/room-tone, city, nature, rain, diner, office, warehouse/);
  });
});
