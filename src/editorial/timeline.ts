// The edit as data: one timeline model that every interchange format (OTIO, EDL, FCPXML) is an
// adapter over. The semantics follow OpenTimelineIO, because it is the one model all three
// formats can be mapped onto without loss:
//
// - Every time is a whole frame count at the timeline's rate (kino renders every shot at the
//   film's rate, so there is no mixed-rate media to model).
// - A track is a sequence of clips and gaps; its length is the sum of their durations.
// - A transition sits *between* two items and takes no time on the track: it straddles the cut,
//   reaching `inOffset` frames back into the outgoing item and `outOffset` frames forward into the
//   incoming one. The frames it shows beyond the items' cut ranges are media handles: the
//   outgoing clip must have `outOffset` frames after its source out, the incoming one `inOffset`
//   frames before its source in.
// - Source ranges are in the media's own time, so `sourceRange.start` includes the media's start
//   timecode (`media.availableRange.start`): kino's per-shot renders start at frame 0.

import { z } from 'zod';
import { KinoError, issue, type KinoIssue } from '../doc/errors';
import { RateSchema, defaultDropFrame, framesToSeconds, nominalFps, supportsDropFrame, timecodeToFrames } from './timecode';

/** A half-open frame range [start, start + duration). */
export const FrameRangeSchema = z.object({
  start: z.number().int(),
  duration: z.number().int().nonnegative(),
});
export type FrameRange = z.infer<typeof FrameRangeSchema>;

export const MetadataValueSchema = z.union([z.string(), z.number(), z.boolean()]);
/** Flat string/number/boolean metadata (scene and shot ids, audio role, …). */
export const MetadataSchema = z.record(z.string(), MetadataValueSchema);
export type Metadata = z.infer<typeof MetadataSchema>;

/** A rendered media file a clip plays from. */
export const MediaReferenceSchema = z.object({
  /** Path of the file (absolute, or relative to the folder the timeline file is written to). */
  path: z.string().min(1),
  /** Frames the file holds, in its own time (start = its first frame's timecode as a frame count). Unknown when read from an EDL. */
  availableRange: FrameRangeSchema.optional(),
});
export type MediaReference = z.infer<typeof MediaReferenceSchema>;

export const ClipSchema = z.object({
  kind: z.literal('clip'),
  name: z.string(),
  /** `null` = offline media (an OTIO MissingReference). */
  media: MediaReferenceSchema.nullable(),
  /** The frames of the media used at the cut, in media time; `duration` is the clip's length on the track. */
  sourceRange: FrameRangeSchema,
  metadata: MetadataSchema.default({}),
});
export type Clip = z.infer<typeof ClipSchema>;

export const GapSchema = z.object({
  kind: z.literal('gap'),
  duration: z.number().int().positive(),
});
export type Gap = z.infer<typeof GapSchema>;

export const TransitionKindSchema = z.enum(['dissolve', 'wipe', 'fade-in', 'fade-out']);
export type TransitionKind = z.infer<typeof TransitionKindSchema>;

export const TransitionSchema = z.object({
  kind: z.literal('transition'),
  /** dissolve/wipe mix two clips; fade-in comes from black (after a gap or at the track start), fade-out goes to black. */
  transition: TransitionKindSchema,
  /** Frames before the cut point that the transition covers. */
  inOffset: z.number().int().nonnegative(),
  /** Frames after the cut point that the transition covers. */
  outOffset: z.number().int().nonnegative(),
  /** SMPTE wipe pattern number (EDL `Wnnn`), wipes only. */
  wipeCode: z.number().int().min(0).max(999).optional(),
});
export type Transition = z.infer<typeof TransitionSchema>;

export const TrackItemSchema = z.discriminatedUnion('kind', [ClipSchema, GapSchema, TransitionSchema]);
export type TrackItem = z.infer<typeof TrackItemSchema>;

export const TrackSchema = z.object({
  name: z.string(),
  items: z.array(TrackItemSchema),
  metadata: MetadataSchema.default({}),
});
export type Track = z.infer<typeof TrackSchema>;

export const TimelineSchema = z.object({
  name: z.string().min(1),
  rate: RateSchema,
  /** Timecode of the first frame, as a frame count at `rate` (86400 = 01:00:00:00 at 24 fps). */
  startFrame: z.number().int().nonnegative(),
  /** Whether timecode is displayed drop-frame (29.97/59.94 only). */
  dropFrame: z.boolean(),
  /** Video tracks, bottom (V1) first. */
  videoTracks: z.array(TrackSchema),
  /** Audio tracks, A1 first. */
  audioTracks: z.array(TrackSchema),
  metadata: MetadataSchema.default({}),
});
export type Timeline = z.infer<typeof TimelineSchema>;

/** Duration of an item on its track (transitions take none). */
export function itemDuration(item: TrackItem): number {
  if (item.kind === 'clip') return item.sourceRange.duration;
  if (item.kind === 'gap') return item.duration;
  return 0;
}

/** Length of a track in frames. */
export function trackDuration(track: Track): number {
  let n = 0;
  for (const item of track.items) n += itemDuration(item);
  return n;
}

export interface Runtime {
  frames: number;
  seconds: number;
}

/** Length of the timeline: its longest track, in frames and seconds. */
export function runtime(timeline: Timeline): Runtime {
  let frames = 0;
  for (const t of [...timeline.videoTracks, ...timeline.audioTracks]) frames = Math.max(frames, trackDuration(t));
  return { frames, seconds: framesToSeconds(frames, timeline.rate) };
}

/** An item with its place on the track, in frames from the timeline start (not timecode). */
export interface PlacedItem {
  item: TrackItem;
  index: number;
  /** Clips and gaps: the cut range. Transitions: the range they cover, cut − inOffset … cut + outOffset. */
  recordIn: number;
  recordOut: number;
}

/** Every item of a track with its record range. */
export function placeItems(track: Track): PlacedItem[] {
  const out: PlacedItem[] = [];
  let t = 0;
  track.items.forEach((item, index) => {
    if (item.kind === 'transition') {
      out.push({ item, index, recordIn: t - item.inOffset, recordOut: t + item.outOffset });
    } else {
      const d = itemDuration(item);
      out.push({ item, index, recordIn: t, recordOut: t + d });
      t += d;
    }
  });
  return out;
}

/** The transitions on either side of item `index`, if any. */
export function neighbourTransitions(track: Track, index: number): { before?: Transition; after?: Transition } {
  const prev = track.items[index - 1];
  const next = track.items[index + 1];
  return {
    before: prev?.kind === 'transition' ? prev : undefined,
    after: next?.kind === 'transition' ? next : undefined,
  };
}

/** Frames a clip shows before its cut in (head handle used) and after its cut out (tail handle used). */
export function handlesUsed(track: Track, index: number): { head: number; tail: number } {
  const { before, after } = neighbourTransitions(track, index);
  // A clip mixes over a transition on the side where it is a picture, not black.
  const head = before && before.transition !== 'fade-out' ? before.inOffset : 0;
  const tail = after && after.transition !== 'fade-in' ? after.outOffset : 0;
  return { head, tail };
}

/**
 * Where each clip is visible, handles included: record frames and the source frame shown at
 * `recordIn`. Two timelines that differ only in where a cut sits inside a transition show the
 * same picture and have the same spans — which is what an EDL round trip preserves.
 */
export interface VisibleSpan {
  name: string;
  path: string | null;
  recordIn: number;
  recordOut: number;
  sourceIn: number;
}

export function visibleSpans(track: Track): VisibleSpan[] {
  const out: VisibleSpan[] = [];
  for (const p of placeItems(track)) {
    if (p.item.kind !== 'clip') continue;
    const { head, tail } = handlesUsed(track, p.index);
    out.push({
      name: p.item.name,
      path: p.item.media?.path ?? null,
      recordIn: p.recordIn - head,
      recordOut: p.recordOut + tail,
      sourceIn: p.item.sourceRange.start - head,
    });
  }
  return out;
}

/**
 * Checks what zod cannot: transitions have a picture on each side, fit inside their
 * neighbours, and have the media handles they need. Returns every problem found.
 */
export function validateTimeline(timeline: Timeline, file?: string): KinoIssue[] {
  const issues: KinoIssue[] = [];
  const loc = file ? { location: { file } } : {};
  if (timeline.dropFrame && !supportsDropFrame(timeline.rate)) {
    issues.push(issue('timeline/drop-frame-rate', `Timeline "${timeline.name}" is drop-frame at ${(timeline.rate.num / timeline.rate.den).toFixed(3)} fps, which has no drop-frame timecode.`, { ...loc, hint: 'Set dropFrame: false; only 29.97 and 59.94 have drop-frame.' }));
  }
  const tracks = [
    ...timeline.videoTracks.map((t, i) => ({ t, label: `V${i + 1}${t.name ? ` "${t.name}"` : ''}` })),
    ...timeline.audioTracks.map((t, i) => ({ t, label: `A${i + 1}${t.name ? ` "${t.name}"` : ''}` })),
  ];
  for (const { t, label } of tracks) {
    t.items.forEach((item, i) => {
      const where = `${label} item ${i + 1}`;
      if (item.kind === 'clip') {
        if (item.sourceRange.duration <= 0) issues.push(issue('timeline/empty-clip', `${where} (clip "${item.name}") has no frames.`, { ...loc, hint: 'Give the clip a source range with duration ≥ 1 or remove it.' }));
        const avail = item.media?.availableRange;
        const { head, tail } = handlesUsed(t, i);
        if (avail) {
          const needIn = item.sourceRange.start - head;
          const needOut = item.sourceRange.start + item.sourceRange.duration + tail;
          if (needIn < avail.start || needOut > avail.start + avail.duration) {
            const handles = head || tail ? ` (including ${head} head and ${tail} tail handle frames for its transitions)` : '';
            issues.push(
              issue('timeline/source-range', `${where} (clip "${item.name}") uses media frames ${needIn}–${needOut - 1}${handles}, but "${item.media!.path}" holds frames ${avail.start}–${avail.start + avail.duration - 1}.`, {
                ...loc,
                hint: head || tail ? 'Render the shot with handles, shorten the transition, or move its cut point.' : 'Trim the source range to the media.',
              }),
            );
          }
        }
        const { before, after } = neighbourTransitions(t, i);
        const used = (before ? before.outOffset : 0) + (after ? after.inOffset : 0);
        if (used > item.sourceRange.duration) {
          issues.push(issue('timeline/transition-overlap', `${where} (clip "${item.name}") is ${item.sourceRange.duration} frames long but its transitions cover ${used} of them.`, { ...loc, hint: 'Transitions on both sides of a clip must not overlap: shorten them.' }));
        }
        return;
      }
      if (item.kind === 'gap') {
        const { before, after } = neighbourTransitions(t, i);
        const used = (before ? before.outOffset : 0) + (after ? after.inOffset : 0);
        if (used > item.duration) issues.push(issue('timeline/transition-overlap', `${where} (gap of ${item.duration} frames) is shorter than the transitions reaching into it (${used} frames).`, { ...loc }));
        return;
      }
      const prev = t.items[i - 1];
      const next = t.items[i + 1];
      if (item.inOffset + item.outOffset === 0) issues.push(issue('timeline/empty-transition', `${where} (${item.transition}) has no duration.`, { ...loc, hint: 'Give it inOffset + outOffset ≥ 1 frame, or remove it for a cut.' }));
      if (prev?.kind === 'transition' || next?.kind === 'transition') {
        issues.push(issue('timeline/adjacent-transitions', `${where}: two transitions in a row.`, { ...loc, hint: 'Put a clip or gap between transitions.' }));
      }
      if (item.transition === 'fade-in') {
        if (prev?.kind === 'clip') issues.push(issue('timeline/fade-in', `${where}: a fade-in must come from black (the track start or a gap), but follows clip "${prev.name}".`, { ...loc, hint: 'Use a dissolve between two clips.' }));
        if (next?.kind !== 'clip') issues.push(issue('timeline/fade-in', `${where}: a fade-in must be followed by a clip.`, { ...loc }));
        if (!prev && item.inOffset > 0) issues.push(issue('timeline/fade-in', `${where}: a fade-in at the start of the track cannot begin ${item.inOffset} frames before it.`, { ...loc, hint: 'Set inOffset: 0.' }));
      } else if (item.transition === 'fade-out') {
        if (next?.kind === 'clip') issues.push(issue('timeline/fade-out', `${where}: a fade-out must go to black (the track end or a gap), but is followed by clip "${next.name}".`, { ...loc, hint: 'Use a dissolve between two clips.' }));
        if (prev?.kind !== 'clip') issues.push(issue('timeline/fade-out', `${where}: a fade-out must follow a clip.`, { ...loc }));
        if (!next && item.outOffset > 0) issues.push(issue('timeline/fade-out', `${where}: a fade-out at the end of the track cannot run ${item.outOffset} frames past it.`, { ...loc, hint: 'Set outOffset: 0.' }));
      } else if (prev?.kind !== 'clip' || next?.kind !== 'clip') {
        issues.push(issue('timeline/transition-sides', `${where}: a ${item.transition} needs a clip on each side.`, { ...loc, hint: 'Use fade-in after black and fade-out before black.' }));
      }
    });
  }
  return issues;
}

/** Parses and validates a timeline; throws one KinoError with every problem. */
export function parseTimeline(value: unknown, file?: string): Timeline {
  const parsed = TimelineSchema.safeParse(value);
  if (!parsed.success) {
    throw new KinoError(
      parsed.error.issues.map((i) =>
        issue('timeline/schema', `Timeline ${i.path.join('.') || '(root)'}: ${i.message}`, file ? { location: { file } } : {}),
      ),
    );
  }
  const problems = validateTimeline(parsed.data, file);
  if (problems.some((p) => p.severity === 'error')) throw new KinoError(problems);
  return parsed.data;
}

// ---------------------------------------------------------------------------------------------
// Building a timeline from a cut list (what the film plan produces).

export const AudioRoleSchema = z.enum(['dialogue', 'music', 'effects', 'mix']);
export type AudioRole = z.infer<typeof AudioRoleSchema>;

export const CutTransitionSchema = z.object({
  kind: TransitionKindSchema,
  frames: z.number().int().positive(),
  /** SMPTE wipe pattern (EDL `Wnnn`). */
  wipeCode: z.number().int().min(0).max(999).optional(),
});

export const CutSchema = z.object({
  clipName: z.string().min(1),
  /** Rendered per-shot file. */
  mediaPath: z.string().min(1),
  /** Frames in the rendered file (it starts at frame 0). */
  mediaFrames: z.number().int().positive(),
  /** First frame used, 0-based. */
  sourceIn: z.number().int().nonnegative(),
  /** Frame after the last one used (exclusive, like EDL and OTIO out points). */
  sourceOut: z.number().int().positive(),
  sceneId: z.string().optional(),
  shotId: z.string().optional(),
  /** Transition into this cut: a dissolve/wipe from the previous cut, or a fade-in from black. */
  transitionIn: CutTransitionSchema.optional(),
  /** A fade-out to black after this cut (typically the last one). */
  transitionOut: CutTransitionSchema.optional(),
  metadata: MetadataSchema.optional(),
});
export type Cut = z.infer<typeof CutSchema>;

export const AudioCueSchema = z.object({
  name: z.string().min(1),
  path: z.string().min(1),
  /** Timeline frame (from the timeline start, not timecode) where the cue starts. */
  startFrame: z.number().int().nonnegative(),
  /** Length on the timeline. */
  frames: z.number().int().positive(),
  role: AudioRoleSchema,
  /** First frame of the file used (default 0). */
  sourceIn: z.number().int().nonnegative().optional(),
  /** Frames in the file, when known. */
  mediaFrames: z.number().int().positive().optional(),
  metadata: MetadataSchema.optional(),
});
export type AudioCue = z.infer<typeof AudioCueSchema>;

export const CutListSchema = z.object({
  name: z.string().min(1),
  rate: RateSchema,
  /** Start timecode; default `01:00:00:00` (`01:00:00;00` when drop-frame), the editorial convention. */
  startTimecode: z.string().optional(),
  /** Default: drop-frame at 29.97/59.94, non-drop otherwise. */
  dropFrame: z.boolean().optional(),
  cuts: z.array(CutSchema).min(1),
  audio: z.array(AudioCueSchema).optional(),
  metadata: MetadataSchema.optional(),
});
export type CutList = z.input<typeof CutListSchema>;

const ROLE_ORDER: AudioRole[] = ['dialogue', 'effects', 'music', 'mix'];

/**
 * Builds a timeline from the film plan's cut list: one video track (V1) with the cuts in order,
 * and audio tracks grouped by role (dialogue, effects, music, mix), with overlapping cues of one
 * role stacked on extra tracks.
 *
 * A dissolve/wipe of N frames is centred on the cut when both shots have handles for it;
 * otherwise it slides toward the side that has media (all of it after the cut when the incoming
 * shot has no head handle). Throws a KinoError listing every problem (bad ranges, a transition
 * longer than the media allows).
 */
export function timelineFromCuts(input: CutList): Timeline {
  const parsed = CutListSchema.safeParse(input);
  if (!parsed.success) {
    throw new KinoError(parsed.error.issues.map((i) => issue('timeline/cut-list', `Cut list ${i.path.join('.') || '(root)'}: ${i.message}`)));
  }
  const list = parsed.data;
  const rate = list.rate;
  const dropFrame = list.dropFrame ?? defaultDropFrame(rate);
  const issues: KinoIssue[] = [];
  let startFrame = 3600 * nominalFps(rate);
  if (dropFrame) startFrame -= (nominalFps(rate) / 15) * 54; // 01:00:00;00 is 107892 frames at 29.97 DF
  if (list.startTimecode) {
    try {
      startFrame = timecodeToFrames(list.startTimecode, rate, { dropFrame });
    } catch (e) {
      issues.push(...(e as KinoError).issues);
    }
  }

  const video: TrackItem[] = [];
  list.cuts.forEach((cut, i) => {
    const where = `Cut ${i + 1} ("${cut.clipName}")`;
    if (cut.sourceOut <= cut.sourceIn) issues.push(issue('timeline/cut-range', `${where}: sourceOut ${cut.sourceOut} must be after sourceIn ${cut.sourceIn}.`, { hint: 'sourceOut is exclusive: a 48-frame shot from 0 has sourceOut 48.' }));
    if (cut.sourceOut > cut.mediaFrames) issues.push(issue('timeline/cut-range', `${where}: sourceOut ${cut.sourceOut} is past the end of the media (${cut.mediaFrames} frames).`));
    const tIn = cut.transitionIn;
    if (tIn) {
      if (tIn.kind === 'fade-out') {
        issues.push(issue('timeline/cut-transition', `${where}: transitionIn cannot be a fade-out.`, { hint: 'Put a fade-out in transitionOut of the cut it ends.' }));
      } else if (tIn.kind === 'fade-in') {
        video.push({ kind: 'transition', transition: 'fade-in', inOffset: 0, outOffset: tIn.frames });
      } else if (i === 0) {
        issues.push(issue('timeline/cut-transition', `${where}: the first cut has no previous shot to ${tIn.kind} from.`, { hint: 'Use kind "fade-in" to fade from black.' }));
      } else {
        const prev = list.cuts[i - 1];
        const tailA = Math.max(0, prev.mediaFrames - prev.sourceOut);
        const headB = cut.sourceIn;
        const half = Math.floor(tIn.frames / 2);
        const inOffset = Math.min(headB, Math.max(half, tIn.frames - tailA));
        const outOffset = tIn.frames - inOffset;
        if (inOffset > headB || outOffset > tailA) {
          issues.push(
            issue('timeline/handles', `${where}: a ${tIn.frames}-frame ${tIn.kind} needs ${tIn.frames} frames of handles, but "${prev.clipName}" has ${tailA} after its out point and "${cut.clipName}" has ${headB} before its in point.`, {
              hint: 'Render the shots with handles (extra frames beyond the cut), or shorten the transition.',
            }),
          );
        } else {
          video.push({ kind: 'transition', transition: tIn.kind, inOffset, outOffset, ...(tIn.wipeCode !== undefined ? { wipeCode: tIn.wipeCode } : {}) });
        }
      }
    }
    const metadata: Metadata = { ...(cut.metadata ?? {}) };
    if (cut.sceneId !== undefined) metadata.sceneId = cut.sceneId;
    if (cut.shotId !== undefined) metadata.shotId = cut.shotId;
    video.push({
      kind: 'clip',
      name: cut.clipName,
      media: { path: cut.mediaPath, availableRange: { start: 0, duration: cut.mediaFrames } },
      sourceRange: { start: cut.sourceIn, duration: Math.max(0, cut.sourceOut - cut.sourceIn) },
      metadata,
    });
    const tOut = cut.transitionOut;
    if (tOut) {
      if (tOut.kind !== 'fade-out') issues.push(issue('timeline/cut-transition', `${where}: transitionOut must be a fade-out (got ${tOut.kind}).`, { hint: 'Put dissolves and wipes in transitionIn of the next cut.' }));
      else if (i < list.cuts.length - 1) issues.push(issue('timeline/cut-transition', `${where}: a fade-out must end the picture; cut ${i + 2} follows it directly.`, { hint: 'Fade out only the last cut, or dissolve into the next one.' }));
      else video.push({ kind: 'transition', transition: 'fade-out', inOffset: tOut.frames, outOffset: 0 });
    }
  });

  const audioTracks: Track[] = [];
  const byRole = new Map<AudioRole, AudioCue[]>();
  for (const cue of list.audio ?? []) {
    const arr = byRole.get(cue.role) ?? [];
    arr.push(cue);
    byRole.set(cue.role, arr);
  }
  for (const role of ROLE_ORDER) {
    const cues = (byRole.get(role) ?? []).slice().sort((a, b) => a.startFrame - b.startFrame || a.name.localeCompare(b.name));
    // Greedy interval colouring: first track whose last cue ends at or before this one starts.
    const lanes: { end: number; items: TrackItem[] }[] = [];
    for (const cue of cues) {
      let lane = lanes.find((l) => l.end <= cue.startFrame);
      if (!lane) {
        lane = { end: 0, items: [] };
        lanes.push(lane);
      }
      if (cue.startFrame > lane.end) lane.items.push({ kind: 'gap', duration: cue.startFrame - lane.end });
      const sourceIn = cue.sourceIn ?? 0;
      if (cue.mediaFrames !== undefined && sourceIn + cue.frames > cue.mediaFrames) {
        issues.push(issue('timeline/audio-range', `Audio "${cue.name}": frames ${sourceIn}–${sourceIn + cue.frames - 1} run past the end of "${cue.path}" (${cue.mediaFrames} frames).`));
      }
      lane.items.push({
        kind: 'clip',
        name: cue.name,
        media: { path: cue.path, ...(cue.mediaFrames !== undefined ? { availableRange: { start: 0, duration: cue.mediaFrames } } : {}) },
        sourceRange: { start: sourceIn, duration: cue.frames },
        metadata: { ...(cue.metadata ?? {}), role },
      });
      lane.end = cue.startFrame + cue.frames;
    }
    lanes.forEach((l, i) => audioTracks.push({ name: lanes.length > 1 ? `${capitalise(role)} ${i + 1}` : capitalise(role), items: l.items, metadata: { role } }));
  }

  if (issues.length) throw new KinoError(issues);
  return parseTimeline({
    name: list.name,
    rate,
    startFrame,
    dropFrame,
    videoTracks: [{ name: 'V1', items: video, metadata: {} }],
    audioTracks,
    metadata: list.metadata ?? {},
  });
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
