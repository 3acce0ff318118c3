// <Location> (where on Earth and when: drives the sun, sky and ambient) and <Room> (a set built
// from a spec: walls with doors and windows, floor, ceiling, dressed by style).

import { z } from 'zod';
import { Color, Degrees, Id, Metres } from '../values';
import { SURFACES } from './set';

export const LocationProps = z.strictObject({
  id: Id.optional(),
  /** A built-in or registered location name ("new-york", "diner"), or give coordinates. */
  name: z.string().optional(),
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
  /** "2026-06-21". */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are written YYYY-MM-DD').optional(),
  /** Local clock time "06:15", overriding the scene's time of day. */
  time: z.string().regex(/^\d{1,2}:\d{2}$/, 'times are written HH:MM').optional(),
  timeZone: z.string().optional(),
  utcOffset: z.number().min(-14).max(14).optional(),
  /** Which way the set faces: the compass heading of the set's −Z axis, degrees. */
  northHeading: Degrees.optional(),
  weather: z.enum(['clear', 'overcast', 'rain', 'fog']).optional(),
});

const Opening = z.strictObject({
  /** Which wall: north (−Z), south (+Z), east (+X), west (−X). */
  wall: z.enum(['north', 'south', 'east', 'west']),
  /** Centre position along that wall from its left end (seen from inside), metres, or "center". */
  at: z.union([Metres, z.literal('center')]).optional(),
  width: Metres.optional(),
  height: Metres.optional(),
  sill: Metres.optional(),
  style: z.string().optional(),
  id: Id.optional(),
  open: Degrees.optional(),
});

export const RoomProps = z.strictObject({
  id: Id.optional(),
  /** Interior size [width x, depth z] in metres. */
  size: z.tuple([z.number().positive(), z.number().positive()]),
  height: Metres.optional(),
  /** Centre of the floor. */
  position: z.tuple([z.number(), z.number()]).optional(),
  /** Walls left out so the camera can stand there (default: the south wall, the "fourth wall"). */
  open: z.array(z.enum(['north', 'south', 'east', 'west'])).optional(),
  doors: z.array(Opening).optional(),
  windows: z.array(Opening).optional(),
  /** Dressing style: "1970s-apartment", "warehouse", "diner", "office", "forest-clearing", "kitchen", "bedroom"… */
  style: z.string().optional(),
  floor: z.enum(SURFACES).optional(),
  wallColor: Color.optional(),
  /** Seed for the procedural dressing. */
  seed: z.number().int().optional(),
  /** Keep the room bare (walls only). */
  bare: z.boolean().optional(),
  children: z.unknown().optional(),
});
