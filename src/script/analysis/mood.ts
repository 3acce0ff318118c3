// Mood, era and genre from the words of a script. A deterministic lexicon count — no model, so the
// same script always gets the same looks, and every choice can be explained by the words that
// made it (reports print them).
//
// Weights: action lines and parentheticals say how a scene plays (×1, ×1.5); dialogue says it
// less directly (×0.5); the heading's time of day nudges (NIGHT leans dark, DAWN and DUSK warm).

import type { Scene, Script } from '../model';
import { tokenize } from './words';

export const MOODS = ['tense', 'dark', 'romantic', 'warm', 'melancholy', 'joyful', 'whimsical', 'eerie', 'violent', 'calm', 'nostalgic', 'gritty', 'mysterious', 'hopeful', 'cold', 'energetic', 'neutral'] as const;
export type Mood = (typeof MOODS)[number];

const MOOD_WORDS: Record<Exclude<Mood, 'neutral'>, string[]> = {
  tense: ['tense', 'tension', 'nervous', 'nervously', 'anxious', 'urgent', 'hurried', 'sweat', 'sweating', 'waits', 'silence', 'stares', 'glares', 'late', 'worried', 'uneasy', 'cornered', 'trapped', 'threat', 'suspicious', 'warning', 'afraid', 'fear', 'quietly', 'flat'],
  dark: ['dark', 'darkness', 'shadow', 'shadows', 'gloom', 'murky', 'rain', 'storm', 'smoke', 'cigarette', 'alone', 'empty', 'grim', 'bleak', 'black'],
  romantic: ['love', 'kiss', 'kisses', 'kissing', 'lovers', 'tender', 'tenderly', 'embrace', 'embraces', 'romantic', 'candle', 'candles', 'heart', 'darling', 'sweetheart', 'wedding', 'flowers', 'dance', 'dances'],
  warm: ['warm', 'warmly', 'smile', 'smiles', 'smiling', 'hug', 'hugs', 'sunlight', 'cozy', 'gentle', 'gently', 'fond', 'kind', 'coffee', 'home', 'family', 'birthday', 'together'],
  melancholy: ['sad', 'sadly', 'tears', 'cries', 'crying', 'weeps', 'grief', 'funeral', 'lonely', 'loss', 'lost', 'sorry', 'sigh', 'sighs', 'regret', 'goodbye', 'dying', 'dies', 'hospital', 'grave', 'memory', 'memories', 'quiet'],
  joyful: ['laugh', 'laughs', 'laughing', 'joy', 'happy', 'celebrate', 'celebrates', 'party', 'cheer', 'cheers', 'grin', 'grins', 'delighted', 'beaming', 'giggles', 'fun'],
  whimsical: ['giant', 'witch', 'magic', 'magical', 'circus', 'fairy', 'tale', 'legend', 'balloon', 'balloons', 'candy', 'toy', 'toys', 'whimsical', 'impossible', 'dream', 'dreams', 'fish', 'enchanted'],
  eerie: ['eerie', 'creepy', 'ghost', 'ghostly', 'strange', 'stillness', 'whisper', 'whispers', 'fog', 'mist', 'haunted', 'creaks', 'flickers', 'flickering', 'abandoned', 'silent', 'pale'],
  violent: ['gun', 'shot', 'shoots', 'blood', 'bloody', 'fight', 'fights', 'punch', 'punches', 'kill', 'kills', 'dead', 'explosion', 'explodes', 'knife', 'stab', 'war', 'bullet', 'bullets', 'attack', 'attacks', 'crash', 'crashes'],
  calm: ['calm', 'calmly', 'peaceful', 'still', 'slowly', 'serene', 'relaxed', 'breeze', 'gentle', 'garden', 'lake', 'river', 'quietly', 'rests'],
  nostalgic: ['remembers', 'remember', 'childhood', 'old', 'photograph', 'photo', 'album', 'letter', 'letters', 'years', 'ago', 'once', 'young', 'grandfather', 'grandmother', 'faded'],
  gritty: ['dirty', 'grime', 'grimy', 'trash', 'alley', 'rusted', 'rusty', 'cracked', 'broken', 'junkyard', 'warehouse', 'sweat', 'cheap', 'worn', 'filthy', 'street'],
  mysterious: ['mystery', 'mysterious', 'secret', 'secrets', 'hidden', 'clue', 'clues', 'stranger', 'unknown', 'puzzle', 'shadowy', 'detective', 'envelope', 'locked', 'search', 'searches'],
  hopeful: ['hope', 'hopeful', 'dawn', 'sunrise', 'bright', 'new', 'beginning', 'promise', 'future', 'tomorrow', 'smiles', 'light'],
  cold: ['cold', 'icy', 'ice', 'snow', 'winter', 'freezing', 'steel', 'sterile', 'clinical', 'metal', 'concrete', 'fluorescent', 'corporate', 'blue'],
  energetic: ['runs', 'running', 'races', 'chase', 'chases', 'rushes', 'jumps', 'speeds', 'fast', 'loud', 'music', 'crowd', 'shouts', 'screams', 'dances'],
};

const WORD_MOODS = new Map<string, Mood[]>();
for (const [mood, words] of Object.entries(MOOD_WORDS) as Array<[Mood, string[]]>) {
  for (const w of words) WORD_MOODS.set(w, [...(WORD_MOODS.get(w) ?? []), mood]);
}

export interface MoodReading {
  mood: Mood;
  /** Score per mood (only moods that scored). */
  scores: Partial<Record<Mood, number>>;
  /** The words that decided it, for reports. */
  evidence: string[];
}

function add(scores: Map<Mood, number>, evidence: Map<Mood, string[]>, text: string, weight: number, skip: ReadonlySet<string>): void {
  for (const t of tokenize(text)) {
    if (skip.has(t.word)) continue;
    const moods = WORD_MOODS.get(t.word);
    if (!moods) continue;
    for (const m of moods) {
      scores.set(m, (scores.get(m) ?? 0) + weight);
      const ev = evidence.get(m) ?? [];
      if (!ev.includes(t.word) && ev.length < 6) ev.push(t.word);
      evidence.set(m, ev);
    }
  }
}

/** Lower-case words of character names: STEEL the detective is not a cold mood. */
export function nameWords(names: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const n of names) for (const t of tokenize(n)) out.add(t.word);
  return out;
}

/** The mood of a scene from its words and time of day; `skip` holds words never to count (names). */
export function sceneMood(scene: Scene, skip: ReadonlySet<string> = nameWords(scene.characters)): MoodReading {
  const scores = new Map<Mood, number>();
  const evidence = new Map<Mood, string[]>();
  for (const e of scene.elements) {
    if (e.kind === 'action' || e.kind === 'centered') add(scores, evidence, e.text, 1, skip);
    else if (e.kind === 'dialogue') {
      for (const p of e.parts) add(scores, evidence, p.text, p.kind === 'parenthetical' ? 1.5 : 0.5, skip);
    }
  }
  const tod = (scene.timeOfDay ?? '').toUpperCase();
  if (/NIGHT|MIDNIGHT/.test(tod)) scores.set('dark', (scores.get('dark') ?? 0) + 0.75);
  if (/DAWN|SUNRISE/.test(tod)) scores.set('hopeful', (scores.get('hopeful') ?? 0) + 0.75);
  if (/DUSK|SUNSET|MAGIC/.test(tod)) scores.set('warm', (scores.get('warm') ?? 0) + 0.75);
  let best: Mood = 'neutral';
  let top = 0;
  // Ties go to the mood listed first in MOODS: deterministic.
  for (const m of MOODS) {
    const s = scores.get(m) ?? 0;
    if (s > top + 1e-9) {
      best = m;
      top = s;
    }
  }
  // One stray word is not a mood: it takes a couple of hits (or one and the time of day).
  if (top < 1.5) best = 'neutral';
  return { mood: best, scores: Object.fromEntries(scores) as MoodReading['scores'], evidence: best === 'neutral' ? [] : evidence.get(best) ?? [] };
}

/**
 * A scene's mood in the words the score understands (the sound department's music moods, the
 * values a <Scene mood> takes): the script's finer moods fold onto them.
 */
export const SCORE_MOOD: Record<Mood, string | undefined> = {
  tense: 'tense',
  dark: 'noir',
  romantic: 'warm',
  warm: 'warm',
  melancholy: 'sad',
  joyful: 'playful',
  whimsical: 'playful',
  eerie: 'mysterious',
  violent: 'action',
  calm: 'neutral',
  nostalgic: 'warm',
  gritty: 'tense',
  mysterious: 'mysterious',
  hopeful: 'triumphant',
  cold: 'tense',
  energetic: 'action',
  neutral: undefined,
};

export const ERAS = ['1900s', '1910s', '1920s', '1930s', '1940s', '1950s', '1960s', '1970s', '1980s', '1990s', '2000s', '2010s', 'contemporary', 'future'] as const;
export type Era = (typeof ERAS)[number];

/** The decade of a year: 1973 → "1970s"; the last decade or later counts as contemporary. */
export function eraOfYear(year: number): Era {
  if (year >= 2100) return 'future';
  if (year >= 2020) return 'contemporary';
  if (year < 1900) return '1900s';
  return `${Math.floor(year / 10) * 10}s` as Era;
}

const DECADE_WORDS: Record<string, Era> = {
  twenties: '1920s', thirties: '1930s', forties: '1940s', fifties: '1950s', sixties: '1960s', seventies: '1970s', eighties: '1980s', nineties: '1990s',
};

/** An era named in a text: "(1973)", "1950s", "the fifties", "PRESENT DAY", "the future". */
export function eraIn(text: string): Era | undefined {
  for (const t of tokenize(text)) {
    const w = t.word;
    if (/^(1[89]|2[01])\d\d$/.test(w)) return eraOfYear(Number(w));
    if (/^(1[89]|20)\d0s$/.test(w)) return eraOfYear(Number(w.slice(0, 4)));
    if (/^'?\d0s$/.test(w)) {
      const d = Number(w.replace(/\D/g, '').slice(0, 1));
      return eraOfYear((d >= 2 ? 1900 : 2000) + d * 10);
    }
    if (DECADE_WORDS[w]) return DECADE_WORDS[w];
    if (w === 'present') return 'contemporary';
    if (w === 'future') return 'future';
  }
  return undefined;
}

export interface EraReading {
  /** The film's era: the one most scenes are set in (contemporary when nothing says otherwise). */
  film: Era;
  /** Per scene number: its own era when the heading names one, else the film's. */
  scenes: Record<string, Era>;
  evidence: string[];
}

/** Eras from headings (`NIGHT (1973)`), the title page and section names. */
export function scriptEras(script: Script): EraReading {
  const counts = new Map<Era, number>();
  const own = new Map<string, Era>();
  const evidence: string[] = [];
  for (const f of script.titlePage) {
    if (/^(title|author|authors|credit|contact|copyright|draft date|date)$/i.test(f.key)) continue;
    const e = eraIn(f.values.join(' '));
    if (e) {
      counts.set(e, (counts.get(e) ?? 0) + 3);
      evidence.push(`${f.key}: ${f.values.join(' ')}`);
    }
  }
  for (const s of script.scenes) {
    const e = eraIn([s.heading ?? '', ...s.sections].join(' '));
    if (e) {
      own.set(s.number, e);
      counts.set(e, (counts.get(e) ?? 0) + 1);
      if (evidence.length < 8) evidence.push(s.heading ?? '');
    }
  }
  let film: Era = 'contemporary';
  let top = 0;
  for (const e of ERAS) {
    const c = counts.get(e) ?? 0;
    if (c > top) {
      film = e;
      top = c;
    }
  }
  const scenes: Record<string, Era> = {};
  // A heading's era holds until another heading names one (flashback runs stay in their decade).
  let current: Era | undefined;
  for (const s of script.scenes) {
    current = own.get(s.number) ?? (s.heading && /PRESENT/i.test(s.heading) ? 'contemporary' : current);
    scenes[s.number] = current ?? film;
  }
  return { film, scenes, evidence };
}

export const GENRES = ['noir', 'crime', 'thriller', 'romance', 'comedy', 'drama', 'documentary', 'sci-fi', 'fantasy', 'horror', 'western', 'war', 'action', 'videogame', 'home-video'] as const;
export type Genre = (typeof GENRES)[number];

const GENRE_WORDS: Record<Genre, string[]> = {
  noir: ['noir', 'detective', 'femme', 'fatale', 'private', 'eye', 'gumshoe', 'fedora', 'trench'],
  crime: ['crime', 'murder', 'cop', 'cops', 'police', 'robbery', 'heist', 'gangster', 'mob', 'killer'],
  thriller: ['thriller', 'conspiracy', 'agent', 'spy', 'surveillance', 'hostage', 'kidnapped'],
  romance: ['romance', 'love', 'kiss', 'wedding', 'date', 'lovers'],
  comedy: ['comedy', 'joke', 'jokes', 'laughs', 'funny', 'clown'],
  drama: ['drama', 'family', 'hospital', 'funeral', 'divorce'],
  documentary: ['documentary', 'interview', 'interviewer', 'archival', 'footage', 'talking', 'head', 'subject', 'reporter', 'newsroom'],
  'sci-fi': ['spaceship', 'space', 'alien', 'aliens', 'robot', 'robots', 'android', 'laser', 'planet', 'starship', 'cyborg', 'hologram'],
  fantasy: ['dragon', 'wizard', 'witch', 'magic', 'kingdom', 'giant', 'castle', 'sword', 'spell'],
  horror: ['horror', 'monster', 'zombie', 'demon', 'scream', 'screams', 'corpse', 'haunted', 'ghost'],
  western: ['saloon', 'sheriff', 'cowboy', 'horse', 'ranch', 'desert', 'outlaw', 'frontier'],
  war: ['war', 'soldier', 'soldiers', 'trench', 'battlefield', 'platoon', 'bomb', 'army'],
  action: ['explosion', 'chase', 'gunfire', 'crash', 'fight', 'punches'],
  videogame: ['pixel', 'pixels', 'arcade', 'console', 'joystick', '8-bit', '16-bit', 'sprite', 'level', 'player', 'cartridge', 'gamer'],
  'home-video': ['vhs', 'camcorder', 'videotape', 'tape', 'home-video', 'rewind'],
};
const WORD_GENRES = new Map<string, Genre[]>();
for (const [g, words] of Object.entries(GENRE_WORDS) as Array<[Genre, string[]]>) for (const w of words) WORD_GENRES.set(w, [...(WORD_GENRES.get(w) ?? []), g]);

/** Genre scores of a text (title page, sections, notes, all action). */
export function genreScores(text: string, skip: ReadonlySet<string> = new Set()): Partial<Record<Genre, number>> {
  const out: Partial<Record<Genre, number>> = {};
  for (const t of tokenize(text)) if (!skip.has(t.word)) for (const g of WORD_GENRES.get(t.word) ?? []) out[g] = (out[g] ?? 0) + 1;
  return out;
}

/** Genre of a whole script: the top genre with at least 3 hits per 10 scenes, else drama. */
export function scriptGenre(script: Script): { genre: Genre; scores: Partial<Record<Genre, number>> } {
  const parts: string[] = [script.title ?? ''];
  for (const f of script.titlePage) if (!/^(author|authors|contact|copyright|draft date|date)$/i.test(f.key)) parts.push(f.values.join(' '));
  for (const s of script.scenes) {
    parts.push(...s.notes, ...s.sections, ...s.synopses);
    for (const e of s.elements) if (e.kind === 'action') parts.push(e.text);
  }
  const scores = genreScores(parts.join('\n'), nameWords(script.characters.map((c) => c.name)));
  // The title and title page count triple: "NOIR" in a title is a statement.
  const top = genreScores([script.title ?? '', ...script.titlePage.filter((f) => /^(title|genre|notes|logline)$/i.test(f.key)).map((f) => f.values.join(' '))].join(' '));
  for (const [g, n] of Object.entries(top) as Array<[Genre, number]>) scores[g] = (scores[g] ?? 0) + 2 * n;
  const need = Math.max(2, (3 * script.scenes.length) / 10);
  let genre: Genre = 'drama';
  let best = 0;
  for (const g of GENRES) {
    const s = scores[g] ?? 0;
    if (s >= need && s > best) {
      genre = g;
      best = s;
    }
  }
  return { genre, scores };
}
