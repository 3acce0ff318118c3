// Character performance: planted feet do not slide, walks arrive, sitting sits, mouths move
// exactly while lines play.

import { describe, expect, it } from 'vitest';
import { Character, Film, Gesture, Place, Prop, Say, Scene, Shot, Sit, Turn, Walk } from 'kino';
import { evaluateFrame } from '../../src/plan/evaluate';
import { qRotate, type V3 } from '../../src/plan/math';
import { bodyDims, forwardKinematics, J, restOffsets, toeOffset } from '../../src/plan/performance/skeleton';
import type { CharacterState } from '../../src/plan/performance/pose';
import type { FilmPlan } from '../../src/plan/schema';
import { mustPlan } from './helpers';

function toes(plan: FilmPlan, st: CharacterState, scene = 0): { L: V3; R: V3; pos: V3[] } {
  const ch = plan.scenes[scene].cast[st.id];
  const d = bodyDims(ch.body.height, ch.body.build, ch.body.presentation);
  const fk = forwardKinematics(restOffsets(d), st.position, st.yaw, st.pelvisOffset, st.joints);
  const toe = toeOffset(d);
  const at = (j: number): V3 => {
    const p = fk.positions[j];
    const o = qRotate(fk.rotations[j], toe);
    return [p[0] + o[0], p[1] + o[1], p[2] + o[2]];
  };
  return { L: at(J.lFoot), R: at(J.rFoot), pos: fk.positions };
}

const walkFilm = (
  <Film title="Walk" fps={48} resolution="320x180">
    <Character id="ana" height={1.7} />
    <Scene id="s" tail="1s">
      <Place who="ana" position={[-3, 0, 0]} facing={90} />
      <Walk who="ana" path={[[0, 0, 1]]} to={[3, 0, -1]} pace="walk" />
      <Turn who="ana" to={-90} />
      <Walk who="ana" to={[0, 0, 0]} pace="brisk" />
      <Shot size="WS" subject="ana" />
    </Scene>
  </Film>
);

describe('walking', () => {
  const plan = mustPlan(walkFilm);
  const perf = plan.scenes[0].performances.ana;

  it('arrives where the walk ends', () => {
    const last = evaluateFrame(plan, plan.totalFrames - 1).views[0].characters[0];
    expect(last.position[0]).toBeCloseTo(0, 6);
    expect(last.position[2]).toBeCloseTo(0, 6);
  });

  it('keeps every planted foot still (toe contact moves < 3 mm while planted)', () => {
    let checked = 0;
    let worst = 0;
    for (const step of perf.steps) {
      const t0 = step.land + 0.01;
      const t1 = Math.min(step.lift, plan.scenes[0].duration) - 0.01;
      if (t1 - t0 < 0.05) continue;
      let first: V3 | undefined;
      for (let t = t0; t <= t1; t += 1 / 48) {
        const st = evaluateFrame(plan, t * plan.fpsValue).views[0].characters[0];
        const toe = toes(plan, st)[step.foot];
        first ??= toe;
        worst = Math.max(worst, Math.hypot(toe[0] - first[0], toe[1] - first[1], toe[2] - first[2]));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(worst).toBeLessThan(0.003);
  });

  it('puts the toes on the floor when planted and lifts them in the swing', () => {
    let maxLift = 0;
    for (let f = 0; f < plan.totalFrames; f += 2) {
      const st = evaluateFrame(plan, f).views[0].characters[0];
      const t = toes(plan, st);
      expect(Math.min(t.L[1], t.R[1])).toBeGreaterThan(-0.01);
      maxLift = Math.max(maxLift, t.L[1], t.R[1]);
    }
    expect(maxLift).toBeGreaterThan(0.04);
  });

  it('keeps the legs connected: every bone keeps its length', () => {
    const ch = plan.scenes[0].cast.ana;
    const d = bodyDims(ch.body.height, ch.body.build, ch.body.presentation);
    for (let f = 0; f < plan.totalFrames; f += 7) {
      const st = evaluateFrame(plan, f).views[0].characters[0];
      const p = toes(plan, st).pos;
      const len = (a: number, b: number) => Math.hypot(p[a][0] - p[b][0], p[a][1] - p[b][1], p[a][2] - p[b][2]);
      expect(len(J.lThigh, J.lShin)).toBeCloseTo(d.thigh, 6);
      expect(len(J.rShin, J.rFoot)).toBeCloseTo(d.shin, 6);
      expect(len(J.lUpperArm, J.lForearm)).toBeCloseTo(d.upperArm, 6);
    }
  });
});

describe('sitting, gestures and speech', () => {
  const plan = mustPlan(
    <Film title="Sit" fps={24} resolution="320x180">
      <Character id="ana" height={1.7} />
      <Character id="ben" />
      <Scene id="s">
        <Prop id="chair" kind="chair" position={[0, 0, 0]} rotation={0} />
        <Place who="ana" position={[1.5, 0, 1.5]} />
        <Place who="ben" position={[0, 0, 2.5]} />
        <Sit id="sit" who="ana" on="chair" />
        <Say id="l1" who="ana">I have been walking all night.</Say>
        <Gesture who="ana" kind="wave" />
        <Shot size="WS" subject="ana" />
      </Scene>
    </Film>,
  );
  const at = (t: number) => evaluateFrame(plan, t * 24).views[0].characters.find((c) => c.id === 'ana')!;

  it('walks to the chair and lowers the pelvis onto the seat', () => {
    const cue = plan.scenes[0].cues.find((c) => c.id === 'sit')!;
    const before = at(0.2);
    const seated = at(cue.t1 + 0.1);
    expect(seated.sit).toBeCloseTo(1, 3);
    expect(before.sit).toBe(0);
    const ch = plan.scenes[0].cast.ana;
    const d = bodyDims(ch.body.height);
    const pelvisY = d.pelvisY + seated.pelvisOffset[1];
    expect(pelvisY).toBeGreaterThan(0.46);
    expect(pelvisY).toBeLessThan(0.46 + 0.2);
    // Facing the chair's front (+Z), feet in front of the seat.
    expect(Math.abs(((seated.yaw % 360) + 360) % 360)).toBeLessThan(1);
  });

  it('moves the mouth from the first frame of a line to its end, and not outside it', () => {
    const line = plan.scenes[0].lines[0];
    expect(at(line.t0).mouthOpen).toBeGreaterThan(0);
    expect(at(line.t0 + 1 / 24).mouthOpen).toBeGreaterThan(0);
    expect(at(line.t0 - 1 / 24).mouthOpen).toBe(0);
    expect(at(line.t1 + 1 / 24).mouthOpen).toBe(0);
    let opened = 0;
    for (let t = line.t0; t < line.t1; t += 1 / 24) if (at(t).mouthOpen > 0.3) opened++;
    expect(opened).toBeGreaterThan(3);
  });

  it('raises the hand above the shoulder in a wave', () => {
    const cue = plan.scenes[0].cues.find((c) => c.type === 'gesture')!;
    const st = at((cue.t0 + cue.t1) / 2);
    const p = toes(plan, st).pos;
    expect(p[J.rHand][1]).toBeGreaterThan(p[J.rUpperArm][1]);
  });
});
