// The breakdown report: one strip per scene heading (number, INT/EXT, set, time of day, eighths,
// speaking cast), the speaking cast with first and last scene, the locations, pages, runtime and
// the beat sheet — as data (zod-checked JSON) and as aligned text tables.

import { z } from 'zod';
import type { KinoIssue } from '../doc/errors';
import { BeatSchema, IntExtSchema, LocationSchema, type Script } from './model';
import { formatEighths } from './pagination';

export const BreakdownSceneSchema = z.object({
  number: z.string(),
  heading: z.string(),
  interior: IntExtSchema.nullable(),
  location: z.string().nullable(),
  timeOfDay: z.string().nullable(),
  forced: z.boolean(),
  startPage: z.number().int(),
  lengthEighths: z.number().int(),
  /** `1 3/8` */
  length: z.string(),
  lengthSource: z.enum(['estimated', 'fdx']),
  estimatedSeconds: z.number(),
  characters: z.array(z.string()),
});

export const BreakdownCharacterSchema = z.object({
  name: z.string(),
  aliases: z.array(z.string()),
  extensions: z.array(z.string()),
  dialogueCount: z.number().int(),
  firstScene: z.string(),
  lastScene: z.string(),
  scenes: z.array(z.string()),
  suggestedSameAs: z.array(z.string()),
});

export const BreakdownSchema = z.object({
  title: z.string().nullable(),
  authors: z.array(z.string()),
  format: z.enum(['fountain', 'fdx']),
  pages: z.number().int(),
  /** Sum of scene eighths (exceeds pages × 8: a scene crossing a page break counts on both). */
  lengthEighths: z.number().int(),
  runtimeMinutes: z.number(),
  dialogueShare: z.number(),
  runtimeAssumptions: z.array(z.string()),
  /** Material before the first heading, if any. */
  opening: z.object({ startPage: z.number().int(), lengthEighths: z.number().int(), characters: z.array(z.string()) }).nullable(),
  scenes: z.array(BreakdownSceneSchema),
  characters: z.array(BreakdownCharacterSchema),
  locations: z.array(LocationSchema),
  beats: z.array(BeatSchema),
});
export type Breakdown = z.infer<typeof BreakdownSchema>;

/** The breakdown of a parsed script. */
export function breakdown(script: Script): Breakdown {
  const all = script.opening ? [script.opening, ...script.scenes] : script.scenes;
  return {
    title: script.title,
    authors: script.authors,
    format: script.format,
    pages: script.pages,
    lengthEighths: all.reduce((n, s) => n + s.lengthEighths, 0),
    runtimeMinutes: script.runtime.minutes,
    dialogueShare: script.runtime.dialogueShare,
    runtimeAssumptions: script.runtime.assumptions,
    opening: script.opening
      ? { startPage: script.opening.startPage, lengthEighths: script.opening.lengthEighths, characters: script.opening.characters }
      : null,
    scenes: script.scenes.map((s) => ({
      number: s.number,
      heading: s.heading ?? '',
      interior: s.interior,
      location: s.location,
      timeOfDay: s.timeOfDay,
      forced: s.forced,
      startPage: s.startPage,
      lengthEighths: s.lengthEighths,
      length: formatEighths(s.lengthEighths),
      lengthSource: s.lengthSource,
      estimatedSeconds: s.estimatedSeconds,
      characters: s.characters,
    })),
    characters: script.characters.map((c) => ({
      name: c.name,
      aliases: c.aliases,
      extensions: c.extensions,
      dialogueCount: c.dialogueCount,
      firstScene: c.firstScene,
      lastScene: c.lastScene,
      scenes: c.scenes,
      suggestedSameAs: c.suggestedSameAs,
    })),
    locations: script.locations,
    beats: script.beatSheet,
  };
}

/** Display width: code points, with East Asian wide characters counted twice. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x20000 && c <= 0x3fffd) ? 2 : 1;
  }
  return w;
}

function clip(s: string, max: number): string {
  const one = s.replace(/\s*\n\s*/g, ' / ');
  if (displayWidth(one) <= max) return one;
  let out = '';
  let w = 0;
  for (const ch of one) {
    const cw = displayWidth(ch);
    if (w + cw > max - 1) break;
    out += ch;
    w += cw;
  }
  return out + '…';
}

function pad(s: string, width: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return right ? fill + s : s + fill;
}

/** An aligned text table. `right` lists the columns to right-align (numbers). */
export function formatTable(headers: string[], rows: string[][], right: number[] = [], maxWidths: number[] = []): string {
  const cells = rows.map((r) => r.map((c, i) => (maxWidths[i] ? clip(c, maxWidths[i]) : c.replace(/\s*\n\s*/g, ' / '))));
  const widths = headers.map((h, i) => Math.max(displayWidth(h), ...cells.map((r) => displayWidth(r[i] ?? ''))));
  const line = (r: string[]): string =>
    r
      .map((c, i) => pad(c, widths[i], right.includes(i)))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

const INT_EXT: Record<string, string> = { int: 'INT', ext: 'EXT', 'int/ext': 'I/E' };

/** The breakdown as readable aligned tables (what `kino breakdown` prints without --json). */
export function formatBreakdown(b: Breakdown, warnings: KinoIssue[] = []): string {
  const out: string[] = [];
  out.push(b.title ? b.title.replace(/\n/g, ' — ') : '(untitled)');
  if (b.authors.length) out.push(`by ${b.authors.join(', ')}`);
  out.push(
    `${b.scenes.length} scene${b.scenes.length === 1 ? '' : 's'} · ${b.characters.length} speaking character${b.characters.length === 1 ? '' : 's'} · ${b.locations.length} location${b.locations.length === 1 ? '' : 's'} · ${b.pages} page${b.pages === 1 ? '' : 's'} · ~${b.runtimeMinutes} min`,
  );
  out.push('');
  out.push('SCENES');
  out.push(
    formatTable(
      ['#', 'I/E', 'LOCATION', 'TIME', 'PAGE', 'LENGTH', 'CHARACTERS'],
      b.scenes.map((s) => [s.number, s.interior ? INT_EXT[s.interior] : s.forced ? 'shot' : '', s.location ?? '', s.timeOfDay ?? '', String(s.startPage), s.length + (s.lengthSource === 'fdx' ? '*' : ''), s.characters.join(', ')]),
      [0, 4, 5],
      [6, 5, 40, 24, 0, 0, 48],
    ),
  );
  if (b.scenes.some((s) => s.lengthSource === 'fdx')) out.push('* length from Final Draft (SceneProperties)');
  out.push('');
  out.push('CHARACTERS');
  out.push(
    formatTable(
      ['NAME', 'SPEECHES', 'SCENES', 'FIRST', 'LAST', 'ALSO CUED AS'],
      b.characters.map((c) => [c.name, String(c.dialogueCount), String(c.scenes.length), c.firstScene, c.lastScene, c.aliases.join(', ')]),
      [1, 2, 3, 4],
      [32, 0, 0, 0, 0, 60],
    ),
  );
  const same = b.characters.filter((c) => c.suggestedSameAs.length);
  if (same.length) out.push(`Possibly the same person: ${same.map((c) => `${c.name} ~ ${c.suggestedSameAs.join(', ')}`).join('; ')}`);
  out.push('');
  out.push('LOCATIONS');
  out.push(
    formatTable(
      ['LOCATION', 'I/E', 'SCENES', 'SCENE NUMBERS'],
      b.locations.map((l) => [l.name, l.interior.map((x) => INT_EXT[x]).join(', '), String(l.scenes.length), l.scenes.join(', ')]),
      [2],
      [48, 0, 0, 48],
    ),
  );
  out.push('');
  out.push('BEAT SHEET (Save the Cat, by page proportion)');
  out.push(
    formatTable(
      ['BEAT', 'AT', 'PAGES', 'SCENE'],
      b.beats.map((x) => [
        x.name,
        x.start === x.end ? `${Math.round(x.start * 100)}%` : `${Math.round(x.start * 100)}–${Math.round(x.end * 100)}%`,
        x.startPage === x.endPage ? String(x.startPage) : `${x.startPage}–${x.endPage}`,
        x.scene ?? '',
      ]),
      [1, 2, 3],
    ),
  );
  out.push('');
  out.push('RUNTIME');
  for (const a of b.runtimeAssumptions) out.push(`  ${a}`);
  if (warnings.length) {
    out.push('');
    out.push(`${warnings.length} warning${warnings.length === 1 ? '' : 's'} (see stderr).`);
  }
  return out.join('\n');
}
