// Templates: a shot, camera or light set up once and reused with overrides, the way a DP sets a
// standard close-up lens and height for a whole scene. Two forms:
//   const CloseUp = template(Shot, { size: 'CU', camera: { focalLengthMm: 85 } });  <CloseUp subject="ana" />
//   <Defaults shot={{ camera: { rig: 'handheld' } }}> …shots… </Defaults>
// Overrides merge deeply (a template's camera settings survive a shot that sets only `position`).

import { createContext, createElement, useContext, type ComponentType, type ReactNode } from 'react';
import { markBuiltin } from './host';

export interface DefaultsValue {
  shot?: Record<string, unknown>;
  camera?: Record<string, unknown>;
  light?: Record<string, unknown>;
  character?: Record<string, unknown>;
}

export const DefaultsContext = createContext<DefaultsValue>({});

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}

/** Deep merge of plain objects; arrays and values in `over` replace those in `base`. */
export function mergeProps<T extends Record<string, unknown>>(base: Record<string, unknown> | undefined, over: T): T {
  if (!base) return over;
  const out: Record<string, unknown> = { ...base };
  for (const k of Object.keys(over)) {
    const v = over[k];
    if (v === undefined) continue;
    out[k] = isPlainObject(v) && isPlainObject(out[k]) && k !== 'children' ? mergeProps(out[k] as Record<string, unknown>, v) : v;
  }
  return out as T;
}

export function Defaults(props: DefaultsValue & { children?: ReactNode }): ReactNode {
  const outer = useContext(DefaultsContext);
  const value: DefaultsValue = {
    shot: props.shot ? mergeProps(outer.shot, props.shot) : outer.shot,
    camera: props.camera ? mergeProps(outer.camera, props.camera) : outer.camera,
    light: props.light ? mergeProps(outer.light, props.light) : outer.light,
    character: props.character ? mergeProps(outer.character, props.character) : outer.character,
  };
  return createElement(DefaultsContext.Provider, { value }, props.children);
}
markBuiltin(Defaults, 'Defaults');

/** A component that renders `Base` with `defaults` merged under the props it is given. */
export function template<P extends object>(Base: ComponentType<P>, defaults: Partial<P>, name?: string): ComponentType<Partial<P>> {
  const T = (props: Partial<P>) => createElement(Base, mergeProps(defaults as Record<string, unknown>, props as Record<string, unknown>) as P);
  return markBuiltin(T, name ?? `Template(${(Base as { displayName?: string }).displayName ?? Base.name ?? 'Component'})`);
}
