// `kino make` end to end, as a user runs it: a three-scene screenplay in; an editable film.tsx,
// a movie with its dialogue spoken and mixed, and the reports out. Real parts throughout: the
// CLI in a child process, Chromium, FFmpeg, eSpeak NG; tiny frames (160×90 draft, 12 fps).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FilmPlanSchema, type FilmPlan } from '../../src/plan/schema';
import { speakerVisibility } from '../../src/script/codegen/check';
import { CSV_COLUMNS, parseCsv } from '../../src/script/shotlist';
import { sha256 } from '../../src/util/hash';
import { probe } from '../../src/util/ffmpeg';
import { readWav } from '../../src/sound/wav';
import { kino } from '../core/helpers';

const script = path.join(import.meta.dirname, '../fixtures/scripts/The-Last-Train.fountain');
const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kino-make-')), 'the-last-train');
const film = path.join(out, 'film.tsx');

let made: ReturnType<typeof kino>;
let summary: { movies: string[]; duration: number; frames: number; filmStatus: string; speakersOnScreen: { share: number } };
let plan: FilmPlan;

beforeAll(() => {
  made = kino(['make', script, '--out', out, '--fps', '12', '--resolution', '320x180', '--json']);
  if (made.code !== 0) throw new Error(`kino make failed:\n${made.stderr}\n${made.stdout}`);
  summary = JSON.parse(made.stdout);
  plan = FilmPlanSchema.parse(JSON.parse(fs.readFileSync(path.join(out, 'film.json'), 'utf8'))) as FilmPlan;
}, 400_000);

describe('kino make on a three-scene script', () => {
  it('writes a film.tsx that kino validate accepts', () => {
    expect(summary.filmStatus).toBe('written');
    expect(fs.readFileSync(film, 'utf8')).toMatch(/^import \{ .* \} from 'kino';$/m);
    const v = kino(['validate', film]);
    expect(v.stderr).toBe('');
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/^The Last Train: 3 scenes, \d+ shots/);
  });

  it('renders a movie whose length matches the plan, frame for frame, with the dialogue mixed in', async () => {
    expect(summary.movies).toHaveLength(1);
    expect(plan.scenes.map((s) => s.heading)).toEqual(['INT. DINER - NIGHT', 'EXT. ROOFTOP - DAWN', "INT. MAYA'S KITCHEN - DAY"]);
    expect(summary.duration).toBeCloseTo(plan.duration, 6);
    const p = await probe(summary.movies[0], { countFrames: true });
    const video = p.streams.find((s) => s.codec_type === 'video')!;
    expect(Number(video.nb_read_frames)).toBe(plan.totalFrames);
    expect(Math.abs(Number(p.format.duration) - plan.duration)).toBeLessThan(1 / plan.fpsValue);
    const audio = p.streams.find((s) => s.codec_type === 'audio');
    expect(audio).toBeDefined();
    // Dialogue drove the timing: each line in the plan lasts as long as its synthesised speech.
    for (const scene of plan.scenes) {
      for (const l of scene.lines) {
        const wav = await readWav(path.join(out, 'audio', 'dialogue', scene.id, `${l.id}.wav`));
        expect(l.t1 - l.t0, `${scene.id}/${l.id}`).toBeCloseTo(wav.channels[0].length / wav.sampleRate, 2);
      }
    }
  });

  it('keeps every speaking character on screen while they speak (the rendered plan, frame by frame)', () => {
    const side = JSON.parse(fs.readFileSync(path.join(out, '.kino-make.json'), 'utf8'));
    expect(side.offScreenLines).toEqual([]);
    const lines = speakerVisibility(plan);
    expect(lines).toHaveLength(11);
    for (const l of lines) {
      expect(l.frames, `${l.scene}/${l.line} is heard in the cut`).toBeGreaterThan(0);
      expect(l.visible, `${l.scene}/${l.line}: ${l.who} on screen (${l.visible}/${l.frames} frames, off in ${l.offIn.join(', ')})`).toBe(l.frames);
    }
    const share = lines.reduce((n, l) => n + l.visible, 0) / lines.reduce((n, l) => n + l.frames, 0);
    expect(share).toBe(1);
    expect(summary.speakersOnScreen.share).toBeCloseTo(share, 6);
  });

  it('writes the breakdown, the shot list and the look book into reports/', () => {
    const reports = path.join(out, 'reports');
    const b = JSON.parse(fs.readFileSync(path.join(reports, 'breakdown.json'), 'utf8'));
    expect(b.title).toBe('The Last Train');
    expect(b.scenes).toHaveLength(3);
    const rows = parseCsv(fs.readFileSync(path.join(reports, 'shotlist.csv'), 'utf8'));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.slice(1).map((r) => r[CSV_COLUMNS.indexOf('key')])).toEqual(plan.scenes.flatMap((s) => s.shots.map((x) => x.key)));
    const html = fs.readFileSync(path.join(reports, 'lookbook.html'), 'utf8');
    expect(html.match(/<img src="data:image\/jpeg;base64,/g)).toHaveLength(3);
    expect(html).not.toContain('No frame rendered');
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    const listed = manifest.outputs.filter((o: { kind: string }) => o.kind === 'report').map((o: { path: string }) => o.path);
    expect(listed).toEqual(expect.arrayContaining(['reports/breakdown.json', 'reports/shotlist.csv', 'reports/lookbook.html', 'reports/speakers.json']));
  });

  it('kino lookbook reuses the stills of the render', () => {
    const r = kino(['lookbook', film, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Using the stills of the render');
    expect(r.stderr).toMatch(/3 scenes, 3 frames/);
  });

  it('never overwrites the user\'s edits without --force', () => {
    const generated = fs.readFileSync(film, 'utf8');
    const edited = generated.replace('You\'re late.', 'You are late, again.');
    expect(edited).not.toBe(generated);
    fs.writeFileSync(film, edited);

    const refused = kino(['make', script, '--out', out, '--fps', '12', '--resolution', '320x180', '--no-render']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${film} has been edited since kino make wrote it`);
    expect(refused.stderr).toContain('--force');
    expect(fs.readFileSync(film, 'utf8')).toBe(edited);

    // The same command without edits regenerates nothing.
    fs.writeFileSync(film, generated);
    const again = kino(['make', script, '--out', out, '--fps', '12', '--resolution', '320x180', '--no-render', '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).filmStatus).toBe('unchanged');

    fs.writeFileSync(film, edited);
    const forced = kino(['make', script, '--out', out, '--fps', '12', '--resolution', '320x180', '--no-render', '--force', '--json']);
    expect(forced.code).toBe(0);
    expect(JSON.parse(forced.stdout).filmStatus).toBe('regenerated-over-edits');
    expect(fs.readFileSync(`${film}.bak`, 'utf8')).toBe(edited);
    expect(fs.readFileSync(film, 'utf8')).toBe(generated);
    expect(JSON.parse(fs.readFileSync(path.join(out, '.kino-make.json'), 'utf8')).filmSha256).toBe(sha256(generated));
  }, 120_000);
});
