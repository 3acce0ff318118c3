// `kino sprites`: a sprite sheet from any animation in a film — a whole shot, or one character's
// action alone on a transparent background — packed and exported for game engines.

import path from 'node:path';
import { KinoError, issue, type KinoIssue } from '../../doc/errors';
import { loadFilm } from '../../pipeline/load';
import { parseSize } from '../../retro/index';
import { PROFILE_NAMES } from '../../render/profiles';
import { builtinLooks } from '../../render/style-sheet';
import { renderSpriteFrames, SPRITE_ENGINES, SPRITE_VIEWS, writeSprites, type SpriteView } from '../../render/sprites';
import type { Command, ParsedArgs } from '../command';
import { exportIsoFloorTiles, exportParallaxLayers } from '../../render/levels';

const ENGINES = Object.keys(SPRITE_ENGINES);

export const command: Command = {
  name: 'sprites',
  summary: 'Render a shot (or one character in it) as a sprite sheet with Aseprite, TexturePacker, Phaser, Godot, Unity and Tiled files.',
  usage: '<film.tsx> --shot <scene/shot> [--character <id>] [--size WxH] [--format <engine>] -o <dir>  |  --shot <s> --layers -o <dir>  |  --tiles <scene> -o <dir>',
  options: {
    shot: { type: 'string', value: '<scene/shot>', description: 'The shot whose frames become the animation.' },
    character: { type: 'string', short: 'c', value: '<id>', description: 'Only this character, on a transparent background, filmed straight on and in place.' },
    size: { type: 'string', short: 's', value: 'WxH', description: 'Sprite frame size (default 64x96 for a character, 320x180 for a shot).' },
    format: { type: 'string', short: 'f', multiple: true, value: ENGINES.join('|'), description: 'Engine exports to write (repeatable; default: all).' },
    view: { type: 'string', choices: SPRITE_VIEWS, description: 'With --character: the side filmed — right (faces screen right), left, front, back, or shot (the shot camera\'s side). Default right.' },
    style: { type: 'string', value: '<look>', description: 'Quantise the frames with a retro look (e.g. snes, pico8, gameboy; see kino styles --list).' },
    every: { type: 'string', value: '<n>', description: 'Keep every n-th frame (default 1).' },
    layout: { type: 'string', choices: ['packed', 'grid'], description: 'Sheet layout (default packed; grid when Tiled is among the formats).' },
    ppu: { type: 'string', value: '<n>', description: 'Unity pixels per unit (default 100).' },
    layers: { type: 'boolean', description: 'Side-scroller shot: write its parallax layers (transparent PNGs, as wide as each layer travels) and a Tiled map with their scroll factors.' },
    tiles: { type: 'string', value: '<scene>', description: "Write an isometric (2:1) tileset of the scene's set floor, 1 m per tile, and a Tiled isometric map." },
    tile: { type: 'string', value: '<px>', description: 'Isometric tile width in pixels (height is half). Default 64.' },
    profile: { type: 'string', short: 'p', choices: PROFILE_NAMES, default: 'preview', description: 'Render profile.' },
    out: { type: 'string', short: 'o', value: '<dir>', description: 'Output folder.' },
    json: { type: 'boolean', description: 'Print a JSON summary on stdout.' },
  },
  details: `
Examples:
  kino sprites films/demo/film.tsx --shot kitchen/A1 --character maya --size 64x96 -o sprites/maya
  kino sprites films/demo/film.tsx --shot rooftop/wide --size 320x180 --format aseprite --format godot -o sprites/rooftop
  kino sprites films/demo/film.tsx --shot kitchen/A1 -c leo --style snes --format unity -o sprites/leo
  kino sprites level.tsx --shot street/run --layers -o level/layers
  kino sprites films/demo/film.tsx --tiles kitchen --tile 64 -o level/kitchen-tiles`,
  async run({ positionals, values }) {
    const problems: KinoIssue[] = [];
    const [film] = positionals;
    if (!film) problems.push(issue('cli/usage', 'kino sprites needs a film file: kino sprites film.tsx --shot scene/shot -o dir'));
    if (typeof values.tiles === 'string') return tiles(film, values, problems);
    if (!values.shot) problems.push(issue('cli/usage', 'kino sprites needs --shot <scene/shot>.', { hint: 'Run `kino inspect <film>` to list the shots.' }));
    if (!values.out) problems.push(issue('cli/usage', 'kino sprites needs an output folder: -o <dir>.'));
    const engines = (values.format as string[] | undefined) ?? ENGINES;
    const badEngines = engines.filter((e) => !ENGINES.includes(e));
    if (badEngines.length) problems.push(issue('cli/bad-value', `--format ${badEngines.join(', ')}: unknown; use ${ENGINES.join(', ')}.`));
    let size = { width: values.character ? 64 : 320, height: values.character ? 96 : 180 };
    if (typeof values.size === 'string') {
      try {
        size = parseSize(values.size);
      } catch (e) {
        problems.push(...(e as KinoError).issues);
      }
    }
    const every = values.every === undefined ? 1 : Number(values.every);
    if (!Number.isInteger(every) || every < 1 || every > 100) problems.push(issue('cli/bad-value', `--every must be a whole number from 1 to 100; got "${values.every}".`));
    const ppu = values.ppu === undefined ? undefined : Number(values.ppu);
    if (ppu !== undefined && !(ppu > 0)) problems.push(issue('cli/bad-value', `--ppu must be a positive number; got "${values.ppu}".`));
    let style;
    if (typeof values.style === 'string') {
      const looks = builtinLooks(size.width / size.height);
      const l = looks.find((x) => x.name === values.style);
      if (!l?.style?.retro) problems.push(issue('cli/bad-value', `--style ${values.style}: not a retro look. Retro looks: ${looks.filter((x) => x.style?.retro).map((x) => x.name).join(', ')}.`));
      else style = l.style;
    }
    if (problems.length) throw new KinoError(problems);
    const loaded = await loadFilm(film);
    if (loaded.errors.length || !loaded.plan) throw new KinoError(loaded.errors.length ? loaded.issues : [issue('film/no-plan', 'The film produced no plan.')]);
    const started = performance.now();
    if (values.layers) {
      const r = await exportParallaxLayers(loaded.plan, { shot: values.shot as string, dir: values.out as string, size: typeof values.size === 'string' ? size : undefined, profile: values.profile as 'draft' | 'preview' | 'final' });
      const summary = { ok: true, dir: values.out, layers: r.layers, files: r.files, seconds: (performance.now() - started) / 1000 };
      if (values.json) process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
      else process.stderr.write(`kino sprites: ${r.layers.length} parallax layers (${r.layers.map((l) => `${l.name} ×${l.factor}`).join(', ')}) → ${values.out} in ${summary.seconds.toFixed(1)} s\n`);
      return 0;
    }
    const frames = await renderSpriteFrames(loaded.plan, {
      shot: values.shot as string,
      character: values.character as string | undefined,
      view: values.view as SpriteView | undefined,
      size,
      every,
      style,
      profile: values.profile as 'draft' | 'preview' | 'final',
    });
    const dir = values.out as string;
    const { sheet, files } = await writeSprites(frames, { dir, engines, layout: values.layout as 'grid' | 'packed' | undefined, pixelsPerUnit: ppu });
    const summary = {
      ok: true,
      dir,
      frames: frames.frames.length,
      unique: sheet.frames.filter((f) => f.duplicateOf === undefined).length,
      tags: sheet.tags.map((t) => ({ name: t.name, from: t.from, to: t.to })),
      sheet: { width: sheet.image.width, height: sheet.image.height, layout: sheet.layout },
      files: files.map((f) => path.relative(process.cwd(), f) || f),
      seconds: (performance.now() - started) / 1000,
    };
    if (values.json) process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
    else
      process.stderr.write(
        `kino sprites: ${summary.frames} frames (${summary.unique} unique), ${sheet.tags.length} tags, ${sheet.image.width}×${sheet.image.height} ${sheet.layout} sheet → ${dir} (${files.length} files) in ${summary.seconds.toFixed(1)} s\n`,
      );
    return 0;
  },
};

async function tiles(film: string | undefined, values: ParsedArgs['values'], problems: KinoIssue[]): Promise<number> {
  if (!values.out) problems.push(issue('cli/usage', 'kino sprites --tiles needs an output folder: -o <dir>.'));
  const tile = values.tile === undefined ? 64 : Number(values.tile);
  if (!Number.isInteger(tile) || tile < 8 || tile > 512 || tile % 2) problems.push(issue('cli/bad-value', `--tile must be an even number of pixels from 8 to 512; got "${values.tile}".`));
  if (problems.length) throw new KinoError(problems);
  const loaded = await loadFilm(film!);
  if (loaded.errors.length || !loaded.plan) throw new KinoError(loaded.errors.length ? loaded.issues : [issue('film/no-plan', 'The film produced no plan.')]);
  const started = performance.now();
  const r = await exportIsoFloorTiles(loaded.plan, { scene: values.tiles as string, dir: values.out as string, tileWidth: tile, profile: values.profile as 'draft' | 'preview' | 'final' });
  const summary = { ok: true, dir: values.out, tiles: r.tiles, cells: r.cells, tileSize: r.tileSize, files: r.files, seconds: (performance.now() - started) / 1000 };
  if (values.json) process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
  else process.stderr.write(`kino sprites: ${r.cells.width}×${r.cells.height} floor cells → ${r.tiles} isometric ${r.tileSize.width}×${r.tileSize.height} tiles → ${values.out} in ${summary.seconds.toFixed(1)} s\n`);
  return 0;
}
