// Dialogue as coverage sees it: who is on screen, how a speech breaks into performable lines,
// and how a scene's speeches group into exchanges between two people (each exchange gets an OTS
// pair and singles; a third voice starts a new exchange).

import { estimateLineSeconds } from '../../plan/timing';
import type { Dialogue, Scene } from '../model';
import { sentences } from './words';

/** Extensions that put the voice off screen: narration, off-screen, phone and radio voices. */
const OFF_SCREEN = /^(V\.O\.|O\.S\.|O\.C\.|PRELAP|FILTERED|ON (THE )?(PHONE|RADIO|TV|SPEAKER|INTERCOM)|INTO PHONE|OVER (THE )?(PHONE|RADIO)|PHONE|RADIO|TV|VOICE)$/;

/** True when the speaker is seen while speaking (not V.O., O.S., on the phone…). */
export function onScreen(d: Dialogue): boolean {
  return !d.extensions.some((e) => OFF_SCREEN.test(e));
}

/**
 * Longest a line should run, seconds. <CoverageSet> cuts to the listener inside lines over 6 s;
 * synthesised speech can run a little longer than the estimate, hence the margin.
 */
export const MAX_LINE_SECONDS = 4.5;

/** Splits text that runs too long at clause marks (, ; : — --), then between words. */
function splitLong(text: string, max: number): string[] {
  if (estimateLineSeconds(text) <= max) return [text];
  const clauses: string[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const dash = c === '\u2014' || (c === '-' && text[i + 1] === '-');
    if ((c === ',' || c === ';' || c === ':' || dash) && text[i + 1] !== undefined) {
      const end = dash && c === '-' ? i + 2 : i + 1;
      clauses.push(text.slice(from, end).trim());
      from = end;
      if (dash && c === '-') i++;
    }
  }
  clauses.push(text.slice(from).trim());
  const out: string[] = [];
  let cur = '';
  const flush = () => {
    if (cur) out.push(cur);
    cur = '';
  };
  for (const cl of clauses.filter(Boolean)) {
    const next = cur ? `${cur} ${cl}` : cl;
    if (estimateLineSeconds(next) <= max) {
      cur = next;
      continue;
    }
    flush();
    if (estimateLineSeconds(cl) <= max) {
      cur = cl;
      continue;
    }
    // One clause too long on its own: the fewest even runs of words that fit.
    const words = cl.split(/\s+/);
    const parts = Math.ceil(estimateLineSeconds(cl) / max);
    const per = Math.max(2, Math.ceil(words.length / parts));
    for (let k = 0; k < words.length; k += per) out.push(words.slice(k, k + per).join(' '));
  }
  flush();
  return out;
}

export interface SpeechLine {
  /** Spoken text of this line. */
  text: string;
  /** Parenthetical that directs it (without the parentheses), if any. */
  parenthetical?: string;
  /** Sung (Fountain `~` lyrics). */
  sung?: boolean;
  /** Estimated seconds (kino's timing model: words at 160 wpm plus pauses). */
  seconds: number;
  /** 1-based source line. */
  line: number;
}

/**
 * Breaks a speech into performable lines: one per dialogue part (a parenthetical in the middle
 * of a speech starts a new line that it directs), long parts split at sentence ends so no line
 * runs much past MAX_LINE_SECONDS — the cut then stays on the speaker for the whole line.
 */
export function speechLines(d: Dialogue): SpeechLine[] {
  const out: SpeechLine[] = [];
  let pending: string | undefined;
  for (const part of d.parts) {
    if (part.kind === 'parenthetical') {
      pending = part.text.replace(/^\(\s*|\s*\)$/g, '').trim() || undefined;
      continue;
    }
    const text = part.text.replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const chunks: string[] = [];
    let cur = '';
    for (const sentence of sentences(text)) {
      for (const s of splitLong(sentence, MAX_LINE_SECONDS)) {
        const next = cur ? `${cur} ${s}` : s;
        if (cur && estimateLineSeconds(next) > MAX_LINE_SECONDS) {
          chunks.push(cur);
          cur = s;
        } else cur = next;
      }
    }
    if (cur) chunks.push(cur);
    chunks.forEach((c, i) => {
      const l: SpeechLine = { text: c, seconds: Math.round(estimateLineSeconds(c) * 100) / 100, line: part.line };
      if (i === 0 && pending) l.parenthetical = pending;
      if (part.kind === 'lyrics') l.sung = true;
      out.push(l);
    });
    pending = undefined;
  }
  return out;
}

export interface Exchange {
  /** The two people talking (one for a monologue), first speaker first. */
  speakers: string[];
  /** Indexes into the scene's speeches (dialogue elements, in order). */
  speeches: number[];
}

/**
 * Groups a scene's on-screen speeches into exchanges: a run of speeches between the same two
 * people. When a third person speaks, a new exchange starts between them and whoever answers
 * next (or, if nobody does, whoever spoke before them).
 */
export function dialogueExchanges(speeches: readonly Dialogue[]): Exchange[] {
  const out: Exchange[] = [];
  const visible = speeches.map((d, i) => ({ d, i })).filter((x) => onScreen(x.d));
  let cur: Exchange | null = null;
  for (let k = 0; k < visible.length; k++) {
    const { d, i } = visible[k];
    const who = d.character;
    if (cur && cur.speakers.includes(who)) {
      cur.speeches.push(i);
      continue;
    }
    if (cur && cur.speakers.length === 1) {
      cur.speakers.push(who);
      cur.speeches.push(i);
      continue;
    }
    const next = visible.slice(k + 1).find((x) => x.d.character !== who)?.d.character;
    const prev = k > 0 ? visible[k - 1].d.character : undefined;
    const partner = next ?? prev;
    cur = { speakers: partner ? [who, partner] : [who], speeches: [i] };
    out.push(cur);
  }
  return out;
}

/** A scene's speeches, in order. */
export function speechesOf(scene: Scene): Dialogue[] {
  return scene.elements.filter((e): e is Dialogue => e.kind === 'dialogue');
}
