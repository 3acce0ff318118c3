// Locations drive the light: the sun (NOAA) as the key outdoors, the sky as fill and backdrop,
// daylight through the windows indoors, moonlight and practicals at night; headings find their
// location and set style; explicit lights stay.

import { describe, expect, it } from 'vitest';
import { Backdrop, Film, Light, Location, Room, Scene, Shot } from 'kino';
import { lightAtLocation, LocationRegistry, sunDirection, type SceneArt } from '../../src/art';
import type { FilmPlan, LightPlan } from '../../src/plan/schema';
import { mustPlanWith, planWith } from '../character/helpers';

const art = (plan: FilmPlan, i: number) => plan.scenes[i].ext?.art as SceneArt;
const light = (plan: FilmPlan, i: number, id: string) => plan.scenes[i].lights.find((l) => l.id === id);
const dirOf = (l: LightPlan) => {
  const d = [l.position[0] - l.target[0], l.position[1] - l.target[1], l.position[2] - l.target[2]];
  const n = Math.hypot(...d);
  return d.map((x) => x / n);
};
const warmth = (c: [number, number, number]) => c[0] / Math.max(1e-6, c[2]);

const Ext = ({ id, heading, children }: { id: string; heading: string; children?: React.ReactNode }) => (
  <Scene id={id} heading={heading}>
    {children}
    <Shot duration="1s" camera={{ position: [0, 1.6, 6], target: [0, 1, 0] }} />
  </Scene>
);

describe('exteriors', () => {
  const { plan } = mustPlanWith(
    <Film title="Field">
      <Location name="london" date="2024-06-21" />
      <Ext id="dawn" heading="EXT. FIELD - DAWN" />
      <Ext id="morning" heading="EXT. FIELD - MORNING" />
      <Ext id="noon" heading="EXT. FIELD - NOON" />
      <Ext id="night" heading="EXT. FIELD - NIGHT" />
    </Film>,
  );

  it('computes the sun for the location, date and time of day', () => {
    const london = new LocationRegistry().get('london');
    const noon = lightAtLocation(london, 'noon', '2024-06-21');
    expect(art(plan, 2).location).toMatchObject({ id: 'london', from: 'film', date: '2024-06-21', timeOfDay: 'noon', phase: 'day' });
    expect(art(plan, 2).location!.sun.azimuth).toBeCloseTo(noon.sun.azimuth, 1);
    expect(art(plan, 2).location!.sun.elevation).toBeCloseTo(noon.sun.elevation, 1);
    // Dawn is before sunrise: civil twilight, low in the north-east in June.
    expect(art(plan, 0).location!.phase).toBe('civil-twilight');
    expect(art(plan, 0).location!.sun.azimuth).toBeGreaterThan(30);
    expect(art(plan, 0).location!.sun.azimuth).toBeLessThan(60);
  });

  it('aims the sun light from the sun\'s direction, warm when low and white when high', () => {
    const morning = light(plan, 1, 'location.sun')!;
    const noon = light(plan, 2, 'location.sun')!;
    const m = lightAtLocation(new LocationRegistry().get('london'), 'morning', '2024-06-21');
    dirOf(morning).forEach((v, k) => expect(v).toBeCloseTo(m.sun.direction[k], 2));
    expect(noon.kind).toBe('sun');
    expect(noon.castShadow).toBe(true);
    expect(dirOf(noon)[1]).toBeGreaterThan(0.85); // 62° up
    expect(dirOf(noon)[2]).toBeGreaterThan(0.4); // from the south (+Z)
    expect(warmth(morning.color)).toBeGreaterThan(warmth(noon.color));
    expect(noon.intensity).toBeGreaterThan(morning.intensity);
  });

  it('lights dawn with the glow where the sun will rise, and night with the moon', () => {
    expect(light(plan, 0, 'location.sun')).toBeUndefined();
    const glow = light(plan, 0, 'location.skyglow')!;
    expect(dirOf(glow)[0]).toBeGreaterThan(0.5); // from the east
    expect(warmth(glow.color)).toBeGreaterThan(2);
    const moon = light(plan, 3, 'location.moon')!;
    expect(moon.color[2]).toBeGreaterThan(moon.color[0]);
    const sky = (i: number) => light(plan, i, 'location.sky')!.intensity;
    expect(sky(3)).toBeLessThan(sky(0));
    expect(sky(0)).toBeLessThan(sky(2));
  });

  it('paints the sky backdrop from the sun, unless the scene has its own backdrop', () => {
    expect(plan.scenes[2].backdrop.kind).toBe('sky');
    expect(plan.scenes[2].backdrop.sunElevation).toBeGreaterThan(60);
    // Night sky is dark.
    expect(Math.max(...plan.scenes[3].backdrop.colors[0])).toBeLessThan(0.05);
    const own = mustPlanWith(
      <Film title="Own">
        <Location name="london" />
        <Ext id="s" heading="EXT. FIELD - DAY">
          <Backdrop kind="solid" color="#ff0000" />
          <Light id="mine" kind="spot" position={[1, 3, 2]} />
        </Ext>
      </Film>,
    ).plan;
    expect(own.scenes[0].backdrop.kind).toBe('solid');
    expect(own.scenes[0].lights.map((l) => l.id)).toEqual(['mine', 'location.sun', 'location.sky']);
  });

  it('turns with the set: northHeading rotates where the sun comes from', () => {
    const p = (northHeading: number) =>
      mustPlanWith(
        <Film title="Turn">
          <Location name="london" date="2024-06-21" northHeading={northHeading} />
          <Ext id="s" heading="EXT. FIELD - MORNING" />
        </Film>,
      ).plan;
    const az = art(p(0), 0).location!.sun.azimuth;
    // The set's −Z faces due east: the sun, in the east, is straight down −Z turned by the difference.
    const turned = dirOf(light(p(90), 0, 'location.sun')!);
    const expected = sunDirection(az, art(p(0), 0).location!.sun.elevation, -90);
    turned.forEach((v, k) => expect(v).toBeCloseTo(expected[k], 2));
  });

  it('dims the sun under cloud and moves the date with the story days', () => {
    const { plan: p } = mustPlanWith(
      <Film title="Days">
        <Location name="london" date="2024-06-21" weather="overcast" />
        <Scene id="a" heading="EXT. FIELD - NOON" storyDay={1}>
          <Shot duration="1s" />
        </Scene>
        <Scene id="b" heading="EXT. FIELD - NOON" storyDay={11}>
          <Location time="06:15" weather="clear" />
          <Shot duration="1s" />
        </Scene>
      </Film>,
    );
    expect(art(p, 0).location!.weather).toBe('overcast');
    expect(art(p, 1).location).toMatchObject({ date: '2024-07-01', localTime: '06:15:00', weather: 'clear' });
    expect(light(p, 0, 'location.sun')!.intensity).toBeLessThan(0.4);
  });
});

describe('headings and the location manager', () => {
  it('maps a heading to a registered location and its set style (INT. DINER - NIGHT → the diner at night)', () => {
    const { plan } = mustPlanWith(
      <Film title="Diner">
        <Location name="Joe's Diner" aliases={['DINER']} latitude={40.73} longitude={-73.99} timeZone="America/New_York" date="2024-10-15" setStyle="diner" />
        <Location name="Dockside" latitude={51.5} longitude={-0.02} timeZone="Europe/London" />
        <Scene id="s" heading="INT. DINER - NIGHT">
          <Shot duration="1s" />
        </Scene>
        <Scene id="t" heading="EXT. DOCKSIDE - DAY">
          <Shot duration="1s" />
        </Scene>
        <Scene id="u" heading="EXT. TOKYO - DAY">
          <Shot duration="1s" />
        </Scene>
      </Film>,
    );
    expect(art(plan, 0).location).toMatchObject({ name: "Joe's Diner", from: 'heading', date: '2024-10-15', phase: 'night' });
    expect(art(plan, 0).rooms[0]).toMatchObject({ style: 'diner', auto: true });
    // Night indoors: moonlight through the windows and the diner's own lamps.
    const ids = plan.scenes[0].lights.map((l) => l.id);
    expect(ids.some((id) => id.startsWith('location.moon.'))).toBe(true);
    expect(ids.some((id) => id.endsWith('.practical'))).toBe(true);
    expect(art(plan, 1).location).toMatchObject({ name: 'Dockside', from: 'heading' });
    expect(art(plan, 2).location).toMatchObject({ id: 'tokyo', from: 'heading' });
  });

  it('reports an unknown location with a suggestion', () => {
    const { plan, issues } = planWith(
      <Film title="Where">
        <Location name="Londn" />
        <Scene id="s">
          <Shot duration="1s" />
        </Scene>
      </Film>,
    );
    expect(plan).toBeNull();
    expect(issues.find((i) => i.code === 'location/unknown')).toMatchObject({ hint: 'Did you mean "London"?' });
  });

  it('leaves a film without locations unlit by the sun', () => {
    const { plan } = mustPlanWith(
      <Film title="Studio">
        <Scene id="s" heading="EXT. NOWHERE - DAY">
          <Shot duration="1s" />
        </Scene>
      </Film>,
    );
    expect(plan.scenes[0].ext?.art).toBeUndefined();
    expect(plan.scenes[0].lights.map((l) => l.id)).toEqual(['default.key', 'default.ambient']);
  });
});

describe('interiors', () => {
  const room = (heading: string) =>
    mustPlanWith(
      <Film title="Flat">
        <Location name="london" date="2024-06-21" />
        <Scene id="s" heading={heading}>
          <Room id="r" size={[6, 5]} bare windows={[{ wall: 'east', at: 2.5, id: 'east-win' }, { wall: 'west', at: 2.5, id: 'west-win' }]} />
          <Shot duration="1s" camera={{ position: [0, 1.6, 4], target: [0, 1.2, 0] }} />
        </Scene>
      </Film>,
    ).plan;

  it('lets the morning sun in through the east window only, along the sunbeam', () => {
    const plan = room('INT. FLAT - MORNING');
    expect(art(plan, 0).location!.sunlitWindows).toEqual(['east-win']);
    const beam = light(plan, 0, 'location.sun.east-win')!;
    expect(beam.kind).toBe('spot');
    const sun = art(plan, 0).location!.sun.direction;
    dirOf(beam).forEach((v, k) => expect(v).toBeCloseTo(sun[k], 2));
    // It shines through the opening: the beam's line passes the window's centre (x = 3 + wall).
    const t = (3.075 - beam.target[0]) / (beam.position[0] - beam.target[0]);
    expect(beam.target[2] + t * (beam.position[2] - beam.target[2])).toBeCloseTo(0, 1);
    expect(light(plan, 0, 'location.sun.west-win')).toBeUndefined();
    // Both windows let the sky in.
    expect(light(plan, 0, 'location.skyfill.east-win')).toBeDefined();
    expect(light(plan, 0, 'location.skyfill.west-win')).toBeDefined();
  });

  it('moves the sunbeam to the west window in the afternoon, and has no sun at night', () => {
    expect(art(room('INT. FLAT - AFTERNOON'), 0).location!.sunlitWindows).toEqual(['west-win']);
    const night = room('INT. FLAT - NIGHT');
    expect(art(night, 0).location!.sunlitWindows).toEqual([]);
    const ids = night.scenes[0].lights.map((l) => l.id);
    expect(ids).toContain('location.practical');
    expect(ids.filter((id) => id.startsWith('location.moon.'))).toHaveLength(2);
  });
});
