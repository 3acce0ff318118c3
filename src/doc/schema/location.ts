// <Location> (where on Earth and when: drives the sun, sky and ambient) and <Room> (a set built
// from a spec: walls with doors and windows, floor, ceiling, dressed by style). The art
// department (src/art) resolves both.

import { z } from 'zod';
import { Color, Degrees, Id, Metres } from '../values';
import { SURFACES } from './set';

export const WEATHERS = ['clear', 'overcast', 'rain', 'fog'] as const;

export const LocationProps = z.strictObject({
  id: Id.optional(),
  /**
   * A built-in or registered location ("london", "Joe's Diner"), or a new one: at film level a
   * <Location name latitude longitude …> registers it, so scene headings naming it
   * (`INT. JOE'S DINER - NIGHT`) find it.
   */
  name: z.string().optional(),
  /** Other names headings use for it ("DINER", "JOE'S"). */
  aliases: z.array(z.string().min(1)).optional(),
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
  /** "2026-06-21": the story date of the first story day (later story days follow it). */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are written YYYY-MM-DD').optional(),
  /** Local clock time "06:15", overriding the scene's time of day. */
  time: z.string().regex(/^\d{1,2}:\d{2}$/, 'times are written HH:MM').optional(),
  timeZone: z.string().optional(),
  utcOffset: z.number().min(-14).max(14).optional(),
  /** Which way the set faces: the compass heading of the set's −Z axis, degrees. */
  northHeading: Degrees.optional(),
  weather: z.enum(WEATHERS).optional(),
  /** Set dressing style for rooms here ("diner", "warehouse", "1970s-apartment"…). */
  setStyle: z.string().optional(),
  /** Night is moonlit (default) or starlit. */
  moonlight: z.boolean().optional(),
});

export const WALLS = ['north', 'south', 'east', 'west'] as const;

const Opening = z.strictObject({
  /** Which wall: north (−Z), south (+Z), east (+X), west (−X). */
  wall: z.enum(WALLS),
  /** Centre position along that wall from its left end (seen from inside), metres, or "center". */
  at: z.union([Metres, z.literal('center')]).optional(),
  width: Metres.optional(),
  height: Metres.optional(),
  sill: Metres.optional(),
  /** Doors: "single", "double", "glass", "barn", "roller". Windows: "standard", "picture", "tall", "high", "storefront". */
  style: z.string().optional(),
  id: Id.optional(),
  /** Doors: how far open, degrees (0 closed). */
  open: Degrees.optional(),
  /** Doors: the hinge side, seen from inside. */
  hinge: z.enum(['left', 'right']).optional(),
  color: Color.optional(),
  glass: Color.optional(),
});

export const RoomProps = z.strictObject({
  id: Id.optional(),
  /** Interior size [width x, depth z] in metres. */
  size: z.tuple([z.number().positive(), z.number().positive()]),
  height: Metres.optional(),
  /** Centre of the floor [x, z]. */
  position: z.tuple([z.number(), z.number()]).optional(),
  /** Walls left out so the camera can stand there (default: the south wall, the "fourth wall"). */
  open: z.array(z.enum(WALLS)).optional(),
  doors: z.array(Opening).optional(),
  windows: z.array(Opening).optional(),
  /** Dressing style: "1970s-apartment", "warehouse", "diner", "office", "forest-clearing", "kitchen", "bedroom"… */
  style: z.string().optional(),
  floor: z.enum(SURFACES).optional(),
  floorColor: Color.optional(),
  wallColor: Color.optional(),
  /** Whether the room has a ceiling (default: yes indoors). */
  ceiling: z.boolean().optional(),
  /** Seed for the procedural dressing (default: the film's seed and the room id). */
  seed: z.number().int().optional(),
  /** 0–1: how full the dressing is (default 1: everything the style lists). */
  density: z.number().min(0).max(1).optional(),
  /** Keep the room bare (walls only). */
  bare: z.boolean().optional(),
  children: z.unknown().optional(),
});
