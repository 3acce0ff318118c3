// The style director: a look for the film and for each scene (given with --style, or suggested
// from the script's words), a palette per scene from its mood and era, and the lighting design.
// Deterministic and explained: every choice carries the reason a report prints.

import type { TimeOfDay } from '../../doc/schema';
import { nameWords, sceneMood, scriptEras, scriptGenre, type Era, type Genre, type Mood } from '../analysis/mood';
import type { Scene, Script } from '../model';
import { designLighting, timeOfDayOf, type LightingDesign } from './lighting';
import { paletteFor, type Palette } from './palette';
import { STYLE_PRESETS, suggestPreset, type StylePreset } from './presets';

export interface SceneStyle {
  number: string;
  heading: string;
  mood: Mood;
  moodEvidence: string[];
  era: Era;
  timeOfDay: TimeOfDay;
  preset: StylePreset;
  reason: string;
  palette: Palette;
  lighting: LightingDesign;
}

export interface FilmStyle {
  /** The film's look: the --style given, or the look most scenes suggest. */
  preset: StylePreset;
  reason: string;
  /** True when every scene wears the film's look (then one <Style> wraps the film). */
  uniform: boolean;
  genre: Genre;
  era: Era;
  mood: Mood;
  palette: Palette;
  scenes: SceneStyle[];
}

export interface StyleOptions {
  /** Force one look for every scene. */
  style?: StylePreset;
}

/** The style of one scene: its mood, look, palette and lighting. */
export function styleScene(s: Scene, ctx: { genre: Genre; era: Era; names: ReadonlySet<string>; previousTimeOfDay?: TimeOfDay; style?: StylePreset; index: number }): SceneStyle {
  const m = sceneMood(s, ctx.names);
  const choice = ctx.style ? { preset: ctx.style, reason: 'chosen with --style' } : suggestPreset(m.mood, ctx.era, ctx.genre, m.evidence);
  const tod = timeOfDayOf(s.timeOfDay, ctx.previousTimeOfDay);
  return {
    number: s.number,
    heading: s.heading ?? '',
    mood: m.mood,
    moodEvidence: m.evidence,
    era: ctx.era,
    timeOfDay: tod,
    preset: choice.preset,
    reason: choice.reason,
    palette: paletteFor(m.mood, ctx.era, { preset: choice.preset, seed: `${s.number}:${s.heading ?? ''}` }),
    // The key side alternates scene to scene so consecutive scenes do not look stamped out.
    lighting: designLighting({ interior: s.interior, timeOfDay: tod, mood: m.mood, preset: choice.preset, keySide: ctx.index % 2 === 0 ? 'left' : 'right' }),
  };
}

export function directStyle(script: Script, opts: StyleOptions = {}): FilmStyle {
  const { genre } = scriptGenre(script);
  const eras = scriptEras(script);
  const scenes: SceneStyle[] = [];
  let prevTod: TimeOfDay | undefined;
  const moodCount = new Map<Mood, number>();
  // Every speaking name of the script, not only the scene's: names are never mood words.
  const names = nameWords(script.characters.map((c) => c.name));
  script.scenes.forEach((s, i) => {
    const st = styleScene(s, { genre, era: eras.scenes[s.number] ?? eras.film, names, previousTimeOfDay: prevTod, style: opts.style, index: i });
    moodCount.set(st.mood, (moodCount.get(st.mood) ?? 0) + 1);
    prevTod = st.timeOfDay;
    scenes.push(st);
  });
  const counts = new Map<StylePreset, number>();
  for (const s of scenes) counts.set(s.preset, (counts.get(s.preset) ?? 0) + 1);
  let preset: StylePreset = opts.style ?? 'cinematic-teal-orange';
  if (!opts.style) {
    let best = 0;
    for (const p of STYLE_PRESETS) {
      const c = counts.get(p) ?? 0;
      if (c > best) {
        best = c;
        preset = p;
      }
    }
  }
  let mood: Mood = 'neutral';
  let top = 0;
  for (const [m, c] of moodCount) if (c > top || (c === top && m !== 'neutral' && mood === 'neutral')) {
    mood = m;
    top = c;
  }
  const uniform = scenes.every((s) => s.preset === preset);
  const reason = opts.style ? 'chosen with --style' : scenes.length ? `${counts.get(preset) ?? 0} of ${scenes.length} scenes suggest it (${genre}, ${eras.film})` : 'default look';
  return { preset, reason, uniform, genre, era: eras.film, mood, palette: paletteFor(mood, eras.film, { preset, seed: script.title ?? 'film' }), scenes };
}
