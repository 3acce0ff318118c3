import { formatIssues } from '../../doc/errors';
import type { Command } from '../command';
import { loadFilm } from '../../pipeline/load';

export const command: Command = {
  name: 'validate',
  summary: 'Check a film: every prop, reference and timing, all errors at once (exit 0 or 1).',
  usage: '<film.tsx>',
  options: {
    json: { type: 'boolean', description: 'Print the result as JSON.' },
  },
  details: 'Errors are printed like tsc: file:line:col - error code: message, with the component path and a hint.\nExit codes: 0 valid (warnings allowed), 1 errors found.',
  async run({ positionals, values }) {
    const [film] = positionals;
    if (!film) throw new Error('kino validate needs a film file: kino validate films/demo/film.tsx');
    const r = await loadFilm(film);
    if (values.json) {
      process.stdout.write(JSON.stringify({ ok: r.errors.length === 0, file: r.file, issues: r.issues, totalFrames: r.plan?.totalFrames }, null, 2) + '\n');
    } else if (r.issues.length) {
      process.stderr.write(formatIssues(r.issues) + '\n');
    }
    if (!values.json && r.errors.length === 0 && r.plan) {
      const shots = r.plan.scenes.reduce((n, s) => n + s.shots.length, 0);
      process.stdout.write(`${r.plan.title}: ${r.plan.scenes.length} scene${r.plan.scenes.length === 1 ? '' : 's'}, ${shots} shots, ${r.plan.totalFrames} frames (${r.plan.duration.toFixed(2)} s at ${+r.plan.fpsValue.toFixed(3)} fps). Valid.\n`);
    }
    return r.errors.length ? 1 : 0;
  },
};
