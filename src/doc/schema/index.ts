// The registry of host element types: each FilmDoc node type, its prop schema, the component
// name users write, and where it may appear. Validation and error messages read this table.

import type { z } from 'zod';
import { FilmProps, SceneProps, ShotProps, TransitionProps } from './film';
import { CameraProps, CraneProps, DollyProps, KeyframesProps, OrbitProps, PanProps, TiltProps, TruckProps, TurntableProps, ZoomProps } from './camera';
import { BackdropProps, LightProps, LightRigProps } from './light';
import { DoorProps, MarkProps, PropProps, SetProps, WallProps, WindowProps } from './set';
import { CharacterProps, CostumeProps, GestureProps, LookAtProps, PlaceProps, SayProps, SitProps, StandProps, TurnProps, WalkProps } from './character';
import { CoverageProps } from './coverage';
import { CrtProps, GradeProps, RetroProps, StyleProps } from './style';
import { AmbienceProps, FoleyProps, MusicProps } from './sound';
import { AgeProps, CostumeChangeProps, HairProps, InjuryProps, WardrobeProps } from './wardrobe';
import { LocationProps, RoomProps } from './location';

export * from './film';
export * from './camera';
export * from './light';
export * from './set';
export * from './character';
export * from './coverage';
export * from './style';
export * from './sound';
export * from './wardrobe';
export * from './location';

export interface NodeSpec {
  /** Component name as users write it, for messages. */
  component: string;
  schema: z.ZodType;
  /** Host types this node may be a child of. */
  parents: readonly string[];
}

const BLOCKING_PARENTS = ['scene'] as const;
/** Wrappers may hold scenes (at film level) or anything a scene holds; they nest. */
const WRAPPER_PARENTS = ['film', 'scene', 'style', 'grade', 'retro', 'crt'] as const;
const MOVE_PARENTS = ['shot', 'camera'] as const;

export const NODE_SPECS = {
  film: { component: 'Film', schema: FilmProps, parents: [] },
  scene: { component: 'Scene', schema: SceneProps, parents: ['film'] },
  shot: { component: 'Shot', schema: ShotProps, parents: ['scene'] },
  transition: { component: 'Transition', schema: TransitionProps, parents: ['scene', 'film'] },
  coverage: { component: 'CoverageSet', schema: CoverageProps, parents: ['scene'] },
  camera: { component: 'Camera', schema: CameraProps, parents: ['shot'] },
  dolly: { component: 'Dolly', schema: DollyProps, parents: MOVE_PARENTS },
  truck: { component: 'Truck', schema: TruckProps, parents: MOVE_PARENTS },
  pan: { component: 'Pan', schema: PanProps, parents: MOVE_PARENTS },
  tilt: { component: 'Tilt', schema: TiltProps, parents: MOVE_PARENTS },
  orbit: { component: 'Orbit', schema: OrbitProps, parents: MOVE_PARENTS },
  crane: { component: 'Crane', schema: CraneProps, parents: MOVE_PARENTS },
  zoom: { component: 'Zoom', schema: ZoomProps, parents: MOVE_PARENTS },
  turntable: { component: 'Turntable', schema: TurntableProps, parents: MOVE_PARENTS },
  keyframes: { component: 'Keyframes', schema: KeyframesProps, parents: ['shot', 'camera', 'light', 'prop', 'scene'] },
  light: { component: 'Light', schema: LightProps, parents: ['scene', 'set'] },
  lightrig: { component: 'LightRig', schema: LightRigProps, parents: ['scene'] },
  backdrop: { component: 'Backdrop', schema: BackdropProps, parents: ['scene'] },
  set: { component: 'Set', schema: SetProps, parents: ['scene', 'film'] },
  wall: { component: 'Wall', schema: WallProps, parents: ['set'] },
  door: { component: 'Door', schema: DoorProps, parents: ['wall'] },
  window: { component: 'Window', schema: WindowProps, parents: ['wall'] },
  prop: { component: 'Prop', schema: PropProps, parents: ['set', 'scene'] },
  mark: { component: 'Mark', schema: MarkProps, parents: ['set', 'scene'] },
  character: { component: 'Character', schema: CharacterProps, parents: ['film', 'scene'] },
  costume: { component: 'Costume', schema: CostumeProps, parents: ['character', 'wardrobe'] },
  place: { component: 'Place', schema: PlaceProps, parents: BLOCKING_PARENTS },
  walk: { component: 'Walk', schema: WalkProps, parents: BLOCKING_PARENTS },
  turn: { component: 'Turn', schema: TurnProps, parents: BLOCKING_PARENTS },
  lookat: { component: 'LookAt', schema: LookAtProps, parents: BLOCKING_PARENTS },
  sit: { component: 'Sit', schema: SitProps, parents: BLOCKING_PARENTS },
  stand: { component: 'Stand', schema: StandProps, parents: BLOCKING_PARENTS },
  gesture: { component: 'Gesture', schema: GestureProps, parents: BLOCKING_PARENTS },
  say: { component: 'Say', schema: SayProps, parents: BLOCKING_PARENTS },
  style: { component: 'Style', schema: StyleProps, parents: WRAPPER_PARENTS },
  grade: { component: 'Grade', schema: GradeProps, parents: WRAPPER_PARENTS },
  retro: { component: 'Retro', schema: RetroProps, parents: WRAPPER_PARENTS },
  crt: { component: 'CRT', schema: CrtProps, parents: WRAPPER_PARENTS },
  music: { component: 'Music', schema: MusicProps, parents: ['scene'] },
  ambience: { component: 'Ambience', schema: AmbienceProps, parents: ['scene'] },
  foley: { component: 'Foley', schema: FoleyProps, parents: ['scene'] },
  wardrobe: { component: 'Wardrobe', schema: WardrobeProps, parents: ['film'] },
  costumechange: { component: 'CostumeChange', schema: CostumeChangeProps, parents: ['scene'] },
  injury: { component: 'Injury', schema: InjuryProps, parents: ['scene'] },
  age: { component: 'Age', schema: AgeProps, parents: ['scene'] },
  hair: { component: 'Hair', schema: HairProps, parents: ['scene'] },
  location: { component: 'Location', schema: LocationProps, parents: ['scene', 'film'] },
  room: { component: 'Room', schema: RoomProps, parents: ['scene', 'set'] },
} as const satisfies Record<string, NodeSpec>;

/** Wrapping components: they change how what they wrap looks, not where it sits. */
export const WRAPPERS = new Set<string>(['style', 'grade', 'retro', 'crt']);

export type HostType = keyof typeof NODE_SPECS;
export const HOST_TYPES = Object.keys(NODE_SPECS) as HostType[];
export const BLOCKING_TYPES = ['place', 'walk', 'turn', 'lookat', 'sit', 'stand', 'gesture', 'say'] as const;
export type BlockingType = (typeof BLOCKING_TYPES)[number];
export const MOVE_TYPES_SET = new Set(['dolly', 'truck', 'pan', 'tilt', 'orbit', 'crane', 'zoom', 'turntable']);

export type PropsOf<T extends HostType> = z.output<(typeof NODE_SPECS)[T]['schema']>;
export type InputPropsOf<T extends HostType> = z.input<(typeof NODE_SPECS)[T]['schema']>;
