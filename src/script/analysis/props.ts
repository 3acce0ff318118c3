// Props named in the action: "She sets a chipped MUG on the table" names a mug; the shot list
// gives it an insert and `kino make` dresses it into the set. A prop is a lexicon noun standing
// behind a determiner ("a", "the", "his", "two" …, adjectives allowed between), so verbs that
// share a spelling ("they watch", "the phone rings", "she books a flight") are not props.
//
// Each entry says how the art department builds it: a procedural `kind` from the prop library
// (src/plan/props.ts) when there is one, else a primitive with a real-world size and colour.

import { PROP_KINDS } from '../../plan/props';
import { DETERMINERS, singular, tokenize } from './words';

export type PropScale = 'hand' | 'table' | 'room' | 'vehicle';

export interface PropSpec {
  /** Canonical name, used for ids and prompts. */
  name: string;
  /** Procedural prop kind (src/plan/props.ts), when the library has one. */
  kind?: string;
  /** Otherwise a primitive: shape, size [w, h, d] in metres and colour. */
  shape?: 'box' | 'cylinder' | 'sphere' | 'torus';
  size?: [number, number, number];
  color?: string;
  /** Where it lives: in a hand or on a table, standing in the room, or a vehicle. */
  scale: PropScale;
}

const P = (name: string, kind: string, scale: PropScale): PropSpec => ({ name, kind, scale });
const S = (name: string, shape: PropSpec['shape'], size: [number, number, number], color: string, scale: PropScale = 'hand'): PropSpec => ({ name, shape, size, color, scale });

/** Lexicon: noun (singular, lower case) → prop. Two-word nouns are matched first. */
export const PROP_LEXICON: Record<string, PropSpec> = {
  mug: P('mug', 'mug', 'hand'),
  'coffee mug': P('mug', 'mug', 'hand'),
  cup: P('cup', 'mug', 'hand'),
  'coffee cup': P('cup', 'mug', 'hand'),
  teacup: P('cup', 'mug', 'hand'),
  coffee: P('coffee', 'mug', 'hand'),
  bottle: P('bottle', 'bottle', 'hand'),
  beer: P('beer', 'bottle', 'hand'),
  wine: P('wine', 'bottle', 'hand'),
  whiskey: P('whiskey', 'bottle', 'hand'),
  whisky: P('whiskey', 'bottle', 'hand'),
  glass: S('glass', 'cylinder', [0.07, 0.12, 0.07], '#cfe3ea'),
  book: P('book', 'book', 'hand'),
  notebook: P('notebook', 'book', 'hand'),
  diary: P('diary', 'book', 'hand'),
  journal: P('journal', 'book', 'hand'),
  phone: P('phone', 'phone', 'hand'),
  cellphone: P('phone', 'phone', 'hand'),
  'cell phone': P('phone', 'phone', 'hand'),
  smartphone: P('phone', 'phone', 'hand'),
  telephone: S('telephone', 'box', [0.22, 0.1, 0.2], '#1c1c1c', 'table'),
  letter: P('letter', 'letter', 'hand'),
  envelope: P('envelope', 'letter', 'hand'),
  card: P('card', 'letter', 'hand'),
  'birthday card': P('card', 'letter', 'hand'),
  note: P('note', 'letter', 'hand'),
  photo: P('photo', 'letter', 'hand'),
  photograph: P('photo', 'letter', 'hand'),
  picture: P('photo', 'letter', 'hand'),
  newspaper: S('newspaper', 'box', [0.38, 0.01, 0.29], '#e8e2d0'),
  map: S('map', 'box', [0.6, 0.005, 0.45], '#d8c9a0'),
  gun: P('gun', 'gun', 'hand'),
  pistol: P('gun', 'gun', 'hand'),
  revolver: P('gun', 'gun', 'hand'),
  knife: S('knife', 'box', [0.03, 0.02, 0.24], '#b8bcc2'),
  key: S('key', 'box', [0.025, 0.005, 0.07], '#c9a227'),
  keys: S('keys', 'box', [0.05, 0.01, 0.08], '#c9a227'),
  ring: S('ring', 'torus', [0.025, 0.025, 0.006], '#d4af37'),
  watch: S('watch', 'cylinder', [0.04, 0.012, 0.04], '#9a958c'),
  clock: S('clock', 'cylinder', [0.3, 0.3, 0.05], '#e8e2d0', 'room'),
  candle: S('candle', 'cylinder', [0.04, 0.2, 0.04], '#f3ead3'),
  cigarette: S('cigarette', 'cylinder', [0.008, 0.008, 0.085], '#f2f0ea'),
  lighter: S('lighter', 'box', [0.025, 0.06, 0.012], '#b8281f'),
  briefcase: S('briefcase', 'box', [0.45, 0.33, 0.1], '#3b2a1e', 'table'),
  suitcase: S('suitcase', 'box', [0.5, 0.7, 0.22], '#5a3a22', 'room'),
  bag: S('bag', 'box', [0.35, 0.3, 0.15], '#4a3f35', 'table'),
  purse: S('purse', 'box', [0.25, 0.18, 0.08], '#7a2e2e', 'table'),
  box: P('box', 'box', 'table'),
  package: P('package', 'box', 'table'),
  gift: S('gift', 'box', [0.3, 0.2, 0.3], '#b8281f', 'table'),
  cake: S('cake', 'cylinder', [0.26, 0.12, 0.26], '#f0d9c0', 'table'),
  plate: S('plate', 'cylinder', [0.26, 0.02, 0.26], '#f2efe6'),
  bowl: S('bowl', 'sphere', [0.16, 0.08, 0.16], '#e8e2d0'),
  flowers: S('flowers', 'cylinder', [0.2, 0.4, 0.2], '#c94f6d', 'table'),
  flower: S('flowers', 'cylinder', [0.2, 0.4, 0.2], '#c94f6d', 'table'),
  vase: S('vase', 'cylinder', [0.14, 0.3, 0.14], '#3d5a80', 'table'),
  laptop: S('laptop', 'box', [0.34, 0.02, 0.24], '#2a2d33', 'table'),
  computer: S('computer', 'box', [0.5, 0.35, 0.2], '#2a2d33', 'table'),
  typewriter: S('typewriter', 'box', [0.45, 0.15, 0.35], '#2e3b33', 'table'),
  radio: S('radio', 'box', [0.3, 0.18, 0.12], '#6b4a2e', 'table'),
  tv: P('tv', 'tv', 'room'),
  television: P('tv', 'tv', 'room'),
  lamp: P('lamp', 'table-lamp', 'table'),
  money: S('money', 'box', [0.16, 0.02, 0.07], '#7fa36b'),
  cash: S('money', 'box', [0.16, 0.02, 0.07], '#7fa36b'),
  wallet: S('wallet', 'box', [0.11, 0.02, 0.09], '#3b2416'),
  camera: S('camera', 'box', [0.13, 0.09, 0.08], '#1c1c1c'),
  umbrella: S('umbrella', 'cylinder', [0.05, 0.9, 0.05], '#1f1f22', 'room'),
  guitar: S('guitar', 'box', [0.38, 1.0, 0.1], '#8a5a2e', 'room'),
  crate: P('crate', 'crate', 'room'),
  barrel: P('barrel', 'barrel', 'room'),
  car: P('car', 'car', 'vehicle'),
  truck: P('truck', 'car', 'vehicle'),
  taxi: P('taxi', 'car', 'vehicle'),
  cab: P('taxi', 'car', 'vehicle'),
  bicycle: S('bicycle', 'box', [0.6, 1.0, 1.7], '#2c5aa0', 'room'),
  bike: S('bicycle', 'box', [0.6, 1.0, 1.7], '#2c5aa0', 'room'),
};

/** Words that end a noun phrase: "a flight and notes" — "notes" is not behind "a". */
const PHRASE_BREAKS = new Set(['and', 'or', 'but', 'then', 'to', 'of', 'in', 'on', 'at', 'with', 'from', 'by', 'for', 'as', 'while', 'into', 'he', 'she', 'they', 'it', 'is', 'are', 'was', 'were', 'who', 'that']);

const TWO_WORD = new Set(Object.keys(PROP_LEXICON).filter((k) => k.includes(' ')));

// Every `kind` above must exist in the prop library (checked once at load, cheaply).
for (const spec of Object.values(PROP_LEXICON)) {
  if (spec.kind && !PROP_KINDS[spec.kind]) throw new Error(`prop lexicon: unknown prop kind "${spec.kind}"`);
}

export interface PropMention {
  spec: PropSpec;
  /** The words as written ("chipped coffee mug" → "coffee mug"). */
  text: string;
  /** Offset of the noun in the text. */
  at: number;
}

/**
 * Props named in an action paragraph, in order of first mention, one per canonical name. `skip`
 * is a set of lower-case words that must not be props (character names: a person called ROSE is
 * not a flower).
 */
export function findProps(text: string, skip: ReadonlySet<string> = new Set()): PropMention[] {
  const tokens = tokenize(text);
  const out: PropMention[] = [];
  const seen = new Set<string>();
  const noun = (i: number): { spec: PropSpec; words: number } | undefined => {
    const t = tokens[i];
    if (i + 1 < tokens.length) {
      const two = `${t.word} ${singular(tokens[i + 1].word)}`;
      if (TWO_WORD.has(two)) return { spec: PROP_LEXICON[two], words: 2 };
    }
    if (skip.has(t.word)) return undefined;
    const spec = PROP_LEXICON[t.word] ?? PROP_LEXICON[singular(t.word)];
    return spec ? { spec, words: 1 } : undefined;
  };
  for (let i = 0; i < tokens.length; i++) {
    const found = noun(i);
    if (!found) continue;
    // A determiner at most three words back, with no other lexicon noun in between ("the phone
    // rings": "rings" has "phone" between it and "the", so it is a verb here).
    let ok = false;
    for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
      if (DETERMINERS.has(tokens[k].word)) {
        ok = true;
        break;
      }
      if (noun(k) || PHRASE_BREAKS.has(tokens[k].word)) break;
    }
    // "…, then rings" has no determiner; "coffee" and "cash" stand alone as mass nouns.
    if (!ok && (found.spec.name === 'coffee' || found.spec.name === 'money') && i > 0 && /^(of|some|with|more|pours|drinks|sips|counts)$/.test(tokens[i - 1].word)) ok = true;
    if (!ok) continue;
    const name = found.spec.name;
    if (!seen.has(name)) {
      seen.add(name);
      const last = tokens[i + found.words - 1];
      out.push({ spec: found.spec, text: text.slice(tokens[i].start, last.end), at: tokens[i].start });
    }
    i += found.words - 1;
  }
  return out;
}
