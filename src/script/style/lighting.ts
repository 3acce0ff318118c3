// Lighting design per scene: the rig, the motivated sources (sun, moon, window, practicals), colour
// temperatures and the backdrop, from the heading's INT/EXT and time of day, the scene's mood and
// its look. One design feeds both the look book's lighting notes and `kino make`'s generated
// <LightRig>/<Light> elements, so what the notes say is what the film does.
//
// Conventions of the generated sets: the floor is centred on the origin, the back wall is at −Z,
// the open "fourth wall" (where cameras stand) at +Z, and the door on the +X wall.

import { LIGHT_RIG_PRESETS, TIMES_OF_DAY, type TimeOfDay } from '../../doc/schema';
import type { Mood } from '../analysis/mood';
import { PRESET_INFO, type StylePreset } from './presets';

export type RigPreset = (typeof LIGHT_RIG_PRESETS)[number];
type V3 = [number, number, number];

export interface DesignedLight {
  id: string;
  kind: 'sun' | 'directional' | 'spot' | 'point' | 'hemisphere' | 'environment';
  role: 'key' | 'fill' | 'back' | 'practical' | 'ambient' | 'background';
  position?: V3;
  target?: V3;
  intensity: number;
  temperatureK?: number;
  color?: string;
  groundColor?: string;
  gel?: string;
}

export interface LightingDesign {
  timeOfDay: TimeOfDay;
  exterior: boolean;
  rig: RigPreset;
  keySide: 'left' | 'right';
  keyTemperatureK: number;
  rigIntensity: number;
  /** Fill level relative to the rig's own (1 = the preset's). */
  fillScale: number;
  lights: DesignedLight[];
  backdrop: { kind: 'solid'; color: string } | { kind: 'sky'; colors: [string, string] };
  /** Practical lamps the set should have switched on. */
  practicals: boolean;
  notes: string[];
}

const TOD_WORDS: Array<[RegExp, TimeOfDay]> = [
  [/PRE-?DAWN|DAWN|SUNRISE|FIRST LIGHT/, 'dawn'],
  [/MAGIC HOUR|GOLDEN HOUR/, 'magic-hour'],
  [/DUSK|SUNSET|TWILIGHT/, 'dusk'],
  [/MIDNIGHT|NIGHT/, 'night'],
  [/EVENING/, 'evening'],
  [/MORNING/, 'morning'],
  [/NOON|MIDDAY/, 'noon'],
  [/AFTERNOON/, 'afternoon'],
  [/DAY|DAYTIME/, 'day'],
  [/CONTINUOUS|LATER|SAME|MOMENTS?/, 'continuous'],
];

/** Script time of day ("NIGHT (1973)", "LATER") → the film vocabulary; `previous` resolves CONTINUOUS. */
export function timeOfDayOf(text: string | null, previous?: TimeOfDay): TimeOfDay {
  const t = (text ?? '').toUpperCase();
  for (const [re, tod] of TOD_WORDS) {
    if (re.test(t)) return tod === 'continuous' ? previous ?? 'day' : tod;
  }
  return previous ?? 'day';
}

export { TIMES_OF_DAY };

const DARK_MOODS: Mood[] = ['dark', 'tense', 'mysterious', 'eerie', 'violent', 'gritty'];
const SOFT_MOODS: Mood[] = ['joyful', 'whimsical', 'calm', 'hopeful', 'warm', 'romantic'];

function rigFor(mood: Mood, preset: StylePreset | undefined, night: boolean): { rig: RigPreset; why: string } {
  const contrast = preset ? PRESET_INFO[preset].contrast : 'normal';
  if (preset === 'noir') return { rig: 'noir', why: 'noir look: one hard source, deep shadow' };
  if (mood === 'eerie' || mood === 'mysterious') return { rig: 'split', why: `${mood} scene: half the face in shadow` };
  if (DARK_MOODS.includes(mood) || contrast === 'high') return { rig: night ? 'low-key' : 'rembrandt', why: `${mood === 'neutral' ? (preset ?? 'high-contrast') + ' look' : mood + ' scene'}: low key, high ratio` };
  if (mood === 'romantic') return { rig: 'butterfly', why: 'romantic scene: soft frontal glamour light' };
  if (SOFT_MOODS.includes(mood) || contrast === 'low') return { rig: night ? 'loop' : 'high-key', why: `${mood === 'neutral' ? (preset ?? 'soft') + ' look' : mood + ' scene'}: soft, low ratio` };
  if (mood === 'melancholy' || mood === 'nostalgic') return { rig: 'loop', why: `${mood} scene: soft loop light` };
  return { rig: 'three-point', why: 'classic three-point' };
}

const SKY: Record<TimeOfDay, [string, string]> = {
  dawn: ['#3a5a8c', '#f0a46a'],
  morning: ['#5f8fc8', '#cfe0ee'],
  day: ['#4a78b8', '#bcd3e6'],
  noon: ['#3f74c0', '#c4dcf0'],
  afternoon: ['#5a86bf', '#d8dfe0'],
  'magic-hour': ['#4b5f96', '#f5b06e'],
  dusk: ['#2c3560', '#e0855a'],
  evening: ['#1a2346', '#5a5a80'],
  night: ['#05070d', '#1a2235'],
  continuous: ['#4a78b8', '#bcd3e6'],
  unspecified: ['#4a78b8', '#bcd3e6'],
};

/** Designs the lighting of one scene. `seedSide` alternates the key side between scenes. */
export function designLighting(input: { interior: 'int' | 'ext' | 'int/ext' | null; timeOfDay: TimeOfDay; mood: Mood; preset?: StylePreset; keySide?: 'left' | 'right' }): LightingDesign {
  const tod = input.timeOfDay;
  const exterior = input.interior === 'ext';
  const night = tod === 'night' || tod === 'evening';
  const low = tod === 'dawn' || tod === 'dusk' || tod === 'magic-hour';
  const lean = input.preset ? PRESET_INFO[input.preset].temperatureLeanK : 0;
  const { rig, why } = rigFor(input.mood, input.preset, night);
  const keySide = input.keySide ?? 'left';
  const lights: DesignedLight[] = [];
  const notes: string[] = [];
  let keyK: number;
  let practicals = false;
  let backdrop: LightingDesign['backdrop'];
  if (exterior) {
    if (night) {
      keyK = 4100 + lean;
      lights.push({ id: 'moon', kind: 'directional', role: 'back', position: [-8, 14, -18], target: [0, 0, 0], intensity: 0.45, temperatureK: 7500, gel: 'moonlight-blue' });
      lights.push({ id: 'night-sky', kind: 'hemisphere', role: 'ambient', intensity: 0.14, color: '#6f86b8', groundColor: '#1a1a22' });
      practicals = true;
      notes.push('Exterior night: cool moonlight from behind as a rim, warm practicals (street lamps) motivate the key.');
    } else {
      keyK = (low ? 3400 : tod === 'noon' ? 5800 : 5600) + lean;
      const sunPos: V3 = low ? [-30, 6, -36] : tod === 'morning' ? [-24, 18, 14] : tod === 'afternoon' ? [26, 16, 12] : [-14, 30, 16];
      lights.push({ id: 'sun', kind: 'sun', role: 'key', position: sunPos, target: [0, 0, 0], intensity: low ? 1.25 : 1.5, temperatureK: keyK });
      lights.push({ id: 'skylight', kind: 'hemisphere', role: 'ambient', intensity: low ? 0.35 : 0.45, color: low ? '#c9b6d8' : '#b8cde8', groundColor: '#6b5a4a' });
      notes.push(low ? `Exterior ${tod}: low sun behind the actors (${keyK} K) for backlight and long shadows; faces filled by the sky.` : `Exterior ${tod}: sun ${tod === 'noon' ? 'overhead' : 'high to one side'} (${keyK} K), sky fill; bounce or negative fill to taste.`);
    }
    backdrop = { kind: 'sky', colors: SKY[tod] };
  } else {
    if (night) {
      keyK = 3200 + lean;
      practicals = true;
      lights.push({ id: 'moonlight', kind: 'directional', role: 'background', position: [-2, 4, -6], target: [0, 0.8, 0], intensity: 0.3, temperatureK: 7500, gel: 'moonlight-blue' });
      lights.push({ id: 'room-tone', kind: 'environment', role: 'ambient', intensity: 0.1, color: '#8fa3c8' });
      notes.push(`Interior night: tungsten key (${keyK} K) motivated by the practical lamps; cool moonlight through the window behind.`);
      backdrop = { kind: 'solid', color: '#0b1020' };
    } else {
      keyK = (low ? 3600 : 4800) + lean;
      lights.push({ id: 'window-light', kind: 'directional', role: 'key', position: [2, 3.5, -6], target: [0, 1, 0], intensity: low ? 0.6 : 0.75, temperatureK: low ? 3400 : 6000 });
      lights.push({ id: 'room-tone', kind: 'environment', role: 'ambient', intensity: 0.22, color: '#c9d3dc' });
      notes.push(`Interior ${tod}: daylight through the window as the motivation (${low ? 3400 : 6000} K), key balanced to ${keyK} K, soft room tone.`);
      backdrop = { kind: 'solid', color: low ? '#d8a070' : '#a9c4d6' };
    }
  }
  const fillScale = rig === 'low-key' || rig === 'noir' || rig === 'split' ? 1 : rig === 'high-key' ? 1.1 : 1;
  const ratio: Record<RigPreset, string> = { 'three-point': '3:1', rembrandt: '6:1', loop: '3:1', butterfly: '2:1', split: '8:1', noir: '16:1', 'high-key': '1.5:1', 'low-key': '8:1' };
  notes.unshift(`${rig} rig, key from camera ${keySide === 'left' ? 'right' : 'left'} (the subject's ${keySide}), about ${ratio[rig]} key-to-fill — ${why}.`);
  if (input.preset) notes.push(`Graded ${input.preset}: ${PRESET_INFO[input.preset].look}`);
  return { timeOfDay: tod, exterior, rig, keySide, keyTemperatureK: keyK, rigIntensity: night && !exterior ? 1 : exterior && !night ? 0.55 : 0.9, fillScale, lights, backdrop, practicals, notes };
}
