// Final Draft `.fdx` → element stream.
//
// Read through saxes, a strict streaming XML parser that checks well-formedness and never
// expands DTD entities (it ignores the internal subset and knows only the five predefined
// entities and character references). On top of that, any DOCTYPE that declares entities is
// refused outright: billion-laughs bombs and external entities (XXE) never get as far as a
// reference. Truncated files, plain text and binary data are refused with the line saxes stopped
// at. (fast-xml-parser "parses" truncated XML and plain text without complaint unless validated
// first — reference/screenplay.md §2.)
//
// FDX shape: `<Content>` is a flat list of `<Paragraph Type="…">`; a paragraph's text is the
// concatenation of its direct `<Text>` runs (a heading may be split: `INT. ` + bold `KITCHEN` +
// ` - DAY`). Dual dialogue is an untyped paragraph wrapping `<DualDialogue>`. `<SceneProperties
// Length="1 3/8" Page="4">` carries Final Draft's own eighths; its `<Summary>` paragraphs and
// `<ScriptNote>`s are not script text. `AllCaps` runs are stored in lower case.

import { SaxesParser } from 'saxes';
import { KinoError, issue, warning, type KinoIssue } from '../doc/errors';
import { parseCue } from './cue';
import { lineAt } from './decode';
import type { ElementStream, ScriptElement } from './elements';
import type { StyledRun, TitleField } from './model';
import { parseEighths } from './pagination';

export interface FdxOptions {
  fileName?: string;
}

export interface FdxTokens extends ElementStream {
  format: 'fdx';
  warnings: KinoIssue[];
}

interface Run {
  text: string;
  style: string;
}

interface Para {
  type: string | null;
  number: string | null;
  align: string | null;
  startsNewPage: boolean;
  runs: Run[];
  length: string | null;
  page: string | null;
  line: number;
  dualSide: 'left' | 'right' | null;
  wrapper: boolean;
}

interface Frame {
  name: string;
  para: Para | null;
  content: 'main' | 'title' | null;
  dual: { characters: number } | null;
  capture: Run | null;
  /** Where a paragraph in this frame belongs: the script body or the title page. */
  target: 'main' | 'title' | null;
}

function styleFlags(style: string): { bold: boolean; italic: boolean; underline: boolean; allCaps: boolean } {
  const parts = style.split('+');
  return {
    bold: parts.includes('Bold'),
    italic: parts.includes('Italic'),
    underline: parts.includes('Underline'),
    allCaps: parts.includes('AllCaps'),
  };
}

function paraRuns(p: Para): StyledRun[] {
  const out: StyledRun[] = [];
  for (const r of p.runs) {
    const f = styleFlags(r.style);
    const text = (f.allCaps ? r.text.toUpperCase() : r.text).replace(/\r\n?/g, '\n');
    if (!text) continue;
    const last = out[out.length - 1];
    if (last && !!last.bold === f.bold && !!last.italic === f.italic && !!last.underline === f.underline) {
      last.text += text;
      continue;
    }
    const run: StyledRun = { text };
    if (f.bold) run.bold = true;
    if (f.italic) run.italic = true;
    if (f.underline) run.underline = true;
    out.push(run);
  }
  return out;
}

function runsToText(runs: StyledRun[]): string {
  let s = '';
  for (const r of runs) s += r.text;
  return s;
}

/** Trims trailing whitespace of every line and blank lines at both ends. */
function tidy(text: string): string {
  return text
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

function fdxError(code: string, message: string, file: string | undefined, line: number, column: number | undefined, hint: string, lineOverride?: number): KinoError {
  const loc = lineOverride ? { file, line: lineOverride } : { file, line, column };
  return new KinoError(issue(code, message, { location: loc, hint }));
}

/** Line of the `<!DOCTYPE` so the error points at the declaration, not at its end. */
function doctypeLine(text: string): number | undefined {
  const at = text.search(/<!DOCTYPE/i);
  return at < 0 ? undefined : lineAt(text, at);
}

/** Parses FDX XML text (already decoded). Throws KinoError on unusable input. */
export function parseFdxXml(text: string, options: FdxOptions = {}): FdxTokens {
  const file = options.fileName;
  const warnings: KinoIssue[] = [];
  const firstChar = text.search(/\S/);
  if (firstChar < 0 || text[firstChar] !== '<') {
    const line = firstChar < 0 ? 1 : text.slice(0, firstChar).split('\n').length;
    throw fdxError('fdx/not-xml', 'This is not XML, so it cannot be a Final Draft .fdx file.', file, line, undefined, 'Open the script in Final Draft and save it as .fdx, or pass a Fountain file.');
  }

  const parser = new SaxesParser({ fileName: file, position: true });
  const stack: Frame[] = [];
  const main: Para[] = [];
  const title: Para[] = [];
  let rootSeen = false;

  parser.on('doctype', (doctype) => {
    if (/<!ENTITY/i.test(doctype)) {
      throw fdxError(
        'fdx/entity-declaration',
        'The file declares XML entities in its DOCTYPE. kino never expands XML entities (this is how "billion laughs" bombs and external-entity attacks work), so it refuses the file.',
        file,
        parser.line,
        parser.column + 1,
        'Final Draft never writes a DOCTYPE; re-save the script from Final Draft, or remove the <!DOCTYPE …> block.',
        doctypeLine(text),
      );
    }
  });
  parser.on('opentag', (node) => {
    const name = node.name;
    const parent = stack[stack.length - 1];
    const attrs = node.attributes as Record<string, string>;
    const frame: Frame = { name, para: null, content: null, dual: null, capture: null, target: null };
    if (!parent) {
      if (name !== 'FinalDraft') {
        throw fdxError('fdx/not-final-draft', `This XML file is not a Final Draft script (its root element is <${name}>, not <FinalDraft>).`, file, parser.line, parser.column + 1, 'Pass a .fdx file saved by Final Draft (or Fade In, WriterSolo, Highland).');
      }
      rootSeen = true;
    } else if (name === 'Content') {
      if (parent.name === 'FinalDraft') frame.content = 'main';
      else if (parent.name === 'TitlePage') frame.content = 'title';
    } else if (name === 'Paragraph') {
      const inContent = parent.content !== null;
      const inDual = parent.dual !== null;
      if (inContent || inDual) {
        frame.para = {
          type: attrs.Type ?? null,
          number: attrs.Number ?? null,
          align: attrs.Alignment ?? null,
          startsNewPage: attrs.StartsNewPage === 'Yes',
          runs: [],
          length: null,
          page: null,
          line: parser.line,
          dualSide: null,
          wrapper: false,
        };
        if (inDual && frame.para.type === 'Character') {
          const d = parent.dual!;
          d.characters++;
          frame.para.dualSide = d.characters === 1 ? 'left' : 'right';
        }
        frame.target = inContent ? parent.content : (parent.target ?? 'main');
      }
    } else if (name === 'DualDialogue') {
      if (parent.para || parent.content === 'main') {
        frame.dual = { characters: 0 };
        if (parent.para) parent.para.wrapper = true;
        frame.target = 'main';
      }
    } else if (name === 'Text') {
      if (parent.para) frame.capture = { text: '', style: attrs.Style ?? '' };
    } else if (name === 'SceneProperties') {
      if (parent.para) {
        parent.para.length = attrs.Length ?? null;
        parent.para.page = attrs.Page ?? null;
      }
    }
    stack.push(frame);
  });
  parser.on('text', (t) => {
    const top = stack[stack.length - 1];
    if (top && top.capture) top.capture.text += t;
  });
  parser.on('cdata', (t) => {
    const top = stack[stack.length - 1];
    if (top && top.capture) top.capture.text += t;
  });
  parser.on('closetag', () => {
    const frame = stack.pop();
    if (!frame) return;
    const parent = stack[stack.length - 1];
    if (frame.capture && parent?.para) parent.para.runs.push(frame.capture);
    if (frame.para && !frame.para.wrapper) {
      (frame.target === 'title' ? title : main).push(frame.para);
    }
  });
  parser.on('error', (err) => {
    const msg = String(err.message).replace(/^.*?:\d+:\d+: /, '');
    throw fdxError('fdx/malformed', `The .fdx file is not well-formed XML: ${msg}.`, file, parser.line, parser.column + 1, 'The file may be truncated or damaged. Re-save it from Final Draft, or export Fountain instead.');
  });

  parser.write(text).close();
  if (!rootSeen) {
    throw fdxError('fdx/not-final-draft', 'No <FinalDraft> element was found.', file, 1, undefined, 'Pass a .fdx file saved by Final Draft.');
  }

  const elements: ScriptElement[] = [];
  const unknown = new Set<string>();
  for (const p of main) {
    const runs = paraRuns(p);
    const raw = tidy(runsToText(runs));
    if (p.startsNewPage && elements.length > 0) elements.push({ type: 'page-break', line: p.line });
    if (!raw.trim()) continue;
    const line = p.line;
    const centered = p.align === 'Center';
    switch (p.type) {
      case 'Scene Heading': {
        const eighths = p.length ? parseEighths(p.length) : null;
        const page = p.page && /^\d{1,6}$/.test(p.page.trim()) ? Number(p.page.trim()) : null;
        elements.push({
          type: 'scene-heading',
          text: raw.replace(/\s+/g, ' ').trim(),
          sceneNumber: p.number && p.number.trim() ? p.number.trim() : null,
          forced: false,
          fdxLengthEighths: eighths,
          fdxPage: page,
          line,
        });
        break;
      }
      case 'Character': {
        let cueText = raw.replace(/\s+/g, ' ').trim();
        if (cueText.endsWith('^')) cueText = cueText.slice(0, -1).trimEnd();
        const cue = parseCue(cueText);
        elements.push({ type: 'character', text: cue.text, name: cue.name, extensions: cue.extensions, dual: p.dualSide, forced: false, line });
        break;
      }
      case 'Parenthetical':
        elements.push({ type: 'parenthetical', text: raw.trim(), line });
        break;
      case 'Dialogue':
        elements.push({ type: 'dialogue', text: raw.trim(), runs: trimRuns(runs), line });
        break;
      case 'Lyrics': {
        const prev = elements[elements.length - 1]?.type;
        const inDialogue = prev === 'character' || prev === 'dialogue' || prev === 'parenthetical' || prev === 'lyrics';
        elements.push({ type: 'lyrics', text: raw.trim(), inDialogue, line });
        break;
      }
      case 'Transition':
        elements.push({ type: 'transition', text: raw.trim(), forced: false, line });
        break;
      case 'New Act':
      case 'End of Act':
        elements.push({ type: 'section', depth: 1, text: raw.trim(), line });
        break;
      case 'Outline Body':
        elements.push({ type: 'synopsis', text: raw.trim(), line });
        break;
      case 'Cast List':
        break;
      case 'Action':
      case 'General':
      case 'Shot':
      case null:
        elements.push(centered ? { type: 'centered', text: raw.trim(), runs: trimRuns(runs), line } : { type: 'action', text: raw, runs: trimRuns(runs), forced: false, line });
        break;
      default: {
        const outline = /^Outline (\d)$/.exec(p.type);
        if (outline) {
          elements.push({ type: 'section', depth: Number(outline[1]), text: raw.trim(), line });
          break;
        }
        if (!unknown.has(p.type)) {
          unknown.add(p.type);
          warnings.push(warning('fdx/unknown-paragraph', `Paragraph type "${p.type}" is not a standard Final Draft element; it is read as action.`, { location: { file, line } }));
        }
        elements.push({ type: 'action', text: raw, runs: trimRuns(runs), forced: false, line });
      }
    }
  }
  return { format: 'fdx', titlePage: titlePageFields(title), elements, warnings };
}

/** Runs with the paragraph's leading/trailing blank lines and trailing spaces removed. */
function trimRuns(runs: StyledRun[]): StyledRun[] {
  const text = runsToText(runs);
  const tidied = tidy(text);
  if (tidied === text) return runs;
  if (runs.length === 1) return [{ ...runs[0], text: tidied }];
  // Styled multi-run paragraphs with stray whitespace: keep styles, re-cut to the tidied text.
  const start = text.indexOf(tidied);
  if (start < 0) return [{ text: tidied }];
  const out: StyledRun[] = [];
  let pos = 0;
  const end = start + tidied.length;
  for (const r of runs) {
    const a = Math.max(pos, start);
    const b = Math.min(pos + r.text.length, end);
    if (b > a) out.push({ ...r, text: text.slice(a, b) });
    pos += r.text.length;
  }
  return out;
}

const DATE_LIKE = /\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b|\bdraft\b|\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\b/i;
const CREDIT_ONLY = /^(?:(?:original\s+)?(?:screenplay|teleplay|story|written|script)\s+)?by:?$/i;
const CREDIT_WITH_NAME = /^((?:original\s+)?(?:screenplay|teleplay|written|script)\s+by):?\s+(\S.*)$/i;
const SOURCE_LIKE = /^(?:based\s+(?:on|upon)|adapted\s+from|story\s+by|from\s+the)\b/i;
const COPYRIGHT_LIKE = /^(?:©|\(c\)|copyright\b)/i;

/**
 * An FDX title page is positioned paragraphs, not keys: the title is the first block of centred
 * paragraphs, a `Written by` line is the credit and the next centred block the authors; other
 * centred lines are the source (`Based on…`, `Story by…`) or notes; left- or right-aligned lines
 * are contact details, except dates (draft date) and copyright.
 */
function titlePageFields(paras: Para[]): TitleField[] {
  const items = paras.map((p) => ({ text: tidy(runsToText(paraRuns(p))).trim(), centered: p.align === 'Center' }));
  const fields: TitleField[] = [];
  const add = (key: string, value: string): void => {
    const f = fields.find((x) => x.key === key);
    if (f) f.values.push(value);
    else fields.push({ key, values: [value] });
  };
  // title → (credit) → authors-next → authors → rest
  let state: 'title' | 'authors-next' | 'authors' | 'rest' = 'title';
  let titleSeen = false;
  for (const it of items) {
    if (!it.text) {
      if (state === 'title' && titleSeen) state = 'rest';
      else if (state === 'authors') state = 'rest';
      continue;
    }
    for (const value of it.text.split('\n').map((v) => v.trim()).filter(Boolean)) {
      if (!it.centered) {
        if (COPYRIGHT_LIKE.test(value)) add('Copyright', value);
        else if (DATE_LIKE.test(value)) add('Draft date', value);
        else add('Contact', value);
        if (state === 'title' && titleSeen) state = 'rest';
        continue;
      }
      const withName = CREDIT_WITH_NAME.exec(value);
      if (CREDIT_ONLY.test(value)) {
        add('Credit', value);
        state = 'authors-next';
      } else if (withName) {
        add('Credit', withName[1]);
        add('Author', withName[2]);
        state = 'authors';
      } else if (state === 'title' && !SOURCE_LIKE.test(value)) {
        add('Title', value);
        titleSeen = true;
      } else if (state === 'authors-next' || state === 'authors') {
        add('Author', value);
        state = 'authors';
      } else if (SOURCE_LIKE.test(value)) {
        add('Source', value);
        state = 'rest';
      } else if (COPYRIGHT_LIKE.test(value)) {
        add('Copyright', value);
      } else {
        add('Notes', value);
      }
    }
  }
  return fields;
}
