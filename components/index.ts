// kino's film vocabulary. Every component's props type is its zod schema's input type
// (src/doc/schema), so the editor autocompletes exactly what validation accepts.

import { createElement, useContext, type ReactNode } from 'react';
import { hostComponent, markBuiltin, type ComponentProps } from './host';
import { DefaultsContext, mergeProps } from './templates';

export { Defaults, template, mergeProps, type DefaultsValue } from './templates';
export type { ComponentProps } from './host';

// Structure
export const Film = hostComponent('film', 'Film');
export const Scene = hostComponent('scene', 'Scene');
export const Transition = hostComponent('transition', 'Transition');

export type ShotProps = ComponentProps<'shot'>;
export function Shot(props: ShotProps): ReactNode {
  const d = useContext(DefaultsContext);
  let merged = mergeProps(d.shot, props as Record<string, unknown>);
  if (d.camera) merged = { ...merged, camera: mergeProps(d.camera, (merged.camera as Record<string, unknown>) ?? {}) };
  return createElement('shot', merged);
}
markBuiltin(Shot, 'Shot');

// Camera
export type CameraProps = ComponentProps<'camera'>;
export function Camera(props: CameraProps): ReactNode {
  const d = useContext(DefaultsContext);
  return createElement('camera', mergeProps(d.camera, props as Record<string, unknown>));
}
markBuiltin(Camera, 'Camera');
export const Dolly = hostComponent('dolly', 'Dolly');
export const Truck = hostComponent('truck', 'Truck');
export const Pan = hostComponent('pan', 'Pan');
export const Tilt = hostComponent('tilt', 'Tilt');
export const Orbit = hostComponent('orbit', 'Orbit');
export const Crane = hostComponent('crane', 'Crane');
export const Zoom = hostComponent('zoom', 'Zoom');
export const Turntable = hostComponent('turntable', 'Turntable');
export const Keyframes = hostComponent('keyframes', 'Keyframes');

// Lighting
export type LightProps = ComponentProps<'light'>;
export function Light(props: LightProps): ReactNode {
  const d = useContext(DefaultsContext);
  return createElement('light', mergeProps(d.light, props as Record<string, unknown>));
}
markBuiltin(Light, 'Light');
export const LightRig = hostComponent('lightrig', 'LightRig');
export const Backdrop = hostComponent('backdrop', 'Backdrop');

// Art department
export const Set = hostComponent('set', 'Set');
export const Wall = hostComponent('wall', 'Wall');
export const Door = hostComponent('door', 'Door');
export const Window = hostComponent('window', 'Window');
export const Prop = hostComponent('prop', 'Prop');
export const Mark = hostComponent('mark', 'Mark');

// Cast and performance
export type CharacterProps = ComponentProps<'character'>;
export function Character(props: CharacterProps): ReactNode {
  const d = useContext(DefaultsContext);
  return createElement('character', mergeProps(d.character, props as Record<string, unknown>));
}
markBuiltin(Character, 'Character');
export const Costume = hostComponent('costume', 'Costume');
export const Place = hostComponent('place', 'Place');
export const Walk = hostComponent('walk', 'Walk');
export const Turn = hostComponent('turn', 'Turn');
export const LookAt = hostComponent('lookat', 'LookAt');
export const Sit = hostComponent('sit', 'Sit');
export const Stand = hostComponent('stand', 'Stand');
export const Gesture = hostComponent('gesture', 'Gesture');
export const Say = hostComponent('say', 'Say');

// Coverage
export const CoverageSet = hostComponent('coverage', 'CoverageSet');

// Looks (wrapping components)
export const Style = hostComponent('style', 'Style');
export const Grade = hostComponent('grade', 'Grade');
export const Retro = hostComponent('retro', 'Retro');
export const CRT = hostComponent('crt', 'CRT');

// Sound
export const Music = hostComponent('music', 'Music');
export const Ambience = hostComponent('ambience', 'Ambience');
export const Foley = hostComponent('foley', 'Foley');

// Wardrobe and character state
export const Wardrobe = hostComponent('wardrobe', 'Wardrobe');
export const CostumeChange = hostComponent('costumechange', 'CostumeChange');
export const Injury = hostComponent('injury', 'Injury');
export const Age = hostComponent('age', 'Age');
export const Hair = hostComponent('hair', 'Hair');

// Locations and set building
export const Location = hostComponent('location', 'Location');
export const Room = hostComponent('room', 'Room');
