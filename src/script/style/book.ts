// Look book data, from a script's style direction or from a film's plan. Pure: frames come in as
// a map from scene (number or id) to an image the caller rendered or found.

import { linearToSrgb, rgbToHex } from '../../util/color';
import { eraIn, MOODS, type Era, type Mood } from '../analysis/mood';
import type { FilmPlan, LightPlan, ScenePlan } from '../../plan/schema';
import type { FilmStyle } from './director';
import type { LookBookFrame, LookBookInput, LookBookScene } from './lookbook';
import { paletteFor } from './palette';
import { isStylePreset, PRESET_INFO } from './presets';

/** Look book input from the style director's reading of a script. `frames` by scene number. */
export function lookBookFromStyle(style: FilmStyle, title: string, frames: Map<string, LookBookFrame>, generator?: string): LookBookInput {
  return {
    title,
    subtitle: `Look book — ${style.scenes.length} scene${style.scenes.length === 1 ? '' : 's'}`,
    film: { preset: style.preset, presetLabel: PRESET_INFO[style.preset].label, reason: style.reason, genre: style.genre, era: style.era, mood: style.mood, swatches: style.palette.swatches, look: PRESET_INFO[style.preset].look },
    scenes: style.scenes.map(
      (s): LookBookScene => ({
        number: s.number,
        heading: s.heading,
        mood: s.mood,
        moodEvidence: s.moodEvidence,
        era: s.era,
        timeOfDay: s.timeOfDay,
        preset: s.preset,
        presetLabel: PRESET_INFO[s.preset].label,
        reason: s.reason,
        swatches: s.palette.swatches,
        paletteNotes: s.palette.notes,
        lighting: s.lighting.notes,
        frame: frames.get(s.number),
      }),
    ),
    generator,
  };
}

/** The score's mood words (a <Scene mood>) read back as the director's moods. */
const FROM_SCORE: Record<string, Mood> = { noir: 'dark', sad: 'melancholy', playful: 'joyful', action: 'energetic', triumphant: 'hopeful' };

function moodOf(s: ScenePlan): Mood {
  const m = (s.mood ?? '').toLowerCase();
  if ((MOODS as readonly string[]).includes(m)) return m as Mood;
  return FROM_SCORE[m] ?? 'neutral';
}

function hexOf(c: [number, number, number]): string {
  return rgbToHex([linearToSrgb(c[0]), linearToSrgb(c[1]), linearToSrgb(c[2])]);
}

/** Lighting notes read from a scene's planned lights: rigs by name, then each other source. */
export function lightingNotes(scene: ScenePlan): string[] {
  const notes: string[] = [];
  const rigs = new Map<string, LightPlan[]>();
  const loose: LightPlan[] = [];
  for (const l of scene.lights) {
    if (l.rig) rigs.set(l.rig, [...(rigs.get(l.rig) ?? []), l]);
    else loose.push(l);
  }
  for (const [rig, ls] of rigs) {
    const key = ls.find((l) => l.role === 'key');
    const fill = ls.find((l) => l.role === 'fill');
    const ratio = key && fill && fill.intensity > 0 ? ` about ${Math.round((key.intensity / fill.intensity) * 2) / 2}:1 key-to-fill,` : '';
    notes.push(`${rig} rig${key?.targetSubject ? ` on ${scene.cast[key.targetSubject]?.name ?? key.targetSubject}` : ''}:${ratio} ${ls.map((l) => `${l.role ?? l.kind} (${l.kind}, ${hexOf(l.color)})`).join(', ')}.`);
  }
  for (const l of loose) notes.push(`${l.id}: ${l.kind}${l.role ? ` ${l.role}` : ''}, intensity ${Math.round(l.intensity * 100) / 100}, colour ${hexOf(l.color)}.`);
  const b = scene.backdrop;
  notes.push(b.kind === 'sky' ? `Sky backdrop ${hexOf(b.colors[0])} → ${hexOf(b.colors[1])}.` : `${b.kind[0].toUpperCase()}${b.kind.slice(1)} backdrop ${hexOf(b.colors[0])}.`);
  return notes;
}

/** The look of a scene as the plan records it: the first named look its shots render through. */
export function sceneLook(scene: ScenePlan): string | undefined {
  for (const s of scene.shots) {
    const looks = (s.ext?.style as { looks?: unknown } | undefined)?.looks;
    if (Array.isArray(looks) && typeof looks[0] === 'string') return looks[0];
  }
  return undefined;
}

/** Look book input from a film plan (no script): moods, looks and lights as the film has them. `frames` by scene id. */
export function lookBookFromPlan(plan: FilmPlan, frames: Map<string, LookBookFrame>, generator?: string): LookBookInput {
  const eras = plan.scenes.map((s) => eraIn(s.heading));
  const count = new Map<Era, number>();
  for (const e of eras) if (e) count.set(e, (count.get(e) ?? 0) + 1);
  const filmEra: Era = [...count.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'contemporary';
  const scenes = plan.scenes.map((s, i): LookBookScene => {
    const mood = moodOf(s);
    const era = eras[i] ?? filmEra;
    const look = sceneLook(s);
    const preset = look && isStylePreset(look) ? look : undefined;
    const palette = paletteFor(mood, era, { preset, seed: `${s.number}:${s.heading}` });
    return {
      number: s.number,
      heading: s.heading,
      mood,
      era,
      timeOfDay: s.timeOfDay,
      preset: look ?? 'ungraded',
      presetLabel: preset ? PRESET_INFO[preset].label : look ?? 'No named look',
      reason: preset ? PRESET_INFO[preset].look : look ? 'as the film names it' : 'the film wraps this scene in no <Style>',
      swatches: palette.swatches,
      paletteNotes: palette.notes,
      lighting: lightingNotes(s),
      frame: frames.get(s.id),
    };
  });
  const looks = new Map<string, number>();
  for (const s of scenes) looks.set(s.preset, (looks.get(s.preset) ?? 0) + 1);
  const filmLook = [...looks.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'ungraded';
  const moods = new Map<Mood, number>();
  for (const s of scenes) moods.set(s.mood as Mood, (moods.get(s.mood as Mood) ?? 0) + 1);
  const filmMood = [...moods.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'neutral';
  const preset = isStylePreset(filmLook) ? filmLook : undefined;
  return {
    title: plan.title,
    subtitle: `Look book — ${scenes.length} scene${scenes.length === 1 ? '' : 's'}`,
    film: {
      preset: filmLook,
      presetLabel: preset ? PRESET_INFO[preset].label : filmLook,
      reason: `${looks.get(filmLook) ?? 0} of ${scenes.length} scenes`,
      genre: 'from the film',
      era: filmEra,
      mood: filmMood,
      swatches: paletteFor(filmMood, filmEra, { preset, seed: plan.title }).swatches,
      look: preset ? PRESET_INFO[preset].look : undefined,
    },
    scenes,
    generator,
  };
}
