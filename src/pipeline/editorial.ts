// The editorial hand-off after a render: the cut as a timeline over kino's rendered per-shot
// media (each shot's clip.mp4 with the handles its transitions need, as the manifest records
// them), the soundtrack's stems on audio tracks — dialogue cut into one clip per line so an
// editor can slip it, effects and music whole — written as OpenTimelineIO, CMX3600 EDL and
// FCPXML, plus subtitles (.srt and .vtt) timed to where the cut shows each line.
//
// Media paths: OTIO keeps them relative to editorial/ (the output folder can move); FCPXML
// needs absolute file URLs (Final Cut requires them); the EDL's SOURCE FILE comments are
// absolute too, for tools that relink from them.

import fsp from 'node:fs/promises';
import path from 'node:path';
import { warning, type KinoIssue } from '../doc/errors';
import { OutputLayout, slug } from '../deliver/layout';
import type { Manifest, OutputEntry } from '../deliver/manifest';
import { writeEdlFile } from '../editorial/edl';
import { writeFcpxmlFile } from '../editorial/fcpxml';
import { writeOtioFile } from '../editorial/otio';
import { writeSrtFile, writeVttFile, type SubtitleCue } from '../editorial/subtitles';
import { timelineFromCuts, type AudioCue, type Cut, type Timeline } from '../editorial/timeline';
import type { FilmPlan, ShotPlan } from '../plan/schema';
import { placeEvent, sceneWindows } from '../sound/film/edit';
import type { DialoguePlacement } from '../sound/film/render';
import { hashFile, hashValue } from '../util/hash';

export interface EditorialFiles {
  otio: string;
  edl: string;
  fcpxml: string;
  srt: string;
  vtt: string;
}

export interface EditorialResult {
  timeline: Timeline;
  subtitles: SubtitleCue[];
  files: EditorialFiles;
  entries: OutputEntry[];
  warnings: KinoIssue[];
}

/** Subtitles stay up at least this long where the next line leaves room (reading time). */
const MIN_SUBTITLE_SECONDS = 1;

/** Where each line plays in the edit: from the rendered soundtrack, or (no audio) the plan's own line timing. */
function dialoguePlacements(plan: FilmPlan, soundtrack?: { dialogue: DialoguePlacement[] }): DialoguePlacement[] {
  if (soundtrack) return soundtrack.dialogue;
  return plan.scenes.flatMap((sc) => {
    const windows = sceneWindows(plan, sc);
    return sc.lines.filter((l) => l.text.trim()).map((l) => ({ key: `${sc.id}/${l.id}`, sceneId: sc.id, lineId: l.id, who: l.who, text: l.text, pieces: placeEvent(windows, l.t0, l.t1 - l.t0, 1 / plan.fpsValue) }));
  });
}

/** Subtitle cues: one per line the cut shows, from its first audible moment to its last. */
export function subtitleCues(plan: FilmPlan, placements: DialoguePlacement[]): SubtitleCue[] {
  const end = plan.totalFrames / plan.fpsValue;
  const cues = placements
    .filter((d) => d.pieces.length)
    .map((d) => ({
      start: d.pieces[0].editStart,
      end: Math.max(...d.pieces.map((p) => p.editStart + p.duration)),
      text: d.text,
      speaker: plan.cast[d.who]?.name ?? d.who,
    }))
    .sort((a, b) => a.start - b.start);
  // A short line stays up long enough to read; every cue clears the next by two frames (the
  // timed-text guides' minimum gap), so players never show two at once.
  cues.forEach((c, i) => {
    const limit = Math.min(end, i + 1 < cues.length ? cues[i + 1].start - 2 / plan.fpsValue : end);
    if (c.end - c.start < MIN_SUBTITLE_SECONDS) c.end = Math.max(c.end, c.start + MIN_SUBTITLE_SECONDS);
    c.end = Math.max(Math.min(c.end, limit), Math.min(c.end, c.start + 1 / plan.fpsValue));
  });
  return cues.filter((c) => c.end > c.start);
}

/** The cut as a kino timeline: V1 the shots, A1… the stems (when there is a soundtrack). */
export function filmTimeline(plan: FilmPlan, manifest: Manifest, opts: { out: string; placements?: DialoguePlacement[]; audio?: boolean; mediaRoot?: string }): { timeline: Timeline; warnings: KinoIssue[] } {
  const layout = new OutputLayout(path.resolve(opts.out));
  const fps = plan.fpsValue;
  const base = opts.mediaRoot ?? layout.editorial;
  const media = (abs: string) => (opts.mediaRoot === undefined ? path.relative(base, abs).split(path.sep).join('/') : abs);
  const warnings: KinoIssue[] = [];
  const flat: Array<{ sceneId: string; shot: ShotPlan }> = plan.scenes.flatMap((sc) => sc.shots.map((shot) => ({ sceneId: sc.id, shot })));
  const cuts: Cut[] = flat.map(({ sceneId, shot }, i) => {
    const rec = manifest.shots[shot.key];
    const [head] = rec.handles;
    const cut: Cut = {
      clipName: shot.key,
      mediaPath: media(layout.clip(sceneId, shot.id)),
      mediaFrames: rec.clipFrames,
      sourceIn: head,
      sourceOut: head + shot.frames,
      sceneId,
      shotId: shot.id,
      metadata: { name: shot.name, ...(shot.size ? { size: shot.size } : {}), focalLengthMm: Math.round(shot.camera.focalLengthMm * 10) / 10 },
    };
    const tin = shot.transitionIn;
    if (tin && tin.frames > 0) {
      if (tin.kind === 'dissolve' || tin.kind === 'fade') {
        if (tin.kind === 'fade') warnings.push(warning('editorial/dip', `Shot ${shot.key} dips through a colour; the timeline files carry it as a ${tin.frames}-frame dissolve.`, { location: shot.source }));
        if (i > 0) cut.transitionIn = { kind: 'dissolve', frames: tin.frames };
      } else if (tin.kind === 'wipe') {
        if (i > 0) cut.transitionIn = { kind: 'wipe', frames: tin.frames, wipeCode: tin.direction === 'up' || tin.direction === 'down' ? 2 : 1 };
      } else if (tin.kind === 'fade-in') {
        if (i === 0) cut.transitionIn = { kind: 'fade-in', frames: tin.frames };
        else warnings.push(warning('editorial/fade', `Shot ${shot.key} fades in from black mid-film; the timeline files cut to it instead (EDL and OTIO fades need black around them).`, { location: shot.source }));
      }
    }
    const tout = shot.transitionOut;
    if (tout && tout.kind === 'fade-out' && tout.frames > 0) {
      if (i === flat.length - 1) cut.transitionOut = { kind: 'fade-out', frames: tout.frames };
      else warnings.push(warning('editorial/fade', `Shot ${shot.key} fades to black mid-film; the timeline files cut from it instead.`, { location: shot.source }));
    }
    return cut;
  });

  const audio: AudioCue[] = [];
  if (opts.audio) {
    const stem = (name: string) => media(path.join(layout.audio, 'stems', `${name}.wav`));
    // Dialogue: the dialogue stem cut into one clip per line, on whole frames, so the track sums
    // with the others to exactly the mix. Lines that only touch after rounding to frames split
    // the shared frame (it is one continuous stem); lines spoken over each other share a clip.
    const regions: Array<{ start: number; end: number; names: string[] }> = [];
    for (const d of [...(opts.placements ?? [])].sort((a, b) => (a.pieces[0]?.editStart ?? 0) - (b.pieces[0]?.editStart ?? 0))) {
      for (const p of d.pieces) {
        const start = Math.max(0, Math.floor(p.editStart * fps + 1e-6));
        const end = Math.min(plan.totalFrames, Math.ceil((p.editStart + p.duration) * fps - 1e-6));
        if (end <= start) continue;
        const label = `${d.lineId} ${plan.cast[d.who]?.name ?? d.who}: ${d.text.length > 40 ? d.text.slice(0, 39) + '…' : d.text}`;
        const last = regions[regions.length - 1];
        if (last && start < last.end && (last.end - start > 2 || end <= last.end)) {
          last.end = Math.max(last.end, end);
          last.names.push(label);
        } else regions.push({ start: last ? Math.max(start, last.end) : start, end, names: [label] });
      }
    }
    for (const r of regions) audio.push({ name: r.names.join(' / '), path: stem('dialogue'), startFrame: r.start, frames: r.end - r.start, role: 'dialogue', sourceIn: r.start, mediaFrames: plan.totalFrames });
    audio.push({ name: 'Effects stem', path: stem('effects'), startFrame: 0, frames: plan.totalFrames, role: 'effects', mediaFrames: plan.totalFrames });
    audio.push({ name: 'Music stem', path: stem('music'), startFrame: 0, frames: plan.totalFrames, role: 'music', mediaFrames: plan.totalFrames });
  }
  const timeline = timelineFromCuts({ name: plan.title, rate: plan.fps, cuts, audio, metadata: { kino: 'kino', fps: plan.fpsValue } });
  return { timeline, warnings };
}

/** Writes editorial/<film>.{otio,edl,fcpxml,srt,vtt} and returns their manifest entries. */
export async function writeEditorial(plan: FilmPlan, manifest: Manifest, opts: { out: string; soundtrack?: { dialogue: DialoguePlacement[] } }): Promise<EditorialResult> {
  const layout = new OutputLayout(path.resolve(opts.out));
  const name = slug(plan.title);
  const files: EditorialFiles = {
    otio: path.join(layout.editorial, `${name}.otio`),
    edl: path.join(layout.editorial, `${name}.edl`),
    fcpxml: path.join(layout.editorial, `${name}.fcpxml`),
    srt: path.join(layout.editorial, `${name}.srt`),
    vtt: path.join(layout.editorial, `${name}.vtt`),
  };
  const placements = dialoguePlacements(plan, opts.soundtrack);
  const rel = filmTimeline(plan, manifest, { out: opts.out, placements, audio: !!opts.soundtrack });
  const abs = filmTimeline(plan, manifest, { out: opts.out, placements, audio: !!opts.soundtrack, mediaRoot: layout.root });
  const warnings = [...rel.warnings];
  await writeOtioFile(files.otio, rel.timeline);
  warnings.push(...(await writeEdlFile(files.edl, abs.timeline, { title: plan.title })));
  warnings.push(...(await writeFcpxmlFile(files.fcpxml, abs.timeline, { width: manifest.size[0], height: manifest.size[1], projectName: plan.title })));
  const subtitles = subtitleCues(plan, placements);
  await writeSrtFile(files.srt, subtitles);
  await writeVttFile(files.vtt, subtitles);
  const inputsHash = hashValue({ timeline: rel.timeline, subtitles });
  const entries: OutputEntry[] = [];
  for (const [kind, file] of [['timeline', files.otio], ['timeline', files.edl], ['timeline', files.fcpxml], ['subtitles', files.srt], ['subtitles', files.vtt]] as const) {
    const st = await fsp.stat(file);
    entries.push({ path: layout.rel(file), kind, hash: await hashFile(file), bytes: st.size, inputsHash, ...(kind === 'timeline' ? { frames: plan.totalFrames, duration: plan.totalFrames / plan.fpsValue } : {}) });
  }
  return { timeline: rel.timeline, subtitles, files, entries, warnings };
}
