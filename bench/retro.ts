// Retro benchmark (recipe: shared/reference/retro.md §6), side by side in one run:
//   1920×1080 input → 320×180, PICO-8 (16 colours), Floyd–Steinberg — kino vs ImageMagick
//   `-scale -dither FloydSteinberg -remap` on the same palette.
// Speed: median ms/frame from an in-memory RGBA frame to the quantised RGBA frame (ImageMagick's
// includes its process start and raw I/O through pipes, as a CLI user pays it).
// Quality: mean CIEDE2000 after a σ = 1 px Gaussian blur (both sides) against the linear-light
// area average of the source — what the eye integrates at viewing distance.
// Flicker: % of pixels that change between consecutive frames of a static scene with ±2-level
// sensor noise (noise added at 1920×1080, before the reduction, as in the recipe), and outside a
// moving ball.
// Run: npm run bench:retro   (ImageMagick: apt-get install -y imagemagick; skipped when absent)

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { ciede2000 } from '../src/retro/color/ciede2000';
import { linearToLab } from '../src/retro/color/cielab';
import { SRGB8_TO_LINEAR } from '../src/retro/color/srgb';
import { gaussianBlurRgb } from '../src/retro/blur';
import type { Frame } from '../src/retro/frame';
import { builtinPalette } from '../src/retro/palette/builtin';
import { createRetroProcessorSync, type RetroProcessor } from '../src/retro/processor';
import { resizeToLinear } from '../src/retro/resize';
import { createCrt } from '../src/retro/crt/crt';
import { sha256 } from '../src/util/hash';
import { photoScene, syntheticScene } from '../test/fixtures/retro/scenes';

const W = 320, H = 180;
const PALETTE = 'pico8';
const IM = '/usr/bin/convert';
const RUNS = Number(process.env.RUNS ?? 15);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

function time(fn: () => void, runs = RUNS, warm = 3): number {
  for (let i = 0; i < warm; i++) fn();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  return median(t);
}

/** Blurred CIELAB of a linear RGB float image. */
function blurredLab(lin: Float32Array, w: number, h: number): Float32Array {
  const b = gaussianBlurRgb(lin, w, h, 1);
  const out = new Float32Array(b.length);
  const t: [number, number, number] = [0, 0, 0];
  for (let i = 0; i < w * h; i++) {
    linearToLab(b[i * 3], b[i * 3 + 1], b[i * 3 + 2], t);
    out.set(t, i * 3);
  }
  return out;
}

function frameLinear(f: Frame): Float32Array {
  const out = new Float32Array(f.width * f.height * 3);
  for (let i = 0; i < f.width * f.height; i++) for (let c = 0; c < 3; c++) out[i * 3 + c] = SRGB8_TO_LINEAR[f.data[i * 4 + c]];
  return out;
}

function meanDeltaE(refLab: Float32Array, f: Frame): number {
  const lab = blurredLab(frameLinear(f), f.width, f.height);
  let s = 0;
  const n = f.width * f.height;
  for (let i = 0; i < n; i++) s += ciede2000(refLab[i * 3], refLab[i * 3 + 1], refLab[i * 3 + 2], lab[i * 3], lab[i * 3 + 1], lab[i * 3 + 2]);
  return s / n;
}

function changed(a: Frame, b: Frame, skip?: (x: number, y: number) => boolean): number {
  let n = 0, total = 0;
  for (let y = 0; y < a.height; y++)
    for (let x = 0; x < a.width; x++) {
      if (skip?.(x, y)) continue;
      total++;
      const o = (y * a.width + x) * 4;
      if (a.data[o] !== b.data[o] || a.data[o + 1] !== b.data[o + 1] || a.data[o + 2] !== b.data[o + 2]) n++;
    }
  return n / total;
}

function proc(dither: string, hysteresis = 0): RetroProcessor {
  return createRetroProcessorSync({ palette: PALETTE, dither, size: { width: W, height: H }, hysteresis });
}

function imagemagickAvailable(): boolean {
  if (!fs.existsSync(IM)) return false;
  const r = spawnSync(IM, ['-version'], { encoding: 'utf8' });
  return r.status === 0 && /ImageMagick/.test(r.stdout);
}

function imRemap(src: Frame, palettePng: string): Frame {
  const r = spawnSync(IM, ['-size', `${src.width}x${src.height}`, '-depth', '8', 'rgba:-', '-scale', `${W}x${H}!`, '-dither', 'FloydSteinberg', '-remap', palettePng, '-depth', '8', 'rgba:-'], {
    input: src.data,
    maxBuffer: 64 << 20,
  });
  if (r.status !== 0) throw new Error(`ImageMagick failed: ${r.stderr}`);
  return { width: W, height: H, data: new Uint8Array(r.stdout.buffer, r.stdout.byteOffset, r.stdout.length) };
}

function fmt(n: number, d = 2): string {
  return n.toFixed(d);
}

async function main(): Promise<void> {
  const lines: string[] = [];
  const log = (s = '') => {
    lines.push(s);
    console.log(s);
  };
  log(`# Retro benchmark — ${os.cpus()[0]?.model ?? 'cpu'} ×${os.cpus().length}, Node ${process.versions.node}`);
  log('');
  const t0 = performance.now();
  const scenes: [string, Frame][] = [
    ['synthetic', syntheticScene()],
    ['photo-like', photoScene()],
  ];
  log(`(scenes generated in ${fmt((performance.now() - t0) / 1000, 1)} s)`);

  const pal = builtinPalette(PALETTE)!;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kino-bench-retro-'));
  const palettePng = path.join(tmp, 'palette.png');
  const palData = Buffer.alloc(16 * 4);
  for (let i = 0; i < 16; i++) palData.set([pal.rgb[i * 3], pal.rgb[i * 3 + 1], pal.rgb[i * 3 + 2], 255], i * 4);
  await sharp(palData, { raw: { width: 16, height: 1, channels: 4 } }).png().toFile(palettePng);
  const haveIM = imagemagickAvailable();
  if (!haveIM) log(`ImageMagick not found at ${IM}: skipping the comparison (apt-get install -y imagemagick).`);

  for (const [name, src] of scenes) {
    log('');
    log(`## ${name} scene, 1920×1080 → ${W}×${H}, ${PALETTE}`);
    log('');
    const ref = resizeToLinear(src, W, H);
    const refLab = blurredLab(ref.rgb, W, H);
    log('| Pipeline | ms/frame | mean ΔE00 (1 px blur) |');
    log('|---|---|---|');
    const cold = proc('floyd-steinberg');
    const coldStart = performance.now();
    cold.process(src);
    const coldMs = performance.now() - coldStart;
    const fs0 = proc('floyd-steinberg');
    const ours = fs0.process(src);
    const oursMs = time(() => fs0.process(src));
    const oursDe = meanDeltaE(refLab, ours);
    log(`| kino Floyd–Steinberg (defaults: linear light, gamut-mapped target, serpentine, distance auto → ${fs0.distance}) | ${fmt(oursMs)} | ${fmt(oursDe)} |`);
    log(`| — first frame of a process (metric trial, lookup tables, gamut lattice; once per shot/palette) | ${fmt(coldMs, 0)} | |`);
    const resizeMs = time(() => resizeToLinear(src, W, H));
    log(`| — of which the 1920×1080 → 320×180 area reduction | ${fmt(resizeMs)} | |`);
    let imMs = NaN, imDe = NaN;
    if (haveIM) {
      const im = imRemap(src, palettePng);
      imMs = time(() => imRemap(src, palettePng), Math.min(RUNS, 9), 1);
      imDe = meanDeltaE(refLab, im);
      log(`| ImageMagick 6 \`-scale -dither FloydSteinberg -remap\` | ${fmt(imMs)} | ${fmt(imDe)} |`);
      const imOnOurs = (() => {
        // Same reduction as ours, so only the dithering differs.
        const small = fs0.options && ref;
        const f: Frame = { width: W, height: H, data: new Uint8Array(W * H * 4) };
        for (let i = 0; i < W * H; i++) {
          for (let c = 0; c < 3; c++) f.data[i * 4 + c] = Math.round(255 * Math.pow(Math.min(1, small.rgb[i * 3 + c]), 1 / 2.2));
          f.data[i * 4 + 3] = 255;
        }
        const r = spawnSync(IM, ['-size', `${W}x${H}`, '-depth', '8', 'rgba:-', '-dither', 'FloydSteinberg', '-remap', palettePng, '-depth', '8', 'rgba:-'], { input: f.data, maxBuffer: 64 << 20 });
        return { width: W, height: H, data: new Uint8Array(r.stdout) };
      })();
      log(`| ImageMagick \`-remap\` fed a linear-light area-reduced frame | — | ${fmt(meanDeltaE(refLab, imOnOurs))} |`);
    }
    for (const d of ['jarvis-judice-ninke', 'stucki', 'sierra3', 'atkinson', 'bayer8', 'blue-noise', 'clustered-dot', 'knoll', 'yliluoma', 'none']) {
      const p = proc(d);
      const out = p.process(src);
      const ms = time(() => p.process(src), 7, 1);
      log(`| kino ${d} | ${fmt(ms)} | ${fmt(meanDeltaE(refLab, out))} |`);
    }
    const variant = (label: string, o: Record<string, unknown>) => {
      const p = createRetroProcessorSync({ palette: PALETTE, dither: 'floyd-steinberg', size: { width: W, height: H }, hysteresis: 0, ...o });
      log(`| kino Floyd–Steinberg, ${label} | — | ${fmt(meanDeltaE(refLab, p.process(src)))} |`);
    };
    variant('raster scan', { serpentine: false });
    variant('CIEDE2000 selection', { distance: 'ciede2000' });
    variant('sRGB-Euclidean selection', { distance: 'rgb' });
    variant('CIEDE2000 selection, no gamut mapping', { gamutMap: false, distance: 'ciede2000' });
    variant('OKLab selection, no gamut mapping', { gamutMap: false, distance: 'oklab' });
    variant('redmean selection, no gamut mapping', { gamutMap: false, distance: 'redmean' });
    if (haveIM) {
      log('');
      log(`**Speed:** kino ${fmt(oursMs)} ms vs ImageMagick ${fmt(imMs)} ms per frame → ${fmt(imMs / oursMs, 1)}× faster (goal ≤ 10 ms).`);
      log(`**Quality:** ΔE00 ${fmt(oursDe)} vs ${fmt(imDe)} → ${fmt((1 - oursDe / imDe) * 100, 1)} % lower (goal ≥ 30 %).`);
    }
    const h1 = sha256(proc('floyd-steinberg').process(src).data);
    const h2 = sha256(proc('floyd-steinberg').process(src).data);
    log(`**Determinism:** two fresh runs ${h1 === h2 ? 'byte-identical' : 'DIFFER'} (sha256 ${h1.slice(0, 12)}…).`);
  }

  // Flicker on a static noisy scene and with a moving ball.
  log('');
  log('## Temporal stability (synthetic scene, 6 frames, ±2-level noise added at 1920×1080)');
  log('');
  const still = [1, 2, 3, 4, 5, 6].map((seed) => syntheticScene({ noise: 2, noiseSeed: seed }));
  const moving = [1, 2, 3, 4, 5, 6].map((seed, i) => syntheticScene({ noise: 2, noiseSeed: seed, ballX: 0.5 + (i * 2) / W }));
  const ballBox = (i: number) => (x: number, y: number) => {
    const cx = (0.5 + (i * 2) / W) * W, cy = 0.62 * H, r = 0.11 * H + 6;
    return Math.abs(x - cx) < r + 4 && Math.abs(y - cy) < r;
  };
  const flicker = (d: string, hyst: number, frames: Frame[], outsideBall: boolean) => {
    const p = proc(d, hyst);
    const outs = frames.map((f, i) => p.process(f, i));
    let s = 0;
    for (let i = 1; i < outs.length; i++) s += changed(outs[i - 1], outs[i], outsideBall ? (x, y) => ballBox(i)(x, y) || ballBox(i - 1)(x, y) : undefined);
    return (s / (outs.length - 1)) * 100;
  };
  log('| Dither | static, no hysteresis | static, hysteresis 6 | outside moving ball, no hyst. | outside moving ball, hyst. 6 |');
  log('|---|---|---|---|---|');
  for (const d of ['bayer8', 'bayer4', 'blue-noise', 'clustered-dot', 'knoll', 'yliluoma', 'floyd-steinberg', 'atkinson']) {
    log(`| ${d} | ${fmt(flicker(d, 0, still, false))} % | ${fmt(flicker(d, 6, still, false))} % | ${fmt(flicker(d, 0, moving, true))} % | ${fmt(flicker(d, 6, moving, true))} % |`);
  }
  // Noise at the target resolution (grain on a rendered 320×180 frame) is the harder case.
  const stillSmall = [1, 2, 3, 4, 5, 6].map((seed) => syntheticScene({ width: W, height: H, noise: 2, noiseSeed: seed }));
  log('');
  log('Noise added at 320×180 instead (grain on a frame rendered at the target size):');
  log('');
  log('| Dither | no hysteresis | hysteresis 6 |');
  log('|---|---|---|');
  for (const d of ['bayer8', 'blue-noise', 'knoll', 'floyd-steinberg']) log(`| ${d} | ${fmt(flicker(d, 0, stillSmall, false))} % | ${fmt(flicker(d, 6, stillSmall, false))} % |`);

  // CRT cost.
  log('');
  log('## CRT (320×180 → 1280×720)');
  log('');
  const small = proc('bayer8').process(scenes[0][1]);
  log('| Preset | ms/frame |');
  log('|---|---|');
  for (const preset of ['consumer-tv', 'pvm', 'arcade', 'handheld-lcd'] as const) {
    const crt = createCrt(preset);
    log(`| ${preset} | ${fmt(time(() => crt.process(small, 0), 5, 1), 1)} |`);
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  if (process.env.BENCH_OUT) fs.writeFileSync(process.env.BENCH_OUT, lines.join('\n') + '\n');
}

await main();
