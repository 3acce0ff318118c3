import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { castVoices, layoutDialogue, mouthOpenAt, mouthOpenness, mouthTrack, synthesizeLine, voiceFor } from '../../src/sound/dialogue';
import { integratedLoudness } from '../../src/sound/loudness';
import { allFinite, tmpDir, sameSamples } from './helpers';

const FRAME_24 = 1 / 24;

/** First time the line is audibly speaking (−40 dBFS). */
function audioOnset(x: Float32Array, rate = 48000): number {
  for (let i = 0; i < x.length; i++) if (Math.abs(x[i]) > 0.01) return i / rate;
  return Infinity;
}

describe('voices', () => {
  it('derives a stable voice per character and honours overrides', () => {
    expect(voiceFor('detective')).toEqual(voiceFor('detective'));
    const v = voiceFor('detective', { variant: 'f3', pitch: 70, rate: 140 });
    expect(v).toMatchObject({ variant: 'f3', gender: 'female', pitch: 70, rate: 140, language: 'en-us' });
    expect(voiceFor('x', { gender: 'male' }).gender).toBe('male');
    expect(() => voiceFor('x', { variant: 'klatt' as never })).toThrow();
  });

  it('casts pairwise-distinct variants for a whole cast, independent of line order', () => {
    const ids = ['alice', 'bob', 'carol', 'dave', 'eve', 'frank', 'grace', 'heidi'];
    const cast = castVoices(ids);
    const variants = ids.map((id) => cast.get(id)!.variant);
    expect(new Set(variants).size).toBe(ids.length);
    expect(castVoices([...ids].reverse())).toEqual(cast);
  });
});

describe('synthesizeLine (eSpeak NG, offline)', () => {
  const cache = tmpDir('tts');

  it('speaks deterministically: same text and voice → byte-identical samples', async () => {
    // eSpeak seeds its jitter from the clock; kino freezes the clock the WASM sees. Move the
    // host clock between the renders to prove the output does not depend on it.
    const a = await synthesizeLine({ text: 'You were at the diner last night.', characterId: 'detective' });
    const now = vi.spyOn(Date, 'now').mockReturnValue(Date.UTC(2031, 0, 1));
    const perf = vi.spyOn(performance, 'now').mockReturnValue(987654321);
    const b = await synthesizeLine({ text: 'You were at the diner last night.', characterId: 'detective' });
    now.mockRestore();
    perf.mockRestore();
    expect(a.sampleRate).toBe(48000);
    expect(Buffer.from(a.samples.buffer).equals(Buffer.from(b.samples.buffer))).toBe(true);
    expect(a.durationSeconds).toBeGreaterThan(1);
    expect(a.durationSeconds).toBeLessThan(4);
    expect(allFinite(a.samples)).toBe(true);
    // Levelled to −20 LUFS by default.
    expect(integratedLoudness([a.samples], 48000)).toBeCloseTo(-20, 1);
  });

  it('caches renders by content hash, atomically', async () => {
    const a = await synthesizeLine({ text: 'Somebody always does.', characterId: 'waitress', cacheDir: cache });
    expect(a.cached).toBe(false);
    const b = await synthesizeLine({ text: 'Somebody always does.', characterId: 'waitress', cacheDir: cache });
    expect(b.cached).toBe(true);
    expect(sameSamples(b.samples, a.samples)).toBe(true);
    expect(fs.readdirSync(cache)).toEqual([`${a.key}.wav`]);
    const c = await synthesizeLine({ text: 'Somebody always does.', characterId: 'waitress', voice: { rate: 120 }, cacheDir: cache });
    expect(c.key).not.toBe(a.key);
    expect(c.durationSeconds).toBeGreaterThan(a.durationSeconds * 1.15); // slower speech, longer line
  });

  it('gives different characters audibly different voices', async () => {
    const a = await synthesizeLine({ text: 'Good evening.', characterId: 'x', voice: { variant: 'm3', pitch: 30 } });
    const b = await synthesizeLine({ text: 'Good evening.', characterId: 'y', voice: { variant: 'f2', pitch: 70 } });
    // Median fundamental over voiced 40 ms frames (autocorrelation peak in 60–400 Hz).
    const f0 = (x: Float32Array) => {
      const win = 1920, out: number[] = [];
      let loudest = 0;
      for (let o = 0; o + win < x.length; o += 960) loudest = Math.max(loudest, x.subarray(o, o + win).reduce((s, v) => s + v * v, 0));
      for (let o = 0; o + win + 800 < x.length; o += 960) {
        const e = x.subarray(o, o + win).reduce((s, v) => s + v * v, 0);
        if (e < 0.2 * loudest) continue;
        let best = 0, lag = 0;
        for (let L = 120; L <= 800; L++) {
          let c = 0;
          for (let i = 0; i < win; i++) c += x[o + i] * x[o + i + L];
          if (c > best) [best, lag] = [c, L];
        }
        out.push(48000 / lag);
      }
      return out.sort((p, q) => p - q)[out.length >> 1];
    };
    expect(f0(b.samples)).toBeGreaterThan(f0(a.samples) * 1.3);
  });

  it('returns a mouth envelope that opens with the audio and closes in pauses', async () => {
    const l = await synthesizeLine({ text: 'Stop. Right there.', characterId: 'cop' });
    const v = l.mouth.values;
    expect(l.mouth.frameRate).toBe(100);
    expect(v.length).toBe(Math.ceil(l.durationSeconds * 100));
    expect(Math.max(...v)).toBe(1);
    expect(Math.min(...v)).toBe(0);
    // The jaw starts moving within one 24 fps frame of the sound.
    const firstOpen = v.findIndex((x) => x > 0.05) / 100;
    expect(Math.abs(firstOpen - audioOnset(l.samples))).toBeLessThanOrEqual(FRAME_24);
    // The full stop between the sentences closes the mouth somewhere in the middle third.
    const mid = Array.from(v.subarray(Math.floor(v.length / 3), Math.floor((2 * v.length) / 3)));
    expect(Math.min(...mid)).toBeLessThan(0.05);
    expect(l.onsetsSeconds.length).toBeGreaterThanOrEqual(2);
    expect(l.onsetsSeconds.every((t, i, a) => t >= 0 && t < l.durationSeconds && (i === 0 || t > a[i - 1]))).toBe(true);
    const track = mouthTrack(l.mouth, 24);
    expect(track.length).toBe(Math.ceil(l.durationSeconds * 24));
    expect(mouthOpenAt(l.mouth, -1)).toBe(0);
  });

  it('refuses lines it cannot speak with a clear error (never silent audio)', async () => {
    await expect(synthesizeLine({ text: '   ' })).rejects.toMatchObject({ issues: [{ code: 'dialogue/invalid' }] });
    await expect(synthesizeLine({ text: '...' })).rejects.toMatchObject({ issues: [{ code: 'dialogue/silent' }] });
    await expect(synthesizeLine({ text: 'Hi', voice: { language: 'xx-nowhere' } })).rejects.toMatchObject({ issues: [{ code: 'dialogue/tts-failed' }] });
  });

  describe('when eSpeak NG cannot load', () => {
    const saved = process.env.KINO_ESPEAK_DIR;
    afterEach(() => {
      if (saved === undefined) delete process.env.KINO_ESPEAK_DIR;
      else process.env.KINO_ESPEAK_DIR = saved;
    });
    it('raises dialogue/espeak-unavailable for a broken WASM', async () => {
      const dir = tmpDir('espeak-broken');
      const real = path.dirname(new URL(import.meta.resolve('espeak-ng')).pathname);
      fs.copyFileSync(path.join(real, 'espeak-ng.js'), path.join(dir, 'espeak-ng.js'));
      fs.writeFileSync(path.join(dir, 'espeak-ng.wasm'), 'not wasm');
      process.env.KINO_ESPEAK_DIR = dir;
      await expect(synthesizeLine({ text: 'Hello.' })).rejects.toMatchObject({ issues: [{ code: 'dialogue/espeak-unavailable' }] });
    });
  });
});

describe('layoutDialogue', () => {
  it('places lines on the clock with start/end, gaps and explicit starts', async () => {
    const tl = await layoutDialogue(
      [
        { id: 'a', characterId: 'alice', text: 'Where were you?' },
        { id: 'b', characterId: 'bob', text: 'Out.' },
        { id: 'c', characterId: 'alice', text: 'Out where?', startSeconds: 10 },
        { id: 'd', characterId: 'bob', text: 'Just out.', gapBeforeSeconds: 1 },
      ],
      { startSeconds: 2, gapSeconds: 0.5 },
    );
    const [a, b, c, d] = tl.lines;
    expect(a.startSeconds).toBe(2);
    expect(a.endSeconds).toBeCloseTo(2 + a.durationSeconds, 9);
    expect(b.startSeconds).toBeCloseTo(a.endSeconds + 0.5, 9);
    expect(c.startSeconds).toBe(10);
    expect(d.startSeconds).toBeCloseTo(c.endSeconds + 1, 9);
    expect(tl.durationSeconds).toBeCloseTo(d.endSeconds, 9);
    expect(a.voice.variant).toBe(c.voice.variant);
    expect(a.voice.variant).not.toBe(b.voice.variant);
    expect(tl.warnings).toEqual([]);
    // Mouth: moving during the line, shut outside it and for other characters.
    const during = Array.from({ length: 20 }, (_, k) => mouthOpenness(tl, 'alice', a.startSeconds + (k / 20) * a.durationSeconds));
    expect(Math.max(...during)).toBeGreaterThan(0.5);
    expect(mouthOpenness(tl, 'alice', b.startSeconds + 0.1)).toBe(0);
    expect(mouthOpenness(tl, 'bob', a.startSeconds + 0.3)).toBe(0);
  });

  it('warns about overlaps and rejects duplicate ids', async () => {
    const tl = await layoutDialogue([
      { id: 'a', characterId: 'alice', text: 'I was home all night.' },
      { id: 'b', characterId: 'bob', text: 'Liar.', startSeconds: 0.5 },
    ]);
    expect(tl.warnings.map((w) => w.code)).toEqual(['dialogue/overlap']);
    await expect(layoutDialogue([{ id: 'a', characterId: 'x', text: 'One.' }, { id: 'a', characterId: 'x', text: 'Two.' }])).rejects.toMatchObject({ issues: [{ code: 'dialogue/duplicate-id' }] });
  });
});
