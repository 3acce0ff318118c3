// The render page's look features, in real Chromium: the grade pass matches its CPU reference,
// ungraded frames are untouched, and the isometric camera is true 2:1 pixel isometric.

import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backdrop, Character, Film, Light, Place, Prop, Scene, Shot, Truck } from 'kino';
import { loadFilm } from '../../src/pipeline/load';
import type { FilmPlan } from '../../src/plan/schema';
import { PROFILES } from '../../src/render/profiles';
import { RenderSession } from '../../src/render/session';
import { applyGradeCpu, composeGrade, IDENTITY_GRADE, parseCube, type GradeParams } from '../../src/vfx/index';
import { DEPARTMENTS } from '../../src/pipeline/departments';
import { renderToDoc } from '../../reconciler';
import { validateDoc } from '../../src/doc/validate';
import { buildPlan } from '../../src/plan/build';
import { repoRoot } from '../core/helpers';
import path from 'node:path';

const page = { ...PROFILES.draft.page, capture: 'png' as const };

async function decode(b64: string) {
  const { data, info } = await sharp(Buffer.from(b64, 'base64')).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data) };
}

describe('grade pass', () => {
  let session: RenderSession;
  let plan: FilmPlan;
  beforeAll(async () => {
    const loaded = await loadFilm(path.join(repoRoot, 'test/fixtures/films/tiny.tsx'));
    plan = loaded.plan!;
    session = new RenderSession(plan, [160, 90], page, []);
    await session.open();
  }, 120_000);
  afterAll(() => session?.close());

  const req = { scene: 0, shot: 0, editFrame: 4, clip: true };
  const grade: GradeParams = composeGrade(IDENTITY_GRADE, {
    exposure: 0.4, contrast: 1.3, saturation: 0.6, temperature: 30, tint: -12, lift: [0.03, 0, -0.02], gamma: [1.1, 1, 0.95], gain: [1.05, 1, 0.9],
    shadowsTint: [-0.04, 0.01, 0.05], highlightsTint: [0.05, 0.01, -0.04], vignette: 0.4, letterbox: 2.39,
  });

  it('matches the CPU reference within 2/255 on every pixel, and leaves ungraded frames alone', async () => {
    const plain = await decode((await session.frames([req]))[0].clip!);
    await session.rawPage!.evaluate((g) => (window as never as { kino: { setLook(l: unknown): void } }).kino.setLook({ grade: g }), grade);
    const graded = await decode((await session.frames([req]))[0].clip!);
    await session.rawPage!.evaluate(() => (window as never as { kino: { setLook(l: unknown): void } }).kino.setLook(null));
    const again = await decode((await session.frames([req]))[0].clip!);
    expect(Buffer.compare(Buffer.from(again.data), Buffer.from(plain.data))).toBe(0);

    const ref = { ...plain, data: new Uint8Array(plain.data) };
    applyGradeCpu(ref, grade);
    let max = 0;
    let changed = 0;
    for (let i = 0; i < ref.data.length; i += 4)
      for (let c = 0; c < 3; c++) {
        max = Math.max(max, Math.abs(ref.data[i + c] - graded.data[i + c]));
        if (graded.data[i + c] !== plain.data[i + c]) changed++;
      }
    expect(max).toBeLessThanOrEqual(2);
    expect(changed / (ref.data.length * 0.75)).toBeGreaterThan(0.9);
    // 2.39:1 bars on a 16:9 frame: 12 rows top and bottom are black.
    for (const y of [0, 11, 78, 89]) expect(graded.data[(y * 160 + 80) * 4]).toBe(0);
    expect(graded.data[(45 * 160 + 80) * 4 + 1]).toBeGreaterThan(0);
  });

  it('grain is seeded: the same frame grades identically twice, a different frame differently', async () => {
    const g = composeGrade(IDENTITY_GRADE, { grain: 0.8 });
    await session.rawPage!.evaluate((x) => (window as never as { kino: { setLook(l: unknown): void } }).kino.setLook({ grade: x }), g);
    const [a, b, c] = await session.frames([req, req, { ...req, editFrame: 5 }]);
    await session.rawPage!.evaluate(() => (window as never as { kino: { setLook(l: unknown): void } }).kino.setLook(null));
    expect(a.clip).toBe(b.clip);
    const plainNext = await decode((await session.frames([{ ...req, editFrame: 5 }]))[0].clip!);
    const ref = { ...plainNext, data: new Uint8Array(plainNext.data) };
    applyGradeCpu(ref, g, { seed: (0 * 104729 + 0 * 7919 + 5) >>> 0 });
    const gc = await decode(c.clip!);
    let max = 0;
    for (let i = 0; i < ref.data.length; i++) if (i % 4 !== 3) max = Math.max(max, Math.abs(ref.data[i] - gc.data[i]));
    expect(max).toBeLessThanOrEqual(2);
  });
});

describe('3D LUT', () => {
  it('a .cube LUT loads as a 3D texture and grades like the CPU reference (trilinear)', async () => {
    const N = 17;
    const lines = ['TITLE "swap"', `LUT_3D_SIZE ${N}`];
    for (let b = 0; b < N; b++) for (let g = 0; g < N; g++) for (let r = 0; r < N; r++) lines.push(`${(g / (N - 1)).toFixed(6)} ${Math.pow(b / (N - 1), 0.8).toFixed(6)} ${(1 - r / (N - 1)).toFixed(6)}`);
    const lut = parseCube(lines.join('\n'), 'swap.cube');
    const loaded = await loadFilm(path.join(repoRoot, 'test/fixtures/films/tiny.tsx'));
    const grade = composeGrade(IDENTITY_GRADE, { lut: '/virtual/swap.cube', lutStrength: 0.85, contrast: 1.1 });
    const s = new RenderSession(loaded.plan!, [160, 90], page, [], { luts: [{ key: '/virtual/swap.cube', size: N, data: lut.data }] });
    await s.open();
    try {
      const req = { scene: 1, shot: 0, editFrame: loaded.plan!.scenes[1].shots[0].startFrame + 4, clip: true };
      const plain = await decode((await s.frames([req]))[0].clip!);
      await s.rawPage!.evaluate((g) => (window as never as { kino: { setLook(l: unknown): void } }).kino.setLook({ grade: g }), grade);
      const graded = await decode((await s.frames([req]))[0].clip!);
      const ref = { ...plain, data: new Uint8Array(plain.data) };
      applyGradeCpu(ref, grade, { lut });
      let max = 0;
      for (let i = 0; i < ref.data.length; i++) if (i % 4 !== 3) max = Math.max(max, Math.abs(ref.data[i] - graded.data[i]));
      expect(max).toBeLessThanOrEqual(3);
      // The swap is visible: red now carries what green did.
      expect(Math.abs(graded.data[0] - plain.data[0]) + Math.abs(graded.data[2] - plain.data[2])).toBeGreaterThan(0);
    } finally {
      await s.close();
    }
  });
});

describe('isometric camera', () => {
  it('renders a unit cube whose top face is a 2:1 diamond in pixels', async () => {
    // A unit cube lit from straight above: only its top face is lit, on black.
    const el = (
      <Film title="Iso" fps={12} resolution="256x256">
        <Character id="nobody" />
        <Scene id="iso" heading="INT. STUDIO - DAY">
          <Backdrop kind="solid" color="#000000" />
          <Light id="top" kind="directional" position={[0, 20, 0]} target={[0, 0, 0]} intensity={3} castShadow={false} />
          <Prop id="cube" shape="box" size={[1, 1, 1]} position={[0, 0, 0]} color="#ffffff" />
          <Place who="nobody" position={[30, 0, 30]} />
          <Shot id="iso" duration="0.25s" camera={{ projection: 'isometric', orthoHeight: 2.5, position: [6, 5, 6], target: [0, 0.5, 0] }} />
        </Scene>
      </Film>
    );
    const r = renderToDoc(el);
    const v = validateDoc(r.doc);
    const built = buildPlan(v.root!, { checkFiles: false, resolvers: DEPARTMENTS });
    expect(built.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const s = new RenderSession(built.plan!, [256, 256], page, []);
    await s.open();
    try {
      const f = await decode((await s.frames([{ scene: 0, shot: 0, editFrame: 0, clip: true }]))[0].clip!);
      // Bounding box of the bright (lit top) pixels.
      let x0 = 1e9, x1 = -1, y0 = 1e9, y1 = -1;
      for (let y = 0; y < f.height; y++)
        for (let x = 0; x < f.width; x++) {
          const i = (y * f.width + x) * 4;
          if (f.data[i] + f.data[i + 1] + f.data[i + 2] > 3 * 120) {
            x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
          }
        }
      const w = x1 - x0 + 1;
      const h = y1 - y0 + 1;
      // Tile width is √2 m at 256 px / 2.5 m: 144.8 px; height exactly half of it.
      expect(w).toBeGreaterThan(140);
      expect(w).toBeLessThan(150);
      expect(Math.abs(w / h - 2)).toBeLessThan(0.04);
    } finally {
      await s.close();
    }
  });
});

describe('side-scroller camera', () => {
  it('draws depth layers with parallax: each layer scrolls by its factor of the camera travel', async () => {
    // Four boxes at different depths, one colour each; the camera trucks 3 m right.
    const el = (
      <Film title="Side" fps={12} resolution="320x180">
        <Character id="nobody" />
        <Scene id="side" heading="EXT. LEVEL - DAY">
          <Backdrop kind="solid" color="#000000" />
          <Light id="amb" kind="hemisphere" intensity={1.5} />
          <Prop id="front" shape="box" size={[0.5, 0.5, 0.5]} position={[1.5, -0.8, 4]} color="#ffff00" />
          <Prop id="action" shape="box" size={[0.5, 0.5, 0.5]} position={[1, 0, 0]} color="#ff0000" />
          <Prop id="mid" shape="box" size={[0.5, 0.5, 0.5]} position={[1, 1, -6]} color="#00ff00" />
          <Prop id="far" shape="box" size={[0.5, 0.5, 0.5]} position={[1, 2, -25]} color="#0000ff" />
          <Place who="nobody" position={[60, 0, 60]} />
          <Shot id="run" duration="1s" camera={{ projection: 'side-scroller', orthoHeight: 4, position: [0, 1, 10], target: [0, 1, 0] }}>
            <Truck distance="3m" easing="linear" />
          </Shot>
        </Scene>
      </Film>
    );
    const v = validateDoc(renderToDoc(el).doc);
    const built = buildPlan(v.root!, { checkFiles: false, resolvers: DEPARTMENTS });
    expect(built.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const plan = built.plan!;
    const s = new RenderSession(plan, [320, 180], page, []);
    await s.open();
    try {
      const last = plan.scenes[0].shots[0].endFrame - 1;
      const [a, b] = await s.frames([{ scene: 0, shot: 0, editFrame: 0, clip: true }, { scene: 0, shot: 0, editFrame: last, clip: true }]);
      const factors = await s.rawPage!.evaluate((r) => (window as never as { kino: { parallaxLayers(r: unknown): Array<{ name: string; factor: number }> } }).kino.parallaxLayers(r), { scene: 0, shot: 0, editFrame: 0 });
      const f = Object.fromEntries(factors.map((x) => [x.name, x.factor]));
      const centroid = async (b64: string, pick: (r: number, g: number, b: number) => boolean) => {
        const img = await decode(b64);
        let sx = 0, n = 0;
        for (let i = 0; i < img.width * img.height; i++) if (pick(img.data[i * 4], img.data[i * 4 + 1], img.data[i * 4 + 2])) { sx += i % img.width; n++; }
        expect(n).toBeGreaterThan(20);
        return sx / n;
      };
      const picks = {
        // Tone mapping desaturates the boxes: classify by which channels dominate.
        front: (r: number, g: number, bl: number) => r > bl + 60 && g > bl + 60 && Math.abs(r - g) < 50,
        action: (r: number, g: number, bl: number) => r > g + 60 && r > bl + 60,
        mid: (r: number, g: number, bl: number) => g > r + 40 && g > bl + 40,
        far: (r: number, g: number, bl: number) => bl > r + 60 && bl > g + 60,
      };
      const shift: Record<string, number> = {};
      for (const [k, p] of Object.entries(picks)) shift[k] = (await centroid(a.clip!, p)) - (await centroid(b.clip!, p));
      // 3 m of travel at 45 px/m; the last frame is 11/12 of the way.
      const travel = 3 * (180 / 4) * (11 / 12);
      expect(shift.action).toBeCloseTo(travel, -0.5);
      for (const k of ['front', 'mid', 'far']) expect(Math.abs(shift[k] / travel - f[k]), k).toBeLessThan(0.04);
      expect(shift.front).toBeGreaterThan(shift.action);
      expect(shift.action).toBeGreaterThan(shift.mid);
      expect(shift.mid).toBeGreaterThan(shift.far);
    } finally {
      await s.close();
    }
  });
});
