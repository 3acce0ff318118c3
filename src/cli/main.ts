// kino's command-line entry. Each command lives in ./commands/<name>.ts and is loaded on demand,
// so `kino validate` does not pay for loading the renderer.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { helpText, parseCommandArgs, reportFailure, type Command } from './command';

const here = path.dirname(fileURLToPath(import.meta.url));
const commandsDir = path.join(here, 'commands');

function commandNames(): string[] {
  return fs
    .readdirSync(commandsDir)
    .filter((f) => f.endsWith('.ts') && !f.startsWith('_'))
    .map((f) => f.slice(0, -3))
    .sort();
}

async function loadCommand(name: string): Promise<Command | undefined> {
  if (!/^[a-z][a-z-]*$/.test(name) || !commandNames().includes(name)) return undefined;
  const mod = (await import(`./commands/${name}.ts`)) as { command: Command };
  return mod.command;
}

async function mainHelp(): Promise<string> {
  const lines = ['kino — films written as code', '', 'Usage: kino <command> [options]', '', 'Commands:'];
  const cmds = await Promise.all(commandNames().map(loadCommand));
  const w = Math.max(...cmds.map((c) => (c ? c.name.length : 0))) + 2;
  for (const c of cmds) if (c) lines.push(`  ${c.name.padEnd(w)}${c.summary}`);
  lines.push('', 'Run `kino <command> --help` for a command\'s options.');
  return lines.join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write((await mainHelp()) + '\n');
    return name ? 0 : 1;
  }
  if (name === '--version' || name === '-v') {
    const pkg = JSON.parse(fs.readFileSync(path.join(here, '../../package.json'), 'utf8')) as { version: string };
    process.stdout.write(pkg.version + '\n');
    return 0;
  }
  const cmd = await loadCommand(name);
  if (!cmd) {
    process.stderr.write(`kino: unknown command "${name}". Commands: ${commandNames().join(', ')}.\n`);
    return 2;
  }
  const json = rest.includes('--json');
  try {
    const args = parseCommandArgs(cmd, rest);
    if (args.values.help) {
      process.stdout.write(helpText(cmd) + '\n');
      return 0;
    }
    return await cmd.run(args);
  } catch (e) {
    return reportFailure(e, json);
  }
}
