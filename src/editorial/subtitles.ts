// Subtitles: SubRip (.srt) and WebVTT (.vtt) writers, and small parsers (for round-trip tests
// and for reading a translator's file back).
//
// Conventions followed (Netflix/BBC timed-text style guides agree on these):
// - at most two lines a cue, about 42 characters a line, broken at a word boundary with the
//   lines as even as possible (bottom-heavy on a tie);
// - times rounded to whole milliseconds; a cue must end after it starts;
// - SRT has no markup for speakers; WebVTT carries them as voice spans `<v Name>`, which players
//   do not print, so nothing is shown that the film does not say.

import { z } from 'zod';
import { KinoError, issue, type KinoIssue } from '../doc/errors';
import { writeFileAtomic } from '../util/fs';

export const SubtitleCueSchema = z.object({
  /** Seconds from the start of the film. */
  start: z.number().nonnegative(),
  end: z.number().nonnegative(),
  text: z.string(),
  speaker: z.string().optional(),
});
export type SubtitleCue = z.infer<typeof SubtitleCueSchema>;

export interface SubtitleOptions {
  /** Wrap lines longer than this at word boundaries (default 42; 0 = keep the text's own lines). */
  maxLineLength?: number;
  /** SRT only: print the speaker as `NAME: ` before the text (SDH style). Default false. */
  speakerPrefix?: boolean;
}

function checkCues(cues: SubtitleCue[]): SubtitleCue[] {
  const issues: KinoIssue[] = [];
  const out: SubtitleCue[] = [];
  cues.forEach((c, i) => {
    const r = SubtitleCueSchema.safeParse(c);
    if (!r.success) {
      for (const e of r.error.issues) issues.push(issue('subtitles/cue', `Cue ${i + 1}: ${e.path.join('.')} ${e.message}`));
      return;
    }
    if (Math.round(r.data.end * 1000) <= Math.round(r.data.start * 1000)) {
      issues.push(issue('subtitles/timing', `Cue ${i + 1} ("${r.data.text.slice(0, 30)}") ends at ${r.data.end}s, not after its start ${r.data.start}s.`, { hint: 'A cue needs at least 1 ms; dialogue cues usually last ≥ 0.8 s.' }));
      return;
    }
    out.push(r.data);
  });
  if (issues.length) throw new KinoError(issues);
  // Stable sort by start: a cue list built per character comes out in film order.
  return out.map((c, i) => ({ c, i })).sort((a, b) => a.c.start - b.c.start || a.i - b.i).map((x) => x.c);
}

/** Wraps text into lines of at most `max` characters, balancing two-line cues. */
export function wrapSubtitleText(text: string, max = 42): string[] {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  if (max <= 0) return paragraphs;
  const lines: string[] = [];
  for (const para of paragraphs) {
    if (para.length <= max) {
      lines.push(para);
      continue;
    }
    const words = para.split(' ');
    // Two lines fit: choose the break that makes them most even, the bottom line longer on a tie.
    let best: [string, string] | null = null;
    for (let k = 1; k < words.length; k++) {
      const a = words.slice(0, k).join(' ');
      const b = words.slice(k).join(' ');
      if (a.length > max || b.length > max) continue;
      const score = Math.abs(a.length - b.length) + (a.length > b.length ? 0.5 : 0);
      const bestScore = best ? Math.abs(best[0].length - best[1].length) + (best[0].length > best[1].length ? 0.5 : 0) : Infinity;
      if (score < bestScore) best = [a, b];
    }
    if (best) {
      lines.push(...best);
      continue;
    }
    // Longer than two lines: greedy fill (the caller should split the cue; we never cut a word).
    let line = '';
    for (const w of words) {
      if (line && line.length + 1 + w.length > max) {
        lines.push(line);
        line = w;
      } else line = line ? `${line} ${w}` : w;
    }
    if (line) lines.push(line);
  }
  return lines;
}

function clock(seconds: number, sep: ',' | '.'): string {
  const ms = Math.round(seconds * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  const r = ms % 1000;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}${sep}${String(r).padStart(3, '0')}`;
}

/** SubRip text (UTF-8, LF line ends, blank line after each cue). */
export function writeSrt(cues: SubtitleCue[], options: SubtitleOptions = {}): string {
  const list = checkCues(cues);
  const blocks = list.map((c, i) => {
    const prefix = options.speakerPrefix && c.speaker ? `${c.speaker.toUpperCase()}: ` : '';
    const lines = wrapSubtitleText(prefix + c.text, options.maxLineLength ?? 42);
    return `${i + 1}\n${clock(c.start, ',')} --> ${clock(c.end, ',')}\n${lines.join('\n')}\n`;
  });
  return blocks.join('\n');
}

function escapeVtt(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** WebVTT text; speakers become `<v Name>` voice spans. */
export function writeVtt(cues: SubtitleCue[], options: SubtitleOptions = {}): string {
  const list = checkCues(cues);
  const blocks = list.map((c, i) => {
    const lines = wrapSubtitleText(c.text, options.maxLineLength ?? 42).map(escapeVtt);
    // "-->" cannot appear in cue text; escaping ">" already prevents it.
    const voice = c.speaker ? `<v ${escapeVtt(c.speaker.replace(/[\r\n>]+/g, ' ').trim())}>` : '';
    const body = voice + lines.join('\n'); // one span covers the whole cue
    return `${i + 1}\n${clock(c.start, '.')} --> ${clock(c.end, '.')}\n${body}\n`;
  });
  return ['WEBVTT\n', ...blocks].join('\n');
}

export async function writeSrtFile(file: string, cues: SubtitleCue[], options: SubtitleOptions = {}): Promise<void> {
  await writeFileAtomic(file, writeSrt(cues, options));
}

export async function writeVttFile(file: string, cues: SubtitleCue[], options: SubtitleOptions = {}): Promise<void> {
  await writeFileAtomic(file, writeVtt(cues, options));
}

// ---------------------------------------------------------------------------------------------
// Parsing

const TIME_RE = /^(?:(\d+):)?(\d{1,2}):(\d{2})[,.](\d{1,3})$/;

function parseClock(s: string): number | null {
  const m = TIME_RE.exec(s.trim());
  if (!m) return null;
  const ms = Number(m[4].padEnd(3, '0'));
  return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]) + ms / 1000;
}

function unescapeVtt(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&nbsp;/g, '\u00a0').replace(/&amp;/g, '&');
}

function parseBlocks(text: string, kind: 'srt' | 'vtt', file?: string): SubtitleCue[] {
  const issues: KinoIssue[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const cues: SubtitleCue[] = [];
  let i = 0;
  if (kind === 'vtt') {
    if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) {
      throw new KinoError(issue('subtitles/vtt-header', 'A WebVTT file must start with "WEBVTT".', { location: { ...(file ? { file } : {}), line: 1, column: 1 } }));
    }
    while (i < lines.length && lines[i].trim() !== '') i++; // header block
  }
  while (i < lines.length) {
    while (i < lines.length && lines[i].trim() === '') i++;
    if (i >= lines.length) break;
    const blockStart = i;
    const block: string[] = [];
    while (i < lines.length && lines[i].trim() !== '') block.push(lines[i++]);
    if (kind === 'vtt' && /^(NOTE|STYLE|REGION)(\s|$)/.test(block[0])) continue;
    const timingIdx = block.findIndex((l) => l.includes('-->'));
    if (timingIdx < 0 || timingIdx > 1) {
      issues.push(issue('subtitles/syntax', `No "start --> end" timing line in the cue at line ${blockStart + 1}.`, { location: { ...(file ? { file } : {}), line: blockStart + 1, column: 1 } }));
      continue;
    }
    const [a, rest] = block[timingIdx].split('-->');
    const b = rest.trim().split(/\s+/)[0]; // VTT cue settings follow the end time
    const start = parseClock(a);
    const end = parseClock(b);
    if (start === null || end === null) {
      issues.push(issue('subtitles/time', `Bad time in "${block[timingIdx].trim()}".`, { location: { ...(file ? { file } : {}), line: blockStart + timingIdx + 1, column: 1 }, hint: kind === 'srt' ? 'SRT times are hh:mm:ss,mmm.' : 'WebVTT times are hh:mm:ss.mmm or mm:ss.mmm.' }));
      continue;
    }
    let speaker: string | undefined;
    const textLines = block.slice(timingIdx + 1).map((l) => {
      if (kind !== 'vtt') return l;
      const v = /^<v(?:\.[\w.-]+)?\s+([^>]*)>/.exec(l);
      if (v) speaker = unescapeVtt(v[1].trim());
      return unescapeVtt(l.replace(/<\/?[a-z][^>]*>/gi, ''));
    });
    cues.push({ start, end, text: textLines.join('\n'), ...(speaker ? { speaker } : {}) });
  }
  if (issues.length) throw new KinoError(issues);
  return cues;
}

export function parseSrt(text: string, file?: string): SubtitleCue[] {
  return parseBlocks(text, 'srt', file);
}

export function parseVtt(text: string, file?: string): SubtitleCue[] {
  return parseBlocks(text, 'vtt', file);
}
