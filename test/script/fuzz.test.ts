// Property tests: random bytes and random mutations of real scripts. No exception other than a
// KinoError (the documented "unusable input" error) may escape, every Script produced must pass
// its schema, and no single parse may take more than a second (the hang guard; a parse of Big
// Fish takes milliseconds). Seeds are fixed so runs are reproducible.

import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isKinoError } from '../../src/doc/errors';
import { ScriptSchema, parseFdx, parseScript, tokenizeFountain } from '../../src/script';

const dir = path.join(import.meta.dirname, '../fixtures/scripts');
const bigFish = fs.readFileSync(path.join(dir, 'Big-Fish.fountain'), 'utf8');
const brickFdx = fs.readFileSync(path.join(dir, 'Brick-and-Steel.fdx'), 'utf8');

const HANG_GUARD_MS = 1000;

/** Runs a parse; returns 'ok' or 'kino-error'. Anything else thrown fails the property. */
function guarded(run: () => { script: unknown } | unknown): 'ok' | 'kino-error' {
  const t0 = performance.now();
  let outcome: 'ok' | 'kino-error' = 'ok';
  try {
    const r = run() as { script?: unknown };
    if (r && typeof r === 'object' && 'script' in r) {
      const parsed = ScriptSchema.safeParse(r.script);
      if (!parsed.success) throw new Error(`schema: ${parsed.error.message.slice(0, 300)}`);
    }
  } catch (e) {
    if (!isKinoError(e)) throw e;
    outcome = 'kino-error';
  }
  const ms = performance.now() - t0;
  if (ms > HANG_GUARD_MS) throw new Error(`parse took ${ms.toFixed(0)} ms`);
  return outcome;
}

// Characters that mean something in Fountain, so mutations hit the interesting paths.
const SIGNIFICANT = ['\n', '\n\n', '  ', '\t', '*', '**', '_', '\\', '[[', ']]', '/*', '*/', '>', '<', '~', '@', '!', '.', '#', '=', '===', '^', '(', ')', 'INT. ', 'EXT. ', 'CUT TO:', 'BOB\n', '\r', '\r\n', '\u00a0', '\u200b', 'É', '王', '\uFEFF'];

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...SIGNIFICANT), fc.string({ maxLength: 8 })) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 2000 }), to: fc.nat() }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(src: string, muts: Mutation[]): string {
  let s = src;
  for (const m of muts) {
    const at = s.length ? m.at % s.length : 0;
    if (m.kind === 'insert') s = s.slice(0, at) + m.text + s.slice(at);
    else if (m.kind === 'delete') s = s.slice(0, at) + s.slice(at + m.len);
    else {
      const piece = s.slice(at, at + m.len);
      const to = s.length ? m.to % s.length : 0;
      s = s.slice(0, to) + piece + s.slice(to);
    }
  }
  return s;
}

describe('fuzz', () => {
  it('random bytes, read as Fountain or FDX, give a Script or a KinoError', () => {
    const outcomes = { ok: 0, 'kino-error': 0 };
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.constantFrom('x.fountain', 'x.fdx', 'x'), (bytes, fileName) => {
        outcomes[guarded(() => parseScript(bytes, { fileName }))]++;
      }),
      { seed: 20240605, numRuns: 500 },
    );
    // Both outcomes occur, so the property is not vacuous.
    expect(outcomes['kino-error']).toBeGreaterThan(0);
    expect(outcomes.ok).toBeGreaterThan(0);
  });

  it('random Unicode text never makes the Fountain scanner throw', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 2000 }), (text) => {
        const t0 = performance.now();
        const tokens = tokenizeFountain(text);
        expect(Array.isArray(tokens.elements)).toBe(true);
        expect(performance.now() - t0).toBeLessThan(HANG_GUARD_MS);
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it('random mutations of Big Fish parse to a valid Script', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 25 }), (muts) => {
        expect(guarded(() => parseScript(mutate(bigFish, muts), { fileName: 'Big-Fish.fountain' }))).toBe('ok');
      }),
      { seed: 1953, numRuns: 100 },
    );
  });

  it('random mutations of an FDX give a Script or a KinoError', () => {
    const outcomes = { ok: 0, 'kino-error': 0 };
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (muts) => {
        outcomes[guarded(() => parseFdx(mutate(brickFdx, muts), { fileName: 'b.fdx' }))]++;
      }),
      { seed: 99, numRuns: 150 },
    );
    expect(outcomes.ok).toBeGreaterThan(0);
    expect(outcomes['kino-error']).toBeGreaterThan(0);
  });
});
