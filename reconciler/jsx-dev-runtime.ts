// kino's JSX runtime (tsconfig: "jsx": "react-jsxdev", "jsxImportSource": "kino"). It is React's
// runtime plus one thing: it remembers where each element was written, so a bad prop is reported
// at the user's file:line:col.

import * as Dev from 'react/jsx-dev-runtime';
import * as Prod from 'react/jsx-runtime';
import { recordSource, type JsxSource } from './source';

export const Fragment = Prod.Fragment;
export type { JSX } from 'react/jsx-dev-runtime';

type DevFn = (type: unknown, props: unknown, key: unknown, isStatic: boolean, source?: JsxSource, self?: unknown) => { props: unknown };

export function jsxDEV(type: unknown, props: unknown, key: unknown, isStaticChildren: boolean, source?: JsxSource, self?: unknown) {
  // React's production build exports no jsxDEV; fall back to jsx/jsxs so films run either way.
  const dev = (Dev as unknown as { jsxDEV?: DevFn }).jsxDEV;
  const el = dev
    ? dev(type, props, key, isStaticChildren, source, self)
    : ((isStaticChildren ? Prod.jsxs : Prod.jsx) as unknown as (t: unknown, p: unknown, k: unknown) => { props: unknown })(type, props, key);
  recordSource(el.props, source);
  return el;
}
