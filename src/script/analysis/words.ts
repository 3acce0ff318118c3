// Small text tools shared by the script analyses (props, actions, mood): word tokens with their
// offsets, sentence splitting, and name matching. Linear scans, no backtracking regexes.

export interface Token {
  /** Lower-cased word (letters, digits, apostrophes and inner hyphens). */
  word: string;
  /** The word as written. */
  raw: string;
  start: number;
  end: number;
}

function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 39 || c === 0x2019 || (c > 0xbf && c !== 0x2014 && c !== 0x2013 && c !== 0x2026 && c !== 0x201c && c !== 0x201d);
}

/** Words of a text with offsets; hyphens inside a word are kept (`X-RAY`), dashes are not. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && !isWordCode(text.charCodeAt(i))) i++;
    const start = i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (isWordCode(c)) i++;
      else if (c === 45 && i + 1 < n && isWordCode(text.charCodeAt(i + 1)) && i > start) i++;
      else break;
    }
    if (i > start) {
      let raw = text.slice(start, i);
      // Trailing apostrophes are quotes, not part of the word.
      while (raw.endsWith("'") || raw.endsWith('\u2019')) raw = raw.slice(0, -1);
      if (raw) out.push({ word: raw.toLowerCase().replace(/\u2019/g, "'"), raw, start, end: start + raw.length });
    }
  }
  return out;
}

/** Sentences of a paragraph (split after . ! ? … followed by a space or the end). */
export function sentences(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text[i];
    if (c === '.' || c === '!' || c === '?' || c === '\u2026') {
      let j = i + 1;
      while (j < n && (text[j] === '.' || text[j] === '!' || text[j] === '?' || text[j] === '"' || text[j] === '\u201d' || text[j] === ')')) j++;
      if (j >= n || text[j] === ' ' || text[j] === '\n' || text[j] === '\t') {
        // "Mr. Smith", "Dr. No": an abbreviation is not a sentence end.
        const word = text.slice(Math.max(from, text.lastIndexOf(' ', i) + 1), i).toLowerCase();
        if (c === '.' && ABBREVIATIONS.has(word)) continue;
        const s = text.slice(from, j).trim();
        if (s) out.push(s);
        from = j;
        i = j - 1;
      }
    }
  }
  const rest = text.slice(from).trim();
  if (rest) out.push(rest);
  return out;
}

const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'vs', 'prof', 'lt', 'sgt', 'capt', 'col', 'gen', 'mt', 'no', 'a.m', 'p.m', 'e.g', 'i.e', 'etc', 'o.s', 'v.o']);

/** Singular form of a lower-case English noun, good enough for a prop lexicon. */
export function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (word.length > 4 && (word.endsWith('ches') || word.endsWith('shes') || word.endsWith('sses') || word.endsWith('xes'))) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
  return word;
}

/** Words that introduce a noun phrase: a prop is a noun behind one of these. */
export const DETERMINERS = new Set([
  'a', 'an', 'the', 'his', 'her', 'their', 'its', 'my', 'your', 'our', 'this', 'that', 'these', 'those', 'some', 'another', 'each', 'every', 'no',
  'two', 'three', 'four', 'several', 'both', 'old', 'new', 'one',
]);

/**
 * True when `name` (a character name in any case) appears in `text` as whole words, e.g. MAYA in
 * "Maya enters." or "MAYA (30s) waits.". Possessives count ("Maya's coat").
 */
export function mentions(text: string, name: string): number {
  const n = name.toLowerCase();
  const lower = text.toLowerCase();
  let from = 0;
  for (;;) {
    const at = lower.indexOf(n, from);
    if (at < 0) return -1;
    const before = at === 0 ? 32 : lower.charCodeAt(at - 1);
    const after = at + n.length >= lower.length ? 32 : lower.charCodeAt(at + n.length);
    if (!isWordCode(before) && (!isWordCode(after) || after === 39 || after === 0x2019)) return at;
    from = at + 1;
  }
}
