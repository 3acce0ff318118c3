import path from 'node:path';
import { KinoError, issue } from '../../doc/errors';
import { slug } from '../../deliver/layout';
import { renderFilm, type RenderEvent } from '../../render/film';
import { PROFILE_NAMES, PROFILES, type PassName } from '../../render/profiles';
import type { Command } from '../command';
import { loadFilm } from '../../pipeline/load';
import { prepareSound } from '../../pipeline/soundtrack';

function clock(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.max(0, Math.round(seconds));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** Human progress on stderr: a live line per shot on a terminal, one line per shot otherwise. */
function progressPrinter(): (e: RenderEvent) => void {
  const tty = process.stderr.isTTY;
  let current = '';
  return (e) => {
    switch (e.type) {
      case 'start':
        process.stderr.write(`Rendering ${e.toRender} of ${e.shots} shots (${e.frames} frames) at ${e.size[0]}×${e.size[1]}${e.toRender < e.shots ? `; ${e.shots - e.toRender} unchanged shots reused` : ''}\n`);
        break;
      case 'shot-start':
        current = `[${e.index}/${e.of}] ${e.key}`;
        if (tty) process.stderr.write(`${current}  starting…`);
        break;
      case 'progress': {
        if (!tty) break;
        const pct = Math.floor((100 * e.done) / e.frames);
        const bar = '█'.repeat(Math.floor(pct / 5)).padEnd(20, '░');
        process.stderr.write(`\r\x1b[2K${current}  ${bar} ${String(pct).padStart(3)}%  ${e.done}/${e.frames}f  ${e.fps.toFixed(1)} fps  shot ETA ${clock(e.etaShot)}  total ETA ${clock(e.etaTotal)}`);
        break;
      }
      case 'shot-done':
        process.stderr.write(`${tty ? '\r\x1b[2K' : ''}${current}  ${e.frames} frames in ${e.seconds.toFixed(1)} s (${e.fps.toFixed(1)} fps)\n`);
        break;
      case 'retry':
        process.stderr.write(`${tty ? '\r\x1b[2K' : ''}${current}  Chromium failed (${e.reason}); retrying the shot once\n`);
        break;
      case 'conform':
        process.stderr.write(`Conforming ${e.output}\n`);
        break;
      case 'done':
        break;
    }
  };
}

export const command: Command = {
  name: 'render',
  summary: 'Render a film: a clip per shot, the soundtrack (dialogue, foley, ambience, music; mix and stems), the conformed movie, timeline files and subtitles, manifest, film.json and a contact sheet.',
  usage: '<film.tsx>',
  options: {
    out: { type: 'string', short: 'o', value: '<dir>', description: 'Output folder (default: out/<film title>).' },
    profile: { type: 'string', short: 'p', choices: PROFILE_NAMES, default: 'draft', description: `Render profile: ${PROFILE_NAMES.map((n) => `${n} (${PROFILES[n].description})`).join('; ')}.` },
    only: { type: 'string', multiple: true, value: '<scene>/<shot>', description: 'Render only this shot (or a whole scene id); repeatable.' },
    passes: { type: 'string', value: 'all|none|depth,normal,id', description: "AOV passes to write per shot (default: the profile's)." },
    force: { type: 'boolean', description: 'Re-render every shot even if its inputs did not change.' },
    json: { type: 'boolean', description: 'Print a JSON summary on stdout (progress is not printed).' },
    'no-audio': { type: 'boolean', description: 'Picture only: no speech synthesis (line lengths are estimated), no soundtrack; the movies are silent.' },
  },
  details: 'Shots whose inputs did not change are reused from the previous render in the same folder.\nA render killed midway resumes on the next run; finished shots are not rendered again.',
  async run({ positionals, values }) {
    const [film] = positionals;
    if (!film) throw new KinoError(issue('cli/usage', 'kino render needs a film file: kino render films/demo/film.tsx'));
    let passes: PassName[] | undefined;
    if (typeof values.passes === 'string') {
      const v = values.passes;
      passes = v === 'all' ? ['depth', 'normal', 'id'] : v === 'none' ? [] : (v.split(',').map((x) => x.trim()) as PassName[]);
      const bad = passes.filter((p) => !['depth', 'normal', 'id'].includes(p));
      if (bad.length) throw new KinoError(issue('cli/bad-value', `--passes: unknown pass ${bad.join(', ')}; use depth, normal, id, all or none.`));
    }
    const loaded = await loadFilm(film);
    if (loaded.errors.length || !loaded.plan) throw new KinoError(loaded.errors.length ? loaded.issues : [issue('film/no-plan', 'The film produced no plan.')]);
    const warnings = loaded.issues.filter((i) => i.severity === 'warning');
    if (warnings.length && !values.json) for (const w of warnings) process.stderr.write(`warning ${w.code}: ${w.message}\n`);
    const plan = loaded.plan;
    const out = (values.out as string | undefined) ?? path.join('out', slug(plan.title));
    // Sound: speak the lines, re-plan with their real lengths, mix; editorial files after the picture.
    const sound = await prepareSound(loaded, { out, audio: !values['no-audio'], force: !!values.force, log: values.json ? undefined : (m) => process.stderr.write(`${m}\n`) });
    if (!values.json) for (const w of sound.warnings) process.stderr.write(`warning ${w.code}: ${w.message}\n`);
    const summary = await renderFilm(sound.plan, {
      out,
      profile: values.profile as 'draft' | 'preview' | 'final',
      only: values.only as string[] | undefined,
      force: !!values.force,
      passes,
      onEvent: values.json ? undefined : progressPrinter(),
      audio: sound.audio,
    });
    const delivered = await sound.finish(summary);
    if (!values.json) for (const w of delivered.warnings) process.stderr.write(`warning ${w.code}: ${w.message}\n`);
    if (values.json) {
      process.stdout.write(
        JSON.stringify(
          {
            ok: true,
            out: summary.out,
            movies: summary.movies,
            contactSheet: summary.contactSheet,
            rendered: summary.rendered,
            cached: summary.cached,
            seconds: summary.seconds,
            frames: sound.plan.totalFrames,
            duration: sound.plan.duration,
            audio: sound.soundtrack ? { mix: sound.soundtrack.mix, integratedLufs: sound.soundtrack.integratedLufs, truePeakDbtp: sound.soundtrack.truePeakDbtp } : null,
            editorial: delivered.editorial,
            renderer: summary.renderer,
          },
          null,
          2,
        ) + '\n',
      );
    } else {
      const rel = (p: string) => path.relative(process.cwd(), p) || p;
      process.stderr.write(
        `Done in ${summary.seconds.toFixed(1)} s: ${summary.rendered.length} shots rendered, ${summary.cached.length} reused.\n` +
          summary.movies.map((m) => `  movie:         ${rel(m)}\n`).join('') +
          (summary.contactSheet ? `  contact sheet: ${rel(summary.contactSheet)}\n` : '  (movie and contact sheet skipped: not every shot is rendered yet)\n') +
          (sound.soundtrack ? `  soundtrack:    ${rel(sound.soundtrack.mix)} (${sound.soundtrack.integratedLufs.toFixed(1)} LUFS, ${sound.soundtrack.truePeakDbtp.toFixed(1)} dBTP) + stems\n` : '') +
          (delivered.editorial.length ? `  editorial:     ${rel(path.dirname(delivered.editorial[0]))}/ (${delivered.editorial.map((f) => path.extname(f).slice(1)).join(', ')})\n` : '') +
          `  manifest:      ${rel(path.join(summary.out, 'manifest.json'))}\n`,
      );
    }
    return 0;
  },
};
