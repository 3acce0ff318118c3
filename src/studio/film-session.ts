// Building the film inside the studio, and rebuilding it when a file changes.
//
// Design (b) of issue #7: the film runs in Node, inside Vite's ModuleRunner on the server-side
// ("ssr") module graph; the page receives the finished FilmPlan over the HMR websocket. Vite
// invalidates its own transform cache when a file changes; this session invalidates the runner's
// evaluated copy of that module and of every module that imports it, then runs the build again.
// Only the changed chain re-evaluates: kino's modules stay warm, so a rebuild of the demo film
// costs tens of milliseconds (measured numbers in the studio README section of the report).
//
// Why not run the film in the browser with React Fast Refresh (design (a))? Planning is pure but
// departments join it as resolvers that may use Node (files, fonts, TTS durations); buildPlan
// checks model files with node:fs; and `kino render` builds its plan in Node. Building in Node keeps
// one code path for the preview and the render, keeps planning off the page's main thread (the
// orbit view and playback stay smooth while a big film rebuilds), and costs only the transfer
// of the plan JSON (the demo's is 43 KB). The film has no state worth preserving across edits
// (animation is data), so Fast Refresh's state-keeping buys the film nothing; the page keeps the
// studio's own state (playhead, selection, orbit view) because it never reloads.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModuleRunner } from 'vite/module-runner';
import { issue, type KinoIssue } from '../doc/errors';
import type { FilmPlan } from '../plan/schema';
import { loadModels, type ModelAsset } from '../render/assets';
import { sha256 } from '../util/hash';
import type { FilmBuild } from './film-build';

export const FILM_BUILD_MODULE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'film-build.ts');

export interface BuildResult {
  version: number;
  ok: boolean;
  /** The plan of this build, when it succeeded. */
  plan: FilmPlan | null;
  planHash: string;
  issues: KinoIssue[];
  models: ModelAsset[];
  timings: Record<string, number>;
  changedAt: number;
  changed: string[];
}

const ANSI = /\u001b\[[0-9;]*m/g;

/** Everything a failed import can be: syntax errors (with their location), missing modules, throws. */
export function importIssues(e: unknown, file: string, dir: string): KinoIssue[] {
  const err = e as { message?: string; stack?: string; errors?: Array<{ message?: string; loc?: { file?: string; line: number; column: number }; id?: string }>; id?: string };
  const message = String(err?.message ?? e).replace(ANSI, '');
  if (Array.isArray(err?.errors) && err.errors.length) {
    return err.errors.map((x) => {
      const text = String(x.message ?? message).replace(ANSI, '');
      const first = text.split('\n').find((l) => l.trim()) ?? text;
      return issue('film/syntax', first.replace(/^\s*\[[A-Z_]+\]\s*/, '').trim(), {
        location: x.loc ? { file: x.loc.file ?? x.id ?? err.id ?? file, line: x.loc.line, column: x.loc.column + 1 } : { file: x.id ?? err.id ?? file },
        hint: 'Fix the syntax error; the film could not be compiled.',
      });
    });
  }
  const missing = /Failed to load url (\S+) \(resolved id: [^)]*\) in (\S+?)\.?\s+Does the file exist\?/.exec(message);
  if (missing) return [issue('film/import', `${path.basename(missing[2])} imports "${missing[1]}", which cannot be found.`, { location: { file: missing[2] }, hint: 'Check the import path.' })];
  // A throw while the module evaluates: point at the first stack frame in the user's folder.
  const frame = (err?.stack ?? '')
    .split('\n')
    .map((l) => /\(?((?:file:\/\/)?\/[^():]+\.[cm]?[jt]sx?):(\d+):(\d+)\)?\s*$/.exec(l.trim()))
    .find((m) => m && m[1].replace(/^file:\/\//, '').startsWith(dir + path.sep) && !m[1].includes('/node_modules/'));
  return [
    issue('film/load', `Loading the film failed: ${message.split('\n')[0]}`, {
      location: frame ? { file: frame[1].replace(/^file:\/\//, ''), line: Number(frame[2]), column: Number(frame[3]) } : { file },
    }),
  ];
}

/**
 * One film, built on demand and rebuilt after changes. Builds never overlap: changes that arrive
 * during a build are folded into one more build right after it.
 */
export class FilmSession {
  readonly file: string;
  readonly dir: string;
  private version = 0;
  private building: Promise<BuildResult> | undefined;
  private queued: { files: Set<string>; at: number } | undefined;
  private timer: NodeJS.Timeout | undefined;
  private lastGood: BuildResult | undefined;
  latest: BuildResult | undefined;

  constructor(
    private readonly runner: ModuleRunner,
    file: string,
    private readonly onBuild: (r: BuildResult) => void,
    /** Changes arriving within this many ms are folded into one build (editors write in bursts). */
    private readonly debounceMs = 8,
  ) {
    this.file = path.resolve(file);
    this.dir = path.dirname(this.file);
  }

  /** The plan the page shows: the latest good one. */
  get plan(): FilmPlan | null {
    return this.lastGood?.plan ?? null;
  }

  get models(): ModelAsset[] {
    return this.lastGood?.models ?? [];
  }

  /** True when `file` is part of the film's evaluated module graph (the film, its imports, kino). */
  tracks(file: string): boolean {
    return (this.runner.evaluatedModules.getModulesByFile(file)?.size ?? 0) > 0;
  }

  /**
   * Marks `file` (and what imports it) stale and schedules a rebuild. With `folder`, every module
   * in the film's folder is marked stale too (a file appeared or vanished, so imports may resolve
   * differently).
   */
  changed(file: string, at = Date.now(), opts: { folder?: boolean } = {}): void {
    const mods = this.runner.evaluatedModules;
    const stack = [...(mods.getModulesByFile(file) ?? [])];
    if (opts.folder) for (const m of mods.idToModuleMap.values()) if (m.file.startsWith(this.dir + path.sep)) stack.push(m);
    const seen = new Set<unknown>();
    while (stack.length) {
      const m = stack.pop()!;
      if (seen.has(m)) continue;
      seen.add(m);
      mods.invalidateModule(m);
      for (const id of m.importers) {
        const imp = mods.getModuleById(id);
        if (imp) stack.push(imp);
      }
    }
    if (!this.queued) this.queued = { files: new Set(), at };
    this.queued.files.add(file);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.debounceMs);
  }

  /** Whether the last build failed (then any change in the film's folder is worth a retry). */
  get failing(): boolean {
    return !!this.latest && !this.latest.ok;
  }

  private async flush(): Promise<void> {
    const running = this.building;
    if (running) {
      await running.catch(() => undefined);
      // Another flush may have started the next build meanwhile; it will take the queue.
      if (this.building !== undefined) return;
    }
    const q = this.queued;
    if (!q) return;
    this.queued = undefined;
    await this.build([...q.files], q.at);
    if (this.queued) void this.flush();
  }

  /** Builds now (or joins the build in progress). */
  build(changed: string[] = [], changedAt = 0): Promise<BuildResult> {
    if (this.building) return this.building;
    const p = this.run(changed, changedAt).finally(() => {
      this.building = undefined;
    });
    this.building = p;
    return p;
  }

  private async run(changed: string[], changedAt: number): Promise<BuildResult> {
    const t0 = performance.now();
    const version = ++this.version;
    const timings: Record<string, number> = {};
    let result: BuildResult;
    try {
      let entry: typeof import('./film-build');
      let mod: { default?: unknown };
      const ti = performance.now();
      try {
        entry = (await this.runner.import(FILM_BUILD_MODULE)) as typeof import('./film-build');
        mod = (await this.runner.import(this.file)) as { default?: unknown };
      } catch (e) {
        // The runner caches a failed evaluation as a rejected promise: drop those so the next
        // build retries them (a missing file may appear without any tracked module changing).
        await this.dropFailed();
        throw Object.assign(new Error('import'), { cause: e, importFailed: true });
      }
      timings.import = performance.now() - ti;
      const built: FilmBuild = entry.planFilm(mod.default, this.file);
      Object.assign(timings, built.timings);
      let models: ModelAsset[] = [];
      const issues = [...built.issues];
      if (built.plan) {
        try {
          models = loadModels(built.plan);
        } catch (e) {
          issues.push(...((e as { issues?: KinoIssue[] }).issues ?? [issue('asset/unreadable', String((e as Error).message))]));
        }
      }
      const ok = !!built.plan && !issues.some((i) => i.severity === 'error');
      result = { version, ok, plan: ok ? built.plan : null, planHash: ok ? sha256(JSON.stringify(built.plan)) : '', issues, models, timings, changedAt, changed };
    } catch (e) {
      const cause = (e as { importFailed?: boolean; cause?: unknown }).importFailed ? (e as { cause: unknown }).cause : e;
      result = { version, ok: false, plan: null, planHash: '', issues: importIssues(cause, this.file, this.dir), models: [], timings, changedAt, changed };
    }
    result.timings.total = performance.now() - t0;
    this.latest = result;
    if (result.ok) this.lastGood = result;
    this.onBuild(result);
    return result;
  }

  private async dropFailed(): Promise<void> {
    const mods = this.runner.evaluatedModules;
    await Promise.all(
      [...mods.idToModuleMap.values()].map(async (m) => {
        if (!m.promise) return;
        try {
          await m.promise;
        } catch {
          mods.invalidateModule(m);
        }
      }),
    );
  }

  /** What the page should show for a result: the plan of the last good build beside this build's issues. */
  message(r: BuildResult): import('./protocol').BuildMessage {
    const good = r.ok ? r : this.lastGood;
    return {
      version: r.version,
      file: this.file,
      dir: this.dir,
      ok: r.ok,
      plan: good?.plan ?? null,
      planHash: good?.planHash ?? '',
      issues: r.issues,
      models: (good?.models ?? []).map((m) => ({ key: m.key, hash: m.hash, binary: m.key.toLowerCase().endsWith('.glb') })),
      timings: r.timings,
      changedAt: r.changedAt,
      changed: r.changed.map((f) => path.relative(this.dir, f) || path.basename(f)),
    };
  }
}
