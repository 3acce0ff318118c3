// What people do in the action lines, as far as blocking cares: entrances, exits, crosses, sitting
// and standing, turns, looks and the common gestures. "MAYA enters, soaked." → Maya enters;
// "She crosses to the window." → Maya crosses to the window; "Leo shrugs." → a shrug.
//
// The subject of a sentence is the first character it names, or — when it opens with he/she/they —
// whoever the previous sentence was about. Verb phrases are matched on word tokens after the
// subject, so this is linear in the text and never misreads "crosses her arms" as a cross.

import { mentions, sentences, tokenize, type Token } from './words';

export type ActionKind = 'enter' | 'exit' | 'cross' | 'sit' | 'stand' | 'turn' | 'look' | 'gesture';
export const BLOCKING_GESTURES = ['nod', 'shrug', 'wave', 'point', 'shake-head', 'cross-arms', 'clap', 'beckon', 'think', 'reach', 'hands-on-hips', 'facepalm'] as const;
export type BlockingGesture = (typeof BLOCKING_GESTURES)[number];

export interface ActionEvent {
  kind: ActionKind;
  /** Character name (as the script names them). */
  who: string;
  /** Another character (turn/look/point toward them) or a place noun ("window", "door"). */
  toward?: string;
  gesture?: BlockingGesture;
  sentence: string;
}

const PRONOUNS = new Set(['he', 'she', 'they', 'him', 'her', 'his']);

// Verb phrases as word sequences; `*` matches one optional filler word (his/her/the/a).
type Phrase = { words: string[]; kind: ActionKind; gesture?: BlockingGesture };
const PHRASES: Phrase[] = [
  // Gestures first: "crosses her arms" is not a cross, "shakes his head" is not a shake.
  { words: ['crosses', '*', 'arms'], kind: 'gesture', gesture: 'cross-arms' },
  { words: ['folds', '*', 'arms'], kind: 'gesture', gesture: 'cross-arms' },
  { words: ['shakes', '*', 'head'], kind: 'gesture', gesture: 'shake-head' },
  { words: ['hands', 'on', '*', 'hips'], kind: 'gesture', gesture: 'hands-on-hips' },
  { words: ['nods'], kind: 'gesture', gesture: 'nod' },
  { words: ['shrugs'], kind: 'gesture', gesture: 'shrug' },
  { words: ['waves'], kind: 'gesture', gesture: 'wave' },
  { words: ['points'], kind: 'gesture', gesture: 'point' },
  { words: ['claps'], kind: 'gesture', gesture: 'clap' },
  { words: ['applauds'], kind: 'gesture', gesture: 'clap' },
  { words: ['beckons'], kind: 'gesture', gesture: 'beckon' },
  { words: ['gestures'], kind: 'gesture', gesture: 'beckon' },
  { words: ['reaches'], kind: 'gesture', gesture: 'reach' },
  { words: ['thinks'], kind: 'gesture', gesture: 'think' },
  { words: ['considers'], kind: 'gesture', gesture: 'think' },
  { words: ['ponders'], kind: 'gesture', gesture: 'think' },
  { words: ['buries', '*', 'face'], kind: 'gesture', gesture: 'facepalm' },
  { words: ['enters'], kind: 'enter' },
  { words: ['comes', 'in'], kind: 'enter' },
  { words: ['walks', 'in'], kind: 'enter' },
  { words: ['steps', 'in'], kind: 'enter' },
  { words: ['hurries', 'in'], kind: 'enter' },
  { words: ['rushes', 'in'], kind: 'enter' },
  { words: ['bursts', 'in'], kind: 'enter' },
  { words: ['strides', 'in'], kind: 'enter' },
  { words: ['arrives'], kind: 'enter' },
  { words: ['exits'], kind: 'exit' },
  { words: ['leaves'], kind: 'exit' },
  { words: ['walks', 'out'], kind: 'exit' },
  { words: ['storms', 'out'], kind: 'exit' },
  { words: ['heads', 'out'], kind: 'exit' },
  { words: ['goes', 'out'], kind: 'exit' },
  { words: ['departs'], kind: 'exit' },
  { words: ['crosses'], kind: 'cross' },
  { words: ['walks', 'to'], kind: 'cross' },
  { words: ['walks', 'over', 'to'], kind: 'cross' },
  { words: ['walks', 'toward'], kind: 'cross' },
  { words: ['walks', 'towards'], kind: 'cross' },
  { words: ['moves', 'to'], kind: 'cross' },
  { words: ['moves', 'toward'], kind: 'cross' },
  { words: ['goes', 'to'], kind: 'cross' },
  { words: ['steps', 'to'], kind: 'cross' },
  { words: ['approaches'], kind: 'cross' },
  { words: ['paces'], kind: 'cross' },
  { words: ['sits'], kind: 'sit' },
  { words: ['takes', 'a', 'seat'], kind: 'sit' },
  { words: ['slumps'], kind: 'sit' },
  { words: ['sinks', 'into'], kind: 'sit' },
  { words: ['stands', 'up'], kind: 'stand' },
  { words: ['stands'], kind: 'stand' },
  { words: ['gets', 'up'], kind: 'stand' },
  { words: ['rises'], kind: 'stand' },
  { words: ['turns'], kind: 'turn' },
  { words: ['looks', 'at'], kind: 'look' },
  { words: ['stares', 'at'], kind: 'look' },
  { words: ['glances', 'at'], kind: 'look' },
  { words: ['watches'], kind: 'look' },
];

/** Place nouns a cross may head for (the set builder has a mark for each). */
export const PLACE_NOUNS = ['window', 'door', 'doorway', 'counter', 'table', 'desk', 'bar', 'sink', 'stove', 'bed', 'sofa', 'couch', 'fireplace', 'railing', 'car', 'bench', 'booth', 'shelf', 'bookshelf', 'stairs', 'exit', 'entrance'];

function matchPhrase(tokens: Token[], i: number, p: Phrase): number {
  let k = i;
  for (const w of p.words) {
    if (w === '*') {
      if (k < tokens.length && /^(his|her|their|its|the|a|my|your|our)$/.test(tokens[k].word)) k++;
      continue;
    }
    if (k >= tokens.length || tokens[k].word !== w) return -1;
    k++;
  }
  return k;
}

/**
 * Blocking events in one action paragraph. `names` are the scene's characters as the script names
 * them (upper case cue names); `lastSubject` carries the pronoun referent across paragraphs.
 */
export function findActions(text: string, names: readonly string[], lastSubject?: string): { events: ActionEvent[]; lastSubject?: string } {
  const events: ActionEvent[] = [];
  let subject = lastSubject;
  for (const s of sentences(text)) {
    const tokens = tokenize(s);
    if (!tokens.length) continue;
    // Subject: the earliest-named character, or the pronoun's referent.
    let who: string | undefined;
    let whoAt = Infinity;
    for (const n of names) {
      const at = mentions(s, n);
      if (at >= 0 && at < whoAt) {
        who = n;
        whoAt = at;
      }
    }
    if (PRONOUNS.has(tokens[0].word) && subject && (!who || whoAt > tokens[0].end + 40)) {
      who = subject;
      whoAt = 0;
    }
    if (!who) continue;
    subject = who;
    const first = tokens.findIndex((t) => t.start >= whoAt);
    const seen = new Set<string>();
    for (let i = Math.max(0, first); i < tokens.length; i++) {
      for (const p of PHRASES) {
        const end = matchPhrase(tokens, i, p);
        if (end < 0) continue;
        const key = p.gesture ?? p.kind;
        if (seen.has(key)) break;
        seen.add(key);
        const ev: ActionEvent = { kind: p.kind, who, sentence: s };
        if (p.gesture) ev.gesture = p.gesture;
        // What they head for, turn to, look or point at: a character named after the verb, else a place noun.
        const after = s.slice(tokens[end - 1].end);
        let target: string | undefined;
        let targetAt = Infinity;
        for (const n of names) {
          if (n === who) continue;
          const at = mentions(after, n);
          if (at >= 0 && at < targetAt && at < 60) {
            target = n;
            targetAt = at;
          }
        }
        if (!target && (p.kind === 'cross' || p.kind === 'turn' || p.kind === 'look' || p.gesture === 'point')) {
          const rest = tokenize(after).slice(0, 6);
          target = rest.find((t) => PLACE_NOUNS.includes(t.word))?.word;
        }
        if (target) ev.toward = target;
        // "Leo turns" alone is not blocking we can stage; a turn needs someone or something to face.
        if (p.kind === 'turn' && !ev.toward) break;
        if (p.kind === 'look' && !ev.toward) break;
        events.push(ev);
        // One phrase per word position: "walks over to" wins over "walks".
        i = end - 1;
        break;
      }
    }
  }
  return { events, lastSubject: subject };
}
