#!/usr/bin/env node
// Runs the TypeScript CLI through tsx. Films are compiled with kino's own tsconfig so that every
// JSX element records its file:line (kino's JSX runtime), wherever the film lives.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';

const tsconfig = fileURLToPath(new URL('../tsconfig.json', import.meta.url));
register({ tsconfig });
const { main } = await import('../src/cli/main.ts');
const code = await main(process.argv.slice(2));
process.exitCode = code;
