// Wardrobe and character state: costumes assigned by scene, costume changes with reasons,
// injuries that progress, aging, hair. The character department (src/character) resolves these
// per scene into the cast's look and checks continuity.
//
// A costume inside <Wardrobe> is an ordinary <Costume> (its props are CostumeProps in
// character.ts: the pieces, `condition`, `name`, `scenes`); this file holds the rest.

import { z } from 'zod';
import { Color } from '../values';
import { HAIR_STYLES } from './character';

export const CONDITIONS_W = ['pristine', 'worn', 'dirty', 'damaged', 'bloodied'] as const;
/** Why a costume changes: continuity accepts a change that gives one of these. */
export const CHANGE_REASONS = ['story', 'time', 'damage', 'location', 'weather', 'disguise'] as const;

export const WardrobeProps = z.strictObject({
  /** The character these costumes are for. */
  character: z.string().min(1),
  children: z.unknown().optional(),
});

export const CostumeChangeProps = z.strictObject({
  who: z.string().min(1),
  /** Costume id from the character's <Wardrobe>. */
  costume: z.string().min(1),
  /** Why the costume changes here; a change without one is a continuity error on the same story day. */
  reason: z.enum(CHANGE_REASONS).optional(),
  note: z.string().optional(),
});

export const INJURY_KINDS = ['cut', 'bruise', 'burn', 'black-eye', 'broken-nose', 'scrape'] as const;
export const INJURY_STAGES = ['fresh', 'bandaged', 'healing', 'scar', 'healed'] as const;
export const BODY_REGIONS = ['cheek-left', 'cheek-right', 'forehead', 'eye-left', 'eye-right', 'nose', 'lip', 'chin', 'neck', 'hand-left', 'hand-right', 'arm-left', 'arm-right'] as const;

export const InjuryProps = z.strictObject({
  /** Names the injury so a later <Injury id=…> can restate its stage. Default: kind + region. */
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.\-]*$/).optional(),
  who: z.string().min(1),
  kind: z.enum(INJURY_KINDS),
  region: z.enum(BODY_REGIONS),
  /** Stage in this scene; later scenes progress fresh → bandaged → healing → scar by story day unless told. */
  stage: z.enum(INJURY_STAGES).optional(),
  /** Story days per stage when progressing automatically (default 2). */
  daysPerStage: z.number().positive().optional(),
  note: z.string().optional(),
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
