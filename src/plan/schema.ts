// FilmPlan: the resolved, immutable film that every backend plays (film.json in the output
// folder). Everything is explicit here — positions in metres, times in seconds, colours in linear
// RGB — so evaluateFrame is a pure lookup-and-interpolate function with no defaults to guess.
//
// Clocks: scene time (seconds from the scene's start) carries the performance; a shot is a camera
// setup plus a window [sceneIn, sceneOut) on scene time; edit frames are the cut list.

import { z } from 'zod';

export const PLAN_SCHEMA_VERSION = 1;

const V3 = z.tuple([z.number(), z.number(), z.number()]);
const V2 = z.tuple([z.number(), z.number()]);
const Rgb = z.tuple([z.number(), z.number(), z.number()]);
const Loc = z.object({ file: z.string().optional(), line: z.number().optional(), column: z.number().optional() }).optional();

export const EasingPlan = z.union([z.string(), z.object({ cubicBezier: z.tuple([z.number(), z.number(), z.number(), z.number()]) })]);

export const KeyPlan = z.object({ t: z.number(), value: z.unknown(), easing: EasingPlan.optional() });
export const TrackPlan = z.object({
  /** Id of the node animated (camera tracks use the shot id). */
  target: z.string(),
  property: z.string(),
  keys: z.array(KeyPlan),
  interpolation: z.enum(['linear', 'smooth', 'step']),
});
export type TrackPlan = z.infer<typeof TrackPlan>;

export const MovePlan = z.object({
  kind: z.enum(['dolly', 'truck', 'pan', 'tilt', 'orbit', 'crane', 'zoom', 'turntable']),
  /** Shot-time start and end, seconds. */
  t0: z.number(),
  t1: z.number(),
  easing: EasingPlan,
  distance: z.number().optional(),
  to: V3.optional(),
  degrees: z.number().optional(),
  elevation: z.number().optional(),
  rise: z.number().optional(),
  boom: z.number().optional(),
  focalLengthMm: z.number().optional(),
  /** Pan toward a subject id. */
  toSubject: z.string().optional(),
});
export type MovePlan = z.infer<typeof MovePlan>;

export const CameraPlan = z.object({
  position: V3,
  /** Fixed look-at point, used when no subject is tracked. */
  target: V3,
  /** Character/prop/mark id to keep aimed at (eye height for characters). */
  targetSubject: z.string().optional(),
  /** Offset from the subject's eyes to the aim point (framing headroom). */
  targetOffset: V3.optional(),
  focalLengthMm: z.number(),
  sensor: z.object({ name: z.string(), widthMm: z.number(), heightMm: z.number() }),
  fStop: z.number().optional(),
  focusDistance: z.number().optional(),
  focusSubject: z.string().optional(),
  roll: z.number(),
  rig: z.enum(['tripod', 'dolly', 'crane', 'handheld', 'steadicam', 'drone']),
  shake: z.number(),
  near: z.number(),
  far: z.number(),
  whiteBalanceK: z.number(),
  moves: z.array(MovePlan),
  tracks: z.array(TrackPlan),
  projection: z.enum(['perspective', 'orthographic', 'isometric', 'side-scroller']).optional(),
  /** Metres framed vertically by non-perspective projections. */
  orthoHeight: z.number().optional(),
});
export type CameraPlan = z.infer<typeof CameraPlan>;

export const TransitionPlan = z.object({
  kind: z.enum(['cut', 'dissolve', 'fade', 'fade-in', 'fade-out', 'wipe']),
  frames: z.number().int(),
  color: Rgb,
  direction: z.enum(['left', 'right', 'up', 'down']),
});
export type TransitionPlan = z.infer<typeof TransitionPlan>;

export const ShotPlan = z.object({
  id: z.string(),
  /** "<sceneId>/<shotId>": unique in the film; used by --only and the output folder. */
  key: z.string(),
  name: z.string(),
  size: z.string().optional(),
  type: z.string().optional(),
  subjects: z.array(z.string()),
  notes: z.string().optional(),
  /** Window on scene time, seconds. */
  sceneIn: z.number(),
  sceneOut: z.number(),
  /** Edit frames [startFrame, endFrame). */
  startFrame: z.number().int(),
  endFrame: z.number().int(),
  frames: z.number().int(),
  camera: CameraPlan,
  /** Transition from the previous shot into this one (cut when absent). */
  transitionIn: TransitionPlan.optional(),
  /** Fade out at this shot's end (film or scene end). */
  transitionOut: TransitionPlan.optional(),
  coverage: z.object({ id: z.string(), setup: z.string() }).optional(),
  lines: z.array(z.string()),
  source: Loc,
  /** Department data for this shot (e.g. ext.style: the look chain it renders through). */
  ext: z.record(z.string(), z.unknown()).optional(),
});
export type ShotPlan = z.infer<typeof ShotPlan>;

export const OpeningPlan = z.object({
  kind: z.enum(['door', 'window']),
  id: z.string(),
  /** Centre, metres along the wall from its `from` end. */
  at: z.number(),
  width: z.number(),
  height: z.number(),
  sill: z.number(),
  open: z.number(),
  hinge: z.enum(['left', 'right']),
  color: Rgb,
  glass: Rgb.optional(),
});
export const WallPlan = z.object({
  id: z.string(),
  from: V2,
  to: V2,
  height: z.number(),
  thickness: z.number(),
  color: Rgb,
  material: z.string(),
  openings: z.array(OpeningPlan),
});
export type WallPlan = z.infer<typeof WallPlan>;

export const SetPlan = z.object({
  id: z.string(),
  floor: z.object({ color: Rgb, material: z.string(), min: V2, max: V2 }).nullable(),
  ceiling: z.object({ height: z.number(), color: Rgb }).nullable(),
  walls: z.array(WallPlan),
});
export type SetPlan = z.infer<typeof SetPlan>;

export const PropPlan = z.object({
  id: z.string(),
  name: z.string(),
  shape: z.string().optional(),
  kind: z.string().optional(),
  /** Absolute path of a glTF/GLB model. */
  model: z.string().optional(),
  position: V3,
  rotation: V3,
  scale: V3,
  size: V3,
  color: Rgb,
  material: z.object({ roughness: z.number(), metalness: z.number(), emissive: Rgb, emissiveIntensity: z.number(), opacity: z.number() }),
  castShadow: z.boolean(),
  /** Seat height when characters sit on it. */
  seatHeight: z.number().optional(),
});
export type PropPlan = z.infer<typeof PropPlan>;

export const LightPlan = z.object({
  id: z.string(),
  kind: z.enum(['point', 'spot', 'area', 'directional', 'sun', 'hemisphere', 'environment']),
  role: z.string().optional(),
  position: V3,
  target: V3,
  targetSubject: z.string().optional(),
  /** Linear RGB, max channel 1 (temperature, colour and gels combined). */
  color: Rgb,
  intensity: z.number(),
  angle: z.number(),
  penumbra: z.number(),
  size: V2,
  castShadow: z.boolean(),
  groundColor: Rgb,
  rig: z.string().optional(),
  tracks: z.array(TrackPlan),
});
export type LightPlan = z.infer<typeof LightPlan>;

export const BackdropPlan = z.object({
  kind: z.enum(['solid', 'gradient', 'cyclorama', 'sky']),
  /** Linear RGB: [top/zenith, bottom/horizon]. */
  colors: z.tuple([Rgb, Rgb]),
  floorColor: Rgb.optional(),
  sunElevation: z.number().optional(),
});

export const BodyPlan = z.object({
  height: z.number(),
  build: z.string(),
  presentation: z.string(),
  age: z.number(),
  skin: Rgb,
  hair: Rgb,
  hairStyle: z.string(),
  eyes: Rgb,
  /** Bone lengths and widths in metres, derived from height and build. */
  dims: z.record(z.string(), z.number()),
});
export type BodyPlan = z.infer<typeof BodyPlan>;

export const CostumePiecePlan = z.object({ kind: z.string().optional(), color: Rgb, material: z.string().optional(), condition: z.string().optional() });
export const CostumePlan = z.record(z.string(), CostumePiecePlan);
export type CostumePlan = z.infer<typeof CostumePlan>;

export const InjuryPlan = z.object({ id: z.string(), kind: z.string(), region: z.string(), stage: z.string() });

/** How a character looks in a scene beyond body and costume: what wardrobe and makeup track. */
export const AppearancePlan = z.object({
  injuries: z.array(InjuryPlan),
  /** 0–1 grey in the hair. */
  greyHair: z.number(),
  /** 0–1 age lines on the face. */
  wrinkles: z.number(),
  /** 0–1 dirt and blood on skin and clothes. */
  dirt: z.number(),
  blood: z.number(),
  /** Costume id from the wardrobe, when one applies. */
  costumeId: z.string().optional(),
});
export type AppearancePlan = z.infer<typeof AppearancePlan>;

export const CharacterPlan = z.object({
  id: z.string(),
  name: z.string(),
  body: BodyPlan,
  costume: CostumePlan,
  appearance: AppearancePlan.optional(),
  voice: z.object({ variant: z.string().optional(), pitch: z.number().optional(), rate: z.number().optional(), gender: z.string().optional() }),
});
export type CharacterPlan = z.infer<typeof CharacterPlan>;

// Performance: per character, sorted segments on scene time.
export const RootSegment = z.object({
  t0: z.number(),
  t1: z.number(),
  /** Polyline walked (first point = start); a hold has one point. */
  path: z.array(V3),
  /** Cumulative lengths along `path`. */
  lengths: z.array(z.number()),
  /** Ease time at each end of a walk, seconds. */
  ramp: z.number(),
  pace: z.string().optional(),
  cueId: z.string().optional(),
});
export const YawKey = z.object({ t0: z.number(), t1: z.number(), from: z.number(), to: z.number() });
export const StepPlan = z.object({ foot: z.enum(['L', 'R']), land: z.number(), lift: z.number(), position: V3, yaw: z.number() });
export const PosturePlan = z.object({ t0: z.number(), t1: z.number(), to: z.enum(['sit', 'stand']), seat: V3, seatHeight: z.number(), yaw: z.number() });
export const GesturePlan = z.object({ t0: z.number(), t1: z.number(), kind: z.string(), hand: z.enum(['left', 'right']), toward: V3.optional() });
export const LookPlan = z.object({ t: z.number(), blend: z.number(), target: V3.nullable(), subject: z.string().optional() });
export const SpeechPlan = z.object({ t0: z.number(), t1: z.number(), lineId: z.string(), seed: z.number(), to: z.string().optional(), envelope: z.array(z.number()).optional(), envelopeRate: z.number().optional() });

export const PerformancePlan = z.object({
  character: z.string(),
  root: z.array(RootSegment),
  yaw: z.array(YawKey),
  initialYaw: z.number(),
  steps: z.array(StepPlan),
  posture: z.array(PosturePlan),
  gestures: z.array(GesturePlan),
  looks: z.array(LookPlan),
  speech: z.array(SpeechPlan),
});
export type PerformancePlan = z.infer<typeof PerformancePlan>;

export const LinePlan = z.object({
  id: z.string(),
  who: z.string(),
  text: z.string(),
  parenthetical: z.string().optional(),
  to: z.string().optional(),
  volume: z.string(),
  t0: z.number(),
  t1: z.number(),
  source: Loc,
});
export type LinePlan = z.infer<typeof LinePlan>;

export const CuePlan = z.object({ id: z.string(), type: z.string(), who: z.string(), t0: z.number(), t1: z.number() });

export const MarkPlan = z.object({ id: z.string(), position: V3, facing: z.number().optional() });

export const ScenePlan = z.object({
  id: z.string(),
  index: z.number().int(),
  number: z.string(),
  heading: z.string(),
  setting: z.enum(['INT', 'EXT', 'INT/EXT']),
  location: z.string(),
  timeOfDay: z.string(),
  storyDay: z.number().int().optional(),
  mood: z.string().optional(),
  /** Length of the performance (scene time), seconds. */
  duration: z.number(),
  startFrame: z.number().int(),
  endFrame: z.number().int(),
  sets: z.array(SetPlan),
  props: z.array(PropPlan),
  marks: z.array(MarkPlan),
  backdrop: BackdropPlan,
  lights: z.array(LightPlan),
  characters: z.array(z.string()),
  /** The cast as they look in this scene (a scene may restyle a character). */
  cast: z.record(z.string(), CharacterPlan),
  performances: z.record(z.string(), PerformancePlan),
  lines: z.array(LinePlan),
  cues: z.array(CuePlan),
  shots: z.array(ShotPlan),
  tracks: z.array(TrackPlan),
  source: Loc,
  /** Department data for this scene (ext.sound: cues; ext.location: sun; …). */
  ext: z.record(z.string(), z.unknown()).optional(),
});
export type ScenePlan = z.infer<typeof ScenePlan>;

export const CutPlan = z.object({ scene: z.number().int(), shot: z.number().int(), startFrame: z.number().int(), endFrame: z.number().int() });

export const FilmPlanSchema = z.object({
  schemaVersion: z.literal(PLAN_SCHEMA_VERSION),
  title: z.string(),
  author: z.string().optional(),
  fps: z.object({ num: z.number().int(), den: z.number().int() }),
  fpsValue: z.number(),
  resolution: z.tuple([z.number().int(), z.number().int()]),
  seed: z.number().int(),
  outputs: z.array(z.object({ name: z.string(), format: z.string(), resolution: z.tuple([z.number(), z.number()]).optional(), crf: z.number().optional(), style: z.record(z.string(), z.unknown()).optional() })),
  totalFrames: z.number().int(),
  duration: z.number(),
  cast: z.record(z.string(), CharacterPlan),
  scenes: z.array(ScenePlan),
  cut: z.array(CutPlan),
  file: z.string().optional(),
  /** Department data for the film (ext.continuity, ext.mix, …). */
  ext: z.record(z.string(), z.unknown()).optional(),
});
export type FilmPlan = z.infer<typeof FilmPlanSchema>;
