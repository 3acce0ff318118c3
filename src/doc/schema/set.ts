// <Set> with <Wall>, <Door>, <Window>, <Prop>, <Mark>: the art department's vocabulary.

import { z } from 'zod';
import { Color, Degrees, Finite, Id, Metres, Vec2, Vec3 } from '../values';

export const SURFACES = ['wood', 'tile', 'carpet', 'concrete', 'stone', 'grass', 'gravel', 'asphalt', 'linoleum', 'plaster', 'brick', 'metal'] as const;

export const SetProps = z.strictObject({
  id: Id.optional(),
  floor: z
    .union([
      z.boolean(),
      z.strictObject({ color: Color.optional(), material: z.enum(SURFACES).optional(), size: z.tuple([z.number().positive(), z.number().positive()]).optional() }),
    ])
    .optional(),
  ceiling: z.union([z.boolean(), z.strictObject({ height: Metres.optional(), color: Color.optional() })]).optional(),
  wallHeight: Metres.optional(),
  wallColor: Color.optional(),
  children: z.unknown().optional(),
});

export const WallProps = z.strictObject({
  id: Id.optional(),
  /** Floor-plan endpoints [x, z] in metres. */
  from: Vec2,
  to: Vec2,
  height: Metres.optional(),
  thickness: Metres.optional(),
  color: Color.optional(),
  material: z.enum(SURFACES).optional(),
  children: z.unknown().optional(),
});

export const DoorProps = z.strictObject({
  id: Id.optional(),
  /** Distance along the wall from its `from` end to the door's centre, metres. */
  at: Metres,
  width: Metres.optional(),
  height: Metres.optional(),
  /** How far the door is open, degrees (0 closed). */
  open: Degrees.optional(),
  hinge: z.enum(['left', 'right']).optional(),
  color: Color.optional(),
});

export const WindowProps = z.strictObject({
  id: Id.optional(),
  at: Metres,
  width: Metres.optional(),
  height: Metres.optional(),
  /** Height of the sill above the floor. */
  sill: Metres.optional(),
  color: Color.optional(),
  /** What is seen through it at night/day is the backdrop; this tints the glass. */
  glass: Color.optional(),
});

export const PRIMITIVES = ['box', 'sphere', 'cylinder', 'cone', 'plane', 'torus', 'capsule'] as const;

export const MaterialProps = z.strictObject({
  roughness: z.number().min(0).max(1).optional(),
  metalness: z.number().min(0).max(1).optional(),
  emissive: Color.optional(),
  emissiveIntensity: z.number().min(0).optional(),
  opacity: z.number().min(0).max(1).optional(),
});

export const PropProps = z.strictObject({
  id: Id.optional(),
  name: z.string().optional(),
  /** A primitive shape. */
  shape: z.enum(PRIMITIVES).optional(),
  /** A procedural prop from the library (table, chair, sofa, lamp, …). */
  kind: z.string().optional(),
  /** A glTF/GLB model file, relative to the film file. */
  model: z.string().optional(),
  position: Vec3.default([0, 0, 0]),
  /** Yaw in degrees, or [x, y, z] Euler degrees. */
  rotation: z.union([Degrees, z.tuple([Finite, Finite, Finite])]).optional(),
  scale: z.union([z.number().positive(), Vec3]).optional(),
  /** Box/plane size [w, h, d] metres; sphere/cylinder use [diameter, height, diameter]. */
  size: Vec3.optional(),
  color: Color.optional(),
  material: MaterialProps.optional(),
  castShadow: z.boolean().optional(),
  children: z.unknown().optional(),
});

export const MarkProps = z.strictObject({
  id: Id,
  position: Vec3,
  facing: Degrees.optional(),
});
