// `kino preview`: a Vite dev server for the studio page (React, Fast Refresh for the studio's own
// code, R3F for the orbit view), with the film built in Node by a ModuleRunner on Vite's
// server-side module graph (film-session.ts explains the choice) and pushed to the page over the
// HMR websocket. Bound to 127.0.0.1; every request and websocket passes security.ts's checks.

import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { createServer, createServerModuleRunner, type Logger, type Plugin, type ViteDevServer } from 'vite';
import { issue, KinoError } from '../doc/errors';
import { slug } from '../deliver/layout';
import type { FilmPlan } from '../plan/schema';
import { PROFILE_NAMES } from '../render/profiles';
import { FilmSession, type BuildResult } from './film-session';
import { EVENTS, type BuildMessage, type RenderMessage, type RenderRequest } from './protocol';
import { RenderQueue } from './render-job';
import { guardMiddleware, guardUpgrades, resolveInside, type ServedRoots } from './security';

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** The kino package: the studio page and the modules it shares with the renderer are served from here. */
export const KINO_ROOT = path.resolve(HERE, '../..');
const APP_DIR = path.join(HERE, 'app');

export const DEFAULT_PORT = 3210;

export interface StudioOptions {
  /** The film file (.tsx). */
  film: string;
  /** Port on 127.0.0.1. Default 3210 (the next free one if taken); 0 picks any free port; an explicit port must be free. */
  port?: number;
  /** Render output folder (default: out/<film title> under the working directory, as `kino render`). */
  out?: string;
  /** Lines for the terminal: builds, renders, server problems. */
  log?: (line: string) => void;
}

export interface Studio {
  url: string;
  port: number;
  session: FilmSession;
  vite: ViteDevServer;
  /** The first build (the studio starts even when it fails, showing the errors). */
  first: BuildResult;
  /** Resolves with the next build (after a file change). */
  nextBuild(): Promise<BuildResult>;
  close(): Promise<void>;
}

/** Films import `kino`; point that at this package wherever the film lives (a temp dir, a user project). */
function kinoAliases() {
  return [
    { find: /^kino\/jsx-dev-runtime$/, replacement: path.join(KINO_ROOT, 'reconciler/jsx-dev-runtime.ts') },
    { find: /^kino\/jsx-runtime$/, replacement: path.join(KINO_ROOT, 'reconciler/jsx-runtime.ts') },
    { find: /^kino\/plan$/, replacement: path.join(KINO_ROOT, 'src/plan/index.ts') },
    { find: /^kino\/doc$/, replacement: path.join(KINO_ROOT, 'src/doc/index.ts') },
    { find: /^kino$/, replacement: path.join(KINO_ROOT, 'components/index.ts') },
  ];
}

/** node_modules folders the page's dependencies resolve from (hoisted above kino when it is installed as a package). */
function dependencyRoots(): string[] {
  const require = createRequire(import.meta.url);
  const roots = new Set<string>();
  for (const dep of ['react', 'react-dom', 'three', '@react-three/fiber', 'vite', '@vitejs/plugin-react']) {
    try {
      const entry = require.resolve(dep);
      const i = entry.lastIndexOf(`${path.sep}node_modules${path.sep}`);
      if (i >= 0) roots.add(entry.slice(0, i + 'node_modules'.length + 1));
    } catch {
      /* not resolvable from here: it resolves inside KINO_ROOT */
    }
  }
  return [...roots];
}

const MIME: Record<string, string> = {
  '.mp4': 'video/mp4',
  '.mkv': 'video/x-matroska',
  '.mov': 'video/quicktime',
  '.webm': 'video/webm',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.json': 'application/json',
  '.wav': 'audio/wav',
  '.srt': 'text/plain; charset=utf-8',
  '.vtt': 'text/vtt',
  '.otio': 'application/json',
  '.edl': 'text/plain; charset=utf-8',
  '.fcpxml': 'application/xml',
  '.html': 'text/plain; charset=utf-8',
};

/** Serves one file, with byte ranges (a <video> seeks with them). */
function sendFile(req: IncomingMessage, res: ServerResponse, file: string): void {
  const st = fs.statSync(file);
  if (!st.isFile()) {
    res.statusCode = 404;
    res.end('Not found\n');
    return;
  }
  res.setHeader('Content-Type', MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream');
  res.setHeader('Accept-Ranges', 'bytes');
  res.setHeader('Cache-Control', 'no-cache');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
  let start = 0;
  let end = st.size - 1;
  if (range && (range[1] || range[2])) {
    if (range[1]) {
      start = Number(range[1]);
      if (range[2]) end = Math.min(end, Number(range[2]));
    } else start = Math.max(0, st.size - Number(range[2]));
    if (start > end || start >= st.size) {
      res.statusCode = 416;
      res.setHeader('Content-Range', `bytes */${st.size}`);
      res.end();
      return;
    }
    res.statusCode = 206;
    res.setHeader('Content-Range', `bytes ${start}-${end}/${st.size}`);
  }
  res.setHeader('Content-Length', String(end - start + 1));
  if (req.method === 'HEAD') return void res.end();
  fs.createReadStream(file, { start, end }).pipe(res);
}

function isRenderRequest(x: unknown): x is RenderRequest {
  const r = x as RenderRequest;
  if (!r || typeof r !== 'object' || !r.scope || !(PROFILE_NAMES as string[]).includes(r.profile)) return false;
  const s = r.scope;
  return (s.kind === 'shot' && typeof s.key === 'string') || (s.kind === 'scene' && typeof s.id === 'string') || s.kind === 'film';
}

function quietLogger(log: (line: string) => void): Logger {
  const warned = new Set<string>();
  return {
    info: () => {},
    warn: (msg) => log(`vite: ${msg}`),
    warnOnce: (msg) => {
      if (warned.has(msg)) return;
      warned.add(msg);
      log(`vite: ${msg}`);
    },
    error: (msg) => log(`vite: ${msg}`),
    clearScreen: () => {},
    hasErrorLogged: () => false,
    hasWarned: false,
  };
}

export async function startStudio(opts: StudioOptions): Promise<Studio> {
  const film = path.resolve(opts.film);
  if (!fs.existsSync(film)) throw new KinoError(issue('film/not-found', `No film at ${opts.film}.`, { hint: 'Give the path to a .tsx film file, e.g. films/demo/film.tsx.' }));
  if (!/\.[cm]?[jt]sx?$/.test(film)) throw new KinoError(issue('film/not-tsx', `${opts.film} is not a TSX/TS film file.`, { location: { file: film } }));
  const log = opts.log ?? (() => {});
  const filmInKino = film.startsWith(KINO_ROOT + path.sep);
  let port = opts.port ?? DEFAULT_PORT;
  let session!: FilmSession;
  let vite!: ViteDevServer;
  const outDir = (plan: FilmPlan) => path.resolve(opts.out ?? path.join('out', slug(plan.title)));
  let lastMessage: BuildMessage | undefined;
  // The page needs the studio app, the modules it shares with the renderer (src/) and its
  // dependencies: nothing else of the package, and nothing of the user's disk.
  const served: ServedRoots = { appDir: APP_DIR, allow: [path.join(KINO_ROOT, 'src'), ...dependencyRoots()] };

  // chokidar passes on one change per file per 50 ms and drops the rest, so a save followed at
  // once by another (format-on-save writes twice) would leave the studio on the first version.
  // Look at the file again once that window has passed, and rebuild if it moved on.
  const stamp = (f: string) => {
    try {
      const st = fs.statSync(f);
      return `${st.mtimeMs}:${st.size}:${st.ino}`;
    } catch {
      return 'missing';
    }
  };
  const watchTrailing = (file: string) => {
    const seen = stamp(file);
    setTimeout(() => {
      if (stamp(file) === seen || !session) return;
      vite.environments.ssr.moduleGraph.onFileChange(file);
      session.changed(file);
      watchTrailing(file);
    }, 80).unref();
  };

  const plugin: Plugin = {
    name: 'kino-studio',
    configureServer(server) {
      // Before Vite's own middlewares: nothing is answered to a foreign Host or Origin.
      server.middlewares.use(guardMiddleware(() => port, served));
      server.middlewares.use('/__kino/model/', (req, res) => {
        const hash = (req.url ?? '').replace(/^\/+/, '').split(/[?#]/)[0];
        const m = session.models.find((x) => x.hash === hash);
        if (!m) {
          res.statusCode = 404;
          return void res.end('No such model in the current film\n');
        }
        res.setHeader('Content-Type', m.key.toLowerCase().endsWith('.glb') ? 'model/gltf-binary' : 'model/gltf+json');
        res.setHeader('Cache-Control', 'max-age=31536000, immutable');
        res.end(m.data);
      });
      server.middlewares.use('/__kino/out/', (req, res) => {
        const plan = session.plan;
        const rel = (req.url ?? '').split(/[?#]/)[0];
        const file = plan ? resolveInside(outDir(plan), rel) : undefined;
        if (!file) {
          res.statusCode = 404;
          return void res.end('Not found\n');
        }
        sendFile(req, res, file);
      });
      server.middlewares.use('/__kino/status', (_req, res) => {
        res.setHeader('Content-Type', 'application/json');
        const l = session.latest;
        res.end(JSON.stringify({ film: session.file, version: l?.version ?? 0, ok: l?.ok ?? false, errors: l?.issues.filter((i) => i.severity === 'error').length ?? 0, rendering: renders.busy }));
      });
    },
    // Vite has already dropped its cached transform of the file; the session drops the runner's
    // evaluated copies (the file and its importers) and rebuilds. The server-side graph is ours
    // alone, so Vite's own SSR update handling is skipped; the page's graph updates as usual
    // (Fast Refresh for the studio's code).
    hotUpdate(options) {
      if (this.environment.name !== 'ssr') return;
      const file = path.resolve(options.file);
      // Only files a film can import count (not editor swap and backup files).
      const inFilmDir = file.startsWith(session.dir + path.sep) && /\.(?:[cm]?[jt]sx?|json)$/.test(file);
      if (options.type !== 'update' && inFilmDir) {
        // A file appeared or vanished: imports that failed (or succeeded) to resolve may now
        // resolve differently, and a transform caches its resolved imports. Re-transform the
        // film's own modules only: invalidating kino's too would make the runner re-evaluate
        // the whole library (measured: 2.3 s instead of tens of ms).
        const graph = vite.environments.ssr.moduleGraph;
        for (const m of graph.idToModuleMap.values()) if (m.file?.startsWith(session.dir + path.sep)) graph.invalidateModule(m);
        session.changed(file, Date.now(), { folder: true });
        watchTrailing(file);
      } else if (session.tracks(file) || (session.failing && inFilmDir)) {
        session.changed(file);
        watchTrailing(file);
      }
      return [];
    },
  };

  vite = await createServer({
    configFile: false,
    envDir: false,
    root: APP_DIR,
    base: '/',
    publicDir: false,
    clearScreen: false,
    appType: 'spa',
    customLogger: quietLogger(log),
    cacheDir: path.join(KINO_ROOT, 'node_modules', '.vite', 'studio'),
    plugins: [react(), plugin],
    // Film files use kino's JSX runtime (it records file:line for every element). The studio's
    // own .tsx files opt back into React's with a `@jsxImportSource react` pragma.
    oxc: { jsx: { runtime: 'automatic', development: true, importSource: 'kino' } },
    resolve: { alias: kinoAliases(), dedupe: ['react', 'react-dom', 'react-reconciler', 'three'] },
    optimizeDeps: {
      // Listed up front so a first visit never discovers a dependency late (which reloads the page).
      include: [
        'react',
        'react/jsx-dev-runtime',
        'react-dom',
        'react-dom/client',
        'three',
        '@react-three/fiber',
        'three/examples/jsm/controls/OrbitControls.js',
        'three/examples/jsm/loaders/GLTFLoader.js',
        'three/examples/jsm/lights/RectAreaLightUniformsLib.js',
        'three/examples/jsm/utils/BufferGeometryUtils.js',
      ],
    },
    server: {
      host: '127.0.0.1',
      port,
      strictPort: opts.port !== undefined,
      cors: false,
      allowedHosts: ['localhost', '127.0.0.1'],
      fs: {
        strict: true,
        allow: served.allow,
        deny: ['.env', '.env.*', '*.{crt,pem,key}', '**/.git/**', '**/out/**'],
      },
      warmup: { clientFiles: ['./main.tsx'] },
      // kino's own sources hot-reload when the film lives in the kino checkout (someone is
      // developing kino); for a film elsewhere kino is a library, and edits to it are not
      // followed (installed under node_modules, Vite ignores it anyway).
      watch: { ignored: [(p: string) => !filmInKino && p.startsWith(KINO_ROOT + path.sep) && !p.startsWith(APP_DIR + path.sep) && p !== APP_DIR] },
    },
  });

  const hot = vite.environments.client.hot;
  const broadcast = (m: BuildMessage) => {
    lastMessage = m;
    hot.send(EVENTS.build, m);
  };
  const renders = new RenderQueue(outDir, (m: RenderMessage) => hot.send(EVENTS.renderStatus, m), log);
  // The runner maps stack frames of the modules it evaluates back to their sources itself, so a
  // component that throws is reported at its own file:line whatever Node's source-map setting.
  const runner = createServerModuleRunner(vite.environments.ssr, { hmr: false, sourcemapInterceptor: 'prepareStackTrace' });
  let waiters: Array<(r: BuildResult) => void> = [];
  session = new FilmSession(runner, film, (r) => {
    const w = waiters;
    waiters = [];
    for (const f of w) f(r);
    const m = session.message(r);
    const errors = r.issues.filter((i) => i.severity === 'error');
    if (r.version > 1) log(r.ok ? `rebuilt in ${r.timings.total.toFixed(0)} ms${r.changed.length ? ` (${m.changed.join(', ')})` : ''}` : `build failed: ${errors[0]?.message ?? 'unknown error'}${errors.length > 1 ? ` (+${errors.length - 1} more)` : ''}`);
    broadcast(m);
  });
  hot.on(EVENTS.hello, (_data: unknown, client: { send(event: string, payload?: unknown): void }) => {
    if (lastMessage) client.send(EVENTS.build, lastMessage);
  });
  hot.on(EVENTS.render, (data: unknown) => {
    if (!isRenderRequest(data)) return;
    void renders.start(session.plan, session.latest?.version ?? 0, data);
  });

  const first = await session.build();
  // The film's own folder is watched too, so a file the film was missing is noticed when it appears.
  vite.watcher.add(session.dir);
  // Every upgrade listener Vite installed on the HTTP server now sits behind the same checks.
  guardUpgrades(vite.httpServer as import('node:http').Server, () => port);
  await vite.listen();
  port = ((vite.httpServer as import('node:http').Server).address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    port,
    session,
    vite,
    first,
    nextBuild: () => new Promise<BuildResult>((resolve) => waiters.push(resolve)),
    async close() {
      await runner.close().catch(() => undefined);
      await vite.close();
    },
  };
}
