// `kino styles`: one frame of a shot in every built-in look, as a labelled contact sheet — the
// quickest way to choose a <Style preset> (or an output style) for a film.

import fs from 'node:fs';
import path from 'node:path';
import { KinoError, issue } from '../../doc/errors';
import { slug } from '../../deliver/layout';
import { loadFilm } from '../../pipeline/load';
import { PROFILE_NAMES } from '../../render/profiles';
import { builtinLooks, distinctLooks, renderStyleSheet } from '../../render/style-sheet';
import { writeFileAtomic } from '../../util/fs';
import type { Command } from '../command';

export const command: Command = {
  name: 'styles',
  summary: 'Render one frame of a shot in every built-in style (cinema grades and retro looks) as a labelled contact sheet.',
  usage: '<film.tsx> [--shot <scene/shot>] [-o <sheet.png>]',
  options: {
    shot: { type: 'string', value: '<scene/shot>', description: 'The shot to show (its key or id). Default: the first shot.' },
    out: { type: 'string', short: 'o', value: '<file.png>', description: 'Where to write the sheet (default: out/<film>/reports/styles-<shot>.png).' },
    profile: { type: 'string', short: 'p', choices: PROFILE_NAMES, default: 'preview', description: 'Render profile of the frame.' },
    only: { type: 'string', multiple: true, value: '<look>', description: 'Only these looks (repeatable); see --list.' },
    columns: { type: 'string', value: '<n>', description: 'Cells per row (default 5).' },
    frames: { type: 'string', value: '<dir>', description: 'Also write each look as its own PNG into this folder.' },
    list: { type: 'boolean', description: 'List the looks and exit.' },
    json: { type: 'boolean', description: 'Print a JSON summary on stdout.' },
  },
  details: `
Examples:
  kino styles films/demo/film.tsx
  kino styles films/demo/film.tsx --shot kitchen/A1 -o styles.png
  kino styles films/demo/film.tsx --only noir --only snes --only gameboy`,
  async run({ positionals, values }) {
    if (values.list) {
      const looks = builtinLooks(16 / 9);
      if (values.json) process.stdout.write(JSON.stringify(looks.map((l) => ({ name: l.name, label: l.label })), null, 2) + '\n');
      else process.stdout.write(looks.map((l) => `${l.name.padEnd(24)}${l.label}`).join('\n') + '\n');
      return 0;
    }
    const [film] = positionals;
    if (!film) throw new KinoError(issue('cli/usage', 'kino styles needs a film file: kino styles films/demo/film.tsx', { hint: 'Run `kino styles --help`.' }));
    const columns = values.columns === undefined ? undefined : Number(values.columns);
    if (columns !== undefined && (!Number.isInteger(columns) || columns < 1 || columns > 12)) throw new KinoError(issue('cli/bad-value', `--columns must be a whole number from 1 to 12; got "${values.columns}".`));
    const loaded = await loadFilm(film);
    if (loaded.errors.length || !loaded.plan) throw new KinoError(loaded.errors.length ? loaded.issues : [issue('film/no-plan', 'The film produced no plan.')]);
    const plan = loaded.plan;
    const started = performance.now();
    const sheet = await renderStyleSheet(plan, { shot: values.shot as string | undefined, profile: values.profile as 'draft' | 'preview' | 'final', columns, only: values.only as string[] | undefined });
    const out = (values.out as string | undefined) ?? path.join('out', slug(plan.title), 'reports', `styles-${sheet.shot.replace(/\//g, '-')}.png`);
    await writeFileAtomic(out, sheet.png);
    if (typeof values.frames === 'string') {
      const { encodePng } = await import('../../render/looks');
      fs.mkdirSync(values.frames, { recursive: true });
      for (const l of sheet.looks) await writeFileAtomic(path.join(values.frames, `${l.name}.png`), await encodePng(l.frame));
    }
    const distinct = distinctLooks(sheet.looks.map((l) => l.frame));
    const summary = { ok: true, sheet: out, shot: sheet.shot, editFrame: sheet.editFrame, looks: sheet.looks.map((l) => l.name), distinct, seconds: (performance.now() - started) / 1000 };
    if (values.json) process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
    else process.stderr.write(`kino styles: ${sheet.looks.length} looks of ${sheet.shot} (${distinct} visibly distinct) → ${out} in ${summary.seconds.toFixed(1)} s\n`);
    return 0;
  },
};
