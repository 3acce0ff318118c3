// Bundles the render page (three.js + the plan evaluator + world builders) into one script with
// esbuild. The page runs the same evaluateFrame module as Node: one source of truth.

import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { KinoError, issue } from '../doc/errors';

const here = path.dirname(fileURLToPath(import.meta.url));
let cached: Promise<string> | undefined;

export function pageBundle(): Promise<string> {
  cached ??= build({
    entryPoints: [path.join(here, 'page/index.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
  })
    .then((r) => r.outputFiles[0].text)
    .catch((e: Error) => {
      cached = undefined;
      throw new KinoError(issue('render/bundle', `Building the render page failed: ${e.message}`));
    });
  return cached;
}
