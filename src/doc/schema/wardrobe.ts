// Wardrobe and character state: costumes assigned by scene, costume changes with reasons,
// injuries that progress, aging, hair. The wardrobe department resolves these per scene into the
// cast's look and checks continuity.

import { z } from 'zod';
import { Color, Id } from '../values';
import { CostumeFields, HAIR_STYLES } from './character';

export const CONDITIONS_W = ['pristine', 'worn', 'dirty', 'damaged', 'bloodied'] as const;
export const CHANGE_REASONS = ['story', 'time', 'damage', 'location', 'weather', 'disguise'] as const;

/** Scene selector: one id, a list, or a range "kitchen..rooftop" in film order. */
const Scenes = z.union([z.string(), z.array(z.string()).min(1)]);

export const WardrobeProps = z.strictObject({
  /** The character these costumes are for. */
  character: z.string().min(1),
  children: z.unknown().optional(),
});

/** A costume in a wardrobe: worn in the scenes it names (`scenes`), or from a CostumeChange on. */
export const WardrobeCostumeProps = z.strictObject({ ...CostumeFields, id: Id, scenes: Scenes.optional(), name: z.string().optional(), children: z.unknown().optional() });

export const CostumeChangeProps = z.strictObject({
  who: z.string().min(1),
  /** Costume id from the character's <Wardrobe>. */
  costume: z.string().min(1),
  reason: z.enum(CHANGE_REASONS).optional(),
  note: z.string().optional(),
});

export const INJURY_KINDS = ['cut', 'bruise', 'burn', 'black-eye', 'broken-nose', 'scrape'] as const;
export const INJURY_STAGES = ['fresh', 'bandaged', 'healing', 'scar', 'healed'] as const;
export const BODY_REGIONS = ['cheek-left', 'cheek-right', 'forehead', 'eye-left', 'eye-right', 'nose', 'lip', 'chin', 'neck', 'hand-left', 'hand-right', 'arm-left', 'arm-right'] as const;

export const InjuryProps = z.strictObject({
  id: Id.optional(),
  who: z.string().min(1),
  kind: z.enum(INJURY_KINDS),
  region: z.enum(BODY_REGIONS),
  /** Stage in this scene; later scenes progress fresh → bandaged → healing → scar unless told. */
  stage: z.enum(INJURY_STAGES).optional(),
  /** Story days per stage when progressing automatically. */
  daysPerStage: z.number().positive().optional(),
});

export const AgeProps = z.strictObject({
  who: z.string().min(1),
  /** Age in years in this scene (and after, until the next <Age>). */
  age: z.number().min(1).max(110),
});

export const HairProps = z.strictObject({
  who: z.string().min(1),
  style: z.enum(HAIR_STYLES).optional(),
  color: Color.optional(),
  /** 0–1 grey mixed into the hair colour. */
  grey: z.number().min(0).max(1).optional(),
});
