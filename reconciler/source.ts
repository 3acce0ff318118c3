// Element source locations. kino's JSX runtime (jsx-dev-runtime.ts) records the file:line:col
// that esbuild/tsx pass to jsxDEV for every element, keyed by the element's props object — the
// same object React hands to the fiber as pendingProps and to createInstance as props. React 19
// dropped `_debugSource`, and its `_debugStack` stops being captured after 10,000 elements, so
// we keep our own table.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceLocation } from '../src/doc/errors';

const sources = new WeakMap<object, SourceLocation>();

export interface JsxSource {
  fileName?: string;
  lineNumber?: number;
  columnNumber?: number;
}

export function recordSource(props: unknown, source: JsxSource | undefined): void {
  if (!source || !source.fileName || typeof props !== 'object' || props === null) return;
  let file = source.fileName;
  if (file.startsWith('file://')) file = fileURLToPath(file);
  sources.set(props, { file, line: source.lineNumber, column: source.columnNumber });
}

export function sourceOf(props: unknown): SourceLocation | undefined {
  return typeof props === 'object' && props !== null ? sources.get(props) : undefined;
}

/** kino's own component files: errors point past them to the user's element. */
const builtinDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../components') + path.sep;

export function isBuiltinSource(loc: SourceLocation | undefined): boolean {
  return !!loc?.file && path.resolve(loc.file).startsWith(builtinDir);
}
