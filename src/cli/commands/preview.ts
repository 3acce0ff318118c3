import { formatIssues, issue, KinoError } from '../../doc/errors';
import type { Command } from '../command';

export const command: Command = {
  name: 'preview',
  summary: 'Open the studio: live camera view, orbit view with gizmos, shot list and timeline; hot-reloads on save.',
  usage: '<film.tsx>',
  options: {
    port: { type: 'string', short: 'p', value: '<port>', description: 'Port on 127.0.0.1 (default 3210, or the next free one; 0 = any free port).' },
    out: { type: 'string', short: 'o', value: '<dir>', description: 'Folder for renders started from the studio (default: out/<film title>).' },
  },
  details: `The studio listens on 127.0.0.1 only and refuses requests from other hosts or origins.
Saving the film, or any file it imports, rebuilds it and updates the page within a second,
keeping the playhead, the selected shot and the orbit view. Errors show as an overlay with
file:line while the last good film stays on screen. Stop it with Ctrl+C.`,
  async run({ positionals, values }) {
    const [film] = positionals;
    if (!film) throw new KinoError(issue('cli/usage', 'kino preview needs a film file: kino preview films/demo/film.tsx'));
    let port: number | undefined;
    if (typeof values.port === 'string') {
      port = Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new KinoError(issue('cli/bad-value', `--port must be a port number (0–65535); got "${values.port}".`));
    }
    // Loaded here, not at the top: `kino --help` should not pay for loading Vite.
    const { startStudio } = await import('../../studio/server');
    const log = (line: string) => process.stderr.write(`[studio] ${line}\n`);
    const studio = await startStudio({ film, port, out: values.out as string | undefined, log });
    const errs = studio.first.issues.filter((i) => i.severity === 'error');
    if (errs.length) process.stderr.write(formatIssues(studio.first.issues) + '\n');
    const plan = studio.session.plan;
    process.stdout.write(`kino studio: ${studio.url}\n`);
    if (plan) process.stdout.write(`  ${plan.title}: ${plan.scenes.length} scenes, ${plan.scenes.reduce((n, s) => n + s.shots.length, 0)} shots, ${plan.totalFrames} frames at ${+plan.fpsValue.toFixed(3)} fps\n`);
    process.stdout.write('  Watching for changes. Press Ctrl+C to stop.\n');
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        void studio.close().finally(resolve);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    return 0;
  },
};
