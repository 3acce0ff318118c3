// CMX3600 EDL adapter: write, parse, and convert back to a timeline.
//
// Format traps this module handles:
// - An EDL stores no frame rate; reader and writer must be told it. FCM only says whether
//   timecode is drop-frame.
// - One EDL carries one picture track (V) and up to four audio channels (A, A2; 3 and 4 via an
//   `AUD` line). Other tracks need their own EDL.
// - A dissolve is one event number on two lines: a zero-length cut on the outgoing source (in =
//   out), then `D nnn` on the incoming source, starting where the dissolve starts. So the EDL
//   cannot say where the "cut" sits inside a dissolve: reading one back gives a transition that
//   starts at the cut (inOffset 0). The picture is the same frame for frame (see visibleSpans).
// - Fades use the black reel `BL`: fade-in = BL zero-length cut then `D` to the clip; fade-out
//   = clip zero-length cut then `D` to BL.
// - Reels are at most 8 characters; file-based media uses `AX` with `* FROM CLIP NAME:` and
//   `* SOURCE FILE:` comments, which Resolve and Premiere use to relink.

import { KinoError, issue, warning, type KinoIssue } from '../doc/errors';
import { writeFileAtomic } from '../util/fs';
import { framesToTimecode, splitTimecode, supportsDropFrame, timecodeToFrames, type Rate } from './timecode';
import { parseTimeline, placeItems, type Clip, type Timeline, type Track, type TrackItem, type Transition } from './timeline';

/** One line of an event: a source, channel, transition and four timecodes (as frame counts). */
export interface EdlEdit {
  reel: string;
  /** `V`, `A`, `A2`, `AA`, `B`, `A2/V`, `AA/V`, `NONE` … */
  channel: string;
  /** `C` cut, `D` dissolve, `W` wipe (with wipeCode), `K`/`KB`/`KO` key. */
  transition: 'C' | 'D' | 'W' | 'K' | 'KB' | 'KO';
  wipeCode?: number;
  /** Transition length in frames (D, W, K). */
  transitionFrames?: number;
  sourceIn: number;
  sourceOut: number;
  recordIn: number;
  recordOut: number;
}

export interface EdlEvent {
  number: number;
  /** One edit for a cut; two for a transition (outgoing zero-length cut, then the incoming source). */
  edits: EdlEdit[];
  /** `* FROM CLIP NAME:` (Avid: `* FROM CLIP:`) */
  fromClipName?: string;
  /** `* TO CLIP NAME:` */
  toClipName?: string;
  /** `* SOURCE FILE:` */
  sourceFile?: string;
  /** Extra audio channels from an `AUD` line (3, 4). */
  audioChannels?: number[];
  /** `M2` speed change: reel, speed in fps (0 = freeze), trigger timecode frames. */
  speed?: { reel: string; fps: number; at: number };
  /** Other comment lines, verbatim without the leading `*`. */
  comments: string[];
  /** 1-based line of the event's first line in the parsed file. */
  line?: number;
}

export interface EdlDocument {
  title: string;
  dropFrame: boolean;
  events: EdlEvent[];
}

export interface EdlOptions {
  /** `AX` (file-based; default) or a reel derived from the clip name, ≤ 8 characters. */
  reel?: 'AX' | 'clip-name';
  /** Which video track becomes the EDL's V channel (0-based; default 0). */
  videoTrack?: number;
  /** Audio tracks written as A, A2, A3, A4 (0-based; default the first four). */
  audioTracks?: number[];
  /** TITLE line; default the timeline name. */
  title?: string;
}

export interface BuiltEdl {
  doc: EdlDocument;
  warnings: KinoIssue[];
}

const BLACK_REELS = new Set(['BL', 'BLK', 'BLACK']);

/** Reel name from a clip name: upper-case letters, digits and `_`, at most 8 characters. */
export function reelFromName(name: string): string {
  const r = name
    .normalize('NFKD')
    .replace(/\.[a-z0-9]{2,4}$/i, '')
    .toUpperCase()
    .replace(/[^A-Z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 8);
  return r && !BLACK_REELS.has(r) ? r : 'AX';
}

function oneLine(s: string): string {
  return s.replace(/[\r\n]+/g, ' ').trim();
}

const AUDIO_CHANNELS = ['A', 'A2', 'NONE', 'NONE'];

/** Converts a track to EDL events (numbers assigned later). */
function trackEvents(track: Track, channel: string, audChannel: number | undefined, reelMode: 'AX' | 'clip-name'): EdlEvent[] {
  const placed = placeItems(track);
  const events: EdlEvent[] = [];
  const reelOf = (c: Clip) => (reelMode === 'AX' ? 'AX' : reelFromName(c.name));
  const mixesIn = (t?: TrackItem): t is Transition => t?.kind === 'transition' && t.transition !== 'fade-out';
  const mixesOut = (t?: TrackItem): t is Transition => t?.kind === 'transition' && t.transition !== 'fade-in';
  // Each clip's EDL segment: from the start of the transition into it to the start of the
  // transition out of it (the outgoing clip's frames during a dissolve belong to the next event).
  const seg = new Map<number, { recIn: number; recOut: number; srcIn: number; srcOut: number }>();
  for (const p of placed) {
    if (p.item.kind !== 'clip') continue;
    const before = track.items[p.index - 1];
    const after = track.items[p.index + 1];
    const recIn = p.recordIn - (mixesIn(before) ? before.inOffset : 0);
    const recOut = p.recordOut - (mixesOut(after) ? after.inOffset : 0);
    const srcIn = p.item.sourceRange.start - (p.recordIn - recIn);
    seg.set(p.index, { recIn, recOut, srcIn, srcOut: srcIn + (recOut - recIn) });
  }
  const extra = audChannel ? { audioChannels: [audChannel] } : {};
  for (const p of placed) {
    const item = p.item;
    if (item.kind === 'clip') {
      const s = seg.get(p.index)!;
      const before = track.items[p.index - 1];
      const main: EdlEdit = { reel: reelOf(item), channel, transition: 'C', sourceIn: s.srcIn, sourceOut: s.srcOut, recordIn: s.recIn, recordOut: s.recOut };
      const ev: EdlEvent = { number: 0, edits: [], comments: [], ...extra };
      if (mixesIn(before)) {
        const prev = track.items[p.index - 2];
        const frames = before.inOffset + before.outOffset;
        main.transition = before.transition === 'wipe' ? 'W' : 'D';
        if (before.transition === 'wipe') main.wipeCode = before.wipeCode ?? 1;
        main.transitionFrames = frames;
        if (prev?.kind === 'clip' && before.transition !== 'fade-in') {
          const ps = seg.get(p.index - 2)!;
          ev.edits.push({ reel: reelOf(prev), channel, transition: 'C', sourceIn: ps.srcOut, sourceOut: ps.srcOut, recordIn: s.recIn, recordOut: s.recIn });
          ev.fromClipName = prev.name;
          ev.toClipName = item.name;
        } else {
          ev.edits.push({ reel: 'BL', channel, transition: 'C', sourceIn: 0, sourceOut: 0, recordIn: s.recIn, recordOut: s.recIn });
          ev.fromClipName = 'BLACK';
          ev.toClipName = item.name;
        }
      } else {
        ev.fromClipName = item.name;
      }
      ev.edits.push(main);
      if (item.media) ev.sourceFile = item.media.path;
      events.push(ev);
    } else if (item.kind === 'transition' && item.transition === 'fade-out') {
      const prevIndex = p.index - 1;
      const prev = track.items[prevIndex];
      if (prev?.kind !== 'clip') continue;
      const ps = seg.get(prevIndex)!;
      const frames = item.inOffset + item.outOffset;
      events.push({
        number: 0,
        edits: [
          { reel: reelOf(prev), channel, transition: 'C', sourceIn: ps.srcOut, sourceOut: ps.srcOut, recordIn: ps.recOut, recordOut: ps.recOut },
          { reel: 'BL', channel, transition: 'D', transitionFrames: frames, sourceIn: 0, sourceOut: frames, recordIn: ps.recOut, recordOut: ps.recOut + frames },
        ],
        fromClipName: prev.name,
        toClipName: 'BLACK',
        comments: [],
        ...extra,
      });
    }
  }
  return events;
}

/** Builds the EDL for one video track and up to four audio tracks, with warnings for what it leaves out. */
export function buildEdl(timeline: Timeline, options: EdlOptions = {}): BuiltEdl {
  const warnings: KinoIssue[] = [];
  const reelMode = options.reel ?? 'AX';
  const vIndex = options.videoTrack ?? 0;
  const events: EdlEvent[] = [];
  const video = timeline.videoTracks[vIndex];
  if (timeline.videoTracks.length && !video) {
    throw new KinoError(issue('edl/track', `Timeline "${timeline.name}" has no video track ${vIndex + 1}.`, { hint: `videoTrack is 0-based; there are ${timeline.videoTracks.length}.` }));
  }
  if (video) events.push(...trackEvents(video, 'V', undefined, reelMode));
  const others = timeline.videoTracks.length - (video ? 1 : 0);
  if (others > 0) warnings.push(warning('edl/video-tracks', `CMX3600 carries one picture track: ${others} other video track(s) left out of this EDL.`, { hint: 'Write one EDL per video track with the videoTrack option.' }));
  const audioIdx = options.audioTracks ?? timeline.audioTracks.map((_, i) => i).slice(0, 4);
  if (audioIdx.length > 4) throw new KinoError(issue('edl/audio-tracks', `CMX3600 carries at most 4 audio channels; ${audioIdx.length} audio tracks were asked for.`, { hint: 'Pass at most four indices in audioTracks.' }));
  audioIdx.forEach((ti, ch) => {
    const t = timeline.audioTracks[ti];
    if (!t) throw new KinoError(issue('edl/track', `Timeline "${timeline.name}" has no audio track ${ti + 1}.`));
    events.push(...trackEvents(t, AUDIO_CHANNELS[ch], ch >= 2 ? ch + 1 : undefined, reelMode));
  });
  if (!options.audioTracks && timeline.audioTracks.length > 4) {
    warnings.push(warning('edl/audio-tracks', `CMX3600 carries 4 audio channels: audio tracks 5–${timeline.audioTracks.length} left out.`, { hint: 'Choose four with the audioTracks option, or use OTIO/FCPXML for the full mix.' }));
  }
  // Record order, picture before sound at the same time: the order every EDL reader expects.
  const chanOrder = (e: EdlEvent) => (e.edits[0].channel === 'V' ? 0 : 1 + (e.audioChannels?.[0] ?? (e.edits[0].channel === 'A2' ? 2 : 1)));
  const sorted = events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.edits[0].recordIn - b.e.edits[0].recordIn || chanOrder(a.e) - chanOrder(b.e) || a.i - b.i)
    .map((x, n) => ({ ...x.e, number: n + 1 }));
  if (sorted.length > 999) warnings.push(warning('edl/event-count', `${sorted.length} events: CMX3600 numbers only 999; numbers above use four digits, which some readers reject.`));
  // Record times become timecode: shift by the timeline start.
  for (const e of sorted) for (const ed of e.edits) {
    ed.recordIn += timeline.startFrame;
    ed.recordOut += timeline.startFrame;
  }
  return { doc: { title: options.title ?? timeline.name, dropFrame: timeline.dropFrame, events: sorted }, warnings };
}

/** Formats an EDL document with the fixed CMX3600 column layout (as OTIO's writer emits it). */
export function formatEdl(doc: EdlDocument, rate: Rate): string {
  const tc = (f: number) => framesToTimecode(f, rate, { dropFrame: doc.dropFrame });
  const lines: string[] = [`TITLE: ${oneLine(doc.title).replace(/[^\x20-\x7e]/g, '_').slice(0, 70)}`, `FCM: ${doc.dropFrame ? 'DROP FRAME' : 'NON-DROP FRAME'}`, ''];
  for (const e of doc.events) {
    const num = String(e.number).padStart(3, '0');
    for (const ed of e.edits) {
      let trans: string = ed.transition;
      if (ed.transition === 'W') trans = `W${String(ed.wipeCode ?? 1).padStart(3, '0')}`;
      if (ed.transitionFrames !== undefined && ed.transition !== 'C') trans += ` ${String(ed.transitionFrames).padStart(3, '0')}`;
      lines.push(`${num}  ${ed.reel.padEnd(8)} ${ed.channel.padEnd(6)}${trans.padEnd(9)}${tc(ed.sourceIn)} ${tc(ed.sourceOut)} ${tc(ed.recordIn)} ${tc(ed.recordOut)}`);
    }
    if (e.speed) lines.push(`M2   ${e.speed.reel.padEnd(8)} ${e.speed.fps.toFixed(1).padStart(5, '0')}    ${tc(e.speed.at)}`);
    if (e.audioChannels?.length) lines.push(`AUD  ${e.audioChannels.join('    ')}`);
    if (e.fromClipName !== undefined) lines.push(`* FROM CLIP NAME: ${oneLine(e.fromClipName)}`);
    if (e.toClipName !== undefined) lines.push(`* TO CLIP NAME: ${oneLine(e.toClipName)}`);
    if (e.sourceFile !== undefined) lines.push(`* SOURCE FILE: ${oneLine(e.sourceFile)}`);
    for (const c of e.comments) lines.push(`* ${oneLine(c)}`);
    lines.push('');
  }
  return lines.join('\n');
}

/** CMX3600 text for the timeline's first video track and first four audio tracks. */
export function writeEdl(timeline: Timeline, options: EdlOptions = {}): string {
  return formatEdl(buildEdl(timeline, options).doc, timeline.rate);
}

/** Writes the EDL atomically; returns the warnings (tracks that did not fit). */
export async function writeEdlFile(file: string, timeline: Timeline, options: EdlOptions = {}): Promise<KinoIssue[]> {
  const { doc, warnings } = buildEdl(timeline, options);
  await writeFileAtomic(file, formatEdl(doc, timeline.rate));
  return warnings;
}

// ---------------------------------------------------------------------------------------------
// Parsing

export interface ParseEdlOptions {
  /** The EDL's frame rate (an EDL does not store it). */
  rate: Rate;
  /** File name, for error locations. */
  file?: string;
}

const EVENT_RE = /^(\d{1,4})\s+(\S+)\s+(\S+)\s+(C|D|W\d{3}|K|KB|KO)(?:\s+(\d{1,3}))?\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s*$/i;

/**
 * Parses CMX3600 text. Fields are split on whitespace, so it reads the fixed-column files we
 * write and the loosely aligned ones other tools write. Every bad line is reported at once.
 */
export function parseEdl(text: string, options: ParseEdlOptions): EdlDocument {
  const { rate, file } = options;
  const issues: KinoIssue[] = [];
  const at = (line: number, column = 1) => ({ location: { ...(file ? { file } : {}), line, column } });
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  let title = '';
  let dropFrame: boolean | undefined;
  const events: EdlEvent[] = [];
  let current: EdlEvent | undefined;

  const parseTc = (s: string, lineNo: number, column: number): number => {
    const parts = splitTimecode(s);
    if (!parts) {
      issues.push(issue('edl/timecode', `"${s}" is not a timecode.`, { ...at(lineNo, column), hint: 'Timecodes are hh:mm:ss:ff (hh:mm:ss;ff for drop-frame).' }));
      return NaN; // reported; NaN keeps the range checks below from piling on
    }
    const df = (dropFrame ?? parts.dropFrameSeparator) && supportsDropFrame(rate);
    try {
      return timecodeToFrames(s, rate, { dropFrame: df });
    } catch (e) {
      for (const i of (e as KinoError).issues ?? [issue('edl/timecode', String(e))]) issues.push({ ...i, ...at(lineNo, column) });
      return NaN;
    }
  };

  lines.forEach((raw, idx) => {
    const lineNo = idx + 1;
    const line = raw.trimEnd();
    const trimmed = line.trim();
    if (!trimmed) return;
    let m: RegExpExecArray | null;
    if ((m = /^TITLE:\s*(.*)$/i.exec(trimmed))) {
      title = m[1].trim();
      return;
    }
    if ((m = /^FCM:\s*(.*)$/i.exec(trimmed))) {
      const v = m[1].trim().toUpperCase();
      if (v === 'DROP FRAME') dropFrame = true;
      else if (v === 'NON-DROP FRAME' || v === 'NON DROP FRAME') dropFrame = false;
      else issues.push(issue('edl/fcm', `Unknown FCM "${m[1].trim()}".`, { ...at(lineNo, 6), hint: 'Use FCM: DROP FRAME or FCM: NON-DROP FRAME.' }));
      if (dropFrame && !supportsDropFrame(rate)) {
        issues.push(issue('edl/fcm', `The EDL is drop-frame, but was read at ${(rate.num / rate.den).toFixed(3)} fps, which has no drop-frame.`, { ...at(lineNo, 6), hint: 'Read it at 29.97 or 59.94.' }));
        dropFrame = false;
      }
      return;
    }
    if (trimmed.startsWith('*')) {
      if (!current) return; // comments before the first event describe the list, not an event
      const body = trimmed.replace(/^\*\s?/, '');
      if ((m = /^FROM CLIP NAME:\s*(.*)$/i.exec(body)) || (m = /^FROM CLIP:\s*(.*)$/i.exec(body))) current.fromClipName = m[1].trim();
      else if ((m = /^TO CLIP NAME:\s*(.*)$/i.exec(body)) || (m = /^TO CLIP:\s*(.*)$/i.exec(body))) current.toClipName = m[1].trim();
      else if ((m = /^SOURCE FILE:\s*(.*)$/i.exec(body))) current.sourceFile = m[1].trim();
      else current.comments.push(body);
      return;
    }
    if ((m = /^AUD\s+(.*)$/i.exec(trimmed))) {
      if (!current) return;
      current.audioChannels = m[1].trim().split(/\s+/).map(Number).filter((n) => Number.isInteger(n) && n > 0);
      return;
    }
    if ((m = /^M2\s+(\S+)\s+(-?[\d.]+)\s+(\S+)\s*$/i.exec(trimmed))) {
      if (!current) return;
      current.speed = { reel: m[1], fps: Number(m[2]), at: parseTc(m[3], lineNo, line.indexOf(m[3]) + 1) };
      return;
    }
    if ((m = EVENT_RE.exec(trimmed))) {
      const number = Number(m[1]);
      const t = m[4].toUpperCase();
      const edit: EdlEdit = {
        reel: m[2],
        channel: m[3].toUpperCase(),
        transition: (t.startsWith('W') ? 'W' : t) as EdlEdit['transition'],
        sourceIn: 0,
        sourceOut: 0,
        recordIn: 0,
        recordOut: 0,
      };
      if (t.startsWith('W')) edit.wipeCode = Number(t.slice(1));
      if (m[5] !== undefined) edit.transitionFrames = Number(m[5]);
      else if (edit.transition !== 'C') issues.push(issue('edl/transition', `${t} transition without a duration.`, { ...at(lineNo, line.indexOf(m[4]) + 1), hint: 'Write the length in frames after it, e.g. "D 024".' }));
      const cols = [m[6], m[7], m[8], m[9]].map((s) => line.indexOf(s) + 1);
      edit.sourceIn = parseTc(m[6], lineNo, cols[0]);
      edit.sourceOut = parseTc(m[7], lineNo, cols[1]);
      edit.recordIn = parseTc(m[8], lineNo, cols[2]);
      edit.recordOut = parseTc(m[9], lineNo, cols[3]);
      if (edit.recordOut < edit.recordIn) issues.push(issue('edl/range', `Event ${number}: record out ${m[9]} is before record in ${m[8]}.`, at(lineNo, cols[3])));
      if (edit.sourceOut < edit.sourceIn) issues.push(issue('edl/range', `Event ${number}: source out ${m[7]} is before source in ${m[6]}.`, at(lineNo, cols[1])));
      if (current && current.number === number) {
        current.edits.push(edit);
      } else {
        current = { number, edits: [edit], comments: [], line: lineNo };
        events.push(current);
      }
      return;
    }
    if (/^(SPLIT|SWM|NOTE|FINAL CUT PRO|LOC):?/i.test(trimmed)) {
      current?.comments.push(trimmed);
      return;
    }
    issues.push(issue('edl/syntax', `Cannot read line: "${trimmed.slice(0, 80)}".`, { ...at(lineNo), hint: 'Expected TITLE:, FCM:, an event line (NNN REEL CHANNEL C|D|Wnnn [dur] 4×timecode), or a * comment.' }));
  });
  if (issues.length) throw new KinoError(issues);
  return { title, dropFrame: dropFrame ?? false, events };
}

// ---------------------------------------------------------------------------------------------
// EDL → timeline

export interface EdlToTimelineOptions {
  rate: Rate;
  name?: string;
  /** Timeline start as a frame count; default the hour of the first record timecode (01:00:00:00 usually). */
  startFrame?: number;
  file?: string;
}

function channelTracks(e: EdlEvent): { video: boolean; audio: number[] } {
  const ch = e.edits[e.edits.length - 1].channel;
  const audio: number[] = [];
  const video = ch === 'V' || ch === 'B' || ch.endsWith('/V');
  const a = ch.replace('/V', '');
  if (a === 'A' || a === 'A1' || a === 'B' || a === 'AA') audio.push(1);
  if (a === 'A2' || a === 'AA') audio.push(2);
  if (/^A([3-9])$/.exec(a)) audio.push(Number(a.slice(1)));
  for (const c of e.audioChannels ?? []) audio.push(c);
  return { video, audio: [...new Set(audio)].sort((x, y) => x - y) };
}

/** Rebuilds a timeline from a parsed EDL: V events on one video track, each audio channel on its own track. */
export function edlToTimeline(doc: EdlDocument, options: EdlToTimelineOptions): Timeline {
  const { rate } = options;
  const issues: KinoIssue[] = [];
  const at = (e: EdlEvent) => (options.file || e.line ? { location: { ...(options.file ? { file: options.file } : {}), ...(e.line ? { line: e.line } : {}) } } : {});
  let startFrame = options.startFrame;
  if (startFrame === undefined) {
    const first = Math.min(...doc.events.map((e) => e.edits[0].recordIn));
    if (!Number.isFinite(first)) startFrame = 0;
    else {
      const hourTc = framesToTimecode(first, rate, { dropFrame: doc.dropFrame }).slice(0, 2);
      startFrame = timecodeToFrames(`${hourTc}:00:00${doc.dropFrame ? ';' : ':'}00`, rate, { dropFrame: doc.dropFrame });
    }
  }
  const lanes = new Map<string, EdlEvent[]>();
  for (const e of doc.events) {
    const { video, audio } = channelTracks(e);
    if (video) lanes.set('V', [...(lanes.get('V') ?? []), e]);
    for (const a of audio) lanes.set(`A${a}`, [...(lanes.get(`A${a}`) ?? []), e]);
  }
  const build = (events: EdlEvent[]): TrackItem[] => {
    const items: TrackItem[] = [];
    let cursor = 0;
    const sorted = events.slice().sort((a, b) => a.edits[a.edits.length - 1].recordIn - b.edits[b.edits.length - 1].recordIn);
    for (const e of sorted) {
      const main = e.edits[e.edits.length - 1];
      const from = e.edits.length > 1 ? e.edits[0] : undefined;
      const recIn = main.recordIn - startFrame!;
      const recOut = main.recordOut - startFrame!;
      if (recIn < cursor) {
        issues.push(issue('edl/overlap', `Event ${e.number} starts at record frame ${recIn}, before the previous event on its track ends (${cursor}).`, { ...at(e), hint: 'Overlapping events on one channel cannot be a single track.' }));
        continue;
      }
      if (main.transition === 'K' || main.transition === 'KB' || main.transition === 'KO') {
        issues.push(warning('edl/key', `Event ${e.number}: key effects are read as cuts.`, at(e)));
      }
      const isTransition = !!from && main.transition !== 'C';
      const toBlack = BLACK_REELS.has(main.reel.toUpperCase());
      const fromBlack = from ? BLACK_REELS.has(from.reel.toUpperCase()) : false;
      if (recIn > cursor) items.push({ kind: 'gap', duration: recIn - cursor });
      const frames = main.transitionFrames ?? 0;
      if (isTransition) {
        const kind = toBlack ? 'fade-out' : fromBlack || items[items.length - 1]?.kind !== 'clip' ? 'fade-in' : main.transition === 'W' ? 'wipe' : 'dissolve';
        items.push({ kind: 'transition', transition: kind, inOffset: 0, outOffset: frames, ...(main.transition === 'W' ? { wipeCode: main.wipeCode ?? 1 } : {}) });
      }
      if (toBlack) {
        if (recOut > recIn) items.push({ kind: 'gap', duration: recOut - recIn });
      } else if (recOut > recIn) {
        const name = (isTransition ? e.toClipName : e.fromClipName) ?? main.reel;
        const srcDur = main.sourceOut - main.sourceIn;
        if (srcDur !== recOut - recIn && !e.speed) issues.push(warning('edl/speed', `Event ${e.number}: source is ${srcDur} frames but record is ${recOut - recIn}; read as a cut of the record length.`, at(e)));
        items.push({ kind: 'clip', name, media: e.sourceFile ? { path: e.sourceFile } : null, sourceRange: { start: main.sourceIn, duration: recOut - recIn }, metadata: {} });
      }
      cursor = Math.max(cursor, recOut);
    }
    return items;
  };
  const videoTracks: Track[] = lanes.has('V') ? [{ name: 'V1', items: build(lanes.get('V')!), metadata: {} }] : [];
  const audioKeys = [...lanes.keys()].filter((k) => k.startsWith('A')).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
  const audioTracks: Track[] = audioKeys.map((k) => ({ name: k, items: build(lanes.get(k)!), metadata: {} }));
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length) throw new KinoError(errors);
  return parseTimeline(
    { name: options.name ?? (doc.title || 'EDL'), rate, startFrame, dropFrame: doc.dropFrame, videoTracks, audioTracks, metadata: {} },
    options.file,
  );
}

/** Reads EDL text straight into a timeline. */
export function readEdl(text: string, options: EdlToTimelineOptions): Timeline {
  return edlToTimeline(parseEdl(text, options), options);
}
