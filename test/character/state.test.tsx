// Character state over the story: injuries that appear and progress by story day, aging, hair,
// and appearanceForScene's complete look.

import { describe, expect, it } from 'vitest';
import { Age, Character, Costume, Film, Hair, Injury, Place, Scene, Shot, Wardrobe } from 'kino';
import { ageGrey, ageWrinkles, appearanceForScene, filmCharacters } from '../../src/character';
import { renderToDoc } from '../../reconciler';
import { validateDoc } from '../../src/doc/validate';
import { mustPlanWith, planWith } from './helpers';

const Kit = () => <Character id="kit" name="KIT" age={28} hair="#3b2416" hairStyle="short" />;
const scene = (id: string, day: number | undefined, ...kids: React.ReactNode[]) => (
  <Scene key={id} id={id} storyDay={day}>
    {kids}
    <Place who="kit" position={[0, 0, 0]} />
    <Shot duration="1s" />
  </Scene>
);

describe('injuries', () => {
  it('appear where written and progress fresh → bandaged → healing → scar, one stage per daysPerStage days', () => {
    const { plan } = mustPlanWith(
      <Film title="Cut">
        <Kit />
        {scene('d1', 1, <Injury key="i" id="gash" who="kit" kind="cut" region="cheek-left" daysPerStage={2} />)}
        {scene('d2', 2)}
        {scene('d3', 3)}
        {scene('d5', 5)}
        {scene('d7', 7)}
        {scene('d30', 30)}
      </Film>,
    );
    const stages = plan.scenes.map((s) => s.cast.kit.appearance!.injuries.map((j) => `${j.kind}@${j.region}:${j.stage}`).join());
    expect(stages).toEqual(['cut@cheek-left:fresh', 'cut@cheek-left:fresh', 'cut@cheek-left:bandaged', 'cut@cheek-left:healing', 'cut@cheek-left:scar', 'cut@cheek-left:scar']);
  });

  it('follow each kind\'s course (a bruise heals and is gone) and restart from a restated stage', () => {
    const { plan } = mustPlanWith(
      <Film title="Bruise">
        <Kit />
        {scene('a', 1, <Injury key="b" who="kit" kind="bruise" region="forehead" />, <Injury key="e" who="kit" kind="black-eye" region="eye-right" stage="healing" />)}
        {scene('b', 3, <Injury key="b" who="kit" kind="bruise" region="forehead" stage="fresh" />)}
        {scene('c', 5)}
        {scene('d', 7)}
      </Film>,
    );
    const at = (i: number) => Object.fromEntries(plan.scenes[i].cast.kit.appearance!.injuries.map((j) => [j.kind, j.stage]));
    expect(at(0)).toEqual({ bruise: 'fresh', 'black-eye': 'healing' });
    // Restated fresh on day 3 (a second blow), healed black eye is no longer drawn.
    expect(at(1)).toEqual({ bruise: 'fresh' });
    expect(at(2)).toEqual({ bruise: 'healing' });
    expect(at(3)).toEqual({});
  });

  it('hold their stage when the story has no days, and bleed a little while fresh', () => {
    const { plan } = mustPlanWith(
      <Film title="No days">
        <Kit />
        {scene('a', undefined, <Injury key="i" who="kit" kind="cut" region="lip" />)}
        {scene('b', undefined)}
      </Film>,
    );
    for (const s of plan.scenes) expect(s.cast.kit.appearance!.injuries[0].stage).toBe('fresh');
    expect(plan.scenes[0].cast.kit.appearance!.blood).toBeGreaterThan(0.2);
  });

  it('report a character who is not there, and warn when written in a scene they are not in', () => {
    const { issues } = planWith(
      <Film title="Who">
        <Kit />
        <Character id="lou" />
        {scene('a', 1, <Injury key="i" who="kitt" kind="cut" region="lip" />, <Age key="a" who="lou" age={60} />)}
      </Film>,
    );
    expect(issues.find((i) => i.code === 'character/unknown')).toMatchObject({ severity: 'error', hint: 'Did you mean "kit"?' });
    expect(issues.find((i) => i.code === 'character/not-in-scene')).toMatchObject({ severity: 'warning' });
  });
});

describe('age and hair', () => {
  it('greys the hair and lines the face with age', () => {
    expect(ageGrey(30)).toBe(0);
    expect(ageGrey(55)).toBeGreaterThan(0.2);
    expect(ageGrey(80)).toBeCloseTo(0.9);
    expect(ageWrinkles(25)).toBe(0);
    expect(ageWrinkles(70)).toBeGreaterThan(ageWrinkles(50));
    const { plan } = mustPlanWith(
      <Film title="Years">
        <Kit />
        {scene('young', 1)}
        {scene('old', 9000, <Age key="a" who="kit" age={74} />)}
        {scene('dyed', 9001, <Hair key="h" who="kit" color="#1c1714" grey={0} style="bob" />)}
      </Film>,
    );
    const [young, old, dyed] = plan.scenes.map((s) => s.cast.kit);
    expect(young.body.age).toBe(28);
    expect(young.appearance!.greyHair).toBe(0);
    expect(old.body.age).toBe(74);
    expect(old.appearance!.greyHair).toBeGreaterThan(0.8);
    expect(old.appearance!.wrinkles).toBeGreaterThan(0.8);
    expect(dyed.body.hairStyle).toBe('bob');
    expect(dyed.appearance!.greyHair).toBe(0);
    expect(dyed.appearance!.wrinkles).toBeGreaterThan(0.8);
    expect(dyed.body.hair[0]).toBeLessThan(old.body.hair[0] + 1e-9);
  });
});

describe('appearanceForScene', () => {
  it('gives the complete look: costume after changes, state on that day, bloodied clothes', () => {
    const tree = (
      <Film title="Look">
        <Kit />
        <Wardrobe character="kit">
          <Costume id="work" jacket={{ kind: 'denim', color: '#3b5b87' }} />
          <Costume id="fight" scenes="b" jacket={{ kind: 'denim', color: '#3b5b87', condition: 'bloodied' }} />
        </Wardrobe>
        {scene('a', 1)}
        {scene('b', 2, <Injury key="i" who="kit" kind="scrape" region="hand-right" />)}
      </Film>
    );
    const v = validateDoc(renderToDoc(tree).doc);
    const issues: never[] = [];
    const fc = filmCharacters(v.root!, issues);
    const h = fc.histories.get('kit')!;
    const a = appearanceForScene(h, 'a');
    const b = appearanceForScene(h, 'b');
    expect(a.appearance).toMatchObject({ costumeId: 'work', blood: 0, injuries: [] });
    expect(b.appearance).toMatchObject({ costumeId: 'fight', injuries: [{ kind: 'scrape', region: 'hand-right', stage: 'fresh' }] });
    expect(b.appearance!.blood).toBeGreaterThan(0.5);
    expect(b.costume.jacket?.condition).toBe('bloodied');
    // By index too, and the plan carries the same look.
    expect(appearanceForScene(h, 1)).toEqual(b);
    expect(() => appearanceForScene(h, 'zz')).toThrow(/no scene "zz"/);
    const { plan } = mustPlanWith(tree);
    expect(plan.scenes[1].cast.kit.appearance).toEqual(b.appearance);
  });
});
