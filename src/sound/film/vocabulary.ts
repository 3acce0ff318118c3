// What the picture says about the sound: floor materials → footstep surfaces, shoes → soles,
// costume → fabric, seats → chair sounds, locations → ambience, headings → time of day, scene
// moods → music moods. Plain tables, so a production can read why kino chose what it chose.

import type { AmbienceType, TimeOfDay } from '../ambience/bed';
import type { Mood } from '../music/moods';
import type { Surface } from '../foley/footsteps';

/** Floor materials the art department knows (src/doc/schema/set.ts) → the footstep surface that sounds like them. */
export const FLOOR_SURFACE: Record<string, Surface> = {
  wood: 'wood',
  tile: 'tile',
  carpet: 'carpet',
  concrete: 'concrete',
  stone: 'tile',
  grass: 'grass',
  gravel: 'gravel',
  asphalt: 'concrete',
  linoleum: 'tile',
  plaster: 'concrete',
  brick: 'concrete',
  metal: 'metal',
};

export function surfaceOfFloor(material: string | undefined, setting: string): Surface {
  if (material && FLOOR_SURFACE[material]) return FLOOR_SURFACE[material];
  return setting === 'EXT' ? 'concrete' : 'wood';
}

/** The shoes a costume has (kinds from src/doc/schema/character.ts) → sole; no shoes: barefoot. */
export function shoeSole(shoes: { kind?: string } | undefined): 'hard' | 'soft' | 'barefoot' {
  if (!shoes) return 'barefoot';
  return shoes.kind === 'sneakers' || shoes.kind === 'sandals' ? 'soft' : 'hard';
}

/** Walk paces (src/doc/schema/character.ts) → footstep pace and a level trim. */
export function paceOf(pace: string | undefined): { pace: 'sneak' | 'walk' | 'run'; gainDb: number } {
  switch (pace) {
    case 'stroll':
      return { pace: 'walk', gainDb: -3 };
    case 'brisk':
      return { pace: 'walk', gainDb: 1.5 };
    case 'run':
      return { pace: 'run', gainDb: 0 };
    case 'sneak':
      return { pace: 'sneak', gainDb: 0 };
    default:
      return { pace: 'walk', gainDb: 0 };
  }
}

/** Body weight relative to an average adult, from height and build. */
export function bodyWeight(height: number, build: string): number {
  const b = build === 'slim' ? 0.85 : build === 'athletic' ? 1.05 : build === 'heavy' ? 1.35 : 1;
  return Math.min(2, Math.max(0.3, b * Math.pow(height / 1.75, 2)));
}

/** What a character's clothes rustle like: the outer layer decides. */
export function fabricOf(costume: Record<string, { kind?: string; material?: string } | undefined>): 'cotton' | 'wool' | 'nylon' | 'leather' {
  const outer = costume.jacket ?? costume.top ?? costume.dress;
  const kind = `${outer?.material ?? ''} ${outer?.kind ?? ''}`.toLowerCase();
  if (/leather/.test(kind)) return 'leather';
  if (/parka|nylon|windbreaker|rain/.test(kind)) return 'nylon';
  if (/sweater|cardigan|wool|coat|trench|blazer|suit/.test(kind)) return 'wool';
  return 'cotton';
}

/** Seat props (src/plan/props.ts) → the chair sound. */
export function chairOf(propKind: string | undefined): 'wood' | 'upholstered' | 'metal' | 'sofa' {
  switch (propKind) {
    case 'armchair':
    case 'office-chair':
    case 'booth':
    case 'bed':
      return 'upholstered';
    case 'sofa':
      return 'sofa';
    case 'stool':
      return 'metal';
    default:
      return 'wood';
  }
}

/** How big a gesture is, as cloth movement (0 … 1); undefined: no cloth sound (head-only gestures). */
export const GESTURE_CLOTH: Record<string, number | undefined> = {
  wave: 0.6,
  point: 0.4,
  shrug: 0.5,
  nod: undefined,
  'shake-head': undefined,
  'hands-on-hips': 0.45,
  'cross-arms': 0.6,
  reach: 0.45,
  beckon: 0.3,
  clap: 0.5,
  facepalm: 0.5,
  think: 0.3,
};

// Location words → ambience, checked in order (the first match wins); the setting decides the rest.
const AMBIENCE_WORDS: Array<[RegExp, AmbienceType]> = [
  [/\b(rain|storm|downpour|drizzle)\b/i, 'rain'],
  [/\b(diner|cafe|café|coffee ?shop|restaurant|bar|pub|canteen|cafeteria|bistro|tavern|club)\b/i, 'diner'],
  [/\b(office|bank|precinct|police station|newsroom|lobby|reception|agency|studio|classroom|library)\b/i, 'office'],
  [/\b(warehouse|factory|garage|hangar|basement|workshop|mill|depot|plant|dock|shipyard|boiler)\b/i, 'warehouse'],
  [/\b(forest|woods|park|field|meadow|garden|beach|lake|river|mountain|farm|countryside|meadow|jungle|desert|yard|backyard|campsite|cliff|trail)\b/i, 'nature'],
  [/\b(street|city|rooftop|roof|alley|downtown|avenue|road|highway|parking|plaza|square|market|sidewalk|station|crosswalk|bridge|corner)\b/i, 'city'],
];

/** Ambience for a scene from its setting, location and heading. */
export function ambienceFor(setting: string, location: string, heading: string): AmbienceType {
  const text = `${location} ${heading}`;
  for (const [re, type] of AMBIENCE_WORDS) if (re.test(text)) return type;
  return setting === 'EXT' ? 'city' : 'room-tone';
}

/** Scene time of day (src/doc/schema/film.ts) → the four the ambience beds know. */
export function ambienceTimeOfDay(tod: string | undefined, previous: TimeOfDay = 'day'): TimeOfDay {
  switch (tod) {
    case 'dawn':
      return 'dawn';
    case 'morning':
    case 'day':
    case 'noon':
    case 'afternoon':
      return 'day';
    case 'magic-hour':
    case 'dusk':
    case 'evening':
      return 'dusk';
    case 'night':
      return 'night';
    case 'continuous':
      return previous;
    default:
      return 'day';
  }
}

/** Scene moods as writers name them → the music moods the score knows. */
export const MOOD_SYNONYMS: Record<string, Mood> = {
  neutral: 'neutral',
  calm: 'neutral',
  quiet: 'neutral',
  warm: 'warm',
  tender: 'warm',
  romantic: 'warm',
  hopeful: 'warm',
  sad: 'sad',
  melancholy: 'sad',
  melancholic: 'sad',
  grief: 'sad',
  somber: 'sad',
  sombre: 'sad',
  tense: 'tense',
  suspense: 'tense',
  suspenseful: 'tense',
  anxious: 'tense',
  dread: 'tense',
  playful: 'playful',
  happy: 'playful',
  comic: 'playful',
  funny: 'playful',
  light: 'playful',
  whimsical: 'playful',
  noir: 'noir',
  dark: 'noir',
  brooding: 'noir',
  action: 'action',
  chase: 'action',
  urgent: 'action',
  fight: 'action',
  mysterious: 'mysterious',
  mystery: 'mysterious',
  eerie: 'mysterious',
  uncanny: 'mysterious',
  triumphant: 'triumphant',
  epic: 'triumphant',
  victorious: 'triumphant',
  heroic: 'triumphant',
};

export function moodOf(sceneMood: string | undefined): Mood | undefined {
  return sceneMood ? MOOD_SYNONYMS[sceneMood.trim().toLowerCase()] : undefined;
}

/** A line's volume → gain and voice changes. */
export function lineDelivery(volume: string | undefined): { gainDb: number; whisper: boolean; pitchDelta: number; rateScale: number } {
  switch (volume) {
    case 'whisper':
      return { gainDb: -8, whisper: true, pitchDelta: 0, rateScale: 0.95 };
    case 'quiet':
      return { gainDb: -4, whisper: false, pitchDelta: -2, rateScale: 0.97 };
    case 'loud':
      return { gainDb: 3, whisper: false, pitchDelta: 4, rateScale: 1.03 };
    case 'shout':
      return { gainDb: 6, whisper: false, pitchDelta: 10, rateScale: 1.08 };
    default:
      return { gainDb: 0, whisper: false, pitchDelta: 0, rateScale: 1 };
  }
}
