// Lens maths against the reference tables; shot sizes frame people as the trade means them;
// coverage keeps the 180° and 30° rules.

import { describe, expect, it } from 'vitest';
import { Character, CoverageSet, Film, Place, Prop, Say, Scene, Shot, Walk } from 'kino';
import { circleOfConfusion, depthOfField, horizontalFov, verticalFovForAspect } from '../../src/plan/lens';
import { evaluateView } from '../../src/plan/evaluate';
import { cross, dot, norm, sub, type V3 } from '../../src/plan/math';
import { SIZE_ORDER } from '../../src/plan/framing';
import { viewAngle } from '../../src/plan/coverage';
import { bodyDims } from '../../src/plan/performance/skeleton';
import { mustPlan } from './helpers';

const FF = { widthMm: 36, heightMm: 24 };
const S35 = { widthMm: 24.89, heightMm: 18.66 };

describe('lens (reference: editorial-sound-camera.md §5)', () => {
  it.each([
    [18, 90.0, 67.38, 69.32],
    [24, 73.74, 53.13, 54.82],
    [35, 54.43, 37.85, 39.15],
    [50, 39.6, 26.99, 27.95],
    [85, 23.91, 16.07, 16.66],
  ])('%i mm: FF H %f, FF V %f, S35 H %f', (f, ffH, ffV, s35H) => {
    expect(horizontalFov(f, FF)).toBeCloseTo(ffH, 1);
    expect(verticalFovForAspect(f, FF, 1.5)).toBeCloseTo(ffV, 1);
    expect(horizontalFov(f, S35)).toBeCloseTo(s35H, 1);
  });

  it.each([
    [50, 2.8, 0.03, 3, 29.812, 2.729, 3.33],
    [50, 2.8, 0.025, 3, 35.764, 2.771, 3.27],
    [35, 4, 0.025, 2, 12.285, 1.724, 2.382],
    [85, 1.4, 0.025, 1.5, 206.514, 1.49, 1.51],
    [24, 8, 0.03, 5, 2.424, 1.627, Infinity],
  ])('DOF f=%i N=%f c=%f s=%f', (f, N, c, s, H, near, far) => {
    const d = depthOfField(f, N, c, s);
    expect(d.hyperfocal).toBeCloseTo(H, 2);
    expect(d.near).toBeCloseTo(near, 2);
    if (far === Infinity) expect(d.far).toBe(Infinity);
    else expect(d.far).toBeCloseTo(far, 2);
  });

  it('uses the customary circles of confusion', () => {
    expect(circleOfConfusion(FF)).toBe(0.03);
    expect(circleOfConfusion(S35)).toBe(0.025);
  });
});

/** Vertical position in the frame (−1 bottom … +1 top) of a world point. */
function frameY(cam: { position: V3; target: V3; fovDeg: number }, p: V3): number {
  const fwd = norm(sub(cam.target, cam.position));
  const right = norm(cross(fwd, [0, 1, 0]));
  const up = cross(right, fwd);
  const v = sub(p, cam.position);
  const z = dot(v, fwd);
  return dot(v, up) / z / Math.tan((cam.fovDeg * Math.PI) / 360);
}

describe('shot sizes frame a person as the trade means them', () => {
  const film = (size: string) => (
    <Film title="Sizes" resolution="1280x720">
      <Character id="ana" height={1.75} />
      <Scene id="s">
        <Place who="ana" position={[0, 0, 0]} facing={0} />
        <Shot size={size as 'CU'} subject="ana" duration="1s" />
      </Scene>
    </Film>
  );
  const d = bodyDims(1.75);
  const headTop: V3 = [0, 1.75, 0];
  const chin: V3 = [0, 1.75 - d.headSize, 0];
  const waist: V3 = [0, 1.05, 0];
  const knees: V3 = [0, 0.5, 0];
  const feet: V3 = [0, 0.02, 0];
  const view = (size: string) => {
    const plan = mustPlan(film(size));
    return evaluateView(plan, 0, 0, 0.5).camera;
  };

  it('CU: head and shoulders fill the frame — head top near the top, chin in frame, waist out', () => {
    const cam = view('CU');
    expect(frameY(cam, headTop)).toBeGreaterThan(0.55);
    expect(frameY(cam, headTop)).toBeLessThan(1);
    expect(frameY(cam, chin)).toBeGreaterThan(-0.6);
    expect(frameY(cam, [0, 1.75 - 1.6 * d.headSize, 0])).toBeGreaterThan(-1);
    expect(frameY(cam, waist)).toBeLessThan(-1);
  });

  it('MS: cuts around the waist', () => {
    const cam = view('MS');
    expect(frameY(cam, headTop)).toBeLessThan(1);
    expect(frameY(cam, [0, 1.15, 0])).toBeGreaterThan(-1);
    expect(frameY(cam, knees)).toBeLessThan(-1);
  });

  it('WS: the full figure, head to feet, with room', () => {
    const cam = view('WS');
    expect(frameY(cam, headTop)).toBeLessThan(0.95);
    expect(frameY(cam, feet)).toBeGreaterThan(-0.98);
  });

  it('sizes get tighter in order: the head grows from EWS to ECU', () => {
    const heights = SIZE_ORDER.filter((s) => s !== 'ECU').map((s) => {
      const cam = view(s);
      return frameY(cam, headTop) - frameY(cam, chin);
    });
    for (let i = 1; i < heights.length; i++) expect(heights[i]).toBeLessThan(heights[i - 1]);
  });
});

describe('coverage', () => {
  const plan = mustPlan(
    <Film title="Cover" resolution="1280x720">
      <Character id="ana" />
      <Character id="ben" />
      <Scene id="s">
        <Prop id="cup" shape="cylinder" size={[0.1, 0.1, 0.1]} position={[0.7, 0.75, 0.3]} />
        <Place who="ana" position={[0, 0, 0]} />
        <Place who="ben" position={[1.6, 0, 0]} />
        <Say id="l1" who="ana">Where were you last night? I waited until the diner closed.</Say>
        <Say id="l2" who="ben">Out.</Say>
        <Say id="l3" who="ana">Out where? You said you would call, and you did not call, not once, not even when the storm knocked the power out all over the east side of town.</Say>
        <Say id="l4" who="ben">Does it matter?</Say>
        <Say id="l5" who="ana">It matters to me.</Say>
        <Walk who="ben" to={[3, 0, 1]} />
        <Say id="l6" who="ben">Then you should have come.</Say>
        <CoverageSet side="right" inserts={[{ subject: 'cup', at: 'with:l4', duration: '1.2s' }]} />
      </Scene>
    </Film>,
  );
  const shots = plan.scenes[0].shots;
  const a0: V3 = [0, 1.6, 0];
  const b0: V3 = [1.6, 1.6, 0];

  it('uses a master, an OTS and a single for each principal, and the insert', () => {
    const setups = new Set(shots.map((s) => s.coverage?.setup));
    expect(setups).toContain('master');
    expect([...setups].some((s) => s?.startsWith('ots-'))).toBe(true);
    expect([...setups].some((s) => s?.startsWith('single-'))).toBe(true);
    expect(setups).toContain('insert-cup');
  });

  it('keeps every camera on one side of the action line (180° rule), as the line stands during each shot', () => {
    shots.forEach((s, i) => {
      const v = evaluateView(plan, 0, i, (s.sceneOut - s.sceneIn) / 2);
      const a = v.characters.find((c) => c.id === 'ana')!.position;
      const b = v.characters.find((c) => c.id === 'ben')!.position;
      const right = cross(norm(sub(b, a)), [0, 1, 0]);
      const side = dot(sub(v.camera.position, a), right);
      expect(side, s.name).toBeGreaterThan(0);
    });
  });

  it('never jump-cuts: same-subject cuts change angle ≥ 30° or size ≥ 2 steps', () => {
    for (let i = 1; i < shots.length; i++) {
      const a = shots[i - 1];
      const b = shots[i];
      expect(a.coverage?.setup).not.toBe(b.coverage?.setup);
      if (a.subjects.length === 1 && a.subjects[0] === b.subjects[0] && b.subjects.length === 1) {
        const subj = b.subjects[0] === 'ana' ? a0 : b0;
        const angle = viewAngle(a.camera.position, b.camera.position, subj);
        const steps = Math.abs(SIZE_ORDER.indexOf(a.size as 'CU') - SIZE_ORDER.indexOf(b.size as 'CU'));
        expect(angle >= 30 || steps >= 2, `${a.name} → ${b.name}`).toBe(true);
      }
    }
  });

  it('respects the minimum shot length, tiles the window without gaps, and shows each speaker', () => {
    for (let i = 0; i < shots.length; i++) {
      expect(shots[i].sceneOut - shots[i].sceneIn).toBeGreaterThanOrEqual(1.1 - 1e-9);
      if (i) expect(shots[i].sceneIn).toBeCloseTo(shots[i - 1].sceneOut, 9);
    }
    // Each line's speaker is the subject, or in a master/OTS, for most of the line.
    for (const line of plan.scenes[0].lines) {
      let covered = 0;
      for (const s of shots) {
        const overlap = Math.max(0, Math.min(s.sceneOut, line.t1) - Math.max(s.sceneIn, line.t0));
        if (s.subjects.includes(line.who) || s.type === 'master' || (s.type === 'ots' && s.subjects.length)) covered += overlap;
      }
      expect(covered / (line.t1 - line.t0), line.id).toBeGreaterThan(0.6);
    }
  });

  it('goes wide while someone walks', () => {
    const walk = plan.scenes[0].cues.find((c) => c.type === 'walk')!;
    const mid = (walk.t0 + walk.t1) / 2;
    const during = shots.find((s) => s.sceneIn <= mid && s.sceneOut > mid)!;
    expect(during.coverage?.setup).toBe('master');
  });
});
