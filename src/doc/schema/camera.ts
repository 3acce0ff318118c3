// <Camera> and the camera moves: how a shot sees the scene.

import { z } from 'zod';
import { Duration, EasingSchema, Finite, Id, Metres, Millimetres, Degrees, Vec3 } from '../values';

export const SENSORS: Record<string, { widthMm: number; heightMm: number }> = {
  S35: { widthMm: 24.89, heightMm: 18.66 },
  FF: { widthMm: 36, heightMm: 24 },
  'APS-C': { widthMm: 23.6, heightMm: 15.6 },
  M43: { widthMm: 17.3, heightMm: 13 },
  S16: { widthMm: 12.52, heightMm: 7.41 },
  IMAX: { widthMm: 70.41, heightMm: 52.63 },
};

export const Sensor = z.union([
  z.string().transform((v, ctx) => {
    const s = SENSORS[v] ?? SENSORS[v.toUpperCase()];
    if (!s) {
      ctx.addIssue({ code: 'custom', message: `unknown sensor "${v}"; use ${Object.keys(SENSORS).join(', ')} or { widthMm, heightMm }` });
      return z.NEVER;
    }
    return { name: v.toUpperCase(), ...s };
  }),
  z.strictObject({ widthMm: z.number().positive(), heightMm: z.number().positive() }).transform((s) => ({ name: 'custom', ...s })),
]);

export const CAMERA_RIGS = ['tripod', 'dolly', 'crane', 'handheld', 'steadicam', 'drone'] as const;

/** A point in the world, or the id of a character/prop/mark to aim at. */
export const Aim = z.union([Vec3, z.string().min(1)]);

export const CameraProps = z.strictObject({
  id: Id.optional(),
  position: Vec3.optional(),
  /** Look-at: a point or a character/prop id (aims at a character's eyes). */
  target: Aim.optional(),
  focalLengthMm: Millimetres.optional(),
  sensor: Sensor.optional(),
  /** Aperture; setting it turns on depth of field in profiles that support it. */
  fStop: z.number().min(0.7).max(64).optional(),
  /** Focus distance in metres, or a subject id to pull focus to. */
  focus: z.union([Metres, z.string()]).optional(),
  roll: Degrees.optional(),
  rig: z.enum(CAMERA_RIGS).optional(),
  /** Handheld/steadicam shake amount, 0–1. */
  shake: z.number().min(0).max(1).optional(),
  near: z.number().positive().optional(),
  far: z.number().positive().optional(),
  /**
   * perspective (a lens); orthographic; isometric (true 2:1 pixel isometric: 30° down, 45°
   * around); side-scroller (orthographic, straight on). Non-perspective views frame
   * `orthoHeight` metres vertically.
   */
  projection: z.enum(['perspective', 'orthographic', 'isometric', 'side-scroller']).optional(),
  orthoHeight: z.number().positive().optional(),
  children: z.unknown().optional(),
});
export type CameraInput = z.input<typeof CameraProps>;

const moveTiming = {
  /** Start, in shot time ("1s"). Default 0. */
  at: Duration.optional(),
  /** Default: until the end of the shot. */
  duration: Duration.optional(),
  easing: EasingSchema.optional(),
};

export const DollyProps = z.strictObject({ ...moveTiming, distance: Metres.optional(), to: Vec3.optional() });
export const TruckProps = z.strictObject({ ...moveTiming, distance: Metres.optional(), to: Vec3.optional() });
export const PanProps = z.strictObject({ ...moveTiming, degrees: Degrees.optional(), to: Aim.optional() });
export const TiltProps = z.strictObject({ ...moveTiming, degrees: Degrees });
export const OrbitProps = z.strictObject({ ...moveTiming, degrees: Degrees, elevation: Degrees.optional() });
export const CraneProps = z.strictObject({ ...moveTiming, rise: Metres, boom: Metres.optional() });
export const ZoomProps = z.strictObject({ ...moveTiming, to: Millimetres });
export const TurntableProps = z.strictObject({ ...moveTiming, degrees: Degrees.optional() });

export const MOVE_TYPES = ['dolly', 'truck', 'pan', 'tilt', 'orbit', 'crane', 'zoom', 'turntable'] as const;
export type MoveType = (typeof MOVE_TYPES)[number];

export const KeyframesProps = z.strictObject({
  /** Animated property: position, target, focalLengthMm, roll, fStop, focus, intensity, color, temperatureK, rotation, scale … */
  property: z.string().min(1),
  /** Node id to animate; default: the parent element. */
  target: z.string().optional(),
  keys: z
    .array(
      z.union([
        z.strictObject({ at: Duration, value: z.unknown(), easing: EasingSchema.optional() }),
        z.tuple([z.union([Finite, z.string()]), z.unknown()]).transform(([at, value]) => ({ at: Duration.parse(at), value, easing: undefined })),
      ]),
    )
    .min(1, 'keyframes need at least one key'),
  interpolation: z.enum(['linear', 'smooth', 'step']).default('linear'),
});
