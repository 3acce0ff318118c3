// Casting the procedural cast: one <Character> per speaking character, with looks that tell them
// apart at a glance in a wide shot — different silhouettes (height, build, hair), different
// costume colours (spread around the colour wheel from the film's palette), different voices.
// What the script says wins: "MAYA (30s)… she…" gives a woman in her thirties; wardrobe words in
// the introduction ("a leather jacket") dress them. Everything else is seeded by the name, so a
// re-run casts the same people.

import { hashString, hash01 } from '../../util/random';
import type { CharacterIntro } from '../analysis/cast';
import { hexToHsv } from '../style/palette';
import type { AttrValue } from './jsx';

export interface CastMember {
  id: string;
  name: string;
  presentation: 'fem' | 'masc';
  age: number;
  height: number;
  build: 'slim' | 'average' | 'athletic' | 'heavy';
  skin: string;
  hair: string;
  hairStyle: string;
  voice: { variant: string; pitch: number };
  costume: Record<string, AttrValue>;
  /** Why they look like this, for the generated comment. */
  note: string;
}

const FEM_NAMES = new Set(['MAYA', 'ANNA', 'ANA', 'MARY', 'SARAH', 'SARA', 'EMMA', 'OLIVIA', 'SOPHIA', 'MIA', 'ISABELLA', 'AVA', 'EMILY', 'GRACE', 'CHLOE', 'ZOE', 'LILY', 'HANNAH', 'RUTH', 'JANE', 'JENNY', 'JENNIFER', 'LISA', 'LAURA', 'LUCY', 'KATE', 'KATIE', 'ELLEN', 'ELLIE', 'CLAIRE', 'JULIA', 'JULIE', 'ROSE', 'ROSA', 'NORA', 'ALICE', 'ELIZABETH', 'SANDRA', 'MARIA', 'NINA', 'VERA', 'IRIS', 'HELEN', 'MOM', 'MOTHER', 'GRANDMA', 'SANDY', 'JOSEPHINE', 'JENNY', 'AMELIA', 'EVE', 'EVA', 'MARGARET', 'BETTY', 'DORIS', 'SUSAN', 'KAREN', 'LINDA', 'DIANA', 'WAITRESS', 'NURSE', 'QUEEN', 'LADY', 'WOMAN', 'GIRL', 'SISTER', 'AUNT', 'WIFE']);
const MASC_NAMES = new Set(['LEO', 'JOHN', 'JACK', 'TOM', 'SAM', 'BEN', 'DAN', 'DAVID', 'JAMES', 'MICHAEL', 'PAUL', 'PETER', 'MARK', 'LUKE', 'ADAM', 'NOAH', 'LIAM', 'ETHAN', 'HENRY', 'GEORGE', 'FRANK', 'JOE', 'BOB', 'BILL', 'WILL', 'WILLIAM', 'EDWARD', 'CARL', 'KARL', 'MAX', 'NICK', 'OSCAR', 'HARRY', 'RAY', 'STEVE', 'SCOTT', 'BRICK', 'STEEL', 'WALTER', 'HAROLD', 'ARTHUR', 'DAD', 'FATHER', 'GRANDPA', 'KING', 'MAN', 'BOY', 'WAITER', 'BROTHER', 'UNCLE', 'HUSBAND', 'COP', 'DETECTIVE', 'ELI', 'OWEN', 'FELIX', 'HUGO', 'VICTOR']);

const SKIN = ['#f1c7a8', '#e0ac88', '#c68863', '#a86b48', '#8d5636', '#6b3f26', '#f5d5bd', '#d29b74'];
const HAIR = ['#2b1d14', '#5a3220', '#1c1714', '#8a6642', '#3b2416', '#b08850', '#6e4b2a', '#c9a06a'];
const FEM_STYLES = ['ponytail', 'bob', 'long', 'bun', 'curly', 'afro'];
const MASC_STYLES = ['short', 'side-part', 'buzz', 'curly', 'afro', 'bald'];
const BUILDS: CastMember['build'][] = ['average', 'slim', 'athletic', 'heavy'];
const FEM_VOICES = ['f2', 'f4', 'f1', 'f3', 'f5', 'Annie', 'Alicia', 'linda', 'steph', 'belinda'];
const MASC_VOICES = ['m3', 'm1', 'm2', 'm7', 'm4', 'm5', 'm6', 'Andy', 'Lee', 'travis'];

const TOP_WORDS: Record<string, string> = { sweater: 'sweater', hoodie: 'hoodie', 't-shirt': 't-shirt', blouse: 'blouse', shirt: 'shirt', polo: 'polo', tank: 'tank' };
const JACKET_WORDS: Record<string, string> = { leather: 'leather', denim: 'denim', coat: 'coat', trench: 'trench', parka: 'parka', suit: 'suit', blazer: 'blazer', vest: 'vest', cardigan: 'cardigan', jacket: 'blazer', uniform: 'suit' };

function hsvHex(h: number, s: number, v: number): string {
  const f = (n: number) => {
    const k = (n + h / 60) % 6;
    const c = v - v * s * Math.max(0, Math.min(k, 4 - k, 1));
    return Math.round(c * 255).toString(16).padStart(2, '0');
  };
  return `#${f(5)}${f(3)}${f(1)}`;
}

/** Presentation from the script's pronouns, else a common first name, else undefined. */
export function presentationOf(name: string, intro?: CharacterIntro): 'fem' | 'masc' | undefined {
  if (intro?.presentation) return intro.presentation;
  const words = name.toUpperCase().split(/[^A-Z]+/).filter(Boolean);
  for (const w of words) {
    if (FEM_NAMES.has(w)) return 'fem';
    if (MASC_NAMES.has(w)) return 'masc';
  }
  return undefined;
}

/**
 * Casts the speaking characters. `paletteHexes` seeds costume colours (the film palette's hues);
 * `ids` are the character ids already chosen (same order as `names`).
 */
export function castCharacters(names: string[], ids: string[], intros: Map<string, CharacterIntro>, paletteHexes: string[]): CastMember[] {
  const baseHue = paletteHexes.length ? hexToHsv(paletteHexes[Math.min(2, paletteHexes.length - 1)])[0] : 20;
  let fem = 0;
  let masc = 0;
  return names.map((name, i) => {
    const intro = intros.get(name);
    const seed = hashString(name);
    const known = presentationOf(name, intro);
    const presentation = known ?? (i % 2 === 0 ? 'fem' : 'masc');
    const k = presentation === 'fem' ? fem++ : masc++;
    const age = intro?.age ?? 26 + Math.floor(hash01(seed, 1) * 24);
    const h01 = hash01(seed, 2);
    const height = age < 13 ? 1.2 + age * 0.03 : presentation === 'fem' ? 1.6 + h01 * 0.12 : 1.72 + h01 * 0.14;
    const build = BUILDS[(i + Math.floor(hash01(seed, 3) * 2)) % BUILDS.length];
    const skin = SKIN[(i * 3 + (seed % SKIN.length)) % SKIN.length];
    const hair = age >= 62 ? '#b8b8b0' : HAIR[(i * 5 + (seed >>> 3)) % HAIR.length];
    const styles = presentation === 'fem' ? FEM_STYLES : MASC_STYLES;
    const hairStyle = age >= 62 && presentation === 'masc' && k % 2 === 1 ? 'bald' : styles[k % styles.length];
    // Costume hues spread by the golden angle from the palette, so no two principals match.
    const hue = (baseHue + i * 137.5) % 360;
    const wardrobe = intro?.wardrobe ?? [];
    const topKind = wardrobe.map((w) => TOP_WORDS[w]).find(Boolean) ?? (presentation === 'fem' ? ['blouse', 't-shirt', 'sweater'][k % 3] : ['shirt', 'sweater', 'polo'][k % 3]);
    const jacketKind = wardrobe.map((w) => JACKET_WORDS[w]).find(Boolean);
    const costume: Record<string, AttrValue> = {
      top: { kind: topKind, color: hsvHex(hue, 0.45, 0.62) },
      bottom: { kind: wardrobe.includes('skirt') ? 'skirt' : wardrobe.includes('jeans') || k % 2 === 0 ? 'jeans' : 'trousers', color: hsvHex((hue + 200) % 360, 0.3, 0.32) },
      shoes: { kind: wardrobe.includes('boots') ? 'boots' : 'shoes', color: '#2a2420' },
    };
    if (jacketKind) costume.jacket = { kind: jacketKind, color: hsvHex((hue + 30) % 360, 0.35, 0.35) };
    if (wardrobe.includes('fedora') || wardrobe.includes('hat')) costume.hat = { kind: 'fedora', color: '#2f2a26' };
    if (wardrobe.includes('cap')) costume.hat = { kind: 'cap', color: hsvHex(hue, 0.5, 0.4) };
    if (wardrobe.includes('glasses')) costume.glasses = { kind: 'glasses', color: '#1c1c1c' };
    if (wardrobe.includes('sunglasses')) costume.glasses = { kind: 'sunglasses', color: '#111111' };
    if (wardrobe.includes('tie')) costume.tie = { kind: 'tie', color: hsvHex((hue + 180) % 360, 0.6, 0.4) };
    if (wardrobe.includes('scarf')) costume.scarf = { kind: 'scarf', color: hsvHex((hue + 60) % 360, 0.5, 0.55) };
    const voices = presentation === 'fem' ? FEM_VOICES : MASC_VOICES;
    const bits: string[] = [];
    if (intro?.description) bits.push(`"${intro.description.length > 90 ? intro.description.slice(0, 89) + '…' : intro.description}"`);
    if (!known) bits.push('presentation not given by the script: change freely');
    return {
      id: ids[i],
      name,
      presentation,
      age,
      height: Math.round(height * 100) / 100,
      build,
      skin,
      hair,
      hairStyle,
      voice: { variant: voices[k % voices.length], pitch: Math.round(40 + hash01(seed, 4) * 22) },
      costume,
      note: bits.join('; '),
    };
  });
}
