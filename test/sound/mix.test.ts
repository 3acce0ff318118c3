import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Noise } from '../../src/sound/dsp/noise';
import { duckingGain } from '../../src/sound/ducking';
import { ffmpegEbur128 } from '../../src/sound/ebur128-ffmpeg';
import { truePeakLimit } from '../../src/sound/limiter';
import { measureLoudness } from '../../src/sound/loudness';
import { mix } from '../../src/sound/mix';
import { normalizeLoudness } from '../../src/sound/normalize';
import { writeWav } from '../../src/sound/wav';
import { rmsDb, sineSegments, tmpDir } from './helpers';

const SR = 48000;
const pink = (seconds: number, seed: string, gain = 0.3) => new Noise(seed).fill(new Float32Array(seconds * SR), 'pink', gain);

describe('ducking', () => {
  it('drops music ≈12 dB under dialogue and recovers after it', () => {
    // Music: steady pink noise for 8 s. Dialogue: a 1 kHz "voice" from 2 s to 4 s.
    const music = pink(8, 'music');
    const voice = new Float32Array(8 * SR);
    voice.set(sineSegments([[-20, 2]]), 2 * SR);
    const r = mix(
      [
        { role: 'music', startSeconds: 0, samples: music },
        { role: 'dialogue', startSeconds: 0, samples: voice },
      ],
      { targetLufs: null, truePeakDb: 0 },
    );
    // Gain applied to the music in a window: stem level over the source level (−3 dB pan law).
    const gainIn = (a: number, b: number) => rmsDb(r.stems.music[0], a * SR, b * SR) - rmsDb(music, a * SR, b * SR) + 3.0103;
    expect(gainIn(0.5, 1.8)).toBeCloseTo(0, 1);
    expect(gainIn(2.5, 3.8)).toBeGreaterThan(-13);
    expect(gainIn(2.5, 3.8)).toBeLessThan(-11);
    expect(gainIn(5.5, 7.5)).toBeGreaterThan(-0.5);
    // The dialogue itself is untouched.
    expect(rmsDb(r.stems.dialogue[0], 2.5 * SR, 3.5 * SR)).toBeCloseTo(-20 - 3.01 - 3.01, 1); // −3 dB pan law, sine RMS
    // Attack ≈20 ms, led by the look-ahead: fully down by the time the voice has started.
    const g = duckingGain([voice], SR);
    expect(20 * Math.log10(g[2 * SR + Math.round(0.01 * SR)])).toBeLessThan(-6);
    expect(20 * Math.log10(g[Math.round(1.9 * SR)])).toBeGreaterThan(-0.1);
    // Release ≈300 ms after a 300 ms hold: half-way back within ~0.9 s, all the way by 2 s.
    expect(20 * Math.log10(g[Math.round(4.9 * SR)])).toBeGreaterThan(-6);
    expect(20 * Math.log10(g[Math.round(6 * SR)])).toBeGreaterThan(-0.3);
    expect(r.duckGain.length).toBe(800);
  });
});

describe('limiting and normalisation', () => {
  it('normalises a hot signal to −23 LUFS and holds true peak ≤ −1 dBTP, measured by our meter and FFmpeg', async () => {
    // Pink noise with hard transients: 12 dB crest above the bed, plus inter-sample overs.
    const x = pink(12, 'hot', 0.9);
    for (let t = 0.5; t < 12; t += 0.7) x.set(sineSegments([[6, 0.01]], 11025, SR, Math.PI / 4), Math.round(t * SR));
    const out = normalizeLoudness([x, x.slice()], SR, -23, -1);
    const m = measureLoudness(out.channels, SR);
    expect(Math.abs(m.integratedLufs + 23)).toBeLessThanOrEqual(0.1);
    expect(m.truePeakDbtp).toBeLessThanOrEqual(-1.0);
    const file = path.join(tmpDir('limit'), 'hot.wav');
    await writeWav(file, out.channels, SR, 'float32');
    const ff = await ffmpegEbur128(file);
    expect(Math.abs(ff.integratedLufs + 23)).toBeLessThanOrEqual(0.5);
    // FFmpeg's true-peak reads high near Nyquist (up to ~0.6 dB in the reference table).
    expect(ff.truePeakDbtp).toBeLessThanOrEqual(-0.4);
  });

  it('limits to streaming targets too (−14 LUFS, −1 dBTP) and leaves quiet material alone', () => {
    const x = pink(6, 'stream', 0.08);
    for (let t = 0.3; t < 6; t += 0.5) x.set(sineSegments([[0, 0.002]], 3000), Math.round(t * SR));
    const out = normalizeLoudness([x, x.slice()], SR, -14, -1);
    const m = measureLoudness(out.channels, SR);
    expect(Math.abs(m.integratedLufs + 14)).toBeLessThanOrEqual(0.1);
    expect(m.truePeakDbtp).toBeLessThanOrEqual(-1);
    expect(out.limiter.maxReductionDb).toBeGreaterThan(0);
    const quiet = sineSegments([[-30, 2]]);
    const lim = truePeakLimit([quiet], SR, { ceilingDb: -1 });
    expect(lim.maxReductionDb).toBe(0);
    expect(lim.gain.reduce((m, v) => Math.min(m, v), 1)).toBe(1);
  });
});

describe('mix', () => {
  it('places clips in time, pans, resamples, loops and keeps stems summing to the mix', () => {
    const tone = sineSegments([[-20, 1]], 440);
    const tone22 = sineSegments([[-20, 1]], 440, 22050);
    const r = mix(
      [
        { role: 'dialogue', startSeconds: 1, samples: tone, pan: -1 },
        { role: 'effects', startSeconds: 3, samples: tone22, sampleRate: 22050, pan: 1 },
        { role: 'ambience', startSeconds: 0, samples: [pink(1, 'a', 0.01), pink(1, 'b', 0.01)], loop: true, durationSeconds: 6, fadeInSeconds: 0.5 },
        { role: 'music', startSeconds: 4.5, samples: tone, gainDb: -6 },
      ],
      { targetLufs: null, truePeakDb: 0, duck: false },
    );
    expect(r.mix[0].length).toBe(6 * SR);
    const [L, R] = r.stems.dialogue;
    expect(rmsDb(L, 1.1 * SR, 1.9 * SR)).toBeCloseTo(-23.01, 1);
    expect(rmsDb(R, 1.1 * SR, 1.9 * SR)).toBe(-Infinity);
    expect(rmsDb(L, 0, 0.9 * SR)).toBe(-Infinity);
    expect(rmsDb(r.stems.effects[1], 3.1 * SR, 3.9 * SR)).toBeGreaterThan(-24); // resampled tone + ambience
    // Ambience loops the 1 s clip for all 6 s and lands in the effects stem.
    expect(rmsDb(r.stems.effects[0], 5.1 * SR, 5.9 * SR)).toBeGreaterThan(-60);
    let maxErr = 0;
    for (let c = 0; c < 2; c++) for (let i = 0; i < r.mix[c].length; i++) maxErr = Math.max(maxErr, Math.abs(r.mix[c][i] - r.stems.dialogue[c][i] - r.stems.music[c][i] - r.stems.effects[c][i]));
    expect(maxErr).toBeLessThan(1e-6);
  });

  it('normalises the mix to the target with our meter and lands within ±0.5 LU by FFmpeg', async () => {
    const voice = sineSegments([[-12, 3]], 300);
    const r = mix(
      [
        { role: 'music', startSeconds: 0, samples: [pink(10, 'mL', 0.1), pink(10, 'mR', 0.1)] },
        { role: 'dialogue', startSeconds: 2, samples: voice },
        { role: 'effects', startSeconds: 7, samples: sineSegments([[0, 0.05]], 2000) },
      ],
      { targetLufs: -16 },
    );
    expect(Math.abs(r.loudness.integratedLufs + 16)).toBeLessThanOrEqual(0.1);
    expect(r.loudness.truePeakDbtp).toBeLessThanOrEqual(-1);
    const file = path.join(tmpDir('mix'), 'mix.wav');
    await writeWav(file, r.mix, SR, 'pcm24');
    expect(Math.abs((await ffmpegEbur128(file)).integratedLufs + 16)).toBeLessThanOrEqual(0.5);
  });

  it('reports every bad clip at once', () => {
    try {
      mix([{ role: 'voice' as never, startSeconds: 0, samples: new Float32Array(1) }, { role: 'music', startSeconds: -1, samples: new Float32Array(1) }]);
      expect.unreachable();
    } catch (e) {
      const issues = (e as { issues: Array<{ message: string }> }).issues;
      expect(issues.length).toBe(1);
      expect(issues[0].message).toMatch(/mix\.clips\[0\]\.role/);
    }
    expect(() => mix([{ role: 'music', startSeconds: -1, samples: new Float32Array(1) }])).toThrowError(/startSeconds/);
  });
});
