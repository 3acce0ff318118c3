// Fountain emphasis: `*italic*`, `**bold**`, `***bold italic***`, `_underline_`, `\*` escapes.
//
// Why hand-written: regex emphasis backtracks. On 300 KB of unbalanced markers fountain-js takes
// 15 s and screenplain 50 s (reference/screenplay.md). This is a delimiter-run matcher in the
// spirit of CommonMark: one pass to find runs, one stack per marker, each step either pops an
// opener or exhausts a closer, so the whole thing is linear in the line length.
//
// Rules kept from Markdown: emphasis never crosses a line break; a run opens only when the next
// character is not whitespace and closes only when the previous one is not (`*69 and *23` stays
// literal); `_` does not open or close inside a word (`snake_case`). Unmatched markers stay text.

import type { StyledRun } from './model';

interface Run {
  ch: number; // '*' or '_' char code
  len: number;
  rem: number;
  seg: number;
}

const STAR = 42; // *
const UNDER = 95; // _
const BACKSLASH = 92;

function isWhite(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x3000;
}

function isAlnum(c: number): boolean {
  if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  // Non-ASCII letters count as word characters for the intraword `_` rule.
  return c > 127 && !isWhite(c);
}

function isPunct(c: number): boolean {
  return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
}

/**
 * True when the text holds anything emphasis parsing would change. Three native scans beat a
 * one-class regex by ~40 % here: this runs on every line of text the scanner emits.
 */
export function hasEmphasisMarkup(text: string): boolean {
  return text.indexOf('*') >= 0 || text.indexOf('_') >= 0 || text.indexOf('\\') >= 0;
}

function pushRun(out: StyledRun[], text: string, bold: boolean, italic: boolean, underline: boolean): void {
  if (!text) return;
  const last = out[out.length - 1];
  if (last && !!last.bold === bold && !!last.italic === italic && !!last.underline === underline) {
    last.text += text;
    return;
  }
  const run: StyledRun = { text };
  if (bold) run.bold = true;
  if (italic) run.italic = true;
  if (underline) run.underline = true;
  out.push(run);
}

function parseLine(line: string, out: StyledRun[]): void {
  if (!hasEmphasisMarkup(line)) {
    pushRun(out, line, false, false, false);
    return;
  }
  // Segments: text pieces (escapes resolved) interleaved with delimiter runs.
  const segText: string[] = [];
  const segRun: (Run | null)[] = [];
  let buf = '';
  const n = line.length;
  let i = 0;
  while (i < n) {
    const c = line.charCodeAt(i);
    if (c === BACKSLASH && i + 1 < n) {
      const d = line.charCodeAt(i + 1);
      if (d === STAR || d === UNDER || d === BACKSLASH) {
        buf += line[i + 1];
        i += 2;
        continue;
      }
    }
    if (c === STAR || c === UNDER) {
      let j = i + 1;
      while (j < n && line.charCodeAt(j) === c) j++;
      if (buf) {
        segText.push(buf);
        segRun.push(null);
        buf = '';
      }
      const len = j - i;
      segText.push(line.slice(i, j));
      segRun.push({ ch: c, len, rem: len, seg: segText.length - 1 });
      // Flanking is decided on the source characters around the run.
      const prev = i > 0 ? line.charCodeAt(i - 1) : -1;
      const next = j < n ? line.charCodeAt(j) : -1;
      const left = next !== -1 && !isWhite(next);
      const right = prev !== -1 && !isWhite(prev);
      const run = segRun[segRun.length - 1] as Run & { open?: boolean; close?: boolean };
      if (c === STAR) {
        run.open = left;
        run.close = right;
      } else {
        run.open = left && (!right || isPunct(prev)) && !(prev !== -1 && isAlnum(prev) && !isPunct(prev));
        run.close = right && (!left || isPunct(next)) && !(next !== -1 && isAlnum(next) && !isPunct(next));
      }
      i = j;
      continue;
    }
    buf += line[i];
    i++;
  }
  if (buf) {
    segText.push(buf);
    segRun.push(null);
  }

  const m = segText.length;
  // Difference arrays over segment indices for each style.
  const dBold = new Int32Array(m + 1);
  const dItalic = new Int32Array(m + 1);
  const dUnder = new Int32Array(m + 1);
  const stars: Run[] = [];
  const unders: Run[] = [];
  for (let s = 0; s < m; s++) {
    const r = segRun[s] as (Run & { open?: boolean; close?: boolean }) | null;
    if (!r) continue;
    const stack = r.ch === STAR ? stars : unders;
    if (r.close) {
      while (r.rem > 0 && stack.length > 0) {
        const o = stack[stack.length - 1];
        const k = r.ch === STAR ? Math.min(o.rem, r.rem, 3) : Math.min(o.rem, r.rem);
        const from = o.seg + 1;
        const to = r.seg; // exclusive
        if (r.ch === UNDER) {
          dUnder[from]++;
          dUnder[to]--;
        } else {
          if (k >= 2) {
            dBold[from]++;
            dBold[to]--;
          }
          if (k !== 2) {
            dItalic[from]++;
            dItalic[to]--;
          }
        }
        o.rem -= k;
        r.rem -= k;
        if (o.rem === 0) stack.pop();
      }
    }
    if (r.rem > 0 && r.open) stack.push(r);
  }
  let b = 0;
  let it = 0;
  let u = 0;
  for (let s = 0; s < m; s++) {
    b += dBold[s];
    it += dItalic[s];
    u += dUnder[s];
    const r = segRun[s];
    // A run's unmatched markers are literal text.
    const text = r ? segText[s].slice(0, r.rem) : segText[s];
    pushRun(out, text, b > 0, it > 0, u > 0);
  }
}

/** Splits text into styled runs. Line breaks are kept inside run text. Linear time. */
export function parseEmphasis(text: string): StyledRun[] {
  const out: StyledRun[] = [];
  if (!text) return out;
  if (!hasEmphasisMarkup(text)) {
    out.push({ text });
    return out;
  }
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) {
      parseLine(text.slice(start), out);
      break;
    }
    parseLine(text.slice(start, nl), out);
    pushRun(out, '\n', false, false, false);
    start = nl + 1;
  }
  return out;
}

/** Plain text with emphasis markers and escapes removed. */
export function stripEmphasis(text: string): string {
  if (!hasEmphasisMarkup(text)) return text;
  let s = '';
  for (const r of parseEmphasis(text)) s += r.text;
  return s;
}

/** Plain text of runs. */
export function runsText(runs: readonly StyledRun[]): string {
  let s = '';
  for (const r of runs) s += r.text;
  return s;
}
