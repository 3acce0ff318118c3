// The soundtrack in the pipeline: real dialogue drives the timing, then the mix rides on the
// final cut.
//
// 1. Plan once (line lengths estimated from word counts), speak every <Say> line in its
//    character's voice (eSpeak NG, cached by content hash), and plan again with the real line
//    lengths and mouth envelopes: the timing pass places every cue after a line where the line
//    really ends, and the jaw follows the audio (PerformancePlan.speech[].envelope).
// 2. Render the soundtrack for that final plan (src/sound/film/render.ts), write the audio
//    folder (mix, stems, each line alone, the cue sheet), and hand the mix to renderFilm, which
//    muxes it into every deliverable.
// 3. After the picture: subtitles and the timeline files (src/pipeline/editorial.ts), and
//    every audio/editorial file listed in manifest.json.
//
// The mix is reused when nothing it depends on changed (its inputs hash is in the manifest),
// like a shot.

import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { KinoError, isKinoError, issue, warning, type KinoIssue } from '../doc/errors';
import { OutputLayout } from '../deliver/layout';
import { readManifest, writeManifest, type Manifest, type OutputEntry } from '../deliver/manifest';
import type { FilmPlan } from '../plan/schema';
import type { RenderSummary } from '../render/film';
import { decodeAudioFile } from '../sound/decode';
import { synthesizeLine, type SpokenLine } from '../sound/dialogue/synthesize';
import { voiceFor } from '../sound/dialogue/voice';
import { sceneSound, type SceneDialogueCue } from '../sound/film/cues';
import { filmSoundSources, renderFilmSound, type DialoguePlacement, type EditCue, type FilmSoundtrack } from '../sound/film/render';
import type { Stereo } from '../sound/mix';
import { writeWav } from '../sound/wav';
import { writeFileAtomic } from '../util/fs';
import { hashFile, hashValue } from '../util/hash';
import { loadFilm, type LoadedFilm } from './load';
import { writeEditorial } from './editorial';

/** Bump when anything between the plan and the written audio changes. */
export const AUDIO_PIPELINE_VERSION = 1;

export type SoundLog = (message: string) => void;

/** Where rendered lines are cached: KINO_CACHE_DIR/dialogue, else <out>/.kino-cache/dialogue. */
export function dialogueCacheDir(out: string): string {
  return process.env.KINO_CACHE_DIR ? path.join(path.resolve(process.env.KINO_CACHE_DIR), 'dialogue') : path.join(path.resolve(out), '.kino-cache', 'dialogue');
}

export interface DialogueRender {
  /** By "<sceneId>/<lineId>". */
  lines: Map<string, SpokenLine>;
  synthesized: number;
  cached: number;
  seconds: number;
}

function dialogueCues(plan: FilmPlan): SceneDialogueCue[] {
  return plan.scenes.flatMap((sc) => sceneSound(sc).dialogue);
}

/** Speaks every line of the plan in its character's voice (see FilmPlan.ext.sound.voices). */
export async function synthesizeDialogue(plan: FilmPlan, opts: { cacheDir?: string; log?: SoundLog } = {}): Promise<DialogueRender> {
  const t0 = performance.now();
  const lines = new Map<string, SpokenLine>();
  let cached = 0;
  const cues = dialogueCues(plan);
  for (const d of cues) {
    let spoken: SpokenLine;
    try {
      spoken = await synthesizeLine({ text: d.text, characterId: d.who, resolvedVoice: d.voice ?? voiceFor(d.who), cacheDir: opts.cacheDir });
    } catch (e) {
      if (isKinoError(e)) {
        // Point at the line, and say how to render without sound.
        throw new KinoError(e.issues.map((i) => ({ ...i, location: i.location ?? d.source, hint: `${i.hint ? `${i.hint} ` : ''}To render the picture without sound, use kino render --no-audio.` })));
      }
      throw e;
    }
    if (spoken.cached) cached++;
    lines.set(d.key, spoken);
  }
  const seconds = (performance.now() - t0) / 1000;
  if (cues.length) opts.log?.(`Dialogue: ${cues.length} lines spoken (${cached} from the cache) in ${seconds.toFixed(1)} s`);
  return { lines, synthesized: cues.length - cached, cached, seconds };
}

/** The loadFilm options that carry real line lengths and mouth envelopes into the timing pass. */
export function dialogueTiming(lines: ReadonlyMap<string, SpokenLine>): { lineDurations: Record<string, number>; lineEnvelopes: Record<string, { envelope: number[]; rate: number }> } {
  const lineDurations: Record<string, number> = {};
  const lineEnvelopes: Record<string, { envelope: number[]; rate: number }> = {};
  for (const [key, l] of lines) {
    lineDurations[key] = l.durationSeconds;
    // Three decimals are far below what a jaw shows, and keep film.json small.
    lineEnvelopes[key] = { envelope: Array.from(l.mouth.values, (v) => Math.round(v * 1000) / 1000), rate: l.mouth.frameRate };
  }
  return { lineDurations, lineEnvelopes };
}

export interface PlannedWithDialogue {
  loaded: LoadedFilm;
  dialogue: DialogueRender;
  warnings: KinoIssue[];
}

/**
 * Two-pass planning: `first` is the film loaded once (estimated line lengths); every line is
 * spoken and the film planned again with the real lengths and mouth envelopes.
 */
export async function planWithDialogue(first: LoadedFilm, opts: { cacheDir?: string; log?: SoundLog } = {}): Promise<PlannedWithDialogue> {
  if (!first.plan) return { loaded: first, dialogue: { lines: new Map(), synthesized: 0, cached: 0, seconds: 0 }, warnings: [] };
  const dialogue = await synthesizeDialogue(first.plan, opts);
  const loaded = await loadFilm(first.file, dialogueTiming(dialogue.lines));
  const warnings: KinoIssue[] = [];
  if (loaded.plan) {
    // Texts and voices do not depend on timing, so the second plan speaks the same lines; a
    // line it had that the first did not would reach the mix as a 'sound/line-missing' error.
    for (const d of dialogueCues(loaded.plan)) {
      const spoken = dialogue.lines.get(d.key);
      const fps = loaded.plan.fpsValue;
      if (spoken && spoken.durationSeconds > d.t1 - d.t0 + 1 / fps) {
        warnings.push(
          warning('sound/line-overruns', `Line "${d.key}" is ${spoken.durationSeconds.toFixed(2)} s spoken but its <Say duration> gives it ${(d.t1 - d.t0).toFixed(2)} s; the audio runs into what follows.`, {
            location: d.source,
            hint: 'Remove the duration to let the line take its spoken length, or shorten the text.',
          }),
        );
      }
    }
  }
  return { loaded, dialogue, warnings };
}

export interface FilmAudio {
  /** Absolute path of audio/mix.wav. */
  mix: string;
  inputsHash: string;
  entries: OutputEntry[];
  /** True when the previous render's audio was still valid and kept. */
  reused: boolean;
  integratedLufs: number;
  truePeakDbtp: number;
  durationSeconds: number;
  dialogue: DialoguePlacement[];
  seconds: number;
}

/** What the audio of a plan depends on. */
async function audioInputsHash(plan: FilmPlan, lines: ReadonlyMap<string, SpokenLine>, sources: string[]): Promise<string> {
  const files: Record<string, string> = {};
  for (const f of sources) files[f] = fs.existsSync(f) ? await hashFile(f) : 'missing';
  return hashValue({
    v: AUDIO_PIPELINE_VERSION,
    fps: plan.fps,
    totalFrames: plan.totalFrames,
    seed: plan.seed,
    cut: plan.scenes.map((sc) => ({ id: sc.id, startFrame: sc.startFrame, endFrame: sc.endFrame, sound: sc.ext?.sound ?? null, shots: sc.shots.map((s) => [s.key, s.sceneIn, s.frames, s.startFrame, s.transitionIn ?? null, s.transitionOut ?? null]) })),
    film: plan.ext?.sound ?? null,
    lines: [...lines].map(([k, l]) => [k, l.key]).sort(),
    files,
  });
}

const SOUNDTRACK_JSON = 'soundtrack.json';

interface SoundtrackMeta {
  inputsHash: string;
  durationSeconds: number;
  loudness: { integratedLufs: number; loudnessRangeLu: number; truePeakDbtp: number; samplePeakDbfs: number };
  dialogue: DialoguePlacement[];
}

/**
 * Renders the plan's soundtrack into <out>/audio: mix.wav (48 kHz stereo, 24-bit), stems/
 * (dialogue, music, effects — they sum to the mix), dialogue/<scene>/<line>.wav (each line
 * alone) and soundtrack.json (settings, loudness, the cue sheet in edit time). Reuses the
 * previous render's audio when its inputs hash matches.
 */
export async function renderFilmAudio(plan: FilmPlan, lines: ReadonlyMap<string, SpokenLine>, opts: { out: string; force?: boolean; previous?: Manifest; log?: SoundLog }): Promise<FilmAudio> {
  const t0 = performance.now();
  const layout = new OutputLayout(path.resolve(opts.out));
  const sources = filmSoundSources(plan);
  const inputsHash = await audioInputsHash(plan, lines, sources);
  const mixPath = path.join(layout.audio, 'mix.wav');
  const metaPath = path.join(layout.audio, SOUNDTRACK_JSON);

  // Reuse: every audio file of the previous render is there, unchanged in size, made from the same inputs.
  const prev = opts.previous?.outputs.filter((o) => (o.kind === 'audio' || o.kind === 'stem') && o.path.startsWith('audio/')) ?? [];
  if (!opts.force && prev.length && prev.every((o) => o.inputsHash === inputsHash && sizeIs(path.join(layout.root, o.path), o.bytes))) {
    try {
      const meta = JSON.parse(await fsp.readFile(metaPath, 'utf8')) as SoundtrackMeta;
      if (meta.inputsHash === inputsHash) {
        opts.log?.(`Soundtrack: unchanged, reusing ${layout.rel(mixPath)} (${meta.loudness.integratedLufs.toFixed(1)} LUFS)`);
        return { mix: mixPath, inputsHash, entries: prev, reused: true, integratedLufs: meta.loudness.integratedLufs, truePeakDbtp: meta.loudness.truePeakDbtp, durationSeconds: meta.durationSeconds, dialogue: meta.dialogue, seconds: (performance.now() - t0) / 1000 };
      }
    } catch {
      /* fall through and render */
    }
  }

  const files = new Map<string, Stereo>();
  for (const f of sources) files.set(f, await decodeAudioFile(f));
  const st = renderFilmSound(plan, { lines, files });
  const entries: OutputEntry[] = [];
  const put = async (file: string, kind: OutputEntry['kind'], channels: Float32Array[], extra: { shot?: string } = {}) => {
    await writeWav(file, channels, 48000, 'pcm24');
    entries.push(await entryFor(layout, file, kind, inputsHash, { duration: channels[0].length / 48000, ...extra }));
  };
  await put(mixPath, 'audio', st.mix);
  for (const [name, ch] of Object.entries(st.stems)) await put(path.join(layout.audio, 'stems', `${name}.wav`), 'stem', ch);
  for (const [key, l] of lines) await put(path.join(layout.audio, 'dialogue', ...key.split('/').map(safeName)) + '.wav', 'audio', [l.samples]);
  const meta = soundtrackMeta(plan, st, lines, inputsHash);
  await writeFileAtomic(metaPath, JSON.stringify(meta, null, 2) + '\n');
  entries.push(await entryFor(layout, metaPath, 'audio', inputsHash));
  const seconds = (performance.now() - t0) / 1000;
  opts.log?.(`Soundtrack: ${st.durationSeconds.toFixed(1)} s mixed to ${st.loudness.integratedLufs.toFixed(1)} LUFS, true peak ${st.loudness.truePeakDbtp.toFixed(1)} dBTP in ${seconds.toFixed(1)} s`);
  return { mix: mixPath, inputsHash, entries, reused: false, integratedLufs: st.loudness.integratedLufs, truePeakDbtp: st.loudness.truePeakDbtp, durationSeconds: st.durationSeconds, dialogue: st.dialogue, seconds };
}

function safeName(s: string): string {
  return s.replace(/[^\w.-]+/g, '_');
}

function sizeIs(file: string, bytes: number): boolean {
  try {
    return fs.statSync(file).size === bytes;
  } catch {
    return false;
  }
}

async function entryFor(layout: OutputLayout, file: string, kind: OutputEntry['kind'], inputsHash: string, extra: { duration?: number; frames?: number; shot?: string } = {}): Promise<OutputEntry> {
  const st = await fsp.stat(file);
  return { path: layout.rel(file), kind, hash: await hashFile(file), bytes: st.size, inputsHash, ...extra };
}

function soundtrackMeta(plan: FilmPlan, st: FilmSoundtrack, lines: ReadonlyMap<string, SpokenLine>, inputsHash: string) {
  const l = st.loudness;
  const cue = (c: EditCue) => ({ ...c, startSeconds: round(c.startSeconds), endSeconds: round(c.endSeconds) });
  return {
    inputsHash,
    sampleRate: 48000,
    fps: plan.fps,
    durationSeconds: st.durationSeconds,
    // The 10 Hz momentary/short-term series stay out: they are for meters, not for the file.
    loudness: { integratedLufs: l.integratedLufs, loudnessRangeLu: l.loudnessRangeLu, truePeakDbtp: l.truePeakDbtp, samplePeakDbfs: l.samplePeakDbfs },
    target: { integratedLufs: st.mixSettings.targetLufs, truePeakDbtp: st.mixSettings.truePeakDb },
    normalisationGainDb: st.normalisationGainDb,
    limiterReductionDb: st.limiterReductionDb,
    mix: st.mixSettings,
    dialogue: st.dialogue,
    lines: Object.fromEntries([...lines].map(([k, s]) => [k, { text: s.text, characterId: s.characterId, voice: s.voice, durationSeconds: s.durationSeconds, cacheKey: s.key }])),
    cues: st.cues.map(cue),
    warnings: st.warnings,
  } satisfies SoundtrackMeta & Record<string, unknown>;
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

export interface SoundPrep {
  /** The plan to render: with real dialogue timing when audio is on. */
  plan: FilmPlan;
  /** For RenderOptions.audio. */
  audio?: { mix: string; inputsHash: string };
  soundtrack?: FilmAudio;
  dialogue?: DialogueRender;
  warnings: KinoIssue[];
  /** After renderFilm: subtitles, timeline files and the manifest entries for all of it. */
  finish(summary: RenderSummary): Promise<Delivered>;
}

export interface Delivered {
  audio: string[];
  editorial: string[];
  warnings: KinoIssue[];
}

/**
 * What `kino render` does around renderFilm: two-pass planning and the soundtrack before the
 * picture (unless `audio` is false: then lines keep their estimated lengths and the movie is
 * silent), editorial files after it.
 */
export async function prepareSound(loaded: LoadedFilm, opts: { out: string; audio: boolean; force?: boolean; cacheDir?: string; log?: SoundLog }): Promise<SoundPrep> {
  if (!loaded.plan) throw new KinoError(loaded.errors.length ? loaded.errors : [issue('film/no-plan', 'The film produced no plan.')]);
  const out = path.resolve(opts.out);
  const previous = readManifest(new OutputLayout(out).manifest);
  let plan = loaded.plan;
  let soundtrack: FilmAudio | undefined;
  let dialogue: DialogueRender | undefined;
  const warnings: KinoIssue[] = [];
  if (opts.audio) {
    const planned = await planWithDialogue(loaded, { cacheDir: opts.cacheDir ?? dialogueCacheDir(out), log: opts.log });
    if (!planned.loaded.plan) throw new KinoError(planned.loaded.errors.length ? planned.loaded.issues : [issue('film/no-plan', 'The film produced no plan with its dialogue timed.')]);
    plan = planned.loaded.plan;
    dialogue = planned.dialogue;
    warnings.push(...planned.warnings);
    soundtrack = await renderFilmAudio(plan, dialogue.lines, { out, force: opts.force, previous, log: opts.log });
  }
  const finalPlan = plan;
  return {
    plan: finalPlan,
    audio: soundtrack && { mix: soundtrack.mix, inputsHash: soundtrack.inputsHash },
    soundtrack,
    dialogue,
    warnings,
    async finish(summary) {
      const manifest = readManifest(new OutputLayout(out).manifest) ?? summary.manifest;
      const complete = finalPlan.scenes.every((sc) => sc.shots.every((s) => manifest.shots[s.key]));
      const entries: OutputEntry[] = [...(soundtrack?.entries ?? [])];
      const ed = complete ? await writeEditorial(finalPlan, manifest, { out, soundtrack }) : undefined;
      if (ed) entries.push(...ed.entries);
      const paths = new Set(entries.map((e) => e.path));
      manifest.outputs = manifest.outputs.filter((o) => !paths.has(o.path) && !['audio', 'stem', 'subtitles', 'timeline'].includes(o.kind)).concat(entries);
      await writeManifest(new OutputLayout(out).manifest, manifest);
      return { audio: (soundtrack?.entries ?? []).map((e) => path.join(out, e.path)), editorial: (ed?.entries ?? []).map((e) => path.join(out, e.path)), warnings: ed?.warnings ?? [] };
    },
  };
}
