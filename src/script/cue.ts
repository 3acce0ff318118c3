// Character cues: `EDWARD (V.O.)(CONT'D)`, `MOM(O.S.)`, `@McCLANE`, `STEEL ^`.
//
// Inconsistent names are the main import problem of breakdown tools (StudioBinder), so the name
// is the cue with its extensions removed and normalised — Unicode NFC, format characters (Cf,
// e.g. zero-width spaces pasted from the web) stripped, whitespace collapsed — while the literal
// cue is kept as an alias. Look-alikes (`YOUNG EDWARD`, `ADAM'S VOICE`) are only *suggested*.

/** A letter that has case and is upper (or title) case: what makes a line "all caps". */
const UPPER = /[\p{Lu}\p{Lt}]/u;
const LOWER = /\p{Ll}/u;
const FORMAT_CHARS = /\p{Cf}/gu;

export interface ParsedCue {
  /** Name without extensions, normalised. */
  name: string;
  /** Extensions, normalised, in order (`(O.S., PRELAP)` gives two). */
  extensions: string[];
  /** The cue as written, whitespace collapsed. */
  text: string;
}

/** Collapses runs of whitespace, strips format characters, NFC-normalises. */
export function normalizeName(s: string): string {
  // Fast path: printable ASCII with single inner spaces is already normal.
  let plain = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 126 || c < 32 || (c === 32 && (i === 0 || i === s.length - 1 || s.charCodeAt(i + 1) === 32))) {
      plain = false;
      break;
    }
  }
  if (plain) return s;
  let t = s.normalize('NFC').replace(FORMAT_CHARS, '');
  t = t.replace(/\s+/g, ' ').trim();
  return t;
}

/** Identity key for a character: upper-cased normalised name. */
export function characterKey(name: string): string {
  return normalizeName(name).toUpperCase();
}

const EXTENSION_ALIASES: Record<string, string> = {
  "CONT'D": "CONT'D",
  'CONTD': "CONT'D",
  'CONT.': "CONT'D",
  'CONT': "CONT'D",
  "CONT'D.": "CONT'D",
  'CONTINUED': "CONT'D",
  'CONTINUING': "CONT'D",
  'V.O.': 'V.O.',
  'V.O': 'V.O.',
  'VO': 'V.O.',
  'V/O': 'V.O.',
  'O.S.': 'O.S.',
  'O.S': 'O.S.',
  'OS': 'O.S.',
  'O.C.': 'O.C.',
  'O.C': 'O.C.',
  'OC': 'O.C.',
  'PRE-LAP': 'PRELAP',
};

/** `(cont’d)` → `CONT'D`, `(V.0.)` → `V.O.`, `(on the radio)` → `ON THE RADIO`. */
export function normalizeExtension(ext: string): string {
  const quick = EXTENSION_ALIASES[ext];
  if (quick !== undefined) return quick;
  let e = normalizeName(ext).toUpperCase();
  e = e.replace(/[\u2018\u2019\u02bc\u00b4`]/g, "'");
  // A zero typed for the letter O in V.O./O.S. is a common typo (Big Fish has `(V.0.)`).
  if (/^[VO0]\.?[O0S]\.?$/.test(e)) e = e.replace(/0/g, 'O');
  e = e.replace(/\s*\.\s*/g, '.');
  return EXTENSION_ALIASES[e] ?? e;
}

/**
 * Splits a cue into name and parenthesised extensions. Returns null when the text after the
 * name is not only `( … )` groups (then the line is not a cue).
 */
export function splitCue(cue: string): { name: string; groups: string[] } | null {
  const open = cue.indexOf('(');
  if (open < 0) return { name: cue, groups: [] };
  const name = cue.slice(0, open);
  const groups: string[] = [];
  let i = open;
  const n = cue.length;
  while (i < n) {
    const c = cue[i];
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c !== '(') return null;
    const close = cue.indexOf(')', i + 1);
    if (close < 0) return null;
    groups.push(cue.slice(i + 1, close));
    i = close + 1;
  }
  return { name, groups };
}

/** Parses a cue (without `@` and `^`). Never fails: a cue with odd parentheses keeps them in the name. */
export function parseCue(cue: string): ParsedCue {
  const text = normalizeName(cue);
  const split = splitCue(text);
  if (!split) return { name: text, extensions: [], text };
  const extensions: string[] = [];
  for (const g of split.groups) {
    for (const part of g.split(',')) {
      const e = normalizeExtension(part);
      if (e) extensions.push(e);
    }
  }
  const name = normalizeName(split.name.trim()) || text;
  return { name, extensions, text };
}

/**
 * Fountain's rule for an unforced cue: the name (before any extension) has at least one cased
 * letter, every cased letter is upper case, and whatever follows the name is `( … )` groups.
 * Extensions may be lower case (`(cont'd)`, `(on the radio)`).
 */
export function isUppercaseCue(line: string): boolean {
  // Fast reject: an ASCII lower-case letter in the name part (most action lines).
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 40) break;
    if (c >= 97 && c <= 122) return false;
  }
  const split = splitCue(line);
  if (!split) return false;
  const name = split.name.trim();
  if (!name) return false;
  return UPPER.test(name) && !LOWER.test(name);
}

/** True when the text has an upper-case letter and no lower-case one (transitions, cues). */
export function isAllCaps(text: string): boolean {
  return UPPER.test(text) && !LOWER.test(text);
}

const AGE_WORDS = new Set(['YOUNG', 'YOUNGER', 'OLD', 'OLDER', 'ADULT', 'LITTLE', 'BABY', 'TEEN', 'TEENAGE', 'ELDERLY', 'GROWN-UP', 'GROWN', 'BIG', 'OLDER']);
const VOICE_WORDS = new Set(['VOICE', "VOICE'S", 'VOICES']);

function words(name: string): string[] {
  return name.split(' ').filter(Boolean);
}

/**
 * Suggests that `a` and `b` name the same person: one is the other with an age word in front
 * (`YOUNG EDWARD`, `ADULT EDWARD`), or a possessive voice (`ADAM'S VOICE`), or the other with a
 * title (`DR. BENNETT` / `YOUNG DR. BENNETT`). Deliberately conservative.
 */
export function probablySamePerson(a: string, b: string): boolean {
  if (a === b) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const ws = words(short);
  const wl = words(long);
  if (wl.length <= ws.length) return false;
  // Possessive voice: ADAM'S VOICE → ADAM
  if (wl.length === ws.length + 1 && VOICE_WORDS.has(wl[wl.length - 1])) {
    const owner = wl.slice(0, -1).join(' ').replace(/['\u2019]S$/, '');
    if (owner === short) return true;
  }
  // Age prefix: YOUNG EDWARD → EDWARD
  const tail = wl.slice(wl.length - ws.length).join(' ');
  if (tail === short) {
    const prefix = wl.slice(0, wl.length - ws.length);
    if (prefix.every((w) => AGE_WORDS.has(w))) return true;
  }
  return false;
}
