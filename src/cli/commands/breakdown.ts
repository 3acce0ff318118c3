// `kino breakdown <script> [--json]`: scenes, speaking cast, locations, pages, runtime and the
// beat sheet of a Fountain or Final Draft script.

import { KinoError, formatIssues, issue } from '../../doc/errors';
import type { Command } from '../command';
import { breakdown, formatBreakdown, loadScript } from '../../script';

export const command: Command = {
  name: 'breakdown',
  summary: 'Break down a screenplay (Fountain or .fdx): scenes, cast, locations, pages, runtime, beats.',
  usage: '<script>',
  options: {
    json: { type: 'boolean', description: 'Print the breakdown as JSON on stdout (warnings included).' },
    format: { type: 'string', value: '<fountain|fdx>', choices: ['fountain', 'fdx'], description: 'Input format (default: from the extension, else sniffed).' },
    lenient: { type: 'boolean', description: 'Fountain: accept scene headings with no blank line after them.' },
  },
  details: `
Examples:
  kino breakdown "Big Fish.fountain"
  kino breakdown pilot.fdx --json > breakdown.json

Character names are the cue names with extensions removed: EDWARD (V.O.)(CONT'D) is EDWARD.
Scene lengths are in eighths of a page (55-line pages, minimum 1/8; Final Draft's own lengths
are used when the .fdx has them). Runtime is an estimate; its assumptions are printed with it.

Exit codes: 0 done (warnings go to stderr), 1 the script could not be read.`,
  async run(args) {
    const file = args.positionals[0];
    if (!file) {
      throw new KinoError(issue('cli/missing-argument', 'kino breakdown: which script? Pass a .fountain or .fdx file.', { hint: 'kino breakdown <script> [--json]' }));
    }
    if (args.positionals.length > 1) {
      throw new KinoError(issue('cli/too-many-arguments', `kino breakdown takes one script; got ${args.positionals.length}.`));
    }
    const { script, warnings } = await loadScript(file, {
      format: args.values.format as 'fountain' | 'fdx' | undefined,
      lenient: args.values.lenient === true,
    });
    const b = breakdown(script);
    if (args.values.json) {
      process.stdout.write(JSON.stringify({ ok: true, file, ...b, warnings }, null, 2) + '\n');
      return 0;
    }
    process.stdout.write(formatBreakdown(b, warnings) + '\n');
    if (warnings.length) process.stderr.write(formatIssues(warnings) + '\n');
    return 0;
  },
};
