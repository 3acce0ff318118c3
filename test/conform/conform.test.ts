// The conform with sound, end to end through the real CLI: `kino render` speaks the lines,
// re-plans with their real lengths, mixes, renders the picture in Chromium, muxes the mix into
// the movie and writes the audio and editorial folders. Then we check the delivery the way a
// post house would: FFmpeg measures the movie's loudness, the movie's audio is decoded and each
// line found in it and set against the frame the speaker's mouth opens, and the timeline files
// are read back.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readManifest, type Manifest } from '../../src/deliver/manifest';
import { readEdl, readOtio, parseSrt, parseVtt, visibleSpans, type Timeline } from '../../src/editorial';
import { evaluateFrame } from '../../src/plan/evaluate';
import { FilmPlanSchema, type FilmPlan } from '../../src/plan/schema';
import { filmTimeline } from '../../src/pipeline/editorial';
import { ffmpegEbur128 } from '../../src/sound/ebur128-ffmpeg';
import { decodeAudioFile } from '../../src/sound/decode';
import type { DialoguePlacement } from '../../src/sound/film';
import { readWav } from '../../src/sound/wav';
import { probe } from '../../src/util/ffmpeg';
import { hashFile } from '../../src/util/hash';
import { kino, repoRoot } from '../core/helpers';
import { checkStructure, find, parse } from '../editorial/fcpxml-dtd';

const SR = 48000;
const fixture = path.join(repoRoot, 'test/conform/fixtures/dialogue.tsx');
const tmp = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `kino-conform-${name}-`));
const cache = tmp('cache');

let out: string;
let plan: FilmPlan;
let manifest: Manifest;
let json: { ok: boolean; movies: string[]; audio: { mix: string; integratedLufs: number } | null; editorial: string[] };
let meta: { dialogue: DialoguePlacement[]; loudness: { integratedLufs: number; truePeakDbtp: number }; target: { integratedLufs: number } };

beforeAll(() => {
  out = tmp('out');
  const r = kino(['render', fixture, '-o', out, '--json'], { env: { KINO_CACHE_DIR: cache } });
  expect(r.code, r.stderr).toBe(0);
  json = JSON.parse(r.stdout);
  plan = FilmPlanSchema.parse(JSON.parse(fs.readFileSync(path.join(out, 'film.json'), 'utf8')));
  manifest = readManifest(path.join(out, 'manifest.json'))!;
  meta = JSON.parse(fs.readFileSync(path.join(out, 'audio/soundtrack.json'), 'utf8'));
}, 240_000);

/** Normalised cross-correlation of `template` against `x` at lags in [from, to): the best lag. */
function bestLag(x: Float32Array, template: Float32Array, from: number, to: number, step = 1): { lag: number; score: number } {
  let tt = 0;
  for (const v of template) tt += v * v;
  let best = { lag: from, score: -Infinity };
  for (let lag = Math.max(0, from); lag < Math.min(to, x.length - template.length); lag += step) {
    let xt = 0, xx = 0;
    for (let i = 0; i < template.length; i++) {
      const v = x[lag + i];
      xt += v * template[i];
      xx += v * v;
    }
    const score = xt / Math.sqrt(tt * xx + 1e-20);
    if (score > best.score) best = { lag, score };
  }
  return best;
}

/** Coarse then fine: where `template` sits in `x` near `around` (± `radius` samples). */
function locate(x: Float32Array, template: Float32Array, around: number, radius: number): { lag: number; score: number } {
  const coarse = bestLag(x, template, around - radius, around + radius, 8);
  return bestLag(x, template, coarse.lag - 8, coarse.lag + 9);
}

const mono = (ch: Float32Array[]) => ch[0].map((v, i) => (v + ch[1][i]) / 2);

describe('kino render with sound (conform)', () => {
  it('muxes the mix into the movie: FFmpeg measures it within ±0.5 LU of the target, true peak ≤ −1 dBTP', async () => {
    const movie = json.movies[0];
    const p = await probe(movie);
    const a = p.streams.find((s) => s.codec_type === 'audio')!;
    expect(a).toMatchObject({ codec_name: 'aac', sample_rate: '48000', channels: 2 });
    expect(Math.abs(Number(a.duration) - plan.totalFrames / plan.fpsValue)).toBeLessThan(0.05);
    const target = meta.target.integratedLufs;
    expect(target).toBe(-23);
    const ff = await ffmpegEbur128(movie);
    expect(Math.abs(ff.integratedLufs - target), `movie ${ff.integratedLufs} LUFS`).toBeLessThanOrEqual(0.5);
    const ffMix = await ffmpegEbur128(json.audio!.mix);
    expect(Math.abs(ffMix.integratedLufs - target)).toBeLessThanOrEqual(0.1);
    expect(ffMix.truePeakDbtp).toBeLessThanOrEqual(-1);
    expect(meta.loudness.truePeakDbtp).toBeLessThanOrEqual(-1);
  });

  it("starts each Say line's audio within one frame of its speaker's mouth starting to move, in the delivered movie", async () => {
    const fps = plan.fpsValue;
    const movie = mono(await decodeAudioFile(json.movies[0]));
    const lines = plan.scenes.flatMap((sc) => sc.lines.map((l) => ({ sc, l })));
    expect(lines).toHaveLength(4);
    for (const { sc, l } of lines) {
      const placed = meta.dialogue.find((d) => d.key === `${sc.id}/${l.id}`)!;
      const shown = placed.pieces.find((p) => p.sourceStart === 0);
      expect(shown, `${sc.id}/${l.id} is in the cut from its start`).toBeDefined();
      // The mouth: the first frame of that shot where the speaker's mouth is open, after a closed one.
      const shot = sc.shots.find((s) => s.key === shown!.shotKey)!;
      let mouthFrame = -1;
      for (let f = shot.startFrame + 1; f < shot.endFrame; f++) {
        const open = (g: number) => evaluateFrame(plan, g).views.find((v) => v.shotKey === shot.key)!.characters.find((c) => c.id === l.who)!.mouthOpen;
        if (open(f) > 0 && open(f - 1) === 0) {
          mouthFrame = f;
          break;
        }
      }
      expect(mouthFrame, `${l.id}: mouth opens in ${shot.key}`).toBeGreaterThan(0);
      // The audio: find the line (its own WAV) in the movie's decoded soundtrack near where it should be, then its first sound.
      const line = (await readWav(path.join(out, 'audio/dialogue', sc.id, `${l.id}.wav`))).channels[0];
      const expectedAt = Math.round(shown!.editStart * SR);
      const hit = locate(movie, line.subarray(0, Math.min(line.length, 0.4 * SR)), expectedAt, Math.round(0.25 * SR));
      expect(hit.score, `${l.id} found in the movie's audio`).toBeGreaterThan(0.8);
      let first = 0;
      while (Math.abs(line[first]) < Math.pow(10, -40 / 20)) first++;
      const audioOnset = (hit.lag + first) / SR;
      const mouthOnset = mouthFrame / fps;
      expect(Math.abs(audioOnset - mouthOnset), `${l.id}: audio at ${audioOnset.toFixed(3)} s, mouth at ${mouthOnset.toFixed(3)} s`).toBeLessThanOrEqual(1 / fps);
      // And the delivered audio sits where the soundtrack put it (AAC priming compensated).
      expect(Math.abs(hit.lag - expectedAt), `${l.id} lag`).toBeLessThanOrEqual(48);
    }
  });

  it('writes the mix, stems that sum to it, each line alone and the cue sheet, all in the manifest', async () => {
    const kinds = (k: string) => manifest.outputs.filter((o) => o.kind === k).map((o) => o.path).sort();
    expect(kinds('stem')).toEqual(['audio/stems/dialogue.wav', 'audio/stems/effects.wav', 'audio/stems/music.wav']);
    expect(kinds('audio')).toEqual(['audio/dialogue/room/a1.wav', 'audio/dialogue/room/a2.wav', 'audio/dialogue/room/b1.wav', 'audio/dialogue/street/b2.wav', 'audio/mix.wav', 'audio/soundtrack.json']);
    expect(kinds('timeline')).toEqual(['editorial/conform-test.edl', 'editorial/conform-test.fcpxml', 'editorial/conform-test.otio']);
    expect(kinds('subtitles')).toEqual(['editorial/conform-test.srt', 'editorial/conform-test.vtt']);
    for (const o of manifest.outputs.filter((x) => ['audio', 'stem', 'timeline', 'subtitles'].includes(x.kind))) {
      expect(await hashFile(path.join(out, o.path)), o.path).toBe(o.hash);
    }
    const mix = await readWav(path.join(out, 'audio/mix.wav'));
    expect(mix.sampleRate).toBe(SR);
    expect(mix.channels).toHaveLength(2);
    expect(mix.channels[0].length).toBe(Math.round((plan.totalFrames / plan.fpsValue) * SR));
    const stems = await Promise.all(['dialogue', 'music', 'effects'].map((s) => readWav(path.join(out, `audio/stems/${s}.wav`))));
    let err = 0;
    for (let c = 0; c < 2; c++) for (let i = 0; i < mix.channels[c].length; i += 3) err = Math.max(err, Math.abs(stems[0].channels[c][i] + stems[1].channels[c][i] + stems[2].channels[c][i] - mix.channels[c][i]));
    expect(err).toBeLessThan(4 / 2 ** 23); // 24-bit rounding of four files
    // Foley from the walk and music from the scene mood are in their stems.
    const rms = (x: Float32Array) => Math.sqrt(x.reduce((s, v) => s + v * v, 0) / x.length);
    expect(rms(stems[1].channels[0])).toBeGreaterThan(1e-3);
    expect(rms(stems[2].channels[0])).toBeGreaterThan(1e-4);
  });

  it('writes timeline files over the rendered shots: OTIO reads back, FCPXML follows the DTD, the EDL cuts the same picture', async () => {
    const ed = path.join(out, 'editorial');
    const otio = readOtio(fs.readFileSync(path.join(ed, 'conform-test.otio'), 'utf8'));
    const expected = filmTimeline(plan, manifest, { out, placements: meta.dialogue, audio: true }).timeline;
    expect(otio).toEqual(expected);
    // V1: every shot's clip.mp4 with the handles the manifest records.
    const clips = otio.videoTracks[0].items.filter((i) => i.kind === 'clip');
    const shots = plan.scenes.flatMap((s) => s.shots);
    expect(clips.map((c) => c.kind === 'clip' && c.name)).toEqual(shots.map((s) => s.key));
    for (const [k, c] of clips.entries()) {
      if (c.kind !== 'clip') continue;
      const rec = manifest.shots[shots[k].key];
      const file = path.resolve(ed, c.media!.path);
      expect(file).toBe(path.join(out, 'shots', shots[k].key, 'clip.mp4'));
      expect(fs.existsSync(file)).toBe(true);
      expect(c.media!.availableRange).toEqual({ start: 0, duration: rec.clipFrames });
      expect(c.sourceRange).toEqual({ start: rec.handles[0], duration: shots[k].frames });
    }
    expect(otio.videoTracks[0].items.filter((i) => i.kind === 'transition').map((t) => t.kind === 'transition' && t.transition)).toEqual(['dissolve', 'fade-out']);
    // Audio: one dialogue clip per line, cut from the dialogue stem; effects and music whole.
    expect(otio.audioTracks.map((t) => t.name)).toEqual(['Dialogue', 'Effects', 'Music']);
    expect(otio.audioTracks[0].items.filter((i) => i.kind === 'clip')).toHaveLength(4);
    for (const t of otio.audioTracks) for (const i of t.items) if (i.kind === 'clip') expect(fs.existsSync(path.resolve(ed, i.media!.path))).toBe(true);

    const root = parse(fs.readFileSync(path.join(ed, 'conform-test.fcpxml'), 'utf8'));
    checkStructure(root, plan.fps);
    for (const rep of find(root, 'media-rep')) expect(fs.existsSync(new URL(rep.attrs.src))).toBe(true);
    expect(find(root, 'format')[0].attrs).toMatchObject({ width: String(manifest.size[0]), height: String(manifest.size[1]) });

    const edl: Timeline = readEdl(fs.readFileSync(path.join(ed, 'conform-test.edl'), 'utf8'), { rate: plan.fps });
    const spans = (t: Timeline) => visibleSpans(t.videoTracks[0]).map(({ name, recordIn, recordOut, sourceIn }) => ({ name, recordIn, recordOut, sourceIn }));
    expect(spans(edl)).toEqual(spans(otio));
  });

  it('writes subtitles timed to where the cut shows each line', () => {
    const srt = parseSrt(fs.readFileSync(path.join(out, 'editorial/conform-test.srt'), 'utf8'));
    const vtt = parseVtt(fs.readFileSync(path.join(out, 'editorial/conform-test.vtt'), 'utf8'));
    expect(srt.map((c) => c.text)).toEqual(['Where were you?', 'Out.', 'All night?', 'Never again.']);
    expect(vtt.map((c) => c.speaker)).toEqual(['ANA', 'BEN', 'ANA', 'BEN']);
    meta.dialogue.forEach((d, i) => expect(srt[i].start).toBeCloseTo(d.pieces[0].editStart, 3));
    for (let i = 1; i < srt.length; i++) expect(srt[i].start).toBeGreaterThan(srt[i - 1].end);
  });

  it('reuses the soundtrack when nothing changed, and renders a silent movie with --no-audio', async () => {
    const again = kino(['render', fixture, '-o', out], { env: { KINO_CACHE_DIR: cache } });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/Dialogue: 4 lines spoken \(4 from the cache\)/);
    expect(again.stderr).toMatch(/Soundtrack: unchanged/);
    expect(again.stderr).toMatch(/0 shots rendered, 4 reused/);
    expect(readManifest(path.join(out, 'manifest.json'))!.outputs.filter((o) => o.kind === 'stem')).toHaveLength(3);

    const silent = tmp('silent');
    const r = kino(['render', path.join(repoRoot, 'test/fixtures/films/tiny.tsx'), '-o', silent, '--no-audio'], { env: { KINO_CACHE_DIR: cache } });
    expect(r.code, r.stderr).toBe(0);
    const p = await probe(path.join(silent, 'deliverables/tiny.mp4'));
    expect(p.streams.some((s) => s.codec_type === 'audio')).toBe(false);
    expect(fs.existsSync(path.join(silent, 'audio'))).toBe(false);
    // Editorial still comes: the picture's timeline and subtitles from the estimated line timing.
    expect(fs.existsSync(path.join(silent, 'editorial/tiny-test.otio'))).toBe(true);
  }, 240_000);

  it('reports sound mistakes at their file:line in kino validate', () => {
    const r = kino(['validate', path.join(repoRoot, 'test/conform/fixtures/bad-sound.tsx')]);
    expect(r.code).toBe(1);
    const text = r.stdout + r.stderr;
    expect(text).toMatch(/bad-sound\.tsx:7:\d+ - error sound\/unknown-voice: .*"f9"/);
    expect(text).toMatch(/bad-sound\.tsx:11:\d+ - error sound\/unknown-value: <Music> mood="jazzy"/);
    expect(text).toMatch(/bad-sound\.tsx:12:\d+ - error sound\/unknown-value: <Foley> action="slamm"[^]*Did you mean "slam"/);
    expect(text).toMatch(/bad-sound\.tsx:12:\d+ - error sound\/unknown-anchor: <Foley> at "after:l2"[^]*Did you mean "l1"/);
  });

  it('stops with a clear error naming what to do when eSpeak NG cannot be loaded — never a silent film', () => {
    const r = kino(['render', fixture, '-o', tmp('noespeak')], { env: { KINO_ESPEAK_DIR: path.join(os.tmpdir(), 'no-espeak-here'), KINO_CACHE_DIR: tmp('cold') } });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/dialogue\/espeak-unavailable/);
    expect(r.stderr).toMatch(/npm install/);
    expect(r.stderr).toMatch(/--no-audio/);
    expect(r.stderr).toMatch(/dialogue\.tsx:\d+/); // at the line it could not speak
  });
});
