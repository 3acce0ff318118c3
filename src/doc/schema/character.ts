// <Character>, <Costume> and blocking (<Place>, <Walk>, <Turn>, <LookAt>, <Sit>, <Stand>,
// <Gesture>, <Say>): the performance.

import { z } from 'zod';
import { AnchorSchema, Color, Degrees, Duration, Id, Metres, Vec3 } from '../values';

export const BUILDS = ['slim', 'average', 'athletic', 'heavy'] as const;
export const PRESENTATIONS = ['masc', 'fem', 'neutral'] as const;
export const HAIR_STYLES = ['short', 'buzz', 'bald', 'long', 'bob', 'ponytail', 'bun', 'curly', 'afro', 'side-part', 'mohawk'] as const;
export const CONDITIONS = ['pristine', 'worn', 'dirty', 'damaged', 'bloodied'] as const;

const piece = <K extends readonly [string, ...string[]]>(kinds: K) =>
  z.union([
    Color.transform((color) => ({ kind: undefined as K[number] | undefined, color, material: undefined as string | undefined, condition: undefined as (typeof CONDITIONS)[number] | undefined })),
    z.strictObject({ kind: z.enum(kinds).optional(), color: Color, material: z.string().optional(), condition: z.enum(CONDITIONS).optional() }),
  ]);

export const TOP_KINDS = ['shirt', 't-shirt', 'sweater', 'blouse', 'tank', 'hoodie', 'polo'] as const;
export const JACKET_KINDS = ['blazer', 'leather', 'denim', 'coat', 'trench', 'parka', 'suit', 'vest', 'cardigan'] as const;
export const BOTTOM_KINDS = ['trousers', 'jeans', 'skirt', 'shorts', 'slacks'] as const;
export const HAT_KINDS = ['fedora', 'cap', 'beanie', 'cowboy', 'bowler'] as const;

export const CostumeFields = {
  id: Id.optional(),
  top: piece(TOP_KINDS).optional(),
  jacket: piece(JACKET_KINDS).optional(),
  bottom: piece(BOTTOM_KINDS).optional(),
  dress: piece(['dress', 'gown', 'sundress'] as const).optional(),
  shoes: piece(['shoes', 'boots', 'sneakers', 'heels', 'sandals'] as const).optional(),
  hat: piece(HAT_KINDS).optional(),
  glasses: piece(['glasses', 'sunglasses'] as const).optional(),
  tie: piece(['tie', 'bowtie'] as const).optional(),
  scarf: piece(['scarf'] as const).optional(),
  condition: z.enum(CONDITIONS).optional(),
};
export const CostumeProps = z.strictObject({
  ...CostumeFields,
  /** In a <Wardrobe>: a name for the costume bible, and the scenes it is worn in (ids, or "a..b"). */
  name: z.string().optional(),
  scenes: z.union([z.string(), z.array(z.string()).min(1)]).optional(),
  children: z.unknown().optional(),
});

export const VoiceProps = z.strictObject({
  variant: z.string().optional(),
  /** 0–99, espeak scale; 50 is neutral. */
  pitch: z.number().min(0).max(99).optional(),
  /** Words per minute. */
  rate: z.number().min(80).max(450).optional(),
  gender: z.enum(['male', 'female']).optional(),
});

export const CharacterProps = z.strictObject({
  id: Id,
  name: z.string().optional(),
  height: Metres.optional(),
  build: z.enum(BUILDS).optional(),
  presentation: z.enum(PRESENTATIONS).optional(),
  age: z.number().min(1).max(110).optional(),
  skin: Color.optional(),
  hair: Color.optional(),
  hairStyle: z.enum(HAIR_STYLES).optional(),
  eyes: Color.optional(),
  costume: z.strictObject(CostumeFields).optional(),
  voice: VoiceProps.optional(),
  children: z.unknown().optional(),
});

const cue = {
  id: Id.optional(),
  who: z.string().min(1, 'say who: the character id'),
  /** When this cue starts: "2s" or "after:lineId+0.5s". Default: after the previous cue. */
  at: AnchorSchema.optional(),
};

/** Where a character stands: a point, or a mark id. */
const Spot = z.union([Vec3, z.string().min(1)]);

export const PlaceProps = z.strictObject({ ...cue, position: Spot, facing: z.union([Degrees, z.string()]).optional() });
export const PACES = ['stroll', 'walk', 'brisk', 'run'] as const;
export const WalkProps = z.strictObject({
  ...cue,
  to: Spot.optional(),
  /** Waypoints [x, y, z] (or mark ids) walked in order. */
  path: z.array(Spot).min(1).optional(),
  pace: z.enum(PACES).optional(),
  /** Metres per second; overrides pace. */
  speed: z.number().positive().max(10).optional(),
  duration: Duration.optional(),
  /** Stop this far short of `to` (useful when walking up to a person). */
  stopShort: Metres.optional(),
});
export const TurnProps = z.strictObject({ ...cue, to: Degrees.optional(), toward: Spot.optional(), duration: Duration.optional() });
export const LookAtProps = z.strictObject({
  ...cue,
  /** A character, prop, mark id, a point, "camera", or null to look ahead again. */
  target: z.union([Spot, z.null()]),
  duration: Duration.optional(),
});
export const SitProps = z.strictObject({ ...cue, on: Spot.optional(), height: Metres.optional(), duration: Duration.optional() });
export const StandProps = z.strictObject({ ...cue, duration: Duration.optional() });
export const GESTURES = ['wave', 'point', 'shrug', 'nod', 'shake-head', 'hands-on-hips', 'cross-arms', 'reach', 'beckon', 'clap', 'facepalm', 'think'] as const;
export const GestureProps = z.strictObject({
  ...cue,
  kind: z.enum(GESTURES),
  hand: z.enum(['left', 'right']).optional(),
  duration: Duration.optional(),
  /** For point/reach: what the gesture is aimed at. */
  toward: Spot.optional(),
});

const text = z.union([z.string(), z.number(), z.array(z.union([z.string(), z.number(), z.boolean(), z.null(), z.undefined()]))]);
export const SayProps = z.strictObject({
  ...cue,
  /** The line, as children: <Say who="ana">Where were you?</Say>. */
  children: text.optional(),
  text: z.string().optional(),
  parenthetical: z.string().optional(),
  /** Who the line is addressed to (eye-line and coverage). */
  to: z.string().optional(),
  duration: Duration.optional(),
  volume: z.enum(['whisper', 'quiet', 'normal', 'loud', 'shout']).optional(),
});

export function sayText(props: { children?: unknown; text?: string }): string {
  if (props.text !== undefined) return props.text;
  const c = props.children;
  if (Array.isArray(c)) return c.filter((x) => x !== null && x !== undefined && typeof x !== 'boolean').join('');
  return c === undefined || c === null ? '' : String(c);
}
