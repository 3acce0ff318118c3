// Looks inside a render: what the grade pass and the retro post-process cost per frame, side by
// side with the plain frame in the same run (the reference ratio).
//
//   plain      the demo kitchen's first shot rendered and captured at 640×360 (draft shading)
//   graded     the same frames through the grade pass (all controls + vignette + grain + 33³ LUT)
//   retro      rendered at the 320×180 grid, PNG capture, then in Node: decode → PICO-8
//              Floyd–Steinberg (hysteresis on) → nearest fit to 640×360 → PNG encode for the clip
//   crt        rendered at 426×240, then consumer-tv CRT (scaled to fill 360 lines) → fit → encode
// Render-only probes (no capture, synced by a 1×1 readback) isolate the grade pass on the page.
// Run: npm run bench:looks   (RUNS=n frames per configuration, default 24)

import path from 'node:path';
import { loadFilm } from '../src/pipeline/load';
import { PROFILES } from '../src/render/profiles';
import { RenderSession } from '../src/render/session';
import { decodeFrame, encodePng, fitFrame, PostChain } from '../src/render/looks';
import { composeGrade, IDENTITY_GRADE, LOOK_PRESETS, parseCube, formatCube, type ShotStyle } from '../src/vfx/index';
import { RetroOptionsSchema } from '../src/retro/index';

const RUNS = Number(process.env.RUNS ?? 24);
const SIZE: [number, number] = [640, 360];
type KinoWindow = { kino: import('../src/render/page/index').KinoPageApi };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

async function main() {
  const loaded = await loadFilm(path.join(import.meta.dirname, '../films/demo/film.tsx'));
  if (!loaded.plan) throw new Error(loaded.errors.map((e) => e.message).join('\n'));
  const plan = loaded.plan;
  const shot = plan.scenes[0].shots[0];
  const frames = Array.from({ length: RUNS }, (_, i) => shot.startFrame + (i % shot.frames));
  // A 33³ LUT (a gentle warm curve), as a colourist's show LUT would be.
  const N = 33;
  const lines = [`LUT_3D_SIZE ${N}`];
  for (let b = 0; b < N; b++) for (let g = 0; g < N; g++) for (let r = 0; r < N; r++) lines.push(`${Math.min(1, (r / (N - 1)) * 1.04).toFixed(5)} ${(g / (N - 1)).toFixed(5)} ${Math.pow(b / (N - 1), 1.08).toFixed(5)}`);
  const lut = parseCube(formatCube(parseCube(lines.join('\n'))), 'warm.cube');
  const grade = composeGrade(IDENTITY_GRADE, { exposure: 0.2, contrast: 1.15, saturation: 0.9, temperature: 20, lift: [0.02, 0.01, 0], gamma: [1.05, 1, 0.98], gain: [1.02, 1, 0.97], shadowsTint: [-0.03, 0, 0.04], highlightsTint: [0.04, 0.01, -0.03], vignette: 0.3, grain: 0.2, lut: '/bench/warm.cube' });
  const page = { ...PROFILES.draft.page, capture: 'png' as const };
  const session = new RenderSession(plan, SIZE, page, [], { luts: [{ key: '/bench/warm.cube', size: lut.size, data: lut.data }] });
  await session.open();
  const raw = session.rawPage!;
  const setLook = (g: unknown) => raw.evaluate((x) => (window as unknown as KinoWindow).kino.setLook(x as never), g ? { grade: g } : null);
  const resize = (w: number, h: number) => raw.evaluate(([a, b]) => (window as unknown as KinoWindow).kino.resize(a, b), [w, h] as const);
  const renderOnly = async () => {
    const t: number[] = [];
    for (const f of frames) {
      const t0 = performance.now();
      await session.renderOnly({ scene: 0, shot: 0, editFrame: f });
      t.push(performance.now() - t0);
    }
    return median(t);
  };
  /**
   * Plain and graded frames interleaved frame by frame (A B A B …): the machine is shared, so a
   * load spike hits both sides; the paired differences' median is the pass's cost.
   */
  const paired = async (capture: boolean, look: unknown = grade) => {
    const a: number[] = [];
    const d: number[] = [];
    for (const f of frames) {
      const once = async () => {
        const t0 = performance.now();
        if (capture) await session.frames([{ scene: 0, shot: 0, editFrame: f, clip: true }]);
        else await session.renderOnly({ scene: 0, shot: 0, editFrame: f });
        return performance.now() - t0;
      };
      await setLook(null);
      const p = await once();
      await setLook(look);
      const g = await once();
      a.push(p);
      d.push(g - p);
    }
    await setLook(null);
    return { plain: median(a), extra: median(d) };
  };
  const captured = async (post?: (b64: string, i: number) => Promise<unknown>) => {
    const t: number[] = [];
    let i = 0;
    for (const f of frames) {
      const t0 = performance.now();
      const [r] = await session.frames([{ scene: 0, shot: 0, editFrame: f, clip: true }]);
      if (post) await post(r.clip!, i++);
      t.push(performance.now() - t0);
    }
    return median(t);
  };
  const out: Record<string, number> = {};
  try {
    // Warm-up: shaders, scene build, LUT upload.
    await setLook(grade);
    await captured();
    await setLook(null);
    await captured();
    const ro = await paired(false);
    out.plainRenderOnly = ro.plain;
    out.gradePassRenderOnly = ro.extra;
    const cap = await paired(true);
    out.plain = cap.plain;
    out.gradePassCaptured = cap.extra;
    // Typical looks: each compiles only the operations it uses (gradeDefines).
    const typical: Record<string, unknown> = {
      'contrast only': composeGrade(IDENTITY_GRADE, { contrast: 1.1 }),
      noir: composeGrade(IDENTITY_GRADE, LOOK_PRESETS.noir.grade!),
      'teal-orange': composeGrade(IDENTITY_GRADE, LOOK_PRESETS['cinematic-teal-orange'].grade!),
      'LUT only': composeGrade(IDENTITY_GRADE, { lut: '/bench/warm.cube' }),
    };
    for (const [k, g] of Object.entries(typical)) {
      await setLook(g);
      await renderOnly();
      out[`gradePass.${k}`] = (await paired(false, g)).extra;
    }

    const pico: ShotStyle = { looks: ['bench'], pixelSnap: false, size: { width: 320, height: 180 }, retro: RetroOptionsSchema.parse({ palette: 'pico8', dither: 'floyd-steinberg', size: '320x180' }) };
    const stages = { decode: [] as number[], quantise: [] as number[], fit: [] as number[], encode: [] as number[] };
    await resize(320, 180);
    const chain = await PostChain.create(pico, SIZE);
    const retroPost = async (b64: string, i: number) => {
      let t = performance.now();
      const f = await decodeFrame(b64);
      stages.decode.push(performance.now() - t);
      t = performance.now();
      const q = chain.process(f, i);
      stages.quantise.push(performance.now() - t);
      t = performance.now();
      const fitted = await fitFrame(q, SIZE[0], SIZE[1], true);
      stages.fit.push(performance.now() - t);
      t = performance.now();
      await encodePng(fitted);
      stages.encode.push(performance.now() - t);
    };
    await captured(retroPost);
    for (const k of Object.keys(stages) as Array<keyof typeof stages>) stages[k].length = 0;
    out.retroRenderOnly = await renderOnly();
    out.retro = await captured(retroPost);
    for (const [k, v] of Object.entries(stages)) out[`retro.${k}`] = median(v);

    const crt: ShotStyle = { looks: ['bench'], pixelSnap: false, size: { width: 426, height: 240 }, crt: 'consumer-tv' };
    await resize(426, 240);
    const crtChain = await PostChain.create(crt, SIZE);
    const crtStages = { process: [] as number[], fitEncode: [] as number[] };
    const crtPost = async (b64: string, i: number) => {
      const f = await decodeFrame(b64);
      let t = performance.now();
      const c = crtChain.process(f, i);
      crtStages.process.push(performance.now() - t);
      t = performance.now();
      await encodePng(await fitFrame(c, SIZE[0], SIZE[1], false));
      crtStages.fitEncode.push(performance.now() - t);
    };
    out.crt = await captured(crtPost);
    out['crt.process'] = median(crtStages.process);
    out['crt.fitEncode'] = median(crtStages.fitEncode);
    out.renderer = 0;
    console.log(`renderer: ${session.info.renderer}`);
  } finally {
    await session.close();
  }
  const r = (k: string) => +out[k].toFixed(2);
  console.log(JSON.stringify(Object.fromEntries(Object.keys(out).filter((k) => k !== 'renderer').map((k) => [k, r(k)])), null, 1));
  console.log(
    [
      `grade pass (render-only, paired): +${out.gradePassRenderOnly.toFixed(2)} ms/frame on ${out.plainRenderOnly.toFixed(2)} ms (${((out.gradePassRenderOnly / out.plainRenderOnly) * 100).toFixed(1)} %)`,
      ...Object.keys(out).filter((k) => k.startsWith('gradePass.')).map((k) => `  ${k.slice(10)}: +${out[k].toFixed(2)} ms (${((out[k] / out.plainRenderOnly) * 100).toFixed(1)} %)`),
      `grade pass (with PNG capture, paired): +${out.gradePassCaptured.toFixed(2)} ms/frame on ${out.plain.toFixed(2)} ms (${((out.gradePassCaptured / out.plain) * 100).toFixed(1)} %)`,
      `retro frame (320×180 render + post): ${out.retro.toFixed(2)} ms vs plain 640×360 ${out.plain.toFixed(2)} ms (×${(out.retro / out.plain).toFixed(2)}); post ${(out['retro.decode'] + out['retro.quantise'] + out['retro.fit'] + out['retro.encode']).toFixed(2)} ms`,
      `crt frame (426×240 render + consumer-tv): ${out.crt.toFixed(2)} ms (×${(out.crt / out.plain).toFixed(2)}); CRT ${out['crt.process'].toFixed(2)} ms`,
    ].join('\n'),
  );
}

await main();
