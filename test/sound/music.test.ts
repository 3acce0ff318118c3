import { describe, expect, it } from 'vitest';
import { measureLoudness } from '../../src/sound/loudness';
import { MOODS, MUSIC_MOODS, chordLabel, chordTones, musicBed } from '../../src/sound/music';
import { allFinite, rmsDb, sameSamples } from './helpers';

describe('music beds', () => {
  it('renders every mood: levelled, in the mood’s tempo range, deterministic', () => {
    for (const mood of MUSIC_MOODS) {
      const bed = musicBed({ mood, durationSeconds: 6, intensity: 0.9 }, 'scene-7');
      const [l, r] = bed.channels;
      expect(l.length).toBe(6 * 48000);
      expect(allFinite(l) && allFinite(r)).toBe(true);
      const loud = measureLoudness([l, r], 48000);
      expect(loud.integratedLufs, mood).toBeCloseTo(-26, 1);
      expect(loud.truePeakDbtp, mood).toBeLessThan(-3);
      expect(bed.tempoBpm).toBeGreaterThanOrEqual(MOODS[mood].tempo[0]);
      expect(bed.tempoBpm).toBeLessThanOrEqual(MOODS[mood].tempo[1]);
      expect(bed.barSeconds).toBeCloseTo((4 * 60) / bed.tempoBpm, 9);
    }
    const a = musicBed({ mood: 'noir', durationSeconds: 3 }, 'x');
    expect(sameSamples(a.channels[0], musicBed({ mood: 'noir', durationSeconds: 3 }, 'x').channels[0])).toBe(true);
    expect(sameSamples(a.channels[0], musicBed({ mood: 'noir', durationSeconds: 3 }, 'y').channels[0])).toBe(false);
  });

  it('takes key and tempo overrides and reports the harmony', () => {
    const bed = musicBed({ mood: 'noir', durationSeconds: 2, key: 'F', tempoBpm: 90 }, 1);
    expect(bed.key).toBe('F minor');
    expect(bed.tempoBpm).toBe(90);
    expect(bed.chords).toEqual(['iiø7', 'V7', 'i7', 'i7']);
    expect(musicBed({ mood: 'tense', durationSeconds: 1 }, 1).chords).toEqual(['i', '♭II', 'i', '♭vii']);
    expect(chordTones('major', { degree: 5, seventh: true })).toEqual([7, 11, 14, 17]);
    expect(chordLabel('minor', { degree: 6 })).toBe('♭VI');
  });

  it('follows the tempo: drum hits land on the beat grid', () => {
    const bed = musicBed({ mood: 'action', durationSeconds: 8, tempoBpm: 120, intensity: 1 }, 'chase');
    // At 120 bpm beats are 0.5 s apart; onsets in the low band (kick, taiko) sit on them.
    const [l] = bed.channels;
    const hop = 480;
    const energy = Array.from({ length: Math.floor(l.length / hop) }, (_, k) => rmsDb(l, k * hop, (k + 1) * hop));
    let onBeat = 0, offBeat = 0;
    for (let k = 2; k < energy.length; k++) {
      const rise = energy[k] - energy[k - 2];
      const phase = ((k * hop) / 48000) % 0.25; // sixteenth-note grid at 120 bpm
      if (rise > 6) (phase < 0.03 || phase > 0.22 ? onBeat++ : offBeat++);
    }
    expect(onBeat).toBeGreaterThan(offBeat * 3);
  });

  it('fades in and out and builds with intensity', () => {
    const [l] = musicBed({ mood: 'warm', durationSeconds: 12 }, 'f').channels;
    expect(rmsDb(l, 0, 2400)).toBeLessThan(rmsDb(l, 5 * 48000, 6 * 48000) - 12);
    expect(Math.abs(l[l.length - 1])).toBeLessThan(1e-3);
    const sparse = musicBed({ mood: 'action', durationSeconds: 6, intensity: 0 }, 'i');
    const full = musicBed({ mood: 'action', durationSeconds: 6, intensity: 1 }, 'i');
    // Same loudness target, but with drums the crest factor (peak vs loudness) is higher.
    expect(measureLoudness(full.channels, 48000).truePeakDbtp).toBeGreaterThan(measureLoudness(sparse.channels, 48000).truePeakDbtp);
  });

  it('rejects unknown moods with the list of moods', () => {
    expect(() => musicBed({ mood: 'jolly' as never, durationSeconds: 1 }, 1)).toThrowError(/neutral, warm, sad, tense, playful, noir, action, mysterious, triumphant/);
  });
});
