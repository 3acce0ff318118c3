// OpenTimelineIO JSON (.otio) adapter: write and read.
//
// Written with the schema versions OTIO 0.15+ reads natively (Timeline.1, Stack.1, Track.1,
// Clip.2, Gap.1, Transition.1, ExternalReference.1, MissingReference.1, RationalTime.1,
// TimeRange.1). kino-only facts that OTIO has no field for (transition kind, drop-frame display,
// clip metadata) go under `metadata.kino`, the OTIO convention for adapter namespaces, so any
// OTIO tool keeps them and `readOtio(writeOtio(t))` gives back `t` exactly.
//
// The reader also accepts files from other tools: Clip.1 (single `media_reference`) is upgraded,
// times at other rates are converted to the timeline rate, MissingReference and
// GeneratorReference become offline clips, and anything kino's flat track model cannot hold
// (nested stacks, time warps) is reported, not silently dropped.

import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { KinoError, issue, warning, type KinoIssue } from '../doc/errors';
import { writeFileAtomic } from '../util/fs';
import { defaultDropFrame, fps, rateFromFps, type Rate } from './timecode';
import { parseTimeline, type Clip, type Metadata, type Timeline, type Track, type TrackItem, type TransitionKind } from './timeline';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

function rt(value: number, rate: number): JsonObject {
  return { OTIO_SCHEMA: 'RationalTime.1', rate, value };
}

function tr(start: number, duration: number, rate: number): JsonObject {
  return { OTIO_SCHEMA: 'TimeRange.1', duration: rt(duration, rate), start_time: rt(start, rate) };
}

/** Media path → OTIO target_url: absolute paths become file:// URLs; relative ones stay relative (percent-encoded). */
export function pathToTargetUrl(p: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(p)) return p;
  if (path.isAbsolute(p)) return pathToFileURL(p).href;
  return p.split(/[\\/]/).map(encodeURIComponent).join('/');
}

export function targetUrlToPath(url: string): string {
  if (/^file:/i.test(url)) return fileURLToPath(url);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return url;
  try {
    return url.split('/').map(decodeURIComponent).join('/');
  } catch {
    return url;
  }
}

function metadataJson(meta: Metadata): JsonObject {
  const out: JsonObject = {};
  for (const k of Object.keys(meta).sort()) out[k] = meta[k];
  return out;
}

const TRANSITION_TYPE: Record<TransitionKind, string> = {
  dissolve: 'SMPTE_Dissolve',
  // Fades are dissolves to/from black in every NLE; OTIO has no separate type for them.
  'fade-in': 'SMPTE_Dissolve',
  'fade-out': 'SMPTE_Dissolve',
  wipe: 'Custom_Transition',
};

function itemJson(item: TrackItem, rate: number): JsonObject {
  if (item.kind === 'gap') {
    return { OTIO_SCHEMA: 'Gap.1', metadata: {}, name: '', source_range: tr(0, item.duration, rate), effects: [], markers: [], enabled: true };
  }
  if (item.kind === 'transition') {
    const kino: JsonObject = { kind: item.transition };
    if (item.wipeCode !== undefined) kino.wipeCode = item.wipeCode;
    return {
      OTIO_SCHEMA: 'Transition.1',
      metadata: { kino },
      name: item.transition,
      transition_type: TRANSITION_TYPE[item.transition],
      in_offset: rt(item.inOffset, rate),
      out_offset: rt(item.outOffset, rate),
    };
  }
  const ref: JsonObject = item.media
    ? {
        OTIO_SCHEMA: 'ExternalReference.1',
        metadata: {},
        name: path.basename(item.media.path),
        available_range: item.media.availableRange ? tr(item.media.availableRange.start, item.media.availableRange.duration, rate) : null,
        available_image_bounds: null,
        target_url: pathToTargetUrl(item.media.path),
      }
    : { OTIO_SCHEMA: 'MissingReference.1', metadata: {}, name: '', available_range: null, available_image_bounds: null };
  return {
    OTIO_SCHEMA: 'Clip.2',
    metadata: { kino: metadataJson(item.metadata) },
    name: item.name,
    source_range: tr(item.sourceRange.start, item.sourceRange.duration, rate),
    effects: [],
    markers: [],
    enabled: true,
    media_references: { DEFAULT_MEDIA: ref },
    active_media_reference_key: 'DEFAULT_MEDIA',
  };
}

function trackJson(track: Track, kind: 'Video' | 'Audio', rate: number): JsonObject {
  return {
    OTIO_SCHEMA: 'Track.1',
    metadata: { kino: metadataJson(track.metadata) },
    name: track.name,
    source_range: null,
    effects: [],
    markers: [],
    enabled: true,
    children: track.items.map((i) => itemJson(i, rate)),
    kind,
  };
}

/** The timeline as an OTIO document (a plain object, ready for JSON.stringify). */
export function timelineToOtio(timeline: Timeline): JsonObject {
  const rate = fps(timeline.rate);
  return {
    OTIO_SCHEMA: 'Timeline.1',
    metadata: {
      kino: {
        dropFrame: timeline.dropFrame,
        rate: { num: timeline.rate.num, den: timeline.rate.den },
        metadata: metadataJson(timeline.metadata),
      },
    },
    name: timeline.name,
    global_start_time: rt(timeline.startFrame, rate),
    tracks: {
      OTIO_SCHEMA: 'Stack.1',
      metadata: {},
      name: 'tracks',
      source_range: null,
      effects: [],
      markers: [],
      enabled: true,
      children: [...timeline.videoTracks.map((t) => trackJson(t, 'Video', rate)), ...timeline.audioTracks.map((t) => trackJson(t, 'Audio', rate))],
    },
  };
}

/** OTIO JSON text (4-space indent, like OTIO's own writer; deterministic). */
export function writeOtio(timeline: Timeline): string {
  return JSON.stringify(timelineToOtio(timeline), null, 4) + '\n';
}

export async function writeOtioFile(file: string, timeline: Timeline): Promise<void> {
  await writeFileAtomic(file, writeOtio(timeline));
}

// ---------------------------------------------------------------------------------------------
// Reading

export interface ReadOtioResult {
  timeline: Timeline;
  /** Things kino read but could not keep (effects, markers, nested stacks flattened away). */
  warnings: KinoIssue[];
}

class Reader {
  issues: KinoIssue[] = [];
  constructor(
    private file: string | undefined,
    readonly rate: Rate,
  ) {}

  private loc(where: string) {
    return this.file ? { location: { file: this.file }, componentPath: where } : { componentPath: where };
  }
  error(code: string, msg: string, where: string, hint?: string): void {
    this.issues.push(issue(code, msg, { ...this.loc(where), ...(hint ? { hint } : {}) }));
  }
  warn(code: string, msg: string, where: string): void {
    this.issues.push(warning(code, msg, this.loc(where)));
  }

  /** A RationalTime converted to whole frames at the timeline rate. */
  time(v: unknown, where: string): number {
    const o = v as { value?: unknown; rate?: unknown } | null;
    if (!o || typeof o !== 'object' || typeof o.value !== 'number' || typeof o.rate !== 'number' || o.rate <= 0) {
      this.error('otio/time', `Expected a RationalTime at ${where}.`, where);
      return 0;
    }
    const frames = (o.value * fps(this.rate)) / o.rate;
    const rounded = Math.round(frames);
    if (Math.abs(frames - rounded) > 1e-3) this.warn('otio/off-grid', `${where}: ${o.value} at ${o.rate} fps is ${frames.toFixed(3)} frames at the timeline rate; rounded to ${rounded}.`, where);
    return rounded;
  }

  range(v: unknown, where: string): { start: number; duration: number } | undefined {
    const o = v as { start_time?: unknown; duration?: unknown } | null;
    if (!o || typeof o !== 'object') return undefined;
    return { start: this.time(o.start_time, `${where}.start_time`), duration: this.time(o.duration, `${where}.duration`) };
  }
}

function schemaOf(o: unknown): { name: string; version: number } | null {
  if (!o || typeof o !== 'object') return null;
  const s = (o as { OTIO_SCHEMA?: unknown }).OTIO_SCHEMA;
  if (typeof s !== 'string') return null;
  const m = /^(\w+)\.(\d+)$/.exec(s);
  return m ? { name: m[1], version: Number(m[2]) } : null;
}

function flatMetadata(v: unknown): Metadata {
  const out: Metadata = {};
  if (!v || typeof v !== 'object' || Array.isArray(v)) return out;
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean') out[k] = x;
  }
  return out;
}

function kinoMeta(o: unknown): Record<string, unknown> | undefined {
  const m = (o as { metadata?: { kino?: unknown } } | null)?.metadata?.kino;
  return m && typeof m === 'object' && !Array.isArray(m) ? (m as Record<string, unknown>) : undefined;
}

function readMedia(r: Reader, clip: Record<string, unknown>, where: string): Clip['media'] {
  let ref: unknown;
  const refs = clip.media_references as Record<string, unknown> | undefined;
  if (refs && typeof refs === 'object') {
    const key = typeof clip.active_media_reference_key === 'string' ? clip.active_media_reference_key : 'DEFAULT_MEDIA';
    ref = refs[key] ?? Object.values(refs)[0];
  } else {
    ref = clip.media_reference; // Clip.1
  }
  const s = schemaOf(ref);
  if (!s || s.name === 'MissingReference') return null;
  const o = ref as Record<string, unknown>;
  const availableRange = r.range(o.available_range, `${where}.available_range`);
  if (s.name === 'ExternalReference' && typeof o.target_url === 'string' && o.target_url) {
    return { path: targetUrlToPath(o.target_url), ...(availableRange ? { availableRange } : {}) };
  }
  if (s.name === 'ImageSequenceReference' && typeof o.target_url_base === 'string') {
    const pattern = `${o.name_prefix ?? ''}%0${o.frame_zero_padding ?? 4}d${o.name_suffix ?? ''}`;
    return { path: targetUrlToPath(o.target_url_base.replace(/\/?$/, '/') + pattern), ...(availableRange ? { availableRange } : {}) };
  }
  r.warn('otio/media-reference', `${where}: ${s.name} media is kept as offline (kino needs a file).`, where);
  return null;
}

function readItem(r: Reader, o: unknown, where: string): TrackItem | null {
  const s = schemaOf(o);
  const obj = o as Record<string, unknown>;
  if (!s) {
    r.error('otio/schema', `${where} has no OTIO_SCHEMA.`, where);
    return null;
  }
  if (Array.isArray(obj.effects) && obj.effects.length) r.warn('otio/effects', `${where}: ${obj.effects.length} effect(s) ignored (speed changes and filters are not part of kino's cut).`, where);
  if (s.name === 'Gap') {
    const range = r.range(obj.source_range, `${where}.source_range`);
    const duration = range?.duration ?? 0;
    if (duration <= 0) {
      r.warn('otio/empty-gap', `${where}: gap with no duration dropped.`, where);
      return null;
    }
    return { kind: 'gap', duration };
  }
  if (s.name === 'Transition') {
    const k = kinoMeta(obj);
    let transition: TransitionKind = 'dissolve';
    if (k && typeof k.kind === 'string' && ['dissolve', 'wipe', 'fade-in', 'fade-out'].includes(k.kind)) transition = k.kind as TransitionKind;
    else if (obj.transition_type !== 'SMPTE_Dissolve' && /wipe/i.test(String(obj.name ?? ''))) transition = 'wipe';
    const item: TrackItem = {
      kind: 'transition',
      transition,
      inOffset: r.time(obj.in_offset, `${where}.in_offset`),
      outOffset: r.time(obj.out_offset, `${where}.out_offset`),
    };
    if (k && typeof k.wipeCode === 'number') item.wipeCode = k.wipeCode;
    return item;
  }
  if (s.name === 'Clip') {
    const range = r.range(obj.source_range, `${where}.source_range`);
    const media = readMedia(r, obj, `${where}.media`);
    const sourceRange = range ?? media?.availableRange;
    if (!sourceRange) {
      r.error('otio/clip-range', `${where}: clip "${String(obj.name ?? '')}" has neither a source_range nor a media available_range.`, where);
      return null;
    }
    const k = kinoMeta(obj);
    return { kind: 'clip', name: typeof obj.name === 'string' ? obj.name : '', media, sourceRange, metadata: k ? flatMetadata(k) : {} };
  }
  if (s.name === 'Stack' || s.name === 'Track') {
    r.error('otio/nested', `${where}: nested ${s.name} is not supported; kino timelines are flat.`, where, 'Flatten the nested composition in your editor (or with otiotool --flatten) and export again.');
    return null;
  }
  r.warn('otio/unknown', `${where}: ${s.name}.${s.version} ignored.`, where);
  return null;
}

/**
 * Offset of the first JSON syntax error (Node 20's JSON.parse message often has none). A small
 * recursive-descent scanner; only runs after JSON.parse has already failed.
 */
export function jsonErrorOffset(text: string): number | null {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const lit = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail();
  };
  const str = () => {
    if (text[i] !== '"') fail();
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? '')) fail();
      } else if (text.charCodeAt(i) < 0x20) fail();
      i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  const num = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m) fail();
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        str();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail();
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail();
      }
    }
    if (c === '"') return str();
    if (c === 't') return lit('true');
    if (c === 'f') return lit('false');
    if (c === 'n') return lit('null');
    return num();
  };
  try {
    value();
    ws();
    return i < text.length ? i : null;
  } catch (at) {
    return typeof at === 'number' ? Math.min(at, text.length) : null;
  }
}

/** Reads OTIO JSON into a timeline, returning warnings for what kino could not keep. */
export function readOtioWithWarnings(text: string, file?: string): ReadOtioResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const pos = jsonErrorOffset(text);
    let location: { file?: string; line?: number; column?: number } | undefined = file ? { file } : undefined;
    if (pos !== null) {
      const before = text.slice(0, pos).split('\n');
      location = { ...(file ? { file } : {}), line: before.length, column: before[before.length - 1].length + 1 };
    }
    throw new KinoError(issue('otio/json', `Not valid JSON: ${(e as Error).message}`, location ? { location } : {}));
  }
  let root = doc as Record<string, unknown>;
  let s = schemaOf(root);
  if (s?.name === 'SerializableCollection' && Array.isArray(root.children)) {
    const first = root.children.find((c) => schemaOf(c)?.name === 'Timeline');
    if (first) {
      root = first as Record<string, unknown>;
      s = schemaOf(root);
    }
  }
  if (s?.name !== 'Timeline') {
    throw new KinoError(issue('otio/not-timeline', `Expected an OTIO Timeline, found ${s ? `${s.name}.${s.version}` : 'no OTIO_SCHEMA'}.`, file ? { location: { file }, hint: 'Export the sequence as an OpenTimelineIO timeline (.otio).' } : {}));
  }
  const k = kinoMeta(root);
  const tracksObj = root.tracks as Record<string, unknown> | undefined;
  const children = Array.isArray(tracksObj?.children) ? (tracksObj!.children as unknown[]) : [];

  // The timeline rate: kino's exact rational if we wrote it, else the global start time's rate,
  // else the first clip's.
  let rate: Rate | undefined;
  const kr = k?.rate as { num?: unknown; den?: unknown } | undefined;
  if (kr && Number.isInteger(kr.num) && Number.isInteger(kr.den)) rate = { num: kr.num as number, den: kr.den as number };
  const gst = root.global_start_time as { rate?: unknown } | null | undefined;
  if (!rate && gst && typeof gst.rate === 'number') rate = rateFromFps(gst.rate);
  if (!rate) {
    outer: for (const t of children) {
      for (const c of ((t as { children?: unknown[] }).children ?? []) as Record<string, unknown>[]) {
        const sr = c.source_range as { duration?: { rate?: unknown } } | undefined;
        if (sr && typeof sr.duration?.rate === 'number') {
          rate = rateFromFps(sr.duration.rate);
          break outer;
        }
      }
    }
  }
  if (!rate) rate = { num: 24, den: 1 };
  const r = new Reader(file, rate);

  const videoTracks: Track[] = [];
  const audioTracks: Track[] = [];
  children.forEach((t, ti) => {
    const where = `tracks[${ti}]`;
    const ts = schemaOf(t);
    const tobj = t as Record<string, unknown>;
    if (ts?.name !== 'Track') {
      r.error('otio/track', `${where}: expected a Track, found ${ts ? ts.name : 'no OTIO_SCHEMA'}.`, where, 'Flatten nested stacks before exporting.');
      return;
    }
    const items: TrackItem[] = [];
    ((tobj.children as unknown[]) ?? []).forEach((c, ci) => {
      const item = readItem(r, c, `${where}.children[${ci}]`);
      if (item) items.push(item);
    });
    // Other tools write fades as SMPTE_Dissolve next to a gap or the track edge.
    items.forEach((it, i) => {
      if (it.kind !== 'transition' || it.transition !== 'dissolve') return;
      const prevClip = items[i - 1]?.kind === 'clip';
      const nextClip = items[i + 1]?.kind === 'clip';
      if (!prevClip && nextClip) it.transition = 'fade-in';
      else if (prevClip && !nextClip) it.transition = 'fade-out';
    });
    // OTIO lets a transition hang past the track's edges; nothing is there to show, so trim it.
    const first = items[0];
    const last = items[items.length - 1];
    if (first?.kind === 'transition' && first.inOffset > 0) {
      r.warn('otio/transition-edge', `${where}: transition at the track start reached ${first.inOffset} frames before it; trimmed.`, where);
      first.inOffset = 0;
    }
    if (last?.kind === 'transition' && last.outOffset > 0) {
      r.warn('otio/transition-edge', `${where}: transition at the track end reached ${last.outOffset} frames past it; trimmed.`, where);
      last.outOffset = 0;
    }
    const tk = kinoMeta(tobj);
    const track: Track = { name: typeof tobj.name === 'string' ? tobj.name : '', items, metadata: tk ? flatMetadata(tk) : {} };
    if (tobj.kind === 'Audio') audioTracks.push(track);
    else videoTracks.push(track);
  });

  const errors = r.issues.filter((i) => i.severity === 'error');
  if (errors.length) throw new KinoError(errors);
  const timeline = parseTimeline(
    {
      name: typeof root.name === 'string' && root.name ? root.name : file ? path.basename(file, path.extname(file)) : 'Timeline',
      rate,
      startFrame: gst ? Math.max(0, r.time(gst, 'global_start_time')) : 0,
      dropFrame: typeof k?.dropFrame === 'boolean' ? k.dropFrame : defaultDropFrame(rate),
      videoTracks,
      audioTracks,
      metadata: k ? flatMetadata(k.metadata) : {},
    },
    file,
  );
  return { timeline, warnings: r.issues.filter((i) => i.severity === 'warning') };
}

/** Reads OTIO JSON into a timeline (warnings dropped; use readOtioWithWarnings to see them). */
export function readOtio(text: string, file?: string): Timeline {
  return readOtioWithWarnings(text, file).timeline;
}
