// The FilmDoc: what the reconciler produces. Plain, serialisable nodes — no React, no parents.

import type { SourceLocation } from './errors';

export const DOC_SCHEMA_VERSION = 1;

export interface DocNode {
  /** Host type, e.g. "scene", "shot", "camera". "#text" for stray text (reported by validation). */
  type: string;
  /** Stable id: the explicit `id` prop, else derived from the parent's id and position. */
  id: string;
  /** Props as written (after template/default merging), children stripped. */
  props: Record<string, unknown>;
  children: DocNode[];
  /** Where the user wrote the element (file:line:col), when known. */
  source?: SourceLocation;
  /** Nearest user component (not a kino built-in) that rendered this element. */
  owner?: string;
  /** Set by Suspense while a boundary shows its fallback. */
  hidden?: boolean;
  /** Text content of a stray text node. */
  text?: string;
}

export interface FilmDoc {
  schemaVersion: typeof DOC_SCHEMA_VERSION;
  /** The <Film> node, or null when nothing rendered. */
  root: DocNode | null;
  /** Film file the doc was rendered from, for resolving relative asset paths. */
  file?: string;
}
