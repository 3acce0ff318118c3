// bench:studio — how fast a saved edit reaches the studio's camera view, and where the time goes.
// The demo film (a copy in a temp folder) in `kino preview`'s server, in-process, with real
// Chromium showing the studio page at 1000×600 (SwiftShader on a GPU-less host).
//
//   light : a light's colour changes (the scene's world is kept: applyView recolours it)
//   set   : the set's wall colour changes (the scene's world is rebuilt: new geometry, materials)
//   error : a syntax error appears (the overlay is shown over the last good picture)
//
// Each edit is timed from the file write to the camera view showing the new build (the page
// reports it; the pixels are then checked to differ), and split into: file watcher → server build (runner + reconcile + validate +
// plan) → page (transfer, world, draw). In-run references: building the same film the way
// `kino validate`/`kino render` do (tsx import + loadFilm, fresh each time), and a cold open of
// the studio page (navigate → first picture).
//
//   npm run bench:studio [-- --runs 10 --write]

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { loadFilm } from '../src/pipeline/load';
import { launchChromium } from '../src/render/chromium';
import { startStudio } from '../src/studio/server';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '10' }, write: { type: 'boolean', default: false } } });
const runs = Number(values.runs);
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.9))];

function pixels(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const c = document.querySelector<HTMLCanvasElement>('[data-testid=camera-view]')!;
    const s = document.createElement('canvas');
    s.width = 48;
    s.height = 27;
    const x = s.getContext('2d')!;
    x.drawImage(c, 0, 0, 48, 27);
    return Array.from(x.getImageData(0, 0, 48, 27).data);
  });
}
const diff = (a: number[], b: number[]) => a.reduce((n, v, i) => n + Math.abs(v - b[i]), 0) / a.length;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kino-bench-studio-'));
fs.cpSync(path.join(root, 'films/demo'), dir, { recursive: true });
const film = path.join(dir, 'film.tsx');
const original = fs.readFileSync(film, 'utf8');
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

// Reference: the CLI's build of the same film (tsx import, reconcile, validate, plan), fresh each
// time. Read from films/demo, where `import … from 'kino'` resolves without the studio's alias.
const demo = path.join(root, 'films/demo/film.tsx');
const warm = await loadFilm(demo, { fresh: true });
if (warm.errors.length) throw new Error(`reference build failed: ${warm.errors[0].message}`);
const cliBuild: number[] = [];
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  await loadFilm(demo, { fresh: true });
  cliBuild.push(performance.now() - t);
}

const tStart = performance.now();
const studio = await startStudio({ film, port: 0 });
const startMs = performance.now() - tStart;

// The studio's rebuild alone (no page open): the same light edit, awaited build by build.
const colors = ['#ff2a10', '#10ff2a', '#2a10ff', '#ffee10', '#10eeff'];
const serverOnly: number[] = [];
// The first builds run cold code (the runner's modules are not optimised by V8 yet): warm up
// as many times as the reference was run before it is measured, plus a few.
for (let i = -5; i < runs; i++) {
  const next = studio.nextBuild();
  fs.writeFileSync(film, original.replace('color="#8fa3c8"', `color="${colors[(i + 5) % colors.length]}"`));
  const r = await next;
  if (!r.ok) throw new Error('studio build failed');
  if (i >= 0) serverOnly.push(r.timings.total);
  await new Promise((res) => setTimeout(res, 100));
}
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1000, height: 600 } });
page.on('pageerror', (e) => process.stderr.write(`page error: ${e.message}\n`));

async function open(): Promise<number> {
  const t = performance.now();
  await page.goto(studio.url);
  await page.waitForSelector('[data-testid=build-status][data-ok=true]');
  await page.waitForFunction(() => {
    const c = document.querySelector<HTMLCanvasElement>('[data-testid=camera-view]');
    if (!c?.width) return false;
    const s = document.createElement('canvas');
    s.width = 8;
    s.height = 8;
    const x = s.getContext('2d')!;
    x.drawImage(c, 0, 0, 8, 8);
    return x.getImageData(0, 0, 8, 8).data.some((v, i) => i % 4 !== 3 && v > 40);
  });
  return performance.now() - t;
}
await open(); // warm: dependency optimisation, module transforms
const cold: number[] = [];
for (let i = 0; i < Math.min(3, runs); i++) cold.push(await open());
await page.locator('button.shot[data-key="kitchen/talk-4"]').click();
await page.waitForTimeout(1500);

interface Sample {
  total: number;
  watcher: number;
  build: number;
  page: number;
}

async function edit(make: (i: number) => string, expectError = false): Promise<Sample[]> {
  const out: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    const before = await pixels(page);
    const version = await page.evaluate(() => (window as unknown as { kinoStudio: { drawnVersion(): number } }).kinoStudio.drawnVersion());
    const next = studio.nextBuild();
    const t0 = Date.now();
    fs.writeFileSync(film, make(i));
    if (expectError) await page.locator('[data-testid=error-overlay]').waitFor({ timeout: 10_000 });
    // The camera view reports the build it shows (polled every animation frame in the page).
    else await page.waitForFunction((v) => (window as unknown as { kinoStudio: { drawnVersion(): number } }).kinoStudio.drawnVersion() > v, version, { polling: 'raf', timeout: 10_000 });
    const total = Date.now() - t0;
    if (!expectError && diff(await pixels(page), before) <= 1) throw new Error('the picture did not change');
    const r = await next;
    const shown = expectError ? total : await page.evaluate(() => (window as unknown as { kinoStudio: { getState(): { lastUpdateMs?: number } } }).kinoStudio.getState().lastUpdateMs ?? NaN);
    out.push({ total, watcher: r.changedAt - t0, build: r.timings.total, page: shown - r.timings.total });
    // Back to the good film between error samples, and let the views settle.
    if (expectError) {
      fs.writeFileSync(film, original);
      await page.locator('[data-testid=error-overlay]').waitFor({ state: 'detached' });
    }
    await page.waitForTimeout(300);
  }
  return out;
}

const light = await edit((i) => original.replace('color="#8fa3c8"', `color="${colors[i % colors.length]}"`));
const set = await edit((i) => original.replace('wallColor="#8a9a8c"', `wallColor="${colors[i % colors.length]}"`));
const error = await edit(() => original.replace('<Light id="moon"', '<Light <id="moon"'), true);
fs.writeFileSync(film, original);

await browser.close();
await studio.close();
fs.rmSync(dir, { recursive: true, force: true });

const row = (name: string, s: Sample[]) =>
  `| ${name} | ${median(s.map((x) => x.total)).toFixed(0)} ms | ${p90(s.map((x) => x.total)).toFixed(0)} ms | ${median(s.map((x) => x.watcher)).toFixed(0)} ms | ${median(s.map((x) => x.build)).toFixed(0)} ms | ${median(s.map((x) => x.page)).toFixed(0)} ms |`;
const report = `# Studio hot reload (bench/studio.ts)

Machine: ${os.cpus().length}-core ${os.cpus()[0]?.model.trim()}, ${os.type()} ${os.release()}, Node ${process.version}. Chromium with SwiftShader (no GPU), page 1000×600, demo film (2 scenes, 17 shots). Median of ${runs} edits each.

| edit | save → new picture (median) | p90 | file watcher | server build | page (transfer, world, draw) |
| --- | ---: | ---: | ---: | ---: | ---: |
${row("light colour (world kept)", light)}
${row("wall colour (world rebuilt)", set)}
${row("syntax error (overlay shown)", error)}

In-run references:
- the CLI's build of the same film (\`loadFilm\`, tsx import, fresh each time): ${median(cliBuild).toFixed(1)} ms; the studio's rebuild with no page open (file change → plan ready to send, incl. model hashing and the plan's hash): ${median(serverOnly).toFixed(1)} ms — **${(median(serverOnly) / median(cliBuild)).toFixed(2)}×** the CLI's. With the page open the server shares the two cores with Chromium's software rasteriser.
- a cold open of the studio page (navigate → first picture): ${median(cold).toFixed(0)} ms — a hot update of a light costs **${(median(light.map((x) => x.total)) / median(cold)).toFixed(2)}×** a reload.
- server start (Vite, module runner, first build): ${startMs.toFixed(0)} ms.

"save → new picture": from the file write to the camera view reporting the new build as drawn (polled every animation frame in the page, then checked against the pixels before the edit). The page column is the rest: transfer of the plan, world rebuild if any, and the draw. Figures move by ±50 % between runs with the load of the shared 2-core machine (run it a few times, compare medians).
`;
process.stdout.write(report);
if (values.write) fs.writeFileSync(path.join(here, 'results/studio.md'), report);
