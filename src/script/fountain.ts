// Fountain 1.1 → element stream. A hand-written, single-pass line scanner: every step looks at one
// line and at most its neighbours, so time is linear in the file size (5 MB parses in well under
// a second; fountain-js's regex lexer is quadratic and does not finish in 120 s). The few regexes
// here are anchored and have no nested quantifiers.
//
// Order of passes, as the spec implies:
//   1. boneyard `/* … */` is removed first, across anything (lines it joins keep their source line);
//   2. `[[notes]]` are lifted out (they may span lines; a blank line ends them unless it is a
//      line of exactly two spaces);
//   3. the title page, only at the start;
//   4. the body, where blank lines decide most things: a heading and a transition need one
//      before *and* after, a character cue needs one before and text after.
//
// Traps handled on purpose (reference/screenplay.md): a line of exactly two spaces is not blank;
// a heading line followed directly by text is not a heading (and not a character cue either, as
// fountain-js and screenplain read it) — it stays action with a warning, or a heading with
// `lenient`; `...and then` is not a forced heading; `!INT.` and `!>THE END<` are action;
// extensions may be lower case; "upper case" is Unicode upper case and a cue needs a letter; a
// space after `TO:` makes a line action; indented cues and transitions (Brick & Steel) count.

import { warning, type KinoIssue } from '../doc/errors';
import { isAllCaps, isUppercaseCue, parseCue, type ParsedCue } from './cue';
import type { ElementOf, ElementStream, ScriptElement } from './elements';
import { parseEmphasis, runsText, stripEmphasis } from './emphasis';
import { matchHeadingPrefix, splitSceneNumber } from './heading';
import type { StyledRun, TitleField } from './model';

export interface FountainOptions {
  /** File name for warnings. */
  fileName?: string;
  /** Accept a heading with no blank line after it (a common real-world departure). */
  lenient?: boolean;
}

export interface FountainTokens extends ElementStream {
  format: 'fountain';
  warnings: KinoIssue[];
}

interface Note {
  text: string;
  line: number;
}

/** The source after boneyard and notes are lifted out, as parallel arrays (no object per line). */
interface SrcLines {
  text: string[];
  /** 1-based source line of each entry. */
  line: number[];
  /** Notes lifted out of an entry, by index. */
  notes: Map<number, Note[]>;
  /** 1 where the entry held only notes: it is transparent to the blank-line rules. */
  noteOnly: Uint8Array;
}

/** Blank for Fountain: empty or whitespace only — except a line of exactly two spaces. */
export function isBlankLine(t: string): boolean {
  if (t.length === 0) return true;
  const c = t.charCodeAt(0);
  if (c !== 32 && c !== 9 && c !== 0xa0 && c !== 12 && c !== 11) return false;
  return t.trim() === '' && t !== '  ';
}

function isLetterOrDigit(ch: string | undefined): boolean {
  return !!ch && /^[\p{L}\p{N}]$/u.test(ch);
}

// Pass 1: removes boneyard (slash-star … star-slash). Joined text keeps the line of its start.
function removeBoneyard(src: string, warn: (line: number, code: string, msg: string, hint: string) => void): { texts: string[]; lines: number[] } {
  if (src.indexOf('/*') < 0) {
    // No boneyard (the common case): a native split is all that is needed.
    const texts = src.split('\n');
    const lines = new Array<number>(texts.length);
    for (let i = 0; i < texts.length; i++) lines[i] = i + 1;
    return { texts, lines };
  }
  const texts: string[] = [];
  const lines: number[] = [];
  let cur = '';
  let curLine = 1;
  let srcLine = 1;
  const append = (piece: string): void => {
    let start = 0;
    for (;;) {
      const nl = piece.indexOf('\n', start);
      if (nl < 0) {
        cur += piece.slice(start);
        return;
      }
      cur += piece.slice(start, nl);
      texts.push(cur);
      lines.push(curLine);
      srcLine++;
      cur = '';
      curLine = srcLine;
      start = nl + 1;
    }
  };
  let pos = 0;
  for (;;) {
    const open = src.indexOf('/*', pos);
    if (open < 0) {
      append(src.slice(pos));
      break;
    }
    append(src.slice(pos, open));
    const close = src.indexOf('*/', open + 2);
    if (close < 0) {
      warn(
        srcLine,
        'fountain/unclosed-boneyard',
        'Boneyard `/*` is never closed with `*/`; the rest of the script is kept as text.',
        'Add `*/` where the hidden part should end, or remove the `/*`.',
      );
      append(src.slice(open));
      break;
    }
    for (let k = src.indexOf('\n', open); k >= 0 && k < close; k = src.indexOf('\n', k + 1)) srcLine++;
    pos = close + 2;
  }
  texts.push(cur);
  lines.push(curLine);
  return { texts, lines };
}

/** Pass 2: lifts `[[notes]]` out of the text, joining the text around multi-line notes. */
function extractNotes(texts: string[], lines: number[], warn: (line: number, code: string, msg: string, hint: string) => void, mayHaveNotes: boolean): SrcLines {
  const n = texts.length;
  if (!mayHaveNotes) {
    return { text: texts, line: lines, notes: new Map(), noteOnly: new Uint8Array(n) };
  }
  const outText: string[] = [];
  const outLine: number[] = [];
  const outNotes = new Map<number, Note[]>();
  const onlyFlags: number[] = [];
  // Lines before this index are known to hold no `]]` up to the next blank line.
  let noCloseBefore = -1;
  let i = 0;
  while (i < n) {
    const t = texts[i];
    if (t.indexOf('[[') < 0) {
      outText.push(t);
      outLine.push(lines[i]);
      onlyFlags.push(0);
      i++;
      continue;
    }
    const notes: Note[] = [];
    let result = '';
    let j = i;
    let cur = t;
    let pos = 0;
    for (;;) {
      const open = cur.indexOf('[[', pos);
      if (open < 0) {
        result += cur.slice(pos);
        break;
      }
      const close = cur.indexOf(']]', open + 2);
      if (close >= 0) {
        notes.push({ text: cur.slice(open + 2, close).trim(), line: lines[j] });
        result += cur.slice(pos, open);
        pos = close + 2;
        continue;
      }
      let k = j + 1;
      let found = -1;
      let noteText = cur.slice(open + 2);
      if (j >= noCloseBefore) {
        while (k < n) {
          const tk = texts[k];
          if (isBlankLine(tk)) break;
          const c = tk.indexOf(']]');
          if (c >= 0) {
            noteText += '\n' + tk.slice(0, c);
            found = c;
            break;
          }
          noteText += '\n' + tk;
          k++;
        }
      }
      if (found < 0) {
        if (j >= noCloseBefore) {
          warn(lines[j], 'fountain/unclosed-note', 'Note `[[` is not closed with `]]` before the next blank line; it is kept as text.', 'Close the note with `]]`. Inside a note, keep paragraphs together with a line of exactly two spaces.');
          noCloseBefore = k;
        }
        result += cur.slice(pos, open + 2);
        pos = open + 2;
        continue;
      }
      notes.push({ text: noteText.split('\n').map((x) => x.trim()).join('\n').trim(), line: lines[j] });
      result += cur.slice(pos, open);
      j = k;
      cur = texts[k];
      pos = found + 2;
    }
    if (notes.length) outNotes.set(outText.length, notes);
    onlyFlags.push(notes.length > 0 && result.trim() === '' ? 1 : 0);
    outText.push(result);
    outLine.push(lines[i]);
    i = j + 1;
  }
  return { text: outText, line: outLine, notes: outNotes, noteOnly: Uint8Array.from(onlyFlags) };
}

const TITLE_KEYS = new Set([
  'title', 'credit', 'author', 'authors', 'source', 'draft date', 'date', 'contact', 'copyright',
  'notes', 'revision', 'font', 'format', 'tl', 'tc', 'tr', 'cc', 'bl', 'br',
]);

/** `Key: value` → [key, value]; keys may hold spaces (`Draft date`). */
function keyValue(text: string): [string, string] | null {
  const c = text.charCodeAt(0);
  if (c === 32 || c === 9) return null;
  const colon = text.indexOf(':');
  if (colon <= 0 || colon > 40) return null;
  const key = text.slice(0, colon).trim();
  if (!key || !/^[\p{L}\p{N}][\p{L}\p{N} _.'-]*$/u.test(key)) return null;
  return [key, text.slice(colon + 1).trim()];
}

function isIndented(text: string): boolean {
  return text.startsWith('\t') || text.startsWith('   ');
}

/** Pass 3: the title page. Returns the fields and the index of the first body line. */
function parseTitlePage(src: SrcLines): { fields: TitleField[]; next: number } {
  const lines = src.text;
  let i = 0;
  // Lenient on purpose: a BOM or blank lines before `Title:` still give a title page.
  while (i < lines.length && (src.noteOnly[i] || isBlankLine(lines[i]))) i++;
  if (i >= lines.length) return { fields: [], next: 0 };
  const first = keyValue(lines[i]);
  if (!first || matchHeadingPrefix(first[0])) return { fields: [], next: 0 };
  if (!TITLE_KEYS.has(first[0].toLowerCase())) {
    // An unknown key starts a title page only when the block goes on like one: `FADE IN:` then a
    // blank line is action.
    const nx = lines[i + 1];
    if (nx === undefined || isBlankLine(nx) || !(isIndented(nx) || keyValue(nx))) return { fields: [], next: 0 };
  }
  const fields: TitleField[] = [];
  let cur: TitleField | null = null;
  for (; i < lines.length; i++) {
    const text = lines[i];
    if (src.noteOnly[i]) continue;
    if (isBlankLine(text)) break;
    const kv = isIndented(text) ? null : keyValue(text);
    if (kv) {
      cur = { key: kv[0], values: kv[1] ? [stripEmphasis(kv[1])] : [] };
      fields.push(cur);
    } else if (cur) {
      const v = text.trim();
      if (v) cur.values.push(stripEmphasis(v));
    }
  }
  return { fields, next: i };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

// Placeholder until the emphasis pass fills in real runs (never mutated; saves an array per block).
const NO_RUNS: StyledRun[] = [];

/** Scans Fountain text (already decoded, `\n` line endings) into the element stream. Never throws. */
export function tokenizeFountain(text: string, options: FountainOptions = {}): FountainTokens {
  const warnings: KinoIssue[] = [];
  const file = options.fileName;
  const warn = (line: number, code: string, message: string, hint: string): void => {
    warnings.push(warning(code, message, { location: { file, line }, hint }));
  };
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const bone = removeBoneyard(src.indexOf('\r') >= 0 ? src.replace(/\r\n?/g, '\n') : src, warn);
  // One native scan of the whole text instead of one per line (most scripts have no notes).
  const lines = extractNotes(bone.texts, bone.lines, warn, src.indexOf('[[') >= 0);
  const title = parseTitlePage(lines);
  const elements: ScriptElement[] = [];
  const n = lines.text.length;
  const texts = lines.text;
  const noteOnly = lines.noteOnly;

  const cueCache = new Map<string, ParsedCue>();
  const cueLineCache = new Map<string, boolean>();
  const isCue = (s: string): boolean => {
    let r = cueLineCache.get(s);
    if (r === undefined) {
      r = isCueLine(s);
      cueLineCache.set(s, r);
    }
    return r;
  };

  let prevBlank = true;
  let inDialogue = false;
  // The element a following line may extend (action paragraph, centred block, dialogue).
  let open: Mutable<ScriptElement> | null = null;

  const nextIsBlank = (i: number): boolean => {
    for (let j = i + 1; j < n; j++) {
      if (noteOnly[j]) continue;
      return isBlankLine(texts[j]);
    }
    return true;
  };
  const emitNotes = (i: number): void => {
    const notes = lines.notes.get(i);
    if (!notes) return;
    for (const note of notes) elements.push({ type: 'note', text: note.text, line: note.line });
  };
  const push = (el: ScriptElement): void => {
    elements.push(el);
    open = el;
  };
  const appendOr = (type: 'action' | 'centered' | 'dialogue', t: string, line: number, forced = false): void => {
    const o = open as Mutable<ScriptElement> | null;
    if (o && o.type === type && !prevBlank && 'text' in o) {
      o.text += '\n' + t;
      return;
    }
    if (type === 'action') push({ type, text: t, runs: NO_RUNS, forced, line });
    else push({ type, text: t, runs: NO_RUNS, line });
  };

  for (let i = title.next; i < n; i++) {
    if (noteOnly[i]) {
      emitNotes(i);
      continue;
    }
    const t = texts[i];
    if (isBlankLine(t)) {
      prevBlank = true;
      inDialogue = false;
      open = null;
      continue;
    }
    const line = lines.line[i];
    const s = t.trim();
    if (s === '') {
      // A line of exactly two spaces: keeps a dialogue or action block together.
      if (inDialogue) appendOr('dialogue', '', line);
      else appendOr('action', '', line);
      prevBlank = false;
      emitNotes(i);
      continue;
    }

    if (inDialogue) {
      if (isPageBreak(s)) {
        push({ type: 'page-break', line });
        inDialogue = false;
        open = null;
      } else if (s.charCodeAt(0) === 40 /* ( */ && s.endsWith(')')) {
        push({ type: 'parenthetical', text: s, line });
      } else if (s.charCodeAt(0) === 126 /* ~ */) {
        push({ type: 'lyrics', text: s.slice(1).trim(), inDialogue: true, line });
      } else {
        const o = open as Mutable<ScriptElement> | null;
        if (o && o.type === 'dialogue') o.text += '\n' + s;
        else push({ type: 'dialogue', text: s, runs: NO_RUNS, line });
      }
      prevBlank = false;
      emitNotes(i);
      continue;
    }

    const c0 = s[0];
    if (c0 === '!') {
      // Forced action keeps the indentation before the `!`.
      const bang = t.indexOf('!');
      appendOr('action', (t.slice(0, bang) + t.slice(bang + 1)).trimEnd(), line, true);
    } else if (isPageBreak(s)) {
      push({ type: 'page-break', line });
      open = null;
    } else if (c0 === '#') {
      let d = 0;
      while (s[d] === '#') d++;
      const body = s.slice(d).replace(/\s+#+$/, '').trim();
      push({ type: 'section', depth: d, text: body, line });
      open = null;
    } else if (c0 === '=') {
      push({ type: 'synopsis', text: s.slice(1).trim(), line });
      open = null;
    } else if (c0 === '>' && s.length >= 2 && s.endsWith('<')) {
      appendOr('centered', s.slice(1, -1).trim(), line);
    } else if (c0 === '>') {
      push({ type: 'transition', text: s.slice(1).trim(), forced: true, line });
      open = null;
    } else if (c0 === '~') {
      push({ type: 'lyrics', text: s.slice(1).trim(), inDialogue: false, line });
    } else if (c0 === '.' && prevBlank && isLetterOrDigit(s[1])) {
      pushHeading(s.slice(1), true, line);
    } else if (c0 === '@' && prevBlank && !nextIsBlank(i) && s.length > 1) {
      pushCue(s.slice(1), true, line);
    } else {
      const nb = nextIsBlank(i);
      const prefix = prevBlank ? matchHeadingPrefix(s) : null;
      if (prefix && (nb || options.lenient)) {
        pushHeading(s, false, line);
      } else if (prefix) {
        warn(
          line,
          'fountain/heading-needs-blank-line',
          `"${s.length > 60 ? s.slice(0, 57) + '...' : s}" looks like a scene heading but has no blank line after it, so Fountain reads it as action.`,
          'Add a blank line after the heading (or parse with the lenient option).',
        );
        appendOr('action', t.trimEnd(), line);
      } else if (prevBlank && nb && s.endsWith('TO:') && t.trimStart().endsWith('TO:') && isAllCaps(s)) {
        push({ type: 'transition', text: s, forced: false, line });
        open = null;
      } else if (prevBlank && !nb && !s.endsWith('TO:') && isCue(s)) {
        pushCue(s, false, line);
      } else {
        appendOr('action', t.trimEnd(), line);
      }
    }
    prevBlank = false;
    emitNotes(i);
  }

  function pushHeading(body: string, forced: boolean, line: number): void {
    const { text: h, number } = splitSceneNumber(body);
    push({ type: 'scene-heading', text: stripEmphasis(h.trim()), sceneNumber: number, forced, fdxLengthEighths: null, fdxPage: null, line });
    open = null;
  }

  function pushCue(body: string, forced: boolean, line: number): void {
    let b = body.trimEnd();
    let dual: 'right' | null = null;
    if (b.endsWith('^')) {
      dual = 'right';
      b = b.slice(0, -1).trimEnd();
      markPreviousCueLeft();
    }
    // A feature has a thousand cues but a few dozen distinct ones: parse each spelling once.
    let cue = cueCache.get(b);
    if (!cue) {
      cue = parseCue(stripEmphasis(b));
      cueCache.set(b, cue);
    }
    push({ type: 'character', text: cue.text, name: cue.name, extensions: cue.extensions.slice(), dual, forced, line });
    inDialogue = true;
  }

  function markPreviousCueLeft(): void {
    for (let k = elements.length - 1; k >= 0; k--) {
      const e = elements[k];
      if (e.type === 'dialogue' || e.type === 'parenthetical' || e.type === 'lyrics' || e.type === 'note') continue;
      if (e.type === 'character' && e.dual === null) (e as Mutable<ElementOf<'character'>>).dual = 'left';
      return;
    }
  }

  // Emphasis last: text fields held raw markup until now.
  for (const e of elements) {
    if (e.type === 'action' || e.type === 'centered' || e.type === 'dialogue') {
      const runs = parseEmphasis(e.text);
      (e as Mutable<typeof e>).runs = runs;
      (e as Mutable<typeof e>).text = runsText(runs);
    } else if (e.type === 'parenthetical' || e.type === 'lyrics' || e.type === 'transition' || e.type === 'section' || e.type === 'synopsis') {
      (e as Mutable<typeof e>).text = stripEmphasis(e.text);
    }
  }

  return { format: 'fountain', titlePage: title.fields, elements, warnings };
}

function isPageBreak(s: string): boolean {
  if (s.length < 3) return false;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) !== 61) return false;
  return true;
}

function isCueLine(s: string): boolean {
  const body = s.endsWith('^') ? s.slice(0, -1).trimEnd() : s;
  if (!body) return false;
  return isUppercaseCue(stripEmphasis(body));
}
