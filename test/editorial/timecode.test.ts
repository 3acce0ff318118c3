import { describe, expect, it } from 'vitest';
import { RATES, framesToTimecode, timecodeToFrames, rateFromFps, framesToSeconds, supportsDropFrame, type Rate } from '../../src/editorial/timecode';
import { isKinoError } from '../../src/doc/errors';

// Reference values: shared/reference/editorial-sound-camera.md §1a (checked there with npm smpte-timecode).
const REFERENCE: [number, Rate, boolean, string][] = [
  [1798, RATES['29.97'], true, '00:00:59;28'],
  [1800, RATES['29.97'], true, '00:01:00;02'],
  [17982, RATES['29.97'], true, '00:10:00;00'],
  [107892, RATES['29.97'], true, '01:00:00;00'],
  [107892, RATES['29.97'], false, '00:59:56:12'],
  [215784, RATES['59.94'], true, '01:00:00;00'],
  [86400, RATES['23.976'], false, '01:00:00:00'],
];

describe('timecode reference values', () => {
  for (const [frames, rate, df, tc] of REFERENCE) {
    it(`${frames} @ ${(rate.num / rate.den).toFixed(3)} ${df ? 'DF' : 'NDF'} = ${tc}`, () => {
      expect(framesToTimecode(frames, rate, { dropFrame: df })).toBe(tc);
      expect(timecodeToFrames(tc, rate, { dropFrame: df })).toBe(frames);
    });
  }
  it('86400 frames at 23.976 last 3603.6 s of clock time', () => {
    expect(framesToSeconds(86400, RATES['23.976'])).toBeCloseTo(3603.6, 9);
  });
});

describe('timecode at every editorial rate', () => {
  const cases: [string, Rate, boolean][] = [
    ['23.976', RATES['23.976'], false],
    ['24', RATES['24'], false],
    ['25', RATES['25'], false],
    ['29.97 NDF', RATES['29.97'], false],
    ['29.97 DF', RATES['29.97'], true],
    ['30', RATES['30'], false],
    ['50', RATES['50'], false],
    ['59.94 NDF', RATES['59.94'], false],
    ['59.94 DF', RATES['59.94'], true],
    ['60', RATES['60'], false],
  ];
  for (const [name, rate, df] of cases) {
    it(`${name}: frames → timecode → frames is the identity over 25 hours of samples`, () => {
      let prev = '';
      for (let f = 0; f < 2_000_000; f += 997) {
        const tc = framesToTimecode(f, rate, { dropFrame: df });
        expect(tc > prev || f === 0).toBe(true); // labels increase (no wrap inside a day)
        prev = tc;
        expect(timecodeToFrames(tc, rate, { dropFrame: df })).toBe(f);
      }
    });
  }

  it('one hour of labels at each rate', () => {
    expect(framesToTimecode(3600 * 24, RATES['24'])).toBe('01:00:00:00');
    expect(framesToTimecode(3600 * 25, RATES['25'])).toBe('01:00:00:00');
    expect(framesToTimecode(3600 * 50 + 49, RATES['50'])).toBe('01:00:00:49');
    expect(framesToTimecode(3600 * 60, RATES['60'])).toBe('01:00:00:00');
    expect(framesToTimecode(3600 * 30, RATES['30'])).toBe('01:00:00:00');
  });

  it('drop-frame skips exactly the first two labels of each non-tenth minute', () => {
    const r = RATES['29.97'];
    const labels = new Set<string>();
    for (let f = 0; f < 17982; f++) labels.add(framesToTimecode(f, r, { dropFrame: true }));
    expect(labels.size).toBe(17982);
    expect(labels.has('00:01:00;00')).toBe(false);
    expect(labels.has('00:01:00;01')).toBe(false);
    expect(labels.has('00:01:00;02')).toBe(true);
    expect(labels.has('00:00:00;00')).toBe(true);
    expect(framesToTimecode(17981, r, { dropFrame: true })).toBe('00:09:59;29');
    // 59.94 skips four
    expect(framesToTimecode(3600, RATES['59.94'], { dropFrame: true })).toBe('00:01:00;04');
    expect(framesToTimecode(3599, RATES['59.94'], { dropFrame: true })).toBe('00:00:59;59');
  });

  it('wraps at 24 hours', () => {
    expect(framesToTimecode(24 * 3600 * 24 + 5, RATES['24'])).toBe('00:00:00:05');
    expect(framesToTimecode(2589408, RATES['29.97'], { dropFrame: true })).toBe('00:00:00;00');
  });
});

describe('parsing', () => {
  it('reads the drop-frame separator when not told', () => {
    expect(timecodeToFrames('00:01:00;02', RATES['29.97'])).toBe(1800);
    expect(timecodeToFrames('00:01:00.02', RATES['29.97'])).toBe(1800);
    expect(timecodeToFrames('00:01:00:02', RATES['29.97'])).toBe(1802);
  });

  it('rejects labels that drop-frame skips, out-of-range fields and junk, with codes', () => {
    const bad: [string, Rate, string][] = [
      ['00:01:00;00', RATES['29.97'], 'timecode/dropped-label'],
      ['00:01:00;01', RATES['29.97'], 'timecode/dropped-label'],
      ['00:00:00:24', RATES['24'], 'timecode/range'],
      ['00:60:00:00', RATES['25'], 'timecode/range'],
      ['1:2:3', RATES['25'], 'timecode/syntax'],
      ['00:00:00;00', RATES['25'], 'timecode/drop-frame-rate'],
    ];
    for (const [tc, rate, code] of bad) {
      try {
        timecodeToFrames(tc, rate, tc.includes(';') && rate === RATES['25'] ? { dropFrame: true } : {});
        expect.unreachable(tc);
      } catch (e) {
        expect(isKinoError(e)).toBe(true);
        expect((e as { code: string }).code).toBe(code);
      }
    }
  });

  it('23.976 has no drop-frame', () => {
    expect(supportsDropFrame(RATES['23.976'])).toBe(false);
    expect(() => framesToTimecode(10, RATES['23.976'], { dropFrame: true })).toThrow(/Drop-frame timecode does not exist/);
  });
});

describe('rateFromFps', () => {
  it('recognises NTSC rates from their float spellings', () => {
    expect(rateFromFps(23.976)).toEqual({ num: 24000, den: 1001 });
    expect(rateFromFps(23.98)).toEqual({ num: 24000, den: 1001 });
    expect(rateFromFps(24000 / 1001)).toEqual({ num: 24000, den: 1001 });
    expect(rateFromFps(29.97)).toEqual({ num: 30000, den: 1001 });
    expect(rateFromFps(59.94)).toEqual({ num: 60000, den: 1001 });
    expect(rateFromFps(25)).toEqual({ num: 25, den: 1 });
    expect(rateFromFps(12.5)).toEqual({ num: 25, den: 2 });
  });
});
