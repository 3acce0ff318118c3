// The costume bible: each character, each costume with swatches and the scenes it is worn in, and
// rendered turnarounds (`kino bible` renders them; the department only writes the HTML).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { Character, Costume, CostumeChange, Film, Place, Scene, Shot, Wardrobe } from 'kino';
import { bibleHtml, costumeBible, TURNAROUND_ANGLES, turnaroundPlan } from '../../src/character';
import { FilmPlanSchema } from '../../src/plan/schema';
import { evaluateFrame } from '../../src/plan/evaluate';
import { kino, repoRoot } from '../core/helpers';
import { mustPlanWith } from './helpers';

const { plan } = mustPlanWith(
  <Film title="Two Coats">
    <Character id="ana" name="ANA" presentation="fem" hairStyle="bob" />
    <Character id="ben" name="BEN" presentation="masc" costume={{ top: { kind: 'sweater', color: '#6d2f3a' } }} />
    <Wardrobe character="ana">
      <Costume id="trench" name="Beige trench" jacket={{ kind: 'trench', color: '#b8a27a', material: 'gabardine' }} hat={{ kind: 'fedora', color: '#3a3028' }} />
      <Costume id="gala" name="Red gown" dress={{ kind: 'gown', color: '#8a1c1c', material: 'silk' }} glasses="#111111" />
      <Costume id="spare" name="Spare" top="#ffffff" />
    </Wardrobe>
    <Scene id="a" storyDay={1}>
      <Place who="ana" position={[0, 0, 0]} />
      <Place who="ben" position={[1, 0, 0]} />
      <Shot duration="1s" />
    </Scene>
    <Scene id="b" storyDay={1} heading="INT. BALLROOM - NIGHT">
      <CostumeChange who="ana" costume="gala" reason="story" note="the gala" />
      <Place who="ana" position={[0, 0, 0]} />
      <Shot duration="1s" />
    </Scene>
  </Film>,
);

describe('costume bible data', () => {
  const bible = costumeBible(plan);

  it('lists each character with each costume, its pieces as swatches, and where it is worn', () => {
    expect(bible.characters.map((c) => c.id)).toEqual(['ana', 'ben']);
    const ana = bible.characters[0];
    expect(ana.costumes.map((c) => c.key)).toEqual(['ana/trench', 'ana/gala', 'ana/spare']);
    const trench = ana.costumes[0];
    expect(trench.name).toBe('Beige trench');
    expect(trench.pieces.find((p) => p.slot === 'jacket')).toEqual({ slot: 'jacket', kind: 'trench', hex: '#b8a27a', material: 'gabardine' });
    expect(trench.accessories).toEqual(['fedora']);
    expect(trench.scenes).toEqual([{ id: 'a', number: '1', heading: 'INT. A - DAY', storyDay: 1 }]);
    const gala = ana.costumes[1];
    expect(gala.scenes[0]).toMatchObject({ id: 'b', changedInto: { from: 'trench', reason: 'story', note: 'the gala' } });
    expect(gala.pieces.map((p) => p.slot)).toContain('dress');
    expect(ana.costumes[2].scenes).toEqual([]);
    // No wardrobe: the character's own costume.
    expect(bible.characters[1].costumes).toEqual([expect.objectContaining({ key: 'ben/own', own: true })]);
    expect(bible.characters[1].costumes[0].pieces.find((p) => p.slot === 'top')?.hex).toBe('#6d2f3a');
  });

  it('writes one HTML page with swatches, scenes and the turnaround images it is given', () => {
    const html = bibleHtml(bible, { 'ana/trench': [{ src: 'costume-bible/ana--trench-front.jpg', label: 'Front' }] });
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<h2>ANA <small>ana</small></h2>');
    expect(html).toContain('style="background:#b8a27a"');
    expect(html).toContain('<img src="costume-bible/ana--trench-front.jpg" alt="ANA, Beige trench, Front">');
    expect(html).toMatch(/Sc 2<\/b> INT\. BALLROOM - NIGHT.*changes into it from trench \(story\): the gala/);
    expect(html).toContain('Not worn in any scene.');
    expect(bibleHtml({ title: '<b>&', characters: [] })).toContain('<h1>&lt;b&gt;&amp;</h1>');
  });

  it('plans a turnaround per costume: four angles, the look as worn, one frame each', () => {
    const t = turnaroundPlan(plan, bible);
    expect(FilmPlanSchema.safeParse(t.plan).success).toBe(true);
    expect(t.plan.scenes).toHaveLength(4);
    expect(t.shots).toHaveLength(4 * TURNAROUND_ANGLES.length);
    const gala = t.plan.scenes.find((s) => s.id === 'ana--gala')!;
    expect(gala.cast.ana.costume.dress?.kind).toBe('gown');
    expect(gala.shots.map((s) => s.id)).toEqual(['front', 'three-quarter', 'side', 'back']);
    // The cameras circle the character at the same distance, all aimed at them.
    const st = evaluateFrame(t.plan, gala.shots[2].startFrame);
    expect(st.views[0].camera.position[0]).toBeGreaterThan(3);
    expect(Math.abs(st.views[0].camera.position[2])).toBeLessThan(1e-9);
    expect(st.views[0].characters[0].position).toEqual([0, 0, 0]);
  });
});

describe('kino bible', () => {
  it('renders the turnarounds and writes the page', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'kino-bible-'));
    const r = kino(['bible', path.join(repoRoot, 'test/character/fixtures/jacket-ok.tsx'), '-o', out, '--profile', 'draft', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const res = JSON.parse(r.stdout) as { html: string; images: string[] };
    expect(res.html).toBe(path.join(out, 'costume-bible.html'));
    expect(res.images).toHaveLength(8);
    const html = fs.readFileSync(res.html, 'utf8');
    for (const img of res.images) expect(html).toContain(`costume-bible/${path.basename(img)}`);
    const raw = (f: string) => sharp(path.join(out, 'costume-bible', f)).raw().toBuffer();
    const [brown, blue] = await Promise.all([raw('sam--brown-jacket-front.jpg'), raw('sam--blue-jacket-front.jpg')]);
    const st = await sharp(path.join(out, 'costume-bible', 'sam--brown-jacket-front.jpg')).stats();
    expect(st.channels[0].stdev).toBeGreaterThan(10);
    // Two jackets, two different pictures.
    let d = 0;
    for (let i = 0; i < brown.length; i++) d += Math.abs(brown[i] - blue[i]);
    expect(d / brown.length).toBeGreaterThan(1.5);
  }, 120_000);

  it('writes the page alone with --no-render', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'kino-bible-'));
    const r = kino(['bible', path.join(repoRoot, 'test/character/fixtures/jacket-break.tsx'), '-o', out, '--no-render']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1 characters, 2 costumes, 0 turnaround images/);
    expect(fs.readFileSync(path.join(out, 'costume-bible.html'), 'utf8')).toContain('Blue denim jacket');
  });
});
