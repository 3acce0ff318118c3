// The page model: how many printed lines each element takes, which page it lands on, and how long
// a scene is in eighths of a page.
//
// Assumptions (the industry convention, reference/screenplay.md §3):
// - US Letter, Courier 12 pt: 10 characters and 6 lines per inch, 55 printed lines per page.
// - Wrap widths: action, headings, transitions and centred text 60 characters; dialogue and lyrics
//   35; parentheticals 20; cues one line. Tabs count as 4 spaces.
// - Space before: a scene heading 2 blank lines, action, cues, transitions and centred text 1;
//   nothing between a cue, its parentheticals and its speech. Space is dropped at the top of a page.
// - Headings, cues and transitions never split across pages (a cue keeps its first line of
//   speech with it); action and speech flow across the break. No widow/orphan rules beyond that,
//   so page counts can differ from Final Draft's by a page or two on a feature.
// - Dual dialogue prints side by side: the pair takes the height of the longer side.
// - A page is 8 strips of 55/8 ≈ 6.9 lines. A scene's eighths are counted per page it touches and
//   rounded to the nearest eighth with a minimum of 1/8 per page, so a scene crossing a page break
//   counts on both pages and scene totals slightly exceed the page count, as on a production
//   strip board. FDX `SceneProperties Length` overrides the estimate when present.
// - `===` forces a page break; the title page is not counted.

export const PAGE_MODEL = {
  linesPerPage: 55,
  widths: { action: 60, heading: 60, transition: 60, centered: 60, dialogue: 35, lyrics: 35, parenthetical: 20 },
  spaceBefore: { heading: 2, action: 1, character: 1, transition: 1, centered: 1 },
  tabWidth: 4,
} as const;

/** Printed lines of text wrapped greedily at word boundaries; each hard line takes at least one. */
export function wrappedLines(text: string, width: number): number {
  // Most elements are one short line: answer without scanning words.
  if (text.length <= width && text.indexOf('\n') < 0 && text.indexOf('\t') < 0) return 1;
  let total = 0;
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    total += end - start <= width && text.lastIndexOf('\t', end - 1) < start ? 1 : wrapOne(text, start, end, width);
    if (nl < 0) break;
    start = nl + 1;
  }
  return total;
}

/**
 * Greedy word wrap of text[start, end), counted one printed line at a time: the break is the last
 * space that fits, found by stepping back from the line's end (usually a few characters), so the
 * cost is per printed line rather than per word — this is the hottest loop of the page model.
 * Leading tabs count as PAGE_MODEL.tabWidth columns.
 */
function wrapOne(text: string, start: number, end: number, width: number): number {
  let p = start;
  let indent = 0;
  while (p < end) {
    const c = text.charCodeAt(p);
    if (c === 32) indent += 1;
    else if (c === 9) indent += PAGE_MODEL.tabWidth;
    else break;
    p++;
  }
  if (p >= end) return 1;
  let lines = 1;
  // Indentation wider than the column pushes the text to the next line.
  let cap = width - indent;
  if (cap <= 0) {
    lines += Math.floor(indent / width);
    cap = width - (indent % width) || width;
  }
  for (;;) {
    if (end - p <= cap) return lines;
    // The last space that fits, searched backwards no further than this line (a native
    // lastIndexOf would run back to the start of the text when there is none: quadratic).
    let space = p + cap;
    while (space > p && text.charCodeAt(space) !== 32) space--;
    // No space that fits: a word longer than the line breaks mid-word.
    p = space > p ? space : p + cap;
    while (p < end && text.charCodeAt(p) === 32) p++;
    if (p >= end) return lines;
    lines++;
    cap = width;
  }
}

export interface Placement {
  /** Absolute printed-line index (0-based, page 1 starts at 0) of the first line. */
  start: number;
  /** One past the last line. */
  end: number;
}

/** A cursor that places blocks on 55-line pages. */
export class PageCursor {
  readonly linesPerPage: number;
  /** 1-based current page. */
  page = 1;
  /** Lines used on the current page. */
  pos = 0;
  constructor(linesPerPage: number = PAGE_MODEL.linesPerPage) {
    this.linesPerPage = linesPerPage;
  }
  get absolute(): number {
    return (this.page - 1) * this.linesPerPage + this.pos;
  }
  /** Forced page break (`===`, FDX `StartsNewPage`). */
  pageBreak(): void {
    if (this.pos > 0) {
      this.page++;
      this.pos = 0;
    }
  }
  /**
   * Places a block. Its first `keep` lines must sit on one page (a heading with the line after
   * it, a cue with its first speech line, two lines of an action paragraph); the rest flows over
   * page breaks.
   */
  place(height: number, spaceBefore: number, keep: number = Math.min(2, height)): Placement {
    const L = this.linesPerPage;
    if (this.pos > 0) {
      if (this.pos + spaceBefore >= L) {
        this.page++;
        this.pos = 0;
      } else {
        this.pos += spaceBefore;
      }
    }
    if (this.pos > 0 && this.pos + Math.min(keep, L) > L) {
      this.page++;
      this.pos = 0;
    }
    const start = this.absolute;
    const total = this.pos + height;
    this.page += Math.floor(total / L);
    this.pos = total % L;
    if (this.pos === 0 && height > 0) {
      // Ended exactly at the bottom: stay on that page so the next block starts a new one.
      this.page--;
      this.pos = L;
    }
    return { start, end: start + height };
  }
  /** Adds lines directly under the last block (the longer side of dual dialogue). */
  extend(height: number): void {
    if (height <= 0) return;
    const total = this.pos + height;
    this.page += Math.floor(total / this.linesPerPage);
    this.pos = total % this.linesPerPage;
    if (this.pos === 0) {
      this.page--;
      this.pos = this.linesPerPage;
    }
  }
}

/** Page (1-based) of an absolute printed-line index. */
export function pageOfLine(line: number, linesPerPage: number = PAGE_MODEL.linesPerPage): number {
  return Math.floor(Math.max(0, line) / linesPerPage) + 1;
}

/**
 * Eighths of a scene that spans printed lines [start, end): per page touched, the nearest eighth
 * with a minimum of one.
 */
export function eighthsForSpan(start: number, end: number, linesPerPage: number = PAGE_MODEL.linesPerPage): number {
  if (end <= start) return 1;
  let total = 0;
  let p = Math.floor(start / linesPerPage);
  const last = Math.floor((end - 1) / linesPerPage);
  for (; p <= last; p++) {
    const a = Math.max(start, p * linesPerPage);
    const b = Math.min(end, (p + 1) * linesPerPage);
    total += Math.max(1, Math.round(((b - a) * 8) / linesPerPage));
  }
  return total;
}

/** `11` → `1 3/8`, `4` → `4/8`, `16` → `2`: the strip-board way, never reduced (`1/2` is `4/8`). */
export function formatEighths(eighths: number): string {
  const whole = Math.floor(eighths / 8);
  const rest = eighths % 8;
  if (rest === 0) return String(whole);
  return whole > 0 ? `${whole} ${rest}/8` : `${rest}/8`;
}

/** Parses `1 3/8`, `4/8`, `2`, `0` → eighths; null when unreadable. */
export function parseEighths(text: string): number | null {
  const t = text.trim();
  if (!t) return null;
  const m = /^(?:(\d{1,5})\s+)?(\d{1,2})\/8$/.exec(t);
  if (m) return (m[1] ? Number(m[1]) * 8 : 0) + Number(m[2]);
  if (/^\d{1,5}$/.test(t)) return Number(t) * 8;
  return null;
}
