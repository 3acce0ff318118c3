// Rendering from the studio: the plan on screen goes through the same renderFilm as `kino render`
// (same output folder layout, same cache, so a shot rendered here is reused by a later CLI render
// and vice versa). One render at a time; its events stream to every open studio page.

import { isKinoError, issue, toIssues } from '../doc/errors';
import type { FilmPlan } from '../plan/schema';
import { renderFilm } from '../render/film';
import type { RenderMessage, RenderRequest } from './protocol';

export class RenderQueue {
  private running = false;
  private ids = 0;

  constructor(
    private readonly out: (plan: FilmPlan) => string,
    private readonly send: (m: RenderMessage) => void,
    /** Test hook and CLI logging. */
    private readonly log: (line: string) => void = () => {},
  ) {}

  get busy(): boolean {
    return this.running;
  }

  /** Starts a render of `plan`; answers 'busy' while another one runs. Resolves when it ends. */
  async start(plan: FilmPlan | null, planVersion: number, request: RenderRequest): Promise<void> {
    if (this.running) {
      this.send({ type: 'busy', request });
      return;
    }
    const id = ++this.ids;
    if (!plan) {
      this.send({ type: 'failed', id, issues: [issue('studio/no-plan', 'There is no film to render yet: fix the errors first.')] });
      return;
    }
    const only = request.scope.kind === 'shot' ? [request.scope.key] : request.scope.kind === 'scene' ? [request.scope.id] : undefined;
    const out = this.out(plan);
    this.running = true;
    this.send({ type: 'started', id, request, out, planVersion });
    this.log(`render ${id}: ${only ? only.join(', ') : 'whole film'} (${request.profile}) → ${out}`);
    try {
      const summary = await renderFilm(plan, {
        out,
        only,
        profile: request.profile,
        force: request.force,
        onEvent: (event) => this.send({ type: 'event', id, event }),
      });
      const wanted = new Set([...summary.rendered, ...summary.cached]);
      const files = summary.manifest.outputs
        .filter((o) => (o.shot ? wanted.has(o.shot) : o.kind === 'movie' || o.kind === 'contact-sheet'))
        .map((o) => ({ path: o.path, kind: o.kind, shot: o.shot }));
      this.send({ type: 'done', id, seconds: summary.seconds, rendered: summary.rendered, cached: summary.cached, files });
      this.log(`render ${id}: done in ${summary.seconds.toFixed(1)} s`);
    } catch (e) {
      const issues = isKinoError(e) ? e.issues : toIssues(e, 'render/failed');
      this.send({ type: 'failed', id, issues });
      this.log(`render ${id}: failed: ${issues[0]?.message ?? 'unknown error'}`);
    } finally {
      this.running = false;
    }
  }
}
