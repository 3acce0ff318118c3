// The studio, end to end: the real `kino preview` CLI serving a copy of the demo film from a temp
// folder, driven by real Chromium (playwright-core), plus the film session's rebuild rules tested
// in-process. One file, run in order, so two studio servers never optimise the page's
// dependencies into the same cache at once.

import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { FilmPlan } from '../../src/plan/schema';
import { loadModels } from '../../src/render/assets';
import { launchChromium } from '../../src/render/chromium';
import { PROFILES } from '../../src/render/profiles';
import { RenderSession } from '../../src/render/session';
import type { BuildResult } from '../../src/studio/film-session';
import { startStudio, type Studio } from '../../src/studio/server';
import { kino, repoRoot } from '../core/helpers';

/** Writes like an editor's save: a temp file renamed over the original (one atomic change). */
function save(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

describe('film session (in-process)', () => {
  let dir: string;
  let studio: Studio;
  const lamp = (color: string) => `import { Light } from 'kino';\nexport function Lamp() {\n  return <Light id="lamp" kind="point" position={[0, 2, 1]} intensity={0.8} color="${color}" />;\n}\n`;
  const film = (extra = '') => `import { Film, Scene, Shot, Character, Place, Say } from 'kino';
import { Lamp } from './lamp';
${extra}
export default function T() {
  return (
    <Film title="Session Test" fps={12} resolution="320x180">
      <Character id="ana" />
      <Scene id="s">
        <Lamp />
        <Place who="ana" position={[0, 0, 0]} />
        <Say id="a" who="ana" duration="1s">Hi.</Say>
        <Shot id="one" size="MS" subject="ana" duration="1s" />
      </Scene>
    </Film>
  );
}
`;

  /** The first build (from now) that satisfies `pred`: a save may be seen as more than one change. */
  async function buildWhere(pred: (r: BuildResult) => boolean, ms = 20_000): Promise<BuildResult> {
    const end = Date.now() + ms;
    for (;;) {
      const left = end - Date.now();
      const r = await Promise.race([studio.nextBuild(), new Promise<undefined>((res) => setTimeout(res, Math.max(0, left)))]);
      if (!r) throw new Error(`No matching build within ${ms} ms (last: ${JSON.stringify(studio.session.latest?.issues[0] ?? studio.session.latest?.ok)})`);
      if (pred(r)) return r;
    }
  }
  const lampColor = (r: BuildResult) => r.plan?.scenes[0].lights.find((l) => l.id === 'lamp')?.color;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kino-session-'));
    fs.writeFileSync(path.join(dir, 'lamp.tsx'), lamp('#ffffff'));
    fs.writeFileSync(path.join(dir, 'film.tsx'), film());
    studio = await startStudio({ film: path.join(dir, 'film.tsx'), port: 0, out: path.join(dir, 'out') });
  });
  afterAll(async () => {
    await studio?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('builds the film on start', () => {
    expect(studio.first.ok).toBe(true);
    expect(studio.session.plan?.title).toBe('Session Test');
    expect(studio.first.timings.total).toBeGreaterThan(0);
  });

  it('rebuilds when a component the film imports changes', async () => {
    const next = buildWhere((r) => r.ok && lampColor(r)![1] < 0.05);
    save(path.join(dir, 'lamp.tsx'), lamp('#ff0000'));
    const r = await next;
    expect(r.changed.map((f) => path.basename(f))).toContain('lamp.tsx');
    expect(lampColor(r)![0]).toBeGreaterThan(0.9);
  });

  it('reports a syntax error at its line, keeps the last good plan, and recovers', async () => {
    const good = studio.session.plan;
    let next = buildWhere((r) => !r.ok);
    save(path.join(dir, 'lamp.tsx'), lamp('#00ff00').replace('<Light', '<Light <'));
    let r = await next;
    expect(r.issues[0].code).toBe('film/syntax');
    expect(r.issues[0].location?.file).toBe(path.join(dir, 'lamp.tsx'));
    expect(r.issues[0].location?.line).toBe(3);
    expect(studio.session.plan).toBe(good);
    expect(studio.session.message(r).plan).toBe(good);
    next = buildWhere((r) => r.ok);
    save(path.join(dir, 'lamp.tsx'), lamp('#00ff00'));
    r = await next;
    expect(lampColor(r)![1]).toBeGreaterThan(0.9);
  });

  it('points a validation error and a throwing component at their file:line', async () => {
    let next = buildWhere((r) => !r.ok);
    save(path.join(dir, 'lamp.tsx'), lamp('#00ff00').replace('intensity={0.8}', 'intensity="bright"'));
    let r = await next;
    expect(r.issues).toContainEqual(expect.objectContaining({ code: 'prop/invalid', prop: 'intensity', location: expect.objectContaining({ file: path.join(dir, 'lamp.tsx'), line: 3 }) }));
    next = buildWhere((r) => r.issues[0]?.code === 'component/threw');
    save(path.join(dir, 'lamp.tsx'), lamp('#00ff00').replace('  return', '  if (Math.PI > 3) throw new Error("no lamp today");\n  return'));
    r = await next;
    expect(r.ok).toBe(false);
    expect(r.issues[0]).toMatchObject({ code: 'component/threw', location: { file: path.join(dir, 'lamp.tsx'), line: 3 } });
    expect(r.issues[0].message).toContain('no lamp today');
    next = buildWhere((r) => r.ok);
    save(path.join(dir, 'lamp.tsx'), lamp('#00ff00'));
    await next;
  });

  it('takes the last of two saves in quick succession (format-on-save)', async () => {
    const next = buildWhere((r) => r.ok && lampColor(r)![2] > 0.9);
    fs.writeFileSync(path.join(dir, 'lamp.tsx'), lamp('#ff00ff'));
    fs.writeFileSync(path.join(dir, 'lamp.tsx'), lamp('#0000ff'));
    const r = await next;
    expect(lampColor(r)![0]).toBeLessThan(0.05);
  });

  it('recovers when a missing import appears', async () => {
    let next = buildWhere((r) => !r.ok);
    save(path.join(dir, 'film.tsx'), film("import { note } from './notes';\nexport const NOTE = note;"));
    let r = await next;
    expect(r.issues[0]).toMatchObject({ code: 'film/import' });
    expect(r.issues[0].message).toContain('./notes');
    next = buildWhere((r) => r.ok);
    fs.writeFileSync(path.join(dir, 'notes.ts'), 'export const note = "ok";\n');
    r = await next;
    expect(r.plan?.title).toBe('Session Test');
  });
});

describe('kino preview (CLI)', () => {
  it('explains itself and refuses bad input with clear errors', () => {
    const help = kino(['preview', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('127.0.0.1');
    expect(help.stdout).toContain('--port');
    const none = kino(['preview']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('kino preview needs a film file');
    const missing = kino(['preview', 'no/such/film.tsx']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No film at no/such/film.tsx');
    const port = kino(['preview', 'films/demo/film.tsx', '--port', 'eighty']);
    expect(port.code).toBe(1);
    expect(port.stderr).toContain('--port must be a port number');
  });
});

// ---------------------------------------------------------------------------------------------

interface Cli {
  proc: ChildProcess;
  url: string;
  port: number;
  stderr: () => string;
}

async function startCli(film: string, out: string): Promise<Cli> {
  const proc = spawn(process.execPath, [path.join(repoRoot, 'bin/kino.js'), 'preview', film, '--port', '0', '--out', out], { cwd: path.dirname(film), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  proc.stderr!.on('data', (d) => (stderr += d));
  const url = await new Promise<string>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`kino preview did not print its URL in time.\n${stdout}\n${stderr}`)), 90_000);
    proc.stdout!.on('data', (d) => {
      stdout += d;
      const m = /kino studio: (http:\/\/127\.0\.0\.1:(\d+)\/)/.exec(stdout);
      if (m) {
        clearTimeout(t);
        resolve(m[1]);
      }
    });
    proc.on('exit', (code) => reject(new Error(`kino preview exited with ${code}\n${stdout}\n${stderr}`)));
  });
  return { proc, url, port: Number(new URL(url).port), stderr: () => stderr };
}

/** A raw HTTP request, so Host and Origin can be anything. */
function request(port: number, pathname: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: pathname, headers, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A websocket handshake; returns the status line's code (101 = accepted). */
function upgrade(port: number, origin: string, host = `127.0.0.1:${port}`): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: '/', headers: { Host: host, Origin: origin, Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Protocol': 'vite-hmr' } });
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve(res.statusCode ?? 0);
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

/** A small signature of the camera view's pixels (48×27, RGBA). */
function cameraPixels(page: Page): Promise<number[]> {
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

const meanDiff = (a: number[], b: number[]) => a.reduce((n, v, i) => n + Math.abs(v - b[i]), 0) / a.length;

type StudioWindow = { kinoStudio: { getState(): { frame: number; selected: string | null; orbit: unknown; plan: { title: string } | null; build: { version: number; ok: boolean } | null } } };
const studioState = (page: Page) => page.evaluate(() => (window as unknown as StudioWindow).kinoStudio.getState()).then((s) => ({ frame: s.frame, selected: s.selected, orbit: s.orbit, title: s.plan?.title, version: s.build?.version, ok: s.build?.ok }));

/** Waits until the camera view's pixels differ from `before` by more than `threshold` (mean abs per channel). */
async function waitForPictureChange(page: Page, before: number[], timeoutMs: number, threshold = 1): Promise<number> {
  const t0 = Date.now();
  for (;;) {
    const d = meanDiff(await cameraPixels(page), before);
    if (d > threshold) return d;
    if (Date.now() - t0 > timeoutMs) throw new Error(`The camera view did not change within ${timeoutMs} ms (mean difference ${d.toFixed(2)}).`);
    await page.waitForTimeout(10);
  }
}

describe('studio in Chromium (kino preview)', () => {
  let dir: string;
  let filmFile: string;
  let original: string;
  let cli: Cli;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kino-studio-'));
    fs.cpSync(path.join(repoRoot, 'films/demo'), path.join(dir, 'demo'), { recursive: true });
    filmFile = path.join(dir, 'demo', 'film.tsx');
    original = fs.readFileSync(filmFile, 'utf8');
    cli = await startCli(filmFile, path.join(dir, 'out'));
    browser = await launchChromium();
    // A small window: the software rasteriser draws both views on every change.
    page = await browser.newPage({ viewport: { width: 1000, height: 600 } });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(cli.url);
    await page.waitForSelector('[data-testid=build-status][data-ok=true]', { timeout: 90_000 });
    // The first picture: the world is built and drawn (not the clear colour).
    await page.waitForFunction(() => {
      const c = document.querySelector<HTMLCanvasElement>('[data-testid=camera-view]');
      if (!c || !c.width) return false;
      const s = document.createElement('canvas');
      s.width = 16;
      s.height = 9;
      const x = s.getContext('2d')!;
      x.drawImage(c, 0, 0, 16, 9);
      const d = x.getImageData(0, 0, 16, 9).data;
      let sum = 0;
      for (let i = 0; i < d.length; i += 4) sum += d[i] + d[i + 1] + d[i + 2];
      return sum > 16 * 9 * 30;
    }, undefined, { timeout: 60_000 });
  });

  afterAll(async () => {
    await browser?.close();
    if (cli?.proc.exitCode === null) {
      cli.proc.kill('SIGTERM');
      await new Promise((r) => cli.proc.once('exit', r));
    }
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('loads the demo film: shot list, timeline, camera view', async () => {
    const st = await studioState(page);
    expect(st.title).toBe('Cold Coffee');
    expect(await page.locator('[data-testid=shot-list] button.shot').count()).toBe(17);
    expect(await page.locator('[data-testid=timeline] .seg.scene').count()).toBe(2);
    expect(await page.locator('[data-testid=timeline] .seg.shot').count()).toBe(17);
    expect(await page.textContent('[data-testid=shot-list] button.shot[data-key="kitchen/arrival"]')).toContain('24mm');
    const px = await cameraPixels(page);
    // A picture, not a flat colour: the pixels vary.
    const lum = px.filter((_, i) => i % 4 === 0);
    const mean = lum.reduce((a, b) => a + b, 0) / lum.length;
    const sd = Math.sqrt(lum.reduce((a, b) => a + (b - mean) ** 2, 0) / lum.length);
    expect(sd).toBeGreaterThan(10);
    expect(pageErrors).toEqual([]);
  });

  it('draws the same picture as the renderer (same page code, same frame)', async () => {
    await page.locator('[data-testid=shot-list] button.shot[data-key="kitchen/talk-4"]').click();
    await page.evaluate(() => (window as unknown as { kinoStudio: { seek(f: number): void; getState(): { frame: number } } }).kinoStudio.seek((window as unknown as { kinoStudio: { getState(): { frame: number } } }).kinoStudio.getState().frame + 6));
    await page.waitForTimeout(500);
    const { plan, frame, url } = await page.evaluate(() => {
      const k = (window as unknown as { kinoStudio: { getState(): { plan: unknown; frame: number }; still(w: number, h: number): string } }).kinoStudio;
      return { plan: k.getState().plan as FilmPlan, frame: k.getState().frame, url: k.still(320, 180) };
    });
    const cut = plan.cut.find((c) => frame >= c.startFrame && frame < c.endFrame)!;
    const session = new RenderSession(plan, [320, 180], { ...PROFILES.preview.page, capture: 'png' }, loadModels(plan));
    await session.open();
    try {
      const [rendered] = await session.frames([{ scene: cut.scene, shot: cut.shot, editFrame: frame, clip: true }]);
      const a = await sharp(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64')).removeAlpha().raw().toBuffer();
      const b = await sharp(Buffer.from(rendered.clip!, 'base64')).removeAlpha().raw().toBuffer();
      expect(a.length).toBe(b.length);
      let sum = 0;
      for (let i = 0; i < a.length; i++) sum += Math.abs(a[i] - b[i]);
      const mean = sum / a.length;
      console.log(`[studio] camera view vs render page at frame ${frame}: mean difference ${mean.toFixed(3)} / 255`);
      expect(mean).toBeLessThan(1);
    } finally {
      await session.close();
    }
  });

  it('scrubbing the timeline moves the playhead and the picture', async () => {
    const box = (await page.locator('[data-testid=timeline]').boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.08, box.y + box.height * 0.85);
    await page.waitForFunction(() => (window as unknown as StudioWindow).kinoStudio.getState().frame > 0);
    await page.waitForTimeout(300);
    const a = await studioState(page);
    const before = await cameraPixels(page);
    // Drag to another shot, as an editor scrubs.
    await page.mouse.move(box.x + box.width * 0.08, box.y + box.height * 0.85);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.85, { steps: 5 });
    await page.mouse.move(box.x + box.width * 0.62, box.y + box.height * 0.85, { steps: 5 });
    await page.mouse.up();
    const b = await studioState(page);
    expect(b.frame).toBeGreaterThan(a.frame);
    expect(b.selected).not.toBe(a.selected);
    expect(await page.getAttribute('[data-testid=frame]', 'data-frame')).toBe(String(b.frame));
    await waitForPictureChange(page, before, 10_000);
  });

  it("changing a light's colour on disk changes the camera view within 1 s, playhead and view kept", async () => {
    // Park in the kitchen, where the "room" light is, and let the picture settle.
    await page.locator('[data-testid=shot-list] button.shot[data-key="kitchen/talk-4"]').click();
    await page.waitForTimeout(1500);
    const before = await studioState(page);
    expect(before.selected).toBe('kitchen/talk-4');
    const pixels = await cameraPixels(page);
    const edited = original.replace('<Light id="room" kind="environment" intensity={0.12} color="#8fa3c8" />', '<Light id="room" kind="environment" intensity={0.12} color="#ff2a10" />');
    expect(edited).not.toBe(original);
    const t0 = Date.now();
    fs.writeFileSync(filmFile, edited);
    // The issue's functional deadline: the new picture must be on screen within 1 s of the write.
    // The page reports which build its camera view shows (a cheap check, polled every frame);
    // the pixels are compared right after, to prove that the picture really changed.
    await page.waitForFunction((v) => (window as unknown as { kinoStudio: { drawnVersion(): number } }).kinoStudio.drawnVersion() > v, before.version!, { polling: 'raf', timeout: 1000 });
    const ms = Date.now() - t0;
    const diff = meanDiff(await cameraPixels(page), pixels);
    expect(diff).toBeGreaterThan(1);
    const after = await studioState(page);
    const reported = await page.textContent('[data-testid=build-status]');
    console.log(`[studio] light colour edit → camera view changed after ${ms} ms (mean pixel difference ${diff.toFixed(1)}; ${reported})`);
    expect(after.version).toBeGreaterThan(before.version!);
    expect(after.frame).toBe(before.frame);
    expect(after.selected).toBe(before.selected);
    expect(after.orbit).toEqual(before.orbit);
    expect(await page.getAttribute('[data-testid=frame]', 'data-frame')).toBe(String(before.frame));
  });

  it('a broken film shows the error overlay over the last good picture; fixing it clears the overlay', async () => {
    const good = await studioState(page);
    const pixels = await cameraPixels(page);
    const current = fs.readFileSync(filmFile, 'utf8');
    const lines = current.split('\n');
    const at = lines.findIndex((l) => l.includes('<Light id="moon"'));
    // A syntax error first…
    save(filmFile, current.replace('<Light id="moon"', '<Light <id="moon"'));
    const overlay = page.locator('[data-testid=error-overlay]');
    await overlay.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await overlay.textContent()).toContain(`film.tsx:${at + 1}:`);
    expect(await overlay.textContent()).toContain('film/syntax');
    // …then a validation error, reported at the element's own line.
    save(filmFile, current.replace('intensity={0.35}', 'intensity="loud"'));
    await page.waitForFunction(() => document.querySelector('[data-testid=error-overlay]')?.textContent?.includes('prop/invalid'), undefined, { timeout: 10_000 });
    expect(await overlay.textContent()).toContain(`film.tsx:${at + 1}:`);
    expect(await overlay.textContent()).toContain('intensity');
    // The last good film stays on screen, and the user's place with it.
    const broken = await studioState(page);
    expect(broken.ok).toBe(false);
    expect(broken.frame).toBe(good.frame);
    expect(meanDiff(await cameraPixels(page), pixels)).toBeLessThan(0.5);
    save(filmFile, current);
    await overlay.waitFor({ state: 'detached', timeout: 10_000 });
    const fixed = await studioState(page);
    expect(fixed.ok).toBe(true);
    expect(fixed.frame).toBe(good.frame);
  });

  it('renders the selected shot through the render pipeline, streaming progress', async () => {
    await page.locator('[data-testid=shot-list] button.shot[data-key="kitchen/talk-1"]').click();
    const btn = page.locator('[data-testid=render-shot]');
    expect(await btn.textContent()).toContain('kitchen/talk-1');
    await btn.click();
    await page.locator('[data-testid=render-progress]').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid=render-video]').waitFor({ timeout: 180_000 });
    const log = await page.textContent('[data-testid=render-log]');
    expect(log).toContain('kitchen/talk-1');
    expect(log).toMatch(/Done in/);
    const progress = page.locator('[data-testid=render-progress]');
    expect(await progress.getAttribute('data-done')).toBe(await progress.getAttribute('data-frames'));
    const clip = path.join(dir, 'out', 'shots', 'kitchen', 'talk-1', 'clip.mp4');
    expect(fs.statSync(clip).size).toBeGreaterThan(1000);
    // The clip is served to the page from the output folder (with byte ranges, for seeking).
    const src = (await page.getAttribute('[data-testid=render-video]', 'src'))!;
    const r = await request(cli.port, src, { Host: `127.0.0.1:${cli.port}`, Range: 'bytes=0-15' });
    expect(r.status).toBe(206);
  }, 240_000);

  it('refuses foreign hosts and origins, on HTTP and on the websocket', async () => {
    const p = cli.port;
    expect((await request(p, '/', { Host: `127.0.0.1:${p}` })).status).toBe(200);
    expect((await request(p, '/', { Host: `localhost:${p}`, Origin: `http://localhost:${p}` })).status).toBe(200);
    expect((await request(p, '/', { Host: 'evil.example' })).status).toBe(403);
    expect((await request(p, '/', { Host: `evil.example:${p}` })).status).toBe(403);
    expect((await request(p, '/__kino/status', { Host: `127.0.0.1:${p}`, Origin: 'http://evil.example' })).status).toBe(403);
    expect((await request(p, '/', { Host: `127.0.0.1:${p}`, Origin: 'http://127.0.0.1:1' })).status).toBe(403);
    expect(await upgrade(p, 'http://evil.example')).toBe(403);
    expect(await upgrade(p, `http://127.0.0.1:${p}`, 'evil.example')).toBe(403);
    // The page's own socket (same origin) is connected.
    expect(await page.textContent('.status')).toContain('live');
  });

  it('serves nothing outside the project: traversal, /@fs/ outside, symlinks out', async () => {
    const p = cli.port;
    const h = { Host: `127.0.0.1:${p}` };
    for (const bad of ['/@fs/etc/passwd', `/@fs${filmFile}`, '/../../../../etc/passwd', '/..%2f..%2f..%2f..%2fetc%2fpasswd', '/%2e%2e/%2e%2e/%2e%2e/etc/passwd', `/@fs${repoRoot}/package.json`, '/__kino/out/..%2f..%2fdemo%2ffilm.tsx']) {
      const r = await request(p, bad, h);
      expect(r.status, bad).toBe(403);
      expect(r.body).not.toContain('root:');
      expect(r.body).not.toContain('Cold Coffee');
    }
    // A symlink planted in the output folder leads nowhere.
    const out = path.join(dir, 'out');
    fs.mkdirSync(out, { recursive: true });
    fs.symlinkSync(filmFile, path.join(out, 'escape.tsx'));
    const r = await request(p, '/__kino/out/escape.tsx', h);
    expect(r.status).toBe(404);
    expect(r.body).not.toContain('Cold Coffee');
    // …while the studio's own modules load.
    expect((await request(p, `/@fs${repoRoot}/src/plan/evaluate.ts`, h)).status).toBe(200);
  });
});
