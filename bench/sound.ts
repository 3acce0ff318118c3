// bench:sound — the sound department against references measured in the same run.
//
// 1. Loudness: our BS.1770-4 meter (integrated + LRA + true peak) vs FFmpeg's ebur128 filter
//    (`-af ebur128=peak=true`) on the same 5-minute stereo 48 kHz float WAV. FFmpeg's time
//    includes reading the file and process start-up, ours includes nothing but the maths, so
//    the integrated-only row is also given.
// 2. A 5-minute film: 40 dialogue lines, two music cues, a diner ambience, 120 foley cues —
//    synthesis stages and the mix (ducking, normalisation, true-peak limiting) timed apart,
//    as seconds and × real time.
// 3. TTS: milliseconds per line, uncached and from the cache.
// 4. The demo film's soundtrack end to end, as `kino render` makes it: two-pass planning with
//    every line spoken (uncached and cached), the soundtrack render on the edit clock, the
//    audio folder written — against the picture render of the same film, estimated in the same
//    run from one of its shots rendered at the draft profile (render seconds per frame × the
//    film's frames).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ambienceBed } from '../src/sound/ambience';
import { layoutDialogue, synthesizeLine } from '../src/sound/dialogue';
import { Noise } from '../src/sound/dsp/noise';
import { ffmpegEbur128 } from '../src/sound/ebur128-ffmpeg';
import { renderFoley, type FoleySpec } from '../src/sound/foley';
import { integratedLoudness, measureLoudness } from '../src/sound/loudness';
import { mix, type MixClip } from '../src/sound/mix';
import { normalizeLoudness } from '../src/sound/normalize';
import { musicBed } from '../src/sound/music';
import { writeWav } from '../src/sound/wav';
import { renderFilmSound } from '../src/sound/film';
import { loadFilm } from '../src/pipeline/load';
import { planWithDialogue, renderFilmAudio } from '../src/pipeline/soundtrack';
import { renderFilm } from '../src/render/film';

const SR = 48000;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kino-bench-sound-'));
const ms = (t0: number) => performance.now() - t0;
const rows: string[] = [];
const log = (s: string) => {
  console.log(s);
  rows.push(s);
};

// --- 1. loudness meter vs FFmpeg --------------------------------------------------------
{
  const seconds = 300;
  const noise = new Noise('bench-loudness');
  const L = new Float32Array(seconds * SR), R = new Float32Array(seconds * SR);
  // Programme-like material: pink noise whose level steps every 10 s, with a quiet passage.
  for (let i = 0; i < L.length; i++) {
    const seg = Math.floor(i / (10 * SR));
    const g = seg % 7 === 3 ? 0.02 : 0.15 + 0.05 * (seg % 3);
    L[i] = noise.pink() * g;
    R[i] = noise.pink() * g;
  }
  const file = path.join(tmp, 'programme.wav');
  await writeWav(file, [L, R], SR, 'float32');
  measureLoudness([L.subarray(0, SR), R.subarray(0, SR)], SR); // warm the JIT
  let t = performance.now();
  const ours = measureLoudness([L, R], SR);
  const oursMs = ms(t);
  t = performance.now();
  const oursI = integratedLoudness([L, R], SR);
  const oursIMs = ms(t);
  t = performance.now();
  const ff = await ffmpegEbur128(file);
  const ffMs = ms(t);
  log(`## Loudness meter, 5 min stereo 48 kHz`);
  log('');
  log(`| meter | time | × real time | integrated | LRA | true peak |`);
  log(`|---|---|---|---|---|---|`);
  log(`| kino measureLoudness (I + LRA + TP) | ${oursMs.toFixed(0)} ms | ${((seconds * 1000) / oursMs).toFixed(0)}× | ${ours.integratedLufs.toFixed(2)} LUFS | ${ours.loudnessRangeLu.toFixed(1)} LU | ${ours.truePeakDbtp.toFixed(2)} dBTP |`);
  log(`| kino integrated only | ${oursIMs.toFixed(0)} ms | ${((seconds * 1000) / oursIMs).toFixed(0)}× | ${oursI.toFixed(2)} LUFS | | |`);
  log(`| FFmpeg ebur128=peak=true (incl. decode, spawn) | ${ffMs.toFixed(0)} ms | ${((seconds * 1000) / ffMs).toFixed(0)}× | ${ff.integratedLufs.toFixed(2)} LUFS | ${ff.loudnessRangeLu.toFixed(1)} LU | ${ff.truePeakDbtp.toFixed(1)} dBTP |`);
  log('');
  log(`Ratio kino / FFmpeg time: ${(oursMs / ffMs).toFixed(2)} (full), ${(oursIMs / ffMs).toFixed(2)} (integrated only). Agreement: ${Math.abs(ours.integratedLufs - ff.integratedLufs).toFixed(3)} LU.`);
  log('');
}

// --- 3 (first, it feeds 2). TTS per line ------------------------------------------------
const LINES = [
  'You were at the diner last night.',
  'Everybody was. It is the only place open after ten.',
  'Then somebody saw something.',
  'Somebody always does, detective.',
  'Who sat in the corner booth?',
  'A man in a grey coat. He paid in cash and left a big tip.',
  'Did he talk to anyone?',
  'Only to the cook, and only about the pie.',
];
const cacheDir = path.join(tmp, 'tts-cache');
{
  await synthesizeLine({ text: 'Warm up.', characterId: 'x' }); // compile the WASM once
  let t = performance.now();
  for (const [k, text] of LINES.entries()) await synthesizeLine({ text, characterId: k % 2 ? 'waitress' : 'detective', cacheDir });
  const cold = ms(t) / LINES.length;
  t = performance.now();
  for (const [k, text] of LINES.entries()) await synthesizeLine({ text, characterId: k % 2 ? 'waitress' : 'detective', cacheDir });
  const warm = ms(t) / LINES.length;
  const avgWords = LINES.reduce((a, l) => a + l.split(/\s+/).length, 0) / LINES.length;
  log(`## Dialogue (eSpeak NG WASM → 48 kHz, levelled, mouth envelope)`);
  log('');
  log(`| | ms per line (avg ${avgWords.toFixed(1)} words) |`);
  log(`|---|---|`);
  log(`| uncached (fresh WASM instance + synthesis + resample + analysis) | ${cold.toFixed(0)} |`);
  log(`| cached (read WAV + resample + analysis) | ${warm.toFixed(0)} |`);
  log('');
}

// --- 2. a 5-minute film ------------------------------------------------------------------
{
  const seconds = 300;
  const stages: Array<[string, number]> = [];
  let t = performance.now();
  const dialogue = await layoutDialogue(
    Array.from({ length: 40 }, (_, k) => ({ id: `l${k}`, characterId: ['detective', 'waitress', 'cook'][k % 3], text: LINES[k % LINES.length], startSeconds: 4 + k * 7.2 })),
    { cacheDir },
  );
  stages.push(['dialogue: 40 lines (8 distinct, cached after first)', ms(t)]);
  t = performance.now();
  const m1 = musicBed({ mood: 'noir', durationSeconds: 150 }, 'bench-a');
  const m2 = musicBed({ mood: 'tense', durationSeconds: 150 }, 'bench-b');
  stages.push(['music: 2 × 2.5 min beds (noir, tense)', ms(t)]);
  t = performance.now();
  const amb = ambienceBed({ type: 'diner', timeOfDay: 'night', durationSeconds: seconds }, 'bench');
  stages.push(['ambience: 5 min diner bed', ms(t)]);
  t = performance.now();
  const kinds: FoleySpec[] = [
    { kind: 'footsteps', surface: 'tile', count: 4 },
    { kind: 'sit', chair: 'upholstered' },
    { kind: 'door', action: 'close' },
    { kind: 'impact', material: 'glass', strength: 0.3 },
    { kind: 'cloth', fabric: 'cotton' },
    { kind: 'stand', chair: 'wood' },
  ];
  const foley: MixClip[] = Array.from({ length: 120 }, (_, k) => ({ role: 'effects' as const, startSeconds: 1 + k * 2.45, samples: renderFoley(kinds[k % kinds.length], `bench-${k}`), pan: ((k % 5) - 2) / 3 }));
  stages.push(['foley: 120 cues', ms(t)]);
  const clips: MixClip[] = [
    ...dialogue.lines.map((l) => ({ role: 'dialogue' as const, startSeconds: l.startSeconds, samples: l.samples })),
    { role: 'music', startSeconds: 0, samples: m1.channels, fadeOutSeconds: 2 },
    { role: 'music', startSeconds: 150, samples: m2.channels, fadeInSeconds: 2 },
    { role: 'ambience', startSeconds: 0, samples: amb, gainDb: 2 },
    ...foley,
  ];
  t = performance.now();
  const out = mix(clips, { durationSeconds: seconds, targetLufs: -23, truePeakDb: -1 });
  const mixMs = ms(t);
  stages.push(['mix: place + duck + normalise (our meter) + true-peak limit + final measurement', mixMs]);
  const file = path.join(tmp, 'film-mix.wav');
  await writeWav(file, out.mix, SR, 'pcm24');
  const ff = await ffmpegEbur128(file);
  const total = stages.reduce((a, s) => a + s[1], 0);
  log(`## A 5-minute film (dialogue + music + ambience + foley → stereo mix at −23 LUFS)`);
  log('');
  log(`| stage | seconds | × real time |`);
  log(`|---|---|---|`);
  for (const [name, v] of stages) log(`| ${name} | ${(v / 1000).toFixed(2)} | ${((seconds * 1000) / v).toFixed(0)}× |`);
  log(`| **total** | **${(total / 1000).toFixed(2)}** | **${((seconds * 1000) / total).toFixed(0)}×** |`);
  log('');
  log(`Mix result: ${out.loudness.integratedLufs.toFixed(2)} LUFS (ours), ${ff.integratedLufs.toFixed(2)} LUFS (FFmpeg), true peak ${out.loudness.truePeakDbtp.toFixed(2)} dBTP, limiter ${out.limiterReductionDb.toFixed(1)} dB.`);
  log('');
  // The same mix re-mastered for streaming: +9 dB needs real true-peak limiting.
  t = performance.now();
  const hot = normalizeLoudness(out.mix, SR, -14, -1);
  const hotMs = ms(t);
  const hotFile = path.join(tmp, 'film-14.wav');
  await writeWav(hotFile, hot.channels, SR, 'float32');
  const ffHot = await ffmpegEbur128(hotFile);
  log(`Streaming re-master of that mix (−14 LUFS, −1 dBTP): ${(hotMs / 1000).toFixed(2)} s (${((seconds * 1000) / hotMs).toFixed(0)}× real time), limiter up to ${hot.limiter.maxReductionDb.toFixed(1)} dB; result ${hot.integratedLufs.toFixed(2)} LUFS / ${hot.truePeakDbtp.toFixed(2)} dBTP (ours), ${ffHot.integratedLufs.toFixed(2)} LUFS / ${ffHot.truePeakDbtp.toFixed(1)} dBTP (FFmpeg).`);
  log('');
}

// --- 4. the demo's soundtrack, end to end ----------------------------------------------------
{
  const demo = path.resolve('films/demo/film.tsx');
  let t = performance.now();
  const first = await loadFilm(demo);
  const loadMs = ms(t);
  if (!first.plan) throw new Error(first.issues.map((i) => i.message).join('\n'));
  const cache = path.join(tmp, 'demo-cache');
  t = performance.now();
  const planned = await planWithDialogue(first, { cacheDir: cache });
  const coldMs = ms(t);
  t = performance.now();
  await planWithDialogue(first, { cacheDir: cache });
  const warmMs = ms(t);
  const plan = planned.loaded.plan!;
  const seconds = plan.totalFrames / plan.fpsValue;
  renderFilmSound(plan, { lines: planned.dialogue.lines }); // warm the JIT
  t = performance.now();
  const st = renderFilmSound(plan, { lines: planned.dialogue.lines });
  const mixMs = ms(t);
  const outDir = path.join(tmp, 'demo-out');
  t = performance.now();
  const audio = await renderFilmAudio(plan, planned.dialogue.lines, { out: outDir, force: true });
  const folderMs = ms(t);
  const ff = await ffmpegEbur128(audio.mix);
  // Picture reference: one two-shot of the kitchen coverage at the draft profile, per frame.
  const shot = plan.scenes[0].shots[Math.min(2, plan.scenes[0].shots.length - 1)];
  const pic = await renderFilm(plan, { out: path.join(tmp, 'demo-picture'), profile: 'draft', only: [shot.key], passes: [] });
  const rec = pic.manifest.shots[shot.key];
  const perFrame = rec.renderSeconds / rec.clipFrames;
  const pictureS = perFrame * plan.totalFrames;
  const soundS = (coldMs + folderMs) / 1000;
  log(`## The demo film's soundtrack, end to end (${seconds.toFixed(1)} s, ${plan.scenes.reduce((n, s) => n + s.lines.length, 0)} lines, ${plan.scenes.reduce((n, s) => n + s.shots.length, 0)} shots)`);
  log('');
  log(`| stage | seconds | × real time |`);
  log(`|---|---|---|`);
  log(`| load + plan (estimated line lengths) | ${(loadMs / 1000).toFixed(2)} | |`);
  log(`| speak every line + re-plan with real lengths, uncached | ${((coldMs) / 1000).toFixed(2)} | ${((seconds * 1000) / coldMs).toFixed(0)}× |`);
  log(`| the same, every line from the cache | ${(warmMs / 1000).toFixed(2)} | ${((seconds * 1000) / warmMs).toFixed(0)}× |`);
  log(`| soundtrack render (foley, ambience, music, dialogue on the edit clock, mix to −23 LUFS) | ${(mixMs / 1000).toFixed(2)} | ${((seconds * 1000) / mixMs).toFixed(0)}× |`);
  log(`| that + audio folder written (mix, stems, lines: 24-bit WAV; cue sheet) | ${(folderMs / 1000).toFixed(2)} | ${((seconds * 1000) / folderMs).toFixed(0)}× |`);
  log('');
  log(`Picture, same run: ${shot.key} at the draft profile rendered at ${(1 / perFrame).toFixed(1)} frames/s, so the film's ${plan.totalFrames} frames take ≈ ${pictureS.toFixed(0)} s. The whole soundtrack (uncached speech and re-plan + render + files: ${soundS.toFixed(1)} s) is ${((100 * soundS) / pictureS).toFixed(1)} % of that; with the lines cached, ${((100 * (warmMs + folderMs) / 1000) / pictureS).toFixed(1)} %.`);
  log('');
  log(`Mix: ${st.loudness.integratedLufs.toFixed(2)} LUFS (ours), ${ff.integratedLufs.toFixed(2)} LUFS (FFmpeg ebur128), true peak ${st.loudness.truePeakDbtp.toFixed(2)} dBTP (ours), ${ff.truePeakDbtp.toFixed(1)} dBTP (FFmpeg); ${st.cues.filter((c) => c.role === 'effects').length} foley events, ${st.cues.filter((c) => c.role === 'music').length} music beds, ${st.cues.filter((c) => c.role === 'ambience').length} backgrounds.`);
  log('');
}

fs.rmSync(tmp, { recursive: true, force: true });
const header = `# bench:sound\n\nMachine: ${os.cpus().length}-core Debian 12 VM (${os.cpus()[0]?.model ?? 'CPU'}), Node ${process.version}; load average ${os.loadavg()[0].toFixed(1)} at the end (the cores are shared, so absolute times are noisy; ratios are measured in the same run). Run: \`npm run bench:sound\`.\n\n`;
if (process.argv.includes('--write')) {
  fs.mkdirSync('bench/results', { recursive: true });
  fs.writeFileSync('bench/results/sound.md', header + rows.join('\n') + '\n');
}
