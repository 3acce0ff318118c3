// Element stream → Script model. One builder for Fountain and FDX, so twins give the same facts.
// It groups speeches, lays the elements out on pages (./pagination), splits the script into
// scenes, and gathers characters, locations, runtime and the beat sheet.

import { beatSheet } from './beats';
import { characterKey, probablySamePerson } from './cue';
import type { ElementStream, ScriptElement } from './elements';
import { analyzeHeading, locationKey, type HeadingFacts } from './heading';
import {
  SCRIPT_SCHEMA_VERSION,
  type Action,
  type Character,
  type Dialogue,
  type IntExt,
  type Location,
  type Scene,
  type Script,
  type SceneElement,
  type TitleField,
} from './model';
import { PAGE_MODEL, PageCursor, eighthsForSpan, pageOfLine, wrappedLines } from './pagination';
import { estimateSeconds, runtimeAssumptions } from './runtime';

interface SceneDraft {
  scene: Scene;
  contentStart: number;
  contentEnd: number;
  contentLines: number;
  dialogueLines: number;
  fdxLength: number | null;
  fdxPage: number | null;
}

function field(fields: TitleField[], ...keys: string[]): TitleField | undefined {
  return fields.find((f) => keys.includes(f.key.toLowerCase()));
}

function joined(f: TitleField | undefined): string | null {
  if (!f || f.values.length === 0) return null;
  return f.values.join('\n');
}

function withParens(text: string): string {
  const t = text.trim();
  if (t.startsWith('(') && t.endsWith(')')) return t;
  return `(${t.replace(/^\(|\)$/g, '')})`;
}

/** Builds the Script model from an element stream. Pure and deterministic. */
export function assembleScript(stream: ElementStream): Script {
  const { linesPerPage: L, widths, spaceBefore } = PAGE_MODEL;
  const cursor = new PageCursor(L);
  const drafts: SceneDraft[] = [];
  let opening: SceneDraft | null = null;
  let current: SceneDraft | null = null;
  const sectionStack: string[] = [];
  let pendingSynopses: string[] = [];
  // Notes before any scene content go to the first scene (or opening) that appears.
  let pendingNotes: string[] = [];
  let speech: Dialogue | null = null;
  let speechHeight = 0;
  let lastLeftHeight = 0;

  // Headings repeat within a script (INT. KITCHEN - DAY): analyse each distinct one once.
  const headingFacts = new Map<string, HeadingFacts>();
  const factsOf = (heading: string): HeadingFacts => {
    let f = headingFacts.get(heading);
    if (!f) {
      f = analyzeHeading(heading);
      headingFacts.set(heading, f);
    }
    return f;
  };

  const newDraft = (heading: string | null, el: ScriptElement | null, index: number): SceneDraft => {
    const facts = heading !== null ? factsOf(heading) : { interior: null, location: null, timeOfDay: null };
    const h = el && el.type === 'scene-heading' ? el : null;
    const draft: SceneDraft = {
      scene: {
        number: h?.sceneNumber ?? String(index),
        numbered: !!h?.sceneNumber,
        heading,
        forced: h?.forced ?? false,
        interior: facts.interior,
        location: facts.location,
        timeOfDay: facts.timeOfDay,
        startPage: cursor.page,
        lengthEighths: 1,
        lengthSource: 'estimated',
        lengthLines: 0,
        printedLine: cursor.absolute,
        estimatedSeconds: 0,
        characters: [],
        elements: [],
        notes: pendingNotes,
        sections: [...sectionStack],
        synopses: pendingSynopses,
        line: el?.line ?? 1,
      },
      contentStart: -1,
      contentEnd: -1,
      contentLines: 0,
      dialogueLines: 0,
      fdxLength: h?.fdxLengthEighths ?? null,
      fdxPage: h?.fdxPage ?? null,
    };
    pendingNotes = [];
    pendingSynopses = [];
    return draft;
  };

  const target = (line: number): SceneDraft => {
    if (current) return current;
    opening = newDraft(null, null, 0);
    opening.scene.line = line;
    current = opening;
    return current;
  };

  const mark = (d: SceneDraft, start: number, end: number, dialogue: boolean): void => {
    if (d.contentStart < 0) d.contentStart = start;
    d.contentEnd = Math.max(d.contentEnd, end);
    d.contentLines += end - start;
    if (dialogue) d.dialogueLines += end - start;
  };

  const flushSynopses = (d: SceneDraft): void => {
    if (pendingSynopses.length) {
      d.scene.synopses.push(...pendingSynopses);
      pendingSynopses = [];
    }
  };

  const speechLines = (s: Dialogue): number => {
    let h = 1;
    for (const p of s.parts) h += wrappedLines(p.text, p.kind === 'parenthetical' ? widths.parenthetical : p.kind === 'lyrics' ? widths.lyrics : widths.dialogue);
    return h;
  };

  const endSpeech = (): void => {
    if (!speech || !current) return;
    const s = speech;
    const d: SceneDraft = current;
    let text = '';
    let first = true;
    for (const p of s.parts) {
      if (p.kind === 'parenthetical') continue;
      text = first ? p.text : text + '\n' + p.text;
      first = false;
    }
    s.text = text;
    s.parenthetical = s.parts[0]?.kind === 'parenthetical' ? s.parts[0].text : null;
    speechHeight = speechLines(s);
    if (s.dual === 'right' && lastLeftHeight > 0) {
      // Printed beside the left side: only the overhang takes page space.
      const extra = Math.max(0, speechHeight - lastLeftHeight);
      const before = cursor.absolute;
      cursor.extend(extra);
      if (extra > 0) mark(d, before, before + extra, true);
      lastLeftHeight = 0;
    } else {
      const p = cursor.place(speechHeight, spaceBefore.character, Math.min(2, speechHeight));
      mark(d, p.start, p.end, true);
      lastLeftHeight = s.dual === 'left' ? speechHeight : 0;
    }
    speech = null;
  };

  const addBlock = (d: SceneDraft, el: SceneElement, height: number, space: number, keep?: number): void => {
    d.scene.elements.push(el);
    const p = cursor.place(height, space, keep);
    mark(d, p.start, p.end, false);
  };

  let sceneIndex = 0;
  for (const el of stream.elements) {
    const continuesSpeech = el.type === 'note' || el.type === 'parenthetical' || el.type === 'dialogue' || (el.type === 'lyrics' && el.inDialogue);
    if (!continuesSpeech) endSpeech();
    switch (el.type) {
      case 'scene-heading': {
        sceneIndex++;
        const d = newDraft(el.text, el, sceneIndex);
        pendingSynopses = [];
        drafts.push(d);
        current = d;
        const p = cursor.place(wrappedLines(el.text || ' ', widths.heading), spaceBefore.heading, 2);
        d.scene.startPage = pageOfLine(p.start, L);
        d.scene.printedLine = p.start;
        mark(d, p.start, p.end, false);
        break;
      }
      case 'action':
      case 'centered': {
        const d = target(el.line);
        flushSynopses(d);
        const a: Action = { kind: el.type, text: el.text, runs: el.runs, line: el.line };
        addBlock(d, a, wrappedLines(el.text, el.type === 'centered' ? widths.centered : widths.action), spaceBefore.action);
        break;
      }
      case 'transition': {
        const d = target(el.line);
        flushSynopses(d);
        const h = wrappedLines(el.text, widths.transition);
        addBlock(d, { kind: 'transition', text: el.text, line: el.line }, h, spaceBefore.transition, h);
        break;
      }
      case 'character': {
        const d = target(el.line);
        flushSynopses(d);
        speech = {
          kind: 'dialogue',
          character: el.name,
          cue: el.text,
          extensions: el.extensions,
          parenthetical: null,
          text: '',
          parts: [],
          dual: el.dual,
          line: el.line,
        };
        d.scene.elements.push(speech);
        break;
      }
      case 'parenthetical':
      case 'dialogue':
      case 'lyrics': {
        const d = target(el.line);
        const text = el.type === 'parenthetical' ? withParens(el.text) : el.text;
        if (speech) {
          const last = speech.parts[speech.parts.length - 1];
          if (el.type === 'dialogue' && last && last.kind === 'dialogue') last.text += '\n' + text;
          else speech.parts.push({ kind: el.type, text, line: el.line });
        } else {
          // Speech without a cue (FDX out of order, stray lyrics): keep it as a block of text.
          flushSynopses(d);
          const kind = el.type === 'lyrics' ? 'lyrics' : 'action';
          addBlock(d, { kind, text, runs: [{ text }], line: el.line }, wrappedLines(text, kind === 'lyrics' ? widths.lyrics : widths.action), spaceBefore.action);
        }
        break;
      }
      case 'page-break':
        cursor.pageBreak();
        break;
      case 'note':
        if (current) (current as SceneDraft).scene.notes.push(el.text);
        else pendingNotes.push(el.text);
        break;
      case 'section':
        sectionStack.length = Math.min(sectionStack.length, el.depth - 1);
        while (sectionStack.length < el.depth - 1) sectionStack.push('');
        sectionStack.push(el.text);
        break;
      case 'synopsis':
        pendingSynopses.push(el.text);
        break;
    }
  }
  endSpeech();
  if (current) flushSynopses(current);

  // Scene lengths, pages and runtime.
  const all: SceneDraft[] = [...(opening ? [opening] : []), ...drafts];
  let totalContent = 0;
  let totalDialogue = 0;
  let totalSeconds = 0;
  for (const d of all) {
    const s = d.scene;
    const start = d.contentStart < 0 ? s.printedLine : d.contentStart;
    const end = Math.max(start, d.contentEnd);
    s.lengthLines = end - start;
    s.printedLine = start;
    s.lengthEighths = eighthsForSpan(start, end, L);
    if (d.fdxLength !== null && d.fdxLength > 0) {
      s.lengthEighths = d.fdxLength;
      s.lengthSource = 'fdx';
    }
    s.startPage = d.fdxPage ?? pageOfLine(start, L);
    s.estimatedSeconds = Math.round(estimateSeconds(s.lengthLines, d.dialogueLines) * 10) / 10;
    totalContent += d.contentLines;
    totalDialogue += d.dialogueLines;
    totalSeconds += estimateSeconds(s.lengthLines, d.dialogueLines);
    const seen = new Set<string>();
    for (const e of s.elements) if (e.kind === 'dialogue' && !seen.has(e.character)) {
      seen.add(e.character);
      s.characters.push(e.character);
    }
  }
  const lengthLines = all.length ? Math.max(...all.map((d) => Math.max(d.contentEnd, 0))) : 0;
  const pages = lengthLines > 0 ? pageOfLine(lengthLines - 1, L) : 0;
  const dialogueShare = totalContent > 0 ? totalDialogue / totalContent : 0;

  const scenes = drafts.map((d) => d.scene);
  const openingScene = opening ? (opening as SceneDraft).scene : null;
  const characters = gatherCharacters(openingScene, scenes);
  const locations = gatherLocations(scenes);

  const fields = stream.titlePage;
  const authors = [field(fields, 'author'), field(fields, 'authors')].flatMap((f) => (f ? f.values : []));
  const script: Script = {
    schemaVersion: SCRIPT_SCHEMA_VERSION,
    format: stream.format,
    title: joined(field(fields, 'title')),
    credit: joined(field(fields, 'credit')),
    authors,
    source: joined(field(fields, 'source')),
    draftDate: joined(field(fields, 'draft date', 'date')),
    contact: field(fields, 'contact')?.values ?? [],
    copyright: joined(field(fields, 'copyright')),
    titlePage: fields,
    opening: openingScene,
    scenes,
    characters,
    locations,
    pages,
    lengthLines,
    runtime: {
      minutes: Math.round(totalSeconds / 6) / 10,
      dialogueShare: Math.round(dialogueShare * 1000) / 1000,
      assumptions: runtimeAssumptions(dialogueShare),
    },
    beatSheet: [],
  };
  script.beatSheet = beatSheet(script);
  return script;
}

function gatherCharacters(opening: Scene | null, scenes: Scene[]): Character[] {
  // One record per character, reached with one lookup per speech by the name as written (several
  // spellings share a record through their key): this loop runs once per speech.
  interface Rec {
    c: Character;
    exts: Set<string>;
    aliases: Set<string>;
    scenes: Set<string>;
    lastScene: string;
  }
  const byKey = new Map<string, Rec>();
  const byName = new Map<string, Rec>();
  const order: Character[] = [];
  for (const scene of opening ? [opening, ...scenes] : scenes) {
    const number = scene.number;
    for (const e of scene.elements) {
      if (e.kind !== 'dialogue') continue;
      let r = byName.get(e.character);
      if (r === undefined) {
        const key = characterKey(e.character);
        r = byKey.get(key);
        if (!r) {
          const c: Character = {
            name: e.character,
            aliases: [],
            extensions: [],
            dialogueCount: 0,
            firstScene: number,
            lastScene: number,
            scenes: [],
            suggestedSameAs: [],
            line: e.line,
          };
          r = { c, exts: new Set(), aliases: new Set(), scenes: new Set(), lastScene: '' };
          byKey.set(key, r);
          order.push(c);
        }
        byName.set(e.character, r);
      }
      const c = r.c;
      c.dialogueCount++;
      c.lastScene = number;
      if (r.lastScene !== number) {
        r.lastScene = number;
        if (!r.scenes.has(number)) {
          r.scenes.add(number);
          c.scenes.push(number);
        }
      }
      const xs = e.extensions;
      for (let k = 0; k < xs.length; k++) if (!r.exts.has(xs[k])) {
        r.exts.add(xs[k]);
        c.extensions.push(xs[k]);
      }
      if (e.cue !== c.name && !r.aliases.has(e.cue)) {
        r.aliases.add(e.cue);
        c.aliases.push(e.cue);
      }
    }
  }
  // Look-alike suggestions by direct lookup (linear, not pairwise).
  const names = new Map<string, Character>();
  for (const c of order) names.set(characterKey(c.name), c);
  const suggest = (a: Character, b: Character): void => {
    if (a === b || !probablySamePerson(characterKey(a.name), characterKey(b.name))) return;
    if (!a.suggestedSameAs.includes(b.name)) a.suggestedSameAs.push(b.name);
    if (!b.suggestedSameAs.includes(a.name)) b.suggestedSameAs.push(a.name);
  };
  for (const c of order) {
    const w = characterKey(c.name).split(' ');
    // Real names are a few words; an all-caps paragraph read as a cue must not cost O(words²).
    if (w.length > 8) continue;
    for (let k = 1; k < w.length; k++) {
      const other = names.get(w.slice(k).join(' '));
      if (other) suggest(c, other);
    }
    if (w.length >= 2) {
      const owner = names.get(w.slice(0, -1).join(' ').replace(/['\u2019]S$/, ''));
      if (owner) suggest(c, owner);
    }
  }
  return order;
}

function gatherLocations(scenes: Scene[]): Location[] {
  const byKey = new Map<string, Location>();
  const keys = new Map<string, string>();
  const out: Location[] = [];
  for (const s of scenes) {
    // Forced headings without INT/EXT are usually shots (`.THE FINGER`), not sets.
    if (!s.location || s.interior === null) continue;
    let key = keys.get(s.location);
    if (key === undefined) {
      key = locationKey(s.location);
      keys.set(s.location, key);
    }
    let loc = byKey.get(key);
    if (!loc) {
      loc = { name: key, interior: [], scenes: [] };
      byKey.set(key, loc);
      out.push(loc);
    }
    if (!loc.interior.includes(s.interior as IntExt)) loc.interior.push(s.interior as IntExt);
    loc.scenes.push(s.number);
  }
  return out;
}
