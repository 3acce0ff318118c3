// Built-in components are thin wrappers that emit a host element of the same name. They are
// marked BUILTIN so error reports skip past them to the element the user wrote.

import { createElement, type ReactNode } from 'react';
import { BUILTIN } from '../reconciler/nodes';
import type { HostType, InputPropsOf } from '../src/doc/schema';

export type WithChildren<P> = Omit<P, 'children'> & { children?: ReactNode };
export type ComponentProps<T extends HostType> = WithChildren<InputPropsOf<T>>;

export interface BuiltinComponent<P> {
  (props: P): ReactNode;
  displayName: string;
}

export function markBuiltin<F extends object>(fn: F, name: string): F {
  Object.defineProperty(fn, 'displayName', { value: name });
  Object.defineProperty(fn, BUILTIN, { value: true });
  return fn;
}

export function hostComponent<T extends HostType>(type: T, name: string): BuiltinComponent<ComponentProps<T>> {
  const C = (props: ComponentProps<T>) => createElement(type, props as Record<string, unknown>);
  return markBuiltin(C, name) as unknown as BuiltinComponent<ComponentProps<T>>;
}
