import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  // Films are TSX compiled with kino's own JSX runtime, which records each element's
  // file:line so validation errors can point at the user's source.
  oxc: { jsx: { runtime: 'automatic', development: true, importSource: 'kino' } },
  resolve: {
    alias: [
      { find: /^kino\/jsx-dev-runtime$/, replacement: path.join(root, 'reconciler/jsx-dev-runtime.ts') },
      { find: /^kino\/jsx-runtime$/, replacement: path.join(root, 'reconciler/jsx-runtime.ts') },
      { find: /^kino$/, replacement: path.join(root, 'components/index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Render tests share one Chromium per file; two cores do not profit from more forks.
    pool: 'forks',
    maxWorkers: 2,
  },
});
