// The art department in planning: <Room>s become sets and dressed props, <Location>s (or the
// place a scene heading names) become the sun, the sky and the light through the windows.
//
// Per scene (beforeTiming): rooms are built first (so daylight knows the windows), then the
// location is resolved — the scene's <Location>, else a location the heading names (built-in
// cities and every named film-level <Location>), else the film's default <Location> — and its
// light added to the scene's lights (explicit <Light>s stay). A scene with nothing built whose
// heading names a set style (`INT. JOE'S DINER - NIGHT`) gets that set.

import { issue, warning, type KinoIssue } from '../doc/errors';
import { BLOCKING_TYPES, WRAPPERS } from '../doc/schema';
import type { ValidNode } from '../doc/validate';
import { suggest } from '../doc/validate';
import { PROP_KINDS } from '../plan/props';
import type { Resolver, SceneResolveContext } from '../plan/resolvers';
import type { PropPlan } from '../plan/schema';
import type { Rgb } from '../util/color';
import { daylight, type Weather } from './daylight';
import type { KeepClear } from './dressing';
import { propFootprint, type Footprint } from './footprint';
import { LocationRegistry, defineLocation, lightAtLocation, parseSceneHeadingLocation, slugify, type Location, type LocationInput, type LocationLight, type SolarTimeOfDay } from './locations';
import { buildRoom, type OpeningSpec, type RoomSpec, type Side } from './room';
import { findSetStyle, styleForPlace, type SetStyle } from './styles';
import { formatClock } from './sun';
import { isKinoError } from '../doc/errors';

type P = Record<string, unknown>;

/** What the art department records for a scene (ScenePlan.ext.art). */
export interface SceneArt {
  rooms: Array<{ id: string; style?: string; auto: boolean; props: number; doors: string[]; windows: string[] }>;
  location?: {
    id: string;
    name: string;
    from: 'scene' | 'heading' | 'film';
    latitude: number;
    longitude: number;
    date: string;
    localTime: string;
    timeOfDay: string;
    weather: Weather;
    sun: { azimuth: number; elevation: number; direction: [number, number, number] };
    phase: string;
    sunColorTemperatureK: number;
    illuminanceLux: number;
    ambient: number;
    sunlitWindows: string[];
  };
}

interface FilmArt {
  registry: LocationRegistry;
  filmLocation?: { node: ValidNode; input: Partial<LocationInput> & P };
  firstStoryDay?: number;
  prevTime?: SolarTimeOfDay;
  filmSets: ValidNode[];
  lights: Map<string, LocationLight>;
}

const films = new WeakMap<ValidNode, FilmArt>();

function flatten(nodes: ValidNode[]): ValidNode[] {
  return nodes.flatMap((n) => (WRAPPERS.has(n.type) ? flatten(n.children) : [n]));
}

const TOD: Record<string, SolarTimeOfDay> = {
  dawn: 'dawn', morning: 'morning', day: 'day', noon: 'noon', afternoon: 'afternoon', 'magic-hour': 'magic hour', dusk: 'dusk', evening: 'evening', night: 'night', sunrise: 'sunrise', sunset: 'sunset',
};

/** A <Location>'s props as a registry input (only what was written). */
function locationFields(p: P): Partial<LocationInput> & P {
  const out: P = {};
  if (typeof p.name === 'string') out.name = p.name;
  if (Array.isArray(p.aliases)) out.aliases = p.aliases;
  for (const k of ['latitude', 'longitude', 'timeZone', 'utcOffset', 'setStyle']) if (p[k] !== undefined) out[k] = p[k];
  // <Location northHeading> is the compass heading the set's −Z faces; the sun wants the world
  // heading of true north on the set, which is its negative.
  if (typeof p.northHeading === 'number') out.northHeadingDeg = -(p.northHeading as number);
  if (typeof p.date === 'string') out.defaultDate = p.date;
  return out as Partial<LocationInput> & P;
}

function filmArt(root: ValidNode, issues: KinoIssue[]): FilmArt {
  let st = films.get(root);
  if (st) return st;
  const registry = new LocationRegistry();
  const top = flatten(root.children);
  const locs = top.filter((n) => n.type === 'location');
  let filmLocation: FilmArt['filmLocation'];
  for (const n of locs) {
    const p = n.props as P;
    const fields = locationFields(p);
    let input: Partial<LocationInput> & P = fields;
    if (p.latitude !== undefined && p.longitude !== undefined) {
      // A new place: register it so headings that name it find it.
      const name = (p.name as string | undefined) ?? (p.id as string | undefined) ?? 'Location';
      try {
        const loc = registry.register({ ...(p.id ? { id: slugify(p.id as string) } : {}), name, aliases: (p.aliases as string[]) ?? [], latitude: p.latitude as number, longitude: p.longitude as number, defaultDate: (p.date as string) ?? '2024-06-21', ...(p.timeZone ? { timeZone: p.timeZone as string } : { utcOffset: (p.utcOffset as number | undefined) ?? Math.round((p.longitude as number) / 15) }), setStyle: p.setStyle as string | undefined, northHeadingDeg: typeof p.northHeading === 'number' ? -(p.northHeading as number) : 0 });
        input = { ...loc, ...fields };
      } catch (e) {
        if (isKinoError(e)) for (const i of e.issues) issues.push({ ...i, location: n.source, componentPath: n.path });
        else throw e;
      }
    } else if (typeof p.name === 'string') {
      const base = registry.find(p.name);
      if (!base) {
        const s = suggest(p.name, registry.list().flatMap((l) => [l.name, l.id]));
        issues.push(issue('location/unknown', `<Location name="${p.name}"> is not a known location and gives no latitude/longitude.`, { location: n.source, componentPath: n.path, prop: 'name', hint: s ? `Did you mean "${s}"?` : `Known: ${registry.list().map((l) => l.name).join(', ')}; or give latitude, longitude and timeZone.` }));
        continue;
      }
      input = { ...base, ...fields, name: base.name };
    }
    filmLocation ??= { node: n, input };
  }
  const days: number[] = [];
  const walk = (nodes: ValidNode[]) => {
    for (const n of flatten(nodes)) if (n.type === 'scene' && typeof (n.props as P).storyDay === 'number') days.push((n.props as P).storyDay as number);
  };
  walk(root.children);
  st = { registry, filmLocation, firstStoryDay: days.length ? Math.min(...days) : undefined, filmSets: top.filter((n) => n.type === 'set'), lights: new Map() };
  films.set(root, st);
  return st;
}

function addDays(date: string, days: number): string {
  if (!days) return date;
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d) + days * 86_400_000);
  return `${t.getUTCFullYear()}-${String(t.getUTCMonth() + 1).padStart(2, '0')}-${String(t.getUTCDate()).padStart(2, '0')}`;
}

/** Spots the blocking uses (places, walks, marks), kept clear of set dressing. */
function blockingSpots(kids: ValidNode[], ctx: SceneResolveContext): KeepClear[] {
  const out: KeepClear[] = [];
  const point = (v: unknown): [number, number] | undefined => {
    if (Array.isArray(v) && v.length === 3 && v.every((x) => typeof x === 'number')) return [v[0] as number, v[2] as number];
    if (typeof v === 'string') {
      const m = ctx.marks.get(v);
      if (m) return [m.position[0], m.position[2]];
    }
    return undefined;
  };
  const blocking = new Set<string>(BLOCKING_TYPES);
  for (const n of kids) {
    if (!blocking.has(n.type)) continue;
    const p = n.props as P;
    const pts: Array<[number, number]> = [];
    for (const k of ['position', 'to']) {
      const q = point(p[k]);
      if (q) pts.push(q);
    }
    for (const v of (p.path as unknown[]) ?? []) {
      const q = point(v);
      if (q) pts.push(q);
    }
    for (const q of pts) out.push({ x: q[0], z: q[1], radius: 0.5 });
    // A walk's path between its points stays clear too.
    for (let i = 1; i < pts.length; i++) {
      const [a, b] = [pts[i - 1], pts[i]];
      const L = Math.hypot(b[0] - a[0], b[1] - a[1]);
      for (let s = 0.4; s < L; s += 0.4) out.push({ x: a[0] + ((b[0] - a[0]) * s) / L, z: a[1] + ((b[1] - a[1]) * s) / L, radius: 0.4 });
    }
  }
  for (const m of ctx.marks.values()) out.push({ x: m.position[0], z: m.position[2], radius: 0.45 });
  return out;
}

function openingSpecs(list: unknown): OpeningSpec[] | undefined {
  if (!Array.isArray(list)) return undefined;
  return list.map((o) => {
    const p = o as P;
    return { wall: p.wall as Side, at: p.at as number | 'center' | undefined, width: p.width as number | undefined, height: p.height as number | undefined, sill: p.sill as number | undefined, style: p.style as string | undefined, id: p.id as string | undefined, open: p.open as number | undefined, hinge: p.hinge as 'left' | 'right' | undefined, color: p.color as Rgb | undefined, glass: p.glass as Rgb | undefined };
  });
}

function headingParts(ctx: SceneResolveContext): string[] {
  const heading = (ctx.scene.props as P).heading as string | undefined;
  const parsed = heading ? parseSceneHeadingLocation(heading) : null;
  return parsed ? [parsed.location, ...parsed.subLocations].filter(Boolean) : [ctx.location];
}

function sceneLocation(ctx: SceneResolveContext, st: FilmArt, kids: ValidNode[]): { loc: Location; node?: ValidNode; from: 'scene' | 'heading' | 'film'; time?: string; weather?: Weather; moonlight?: boolean; date?: string } | undefined {
  const sceneNode = kids.find((n) => n.type === 'location');
  const filmP = (st.filmLocation?.node.props as P | undefined) ?? {};
  const sp = (sceneNode?.props as P | undefined) ?? {};
  let base: Partial<LocationInput> & P | undefined;
  let from: 'scene' | 'heading' | 'film' = 'scene';
  if (sceneNode && typeof sp.name === 'string') {
    const found = st.registry.find(sp.name);
    if (found) base = { ...found };
    else if (sp.latitude === undefined) {
      const s = suggest(sp.name, st.registry.list().flatMap((l) => [l.name, l.id]));
      ctx.issues.push(issue('location/unknown', `<Location name="${sp.name}"> in scene "${ctx.sceneId}" is not a known location.`, { location: sceneNode.source, componentPath: sceneNode.path, prop: 'name', hint: s ? `Did you mean "${s}"?` : 'Register it with a film-level <Location name latitude longitude timeZone>, or give coordinates here.' }));
      return undefined;
    }
  }
  if (!base && !(sceneNode && sp.latitude !== undefined)) {
    const heading = (ctx.scene.props as P).heading as string | undefined;
    const byHeading = heading ? st.registry.resolveHeading(heading) : st.registry.find(ctx.location);
    if (byHeading) {
      base = { ...byHeading };
      from = sceneNode ? 'scene' : 'heading';
    } else if (st.filmLocation) {
      base = { ...st.filmLocation.input };
      from = sceneNode ? 'scene' : 'film';
    }
  }
  if (!base && !sceneNode) return undefined;
  const merged: P = { ...(base ?? {}), ...(sceneNode ? locationFields(sp) : {}) };
  if (merged.latitude === undefined || merged.longitude === undefined) {
    ctx.issues.push(issue('location/incomplete', `<Location> in scene "${ctx.sceneId}" needs a name the film knows, or latitude and longitude.`, { location: sceneNode?.source, componentPath: sceneNode?.path, hint: 'Give latitude, longitude and timeZone, or a built-in name such as "london".' }));
    return undefined;
  }
  if (merged.timeZone === undefined && merged.utcOffset === undefined) merged.utcOffset = Math.round((merged.longitude as number) / 15);
  merged.name ??= (sp.id as string | undefined) ?? 'Location';
  merged.defaultDate ??= '2024-06-21';
  let loc: Location;
  try {
    // Validated, not registered: a scene's own variant must not replace the film's entry.
    loc = defineLocation({ ...(merged as LocationInput), id: (merged.id as string | undefined) ?? slugify(merged.name as string) });
  } catch (e) {
    if (isKinoError(e)) {
      for (const i of e.issues) ctx.issues.push({ ...i, location: sceneNode?.source ?? st.filmLocation?.node.source, componentPath: sceneNode?.path });
      return undefined;
    }
    throw e;
  }
  return {
    loc,
    node: sceneNode ?? st.filmLocation?.node,
    from,
    time: (sp.time as string | undefined) ?? undefined,
    weather: (sp.weather as Weather | undefined) ?? (filmP.weather as Weather | undefined),
    moonlight: (sp.moonlight as boolean | undefined) ?? (filmP.moonlight as boolean | undefined),
    date: sp.date as string | undefined,
  };
}

export const artResolver: Resolver = {
  name: 'art',
  nodes: ['room', 'location'],
  beforeTiming(ctx) {
    const st = filmArt(ctx.film, ctx.issues);
    const kids = flatten(ctx.scene.children);
    const art: SceneArt = { rooms: [] };
    const seed = ((ctx.film.props as P).seed as number | undefined) ?? 1;

    // --- Rooms -----------------------------------------------------------------------------
    const hostSets = [...kids.filter((n) => n.type === 'set'), ...st.filmSets].filter((s) => s.children.some((c) => c.type === 'room'));
    const roomNodes: ValidNode[] = [...kids.filter((n) => n.type === 'room'), ...hostSets.flatMap((s) => s.children.filter((c) => c.type === 'room'))];
    // A <Set> that only holds rooms gets its floor from them, not a default 14 m one underneath.
    for (const s of hostSets) {
      if ((s.props as P).floor !== undefined || s.children.some((c) => c.type === 'wall')) continue;
      const sp = ctx.sets.find((x) => x.id === s.id);
      if (sp) sp.floor = null;
    }
    const parts = headingParts(ctx);
    const located = sceneLocation(ctx, st, kids);
    // The place the heading names first (`INT. JOE'S DINER`), then the location's own style — as
    // long as it fits the setting (a city's street style is no style for an interior).
    const fitsSetting = (s: SetStyle) => ctx.setting === 'INT/EXT' || (ctx.setting === 'EXT') === s.exterior;
    const headingStyle: SetStyle | undefined = [styleForPlace(parts), located?.loc.setStyle ? findSetStyle(located.loc.setStyle) : undefined].find((s): s is SetStyle => !!s && fitsSetting(s));
    const keepClear = blockingSpots(kids, ctx);
    const obstacles: Footprint[] = ctx.props.map((p) => propFootprint(p));
    const build = (spec: RoomSpec, node: ValidNode | undefined, auto: boolean) => {
      const built = buildRoom(spec, { seed, keepClear, obstacles });
      for (const pr of built.problems) {
        const mk = pr.severity === 'warning' ? warning : issue;
        ctx.issues.push(mk(pr.code, pr.message, { location: node?.source ?? ctx.scene.source, componentPath: node?.path ?? ctx.scene.path, prop: pr.prop, hint: pr.hint }));
      }
      ctx.sets.push(built.set);
      const ids = new Set(ctx.props.map((p) => p.id));
      for (const p of built.props) {
        if (ids.has(p.id)) {
          ctx.issues.push(issue('room/duplicate-id', `The dressing of room "${built.id}" makes a prop "${p.id}", but the scene already has one.`, { location: node?.source, componentPath: node?.path, hint: 'Give the room another id.' }));
          continue;
        }
        ctx.props.push(p as PropPlan);
        obstacles.push(propFootprint(p));
      }
      art.rooms.push({ id: built.id, style: built.style?.name, auto, props: built.props.length, doors: built.openings.filter((o) => o.kind === 'door').map((o) => o.id), windows: built.openings.filter((o) => o.kind === 'window').map((o) => o.id) });
    };
    for (const n of roomNodes) {
      const p = n.props as P;
      build(
        {
          id: n.id,
          size: p.size as [number, number],
          height: p.height as number | undefined,
          position: p.position as [number, number] | undefined,
          open: p.open as Side[] | undefined,
          doors: openingSpecs(p.doors),
          windows: openingSpecs(p.windows),
          style: (p.style as string | undefined) ?? headingStyle?.name,
          floor: p.floor as string | undefined,
          floorColor: p.floorColor as Rgb | undefined,
          wallColor: p.wallColor as Rgb | undefined,
          ceiling: p.ceiling as boolean | undefined,
          seed: p.seed as number | undefined,
          density: p.density as number | undefined,
          bare: p.bare as boolean | undefined,
        },
        n,
        false,
      );
    }
    // Nothing built and a heading that names a kind of place: build that place.
    if (!roomNodes.length && !ctx.sets.length && !ctx.props.length && headingStyle) {
      const id = slugify(parts[parts.length - 1] ?? headingStyle.name) || headingStyle.name;
      build({ id, size: headingStyle.size, style: headingStyle.name }, undefined, true);
    }

    // --- Location, sun and sky -------------------------------------------------------------
    if (located) {
      const { loc } = located;
      const tod = TOD[ctx.timeOfDay] ?? st.prevTime ?? 'day';
      if (TOD[ctx.timeOfDay]) st.prevTime = tod;
      let when: SolarTimeOfDay | number = tod;
      if (located.time) {
        const [h, m] = located.time.split(':').map(Number);
        when = h + m / 60;
      }
      const dayOffset = !located.date && ctx.storyDay !== undefined && st.firstStoryDay !== undefined ? ctx.storyDay - st.firstStoryDay : 0;
      const date = addDays(located.date ?? loc.defaultDate, dayOffset);
      try {
        // Scenes share a handful of places, dates and times: the sun for each is worked out once.
        const key = JSON.stringify([loc.id, loc.latitude, loc.longitude, loc.timeZone, loc.utcOffset, loc.northHeadingDeg, when, date, located.moonlight ?? true]);
        let light = st.lights.get(key);
        if (!light) st.lights.set(key, (light = lightAtLocation(loc, when, date, { moonlight: located.moonlight ?? true })));
        const weather: Weather = located.weather ?? 'clear';
        const floorSet = ctx.sets.find((s) => s.floor);
        const focus: [number, number, number] = floorSet?.floor ? [(floorSet.floor.min[0] + floorSet.floor.max[0]) / 2, 1, (floorSet.floor.min[1] + floorSet.floor.max[1]) / 2] : [0, 1, 0];
        const hasPracticals = ctx.lights.length > 0 || ctx.props.some((p) => p.kind && PROP_KINDS[p.kind]?.category === 'lighting' && p.material.emissiveIntensity > 0);
        const dl = daylight({ setting: ctx.setting, sun: light.sun, sky: light.sky, northHeadingDeg: loc.northHeadingDeg, weather, sets: ctx.sets, focus, whiteBalanceK: 5600, hasPracticals });
        ctx.lights.push(...dl.lights);
        if (!kids.some((n) => n.type === 'backdrop')) ctx.backdrop = { ...dl.backdrop, floorColor: ctx.backdrop.floorColor };
        art.location = {
          id: loc.id,
          name: loc.name,
          from: located.from,
          latitude: loc.latitude,
          longitude: loc.longitude,
          date,
          localTime: formatClock(light.localTime),
          timeOfDay: typeof when === 'number' ? located.time! : tod,
          weather,
          sun: { azimuth: round(light.sun.azimuth), elevation: round(light.sun.elevation), direction: light.sun.direction.map(round) as [number, number, number] },
          phase: light.sky.phase,
          sunColorTemperatureK: light.sky.sunColorTemperatureK,
          illuminanceLux: Math.round(light.sky.illuminanceLux),
          ambient: dl.ambient,
          sunlitWindows: dl.sunlitWindows,
        };
      } catch (e) {
        if (!isKinoError(e)) throw e;
        for (const i of e.issues) ctx.issues.push({ ...i, location: located.node?.source, componentPath: located.node?.path });
      }
    }
    if (art.rooms.length || art.location) ctx.ext.art = art;
  },
};

const round = (v: number) => Math.round(v * 1e3) / 1e3;
