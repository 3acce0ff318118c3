// <Light>, <LightRig>, <Backdrop>: the lighting department's vocabulary.

import { z } from 'zod';
import { Color, Degrees, Id, Kelvin, Vec3 } from '../values';
import { Aim } from './camera';
import { GEL_NAMES } from '../../util/color';

export const LIGHT_KINDS = ['point', 'spot', 'area', 'directional', 'sun', 'hemisphere', 'environment'] as const;
export const LIGHT_ROLES = ['key', 'fill', 'back', 'rim', 'kicker', 'practical', 'ambient', 'background'] as const;

export const Gel = z.string().transform((v, ctx) => {
  const k = v.trim().toLowerCase();
  if (!(GEL_NAMES as readonly string[]).includes(k)) {
    ctx.addIssue({ code: 'custom', message: `unknown gel "${v}"; known gels: ${GEL_NAMES.join(', ')}` });
    return z.NEVER;
  }
  return k;
});

const lightFields = {
  id: Id.optional(),
  position: Vec3.optional(),
  target: Aim.optional(),
  /** Relative brightness; 1 is a normal key at 2–3 m. */
  intensity: z.number().min(0).optional(),
  color: Color.optional(),
  temperatureK: Kelvin.optional(),
  gel: z.union([Gel, z.array(Gel)]).optional(),
  /** Spot cone half-angle in degrees. */
  angle: Degrees.optional(),
  /** Spot edge softness 0–1. */
  penumbra: z.number().min(0).max(1).optional(),
  /** Area light size [width, height] in metres (softbox). */
  size: z.tuple([z.number().positive(), z.number().positive()]).optional(),
  castShadow: z.boolean().optional(),
  groundColor: Color.optional(),
  role: z.enum(LIGHT_ROLES).optional(),
};

export const LightProps = z.strictObject({ kind: z.enum(LIGHT_KINDS).default('point'), ...lightFields, children: z.unknown().optional() });
export const LightOverride = z.strictObject({ kind: z.enum(LIGHT_KINDS).optional(), ...lightFields, enabled: z.boolean().optional() });

export const LIGHT_RIG_PRESETS = ['three-point', 'rembrandt', 'butterfly', 'split', 'loop', 'noir', 'high-key', 'low-key'] as const;

export const LightRigProps = z.strictObject({
  id: Id.optional(),
  preset: z.enum(LIGHT_RIG_PRESETS),
  /** Who the rig lights: a character id or a point. Default: the scene's first character. */
  subject: Aim.optional(),
  /** Side of the key relative to the subject's facing. */
  keySide: z.enum(['left', 'right']).optional(),
  intensity: z.number().min(0).default(1),
  temperatureK: Kelvin.optional(),
  color: Color.optional(),
  key: LightOverride.optional(),
  fill: LightOverride.optional(),
  back: LightOverride.optional(),
  rim: LightOverride.optional(),
  kicker: LightOverride.optional(),
  background: LightOverride.optional(),
});

export const BACKDROP_KINDS = ['solid', 'gradient', 'cyclorama', 'sky'] as const;
export const BackdropProps = z.strictObject({
  kind: z.enum(BACKDROP_KINDS).default('solid'),
  color: Color.optional(),
  /** Gradient/sky: [top/zenith, bottom/horizon]. */
  colors: z.tuple([Color, Color]).optional(),
  floorColor: Color.optional(),
  /** Sky: sun elevation in degrees above the horizon (sets sky colour). */
  sunElevation: Degrees.optional(),
});
