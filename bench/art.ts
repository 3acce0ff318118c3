// bench:art — the art and character departments' cost.
//
// 1. Dressing rooms: every set style at its default size, many seeds (collision checks against
//    walls, door swings, window fronts and every placed prop). Reference in the same run: the bare
//    shell of the same rooms, so the ratio is what dressing adds. Goal: a dressed room < 5 ms.
// 2. Planning a 120-scene film with a <Room> and a <Location> in every scene, a wardrobe with
//    costume ranges and changes, injuries and aging. Reference: the same sets written by hand
//    (<Set>, <Wall>, <Door>, <Window>, <Prop> — every wall and prop the dressing produced) and
//    planned without the departments, so the ratio is what building, dressing and lighting the
//    sets (and resolving the wardrobe) costs over planning them. Goal: < 5 ms per scene, so a
//    1,000-scene film builds, dresses and lights its sets in a few seconds.
// 3. validateContinuity over that plan.

import os from 'node:os';
import { createElement as h, type ReactElement } from 'react';
import { Age, Character, Costume, CostumeChange, Door, Film, Injury, Location, Place, Prop, Room, Say, Scene, Set, Shot, Wall, Wardrobe, Window } from '../components';
import { renderToDoc } from '../reconciler';
import { buildRoom, SET_STYLES } from '../src/art';
import { validateContinuity } from '../src/character';
import { validateDoc } from '../src/doc/validate';
import { buildPlan } from '../src/plan/build';
import { DEPARTMENTS } from '../src/pipeline/departments';

function median(fn: () => void, runs: number, warm = 3): number {
  for (let i = 0; i < warm; i++) fn();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    xs.push(performance.now() - t);
  }
  xs.sort((a, b) => a - b);
  return xs[xs.length >> 1];
}

// 1. Rooms.
const SEEDS = 20;
const rooms = () => {
  let props = 0;
  for (const s of SET_STYLES) for (let seed = 1; seed <= SEEDS; seed++) props += buildRoom({ id: 'r', size: s.size, style: s.name }, { seed }).props.length;
  return props;
};
const shells = () => {
  for (const s of SET_STYLES) for (let seed = 1; seed <= SEEDS; seed++) buildRoom({ id: 'r', size: s.size, style: s.name, bare: true }, { seed });
};
const nRooms = SET_STYLES.length * SEEDS;
const propsPer = rooms() / nRooms;
const dressed = median(rooms, 7);
const bare = median(shells, 7);

// 2. A long film.
const STYLES = ['1970s-apartment', 'diner', 'office', 'kitchen', 'bedroom', 'warehouse'];
function film(scenes: number): ReactElement {
  const kids: ReactElement[] = [
    h(Location, { key: 'loc', name: 'london', date: '2024-06-21' }),
    h(Character, { key: 'ana', id: 'ana', name: 'ANA', age: 30 }),
    h(Character, { key: 'ben', id: 'ben', name: 'BEN' }),
    h(
      Wardrobe,
      { key: 'w', character: 'ana' },
      h(Costume, { id: 'day', scenes: `s0..s${Math.floor(scenes / 2) - 1}`, jacket: { kind: 'denim', color: '#3b5b87' } }),
      h(Costume, { id: 'night', jacket: { kind: 'leather', color: '#2a2420' } }),
    ),
  ];
  for (let i = 0; i < scenes; i++) {
    const tod = ['DAY', 'NIGHT', 'MORNING', 'DUSK'][i % 4];
    kids.push(
      h(
        Scene,
        { key: `s${i}`, id: `s${i}`, heading: `INT. PLACE ${i} - ${tod}`, storyDay: 1 + Math.floor(i / 3) },
        h(Room, { id: `room${i}`, size: [6, 5], style: STYLES[i % STYLES.length], windows: [{ wall: 'north', at: 'center' }], doors: [{ wall: 'east', at: 1 }] }),
        i === Math.floor(scenes / 2) ? h(CostumeChange, { who: 'ana', costume: 'night', reason: 'time' }) : null,
        i % 10 === 3 ? h(Injury, { who: 'ana', kind: 'cut', region: 'cheek-left', id: `cut${i}` }) : null,
        i % 24 === 0 && i ? h(Age, { who: 'ben', age: 35 + i / 24 }) : null,
        h(Place, { who: 'ana', position: [-0.6, 0, 0.5] }),
        h(Place, { who: 'ben', position: [0.6, 0, 0.5] }),
        h(Say, { who: 'ana' }, `Line ${i}.`),
        h(Say, { who: 'ben' }, 'And another.'),
        h(Shot, { size: 'MS', subject: 'ana', duration: '1s' }),
      ),
    );
  }
  return h(Film, { title: 'Bench' }, ...kids);
}
const SCENES = 120;
const root = validateDoc(renderToDoc(film(SCENES)).doc).root!;
const plan = buildPlan(root, { checkFiles: false, resolvers: DEPARTMENTS }).plan!;
// The same sets by hand: what the dressing produced, written out as elements.
function byHand(): ReactElement {
  const kids: ReactElement[] = [h(Character, { key: 'ana', id: 'ana', name: 'ANA', age: 30 }), h(Character, { key: 'ben', id: 'ben', name: 'BEN' })];
  plan.scenes.forEach((sc, i) => {
    const set = sc.sets[0];
    kids.push(
      h(
        Scene,
        { key: sc.id, id: sc.id, heading: sc.heading, storyDay: sc.storyDay },
        h(
          Set,
          { id: `set${i}`, floor: { material: set.floor!.material as 'wood' }, ceiling: set.ceiling ? { height: set.ceiling.height } : false },
          ...set.walls.map((w) => h(Wall, { key: w.id, id: w.id, from: w.from, to: w.to, height: w.height, thickness: w.thickness }, ...w.openings.map((o) => (o.kind === 'door' ? h(Door, { key: o.id, id: o.id, at: o.at, width: o.width, height: o.height, open: o.open }) : h(Window, { key: o.id, id: o.id, at: o.at, width: o.width, height: o.height, sill: o.sill }))))),
          ...sc.props.map((p) => h(Prop, { key: p.id, id: p.id, kind: p.kind, position: p.position, rotation: p.rotation[1], scale: p.scale })),
        ),
        h(Place, { who: 'ana', position: [-0.6, 0, 0.5] }),
        h(Place, { who: 'ben', position: [0.6, 0, 0.5] }),
        h(Say, { who: 'ana' }, `Line ${i}.`),
        h(Say, { who: 'ben' }, 'And another.'),
        h(Shot, { size: 'MS', subject: 'ana', duration: '1s' }),
      ),
    );
  });
  return h(Film, { title: 'Bench by hand' }, ...kids);
}
const handRoot = validateDoc(renderToDoc(byHand()).doc).root!;
const withDepts = median(() => buildPlan(root, { checkFiles: false, resolvers: DEPARTMENTS.filter((r) => r.name === 'art' || r.name === 'character') }), 5, 1);
const without = median(() => buildPlan(handRoot, { checkFiles: false, resolvers: [] }), 5, 1);
const continuity = median(() => validateContinuity(plan), 20);
const propsInFilm = plan.scenes.reduce((n, s) => n + s.props.length, 0);

console.log(`machine: ${os.cpus()[0]?.model ?? '?'} × ${os.cpus().length}, node ${process.version}`);
console.log(`rooms: ${nRooms} dressed rooms (${propsPer.toFixed(1)} props each) in ${dressed.toFixed(1)} ms = ${(dressed / nRooms).toFixed(3)} ms/room; bare shells ${(bare / nRooms).toFixed(3)} ms/room; dressing ×${(dressed / bare).toFixed(1)} the shell`);
console.log(`plan: ${SCENES} scenes (${propsInFilm} dressed props) with art+character ${withDepts.toFixed(1)} ms (${(withDepts / SCENES).toFixed(2)} ms/scene); the same sets by hand, no departments: ${without.toFixed(1)} ms; ratio ×${(withDepts / without).toFixed(2)}`);
console.log(`continuity: ${continuity.toFixed(2)} ms for ${SCENES} scenes (${validateContinuity(plan).problems.length} problems)`);
if (process.env.SHOW) console.log(validateContinuity(plan).problems.map((p) => p.message).join("\n"));
