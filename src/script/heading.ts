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

const I_PREFIXES = PREFIXES.filter(([p]) => p[0] === 'I');
const E_PREFIXES = PREFIXES.filter(([p]) => p[0] === 'E');

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
  // Cheap character checks first: most lines tested here start a paragraph of action ("Edward…").
  const c0 = text.charCodeAt(0) | 0x20; // ASCII lower-case
  const c1 = text.charCodeAt(1) | 0x20;
  if (c0 === 105 /* i */) {
    if (c1 !== 110 /* n */ && c1 !== (0x2f | 0x20) /* / */) return null;
  } else if (c0 === 101 /* e */) {
    if (c1 !== 120 /* x */ && c1 !== 115 /* s */ && c1 !== (0x2f | 0x20) /* / */) return null;
  } else return null;
  // Only the prefixes that start with this letter (same longest-first order).
  const candidates = c0 === 105 ? I_PREFIXES : E_PREFIXES;
  for (let k = 0; k < candidates.length; k++) {
    const [p, interior] = candidates[k];
    if (!startsWithIgnoreCase(text, p)) continue;
    const next = text.charCodeAt(p.length);
    if (p.endsWith('.')) {
      if (text.length > p.length) return { interior, length: p.length };
      continue;
    }
    if (next === 32 || next === 9 || next === 46) return { interior, length: next === 46 ? p.length + 1 : p.length };
  }
  return null;
}

/** ASCII case-insensitive prefix test against an upper-case prefix, without allocating. */
function startsWithIgnoreCase(text: string, upperPrefix: string): boolean {
  if (text.length < upperPrefix.length) return false;
  for (let i = 0; i < upperPrefix.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) c -= 32;
    if (c !== upperPrefix.charCodeAt(i)) return false;
  }
  return true;
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

function isWordChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 39 || c === 45 || c > 127;
}

/** `up` is upper case already. */
function isTimeSegment(up: string): boolean {
  const n = up.length;
  let i = 0;
  while (i < n) {
    while (i < n && !isWordChar(up.charCodeAt(i))) i++;
    const start = i;
    while (i < n && isWordChar(up.charCodeAt(i))) i++;
    if (i > start && TIME_WORDS.has(up.slice(start, i))) return true;
  }
  return false;
}

/** Collapses whitespace runs to one space and trims; returns the input when already tidy. */
function isSpace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Collapses whitespace runs to one space and trims (hand-written: `/\s+/g` was the hot spot). */
function collapse(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isSpace(s.charCodeAt(a))) a++;
  while (b > a && isSpace(s.charCodeAt(b - 1))) b--;
  let out = '';
  let from = a;
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i);
    if (!isSpace(c)) continue;
    let j = i + 1;
    while (j < b && isSpace(s.charCodeAt(j))) j++;
    if (j - i > 1 || c !== 32) {
      out += s.slice(from, i) + ' ';
      from = j;
    }
    i = j - 1;
  }
  if (from === 0 && b === s.length) return s;
  return out + s.slice(from, b);
}

/** Splits on dash separators (` - `, `--`, en/em dash) — or on commas when no dash is used. */
export function splitHeadingSegments(rest: string): string[] {
  return splitSegments(rest).segments;
}

/** `collapsed`: the text is already whitespace-collapsed (single spaces only), so trimming suffices. */
function splitSegments(rest: string, collapsed = false): { segments: string[]; dashes: boolean } {
  const segs: string[] = [];
  let from = 0;
  let sawDash = false;
  const n = rest.length;
  for (let i = 0; i < n; i++) {
    const c = rest.charCodeAt(i);
    if (c === 0x2013 || c === 0x2014) {
      segs.push(rest.slice(from, i));
      from = i + 1;
      sawDash = true;
    } else if (c === 45 /* - */) {
      if (rest.charCodeAt(i + 1) === 45) {
        segs.push(rest.slice(from, i));
        while (rest.charCodeAt(i + 1) === 45) i++;
        from = i + 1;
        sawDash = true;
        continue;
      }
      const before = i > 0 ? rest.charCodeAt(i - 1) : 32;
      const after = i + 1 < n ? rest.charCodeAt(i + 1) : 32;
      if ((before === 32 || before === 9) && (after === 32 || after === 9)) {
        segs.push(rest.slice(from, i));
        from = i + 1;
        sawDash = true;
      }
    }
  }
  segs.push(rest.slice(from));
  const parts = sawDash ? segs : rest.split(',');
  const out: string[] = [];
  for (const p of parts) {
    const c = collapsed ? p.trim() : collapse(p);
    if (c !== '') out.push(c);
  }
  return { segments: out, dashes: sawDash };
}

export interface HeadingFacts {
  interior: IntExt | null;
  location: string | null;
  timeOfDay: string | null;
}

/** Location and time of day of a heading (already without scene number and notes). */
export function analyzeHeading(heading: string): HeadingFacts {
  // Upper-cased once up front: every separator is ASCII punctuation or space, which upper-casing
  // leaves alone, so segments of the upper-cased text are the upper-cased segments.
  const text = collapse(heading).toUpperCase();
  // A forced heading may still be a real slugline (`.INT. HOUSE`); its prefix counts too.
  const pre = matchHeadingPrefix(text);
  const rest = pre ? text.slice(pre.length).trim() : text;
  const interior = pre ? pre.interior : null;
  const { segments: segs, dashes } = splitSegments(rest, true);
  if (segs.length === 0) return { interior, location: null, timeOfDay: null };
  let cut = -1;
  for (let i = 1; i < segs.length; i++) {
    if (isTimeSegment(segs[i])) {
      cut = i;
      break;
    }
  }
  const sep = dashes ? ' - ' : ', ';
  const locationSegs = cut < 0 ? segs : segs.slice(0, cut);
  const timeSegs = cut < 0 ? [] : segs.slice(cut);
  const location = locationSegs.length === 1 ? locationSegs[0] : locationSegs.join(sep);
  const timeOfDay = timeSegs.length === 0 ? null : timeSegs.length === 1 ? timeSegs[0] : timeSegs.join(' - ');
  return { interior, location: location || null, timeOfDay };
}

/** Location key: upper case, whitespace collapsed, trailing punctuation removed. */
export function locationKey(location: string): string {
  let s = collapse(location).toUpperCase();
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 127) {
      s = s.normalize('NFC');
      break;
    }
  }
  let end = s.length;
  while (end > 0) {
    const c = s.charCodeAt(end - 1);
    if (c === 46 || c === 44 || c === 59 || c === 58 || c === 32) end--;
    else break;
  }
  return end === s.length ? s : s.slice(0, end);
}
