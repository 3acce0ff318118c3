// Scene headings: `INT.  WILL'S BEDROOM - NIGHT (1973)`, `INT. HALLWAY, SCOTT'S BUILDING, A MOMENT
// LATER`, `EXT. TOWN – DAY`, `I/E CAR -- MOVING #12A#`.
//
// Fountain defines only the prefix and the scene number; location and time of day are the trade's
// habit. Real separators are ` - `, ` -- `, `--`, an en or em dash, and a comma when no dash is
// used. A single hyphen inside a word is never a separator (`X-RAY ROOM`, `HALF-DARK`). Time of
// day is the first segment after the location that holds a time word; when none does, there is
// no time of day (`EXT. FURTHER ALONG - ROUGH PATH` is all location).

import type { IntExt } from './model';

/** Prefixes, longest first. Matching is case-insensitive. */
const PREFIXES: ReadonlyArray<[string, IntExt]> = [
  ['INT./EXT.', 'int/ext'],
  ['EXT./INT.', 'int/ext'],
  ['INT./EXT', 'int/ext'],
  ['EXT./INT', 'int/ext'],
  ['INT/EXT.', 'int/ext'],
  ['EXT/INT.', 'int/ext'],
  ['INT/EXT', 'int/ext'],
  ['EXT/INT', 'int/ext'],
  ['I/E.', 'int/ext'],
  ['E/I.', 'int/ext'],
  ['I/E', 'int/ext'],
  ['E/I', 'int/ext'],
  ['INT.', 'int'],
  ['EXT.', 'ext'],
  ['EST.', 'ext'],
  ['INT', 'int'],
  ['EXT', 'ext'],
  ['EST', 'ext'],
];

export interface HeadingPrefix {
  interior: IntExt;
  /** Length of the prefix in the text (including its dot, not the following space). */
  length: number;
}

/**
 * Matches a heading prefix: one of INT, EXT, EST, INT./EXT, INT/EXT, I/E (any case), then a dot
 * or a space (`INTERCUT` and `ESTABLISHING` are not headings).
 */
export function matchHeadingPrefix(text: string): HeadingPrefix | null {
  const head = text.slice(0, 10).toUpperCase();
  for (const [p, interior] of PREFIXES) {
    if (!head.startsWith(p)) continue;
    const next = text.charCodeAt(p.length);
    const endsWithDot = p.endsWith('.');
    if (endsWithDot) {
      if (text.length > p.length) return { interior, length: p.length };
      continue;
    }
    if (next === 32 || next === 9 || next === 46) return { interior, length: next === 46 ? p.length + 1 : p.length };
  }
  return null;
}

/** Strips a trailing scene number `#1#`, `#1A#`, `#I-1-A#`, `#110A.#`. */
export function splitSceneNumber(text: string): { text: string; number: string | null } {
  const t = text.trimEnd();
  if (!t.endsWith('#')) return { text: t, number: null };
  const open = t.lastIndexOf('#', t.length - 2);
  if (open < 0) return { text: t, number: null };
  const num = t.slice(open + 1, t.length - 1).trim();
  if (!num || !/^[\p{L}\p{N}.\-]+$/u.test(num)) return { text: t, number: null };
  return { text: t.slice(0, open).trimEnd(), number: num };
}

const TIME_WORDS = new Set([
  'DAY', 'DAYS', 'NIGHT', 'NIGHTS', 'MORNING', 'AFTERNOON', 'EVENING', 'DUSK', 'DAWN', 'PRE-DAWN',
  'SUNRISE', 'SUNSET', 'NOON', 'MIDDAY', 'MIDNIGHT', 'TWILIGHT', 'HOUR', 'LATER', 'CONTINUOUS',
  'CONTINUED', 'SAME', 'MOMENT', 'MOMENTS', 'DAYTIME', 'NIGHTTIME', 'LATE', 'EARLY', 'SECONDS',
  'MINUTES', 'HOURS', 'WEEKS', 'MONTHS', 'YEARS', 'FLASHBACK', 'FLASHFORWARD',
]);

function isTimeSegment(seg: string): boolean {
  for (const w of seg.toUpperCase().split(/[^\p{L}\p{N}'-]+/u)) {
    if (w && TIME_WORDS.has(w)) return true;
  }
  return false;
}

/** Splits on dash separators (` - `, `--`, en/em dash) — or on commas when no dash is used. */
export function splitHeadingSegments(rest: string): string[] {
  const segs: string[] = [];
  let cur = '';
  let sawDash = false;
  const n = rest.length;
  for (let i = 0; i < n; i++) {
    const c = rest[i];
    if (c === '\u2013' || c === '\u2014') {
      segs.push(cur);
      cur = '';
      sawDash = true;
      continue;
    }
    if (c === '-') {
      if (rest[i + 1] === '-') {
        segs.push(cur);
        cur = '';
        sawDash = true;
        while (rest[i + 1] === '-') i++;
        continue;
      }
      const before = i > 0 ? rest[i - 1] : ' ';
      const after = i + 1 < n ? rest[i + 1] : ' ';
      if ((before === ' ' || before === '\t') && (after === ' ' || after === '\t')) {
        segs.push(cur);
        cur = '';
        sawDash = true;
        continue;
      }
    }
    cur += c;
  }
  segs.push(cur);
  const parts = sawDash ? segs : rest.split(',');
  return parts.map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s !== '');
}

export interface HeadingFacts {
  interior: IntExt | null;
  location: string | null;
  timeOfDay: string | null;
}

/** Location and time of day of a heading (already without scene number and notes). */
export function analyzeHeading(heading: string): HeadingFacts {
  const text = heading.replace(/\s+/g, ' ').trim();
  // A forced heading may still be a real slugline (`.INT. HOUSE`); its prefix counts too.
  const pre = matchHeadingPrefix(text);
  const rest = pre ? text.slice(pre.length).trim() : text;
  const interior = pre ? pre.interior : null;
  const segs = splitHeadingSegments(rest);
  if (segs.length === 0) return { interior, location: null, timeOfDay: null };
  let cut = -1;
  for (let i = 1; i < segs.length; i++) {
    if (isTimeSegment(segs[i])) {
      cut = i;
      break;
    }
  }
  const sep = rest.includes(',') && segs.length > 1 && !/[\u2013\u2014]|--| - /.test(rest) ? ', ' : ' - ';
  const locationSegs = cut < 0 ? segs : segs.slice(0, cut);
  const timeSegs = cut < 0 ? [] : segs.slice(cut);
  const location = locationSegs.join(sep).toUpperCase();
  const timeOfDay = timeSegs.length ? timeSegs.join(' - ').toUpperCase() : null;
  return { interior, location: location || null, timeOfDay };
}

/** Location key: upper case, whitespace collapsed, trailing punctuation removed. */
export function locationKey(location: string): string {
  return location
    .normalize('NFC')
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s.,;:]+$/, '')
    .trim();
}
