#!/usr/bin/env node
// Runs the TypeScript CLI through tsx. Films are compiled with kino's own compiler options so that
// every JSX element records its file:line (kino's JSX runtime), wherever the film lives: tsx
// applies a tsconfig only to files its include globs match, so tsconfig.films.json matches all.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';

const tsconfig = fileURLToPath(new URL('../tsconfig.films.json', import.meta.url));
register({ tsconfig });
const { main } = await import('../src/cli/main.ts');
const code = await main(process.argv.slice(2));
process.exitCode = code;
