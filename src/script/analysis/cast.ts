// What the script says about each speaking character when it introduces them: the sentence of
// their first appearance in the action ("MAYA (30s), soaked, a leather jacket."), their age when
// written, and how the action refers to them (she/he) — for casting the procedural cast and for
// storyboard prompts. Never a guess presented as fact: unknowns stay undefined.

import type { Script } from '../model';
import { mentions, sentences, tokenize } from './words';

export interface CharacterIntro {
  name: string;
  /** The introducing sentence, trimmed (empty when the action never describes them). */
  description: string;
  /** Age in years when the script gives one: "(30s)" → 35, "(62)" → 62, "a teenager" → 16. */
  age?: number;
  /** From pronouns in sentences about them; undefined when the script does not say. */
  presentation?: 'fem' | 'masc';
  /** Wardrobe words in the introduction (jacket, suit, dress…). */
  wardrobe: string[];
}

const AGE_WORDS: Record<string, number> = { baby: 1, toddler: 3, child: 8, kid: 9, boy: 10, girl: 10, teenager: 16, teen: 16, teenage: 16, young: 25, elderly: 78, old: 72, aged: 70 };
const WARDROBE = ['jacket', 'coat', 'suit', 'dress', 'sweater', 'hoodie', 'shirt', 't-shirt', 'blouse', 'jeans', 'uniform', 'tie', 'hat', 'fedora', 'cap', 'glasses', 'sunglasses', 'scarf', 'boots', 'trench', 'parka', 'cardigan', 'vest', 'skirt', 'gown', 'leather', 'denim', 'overalls', 'apron'];
const FEM = new Set(['she', 'her', 'hers', 'herself', 'woman', 'girl', 'mother', 'mom', 'wife', 'daughter', 'sister', 'grandmother', 'aunt', 'lady', 'mrs', 'ms', 'miss', 'waitress', 'actress', 'queen']);
const MASC = new Set(['he', 'him', 'his', 'himself', 'man', 'boy', 'father', 'dad', 'husband', 'son', 'brother', 'grandfather', 'uncle', 'gentleman', 'mr', 'sir', 'waiter', 'actor', 'king']);

export function characterIntros(script: Script): Map<string, CharacterIntro> {
  const out = new Map<string, CharacterIntro>();
  const names = script.characters.map((c) => c.name);
  const fem = new Map<string, number>();
  const masc = new Map<string, number>();
  const scenes = script.opening ? [script.opening, ...script.scenes] : script.scenes;
  for (const name of names) out.set(name, { name, description: '', wardrobe: [] });
  for (const scene of scenes) {
    let subject: string | undefined;
    for (const e of scene.elements) {
      if (e.kind !== 'action') continue;
      for (const s of sentences(e.text)) {
        const tokens = tokenize(s);
        let named: string | undefined;
        let at = Infinity;
        for (const n of names) {
          const i = mentions(s, n);
          if (i >= 0 && i < at) {
            named = n;
            at = i;
          }
        }
        // A sentence that opens with she/he is about the last person named ("Leo joins her":
        // "her" is somebody else, so object pronouns do not count).
        const first = tokens[0]?.word;
        const about = at === 0 || (first !== 'he' && first !== 'she') ? named : subject;
        if (named) subject = named;
        if (!about) continue;
        if (first === 'she' && about !== named) fem.set(about, (fem.get(about) ?? 0) + 1);
        if (first === 'he' && about !== named) masc.set(about, (masc.get(about) ?? 0) + 1);
        if (named) {
          const intro = out.get(named)!;
          if (!intro.description) {
            // The introduction says what they are: "a tired man", "her mother", "a waitress".
            for (const t of tokens.slice(0, 14)) {
              if (t.word === 'she' || t.word === 'he' || t.word === 'her' || t.word === 'his') continue;
              if (FEM.has(t.word)) fem.set(named, (fem.get(named) ?? 0) + 2);
              if (MASC.has(t.word)) masc.set(named, (masc.get(named) ?? 0) + 2);
            }
            intro.description = s.length > 160 ? s.slice(0, 159) + '…' : s;
            const after = s.slice(at + named.length);
            // "MAYA (30s)", "MAYA, 62,", "LEO (late 40s)": an age right after the name.
            const num = /^\s*[,(]\s*(?:about |around |early |mid |late |mid-|late-|early-)?(\d{1,3})(s)?\b/i.exec(after);
            if (num) {
              const n = Number(num[1]);
              if (n > 0 && n < 110) intro.age = num[2] ? n + 5 : n;
            } else {
              const w = tokens.find((t) => AGE_WORDS[t.word] !== undefined);
              if (w) intro.age = AGE_WORDS[w.word];
            }
            intro.wardrobe = tokens.map((t) => t.word).filter((w, i, a) => WARDROBE.includes(w) && a.indexOf(w) === i);
          }
        }
      }
    }
  }
  for (const [name, intro] of out) {
    const f = fem.get(name) ?? 0;
    const m = masc.get(name) ?? 0;
    if (f > m) intro.presentation = 'fem';
    else if (m > f) intro.presentation = 'masc';
  }
  return out;
}
