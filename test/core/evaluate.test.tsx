// evaluateFrame: deterministic over random films and frames (property test), and free of React.

import { build } from 'esbuild';
import fc from 'fast-check';
import vm from 'node:vm';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Character, CoverageSet, Film, LightRig, Place, Say, Scene, Shot, Walk, Dolly, Orbit } from 'kino';
import { evaluateFrame } from '../../src/plan/evaluate';
import { mustPlan, repoRoot } from './helpers';

const SIZES = ['ECU', 'CU', 'MCU', 'MS', 'MWS', 'WS', 'EWS'] as const;

const filmArb = fc.record({
  fps: fc.constantFrom(24, 25, 30, '24000/1001'),
  scenes: fc.array(
    fc.record({
      people: fc.array(fc.tuple(fc.double({ min: -4, max: 4, noNaN: true }), fc.double({ min: -4, max: 4, noNaN: true })), { minLength: 1, maxLength: 3 }),
      lines: fc.array(fc.tuple(fc.nat(2), fc.lorem({ maxCount: 8 })), { minLength: 0, maxLength: 4 }),
      walk: fc.option(fc.tuple(fc.nat(2), fc.double({ min: -4, max: 4, noNaN: true }), fc.double({ min: -4, max: 4, noNaN: true }))),
      shots: fc.array(fc.record({ size: fc.constantFrom(...SIZES), who: fc.nat(2), dur: fc.double({ min: 0.3, max: 3, noNaN: true }), move: fc.boolean() }), { minLength: 1, maxLength: 3 }),
      coverage: fc.boolean(),
    }),
    { minLength: 1, maxLength: 3 },
  ),
});

type FilmSpec = typeof filmArb extends fc.Arbitrary<infer T> ? T : never;

function toFilm(spec: FilmSpec) {
  const ids = ['ana', 'ben', 'cat'];
  return (
    <Film title="Random" fps={spec.fps} resolution="320x180">
      {ids.map((id) => (
        <Character key={id} id={id} />
      ))}
      {spec.scenes.map((sc, si) => {
        const n = sc.people.length;
        return (
          <Scene key={si} id={`s${si}`}>
            <LightRig preset="three-point" subject={ids[0]} />
            {sc.people.map(([x, z], i) => (
              <Place key={`p${i}`} who={ids[i]} position={[x + i * 1.2, 0, z]} />
            ))}
            {sc.walk && <Walk who={ids[sc.walk[0] % n]} to={[sc.walk[1], 0, sc.walk[2]]} />}
            {sc.lines.map(([w, text], i) => (
              <Say key={`l${i}`} who={ids[w % n]}>{text || 'Hm.'}</Say>
            ))}
            {sc.shots.map((s, i) => (
              <Shot key={`s${i}`} size={s.size} subject={ids[s.who % n]} duration={s.dur}>
                {s.move ? <Dolly distance={0.5} /> : <Orbit degrees={15} />}
              </Shot>
            ))}
            {sc.coverage && n >= 2 && sc.lines.length > 0 && <CoverageSet />}
          </Scene>
        );
      })}
    </Film>
  );
}

function finiteEverywhere(v: unknown): boolean {
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return v.every(finiteEverywhere);
  if (v && typeof v === 'object') return Object.values(v).every(finiteEverywhere);
  return true;
}

describe('evaluateFrame', () => {
  it('is deterministic and finite over random films and random frames', () => {
    fc.assert(
      fc.property(filmArb, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }), (spec, fracs) => {
        const plan = mustPlan(toFilm(spec));
        // A deep copy (as film.json round-trips it) must evaluate identically.
        const copy = JSON.parse(JSON.stringify(plan));
        for (const f of fracs) {
          const frame = Math.floor(f * plan.totalFrames);
          const a = evaluateFrame(plan, frame);
          const b = evaluateFrame(copy, frame);
          expect(JSON.stringify(a)).toBe(JSON.stringify(b));
          expect(finiteEverywhere(a)).toBe(true);
          expect(a.views[0].characters.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 40, seed: 20261124 },
    );
  });

  it('runs with React absent from the module graph (as bundled for the render page)', async () => {
    const result = await build({
      entryPoints: [path.join(repoRoot, 'src/plan/evaluate.ts')],
      bundle: true,
      write: false,
      format: 'iife',
      globalName: 'kinoEval',
      platform: 'browser',
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile!.inputs);
    expect(inputs.some((i) => /node_modules\/react/.test(i))).toBe(false);
    expect(inputs.some((i) => i.includes('reconciler/') || i.includes('components/'))).toBe(false);
    // Execute the bundle in a bare context (no require, no process) and compare with Node.
    const plan = mustPlan(toFilm({ fps: 24, scenes: [{ people: [[0, 0], [1, 1]], lines: [[0, 'Hello there'], [1, 'Hi']], walk: [0, 2, 2], shots: [{ size: 'MS', who: 0, dur: 2, move: true }], coverage: true }] }));
    const sandbox: Record<string, unknown> = {};
    vm.createContext(sandbox);
    vm.runInContext(result.outputFiles[0].text, sandbox);
    const pageEval = (sandbox.kinoEval as { evaluateFrame: typeof evaluateFrame }).evaluateFrame;
    for (const f of [0, 10, Math.floor(plan.totalFrames / 2), plan.totalFrames - 1]) {
      expect(JSON.stringify(pageEval(plan, f))).toBe(JSON.stringify(evaluateFrame(plan, f)));
    }
  });
});
