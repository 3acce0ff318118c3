import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { probe } from '../../src/util/ffmpeg';
import { mouthOpenness } from '../../src/sound/dialogue';
import { ffmpegEbur128 } from '../../src/sound/ebur128-ffmpeg';
import { renderSoundtrack, writeAudioFolder, type SoundtrackSpec } from '../../src/sound/soundtrack';
import { sha256 } from '../../src/util/hash';
import { tmpDir } from './helpers';

const FPS = 24;

const DEMO: SoundtrackSpec = {
  seed: 'demo-film',
  dialogue: [
    { id: 'l1', characterId: 'detective', text: 'You were at the diner last night.', startSeconds: 2 },
    { id: 'l2', characterId: 'waitress', text: 'Everybody was. It is the only place open.' },
    { id: 'l3', characterId: 'detective', text: 'Then somebody saw something.' },
    { id: 'l4', characterId: 'waitress', text: 'Somebody always does.', startSeconds: 11 },
  ],
  music: [{ id: 'score', mood: 'noir', startSeconds: 0, durationSeconds: 15 }],
  ambience: [{ id: 'room', type: 'diner', timeOfDay: 'night', startSeconds: 0, durationSeconds: 15 }],
  foley: [
    { id: 'steps', startSeconds: 0.3, sound: { kind: 'footsteps', surface: 'tile', count: 3 } },
    { id: 'sit', startSeconds: 1.4, sound: { kind: 'sit', chair: 'upholstered' } },
    { id: 'door', startSeconds: 13, sound: { kind: 'door', action: 'slam' } },
  ],
  mix: { targetLufs: -23, truePeakDb: -1 },
};

describe('renderSoundtrack', () => {
  it('mixes a small film to −23 LUFS (our meter ±0.1, FFmpeg ±0.5) with true peak ≤ −1 dBTP, and writes the audio folder', async () => {
    const cacheDir = tmpDir('st-cache');
    const st = await renderSoundtrack({ ...DEMO, cacheDir });
    expect(st.durationSeconds).toBe(15);
    expect(st.mix[0].length).toBe(15 * 48000);
    expect(Math.abs(st.loudness.integratedLufs + 23)).toBeLessThanOrEqual(0.1);
    expect(st.loudness.truePeakDbtp).toBeLessThanOrEqual(-1);
    expect(st.warnings).toEqual([]);
    // Cue sheet: lines in order, the unplaced ones following on.
    const ids = st.cues.map((c) => c.id);
    expect(ids.indexOf('l1')).toBeLessThan(ids.indexOf('l2'));
    const l2 = st.dialogue.lines[1];
    expect(l2.startSeconds).toBeCloseTo(st.dialogue.lines[0].endSeconds + 0.35, 9);

    const dir = tmpDir('st-out');
    const files = await writeAudioFolder(dir, st);
    expect(files.map((f) => path.relative(dir, f)).sort()).toEqual(['dialogue/l1.wav', 'dialogue/l2.wav', 'dialogue/l3.wav', 'dialogue/l4.wav', 'mix.wav', 'soundtrack.json', 'stems/dialogue.wav', 'stems/effects.wav', 'stems/music.wav']);
    const p = await probe(path.join(dir, 'mix.wav'));
    expect(p.streams[0]).toMatchObject({ codec_name: 'pcm_s24le', sample_rate: '48000', channels: 2 });
    expect(Number(p.format.duration)).toBeCloseTo(15, 3);
    const ff = await ffmpegEbur128(path.join(dir, 'mix.wav'));
    expect(Math.abs(ff.integratedLufs + 23)).toBeLessThanOrEqual(0.5);
    const meta = JSON.parse(fs.readFileSync(path.join(dir, 'soundtrack.json'), 'utf8'));
    expect(meta.dialogue.map((d: { id: string }) => d.id)).toEqual(['l1', 'l2', 'l3', 'l4']);
    expect(meta.loudness.integratedLufs).toBeCloseTo(st.loudness.integratedLufs, 9);

    // Lip sync: each line's audio starts within one frame of that character's mouth moving.
    const [dl] = st.stems.dialogue;
    for (const line of st.dialogue.lines) {
      let i = Math.round((line.startSeconds - 0.2) * 48000); // lines are 0.35 s apart
      while (Math.abs(dl[i]) < 0.003) i++;
      const audioStart = i / 48000;
      expect(Math.abs(audioStart - line.startSeconds)).toBeLessThanOrEqual(1 / FPS);
      let t = line.startSeconds - 0.2;
      while (mouthOpenness(st.dialogue, line.characterId, t) < 0.05) t += 0.001;
      expect(Math.abs(t - audioStart)).toBeLessThanOrEqual(1 / FPS);
    }

    // Deterministic: a second render (now from the dialogue cache) is bit-identical.
    const again = await renderSoundtrack({ ...DEMO, cacheDir });
    expect(again.dialogue.lines.every((l) => l.cached)).toBe(true);
    const h = (x: Float32Array) => sha256(new Uint8Array(x.buffer, x.byteOffset, x.byteLength));
    expect(h(again.mix[0])).toBe(h(st.mix[0]));
    expect(h(again.mix[1])).toBe(h(st.mix[1]));
  });

  it('reports every problem in a bad cue sheet at once', async () => {
    await expect(
      renderSoundtrack({
        music: [{ id: 'm', mood: 'happy' as never, startSeconds: 0, durationSeconds: 5 }],
        ambience: [{ id: 'a', type: 'beach' as never, startSeconds: 0, durationSeconds: 5 }],
      }),
    ).rejects.toMatchObject({ issues: [{ prop: 'music.0.mood' }, { prop: 'ambience.0.type' }] });
  });
});
