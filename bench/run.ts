// npm run bench: every area's benchmark in turn (each prints its own in-run reference ratios).
// Pass area names to run a subset: npm run bench -- core render

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const all = ['core', 'script', 'retro', 'looks', 'sound', 'art', 'render', 'studio'].filter((a) => fs.existsSync(path.join(here, `${a}.ts`)));
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const areas = wanted.length ? wanted : all;
let failed = 0;
for (const area of areas) {
  console.log(`\n=== bench:${area} ===`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, `${area}.ts`)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
