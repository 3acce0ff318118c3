// `kino make <script> [--style <preset>] [--out dir] [--force] [--profile draft]`: a screenplay
// becomes an editable film.tsx, the rendered movie and the reports, in one command.

import path from 'node:path';
import { KinoError, issue } from '../../doc/errors';
import { slug } from '../../deliver/layout';
import { makeFilm } from '../../pipeline/make';
import { PROFILE_NAMES } from '../../render/profiles';
import { STYLE_PRESETS, type StylePreset } from '../../script/style';
import type { Command } from '../command';
import type { RenderEvent } from '../../render/film';

/** Render progress on stderr, one line per shot (a live bar on a terminal). */
function progressPrinter(): (e: RenderEvent) => void {
  const tty = process.stderr.isTTY;
  let current = '';
  return (e) => {
    if (e.type === 'start') process.stderr.write(`Rendering ${e.toRender} of ${e.shots} shots (${e.frames} frames) at ${e.size[0]}×${e.size[1]}\n`);
    else if (e.type === 'shot-start') current = `[${e.index}/${e.of}] ${e.key}`;
    else if (e.type === 'progress' && tty) process.stderr.write(`\r\x1b[2K${current}  ${e.done}/${e.frames} frames  ${e.fps.toFixed(1)} fps`);
    else if (e.type === 'shot-done') process.stderr.write(`${tty ? '\r\x1b[2K' : ''}${current}  ${e.frames} frames in ${e.seconds.toFixed(1)} s\n`);
    else if (e.type === 'conform') process.stderr.write(`Conforming ${e.output}\n`);
  };
}

export const command: Command = {
  name: 'make',
  summary: 'Script to screen: write an editable film.tsx from a screenplay and render it, with breakdown, shot list and look book.',
  usage: '<script>',
  options: {
    out: { type: 'string', short: 'o', value: '<dir>', description: 'Project and output folder (default: out/<script title>).' },
    style: { type: 'string', value: '<preset>', choices: STYLE_PRESETS, description: 'One look for the whole film (default: suggested per scene from mood, era and genre).' },
    force: { type: 'boolean', description: 'Regenerate film.tsx even if you edited it (your version is kept as film.tsx.bak), and re-render every shot.' },
    profile: { type: 'string', short: 'p', choices: PROFILE_NAMES, default: 'draft', description: 'Render profile.' },
    fps: { type: 'string', value: '<n>', description: 'Frame rate of the generated film (default 24).' },
    resolution: { type: 'string', value: '<WxH>', description: 'Resolution of the generated film (default 1280x720).' },
    'no-audio': { type: 'boolean', description: 'Picture only: no speech synthesis (line lengths estimated), a silent movie.' },
    'no-render': { type: 'boolean', description: 'Write film.tsx and the script reports only.' },
    json: { type: 'boolean', description: 'Print a JSON summary on stdout.' },
  },
  details: `
What it writes in <dir>:
  film.tsx             the production: cast, sets from the headings, lighting, blocking, lines,
                       coverage and transitions. Yours to edit.
  .kino-make.json      what kino make generated (sha256): a film.tsx that no longer matches is
                       yours, and make refuses to overwrite it without --force.
  deliverables/        the movie (with the spoken dialogue mixed in), shots/, audio/, editorial/
  reports/             breakdown.txt/.json, shotlist.csv/.json, lookbook.html, speakers.json
Outside the kino repository it also writes package.json, tsconfig.json and node_modules/kino (a
link to this kino) so the film imports 'kino' and type-checks.

After editing film.tsx, render your version with: kino render <dir>/film.tsx -o <dir>

Exit codes: 0 done, 1 the script could not be read, the film.tsx there is yours (use --force), or
the render failed.`,
  async run({ positionals, values }) {
    const [script] = positionals;
    if (!script) throw new KinoError(issue('cli/missing-argument', 'kino make: which script? Pass a .fountain or .fdx file.', { hint: 'kino make script.fountain [--style noir] [--out dir]' }));
    if (positionals.length > 1) throw new KinoError(issue('cli/too-many-arguments', `kino make takes one script; got ${positionals.length}.`));
    let fps: number | undefined;
    if (typeof values.fps === 'string') {
      fps = Number(values.fps);
      if (!Number.isFinite(fps) || fps < 1 || fps > 240) throw new KinoError(issue('cli/bad-value', `--fps must be a number of frames per second (1–240); got "${values.fps}".`));
    }
    const resolution = values.resolution as string | undefined;
    if (resolution !== undefined && !/^\d{2,5}x\d{2,5}$/.test(resolution)) throw new KinoError(issue('cli/bad-value', `--resolution must be WIDTHxHEIGHT, e.g. 1280x720; got "${resolution}".`));
    const json = !!values.json;
    const log = json ? undefined : (m: string) => process.stderr.write(`${m}\n`);
    let out = values.out as string | undefined;
    if (!out) {
      // Default folder from the script's title (read once, cheaply, by makeFilm too).
      const { loadScript } = await import('../../script');
      const { script: s } = await loadScript(script);
      out = path.join('out', slug(s.title ?? path.basename(script).replace(/\.[^.]+$/, '')));
    }
    const r = await makeFilm(script, {
      out,
      style: values.style as StylePreset | undefined,
      force: !!values.force,
      profile: values.profile as 'draft' | 'preview' | 'final',
      fps,
      resolution,
      audio: !values['no-audio'],
      render: !values['no-render'],
      log,
      onEvent: json ? undefined : progressPrinter(),
    });
    const rel = (p: string) => path.relative(process.cwd(), p) || p;
    if (json) {
      process.stdout.write(
        JSON.stringify(
          {
            ok: true,
            film: r.film,
            filmStatus: r.filmStatus,
            backup: r.backup,
            out: path.resolve(out),
            movies: r.summary?.movies ?? [],
            frames: r.plan?.totalFrames,
            duration: r.plan?.duration,
            scenes: r.generated.scenes,
            style: { preset: r.generated.style.preset, uniform: r.generated.style.uniform, scenes: r.generated.style.scenes.map((s) => ({ number: s.number, preset: s.preset, mood: s.mood, reason: s.reason })) },
            reports: r.reports,
            speakersOnScreen: r.visibility && { share: r.visibility.share, lines: r.visibility.lines, worst: r.visibility.worst },
            warnings: r.warnings,
          },
          null,
          2,
        ) + '\n',
      );
      return 0;
    }
    for (const w of r.warnings) process.stderr.write(`warning ${w.code}: ${w.message}\n`);
    const v = r.visibility;
    process.stderr.write(
      `Made "${r.generated.title}":\n` +
        `  film:          ${rel(r.film)}${r.filmStatus === 'regenerated-over-edits' ? ` (regenerated; your edits are in ${rel(r.backup!)})` : r.filmStatus === 'unchanged' ? ' (unchanged)' : ''}\n` +
        (r.summary ? r.summary.movies.map((m) => `  movie:         ${rel(m)} (${r.plan!.duration.toFixed(2)} s)\n`).join('') : '') +
        `  reports:       ${rel(path.dirname(r.reports[0]))}/ (${r.reports.map((f) => path.basename(f)).join(', ')})\n` +
        (v ? `  on screen:     speakers visible for ${(v.share * 100).toFixed(1)}% of their line frames${v.worst[0] ? ` (lowest: ${v.worst[0].scene}/${v.worst[0].line}, ${Math.round((100 * v.worst[0].visible) / Math.max(1, v.worst[0].frames))}%)` : ''}\n` : ''),
    );
    return 0;
  },
};
