// `kino lookbook <film|script> [-o dir]`: the look book — the film's look and palette, and per
// scene its look, palette swatches, lighting notes and a rendered frame — as one self-contained
// HTML page (frames embedded).
//
// From a script: the style director reads it (looks, palettes, lighting designs), a film is
// generated from it in a cache folder and one wide shot per scene is rendered for the frames.
// From a film: its own looks and lights; an existing render in the output folder is reused when
// it has the frames, else one wide shot per scene is rendered into a cache folder.

import fs from 'node:fs';
import path from 'node:path';
import { KinoError, formatIssues, issue } from '../../doc/errors';
import { OutputLayout, slug } from '../../deliver/layout';
import { ensureKinoProject, lookBookFrames, lookShot } from '../../pipeline/make';
import { loadFilm } from '../../pipeline/load';
import type { FilmPlan } from '../../plan/schema';
import { renderFilm } from '../../render/film';
import { PROFILE_NAMES } from '../../render/profiles';
import { loadScript } from '../../script';
import { generateFilm } from '../../script/codegen';
import { lookBookFromPlan, lookBookFromStyle, lookBookHtml, STYLE_PRESETS, type LookBookFrame, type StylePreset } from '../../script/style';
import { writeFileAtomic } from '../../util/fs';
import type { Command } from '../command';

const FILM_EXT = /\.[cm]?[jt]sx?$/i;

async function renderFrames(plan: FilmPlan, dir: string, profile: 'draft' | 'preview' | 'final', key: 'id' | 'number', log: (m: string) => void): Promise<Map<string, LookBookFrame>> {
  const only = plan.scenes.map((s) => lookShot(s)?.key).filter((k): k is string => !!k);
  log(`Rendering ${only.length} frame${only.length === 1 ? '' : 's'} for the look book (one wide shot per scene)…`);
  await renderFilm(plan, { out: dir, profile, only });
  return lookBookFrames(plan, dir, key);
}

export const command: Command = {
  name: 'lookbook',
  summary: 'Look book (HTML): looks, palettes from mood and era, lighting notes and a rendered frame per scene, from a script or a film.',
  usage: '<film|script>',
  options: {
    out: { type: 'string', short: 'o', value: '<dir>', description: 'Output folder; the page goes to <dir>/reports/lookbook.html (default: out/<title>).' },
    style: { type: 'string', value: '<preset>', choices: STYLE_PRESETS, description: 'Script only: one look for every scene (default: suggested per scene).' },
    profile: { type: 'string', short: 'p', choices: PROFILE_NAMES, default: 'draft', description: 'Render profile for the frames.' },
    'no-render': { type: 'boolean', description: 'No frames: palettes and lighting notes only.' },
    json: { type: 'boolean', description: 'Print a JSON summary on stdout.' },
  },
  details: `
Examples:
  kino lookbook script.fountain                     direct the script, render a frame per scene
  kino lookbook films/demo/film.tsx -o out/cold-coffee   reuses the stills of an existing render

Exit codes: 0 done, 1 the script or film could not be read or rendered.`,
  async run({ positionals, values }) {
    const [file] = positionals;
    if (!file) throw new KinoError(issue('cli/missing-argument', 'kino lookbook: which film or script?', { hint: 'kino lookbook script.fountain [-o dir]' }));
    if (positionals.length > 1) throw new KinoError(issue('cli/too-many-arguments', `kino lookbook takes one file; got ${positionals.length}.`));
    const json = !!values.json;
    const log = json ? () => {} : (m: string) => process.stderr.write(`${m}\n`);
    const profile = values.profile as 'draft' | 'preview' | 'final';
    const render = !values['no-render'];
    let html: string;
    let out: string;
    let framesCount = 0;
    let scenes = 0;
    let looks: Array<{ number: string; heading: string; look: string; mood: string; era: string; palette: string[] }> = [];
    if (FILM_EXT.test(file)) {
      const loaded = await loadFilm(file);
      if (!loaded.plan) throw new KinoError(loaded.errors.length ? loaded.issues : [issue('film/no-plan', 'The film produced no plan.')]);
      const warnings = loaded.issues.filter((i) => i.severity === 'warning');
      if (warnings.length && !json) process.stderr.write(formatIssues(warnings) + '\n');
      out = path.resolve((values.out as string | undefined) ?? path.join('out', slug(loaded.plan.title)));
      let plan = loaded.plan;
      let frames = new Map<string, LookBookFrame>();
      if (render) {
        // An existing render of this film: its plan and stills, as rendered.
        const layout = new OutputLayout(out);
        let rendered: FilmPlan | undefined;
        try {
          rendered = fs.existsSync(layout.filmJson) ? (JSON.parse(fs.readFileSync(layout.filmJson, 'utf8')) as FilmPlan) : undefined;
        } catch {
          rendered = undefined;
        }
        if (rendered && rendered.title === plan.title && rendered.scenes.length === plan.scenes.length) {
          const found = await lookBookFrames(rendered, out, 'id');
          if (found.size === rendered.scenes.length) {
            log(`Using the stills of the render in ${path.relative(process.cwd(), out) || out}`);
            plan = rendered;
            frames = found;
          }
        }
        if (!frames.size) frames = await renderFrames(plan, path.join(out, '.kino-cache', 'lookbook'), profile, 'id', log);
      }
      framesCount = frames.size;
      scenes = plan.scenes.length;
      const book = lookBookFromPlan(plan, frames, `kino lookbook — ${path.basename(file)}`);
      looks = book.scenes.map((s) => ({ number: s.number, heading: s.heading, look: s.preset, mood: s.mood, era: s.era, palette: s.swatches.map((w) => w.hex) }));
      html = lookBookHtml(book);
    } else {
      const { script, warnings } = await loadScript(file);
      if (warnings.length && !json) process.stderr.write(formatIssues(warnings) + '\n');
      const style = values.style as StylePreset | undefined;
      const generated = generateFilm(script, { style, source: file });
      out = path.resolve((values.out as string | undefined) ?? path.join('out', slug(generated.title)));
      let frames = new Map<string, LookBookFrame>();
      if (render) {
        // The film the script would make, rendered only as far as the look book needs.
        const work = path.join(out, '.kino-cache', 'lookbook');
        const filmFile = path.join(work, 'film.tsx');
        await writeFileAtomic(filmFile, generated.code);
        await ensureKinoProject(work);
        const loaded = await loadFilm(filmFile, { fresh: true });
        if (!loaded.plan) throw new KinoError(loaded.errors.length ? loaded.errors : [issue('make/no-plan', 'The film generated from the script produced no plan.')]);
        frames = await renderFrames(loaded.plan, path.join(work, 'render'), profile, 'number', log);
      }
      framesCount = frames.size;
      scenes = generated.style.scenes.length;
      const book = lookBookFromStyle(generated.style, generated.title, frames, `kino lookbook — ${path.basename(file)}`);
      looks = book.scenes.map((s) => ({ number: s.number, heading: s.heading, look: s.preset, mood: s.mood, era: s.era, palette: s.swatches.map((w) => w.hex) }));
      html = lookBookHtml(book);
    }
    const target = path.join(new OutputLayout(out).reports, 'lookbook.html');
    await writeFileAtomic(target, html);
    if (json) process.stdout.write(JSON.stringify({ ok: true, lookbook: target, scenes, frames: framesCount, looks }, null, 2) + '\n');
    else process.stderr.write(`Look book: ${path.relative(process.cwd(), target) || target} (${scenes} scenes, ${framesCount} frames)\n`);
    return 0;
  },
};
