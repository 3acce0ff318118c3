// The timing pass: cues in sequence, anchors with offsets, estimated and real line lengths,
// cycles rejected with the chain.

import { describe, expect, it } from 'vitest';
import { Character, Film, Gesture, Place, Say, Scene, Shot, Walk } from 'kino';
import { estimateLineSeconds } from '../../src/plan/timing';
import { renderToDoc } from '../../reconciler';
import { validateDoc } from '../../src/doc/validate';
import { buildPlan } from '../../src/plan/build';
import { mustPlan, planOf } from './helpers';

const cast = (
  <>
    <Character id="ana" />
    <Character id="ben" />
  </>
);

describe('timing', () => {
  it('plays cues one after another by default, starting after the scene head', () => {
    const plan = mustPlan(
      <Film title="T">
        {cast}
        <Scene id="s">
          <Place who="ana" position={[0, 0, 0]} />
          <Place who="ben" position={[2, 0, 0]} />
          <Say id="l1" who="ana">One two three four five six seven eight.</Say>
          <Say id="l2" who="ben">Nine ten.</Say>
        </Scene>
      </Film>,
    );
    const [l1, l2] = plan.scenes[0].lines;
    expect(l1.t0).toBeCloseTo(0.5, 9);
    expect(l1.t1 - l1.t0).toBeCloseTo(estimateLineSeconds('One two three four five six seven eight.'), 9);
    expect(l2.t0).toBeCloseTo(l1.t1, 9);
  });

  it('resolves anchors with offsets, in frames or seconds', () => {
    const plan = mustPlan(
      <Film title="T" fps={25}>
        {cast}
        <Scene id="s">
          <Place who="ana" position={[0, 0, 0]} />
          <Place who="ben" position={[2, 0, 0]} />
          <Say id="l1" who="ana" duration="2s">Hello.</Say>
          <Say id="l2" who="ben" at="after:l1+0.5s" duration="1s">Hi.</Say>
          <Gesture who="ana" kind="wave" at="with:l2+5f" />
          <Say id="l3" who="ana" at="3.7s">Bye.</Say>
        </Scene>
      </Film>,
    );
    const cues = Object.fromEntries(plan.scenes[0].cues.map((c) => [c.id, c]));
    expect(cues.l1.t0).toBeCloseTo(0.5);
    expect(cues.l2.t0).toBeCloseTo(3.0);
    expect(cues.gesture1.t0).toBeCloseTo(3.2);
    expect(cues.l3.t0).toBeCloseTo(3.7);
  });

  it('uses real line durations from the sound department when given', () => {
    const film = (
      <Film title="T">
        {cast}
        <Scene id="s">
          <Place who="ana" position={[0, 0, 0]} />
          <Say id="l1" who="ana">Hello there.</Say>
          <Say id="l2" who="ana">Again.</Say>
        </Scene>
      </Film>
    );
    const v = validateDoc(renderToDoc(film).doc);
    const estimated = buildPlan(v.root!, { checkFiles: false }).plan!;
    const real = buildPlan(v.root!, { checkFiles: false, lineDurations: { 's/l1': 2.75 } }).plan!;
    expect(estimated.scenes[0].lines[0].t1 - estimated.scenes[0].lines[0].t0).toBeCloseTo(estimateLineSeconds('Hello there.'));
    expect(real.scenes[0].lines[0].t1 - real.scenes[0].lines[0].t0).toBeCloseTo(2.75);
    // The next line moves with it, and the mouth moves for exactly the real length.
    expect(real.scenes[0].lines[1].t0).toBeCloseTo(0.5 + 2.75);
    const speech = real.scenes[0].performances.ana.speech[0];
    expect(speech.t1 - speech.t0).toBeCloseTo(2.75);
  });

  it('derives a walk from distance and pace', () => {
    const plan = mustPlan(
      <Film title="T">
        {cast}
        <Scene id="s">
          <Place who="ana" position={[0, 0, 0]} />
          <Walk who="ana" to={[4, 0, 0]} pace="walk" />
          <Walk who="ana" to={[4, 0, 4]} pace="run" />
        </Scene>
      </Film>,
    );
    const [walk, run] = plan.scenes[0].cues.filter((c) => c.type === 'walk');
    expect(walk.t1 - walk.t0).toBeGreaterThan(4 / 1.35);
    expect(walk.t1 - walk.t0).toBeLessThan(4 / 1.35 + 0.6);
    expect(run.t1 - run.t0).toBeLessThan(walk.t1 - walk.t0);
  });

  it('rejects circular anchors, naming the chain', () => {
    const { plan, issues } = planOf(
      <Film title="T">
        {cast}
        <Scene id="s">
          <Place who="ana" position={[0, 0, 0]} />
          <Say id="a" who="ana" at="after:b">A.</Say>
          <Say id="b" who="ana" at="after:a">B.</Say>
          <Shot duration="1s" />
        </Scene>
      </Film>,
    );
    expect(plan).toBeNull();
    const cyc = issues.find((i) => i.code === 'timing/cycle');
    expect(cyc?.message).toMatch(/a → b → a|b → a → b/);
    expect(cyc?.location?.line).toBeGreaterThan(0);
  });

  it('reports an anchor to a cue that does not exist, with a suggestion', () => {
    const { issues } = planOf(
      <Film title="T">
        {cast}
        <Scene id="s">
          <Place who="ana" position={[0, 0, 0]} />
          <Say id="line1" who="ana">A.</Say>
          <Say who="ana" at="after:lin1">B.</Say>
        </Scene>
      </Film>,
    );
    const u = issues.find((i) => i.code === 'timing/unknown-anchor');
    expect(u?.hint).toBe('Did you mean "line1"?');
  });

  it('sizes auto shots from the performance and gives the edit the sum of its shots', () => {
    const plan = mustPlan(
      <Film title="T" fps={24}>
        {cast}
        <Scene id="s" tail="1s">
          <Place who="ana" position={[0, 0, 0]} />
          <Place who="ben" position={[1.5, 0, 0]} />
          <Say id="l1" who="ana" duration="2s">A.</Say>
          <Say id="l2" who="ben" duration="2s">B.</Say>
          <Shot id="one" lines={['l1']} subject="ana" size="CU" />
          <Shot id="two" subject="ben" size="CU" />
        </Scene>
      </Film>,
    );
    const [one, two] = plan.scenes[0].shots;
    expect(one.sceneIn).toBeCloseTo(0.25);
    expect(one.sceneOut).toBeCloseTo(2.85);
    expect(two.sceneIn).toBeCloseTo(2.85);
    expect(two.sceneOut).toBeCloseTo(0.5 + 4 + 1);
    expect(plan.totalFrames).toBe(one.frames + two.frames);
  });
});
