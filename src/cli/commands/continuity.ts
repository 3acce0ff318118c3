// kino continuity: the script supervisor's report — each character's costume, age, hair and
// injuries scene by scene, and every continuity break (a costume that changes inside a scene or
// between scenes of the same story day without a reason, an age or injury that jumps) with the
// scene numbers and the character. Exit 1 when there is a continuity error.

import path from 'node:path';
import { KinoError, issue } from '../../doc/errors';
import { formatContinuity, validateContinuity } from '../../character/continuity';
import { loadFilm } from '../../pipeline/load';
import { writeFileAtomic } from '../../util/fs';
import type { Command } from '../command';

export const command: Command = {
  name: 'continuity',
  summary: 'Check wardrobe and character continuity scene by scene (exit 1 on a continuity error).',
  usage: '<film.tsx>',
  options: {
    json: { type: 'boolean', description: 'Print the report as JSON.' },
    out: { type: 'string', short: 'o', value: '<file>', description: 'Also write the report to a file (.json for JSON, else text).' },
  },
  details: [
    'A costume may change inside a scene, or between two scenes on the same story day (<Scene storyDay>),',
    'only with a reason: <CostumeChange who="ana" costume="wet-coat" reason="weather"/>.',
    'Exit codes: 0 no continuity errors (warnings allowed), 1 continuity errors or a film that does not plan.',
  ].join('\n'),
  async run({ positionals, values }) {
    const [film] = positionals;
    if (!film) throw new KinoError(issue('cli/usage', 'kino continuity needs a film file: kino continuity films/demo/film.tsx'));
    const loaded = await loadFilm(film);
    if (loaded.errors.length || !loaded.plan) throw new KinoError(loaded.errors.length ? loaded.errors : [issue('film/no-plan', 'The film produced no plan.')]);
    const report = validateContinuity(loaded.plan);
    if (typeof values.out === 'string') {
      const file = path.resolve(values.out);
      await writeFileAtomic(file, file.endsWith('.json') ? JSON.stringify(report, null, 2) + '\n' : formatContinuity(report) + '\n');
    }
    if (values.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
    else process.stdout.write(formatContinuity(report) + '\n');
    return report.ok ? 0 : 1;
  },
};
