import { describe, expect, it } from 'vitest';
import { AnchorSchema, Color, Duration, FrameRate, Kelvin, Millimetres, Resolution, timeToSeconds } from '../../src/doc/values';

describe('time values', () => {
  it.each([
    ['3s', 24, 3],
    [2.5, 24, 2.5],
    ['500ms', 24, 0.5],
    ['72f', 24, 3],
    ['1m30s', 24, 90],
    ['1:30', 24, 90],
    ['00:00:03:00', 24, 3],
    ['00:00:01:12', 24, 1.5],
  ])('%s at %i fps is %f s', (input, fps, seconds) => {
    expect(timeToSeconds(Duration.parse(input), fps)).toBeCloseTo(seconds, 9);
  });

  it('reads drop-frame timecode at 29.97 (00:01:00;02 is frame 1800)', () => {
    const t = Duration.parse('00:01:00;02');
    expect(timeToSeconds(t, 30000 / 1001) * (30000 / 1001)).toBeCloseTo(1800, 6);
    const t2 = Duration.parse('00:10:00;00');
    expect(timeToSeconds(t2, 30000 / 1001) * (30000 / 1001)).toBeCloseTo(17982, 6);
  });

  it('rejects negative durations and words', () => {
    expect(Duration.safeParse('-2s').success).toBe(false);
    expect(Duration.safeParse(-1).success).toBe(false);
    expect(Duration.safeParse('three seconds').success).toBe(false);
  });
});

describe('anchors', () => {
  it.each([
    ['after:l1', { kind: 'after', ref: 'l1', offset: { unit: 's', value: 0 } }],
    ['after:l1+0.5s', { kind: 'after', ref: 'l1', offset: { unit: 's', value: 0.5 } }],
    ['with:l1-0.4s', { kind: 'with', ref: 'l1', offset: { unit: 's', value: -0.4 } }],
    ['end:maya-cu', { kind: 'end', ref: 'maya-cu', offset: { unit: 's', value: 0 } }],
    ['after:shot-2+12f', { kind: 'after', ref: 'shot-2', offset: { unit: 'f', value: 12 } }],
    [{ after: 'l2', offset: '1s' }, { kind: 'after', ref: 'l2', offset: { unit: 's', value: 1 } }],
  ])('%j', (input, expected) => {
    expect(AnchorSchema.parse(input)).toEqual(expected);
  });
  it('times are absolute', () => {
    expect(AnchorSchema.parse('2s')).toEqual({ kind: 'time', time: { unit: 's', value: 2 } });
  });
  it('rejects nonsense', () => {
    expect(AnchorSchema.safeParse('before:l1').success).toBe(false);
    expect(AnchorSchema.safeParse({ after: 'a', with: 'b' }).success).toBe(false);
  });
});

describe('film values', () => {
  it('frame rates', () => {
    expect(FrameRate.parse(24)).toEqual({ num: 24, den: 1 });
    expect(FrameRate.parse('24000/1001')).toEqual({ num: 24000, den: 1001 });
    expect(FrameRate.parse(23.976)).toEqual({ num: 24000, den: 1001 });
    expect(FrameRate.parse('29.97')).toEqual({ num: 30000, den: 1001 });
    expect(FrameRate.safeParse('fast').success).toBe(false);
    expect(FrameRate.safeParse(0).success).toBe(false);
  });
  it('resolutions', () => {
    expect(Resolution.parse('1920x1080')).toEqual([1920, 1080]);
    expect(Resolution.parse('720p')).toEqual([1280, 720]);
    expect(Resolution.safeParse('1921x1080').success).toBe(false);
    expect(Resolution.safeParse('huge').success).toBe(false);
  });
  it('focal lengths', () => {
    expect(Millimetres.parse(50)).toBe(50);
    expect(Millimetres.parse('35mm')).toBe(35);
    expect(Millimetres.safeParse('fifty').success).toBe(false);
    expect(Millimetres.safeParse(-5).success).toBe(false);
  });
  it('colours and temperatures', () => {
    expect(Color.parse('#ff0000')).toEqual([1, 0, 0]);
    expect(Color.parse('#0f0')).toEqual([0, 1, 0]);
    expect(Color.safeParse('blurple').success).toBe(false);
    expect(Kelvin.parse('3200K')).toBe(3200);
    expect(Kelvin.safeParse(50).success).toBe(false);
  });
});
