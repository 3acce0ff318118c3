// `kino shotlist <script|film> [--csv|--json]`: the shot list of a screenplay (coverage planned
// from its dialogue exchanges, inserts and cutaways from its action) or of a film (the planned
// shots of its plan, coverage already expanded), with setups, screen time and storyboard prompts.

import { KinoError, formatIssues, issue } from '../../doc/errors';
import { loadFilm } from '../../pipeline/load';
import { loadScript } from '../../script';
import { formatShotList, shotListCsv, shotListFromPlan, shotListFromScript, type ShotList } from '../../script/shotlist';
import { directStyle, sceneLook, STYLE_PRESETS, type StylePreset } from '../../script/style';
import type { Command } from '../command';

const FILM_EXT = /\.[cm]?[jt]sx?$/i;

export const command: Command = {
  name: 'shotlist',
  summary: 'Shot list of a screenplay or a film: coverage per scene, sizes, lenses, setups, screen time and storyboard prompts.',
  usage: '<script|film>',
  options: {
    csv: { type: 'boolean', description: 'Print CSV (RFC 4180) on stdout: one row per shot.' },
    json: { type: 'boolean', description: 'Print the shot list as JSON on stdout.' },
    style: { type: 'string', value: '<preset>', choices: STYLE_PRESETS, description: 'Script only: the look the storyboard prompts describe (default: suggested per scene).' },
  },
  details: `
Examples:
  kino shotlist "Big Fish.fountain"              tables, per scene
  kino shotlist pilot.fdx --csv > shots.csv      for a spreadsheet or scheduling tool
  kino shotlist films/demo/film.tsx --json       the film's planned shots

From a script, coverage is planned the way a director breaks a scene down: a master, an OTS pair
and clean singles per dialogue exchange, inserts of props named in the action, cutaways. From a
film, the shots are those of its plan (what kino render renders), in cut order.

Exit codes: 0 done, 1 the script or film could not be read.`,
  async run({ positionals, values }) {
    const [file] = positionals;
    if (!file) throw new KinoError(issue('cli/missing-argument', 'kino shotlist: which script or film? Pass a .fountain/.fdx script or a film .tsx.', { hint: 'kino shotlist script.fountain [--csv|--json]' }));
    if (positionals.length > 1) throw new KinoError(issue('cli/too-many-arguments', `kino shotlist takes one file; got ${positionals.length}.`));
    if (values.csv && values.json) throw new KinoError(issue('cli/bad-flag', 'kino shotlist: choose --csv or --json, not both.'));
    let list: ShotList;
    const warnings = [];
    if (FILM_EXT.test(file)) {
      const loaded = await loadFilm(file);
      if (!loaded.plan) throw new KinoError(loaded.errors.length ? loaded.issues : [issue('film/no-plan', 'The film produced no plan.')]);
      warnings.push(...loaded.issues.filter((i) => i.severity === 'warning'));
      const looks: Record<string, string> = {};
      for (const s of loaded.plan.scenes) {
        const l = sceneLook(s);
        if (l) looks[s.id] = l;
      }
      list = shotListFromPlan(loaded.plan, { file, looks });
    } else {
      const r = await loadScript(file);
      warnings.push(...r.warnings);
      list = shotListFromScript(r.script, { file, style: directStyle(r.script, { style: values.style as StylePreset | undefined }) });
    }
    if (values.csv) process.stdout.write(shotListCsv(list));
    else if (values.json) process.stdout.write(JSON.stringify({ ok: true, ...list, warnings }, null, 2) + '\n');
    else process.stdout.write(formatShotList(list) + '\n');
    if (warnings.length && !values.json) process.stderr.write(formatIssues(warnings) + '\n');
    return 0;
  },
};
