// Every CLI command is one module in src/cli/commands/ exporting a `Command`. The option table
// is declared once and feeds parsing, `--help` text and flag validation (Remotion's habit:
// one registry entry per option).

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { KinoError, issue, formatIssues, toIssues, type KinoIssue } from '../doc/errors';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** Shown in --help. */
  description: string;
  /** Placeholder for string values in --help, e.g. `<dir>`. */
  value?: string;
  /** Allowed values for string options; anything else is a clear error. */
  choices?: readonly string[];
  multiple?: boolean;
  default?: string | boolean;
}

export interface Command {
  name: string;
  summary: string;
  /** Positional arguments, e.g. `<film>`. */
  usage: string;
  options: Record<string, OptionSpec>;
  /** Longer help text: examples, exit codes. */
  details?: string;
  run(args: ParsedArgs): Promise<number>;
}

export interface ParsedArgs {
  positionals: string[];
  values: Record<string, string | boolean | string[] | undefined>;
}

const helpOption: OptionSpec = { type: 'boolean', short: 'h', description: 'Show this help.' };

export function parseCommandArgs(cmd: Command, argv: string[]): ParsedArgs {
  const options: ParseArgsConfig['options'] = {};
  for (const [name, spec] of Object.entries({ ...cmd.options, help: helpOption })) {
    const o: Record<string, unknown> = { type: spec.type };
    if (spec.short) o.short = spec.short;
    if (spec.multiple) o.multiple = true;
    options[name] = o as never;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new KinoError(
      issue('cli/bad-flag', `kino ${cmd.name}: ${(e as Error).message.replace(/\. To specify.*$/s, '')}`, {
        hint: `Run \`kino ${cmd.name} --help\` for the options.`,
      }),
    );
  }
  const values = parsed.values as ParsedArgs['values'];
  const problems: KinoIssue[] = [];
  for (const [name, spec] of Object.entries(cmd.options)) {
    if (values[name] === undefined && spec.default !== undefined) values[name] = spec.default;
    const v = values[name];
    if (spec.choices && typeof v === 'string' && !spec.choices.includes(v)) {
      problems.push(issue('cli/bad-value', `kino ${cmd.name}: --${name} must be one of ${spec.choices.join(', ')}; got "${v}".`));
    }
  }
  if (problems.length) throw new KinoError(problems);
  return { positionals: parsed.positionals, values };
}

export function helpText(cmd: Command): string {
  const lines = [`kino ${cmd.name} ${cmd.usage}`.trimEnd(), '', cmd.summary, '', 'Options:'];
  const rows = Object.entries({ ...cmd.options, help: helpOption }).map(([name, s]) => {
    const flag = `${s.short ? `-${s.short}, ` : '    '}--${name}${s.type === 'string' ? ` ${s.value ?? (s.choices ? s.choices.join('|') : '<value>')}` : ''}`;
    return [flag, s.description + (s.default !== undefined && s.default !== false ? ` (default: ${s.default})` : '')];
  });
  const w = Math.max(...rows.map((r) => r[0].length)) + 2;
  for (const [f, d] of rows) lines.push(`  ${f.padEnd(w)}${d}`);
  if (cmd.details) lines.push('', cmd.details.trim());
  return lines.join('\n');
}

/** Prints issues to stderr like tsc (or as JSON with --json) and returns exit code 1. */
export function reportFailure(e: unknown, json = false): number {
  const issues = toIssues(e);
  if (json) process.stdout.write(JSON.stringify({ ok: false, errors: issues }, null, 2) + '\n');
  else process.stderr.write(formatIssues(issues) + '\n');
  if (!(e instanceof KinoError) && process.env.KINO_DEBUG && e instanceof Error) process.stderr.write(String(e.stack) + '\n');
  return 1;
}
