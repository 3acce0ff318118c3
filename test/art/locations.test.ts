import { describe, expect, it } from 'vitest';
import { BUILTIN_LOCATIONS, LocationRegistry, defineLocation, lightAtLocation, parseSceneHeadingLocation, resolveTimesOfDay, sunTimes, timeOfDayToLocalTime, SOLAR_TIMES_OF_DAY, type Location } from '../../src/art';
import { isKinoError } from '../../src/doc/errors';

const registry = new LocationRegistry();
const london = registry.get('London');

describe('scene headings', () => {
  const cases: [string, Record<string, unknown>][] = [
    ['INT. DINER - NIGHT', { interior: true, exterior: false, location: 'DINER', timeOfDay: 'night' }],
    ['EXT. APARTMENT, DAY', { interior: false, exterior: true, location: 'APARTMENT', timeOfDay: 'day' }],
    ["INT. HALLWAY, SCOTT'S BUILDING, A MOMENT LATER", { location: 'HALLWAY', subLocations: ["SCOTT'S BUILDING"], timeOfDay: 'continuous' }],
    ['INT. X-RAY ROOM -- DAY', { location: 'X-RAY ROOM', timeOfDay: 'day' }],
    ['INT. HOUSE – KITCHEN – NIGHT (1973) #12A#', { location: 'HOUSE', subLocations: ['KITCHEN'], timeOfDay: 'night', timeNote: '1973', sceneNumber: '12A' }],
    ['EXT. BEACH--DAWN [[check the tide]]', { location: 'BEACH', timeOfDay: 'dawn' }],
    ['EXT. BEACH — DUSK', { location: 'BEACH', timeOfDay: 'dusk' }],
    ['I/E CAR - MOVING - DAY', { interior: true, exterior: true, prefix: 'INT/EXT', location: 'CAR', subLocations: ['MOVING'] }],
    ['INT./EXT. CAR — LATER THAT NIGHT', { prefix: 'INT/EXT', timeOfDay: 'night', timeText: 'LATER THAT NIGHT' }],
    ['EXT. FARM - A FEW DAYS LATER', { location: 'FARM', timeOfDay: 'unspecified', timeText: 'A FEW DAYS LATER' }],
    ['EXT. LONDON - PRESENT DAY', { location: 'LONDON', timeOfDay: 'unspecified' }],
    ['INT. OFFICE', { location: 'OFFICE', timeOfDay: 'unspecified', subLocations: [] }],
    ['EST. CITY SKYLINE - MAGIC HOUR', { exterior: true, prefix: 'EST', timeOfDay: 'magic hour' }],
    ['int. kitchen - continuous', { interior: true, location: 'kitchen', timeOfDay: 'continuous' }],
    ['INT  BARN - MORNING', { interior: true, location: 'BARN', timeOfDay: 'morning' }],
    ['.THE FINGER', { prefix: null, interior: false, exterior: false, location: 'THE FINGER' }],
  ];
  for (const [heading, expected] of cases) {
    it(heading, () => {
      expect(parseSceneHeadingLocation(heading)).toMatchObject(expected);
    });
  }

  it('is null for lines that are not headings', () => {
    expect(parseSceneHeadingLocation('He walks in.')).toBeNull();
    expect(parseSceneHeadingLocation('...and then')).toBeNull();
    expect(parseSceneHeadingLocation('INTERIOR DESIGNER')).toBeNull();
  });
});

describe('location registry', () => {
  it('ships real cities with IANA zones', () => {
    expect(BUILTIN_LOCATIONS.length).toBeGreaterThanOrEqual(8);
    for (const l of BUILTIN_LOCATIONS) expect(l.timeZone).toMatch(/^[A-Z][a-z]+\/[A-Za-z_]+$/);
    expect(registry.find('nyc')?.id).toBe('new-york');
    expect(registry.find('Reykjavík')?.id).toBe('reykjavik');
  });

  it('maps scene headings to registered sets by name or alias', () => {
    const r = new LocationRegistry();
    r.register({ name: "Joe's Diner", aliases: ['DINER'], latitude: 34.05, longitude: -118.24, timeZone: 'America/Los_Angeles', defaultDate: '2024-11-02', setting: 'interior', setStyle: 'diner' });
    expect(r.resolveHeading('INT. DINER - NIGHT')?.id).toBe('joes-diner');
    expect(r.resolveHeading("INT. JOE'S DINER - BOOTH - NIGHT")?.setStyle).toBe('diner');
    expect(r.resolveHeading('EXT. STREET - DAY')).toBeUndefined();
    // re-registering replaces the old aliases
    r.register({ id: 'joes-diner', name: "Joe's Diner", aliases: ['CAFE'], latitude: 34.05, longitude: -118.24, timeZone: 'America/Los_Angeles', defaultDate: '2024-11-02' });
    expect(r.find('DINER')).toBeUndefined();
    expect(r.find('cafe')?.id).toBe('joes-diner');
  });

  it('reports every bad field and unknown names with the known ones', () => {
    try {
      defineLocation({ name: 'Nowhere', latitude: 95, longitude: 0, defaultDate: '2024/01/01' });
      expect.unreachable();
    } catch (e) {
      expect(isKinoError(e)).toBe(true);
      expect((e as { issues: unknown[] }).issues.length).toBe(3); // latitude, date, no zone
    }
    expect(() => registry.get('Atlantis')).toThrow(/No location called "Atlantis"/);
  });
});

describe('time of day → local clock', () => {
  it('uses sunrise and sunset as documented', () => {
    const t = sunTimes({ latitude: london.latitude, longitude: london.longitude, date: '2024-06-21', timeZone: 'Europe/London' });
    const at = (tod: (typeof SOLAR_TIMES_OF_DAY)[number]) => timeOfDayToLocalTime(tod, london, '2024-06-21');
    expect(at('dawn')).toBeCloseTo(t.sunrise! - 15 / 60, 9);
    expect(at('sunrise')).toBeCloseTo(t.sunrise!, 9);
    expect(at('morning')).toBeCloseTo((t.sunrise! + t.solarNoon) / 2, 9);
    expect(at('noon')).toBeCloseTo(t.solarNoon, 9);
    expect(at('day')).toBeCloseTo(t.solarNoon - 1, 9);
    expect(at('afternoon')).toBeCloseTo((t.solarNoon + t.sunset!) / 2, 9);
    expect(at('magic hour')).toBeCloseTo(t.sunset! - 40 / 60, 9);
    expect(at('dusk')).toBeCloseTo(t.sunset! + 10 / 60, 9);
    expect(at('evening')).toBeCloseTo(t.sunset! + 45 / 60, 9);
    expect(at('night')).toBeCloseTo(t.solarNoon + 12 - 24, 9);
    // London in BST: solar noon a little after 13:00 on the clock
    expect(at('noon')).toBeGreaterThan(13);
    expect(at('noon')).toBeLessThan(13.1);
    const order = SOLAR_TIMES_OF_DAY.filter((x) => x !== 'night').map(at);
    for (let i = 1; i < order.length; i++) expect(order[i]).toBeGreaterThan(order[i - 1]);
  });

  it('falls back to clock times in polar day', () => {
    const svalbard: Location = defineLocation({ name: 'Longyearbyen', latitude: 78.22, longitude: 15.65, timeZone: 'Arctic/Longyearbyen', defaultDate: '2024-06-21' });
    expect(timeOfDayToLocalTime('dawn', svalbard)).toBe(5.75);
    expect(timeOfDayToLocalTime('magic hour', svalbard)).toBe(18.5);
  });

  it('a dawn and a noon exterior of one location differ in light direction and colour', () => {
    const dawn = lightAtLocation(london, 'dawn');
    const noon = lightAtLocation(london, 'noon');
    expect(dawn.sun.azimuth).toBeLessThan(60); // low in the north-east in June
    expect(dawn.sun.elevation).toBeLessThan(0);
    expect(noon.sun.azimuth).toBeCloseTo(180, 0);
    expect(noon.sun.elevation).toBeGreaterThan(60);
    const angle = Math.acos(dawn.sun.direction.reduce((s, v, i) => s + v * noon.sun.direction[i], 0)) * (180 / Math.PI);
    expect(angle).toBeGreaterThan(60);
    expect(dawn.sky.sunColorTemperatureK).toBeLessThan(noon.sky.sunColorTemperatureK - 2000);
    expect(dawn.sky.ambientIntensity).toBeLessThan(noon.sky.ambientIntensity);
  });

  it('resolves continuous and unspecified scenes from the previous one', () => {
    const { times, warnings } = resolveTimesOfDay(['night', 'continuous', 'dawn', 'unspecified']);
    expect(times).toEqual(['night', 'night', 'dawn', 'dawn']);
    expect(warnings.map((w) => w.code)).toEqual(['location/time-of-day']);
  });
});
