// FCPXML (Final Cut Pro X interchange, 1.11 by default) writer.
//
// Layout (checked against Apple's FCPXML 1.11 DTD content models):
//   fcpxml > resources (format, effect, asset > media-rep) , library > event > project > sequence > spine
// - The first video track is the primary storyline (`spine`): asset-clips and gaps laid end to
//   end, transitions between them. As in OTIO, a transition does not move the clips: it sits at
//   `offset` = cut − inOffset and overlaps the neighbours' handles, which is how FCP exports a
//   centred dissolve.
// - Other video tracks and the audio tracks become connected clips (lane > 0 above, < 0 below)
//   anchored to the primary element under their start; an anchored clip's `offset` is in its
//   parent's local time (parent start + distance from the parent's offset).
// - Times are rational seconds on the frame grid: N frames at 24000/1001 are `N·1001/24000s`.
//   Whole seconds are written `Ns`, the way FCP does.
// - The spine is padded with a gap so the sequence is exactly the timeline runtime (audio may
//   run past the last picture).

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { warning, type KinoIssue } from '../doc/errors';
import { writeFileAtomic } from '../util/fs';
import { nominalFps, type Rate } from './timecode';
import { placeItems, runtime, type Clip, type Timeline, type Track } from './timeline';

export interface FcpxmlOptions {
  /** Frame size of the sequence format (default 1920×1080). */
  width?: number;
  height?: number;
  /** FCPXML colour space string (default `1-1-1 (Rec. 709)`). */
  colorSpace?: string;
  /** FCPXML version written in the root (default 1.11; the elements used are the same through 1.14). */
  version?: '1.11' | '1.12' | '1.13' | '1.14';
  /** Event that holds the project (default `kino`). */
  eventName?: string;
  /** Project name (default the timeline name). */
  projectName?: string;
  /** Folder relative media paths are resolved against; FCP needs absolute file URLs. Default: the current directory. */
  mediaBase?: string;
  /** Audio channel count of the audio assets (default 2). */
  audioChannels?: number;
}

export interface BuiltFcpxml {
  xml: string;
  warnings: KinoIssue[];
}

/** Apple's uid for the built-in Cross Dissolve (FxPlug), used for dissolves, fades and (as a stand-in) wipes. */
export const CROSS_DISSOLVE_UID = 'FxPlug:4731E73A-8DAC-4113-9A30-AE85B1761265';

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** `frames` frames at `rate` as FCPXML rational time. */
export function fcpxTime(frames: number, rate: Rate): string {
  if (frames === 0) return '0s';
  // Scale so 24/25/30 fps use FCP's own "100/2400s" style denominators and NTSC ones keep 1001.
  const k = rate.den === 1 ? 100 : 1;
  const num = frames * rate.den * k;
  const den = rate.num * k;
  if (num % den === 0) return `${num / den}s`;
  return `${num}/${den}s`;
}

/** FCP's name for standard formats (FFVideoFormat1080p2398); undefined for custom sizes. */
function formatName(width: number, height: number, rate: Rate): string | undefined {
  const sizes: Record<string, string> = { '1920x1080': '1080p', '1280x720': '720p', '3840x2160': '3840x2160p', '4096x2160': '4096x2160p' };
  const size = sizes[`${width}x${height}`];
  const codes: Record<string, string> = { '24000/1001': '2398', '24/1': '24', '25/1': '25', '30000/1001': '2997', '30/1': '30', '50/1': '50', '60000/1001': '5994', '60/1': '60' };
  const code = codes[`${rate.num}/${rate.den}`];
  return size && code ? `FFVideoFormat${size}${code}` : undefined;
}

function attrs(a: Record<string, string | number | undefined>): string {
  return Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
}

interface AssetInfo {
  id: string;
  name: string;
  path: string;
  start: number;
  end: number;
  known: boolean;
  video: boolean;
  audio: boolean;
}

interface PrimaryElement {
  recordIn: number;
  recordOut: number;
  /** Local time at recordIn, in frames. */
  localStart: number;
  open: string;
  close: string;
  selfClosing: string;
  children: string[];
  metadata?: string;
}

/** Builds FCPXML text plus warnings for what FCPXML cannot hold. */
export function buildFcpxml(timeline: Timeline, options: FcpxmlOptions = {}): BuiltFcpxml {
  const warnings: KinoIssue[] = [];
  const rate = timeline.rate;
  const t = (frames: number) => fcpxTime(frames, rate);
  const width = options.width ?? 1920;
  const height = options.height ?? 1080;
  const tcFormat = timeline.dropFrame ? 'DF' : 'NDF';
  const base = options.mediaBase ?? process.cwd();
  const total = runtime(timeline).frames;

  // Resource ids: r1 format, r2 effect, then assets in order of first use (deterministic).
  const assets = new Map<string, AssetInfo>();
  let usesTransition = false;
  const collect = (track: Track, kind: 'video' | 'audio') => {
    for (const item of track.items) {
      if (item.kind === 'transition') usesTransition = true;
      if (item.kind !== 'clip' || !item.media) continue;
      const abs = /^[a-z][a-z0-9+.-]*:\/\//i.test(item.media.path) ? item.media.path : path.resolve(base, item.media.path);
      let a = assets.get(abs);
      if (!a) {
        const avail = item.media.availableRange;
        // Named after the first clip that uses it: per-shot renders are all called clip.mov.
        a = { id: '', name: item.name || path.basename(item.media.path).replace(/\.[^.]+$/, ''), path: abs, start: avail?.start ?? item.sourceRange.start, end: avail ? avail.start + avail.duration : item.sourceRange.start + item.sourceRange.duration, known: !!avail, video: false, audio: false };
        assets.set(abs, a);
      }
      if (!a.known) {
        a.start = Math.min(a.start, item.sourceRange.start);
        a.end = Math.max(a.end, item.sourceRange.start + item.sourceRange.duration);
      }
      if (kind === 'video') a.video = true;
      else a.audio = true;
    }
  };
  timeline.videoTracks.forEach((tr) => collect(tr, 'video'));
  timeline.audioTracks.forEach((tr) => collect(tr, 'audio'));
  let next = usesTransition ? 3 : 2;
  for (const a of assets.values()) a.id = `r${next++}`;
  const assetOf = (c: Clip) => (c.media ? assets.get(/^[a-z][a-z0-9+.-]*:\/\//i.test(c.media.path) ? c.media.path : path.resolve(base, c.media.path)) : undefined);

  const mdOf = (c: Clip): string | undefined => {
    const md: string[] = [];
    if (c.metadata.sceneId !== undefined) md.push(`<md key="com.apple.proapps.studio.scene"${attrs({ value: String(c.metadata.sceneId) })}/>`);
    if (c.metadata.shotId !== undefined) md.push(`<md key="com.apple.proapps.studio.shot"${attrs({ value: String(c.metadata.shotId) })}/>`);
    return md.length ? md.join('') : undefined;
  };

  // Primary storyline.
  const primary: PrimaryElement[] = [];
  const spine: (PrimaryElement | string)[] = [];
  const v1 = timeline.videoTracks[0];
  const start = timeline.startFrame;
  let cursor = 0;
  const gap = (recIn: number, dur: number, name = 'Gap'): PrimaryElement => {
    const a = attrs({ name, offset: t(start + recIn), start: t(start + recIn), duration: t(dur) });
    return { recordIn: recIn, recordOut: recIn + dur, localStart: start + recIn, open: `<gap${a}>`, close: '</gap>', selfClosing: `<gap${a}/>`, children: [] };
  };
  if (v1) {
    for (const p of placeItems(v1)) {
      const item = p.item;
      if (item.kind === 'transition') {
        const name = 'Cross Dissolve';
        if (item.transition === 'wipe') warnings.push(warning('fcpxml/wipe', `Wipe at record frame ${p.recordIn} written as a Cross Dissolve (FCP's wipe has no stable public uid).`));
        spine.push(`<transition${attrs({ name, offset: t(start + p.recordIn), duration: t(item.inOffset + item.outOffset) })}><filter-video${attrs({ ref: 'r2', name: 'Cross Dissolve' })}/></transition>`);
        continue;
      }
      if (item.kind === 'gap') {
        const g = gap(p.recordIn, item.duration);
        primary.push(g);
        spine.push(g);
        cursor = p.recordOut;
        continue;
      }
      const a = assetOf(item);
      if (!a) {
        warnings.push(warning('fcpxml/offline', `Clip "${item.name}" has no media; written as a gap of the same length.`));
        const g = gap(p.recordIn, item.sourceRange.duration, item.name);
        primary.push(g);
        spine.push(g);
        cursor = p.recordOut;
        continue;
      }
      const at = attrs({ ref: a.id, offset: t(start + p.recordIn), name: item.name, start: t(item.sourceRange.start), duration: t(item.sourceRange.duration), tcFormat });
      const el: PrimaryElement = { recordIn: p.recordIn, recordOut: p.recordOut, localStart: item.sourceRange.start, open: `<asset-clip${at}>`, close: '</asset-clip>', selfClosing: `<asset-clip${at}/>`, children: [], metadata: mdOf(item) };
      primary.push(el);
      spine.push(el);
      cursor = p.recordOut;
    }
  }
  if (cursor < total || primary.length === 0) {
    const g = gap(cursor, Math.max(1, total - cursor));
    primary.push(g);
    spine.push(g);
  }

  // Connected clips: V2+ above (lanes 1, 2, …), audio below (lanes −1, −2, …).
  const connect = (track: Track, lane: number, label: string, audio: boolean) => {
    for (const p of placeItems(track)) {
      const item = p.item;
      if (item.kind === 'transition') {
        warnings.push(warning('fcpxml/connected-transition', `${label}: a ${item.transition} at record frame ${p.recordIn} is left out; FCPXML transitions live only in storylines.`));
        continue;
      }
      if (item.kind !== 'clip') continue;
      const a = assetOf(item);
      if (!a) {
        warnings.push(warning('fcpxml/offline', `${label}: clip "${item.name}" has no media and is left out.`));
        continue;
      }
      const parent = primary.find((e) => p.recordIn >= e.recordIn && p.recordIn < e.recordOut) ?? primary[primary.length - 1];
      const offset = parent.localStart + (p.recordIn - parent.recordIn);
      const role = audio ? String(item.metadata.role ?? track.metadata.role ?? 'dialogue') : undefined;
      const at = attrs({ ref: a.id, lane, offset: t(offset), name: item.name, start: t(item.sourceRange.start), duration: t(item.sourceRange.duration), ...(audio ? { audioRole: role } : { tcFormat }) });
      const md = mdOf(item);
      parent.children.push(md ? `<asset-clip${at}><metadata>${md}</metadata></asset-clip>` : `<asset-clip${at}/>`);
    }
  };
  timeline.videoTracks.slice(1).forEach((tr, i) => connect(tr, i + 1, `V${i + 2}`, false));
  timeline.audioTracks.forEach((tr, i) => connect(tr, -(i + 1), `A${i + 1}`, true));

  const fmtName = formatName(width, height, rate);
  const out: string[] = [];
  const ind = (n: number) => '    '.repeat(n);
  out.push('<?xml version="1.0" encoding="UTF-8"?>', '<!DOCTYPE fcpxml>', '', `<fcpxml version="${options.version ?? '1.11'}">`);
  out.push(`${ind(1)}<resources>`);
  out.push(`${ind(2)}<format${attrs({ id: 'r1', name: fmtName, frameDuration: t(1), width, height, colorSpace: options.colorSpace ?? '1-1-1 (Rec. 709)' })}/>`);
  if (usesTransition) out.push(`${ind(2)}<effect${attrs({ id: 'r2', name: 'Cross Dissolve', uid: CROSS_DISSOLVE_UID })}/>`);
  for (const a of assets.values()) {
    const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(a.path) ? a.path : pathToFileURL(a.path).href;
    const at = attrs({
      id: a.id,
      name: a.name,
      start: t(a.start),
      duration: t(a.end - a.start),
      hasVideo: a.video ? 1 : undefined,
      format: a.video ? 'r1' : undefined,
      videoSources: a.video ? 1 : undefined,
      hasAudio: a.audio ? 1 : undefined,
      audioSources: a.audio ? 1 : undefined,
      audioChannels: a.audio ? (options.audioChannels ?? 2) : undefined,
      audioRate: a.audio ? 48000 : undefined,
    });
    out.push(`${ind(2)}<asset${at}>`, `${ind(3)}<media-rep${attrs({ kind: 'original-media', src: url })}/>`, `${ind(2)}</asset>`);
  }
  out.push(`${ind(1)}</resources>`);
  out.push(`${ind(1)}<library>`, `${ind(2)}<event${attrs({ name: options.eventName ?? 'kino' })}>`, `${ind(3)}<project${attrs({ name: options.projectName ?? timeline.name })}>`);
  out.push(`${ind(4)}<sequence${attrs({ format: 'r1', duration: t(total), tcStart: t(start), tcFormat, audioLayout: 'stereo', audioRate: '48k' })}>`);
  out.push(`${ind(5)}<spine>`);
  for (const el of spine) {
    if (typeof el === 'string') {
      out.push(`${ind(6)}${el}`);
      continue;
    }
    if (!el.children.length && !el.metadata) {
      out.push(`${ind(6)}${el.selfClosing}`);
      continue;
    }
    out.push(`${ind(6)}${el.open}`);
    for (const c of el.children) out.push(`${ind(7)}${c}`);
    if (el.metadata) out.push(`${ind(7)}<metadata>${el.metadata}</metadata>`);
    out.push(`${ind(6)}${el.close}`);
  }
  out.push(`${ind(5)}</spine>`, `${ind(4)}</sequence>`, `${ind(3)}</project>`, `${ind(2)}</event>`, `${ind(1)}</library>`, '</fcpxml>', '');
  if (nominalFps(rate) > 120) warnings.push(warning('fcpxml/rate', `FCP does not offer ${nominalFps(rate)} fps sequences; the file is valid but may not import.`));
  return { xml: out.join('\n'), warnings };
}

/** FCPXML text for the timeline. */
export function writeFcpxml(timeline: Timeline, options: FcpxmlOptions = {}): string {
  return buildFcpxml(timeline, options).xml;
}

/** Writes the FCPXML atomically; relative media paths resolve against the file's folder unless mediaBase says otherwise. Returns warnings. */
export async function writeFcpxmlFile(file: string, timeline: Timeline, options: FcpxmlOptions = {}): Promise<KinoIssue[]> {
  const built = buildFcpxml(timeline, { mediaBase: path.dirname(path.resolve(file)), ...options });
  await writeFileAtomic(file, built.xml);
  return built.warnings;
}
