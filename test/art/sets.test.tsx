// The set builder: a <Room> spec → walls with openings where the spec puts them, floor, ceiling,
// and dressing that never intersects walls, other props, door swings, window fronts or the
// blocking — over every style and many seeds.

import { describe, expect, it } from 'vitest';
import { Character, Film, Place, Prop, Room, Scene, Set as SetOf, Shot, Sit, Walk } from 'kino';
import { buildRoom, corners, DOOR_STYLES, findSetStyle, FLOOR_COVERING_HEIGHT, insideRect, intersects, overlapsPlan, propFootprint, SET_STYLES, styleForPlace, wallFootprints, type BuiltRoom, type Footprint, type RoomSpec } from '../../src/art';
import { PROP_KINDS } from '../../src/plan/props';
import type { PropPlan } from '../../src/plan/schema';
import { mustPlanWith, planWith } from '../character/helpers';

const R = (spec: Partial<RoomSpec> & { size: [number, number] }, seed = 1) => buildRoom({ id: 'room1', ...spec }, { seed });

/** Every way a dressed room could be wrong, as sentences (empty when it is right). */
function violations(room: BuiltRoom): string[] {
  const out: string[] = [];
  const fp = room.props.map((p) => ({ p, f: propFootprint(p) }));
  const walls = room.set.walls.flatMap(wallFootprints);
  for (const { p, f } of fp) {
    if (!insideRect(f, room.min, room.max, -1e-6)) out.push(`${p.id} sticks out of the room`);
    for (const w of walls) if (intersects(f, w)) out.push(`${p.id} intersects a wall`);
  }
  for (let i = 0; i < fp.length; i++)
    for (let j = i + 1; j < fp.length; j++) {
      const a = fp[i];
      const b = fp[j];
      if (a.f.y1 - a.f.y0 <= FLOOR_COVERING_HEIGHT || b.f.y1 - b.f.y0 <= FLOOR_COVERING_HEIGHT) continue;
      if (intersects(a.f, b.f)) out.push(`${a.p.id} intersects ${b.p.id}`);
    }
  // Door swings and the way through each door stay clear (rugs may lie there).
  for (const o of room.openings.filter((x) => x.kind === 'door')) {
    const yaw = (Math.atan2(o.inward[0], o.inward[1]) * 180) / Math.PI;
    const swing: Footprint = { cx: o.center[0] + o.inward[0] * (o.width / 2 + 0.1), cz: o.center[1] + o.inward[1] * (o.width / 2 + 0.1), hx: o.width / 2, hz: o.width / 2, yaw, y0: 0, y1: o.height };
    for (const { p, f } of fp) if (f.y1 - f.y0 > FLOOR_COVERING_HEIGHT && intersects(f, swing)) out.push(`${p.id} blocks door ${o.id}`);
  }
  return out;
}

describe('footprints', () => {
  const box = (cx: number, cz: number, yaw = 0, hx = 0.5, hz = 0.5, y0 = 0, y1 = 1): Footprint => ({ cx, cz, hx, hz, yaw, y0, y1 });
  it('overlap by the separating-axis test, rotated or not', () => {
    expect(overlapsPlan(box(0, 0), box(0.99, 0))).toBe(true);
    expect(overlapsPlan(box(0, 0), box(1.01, 0))).toBe(false);
    // A square turned 45° reaches √2/2 ≈ 0.707 along x.
    expect(overlapsPlan(box(0, 0, 45), box(1.2, 0))).toBe(true);
    expect(overlapsPlan(box(0, 0, 45), box(1.22, 0))).toBe(false);
    // Diagonal neighbours that AABBs would wrongly call overlapping.
    expect(overlapsPlan(box(0, 0, 45), box(1.1, 1.1, 45))).toBe(false);
    expect(overlapsPlan(box(0, 0), box(1.02, 0), 0.03)).toBe(true);
  });
  it('solids stacked above each other do not intersect', () => {
    expect(intersects(box(0, 0, 0, 0.5, 0.5, 0, 0.75), box(0, 0, 0, 0.2, 0.2, 0.75, 1.3))).toBe(false);
    expect(intersects(box(0, 0, 0, 0.5, 0.5, 0, 0.75), box(0, 0, 0, 0.2, 0.2, 0.7, 1.3))).toBe(true);
  });
  it('corners follow three.js yaw (a prop turned 90° faces +X)', () => {
    const c = corners(box(0, 0, 90, 1, 0.25));
    const xs = c.map((p) => p[0]);
    const zs = c.map((p) => p[1]);
    expect(Math.max(...xs)).toBeCloseTo(0.25);
    expect(Math.max(...zs)).toBeCloseTo(1);
  });
  it('a wall with a door is solid beside and above the opening only', () => {
    const room = R({ size: [6, 4], height: 2.7, doors: [{ wall: 'north', at: 3, width: 1 }] });
    const north = room.set.walls.find((w) => w.id === 'room1.north')!;
    const parts = wallFootprints(north);
    const at = (x: number, y: number): boolean => parts.some((f) => intersects(f, { cx: x, cz: -2.075, hx: 0.01, hz: 0.01, yaw: 0, y0: y, y1: y + 0.01 }));
    expect(at(0, 1)).toBe(false); // the doorway
    expect(at(0, 2.5)).toBe(true); // above the door
    expect(at(-2, 1)).toBe(true); // beside it
  });
});

describe('<Room> shell', () => {
  it('builds walls outside the interior, leaving the fourth wall open, with floor and ceiling', () => {
    const room = R({ size: [6, 4], height: 2.8, position: [1, -1] });
    expect(room.set.walls.map((w) => w.id)).toEqual(['room1.north', 'room1.east', 'room1.west']);
    const north = room.set.walls[0];
    // Inner face of the north wall on the interior's edge (z = −1 − 2).
    expect(north.from[1] + north.thickness / 2).toBeCloseTo(-3);
    expect(north.height).toBe(2.8);
    expect(room.set.ceiling?.height).toBe(2.8);
    expect(room.min).toEqual([-2, -3]);
    expect(room.max).toEqual([4, 1]);
    expect(R({ size: [6, 4], open: [] }).set.walls).toHaveLength(4);
  });

  it('places openings by wall and position from the wall\'s left end seen from inside', () => {
    const room = R({
      size: [6, 4],
      height: 2.7,
      doors: [{ wall: 'east', at: 1, id: 'front' }],
      windows: [{ wall: 'north', at: 1.5, id: 'w1' }, { wall: 'west', at: 'center', style: 'tall', id: 'w2' }],
    });
    const o = (id: string) => room.openings.find((x) => x.id === id)!;
    // North wall, seen from inside (looking −Z): its left end is −X, so 1.5 m in is x = −1.5.
    expect(o('w1').center[0]).toBeCloseTo(-1.5);
    expect(o('w1').inward).toEqual([0, 1]);
    // East wall, seen from inside (looking +X): its left end is the north end (−Z).
    expect(o('front').center[1]).toBeCloseTo(-1);
    expect(o('front').center[0]).toBeGreaterThan(3);
    expect(o('w2').center[1]).toBeCloseTo(0);
    // Styles give sizes: a single door 0.9 × 2.05, a tall window from 0.4 m.
    expect(o('front').width).toBe(DOOR_STYLES.single.width);
    expect(o('w2').sill).toBe(0.4);
    const east = room.set.walls.find((w) => w.id === 'room1.east')!;
    expect(east.openings[0]).toMatchObject({ kind: 'door', id: 'front', at: 1, width: 0.9 });
  });

  it('reports openings that do not fit, overlap, sit on an open wall or have an unknown style', () => {
    const room = R({
      size: [4, 4],
      height: 2.5,
      doors: [{ wall: 'south', at: 1 }, { wall: 'north', at: 3.8 }, { wall: 'east', at: 2, style: 'trapdoor' }],
      windows: [{ wall: 'west', at: 2 }, { wall: 'west', at: 2.5 }, { wall: 'north', at: 1, sill: 2, height: 1 }],
    });
    expect(room.problems.map((p) => p.code).sort()).toEqual(['room/opening-on-open-wall', 'room/opening-outside', 'room/opening-style', 'room/opening-too-tall', 'room/openings-overlap']);
  });

  it('reports them with the <Room> source location through the plan', () => {
    const { plan, issues } = planWith(
      <Film title="Bad room">
        <Scene id="s">
          <Room size={[4, 3]} doors={[{ wall: 'north', at: 3.9 }]} />
          <Shot duration="1s" />
        </Scene>
      </Film>,
    );
    expect(plan).toBeNull();
    const i = issues.find((x) => x.code === 'room/opening-outside')!;
    expect(i.location?.line).toBeGreaterThan(0);
    expect(i.hint).toMatch(/between 0\.\d+ and 3\.\d+ m/);
  });
});

describe('dressing', () => {
  it('knows the styles by name and alias, and the style a heading names', () => {
    expect(findSetStyle('1970s apartment')?.name).toBe('1970s-apartment');
    expect(findSetStyle('Coffee Shop')?.name).toBe('diner');
    expect(findSetStyle('forest clearing')?.name).toBe('forest-clearing');
    expect(styleForPlace(["JOE'S DINER"])?.name).toBe('diner');
    expect(styleForPlace(['HOUSE', 'KITCHEN'])?.name).toBe('kitchen');
    expect(styleForPlace(['MOTEL ROOM 12'])?.name).toBe('bedroom');
    expect(styleForPlace(['THE VOID'])).toBeUndefined();
  });

  it('covers the library the brief asks for: tables, chairs, sofas, beds, shelves, lamps, doors, crates, cars, trees, street furniture', () => {
    const kinds = new Set<string>();
    for (const s of SET_STYLES)
      for (let seed = 1; seed <= 6; seed++) for (const p of buildRoom({ id: 'r', size: s.size, style: s.name }, { seed }).props) kinds.add(p.kind!);
    for (const k of ['table', 'chair', 'sofa', 'bed', 'bookshelf', 'floor-lamp', 'door', 'crate', 'car', 'tree', 'streetlight', 'bench', 'hydrant']) expect(kinds, k).toContain(k);
    for (const k of kinds) expect(PROP_KINDS[k], k).toBeDefined();
  });

  it('never intersects walls, other props or door swings — every style, 40 seeds, three sizes', () => {
    let props = 0;
    const bad: string[] = [];
    for (const s of SET_STYLES)
      for (const scale of [0.75, 1, 1.4])
        for (let seed = 1; seed <= 40; seed++) {
          const size: [number, number] = [s.size[0] * scale, s.size[1] * scale];
          const room = buildRoom({ id: 'r', size, style: s.name }, { seed });
          props += room.props.length;
          for (const v of violations(room)) bad.push(`${s.name} ${size.join('×')} seed ${seed}: ${v}`);
        }
    expect(bad).toEqual([]);
    // And the rooms are actually dressed (≈ 9 styles × 3 sizes × 40 seeds).
    expect(props).toBeGreaterThan(SET_STYLES.length * 3 * 40 * 5);
  });

  it('dresses every style with enough to read as that place', () => {
    for (const s of SET_STYLES) {
      const room = buildRoom({ id: 'r', size: s.size, style: s.name }, { seed: 7 });
      expect(room.props.length, s.name).toBeGreaterThanOrEqual(s.exterior ? 8 : 6);
      expect(room.exterior).toBe(s.exterior);
    }
  });

  it('is deterministic, with readable stable ids', () => {
    const a = buildRoom({ id: 'flat', size: [6, 5], style: '1970s-apartment' }, { seed: 3 });
    const b = buildRoom({ id: 'flat', size: [6, 5], style: '1970s-apartment' }, { seed: 3 });
    expect(b.props).toEqual(a.props);
    expect(a.props.map((p) => p.id)).toContain('flat.sofa1');
    for (const p of a.props) expect(p.id).toMatch(/^flat\.[a-z-]+\d+$/);
    const c = buildRoom({ id: 'flat', size: [6, 5], style: '1970s-apartment' }, { seed: 4 });
    expect(c.props).not.toEqual(a.props);
  });

  it('keeps the blocking clear and avoids props placed by hand', () => {
    const spots = [{ x: 0, z: 0, radius: 0.6 }, { x: 1.5, z: -1.5, radius: 0.6 }];
    const hand: Footprint = { cx: -2, cz: -1.8, hx: 0.4, hz: 0.4, yaw: 0, y0: 0, y1: 1 };
    for (let seed = 1; seed <= 25; seed++) {
      const room = buildRoom({ id: 'r', size: [6, 5], style: 'kitchen' }, { seed, keepClear: spots, obstacles: [hand] });
      for (const p of room.props) {
        const f = propFootprint(p);
        if (f.y1 - f.y0 <= FLOOR_COVERING_HEIGHT) continue;
        for (const s of spots) expect(intersects(f, { cx: s.x, cz: s.z, hx: s.radius, hz: s.radius, yaw: 0, y0: 0, y1: 2 }), `${p.id} seed ${seed}`).toBe(false);
        expect(intersects(f, hand), `${p.id} seed ${seed}`).toBe(false);
      }
    }
  });

  it('hangs pendant lamps from the ceiling and puts table lamps on the nightstands', () => {
    const bedroom = buildRoom({ id: 'b', size: [5, 4.5], style: 'bedroom' }, { seed: 2 });
    const stands = bedroom.props.filter((p) => p.kind === 'nightstand');
    const lamps = bedroom.props.filter((p) => p.kind === 'table-lamp');
    expect(lamps.length).toBe(stands.length);
    for (const l of lamps) expect(l.position[1]).toBeCloseTo(PROP_KINDS.nightstand.size[1]);
    const kitchen = buildRoom({ id: 'k', size: [5, 4.5], style: 'kitchen', height: 2.6 }, { seed: 2 });
    const pendant = kitchen.props.find((p) => p.kind === 'pendant-lamp')!;
    expect(pendant.position[1] + pendant.size[1] + 1.2).toBeGreaterThanOrEqual(2.6 - 1e-6);
  });
});

describe('rooms in the plan', () => {
  it('expands <Room> into the scene\'s sets and props, and blocking can use the dressing by id', () => {
    const { plan } = mustPlanWith(
      <Film title="Flat" seed={5}>
        <Character id="ana" />
        <Scene id="s" heading="INT. APARTMENT - NIGHT">
          <Room id="flat" size={[6, 5]} style="1970s-apartment" doors={[{ wall: 'east', at: 1, open: 60 }]} windows={[{ wall: 'north', at: 'center' }]} />
          <Place who="ana" position={[0.5, 0, 1.2]} />
          <Sit who="ana" on="flat.sofa1" />
          <Shot duration="2s" />
        </Scene>
      </Film>,
    );
    const s = plan.scenes[0];
    expect(s.sets.map((x) => x.id)).toEqual(['flat']);
    expect(s.sets[0].walls.flatMap((w) => w.openings.map((o) => o.id)).sort()).toEqual(['flat.door1', 'flat.window1']);
    const sofa = s.props.find((p) => p.id === 'flat.sofa1')!;
    expect(sofa.seatHeight).toBeCloseTo(0.44);
    expect(s.performances.ana.posture[0].to).toBe('sit');
    expect((s.ext?.art as { rooms: unknown[] }).rooms).toEqual([expect.objectContaining({ id: 'flat', style: '1970s-apartment', auto: false })]);
  });

  it('keeps a Walk\'s path clear of the dressing', () => {
    const { plan } = mustPlanWith(
      <Film title="Walk">
        <Character id="ana" />
        <Scene id="s">
          <Room id="r" size={[7, 6]} style="office" />
          <Place who="ana" position={[-2.5, 0, -2]} />
          <Walk who="ana" to={[2.5, 0, 2]} />
          <Shot duration="3s" />
        </Scene>
      </Film>,
    );
    const props = plan.scenes[0].props.filter((p: PropPlan) => p.size[1] > FLOOR_COVERING_HEIGHT);
    for (let t = 0; t <= 1; t += 0.05) {
      const x = -2.5 + 5 * t;
      const z = -2 + 4 * t;
      for (const p of props) expect(intersects(propFootprint(p), { cx: x, cz: z, hx: 0.2, hz: 0.2, yaw: 0, y0: 0, y1: 2 }), `${p.id} at t=${t.toFixed(2)}`).toBe(false);
    }
  });

  it('builds the set a heading names when a scene has nothing built (INT. JOE\'S DINER → a diner)', () => {
    const { plan } = mustPlanWith(
      <Film title="Diner">
        <Character id="ana" />
        <Scene id="s" heading="INT. JOE'S DINER - NIGHT">
          <Place who="ana" position={[0, 0, 0]} />
          <Shot duration="1s" />
        </Scene>
        <Scene id="t" heading="INT. JOE'S DINER - NIGHT">
          <Prop id="stool" kind="stool" position={[0, 0, 0]} />
          <Shot duration="1s" />
        </Scene>
      </Film>,
    );
    const art = plan.scenes[0].ext?.art as { rooms: Array<{ id: string; style: string; auto: boolean }> };
    expect(art.rooms[0]).toMatchObject({ id: 'joes-diner', style: 'diner', auto: true });
    expect(plan.scenes[0].props.some((p) => p.kind === 'booth')).toBe(true);
    expect(plan.scenes[0].timeOfDay).toBe('night');
    // A scene that dresses itself is left alone.
    expect(plan.scenes[1].sets).toEqual([]);
    expect(plan.scenes[1].props.map((p) => p.id)).toEqual(['stool']);
  });

  it('builds rooms inside a film-level <Set> in every scene, without a second floor under them', () => {
    const { plan } = mustPlanWith(
      <Film title="Studio lot">
        <SetOf id="lot">
          <Room id="den" size={[5, 4]} style="1970s-apartment" />
        </SetOf>
        <Scene id="a">
          <Shot duration="1s" />
        </Scene>
        <Scene id="b">
          <Shot duration="1s" />
        </Scene>
      </Film>,
    );
    for (const s of plan.scenes) {
      expect(s.sets.map((x) => [x.id, !!x.floor])).toEqual([['lot', false], ['den', true]]);
      expect(s.props.some((p) => p.id === 'den.sofa1')).toBe(true);
    }
    expect(plan.scenes[1].props).toEqual(plan.scenes[0].props);
  });

  it('gives a <Room> without a style the style its heading names', () => {
    const { plan } = mustPlanWith(
      <Film title="Kitchen">
        <Scene id="s" heading="INT. HOUSE - KITCHEN - DAY">
          <Room id="k" size={[5, 4.5]} />
          <Shot duration="1s" />
        </Scene>
      </Film>,
    );
    expect(plan.scenes[0].props.some((p) => p.kind === 'stove')).toBe(true);
  });
});
