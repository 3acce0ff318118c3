import { KinoError, issue } from '../../doc/errors';
import type { Command } from '../command';
import { loadFilm } from '../../pipeline/load';

export const command: Command = {
  name: 'inspect',
  summary: 'Print the resolved plan of a film: scenes, shots with frames and cameras, timing.',
  usage: '<film.tsx>',
  options: {
    json: { type: 'boolean', description: 'Print the whole plan as JSON (what a render receives).' },
    doc: { type: 'boolean', description: 'Print the raw FilmDoc (the reconciler output) instead of the plan.' },
  },
  async run({ positionals, values }) {
    const [film] = positionals;
    if (!film) throw new KinoError(issue('cli/usage', 'kino inspect needs a film file: kino inspect films/demo/film.tsx --json'));
    const r = await loadFilm(film);
    if (r.errors.length || !r.plan) throw new KinoError(r.errors.length ? r.errors : [issue('film/no-plan', 'The film produced no plan.')]);
    if (values.doc) {
      process.stdout.write(JSON.stringify(r.doc, null, 2) + '\n');
      return 0;
    }
    if (values.json) {
      process.stdout.write(JSON.stringify(r.plan, null, 2) + '\n');
      return 0;
    }
    const p = r.plan;
    const out: string[] = [`${p.title} — ${p.resolution[0]}×${p.resolution[1]} @ ${+p.fpsValue.toFixed(3)} fps, ${p.totalFrames} frames (${p.duration.toFixed(2)} s)`];
    for (const s of p.scenes) {
      out.push('', `Scene ${s.number} ${s.id}: ${s.heading}  [frames ${s.startFrame}–${s.endFrame}, performance ${s.duration.toFixed(2)} s]`);
      out.push(`  cast: ${s.characters.join(', ') || '—'}; lines: ${s.lines.length}; lights: ${s.lights.length}; props: ${s.props.length}`);
      for (const sh of s.shots) {
        const c = sh.camera;
        out.push(
          `  ${sh.id.padEnd(12)} ${String(sh.startFrame).padStart(6)}–${String(sh.endFrame).padEnd(6)} ${(sh.size ?? '').padEnd(4)} ${c.focalLengthMm.toFixed(0).padStart(3)}mm  scene ${sh.sceneIn.toFixed(2)}–${sh.sceneOut.toFixed(2)} s  ${sh.name}${sh.transitionIn ? `  (${sh.transitionIn.kind} ${sh.transitionIn.frames}f in)` : ''}`,
        );
      }
    }
    process.stdout.write(out.join('\n') + '\n');
    return 0;
  },
};
