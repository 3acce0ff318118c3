import { describe, expect, it } from 'vitest';
import { DOOR_ACTIONS, FOLEY_KINDS, IMPACT_MATERIALS, SURFACES, door, footstep, footsteps, impact, renderFoley, type FoleySpec } from '../../src/sound/foley';
import { allFinite, peak, rmsDb, spectralCentroid, sameSamples } from './helpers';

const SPECS: FoleySpec[] = [
  { kind: 'footstep', surface: 'wood' },
  { kind: 'footsteps', surface: 'gravel', count: 3 },
  { kind: 'door', action: 'slam' },
  { kind: 'sit', chair: 'upholstered' },
  { kind: 'stand', chair: 'metal' },
  { kind: 'impact', material: 'glass' },
  { kind: 'cloth', fabric: 'nylon' },
];

describe('foley', () => {
  it('covers every kind, deterministic per seed and different across seeds', () => {
    expect(new Set(SPECS.map((s) => s.kind))).toEqual(new Set(FOLEY_KINDS));
    for (const spec of SPECS) {
      const a = renderFoley(spec, 'shot-1');
      expect(sameSamples(a, renderFoley(spec, 'shot-1'))).toBe(true);
      expect(sameSamples(a, renderFoley(spec, 'shot-2'))).toBe(false);
      expect(allFinite(a)).toBe(true);
      expect(peak(a)).toBeGreaterThan(0.01);
      expect(peak(a)).toBeLessThan(1);
    }
  });

  it('renders every surface, pace and door action as non-silent, bounded audio', () => {
    for (const surface of SURFACES) for (const pace of ['sneak', 'walk', 'run'] as const) {
      const x = footstep({ surface, pace }, `${surface}-${pace}`);
      expect(peak(x), `${surface}/${pace}`).toBeGreaterThan(0.01);
      expect(peak(x)).toBeLessThan(0.5);
    }
    for (const action of DOOR_ACTIONS) expect(peak(door({ action }, 'd'))).toBeGreaterThan(0.05);
    for (const material of IMPACT_MATERIALS) expect(peak(impact({ material }, 'i'))).toBeGreaterThan(0.02);
  });

  it('makes surfaces sound different: carpet is dull, tile and gravel bright', () => {
    const centroid = (s: (typeof SURFACES)[number]) => spectralCentroid(footsteps({ surface: s, count: 4 }, 'c').samples, 48000);
    const carpet = centroid('carpet');
    const wood = centroid('wood');
    expect(carpet).toBeLessThan(wood);
    expect(centroid('tile')).toBeGreaterThan(wood);
    expect(centroid('gravel')).toBeGreaterThan(wood);
    expect(centroid('grass')).toBeGreaterThan(carpet * 2);
  });

  it('scales level with pace, strength and action', () => {
    const rms = (x: Float32Array) => rmsDb(x);
    expect(peak(footstep({ surface: 'concrete', pace: 'run' }, 'p'))).toBeGreaterThan(peak(footstep({ surface: 'concrete', pace: 'sneak' }, 'p')) * 3);
    expect(peak(impact({ material: 'wood', strength: 1 }, 'x'))).toBeGreaterThan(peak(impact({ material: 'wood', strength: 0.1 }, 'x')) * 4);
    expect(rms(door({ action: 'slam' }, 'd'))).toBeGreaterThan(rms(door({ action: 'open' }, 'd')) + 6);
    // Metal rings on, a body thud dies at once.
    expect(impact({ material: 'metal' }, 'm').length).toBeGreaterThan(impact({ material: 'body' }, 'm').length * 3);
  });

  it('lays footsteps at the cadence of the pace', () => {
    const walk = footsteps({ surface: 'wood', durationSeconds: 4 }, 'w');
    const run = footsteps({ surface: 'wood', pace: 'run', durationSeconds: 4 }, 'w');
    expect(walk.stepTimesSeconds.length).toBe(7); // 1.9 steps/s
    expect(run.stepTimesSeconds.length).toBe(11); // 2.9 steps/s
    const gaps = walk.stepTimesSeconds.slice(1).map((t, i) => t - walk.stepTimesSeconds[i]);
    for (const g of gaps) expect(g).toBeCloseTo(1 / 1.9, 1);
    // Each step lands where it says: energy rises at the step time.
    const x = walk.samples;
    for (const t of walk.stepTimesSeconds) {
      const i = Math.round(t * 48000);
      expect(rmsDb(x, i, i + 2400)).toBeGreaterThan(rmsDb(x, Math.max(0, i - 4800), Math.max(1, i - 2400)) + 10);
    }
  });

  it('rejects unknown surfaces and kinds with the allowed values', () => {
    expect(() => footstep({ surface: 'lava' as never }, 1)).toThrowError(/surface/);
    try {
      renderFoley({ kind: 'footstep', surface: 'ice' } as never, 1);
      expect.unreachable();
    } catch (e) {
      expect((e as { issues: Array<{ hint?: string }> }).issues[0].hint).toMatch(/wood, concrete, carpet, gravel, grass, tile/);
    }
    expect(() => renderFoley({ kind: 'explosion' } as never, 1)).toThrowError(/foley/);
  });
});
