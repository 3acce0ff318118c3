import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Films are TSX compiled with kino's own JSX runtime, which records each element's
  // file:line so validation errors can point at the user's source.
  esbuild: { jsx: 'automatic', jsxDev: true, jsxImportSource: 'kino' },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Render tests share one Chromium per file; two cores do not profit from more forks.
    pool: 'forks',
    maxWorkers: 2,
  },
});
