// A shot list planned from a screenplay, the way a director and DP break a scene into coverage:
//
//   establishing  an extreme wide of an exterior the first time the script goes there;
//   master        a wide of the whole scene (it also carries the action between the lines);
//   OTS pairs     per dialogue exchange, over each speaker's partner's shoulder;
//   singles       a clean close-up of each speaker in each exchange (a matched pair);
//   inserts       of props named in the action (a close-up, an extreme close-up for small ones);
//   cutaways      of things the action points at that are not props (the window, the rain…).
//
// Screen time per shot follows the editing kino's <CoverageSet> does: a speaker's first line of
// an exchange on their OTS, longer lines on their single, the action on the master, inserts and
// cutaways a beat each. Setups count camera-and-lighting positions: a speaker's OTS and single
// are shot from the same side with a lens change, so they share one.

import { SIZE_LENS } from '../../plan/framing';
import type { ShotSize } from '../../doc/schema/film';
import { characterIntros, type CharacterIntro } from '../analysis/cast';
import { dialogueExchanges, onScreen, speechesOf, speechLines } from '../analysis/dialogue';
import { findProps } from '../analysis/props';
import { DETERMINERS, singular, tokenize } from '../analysis/words';
import type { Script, Scene } from '../model';
import { wrappedLines, PAGE_MODEL } from '../pagination';
import { secondsPerLine } from '../runtime';
import { directStyle, type FilmStyle, type SceneStyle } from '../style/director';
import { PRESET_INFO } from '../style/presets';
import { storyboardPrompt } from './prompt';
import { setupLetter, type ShotList, type ShotListScene, type ShotListShot } from './schema';

/** Minutes of shooting per camera setup (move, light, rehearse, shoot a few takes). */
export const MINUTES_PER_SETUP = 35;

/** Things the action points at that are worth a cutaway (not props: they are not handled). */
const CUTAWAY_NOUNS: Record<string, { size: ShotSize; name: string }> = {
  window: { size: 'MS', name: 'the window' },
  clock: { size: 'CU', name: 'the clock' },
  rain: { size: 'WS', name: 'the rain' },
  sky: { size: 'EWS', name: 'the sky' },
  street: { size: 'WS', name: 'the street' },
  crowd: { size: 'WS', name: 'the crowd' },
  sea: { size: 'EWS', name: 'the sea' },
  ocean: { size: 'EWS', name: 'the ocean' },
  river: { size: 'WS', name: 'the river' },
  fire: { size: 'MS', name: 'the fire' },
  fireplace: { size: 'MS', name: 'the fireplace' },
  moon: { size: 'WS', name: 'the moon' },
  sun: { size: 'WS', name: 'the sun' },
  traffic: { size: 'WS', name: 'the traffic' },
  tree: { size: 'WS', name: 'the tree' },
  bird: { size: 'MS', name: 'the birds' },
  dog: { size: 'MS', name: 'the dog' },
  cat: { size: 'MS', name: 'the cat' },
  mirror: { size: 'MS', name: 'the mirror' },
  sign: { size: 'MS', name: 'the sign' },
  neon: { size: 'MS', name: 'the neon' },
  city: { size: 'EWS', name: 'the city' },
  skyline: { size: 'EWS', name: 'the skyline' },
  storm: { size: 'EWS', name: 'the storm' },
  snow: { size: 'WS', name: 'the snow' },
  waves: { size: 'WS', name: 'the waves' },
  wave: { size: 'WS', name: 'the waves' },
  door: { size: 'MS', name: 'the door' },
  fountain: { size: 'WS', name: 'the fountain' },
};

/** Cutaway subjects named in an action paragraph (behind a determiner, like props). */
export function findCutaways(text: string, skip: ReadonlySet<string>): Array<{ noun: string; size: ShotSize; name: string; sentence: string }> {
  const tokens = tokenize(text);
  const out: Array<{ noun: string; size: ShotSize; name: string; sentence: string }> = [];
  for (let i = 0; i < tokens.length; i++) {
    const w = singular(tokens[i].word);
    const c = CUTAWAY_NOUNS[w] ?? CUTAWAY_NOUNS[tokens[i].word];
    if (!c || skip.has(tokens[i].word) || out.some((o) => o.name === c.name)) continue;
    let det = false;
    for (let k = i - 1; k >= Math.max(0, i - 3); k--) if (DETERMINERS.has(tokens[k].word) || tokens[k].word === 'of' || tokens[k].word === 'through' || tokens[k].word === 'outside') det = true;
    // Weather words read as nouns on their own ("Rain hammers the roof").
    if (!det && !['rain', 'snow', 'traffic', 'fire'].includes(w)) continue;
    const start = text.lastIndexOf('.', tokens[i].start) + 1;
    const endDot = text.indexOf('.', tokens[i].end);
    out.push({ noun: w, ...c, sentence: text.slice(start, endDot < 0 ? text.length : endDot + 1).trim() });
  }
  return out;
}

/** Seconds an action paragraph plays (the runtime model's all-action rate per printed line). */
export function actionSeconds(text: string): number {
  return Math.max(1, wrappedLines(text, PAGE_MODEL.widths.action) * secondsPerLine(0));
}

function describe(name: string, intro: CharacterIntro | undefined): string {
  const bits: string[] = [];
  if (intro?.age) bits.push(`${intro.age}`);
  if (intro?.presentation) bits.push(intro.presentation === 'fem' ? 'woman' : 'man');
  if (intro?.wardrobe.length) bits.push(intro.wardrobe.slice(0, 3).join(', '));
  return bits.length ? `${name} (${bits.join(', ')})` : name;
}

interface Draft extends Omit<ShotListShot, 'number' | 'prompt'> {
  action?: string;
  line?: string;
}

function planScene(scene: Scene, style: SceneStyle, intros: Map<string, CharacterIntro>, firstAtLocation: boolean): ShotListScene {
  const speeches = speechesOf(scene);
  const exchanges = dialogueExchanges(speeches);
  const names = new Set(scene.characters.map((c) => c.toLowerCase()));
  const onScreenSpeakers: string[] = [];
  for (const d of speeches) if (onScreen(d) && !onScreenSpeakers.includes(d.character)) onScreenSpeakers.push(d.character);
  const actions = scene.elements.filter((e) => e.kind === 'action');
  const drafts: Draft[] = [];
  const setupOf = new Map<string, number>();
  const setup = (key: string) => {
    if (!setupOf.has(key)) setupOf.set(key, setupOf.size + 1);
    return setupOf.get(key)!;
  };
  const lens = (size: ShotSize) => SIZE_LENS[size];
  const firstAction = actions[0]?.text ?? '';

  if (scene.interior === 'ext' && firstAtLocation) {
    drafts.push({ type: 'establishing', size: 'EWS', lensMm: lens('EWS'), angle: 'high', movement: 'slow pan', subjects: [scene.location ?? 'the location'], over: null, setup: setup('establishing'), description: `Establish ${scene.location ?? 'the location'} at ${(scene.timeOfDay ?? 'day').toLowerCase()}.`, lines: [], screenSeconds: 3, action: firstAction });
  }
  const master: Draft = {
    type: 'master',
    size: 'WS',
    lensMm: lens('WS'),
    angle: 'eye',
    movement: 'static',
    subjects: onScreenSpeakers.length ? onScreenSpeakers.map((n) => describe(n, intros.get(n))) : [scene.location ?? 'the set'],
    over: null,
    setup: setup('master'),
    description: onScreenSpeakers.length ? `Master: the whole scene wide, ${onScreenSpeakers.join(' and ')} in frame.` : `The action of the scene, wide.`,
    lines: [],
    screenSeconds: speeches.length ? 1.5 : 0,
    action: firstAction,
  };
  drafts.push(master);

  const byKey = new Map<string, Draft>();
  const coverage = (key: string, make: () => Draft) => {
    let d = byKey.get(key);
    if (!d) {
      d = make();
      byKey.set(key, d);
      drafts.push(d);
    }
    return d;
  };
  const lineRef = (who: string, text: string) => `${who}: ${text.length > 60 ? text.slice(0, 59) + '…' : text}`;
  for (const ex of exchanges) {
    const [a, b] = ex.speakers;
    const seen = new Set<string>();
    for (const si of ex.speeches) {
      const d = speeches[si];
      const who = d.character;
      const partner = who === a ? b : a;
      const ots = (w: string, p: string) =>
        coverage(`ots:${w}:${p}`, () => ({ type: 'ots', size: 'MCU', lensMm: 50, angle: 'eye', movement: 'static', subjects: [describe(w, intros.get(w))], over: p, setup: setup(`side:${w}:${p}`), description: `Over ${p}'s shoulder onto ${w}.`, lines: [], screenSeconds: 0 }));
      const single = (w: string, p?: string) =>
        coverage(`single:${w}:${p ?? ''}`, () => ({ type: 'single', size: p ? 'CU' : 'MCU', lensMm: lens(p ? 'CU' : 'MCU'), angle: 'eye', movement: 'static', subjects: [describe(w, intros.get(w))], over: null, setup: setup(`side:${w}:${p ?? ''}`), description: p ? `Clean single on ${w}, eye-line to ${p}.` : `Single on ${w}.`, lines: [], screenSeconds: 0 }));
      if (partner) {
        // Both sides of the pair exist in coverage even if one never speaks first.
        ots(who, partner);
        ots(partner, who);
        single(who, partner);
        single(partner, who);
      }
      for (const l of speechLines(d)) {
        const first = !seen.has(who);
        seen.add(who);
        const shot = !partner ? single(who) : first || l.seconds <= 3.5 ? ots(who, partner) : single(who, partner);
        shot.screenSeconds += l.seconds + 0.1;
        shot.lines.push(lineRef(who, l.text));
        if (!shot.line) shot.line = `${who}${l.parenthetical ? ` (${l.parenthetical})` : ''}: "${l.text}"`;
      }
    }
  }
  // Off-screen voices play over whatever is on screen: count them on the master.
  for (const d of speeches) if (!onScreen(d)) for (const l of speechLines(d)) {
    master.screenSeconds += l.seconds;
    master.lines.push(lineRef(`${d.character} (${d.extensions.join(', ')})`, l.text));
  }

  // A prop's insert goes where it is handled: its first mention once the talking has started
  // (an opening description only dresses it), else its first mention — as `kino make` cuts it.
  const firstLine = scene.elements.findIndex((e) => e.kind === 'dialogue');
  const insertAt = new Map<string, number>();
  scene.elements.forEach((e, k) => {
    if (e.kind !== 'action') return;
    for (const p of findProps(e.text, names)) {
      const cur = insertAt.get(p.spec.name);
      if (cur === undefined || (cur < firstLine && k > firstLine)) insertAt.set(p.spec.name, k);
    }
  });
  const cutSeen = new Set<string>();
  for (const a of actions) {
    let secs = actionSeconds(a.text);
    const index = scene.elements.indexOf(a);
    for (const p of findProps(a.text, names)) {
      if (insertAt.get(p.spec.name) !== index) continue;
      insertAt.delete(p.spec.name);
      const tiny = p.spec.scale === 'hand' && (p.spec.size ? Math.max(...p.spec.size) < 0.1 : ['ring', 'key', 'keys', 'watch', 'cigarette', 'phone'].includes(p.spec.name));
      const size: ShotSize = p.spec.scale === 'vehicle' || p.spec.scale === 'room' ? 'MS' : tiny ? 'ECU' : 'CU';
      const sentence = a.text.slice(Math.max(0, a.text.lastIndexOf('.', p.at) + 1), a.text.indexOf('.', p.at) < 0 ? undefined : a.text.indexOf('.', p.at) + 1).trim();
      drafts.push({ type: 'insert', size, lensMm: size === 'ECU' ? 100 : size === 'CU' ? 60 : lens(size), angle: 'high', movement: 'static', subjects: [p.text], over: null, setup: setup('inserts'), description: `Insert: ${p.text}.`, lines: [], screenSeconds: 1.5, action: sentence });
      secs = Math.max(0, secs - 1.5);
    }
    for (const c of findCutaways(a.text, names)) {
      if (cutSeen.has(c.name)) continue;
      cutSeen.add(c.name);
      drafts.push({ type: 'cutaway', size: c.size, lensMm: lens(c.size), angle: c.size === 'EWS' ? 'low' : 'eye', movement: 'static', subjects: [c.name], over: null, setup: setup(`cutaway:${c.name}`), description: `Cutaway: ${c.name}.`, lines: [], screenSeconds: 2, action: c.sentence });
      secs = Math.max(0, secs - 2);
    }
    master.screenSeconds += secs;
  }
  if (!speeches.length && !actions.length) master.screenSeconds = 2;

  const look = PRESET_INFO[style.preset];
  const palette = style.palette.swatches.slice(0, 4).map((s) => s.hex);
  const shots: ShotListShot[] = drafts.map((d, i) => {
    const { action, line, ...rest } = d;
    return {
      ...rest,
      number: `${scene.number}${setupLetter(i)}`,
      screenSeconds: Math.round(rest.screenSeconds * 10) / 10,
      prompt: storyboardPrompt({
        type: d.type,
        size: d.size,
        lensMm: d.lensMm,
        angle: d.angle,
        movement: d.movement,
        subjects: d.subjects,
        over: d.over,
        interior: scene.interior,
        location: scene.location,
        timeOfDay: scene.timeOfDay,
        action,
        line,
        mood: style.mood,
        look: look.label.toLowerCase(),
        lighting: style.lighting.notes[0],
        palette,
      }),
    };
  });
  const screenSeconds = Math.round(shots.reduce((n, s) => n + s.screenSeconds, 0) * 10) / 10;
  return {
    number: scene.number,
    heading: scene.heading ?? '',
    interior: scene.interior,
    location: scene.location,
    timeOfDay: scene.timeOfDay,
    characters: scene.characters,
    mood: style.mood,
    setups: setupOf.size,
    screenSeconds,
    shootingMinutes: setupOf.size * MINUTES_PER_SETUP,
    shots,
  };
}

export const SCRIPT_SHOTLIST_ASSUMPTIONS = [
  'Coverage per scene: a master; an establishing shot the first time the script goes to an exterior; an OTS pair and a pair of clean singles per dialogue exchange (a third speaker starts a new exchange); an insert per prop named in the action; a cutaway per thing the action points at.',
  'Screen time: lines at 160 words a minute with pauses at punctuation (the timing model of <Say>); action at the runtime model\'s all-action rate per printed line; inserts 1.5 s, cutaways 2 s, an opening beat of 1.5 s on the master.',
  'Cut: a speaker\'s first line of an exchange on their OTS, lines over 3.5 s on their single, as <CoverageSet> edits.',
  `Setups are camera-and-lighting positions: a speaker's OTS and single share one; the inserts of a scene share one. Shooting time assumes ${MINUTES_PER_SETUP} minutes per setup.`,
];

/** Plans the shot list of a script. */
export function shotListFromScript(script: Script, opts: { style?: FilmStyle; file?: string } = {}): ShotList {
  const style = opts.style ?? directStyle(script);
  const intros = characterIntros(script);
  const seen = new Set<string>();
  const scenes = script.scenes.map((s, i) => {
    const key = `${s.interior}:${s.location}`;
    const first = !seen.has(key);
    seen.add(key);
    return planScene(s, style.scenes[i], intros, first);
  });
  const setups = scenes.reduce((n, s) => n + s.setups, 0);
  return {
    title: script.title ?? (opts.file ? opts.file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '') : 'Untitled'),
    source: 'script',
    file: opts.file,
    assumptions: SCRIPT_SHOTLIST_ASSUMPTIONS,
    totals: {
      scenes: scenes.length,
      shots: scenes.reduce((n, s) => n + s.shots.length, 0),
      setups,
      screenSeconds: Math.round(scenes.reduce((n, s) => n + s.screenSeconds, 0) * 10) / 10,
      shootingHours: Math.round((setups * MINUTES_PER_SETUP) / 6) / 10,
    },
    scenes,
  };
}
