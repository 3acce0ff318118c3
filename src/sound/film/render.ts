// A planned film's soundtrack: the scene cue sheets (ext.sound) laid on the edit clock and mixed.
//
// - Dialogue and foley are events in scene time; each plays where the cut shows its moment
//   (edit.ts), so a line starts on the frame its speaker's mouth opens, in every shot.
// - Music and ambience are beds on the edit clock: a scene's bed spans the scene's shots, runs
//   across cuts without a seam, and crossfades with the next scene's over a dissolve (half
//   before the cut, half after, like the picture). Consecutive scenes with the same automatic
//   mood share one bed; <Music carry> runs on until a scene brings music of its own.
// - The picture's fades to and from black fade the whole programme.
// - Then the mixer: music ducked under dialogue, loudness-normalised with our BS.1770 meter
//   to the Film's target, true peak limited.
//
// Pure and deterministic: dialogue audio and decoded `src` files come in as samples (the
// pipeline synthesises and reads them), everything else is synthesised here from seeds.

import { KinoError, issue, type KinoIssue } from '../../doc/errors';
import type { FilmPlan } from '../../plan/schema';
import { ambienceBed, type AmbienceType } from '../ambience/bed';
import { renderFoley } from '../foley';
import { integratedLoudness } from '../loudness';
import { MIX_SAMPLE_RATE, mix, type MixClip, type MixResult, type MixRole, type Stereo } from '../mix';
import { musicBed } from '../music/bed';
import { filmSound, sceneSound, type FilmMix, type SceneMusicCue } from './cues';
import { DEFAULT_LEVELS, DEFAULT_MIX } from './resolver';
import { editTimeOf, masterFades, placeEvent, sceneJoins, sceneWindows, type Piece, type SceneJoin } from './edit';

const SR = MIX_SAMPLE_RATE;
/** De-click fade where a cut (not the sound) starts or stops a sound, seconds. */
const DECLICK = 0.005;
/** Integrated level each procedural music bed is made at, before the music level trim. */
const MUSIC_BED_LUFS = -26;
/** Where each background sits (integrated LUFS, before the ambience trim), with dialogue levelled to −20. */
export const AMBIENCE_LUFS: Record<AmbienceType, number> = { 'room-tone': -48, office: -42, diner: -36, warehouse: -44, city: -38, nature: -40, rain: -34 };

export interface FilmSoundInput {
  /** Rendered dialogue by "<sceneId>/<lineId>": 48 kHz mono, sample 0 = the line's start. */
  lines: ReadonlyMap<string, { samples: Float32Array }>;
  /** Decoded `src` files by absolute path (48 kHz stereo). */
  files?: ReadonlyMap<string, Stereo>;
}

export interface EditCue {
  id: string;
  sceneId: string;
  role: 'dialogue' | 'music' | 'ambience' | 'effects';
  origin: 'auto' | 'explicit';
  kind?: string;
  who?: string;
  /** Edit seconds. */
  startSeconds: number;
  endSeconds: number;
}

export interface DialoguePlacement {
  key: string;
  sceneId: string;
  lineId: string;
  who: string;
  text: string;
  /** Where the cut shows the line (empty: the cut never shows its moment). */
  pieces: Piece[];
}

export interface FilmSoundtrack extends MixResult {
  durationSeconds: number;
  dialogue: DialoguePlacement[];
  cues: EditCue[];
  mixSettings: FilmMix;
  warnings: KinoIssue[];
}

/** Every `src` audio file the film's sound cues name (absolute paths), for the pipeline to decode. */
export function filmSoundSources(plan: FilmPlan): string[] {
  const out = new Set<string>();
  for (const sc of plan.scenes) {
    const s = sceneSound(sc);
    for (const c of [...s.foley, ...s.ambience, ...s.music]) if (c.src) out.add(c.src);
  }
  return [...out].sort();
}

function defaultMix(): FilmMix {
  return { targetLufs: DEFAULT_MIX.targetLufs, truePeakDb: DEFAULT_MIX.truePeakDb, duck: { ...DEFAULT_MIX.duck }, layers: { dialogue: true, music: true, ambience: true, foley: true }, levels: { ...DEFAULT_LEVELS } };
}

function sub(ch: Float32Array[], fromSeconds: number): Float32Array[] {
  const k = Math.max(0, Math.round(fromSeconds * SR));
  return ch.map((c) => c.subarray(Math.min(k, c.length)));
}

function levelTo(ch: Float32Array[], lufs: number): number {
  const l = integratedLoudness(ch, SR);
  return Number.isFinite(l) ? lufs - l : 0;
}

export function renderFilmSound(plan: FilmPlan, input: FilmSoundInput): FilmSoundtrack {
  const fps = plan.fpsValue;
  const duration = plan.totalFrames / fps;
  const settings = filmSound(plan)?.mix ?? defaultMix();
  const files = input.files ?? new Map<string, Stereo>();
  const clips: MixClip[] = [];
  const cues: EditCue[] = [];
  const dialogue: DialoguePlacement[] = [];
  const warnings: KinoIssue[] = [];
  const missing: KinoIssue[] = [];
  const joins = sceneJoins(plan);
  const tolerance = 1 / fps;
  const fileOf = (src: string): Stereo => {
    const f = files.get(src);
    if (!f) throw new KinoError(issue('sound/src-not-loaded', `The audio file ${src} was not decoded for the soundtrack.`, { hint: 'Pass every path from filmSoundSources(plan) in `files`.' }));
    return f;
  };
  const seed = (sceneId: string, id: string) => `${plan.seed}:${sceneId}:${id}`;
  const edges = plan.scenes.map((sc, i) => {
    // A scene's bed runs from half-way into the dissolve before it to half-way out of the one after.
    const before = i > 0 ? joins[i - 1] : undefined;
    const after = joins[i];
    return { start: before ? before.start : sc.startFrame / fps, end: after ? after.end : sc.endFrame / fps, before, after };
  });
  const joinFade = (j: SceneJoin | undefined, fallback: number) => (j && j.end > j.start ? j.end - j.start : fallback);

  plan.scenes.forEach((scene, si) => {
    const s = sceneSound(scene);
    const windows = sceneWindows(plan, scene);
    const sceneEnd = scene.endFrame / fps;

    if (settings.layers.dialogue) {
      for (const d of s.dialogue) {
        const line = input.lines.get(d.key);
        if (!line) {
          missing.push(issue('sound/line-missing', `No rendered audio for line "${d.key}" ("${d.text.slice(0, 40)}").`, { location: d.source, hint: 'Synthesise every line of the final plan (see src/pipeline/soundtrack.ts).' }));
          continue;
        }
        const len = line.samples.length / SR;
        const pieces = placeEvent(windows, d.t0, len, tolerance);
        dialogue.push({ key: d.key, sceneId: scene.id, lineId: d.id, who: d.who, text: d.text, pieces });
        for (const p of pieces) {
          clips.push({ role: 'dialogue', id: d.key, startSeconds: p.editStart, samples: sub([line.samples], p.sourceStart)[0], durationSeconds: p.duration, gainDb: d.gainDb, fadeInSeconds: p.cutIn ? DECLICK : 0, fadeOutSeconds: p.cutOut ? DECLICK : 0 });
          cues.push({ id: d.id, sceneId: scene.id, role: 'dialogue', origin: 'explicit', who: d.who, startSeconds: p.editStart, endSeconds: p.editStart + p.duration });
        }
      }
    }

    if (settings.layers.foley) {
      for (const f of s.foley) {
        const samples: Float32Array[] = f.src ? fileOf(f.src) : [renderFoley(f.sound!, seed(scene.id, f.id))];
        let len = samples[0].length / SR;
        if (f.durationSeconds !== undefined) len = Math.min(len, f.durationSeconds);
        for (const p of placeEvent(windows, f.t, len, tolerance)) {
          clips.push({ role: 'effects', id: `${scene.id}/${f.id}`, startSeconds: p.editStart, samples: samples.length === 1 ? sub(samples, p.sourceStart)[0] : sub(samples, p.sourceStart), durationSeconds: p.duration, gainDb: f.gainDb, fadeInSeconds: p.cutIn ? DECLICK : 0, fadeOutSeconds: p.cutOut ? Math.min(0.03, p.duration / 2) : 0 });
          cues.push({ id: f.id, sceneId: scene.id, role: 'effects', origin: f.origin, kind: f.kind, who: f.who, startSeconds: p.editStart, endSeconds: p.editStart + p.duration });
        }
      }
    }

    if (settings.layers.ambience) {
      const e = edges[si];
      for (const a of s.ambience) {
        const whole = a.at === undefined;
        const start = whole ? e.start : editTimeOf(windows, a.at!);
        const end = Math.min(duration, a.durationSeconds !== undefined ? start + a.durationSeconds : whole ? e.end : sceneEnd);
        if (end - start < 0.05) continue;
        // Backgrounds cut with the picture (a de-click fade) and crossfade over its dissolves.
        const fadeIn = a.fadeInSeconds ?? (whole ? joinFade(e.before, 0.01) : 0.5);
        const fadeOut = a.fadeOutSeconds ?? (whole || a.durationSeconds === undefined ? joinFade(e.after, 0.01) : 0.5);
        let bed: Float32Array[];
        let loop = false;
        if (a.src) {
          bed = fileOf(a.src);
          loop = true;
        } else bed = ambienceBed({ type: a.type, timeOfDay: a.timeOfDay, intensity: a.intensity, durationSeconds: end - start }, seed(scene.id, a.id));
        clips.push({ role: 'ambience', id: `${scene.id}/${a.id}`, startSeconds: start, samples: bed, durationSeconds: end - start, loop, gainDb: a.gainDb + levelTo(bed, AMBIENCE_LUFS[a.type]), fadeInSeconds: Math.min(fadeIn, (end - start) / 2), fadeOutSeconds: Math.min(fadeOut, (end - start) / 2) });
        cues.push({ id: a.id, sceneId: scene.id, role: 'ambience', origin: a.origin, kind: a.type, startSeconds: start, endSeconds: end });
      }
    }
  });

  if (settings.layers.music) {
    for (const seg of musicSegments(plan, edges, duration)) {
      const c = seg.cue;
      const len = seg.end - seg.start;
      if (len < 0.5) continue;
      const fadeIn = Math.min(c.fadeInSeconds ?? seg.fadeIn, len / 2);
      const fadeOut = Math.min(c.fadeOutSeconds ?? seg.fadeOut, len / 2);
      let samples: Float32Array[];
      let gainDb = c.gainDb;
      if (c.src) {
        samples = fileOf(c.src);
        gainDb += levelTo(samples, MUSIC_BED_LUFS);
        clips.push({ role: 'music', id: seg.id, startSeconds: seg.start, samples, durationSeconds: Math.min(len, samples[0].length / SR), gainDb, fadeInSeconds: fadeIn, fadeOutSeconds: fadeOut });
      } else {
        if (c.mood === 'none') continue;
        samples = musicBed({ mood: c.mood, durationSeconds: Math.min(3600, len), key: c.key, tempoBpm: c.tempoBpm, intensity: c.intensity, levelLufs: MUSIC_BED_LUFS, fadeInSeconds: Math.min(30, fadeIn), fadeOutSeconds: Math.min(30, fadeOut) }, `${plan.seed}:${seg.id}`).channels;
        clips.push({ role: 'music', id: seg.id, startSeconds: seg.start, samples, gainDb });
      }
      cues.push({ id: c.id, sceneId: seg.sceneId, role: 'music', origin: c.origin, kind: c.src ? 'file' : c.mood, startSeconds: seg.start, endSeconds: seg.start + len });
    }
  }

  if (missing.length) throw new KinoError(missing);
  const roleGainDb: Partial<Record<MixRole, number>> = { dialogue: settings.levels.dialogue, music: settings.levels.music, effects: settings.levels.effects, ambience: settings.levels.ambience };
  const result = mix(clips, {
    durationSeconds: duration,
    targetLufs: settings.targetLufs,
    truePeakDb: settings.truePeakDb,
    duck: settings.duck === false ? false : { depthDb: settings.duck.depthDb, attackMs: settings.duck.attackMs, releaseMs: settings.duck.releaseMs, roles: ['music'] },
    roleGainDb,
    fades: masterFades(plan),
  });
  cues.sort((a, b) => a.startSeconds - b.startSeconds || a.role.localeCompare(b.role) || a.id.localeCompare(b.id));
  return { ...result, durationSeconds: duration, dialogue, cues, mixSettings: settings, warnings };
}

interface MusicSegment {
  id: string;
  sceneId: string;
  cue: SceneMusicCue;
  start: number;
  end: number;
  fadeIn: number;
  fadeOut: number;
}

/**
 * Music on the edit clock. Per scene: its explicit <Music> cues, else a carried cue, else a
 * bed for its mood — consecutive scenes with the same automatic mood share one bed.
 */
function musicSegments(plan: FilmPlan, edges: Array<{ start: number; end: number; before?: SceneJoin; after?: SceneJoin }>, duration: number): MusicSegment[] {
  const out: MusicSegment[] = [];
  let open: MusicSegment | undefined;
  let openKind: 'auto' | 'carry' | undefined;
  const fadeOf = (j: SceneJoin | undefined, cut: number) => (j && j.end > j.start ? j.end - j.start : cut);
  const close = (si: number) => {
    if (!open) return;
    const e = edges[si];
    open.end = Math.min(duration, e.end);
    open.fadeOut = e.after ? fadeOf(e.after, 2) : 0.5;
    out.push(open);
    open = undefined;
    openKind = undefined;
  };
  plan.scenes.forEach((scene, si) => {
    const s = sceneSound(scene);
    const e = edges[si];
    const explicit = s.music.filter((m) => m.origin === 'explicit');
    const auto = s.music.find((m) => m.origin === 'auto');
    const fadeIn = e.before ? fadeOf(e.before, 1) : si === 0 ? 0.5 : 1;
    if (explicit.length) {
      if (open) close(si - 1);
      const windows = sceneWindows(plan, scene);
      for (const c of explicit) {
        const whole = c.at === undefined;
        const start = whole ? e.start : editTimeOf(windows, c.at!);
        const seg: MusicSegment = { id: `${scene.id}/${c.id}`, sceneId: scene.id, cue: c, start, end: e.end, fadeIn: whole ? fadeIn : 1, fadeOut: e.after ? fadeOf(e.after, 2) : 0.5 };
        if (c.durationSeconds !== undefined) {
          seg.end = Math.min(duration, start + c.durationSeconds);
          seg.fadeOut = 1;
          out.push(seg);
        } else if (c.carry && c.mood !== 'none') {
          if (open) close(si);
          open = seg;
          openKind = 'carry';
        } else out.push(seg);
      }
      return;
    }
    if (open && openKind === 'carry') return;
    if (open && openKind === 'auto' && auto && open.cue.mood === auto.mood) return;
    if (open) close(si - 1);
    if (auto) {
      open = { id: `${scene.id}/${auto.id}`, sceneId: scene.id, cue: auto, start: e.start, end: e.end, fadeIn, fadeOut: 2 };
      openKind = 'auto';
    }
  });
  if (open) close(plan.scenes.length - 1);
  return out;
}
