// A planned film's soundtrack on the edit clock: lines and foley play where the cut shows their
// moment (sample-exact), beds run across cuts and crossfade over dissolves, the picture's fades
// fade the programme, and the mix meets its loudness target with true peak ≤ −1 dBTP.
// Dialogue here is a tone per line (an onset that is exact to the sample); the real-voice path
// runs in test/conform.

import { describe, expect, it } from 'vitest';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { Ambience, Character, Film, Foley, Music, Place, Say, Scene, Shot, Transition } from 'kino';
import { decodeAudioFile } from '../../src/sound/decode';
import { filmSoundSources } from '../../src/sound/film';
import { integratedLoudness } from '../../src/sound/loudness';
import { writeWav } from '../../src/sound/wav';
import { isKinoError } from '../../src/doc/errors';
import type { FilmPlan } from '../../src/plan/schema';
import { editTimeOf, placeEvent, renderFilmSound, sceneSound, sceneWindows, type ShotWindow } from '../../src/sound/film';
import { measureLoudness } from '../../src/sound/loudness';
import { must } from './plan';
import { rmsDb, toneLevelDb } from './helpers';

const SR = 48000;
const FPS = 24;

/** A line's stand-in: a 1 kHz cosine, full level from its first sample. */
function tone(seconds: number, freq = 1000): Float32Array {
  const x = new Float32Array(Math.round(seconds * SR));
  for (let i = 0; i < x.length; i++) x[i] = 0.3 * Math.cos((2 * Math.PI * freq * i) / SR);
  return x;
}

const LENGTHS: Record<string, number> = { 'a/l1': 0.8, 'a/l2': 0.8, 'b/l3': 0.5, 'b/l4': 0.6 };

function film(mix?: { targetLufs?: number; music?: boolean }): FilmPlan {
  return must(
    <Film title="Mix" fps={FPS} mix={mix}>
      <Character id="ana" />
      <Character id="ben" />
      <Scene id="a" heading="INT. KITCHEN - NIGHT" mood="tense">
        <Place who="ana" position={[-1, 0, 0]} />
        <Place who="ben" position={[1, 0, 0]} />
        <Say id="l1" who="ana">One.</Say>
        <Say id="l2" who="ben" at="after:l1+0.5s">Two.</Say>
        <Shot id="s1" subject={['ana', 'ben']} duration="2s" />
        {/* Coverage that goes back in scene time: l1's tail and all of l2 again. */}
        <Shot id="s2" subject="ben" from="1.2s" duration="2s" />
      </Scene>
      <Transition kind="dissolve" duration="0.5s" />
      <Scene id="b" heading="EXT. MAIN STREET - DAY" mood="warm">
        <Place who="ana" position={[0, 0, 0]} />
        <Say id="l3" who="ana">Three.</Say>
        <Say id="l4" who="ana" at="after:l3+0.2s">Four.</Say>
        <Shot id="s3" subject="ana" from="1.1s" duration="3s" />
      </Scene>
      <Transition kind="fade-out" duration="1s" />
    </Film>,
    { lineDurations: LENGTHS },
  );
}

const FREQ: Record<string, number> = { 'a/l1': 1000, 'a/l2': 1500, 'b/l3': 700, 'b/l4': 1200 };
const lines = new Map(Object.entries(LENGTHS).map(([k, s]) => [k, { samples: tone(s, FREQ[k]) }]));

/** First sample at or after `from` whose magnitude exceeds `threshold`. */
function onset(x: Float32Array, from: number, threshold = 1e-3): number {
  for (let i = Math.max(0, Math.floor(from)); i < x.length; i++) if (Math.abs(x[i]) > threshold) return i;
  return -1;
}

const win = (editStart: number, editEnd: number, sceneIn: number): ShotWindow => ({ shot: { key: 'x' } as never, editStart, editEnd, sceneIn, sceneOut: sceneIn + (editEnd - editStart) });

describe('scene time → edit time', () => {
  it('places an event on the clock of the shot that shows it, and drops what no shot shows', () => {
    const ws = [win(0, 2, 0), win(2, 4, 1.2)];
    // Inside shot 1 only: at its offset.
    expect(placeEvent(ws, 0.5, 0.5, 1 / FPS)).toEqual([{ editStart: 0.5, sourceStart: 0, duration: 0.5, cutIn: false, cutOut: false, shotKey: 'x' }]);
    // Shot 2 goes back to 1.2 s: an event at 1.0–1.5 is heard in shot 1, then again (its tail) in shot 2.
    const twice = placeEvent(ws, 1.0, 0.5, 1 / FPS);
    expect(twice.map((p) => [p.editStart, p.sourceStart, p.duration, p.cutIn, p.cutOut].map((v) => (typeof v === 'number' ? +v.toFixed(9) : v)))).toEqual([
      [1.0, 0, 0.5, false, false],
      [2.0, 0.2, 0.3, true, false],
    ]);
    expect(placeEvent(ws, 5, 1, 1 / FPS)).toEqual([]);
    // A bed starting at a moment no shot shows starts with the next shot that does.
    expect(editTimeOf([win(0, 1, 0), win(1, 2, 3)], 2)).toBe(1);
  });

  it('joins a sound across a cut that continues the action, within a frame of drift, and re-syncs beyond', () => {
    // Frame rounding: shot 2 picks up 12 ms later in scene time than shot 1 left off.
    const ws = [win(0, 1, 0), win(1, 2, 1.012), win(2, 3, 2.05)];
    const joined = placeEvent(ws, 0.5, 1.2, 1 / FPS);
    expect(joined).toHaveLength(1);
    expect(joined[0]).toMatchObject({ editStart: 0.5, sourceStart: 0, cutOut: false });
    expect(joined[0].duration).toBeCloseTo(1.2, 9);
    // By shot 3 the join would lag the picture by 62 ms (1.5 frames): a new stretch re-syncs.
    const split = placeEvent(ws, 0.5, 2.0, 1 / FPS);
    expect(split).toHaveLength(2);
    expect(split[1].editStart).toBe(2);
    expect(split[1].sourceStart).toBeCloseTo(2.05 - 0.5, 9);
  });
});

describe('renderFilmSound', () => {
  const plan = film();
  const st = renderFilmSound(plan, { lines });
  const d = st.stems.dialogue[0];

  it('starts every line where the cut shows it, to the sample, and is silent where no shot shows one', () => {
    const fps = plan.fpsValue;
    const shots = plan.scenes.flatMap((s) => s.shots);
    // Expected edit times, from the plan: a line at scene time t in a shot starts at startFrame/fps + (t − sceneIn).
    const a = plan.scenes[0], b = plan.scenes[1];
    const [l1, l2] = a.lines;
    const [s1, s2] = a.shots;
    const expected = [
      { at: s1.startFrame / fps + (l1.t0 - s1.sceneIn), len: 0.8 },
      { at: s1.startFrame / fps + (l2.t0 - s1.sceneIn), len: s1.sceneOut - l2.t0 },
      { at: s2.startFrame / fps, len: l1.t1 - s2.sceneIn }, // l1's tail again
      { at: s2.startFrame / fps + (l2.t0 - s2.sceneIn), len: 0.8 },
    ];
    expect(shots.map((s) => s.key)).toEqual(['a/s1', 'a/s2', 'b/s3']);
    for (const [k, e] of expected.entries()) {
      const want = Math.round(e.at * SR);
      if (k === 2) {
        // Right after the cut to s2, l2's cut-off tail hands over to l1's tail: l1's tone it is.
        expect(toneLevelDb(d, 1000, SR, want + 0.006 * SR, want + (e.len - 0.006) * SR)).toBeGreaterThan(toneLevelDb(d, 1500, SR, want + 0.006 * SR, want + (e.len - 0.006) * SR) + 30);
        continue;
      }
      // The cut's de-click fade (5 ms) lets a cut-in start softly; a line's own start is immediate.
      const got = onset(d, want - 200, 1e-4);
      expect(Math.abs(got - want), `line at ${e.at}`).toBeLessThanOrEqual(1);
      expect(rmsDb(d, want + 0.01 * SR, want + (e.len - 0.01) * SR)).toBeGreaterThan(-30);
    }
    // l3 is before b/s3's window: never heard. l4 plays from b/s3's start.
    const [l3, l4] = b.lines;
    expect(st.dialogue.find((x) => x.lineId === 'l3')!.pieces).toEqual([]);
    const s3 = b.shots[0];
    const l4at = s3.startFrame / fps + (l4.t0 - s3.sceneIn);
    expect(l3.t1).toBeLessThan(s3.sceneIn);
    expect(Math.abs(onset(d, (s3.startFrame / fps) * SR - 100) - Math.round(l4at * SR))).toBeLessThanOrEqual(1);
    // Silence between the lines (only the de-click tails around cuts).
    expect(rmsDb(d, (expected[0].at + 0.81) * SR, (expected[1].at - 0.01) * SR)).toBeLessThan(-120);
    expect(rmsDb(d, (s2.startFrame / fps + 0.11) * SR, (expected[3].at - 0.01) * SR)).toBeLessThan(-120);
  });

  it('runs a bed per scene across its cuts, crossfading over the dissolve', () => {
    const fps = plan.fpsValue;
    const cut = plan.scenes[1].startFrame / fps;
    const half = 6 / fps; // a 12-frame dissolve straddles the cut
    const music = st.cues.filter((c) => c.role === 'music');
    expect(music.map((c) => [c.sceneId, c.kind, +c.startSeconds.toFixed(6), +c.endSeconds.toFixed(6)])).toEqual([
      ['a', 'tense', 0, +(cut + half).toFixed(6)],
      ['b', 'warm', +(cut - half).toFixed(6), +(plan.totalFrames / fps).toFixed(6)],
    ]);
    const amb = st.cues.filter((c) => c.role === 'ambience');
    expect(amb.map((c) => [c.kind, +c.startSeconds.toFixed(6), +c.endSeconds.toFixed(6)])).toEqual([
      ['room-tone', 0, +(cut + half).toFixed(6)],
      ['city', +(cut - half).toFixed(6), +(plan.totalFrames / fps).toFixed(6)],
    ]);
    // Music plays through scene a's cut at 2 s with no gap.
    const m = st.stems.music[0];
    for (let t = 0.6; t < cut - 0.3; t += 0.1) expect(rmsDb(m, t * SR, (t + 0.1) * SR), `music at ${t.toFixed(1)} s`).toBeGreaterThan(-70);
  });

  it('fades the programme out with the picture, and mixes to −23 LUFS with true peak ≤ −1 dBTP', () => {
    const end = plan.totalFrames / plan.fpsValue;
    const n = st.mix[0].length;
    expect(n).toBe(Math.round(end * SR));
    expect(rmsDb(st.mix[0], n - 0.01 * SR, n)).toBeLessThan(-70);
    expect(rmsDb(st.mix[0], (end - 1.3) * SR, (end - 1.0) * SR)).toBeGreaterThan(-50);
    expect(Math.abs(st.loudness.integratedLufs + 23)).toBeLessThanOrEqual(0.1);
    expect(st.loudness.truePeakDbtp).toBeLessThanOrEqual(-1 + 1e-6);
    // Measured again from scratch, and the stems sum to the mix.
    expect(Math.abs(measureLoudness(st.mix, SR).integratedLufs + 23)).toBeLessThanOrEqual(0.1);
    let err = 0;
    for (let c = 0; c < 2; c++) for (let i = 0; i < n; i += 7) err = Math.max(err, Math.abs(st.stems.dialogue[c][i] + st.stems.music[c][i] + st.stems.effects[c][i] - st.mix[c][i]));
    expect(err).toBeLessThan(1e-5);
  });

  it('honours the Film mix settings: another loudness target, a layer turned off', () => {
    const p = film({ targetLufs: -16, music: false });
    const s = renderFilmSound(p, { lines });
    expect(Math.abs(s.loudness.integratedLufs + 16)).toBeLessThanOrEqual(0.1);
    expect(s.loudness.truePeakDbtp).toBeLessThanOrEqual(-1 + 1e-6);
    expect(s.stems.music[0].every((v) => v === 0)).toBe(true);
    expect(s.cues.some((c) => c.role === 'music')).toBe(false);
  });

  it('is deterministic, and refuses to mix a line it has no audio for', () => {
    const again = renderFilmSound(plan, { lines });
    expect(Buffer.from(again.mix[0].buffer).equals(Buffer.from(st.mix[0].buffer))).toBe(true);
    expect(sceneSound(plan.scenes[0]).dialogue.map((x) => x.key)).toEqual(['a/l1', 'a/l2']);
    let err: unknown;
    try {
      renderFilmSound(plan, { lines: new Map([...lines].filter(([k]) => k !== 'a/l2')) });
    } catch (e) {
      err = e;
    }
    expect(isKinoError(err) && err.code).toBe('sound/line-missing');
    expect(sceneWindows(plan, plan.scenes[0])).toHaveLength(2);
  });
});

describe('music across scenes, and recorded files', () => {
  it('carries a <Music carry> cue through scenes without their own music, and stops it with mood="none"', () => {
    const p = must(
      <Film title="Carry" fps={FPS}>
        <Character id="ana" />
        <Scene id="a" mood="sad">
          <Place who="ana" position={[0, 0, 0]} />
          <Music mood="noir" carry />
          <Shot id="s" duration="2s" />
        </Scene>
        <Scene id="b" mood="playful">
          <Place who="ana" position={[0, 0, 0]} />
          <Shot id="s" duration="2s" />
        </Scene>
        <Scene id="c">
          <Place who="ana" position={[0, 0, 0]} />
          <Music mood="none" />
          <Shot id="s" duration="2s" />
        </Scene>
        <Scene id="d" mood="playful">
          <Place who="ana" position={[0, 0, 0]} />
          <Shot id="s" duration="1s" />
        </Scene>
        <Scene id="e" mood="happy">
          <Place who="ana" position={[0, 0, 0]} />
          <Shot id="s" duration="1s" />
        </Scene>
      </Film>,
    );
    const st = renderFilmSound(p, { lines: new Map() });
    // One noir bed over a and b (b's own mood is overridden), silence in c, one playful bed over d and e ("happy" reads as playful).
    expect(st.cues.filter((c) => c.role === 'music').map((c) => [c.sceneId, c.kind, c.startSeconds, c.endSeconds])).toEqual([
      ['a', 'noir', 0, 4],
      ['d', 'playful', 6, 8],
    ]);
    expect(rmsDb(st.stems.music[0], 4.05 * SR, 5.95 * SR)).toBeLessThan(-120);
  });

  it('plays recorded music, backgrounds and effects from files, levelled like the procedural ones', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kino-src-'));
    const wav = path.join(dir, 'score.wav');
    const amb = path.join(dir, 'rain.wav');
    const hit = path.join(dir, 'hit.wav');
    const score = [tone(6, 440), tone(6, 660)];
    await writeWav(wav, score, SR, 'float32');
    await writeWav(amb, [tone(0.5, 200).map((v) => v * 0.2), tone(0.5, 200).map((v) => v * 0.2)], SR, 'float32');
    await writeWav(hit, [tone(0.2, 3000 * (48000 / 44100)).subarray(0, 8820)], 44100, 'pcm16'); // 0.2 s at another rate, mono: FFmpeg converts
    const p = must(
      <Film title="Files" fps={FPS}>
        <Character id="ana" />
        <Scene id="a">
          <Place who="ana" position={[0, 0, 0]} />
          <Music src={wav} />
          <Ambience type="rain" src={amb} />
          <Foley kind="impact" src={hit} at="1s" />
          <Shot id="s" duration="3s" />
        </Scene>
      </Film>,
    );
    expect(filmSoundSources(p)).toEqual([amb, hit, wav].sort());
    const files = new Map(await Promise.all(filmSoundSources(p).map(async (f) => [f, await decodeAudioFile(f)] as const)));
    expect(files.get(hit)![0].length).toBe(Math.round(0.2 * SR));
    const st = renderFilmSound(p, { lines: new Map(), files });
    // The score is levelled to the music bed level, then trimmed by the music level (−4 dB), then the mix normalised.
    const mus = st.stems.music;
    const musLufs = integratedLoudness([mus[0].subarray(1.2 * SR, 2.8 * SR), mus[1].subarray(1.2 * SR, 2.8 * SR)], SR) - st.normalisationGainDb;
    expect(musLufs).toBeCloseTo(-26 - 4, 0);
    // The half-second background loops to fill the scene.
    expect(rmsDb(st.stems.effects[0], 2.5 * SR, 2.9 * SR)).toBeGreaterThan(-80);
    // The effect starts at 1 s.
    const fx = st.stems.effects[0];
    expect(toneLevelDb(fx, 3000, SR, 1.01 * SR, 1.19 * SR)).toBeGreaterThan(toneLevelDb(fx, 3000, SR, 0.8 * SR, 0.98 * SR) + 40);
  });
});

