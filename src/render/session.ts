// A render session: one Chromium and one page for the whole film. The page gets the plan and the
// models once; after that Node only asks for frames. If Chromium dies, the session can be reopened
// and the shot retried.

import type { Browser, Page } from 'playwright-core';
import { KinoError, issue } from '../doc/errors';
import type { FilmPlan } from '../plan/schema';
import type { ModelAsset } from './assets';
import { pageBundle } from './bundle';
import { launchChromium } from './chromium';
import type { FrameRequest, FrameResult, PageProfile } from './page/index';

type KinoWindow = { kino: import('./page/index').KinoPageApi };

/** Optional session settings: looks (LUTs, a film output's grade) and transparent frames. */
export interface SessionOptions {
  /** Frames with an alpha channel (transparent background where nothing is drawn). */
  alpha?: boolean;
  /** .cube LUTs the plan's grades name, by absolute path. */
  luts?: Array<{ key: string; size: number; data: Float32Array }>;
  /** A look over every shot (a Film output variant). */
  look?: { grade?: import('../vfx/grade-math').GradeParams; pixelSnap?: boolean };
}

export class RenderSession {
  private browser?: Browser;
  private page?: Page;
  private pageError?: string;
  info: { renderer: string; webgl2: boolean } = { renderer: '', webgl2: false };

  constructor(
    readonly plan: FilmPlan,
    readonly size: [number, number],
    readonly profile: PageProfile,
    readonly models: ModelAsset[],
    readonly options: SessionOptions = {},
  ) {}

  async open(): Promise<void> {
    await this.close();
    this.pageError = undefined;
    this.browser = await launchChromium();
    const page = await this.browser.newPage({ viewport: { width: Math.min(this.size[0], 4096), height: Math.min(this.size[1], 4096) } });
    page.on('pageerror', (e) => (this.pageError = e.message));
    page.on('crash', () => (this.pageError = 'the page crashed'));
    await page.setContent('<!doctype html><html><body style="margin:0;background:#000"></body></html>');
    await page.addScriptTag({ content: await pageBundle() });
    this.info = await page.evaluate(([w, h, p, a]) => (window as unknown as KinoWindow).kino.init({ width: w, height: h, profile: p, alpha: a }), [this.size[0], this.size[1], this.profile, !!this.options.alpha] as const);
    if (!this.info.webgl2) throw new KinoError(issue('render/webgl', `Chromium has no WebGL2 (${this.info.renderer}).`, { hint: 'kino needs WebGL2; the bundled Chromium provides it through SwiftShader.' }));
    await page.evaluate((plan) => (window as unknown as KinoWindow).kino.load(plan), this.plan as never);
    for (const m of this.models) {
      await page.evaluate(([k, d]) => (window as unknown as KinoWindow).kino.addModel(k, d), [m.key, m.data.toString('base64')] as const).catch((e: Error) => {
        throw new KinoError(issue('asset/unreadable', `Model ${m.key} could not be parsed: ${e.message.split('\n')[0]}`, { location: { file: m.key } }));
      });
    }
    for (const l of this.options.luts ?? []) {
      const b64 = Buffer.from(l.data.buffer, l.data.byteOffset, l.data.byteLength).toString('base64');
      await page.evaluate(([k, n, d]) => (window as unknown as KinoWindow).kino.addLut(k, n, d), [l.key, l.size, b64] as const);
    }
    if (this.options.look) await page.evaluate((look) => (window as unknown as KinoWindow).kino.setLook(look), this.options.look);
    this.page = page;
  }

  /** Renders a batch of frames; throws a KinoError naming the page failure if Chromium dies. */
  async frames(reqs: FrameRequest[]): Promise<FrameResult[]> {
    if (!this.page) throw new KinoError(issue('render/closed', 'The render session is not open.'));
    try {
      return await this.page.evaluate((r) => (window as unknown as KinoWindow).kino.frames(r), reqs);
    } catch (e) {
      const why = this.pageError ?? (e as Error).message.split('\n')[0];
      throw new KinoError(issue('render/page', `Chromium failed while rendering: ${why}`));
    }
  }

  async renderOnly(req: FrameRequest): Promise<void> {
    await this.page!.evaluate((r) => (window as unknown as KinoWindow).kino.renderOnly(r), req);
  }

  async memory(): Promise<Record<string, number>> {
    return this.page!.evaluate(() => (window as unknown as KinoWindow).kino.memory());
  }

  /** The page itself, for tools that draw with it (the contact sheet). */
  get rawPage(): Page | undefined {
    return this.page;
  }

  /** Crashes the render process, as a GPU or out-of-memory crash would (tests the retry path). */
  async crash(): Promise<void> {
    await this.page?.goto('chrome://crash', { timeout: 5000 }).catch(() => undefined);
  }

  async close(): Promise<void> {
    const b = this.browser;
    this.browser = undefined;
    this.page = undefined;
    if (b) await b.close().catch(() => undefined);
  }
}
