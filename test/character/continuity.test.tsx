// Wardrobe and continuity: costumes assigned by scene and range, changes with and without a
// reason, and `kino continuity` failing with the scene numbers and the character.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Character, Costume, CostumeChange, Film, Place, Scene, Shot, Wardrobe, Age, Injury, Hair } from 'kino';
import { formatContinuity, validateContinuity, type ContinuityReport } from '../../src/character';
import { kino, repoRoot } from '../core/helpers';
import { mustPlanWith, planWith } from './helpers';

const fixture = (f: string) => path.join(repoRoot, 'test/character/fixtures', f);

/** A film of scenes for one character, each [id, storyDay, extra children]. */
function film(scenes: Array<[string, number | undefined, React.ReactNode?]>, wardrobe: React.ReactNode) {
  return (
    <Film title="Continuity">
      <Character id="sam" name="SAM" age={30} hairStyle="short" costume={{ top: { kind: 'shirt', color: '#d9d2c3' }, bottom: { kind: 'trousers', color: '#333840' } }} />
      <Wardrobe character="sam">{wardrobe}</Wardrobe>
      {scenes.map(([id, day, extra]) => (
        <Scene key={id} id={id} storyDay={day}>
          {extra}
          <Place who="sam" position={[0, 0, 0]} />
          <Shot duration="1s" />
        </Scene>
      ))}
    </Film>
  );
}

const coats = [<Costume key="a" id="grey-coat" jacket={{ kind: 'coat', color: '#6b6b6b' }} />, <Costume key="b" id="red-coat" jacket={{ kind: 'coat', color: '#8a1c1c' }} />];
const codes = (r: ContinuityReport) => r.problems.map((p) => `${p.severity} ${p.code} ${p.scenes.map((s) => s.number).join('-')}`);

describe('wardrobe', () => {
  it('dresses each scene in the costume assigned to it, by id, list or range, over the character\'s basics', () => {
    const { plan } = mustPlanWith(
      film(
        [['a', 1], ['b', 1], ['c', 2], ['d', 3], ['e', 3]],
        [
          <Costume key="1" id="suit" scenes="a..b" jacket={{ kind: 'suit', color: '#2a2f3a' }} tie={{ kind: 'tie', color: '#8a1c1c' }} />,
          <Costume key="2" id="tee" scenes={['c', 'e']} top={{ kind: 't-shirt', color: '#3f6b4a' }} condition="dirty" />,
        ],
      ),
    );
    const worn = plan.scenes.map((s) => s.cast.sam.appearance?.costumeId);
    expect(worn).toEqual(['suit', 'suit', 'tee', 'tee', 'tee']);
    const suit = plan.scenes[0].cast.sam.costume;
    expect(suit.jacket?.kind).toBe('suit');
    expect(suit.tie?.kind).toBe('tie');
    // The suit has no trousers of its own: the character's own are kept.
    expect(suit.bottom?.kind).toBe('trousers');
    // A dirty costume dirties the look.
    expect(plan.scenes[2].cast.sam.appearance?.dirt).toBeGreaterThan(0.3);
    expect(plan.scenes[0].cast.sam.appearance?.dirt).toBe(0);
    expect(validateContinuity(plan).ok).toBe(true);
  });

  it('carries a costume from a <CostumeChange> to the following scenes', () => {
    const { plan } = mustPlanWith(film([['a', 1], ['b', 1, <CostumeChange key="c" who="sam" costume="red-coat" reason="weather" />], ['c', 1]], coats));
    expect(plan.scenes.map((s) => s.cast.sam.appearance?.costumeId)).toEqual(['grey-coat', 'red-coat', 'red-coat']);
    expect(validateContinuity(plan).ok).toBe(true);
  });

  it('reports unknown characters, unknown costumes (with a suggestion), bad scene ranges and double bookings', () => {
    const { plan, issues } = planWith(
      <Film title="Bad">
        <Character id="sam" />
        <Wardrobe character="samm">
          <Costume id="x" top="#fff" />
        </Wardrobe>
        <Wardrobe character="sam">
          <Costume id="red-coat" scenes="b..a" jacket="#8a1c1c" />
          <Costume id="grey" scenes={['a', 'nope']} jacket="#6b6b6b" />
          <Costume id="blue" scenes="a" jacket="#1f3f8a" />
        </Wardrobe>
        <Scene id="a">
          <Place who="sam" position={[0, 0, 0]} />
          <CostumeChange who="sam" costume="red-cot" />
          <Shot duration="1s" />
        </Scene>
        <Scene id="b">
          <Shot duration="1s" />
        </Scene>
      </Film>,
    );
    expect(plan).toBeNull();
    const byCode = (c: string) => issues.filter((i) => i.code === c);
    expect(byCode('wardrobe/unknown-character')[0].hint).toMatch(/"sam"/);
    expect(byCode('wardrobe/unknown-costume')[0].hint).toMatch(/"red-coat"/);
    expect(byCode('wardrobe/scenes').map((i) => i.message).join(' ')).toMatch(/runs backwards.*no scene is called "nope"|no scene is called "nope".*runs backwards/);
    expect(byCode('wardrobe/overlap')).toHaveLength(1);
    for (const i of issues.filter((x) => x.code.startsWith('wardrobe/'))) expect(i.location?.line, i.code).toBeGreaterThan(0);
  });
});

describe('validateContinuity', () => {
  it('fails a costume that changes between two scenes of one story day, naming the scenes and the character', () => {
    const { plan } = mustPlanWith(film([['a', 1], ['b', 1]], [<Costume key="a" id="grey-coat" scenes="a" jacket="#6b6b6b" />, <Costume key="b" id="red-coat" scenes="b" jacket="#8a1c1c" />]));
    const r = validateContinuity(plan);
    expect(r.ok).toBe(false);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ severity: 'error', code: 'continuity/costume', character: 'sam', characterName: 'SAM', scenes: [{ id: 'a', number: '1' }, { id: 'b', number: '2' }], storyDay: 1 });
    expect(r.problems[0].message).toMatch(/SAM's costume changes between scene 1 and scene 2 on story day 1: "grey-coat" → "red-coat"/);
  });

  it('accepts the change with a reason, and a change across story days', () => {
    const withReason = mustPlanWith(film([['a', 1], ['b', 1, <CostumeChange key="c" who="sam" costume="red-coat" reason="story" />]], [<Costume key="a" id="grey-coat" scenes="a" jacket="#6b6b6b" />, <Costume key="b" id="red-coat" scenes="b" jacket="#8a1c1c" />])).plan;
    expect(validateContinuity(withReason).problems).toEqual([]);
    const nextDay = mustPlanWith(film([['a', 1], ['b', 2]], [<Costume key="a" id="grey-coat" scenes="a" jacket="#6b6b6b" />, <Costume key="b" id="red-coat" scenes="b" jacket="#8a1c1c" />])).plan;
    expect(validateContinuity(nextDay).problems).toEqual([]);
  });

  it('fails a <CostumeChange> without a reason on the same day, and a second change inside one scene', () => {
    const same = mustPlanWith(film([['a', 1], ['b', 1, <CostumeChange key="c" who="sam" costume="red-coat" />]], coats)).plan;
    expect(codes(validateContinuity(same))).toEqual(['error continuity/costume 1-2']);
    const twice = mustPlanWith(
      film([['a', 1, [<CostumeChange key="1" who="sam" costume="red-coat" reason="disguise" />, <CostumeChange key="2" who="sam" costume="grey-coat" />]]], coats),
    ).plan;
    expect(codes(validateContinuity(twice))).toEqual(['error continuity/costume-in-scene 1']);
  });

  it('warns (does not fail) when the scenes have no story day to judge by', () => {
    const r = validateContinuity(mustPlanWith(film([['a', undefined], ['b', undefined]], [<Costume key="a" id="grey-coat" scenes="a" jacket="#6b6b6b" />, <Costume key="b" id="red-coat" scenes="b" jacket="#8a1c1c" />])).plan);
    expect(r.ok).toBe(true);
    expect(codes(r)).toEqual(['warning continuity/costume 1-2']);
  });

  it('checks state too: an age that jumps within a day, an injury that heals backwards or vanishes', () => {
    const r = validateContinuity(
      mustPlanWith(
        film(
          [
            ['a', 1, <Injury key="i" id="gash" who="sam" kind="cut" region="forehead" />],
            ['b', 1, [<Age key="a" who="sam" age={31} />, <Injury key="i" id="gash" who="sam" kind="cut" region="forehead" stage="scar" />]],
            ['c', 5, <Injury key="i" id="gash" who="sam" kind="cut" region="forehead" stage="fresh" />],
          ],
          coats,
        ),
      ).plan,
    );
    expect(codes(r)).toEqual(['error continuity/age 1-2', 'error continuity/injury 1-2', 'error continuity/injury 2-3']);
    expect(r.problems[1].message).toMatch(/heals from "fresh" to "scar".*within story day 1/);
    expect(r.problems[2].message).toMatch(/goes back from "scar" in scene 2 to "fresh" in scene 3/);
  });

  it('records continuity in the plan and raises its problems as warnings while planning', () => {
    const { plan, issues } = mustPlanWith(film([['a', 1], ['b', 1]], [<Costume key="a" id="grey-coat" scenes="a" jacket="#6b6b6b" />, <Costume key="b" id="red-coat" scenes="b" jacket="#8a1c1c" />]));
    expect(plan.ext?.continuity).toMatchObject({ ok: false, errors: 1 });
    expect(issues.find((i) => i.code === 'continuity/costume')?.severity).toBe('warning');
    // The report reads from the plan alone (film.json round trip).
    expect(validateContinuity(JSON.parse(JSON.stringify(plan)))).toEqual(validateContinuity(plan));
    expect(formatContinuity(validateContinuity(plan))).toMatch(/SAM \(sam\)[\s\S]*Sc 1 [\s\S]*grey-coat[\s\S]*Sc 2 [\s\S]*red-coat[\s\S]*Found 1 continuity error/);
  });

  it('lists hair and injuries scene by scene in the report', () => {
    const r = validateContinuity(mustPlanWith(film([['a', 1, <Injury key="i" who="sam" kind="bruise" region="cheek-right" />], ['b', 4, <Hair key="h" who="sam" style="buzz" />]], coats)).plan);
    const rows = r.characters[0].rows;
    expect(rows[0].look.injuries).toEqual([expect.objectContaining({ kind: 'bruise', stage: 'fresh' })]);
    expect(rows[1].look.injuries[0].stage).toBe('healing');
    expect(rows[1].look.hairStyle).toBe('buzz');
  });
});

describe('kino continuity', () => {
  it('fails the two-scene film whose jacket changes without a reason, with the scene numbers and the character', () => {
    const r = kino(['continuity', fixture('jacket-break.tsx')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/error continuity\/costume: SAM's costume changes between scene 1 and scene 2 on story day 1/);
    expect(r.stdout).toMatch(/character SAM \(sam\); scenes 1 \(office\), 2 \(street\)/);
    expect(r.stdout).toMatch(/jacket\.tsx:\d+:\d+/);
  });

  it('passes it with a <CostumeChange reason>', () => {
    const r = kino(['continuity', fixture('jacket-ok.tsx')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/changes → blue-jacket \(story\)/);
    expect(r.stdout).toMatch(/Continuity OK/);
  });

  it('prints the report as JSON with --json', () => {
    const r = kino(['continuity', fixture('jacket-break.tsx'), '--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as ContinuityReport;
    expect(report.ok).toBe(false);
    expect(report.problems[0]).toMatchObject({ character: 'sam', scenes: [{ number: '1' }, { number: '2' }] });
  });
});
