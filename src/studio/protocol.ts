// Messages between the studio server and the page, carried as custom events on Vite's HMR
// websocket (one socket, guarded by the Origin check in security.ts). Types only: both the Node
// side and the browser bundle import this file.

import type { KinoIssue } from '../doc/errors';
import type { RenderEvent } from '../render/film';
import type { FilmPlan } from '../plan/schema';

/** Server → page: the result of a film build. */
export interface BuildMessage {
  /** Increases with every build. */
  version: number;
  file: string;
  /** Folder of the film file (issue paths are shown relative to it). */
  dir: string;
  ok: boolean;
  /** The last good plan: on a failed build it is the previous one, so the page keeps showing it. */
  plan: FilmPlan | null;
  /** sha256 of the plan JSON: the page skips work when only issues changed. */
  planHash: string;
  /** Issues of this build (errors when ok is false; warnings otherwise). */
  issues: KinoIssue[];
  /** glTF models the plan uses: fetched from /__kino/model/<hash>. */
  models: Array<{ key: string; hash: string; binary: boolean }>;
  /** Where the time went, in milliseconds (module import, reconcile, validate, plan, total). */
  timings: Record<string, number>;
  /** Date.now() on the server when the changed file was seen (0 for the first build). */
  changedAt: number;
  /** Files whose change triggered this build. */
  changed: string[];
}

export type RenderScope = { kind: 'shot'; key: string } | { kind: 'scene'; id: string } | { kind: 'film' };

/** Page → server: start a render of the current plan. */
export interface RenderRequest {
  scope: RenderScope;
  profile: 'draft' | 'preview' | 'final';
  force?: boolean;
}

/** Server → page: render progress. `event` is renderFilm's own event stream. */
export type RenderMessage =
  | { type: 'started'; id: number; request: RenderRequest; out: string; planVersion: number }
  | { type: 'event'; id: number; event: RenderEvent }
  | {
      type: 'done';
      id: number;
      seconds: number;
      rendered: string[];
      cached: string[];
      /** Output files relative to the output folder, served under /__kino/out/. */
      files: Array<{ path: string; kind: string; shot?: string }>;
    }
  | { type: 'failed'; id: number; issues: KinoIssue[] }
  | { type: 'busy'; request: RenderRequest };

export const EVENTS = {
  hello: 'kino:hello',
  build: 'kino:build',
  render: 'kino:render',
  renderStatus: 'kino:render-status',
} as const;
