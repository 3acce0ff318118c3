// `kino retro`: the retro engine outside a film — an image or a video through palette, dither,
// hardware constraints and CRT, to an image, a video, a GIF or a PNG sequence.

import fs from 'node:fs';
import path from 'node:path';
import { KinoError, issue, toIssues, type KinoIssue } from '../../doc/errors';
import type { Command } from '../command';
import {
  BUILTIN_PALETTE_NAMES,
  CONSTRAINT_NAMES,
  CRT_PRESET_NAMES,
  DISTANCE_METRICS,
  DITHER_NAMES,
  DITHERS,
  RETRO_STYLES,
  RETRO_STYLE_NAMES,
  canonicalDitherName,
  createRetroProcessor,
  parseSize,
  readImageFrame,
  resolvePalette,
  writeImageFrame,
  type RetroOptionsInput,
  type RetroStyleName,
} from '../../retro/index';
import { VIDEO_EXTS, decodeVideoFrames, openVideoEncoder, probeVideo, videoOutputKind } from '../../retro/video';

const IMAGE_EXTS = new Set(['.png', '.jpg', '.jpeg', '.webp', '.bmp', '.tif', '.tiff', '.avif']);
const IMAGE_OUT_EXTS = new Set(['.png', '.webp', '.gif', '.jpg', '.jpeg', '.tif', '.tiff']);

function num(v: unknown, flag: string, min: number, max: number, problems: KinoIssue[], integer = false): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    problems.push(issue('cli/bad-value', `kino retro: --${flag} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}; got "${v}".`));
    return undefined;
  }
  return n;
}

function listing(): string {
  return [
    `Palettes (${BUILTIN_PALETTE_NAMES.length}): ${BUILTIN_PALETTE_NAMES.join(', ')}`,
    '  or a file (.gpl .hex .pal .txt, PNG swatch), a hex list "#000000,#ffffff", or adaptive:<n>',
    `Dithers: ${DITHERS.map((d) => `${d.name} (${d.label})`).join(', ')}`,
    `Constraints: ${CONSTRAINT_NAMES.join(', ')}`,
    `CRT presets: ${CRT_PRESET_NAMES.join(', ')}`,
    `Styles: ${RETRO_STYLE_NAMES.map((s) => `${s} (${RETRO_STYLES[s].label})`).join(', ')}`,
    `Distances: auto, ${DISTANCE_METRICS.join(', ')}`,
  ].join('\n');
}

export const command: Command = {
  name: 'retro',
  summary: 'Convert an image or video to a retro look: palette, dither, hardware limits, CRT.',
  usage: '<image|video> -o <out> [--palette <name|file>] [--dither <algorithm>] [--size WxH] [--crt <preset>]',
  options: {
    out: { type: 'string', short: 'o', value: '<file>', description: 'Output: .png/.gif/.webp/.jpg for images; .mp4/.mov/.webm/.gif or frames_%05d.png (or dir/) for videos.' },
    palette: { type: 'string', short: 'p', value: '<name|file>', description: 'Built-in palette, palette file (.gpl .hex .pal .txt), PNG swatch, "#hex,#hex…" or adaptive:<n>.' },
    dither: { type: 'string', short: 'd', value: '<algorithm>', description: 'Dither algorithm (see --list). Default floyd-steinberg.' },
    size: { type: 'string', short: 's', value: 'WxH', description: 'Target pixel grid, e.g. 320x180. Default: the input size.' },
    crt: { type: 'string', value: '<preset>', description: `Display simulation: ${CRT_PRESET_NAMES.join(', ')}.` },
    strength: { type: 'string', value: '<0..1>', description: 'Dither strength (0 = nearest colour). Default 1.' },
    constraint: { type: 'string', value: '<mode>', choices: CONSTRAINT_NAMES, description: `Hardware rules: ${CONSTRAINT_NAMES.join(', ')}.` },
    style: { type: 'string', value: '<name>', description: 'Start from a named look (see --list); other flags override it.' },
    fit: { type: 'string', choices: ['cover', 'contain', 'fill'], description: 'How the input fits --size: crop, letterbox or stretch. Default cover.' },
    resample: { type: 'string', choices: ['area', 'nearest'], description: 'Downscale filter. Default area (linear light).' },
    distance: { type: 'string', choices: [...DISTANCE_METRICS, 'auto'], description: 'Colour distance for nearest-colour search. Default auto (CIEDE2000, or the measured better of sRGB/CIEDE2000 for error diffusion).' },
    pattern: { type: 'string', value: '<image>', description: 'Threshold tile image for --dither custom.' },
    upscale: { type: 'string', value: '<n>', description: 'Integer nearest-neighbour upscale of the result (no CRT). Video default: to at least 720 lines.' },
    hysteresis: { type: 'string', value: '<levels>', description: 'Video: keep a pixel while its source changes ≤ this many 8-bit levels, so still areas never flicker (0 = off). Default 6.' },
    scan: { type: 'string', choices: ['serpentine', 'raster'], description: 'Error-diffusion scan order. Default serpentine.' },
    frames: { type: 'string', value: '<n>', description: 'Video: process only the first n frames.' },
    list: { type: 'boolean', description: 'List palettes, dithers, constraints, CRT presets and styles.' },
    json: { type: 'boolean', description: 'Print a JSON summary on stdout.' },
  },
  details: `
Examples:
  kino retro shot.png --palette pico8 --dither floyd-steinberg --size 320x180 -o shot-pico8.png
  kino retro clip.mp4 --style gameboy -o clip-gb.mp4
  kino retro clip.mp4 --palette db32 --dither bayer8 --size 320x180 --crt arcade -o clip-arcade.mp4
  kino retro still.jpg --constraint zx-spectrum --dither bayer4 --size 256x192 -o zx.png`,
  async run({ positionals, values }) {
    if (values.list) {
      process.stdout.write(values.json ? JSON.stringify({ palettes: BUILTIN_PALETTE_NAMES, dithers: DITHER_NAMES, constraints: CONSTRAINT_NAMES, crtPresets: CRT_PRESET_NAMES, styles: RETRO_STYLE_NAMES }, null, 2) + '\n' : listing() + '\n');
      return 0;
    }
    const problems: KinoIssue[] = [];
    const [input] = positionals;
    if (!input) problems.push(issue('cli/usage', 'kino retro needs an input image or video: kino retro in.png -o out.png', { hint: 'Run `kino retro --help`.' }));
    const out = values.out as string | undefined;
    if (!out) problems.push(issue('cli/usage', 'kino retro needs an output: -o <file>.'));
    let opts: RetroOptionsInput = {};
    if (values.style !== undefined) {
      const s = values.style as string;
      if (!(s in RETRO_STYLES)) problems.push(issue('cli/bad-value', `Unknown style "${s}". Available: ${RETRO_STYLE_NAMES.join(', ')}.`));
      else opts = { ...RETRO_STYLES[s as RetroStyleName].options };
    }
    if (values.palette !== undefined) opts.palette = values.palette as string;
    if (values.dither !== undefined) {
      const d = canonicalDitherName(values.dither as string);
      if (!d) problems.push(issue('cli/bad-value', `Unknown dither "${values.dither}". Available: ${DITHER_NAMES.join(', ')}.`, { hint: 'Aliases: fs, jjn, sierra, bayer, halftone, pattern.' }));
      else opts.dither = d;
    }
    if (values.size !== undefined) {
      try {
        const s = parseSize(values.size as string);
        opts.size = s;
      } catch (e) {
        problems.push(...(e as KinoError).issues);
      }
    }
    if (values.crt !== undefined) {
      const c = values.crt as string;
      if (c === 'none') opts.crt = undefined;
      else if (!(CRT_PRESET_NAMES as string[]).includes(c)) problems.push(issue('cli/bad-value', `Unknown CRT preset "${c}". Available: ${CRT_PRESET_NAMES.join(', ')}, none.`));
      else opts.crt = c as (typeof CRT_PRESET_NAMES)[number];
    }
    const strength = num(values.strength, 'strength', 0, 1, problems);
    if (strength !== undefined) opts.strength = strength;
    if (values.constraint !== undefined) opts.constraint = values.constraint as RetroOptionsInput['constraint'];
    if (values.fit !== undefined) opts.fit = values.fit as RetroOptionsInput['fit'];
    if (values.resample !== undefined) opts.resample = values.resample as RetroOptionsInput['resample'];
    if (values.distance !== undefined) opts.distance = values.distance as RetroOptionsInput['distance'];
    if (values.pattern !== undefined) opts.pattern = values.pattern as string;
    const upscale = num(values.upscale, 'upscale', 1, 16, problems, true);
    if (upscale !== undefined) opts.upscale = upscale;
    const hysteresis = num(values.hysteresis, 'hysteresis', 0, 64, problems);
    if (hysteresis !== undefined) opts.hysteresis = hysteresis;
    if (values.scan !== undefined) opts.serpentine = values.scan === 'serpentine';
    const maxFrames = num(values.frames, 'frames', 1, 10_000_000, problems, true);
    if (typeof opts.palette === 'string' && !/^adaptive(:\d+)?$/i.test(opts.palette)) {
      // Resolve now so a bad palette is reported together with every other bad flag.
      try {
        await resolvePalette(opts.palette);
      } catch (e) {
        problems.push(...toIssues(e));
      }
    }
    if (input && !fs.existsSync(input)) problems.push(issue('retro/input-missing', `Input not found: ${input}.`, { location: { file: input } }));
    if (problems.length) throw new KinoError(problems);

    const ext = path.extname(input).toLowerCase();
    const outExt = path.extname(out!).toLowerCase();
    const started = performance.now();
    const isVideo = VIDEO_EXTS.has(ext) && !(ext === '.gif' && outExt !== '.gif' && IMAGE_OUT_EXTS.has(outExt));
    if (!isVideo) {
      if (!IMAGE_EXTS.has(ext) && ext !== '.gif' && ext !== '') {
        throw new KinoError(issue('retro/input-type', `Cannot tell whether ${input} is an image or a video from "${ext}".`, { hint: `Images: ${[...IMAGE_EXTS].join(' ')}; videos: ${[...VIDEO_EXTS].join(' ')}.` }));
      }
      if (!IMAGE_OUT_EXTS.has(outExt)) throw new KinoError(issue('retro/bad-output', `An image input needs an image output (.png, .gif, .webp, .jpg, .tif); got "${out}".`));
      const frame = await readImageFrame(input);
      const proc = await createRetroProcessor(opts);
      const result = proc.process(frame, 0);
      await writeImageFrame(out!, result);
      const summary = { ok: true, input, output: out, width: result.width, height: result.height, frames: 1, palette: proc.palette?.name, colors: (proc.palette?.rgb.length ?? 0) / 3, ms: Math.round(performance.now() - started) };
      if (values.json) process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
      else process.stderr.write(`kino retro: wrote ${out} (${result.width}×${result.height}, palette ${summary.palette}, ${summary.colors} colours)\n`);
      return 0;
    }

    if (!videoOutputKind(out!)) throw new KinoError(issue('retro/bad-output', `A video input needs a video output (.mp4, .mov, .webm, .gif) or a PNG sequence (frames_%05d.png or dir/); got "${out}".`));
    const info = await probeVideo(input);
    const target = opts.size ?? { width: info.width, height: info.height };
    const tw = typeof target === 'string' ? parseSize(target).width : target.width;
    const th = typeof target === 'string' ? parseSize(target).height : target.height;
    if (opts.upscale === undefined && !opts.crt && videoOutputKind(out!) !== 'png-sequence' && th < 720) opts.upscale = Math.max(1, Math.min(16, Math.ceil(720 / th)));
    const proc = await createRetroProcessor(opts);
    let encoder: Awaited<ReturnType<typeof openVideoEncoder>> | undefined;
    let n = 0;
    let outW = tw, outH = th;
    try {
      for await (const frame of decodeVideoFrames(input, info, { maxFrames })) {
        const result = proc.process(frame, n);
        if (!encoder) {
          outW = result.width;
          outH = result.height;
          encoder = await openVideoEncoder(out!, { width: outW, height: outH, fps: info.fps, audioFrom: info.hasAudio && maxFrames === undefined ? input : undefined, palette: opts.crt ? undefined : proc.palette });
        }
        await encoder.write(result);
        n++;
        if (!values.json && n % 25 === 0) process.stderr.write(`\rkino retro: ${n} frames`);
      }
      if (!encoder) throw new KinoError(issue('retro/video-empty', `${input} has no frames to process.`, { location: { file: input } }));
      await encoder.finish();
    } catch (e) {
      await encoder?.abort();
      throw e;
    }
    const summary = { ok: true, input, output: out, width: outW, height: outH, frames: n, fps: info.fps, palette: proc.palette?.name, colors: (proc.palette?.rgb.length ?? 0) / 3, ms: Math.round(performance.now() - started) };
    if (values.json) process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
    else process.stderr.write(`\rkino retro: wrote ${out} (${n} frames, ${outW}×${outH}, palette ${summary.palette}) in ${(summary.ms / 1000).toFixed(1)} s\n`);
    return 0;
  },
};
