// Locations: where a scene is (latitude, longitude, time zone, default date, set style) and
// when (a time of day from the scene heading, turned into a local clock time from that day's
// sunrise and sunset), so the sun and sky follow from the script.

import { z } from 'zod';
import { KinoError, issue, type KinoIssue } from '../doc/errors';
import { skyForSun, sunPosition, sunTimes, type SkyLight, type SkyOptions, type SunPosition, type SunTimes } from './sun';

export const LocationSchema = z
  .object({
    /** Stable id (`joes-diner`); derived from the name when omitted. */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes').optional(),
    /** Display name (`Joe's Diner`). */
    name: z.string().min(1),
    /** Other names scene headings use for it (`DINER`, `JOE'S`). Matched without regard to case or punctuation. */
    aliases: z.array(z.string().min(1)).default([]),
    /** Degrees, north positive. */
    latitude: z.number().min(-90).max(90),
    /** Degrees, east positive. */
    longitude: z.number().min(-180).max(180),
    /** IANA zone (preferred: handles daylight saving). */
    timeZone: z.string().min(1).optional(),
    /** Fixed offset in hours east of UTC, when no zone is given. */
    utcOffset: z.number().min(-14).max(14).optional(),
    /** Story date used when a scene does not give one (YYYY-MM-DD). */
    defaultDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'),
    /** Whether the place is shot as an interior, an exterior, or both (a house with a yard). */
    setting: z.enum(['interior', 'exterior', 'both']).default('both'),
    /** Hint for the set builder's dressing (`diner`, `warehouse`, `1970s apartment`, `forest clearing`). */
    setStyle: z.string().optional(),
    /** World heading of true north on the set (degrees clockwise from −Z); default 0. */
    northHeadingDeg: z.number().default(0),
  })
  .refine((l) => l.timeZone !== undefined || l.utcOffset !== undefined, { message: 'give timeZone (IANA) or utcOffset', path: ['timeZone'] });
export type Location = z.infer<typeof LocationSchema> & { id: string };
export type LocationInput = z.input<typeof LocationSchema>;

/** `Joe's Diner` → `joes-diner`. */
export function slugify(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Key for matching heading text to names: case, accents, apostrophes and punctuation ignored. */
function matchKey(s: string): string {
  return slugify(s).replace(/-/g, ' ');
}

export function defineLocation(input: LocationInput): Location {
  const r = LocationSchema.safeParse(input);
  if (!r.success) {
    throw new KinoError(r.error.issues.map((i) => issue('location/invalid', `Location "${(input as { name?: string }).name ?? '?'}": ${i.path.join('.') || '(root)'} ${i.message}`, { prop: i.path.join('.') })));
  }
  const id = r.data.id ?? slugify(r.data.name);
  if (!id) throw new KinoError(issue('location/invalid', `Location "${r.data.name}" has no usable id.`, { hint: 'Give it an id of lower-case letters, digits and dashes.' }));
  return { ...r.data, id };
}

// Real cities, each with a default date near a solstice or equinox that shows its character.
const CITY_INPUTS: LocationInput[] = [
  { id: 'london', name: 'London', latitude: 51.5074, longitude: -0.1278, timeZone: 'Europe/London', defaultDate: '2024-06-21', setting: 'exterior', setStyle: 'city street' },
  { id: 'new-york', name: 'New York', aliases: ['NYC', 'MANHATTAN'], latitude: 40.7128, longitude: -74.006, timeZone: 'America/New_York', defaultDate: '2024-10-15', setting: 'exterior', setStyle: 'city street' },
  { id: 'los-angeles', name: 'Los Angeles', aliases: ['LA', 'L.A.', 'HOLLYWOOD'], latitude: 34.0522, longitude: -118.2437, timeZone: 'America/Los_Angeles', defaultDate: '2024-07-15', setting: 'exterior', setStyle: 'suburban street' },
  { id: 'paris', name: 'Paris', latitude: 48.8566, longitude: 2.3522, timeZone: 'Europe/Paris', defaultDate: '2024-05-15', setting: 'exterior', setStyle: 'city street' },
  { id: 'tokyo', name: 'Tokyo', latitude: 35.6762, longitude: 139.6503, timeZone: 'Asia/Tokyo', defaultDate: '2024-09-15', setting: 'exterior', setStyle: 'city street' },
  { id: 'sydney', name: 'Sydney', latitude: -33.8688, longitude: 151.2093, timeZone: 'Australia/Sydney', defaultDate: '2024-12-21', setting: 'exterior', setStyle: 'harbour' },
  { id: 'mumbai', name: 'Mumbai', aliases: ['BOMBAY'], latitude: 19.076, longitude: 72.8777, timeZone: 'Asia/Kolkata', defaultDate: '2024-03-20', setting: 'exterior', setStyle: 'city street' },
  { id: 'reykjavik', name: 'Reykjavik', aliases: ['REYKJAVÍK'], latitude: 64.1466, longitude: -21.9426, timeZone: 'Atlantic/Reykjavik', defaultDate: '2024-06-21', setting: 'exterior', setStyle: 'harbour' },
  { id: 'cairo', name: 'Cairo', latitude: 30.0444, longitude: 31.2357, timeZone: 'Africa/Cairo', defaultDate: '2024-03-20', setting: 'exterior', setStyle: 'desert town' },
  { id: 'denver', name: 'Denver', latitude: 39.7392, longitude: -104.9903, timeZone: 'America/Denver', defaultDate: '2024-10-17', setting: 'exterior', setStyle: 'suburban street' },
];

export const BUILTIN_LOCATIONS: readonly Location[] = Object.freeze(CITY_INPUTS.map(defineLocation));

/**
 * The location manager: reusable named locations, looked up by id, name or alias (scene
 * headings name places loosely: `DINER`, `Joe's Diner`, `JOE'S DINER - BOOTH`).
 */
export class LocationRegistry {
  private byId = new Map<string, Location>();
  private byKey = new Map<string, string>();

  constructor(locations: Iterable<Location | LocationInput> = BUILTIN_LOCATIONS) {
    for (const l of locations) this.register(l);
  }

  /** Adds or replaces a location; returns it validated. */
  register(input: Location | LocationInput): Location {
    const loc = defineLocation(input);
    const old = this.byId.get(loc.id);
    if (old) for (const k of [old.id, old.name, ...old.aliases].map(matchKey)) if (this.byKey.get(k) === old.id) this.byKey.delete(k);
    this.byId.set(loc.id, loc);
    for (const k of [loc.id, loc.name, ...loc.aliases].map(matchKey)) this.byKey.set(k, loc.id);
    return loc;
  }

  /** By id, name or alias; undefined when unknown. */
  find(nameOrAlias: string): Location | undefined {
    const id = this.byKey.get(matchKey(nameOrAlias));
    return id ? this.byId.get(id) : undefined;
  }

  /** Like find, but throws a KinoError that lists the known names. */
  get(nameOrAlias: string): Location {
    const l = this.find(nameOrAlias);
    if (!l) {
      throw new KinoError(issue('location/unknown', `No location called "${nameOrAlias}".`, { hint: `Known: ${this.list().map((x) => x.name).join(', ')}. Register it with a name or alias.` }));
    }
    return l;
  }

  list(): Location[] {
    return [...this.byId.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  /** The location a scene heading names: the full location text first, then its parts, most specific last. */
  resolveHeading(heading: string | SceneHeadingLocation): Location | undefined {
    const h = typeof heading === 'string' ? parseSceneHeadingLocation(heading) : heading;
    if (!h) return undefined;
    const candidates = [[h.location, ...h.subLocations].join(' '), h.location, ...h.subLocations.slice().reverse()];
    for (const c of candidates) {
      const l = this.find(c);
      if (l) return l;
    }
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Time of day

export const SOLAR_TIMES_OF_DAY = ['dawn', 'sunrise', 'morning', 'day', 'noon', 'afternoon', 'magic hour', 'sunset', 'dusk', 'evening', 'night'] as const;
export type SolarTimeOfDay = (typeof SOLAR_TIMES_OF_DAY)[number];
/** What a scene heading can say: a solar time, same time as the previous scene, or nothing usable. */
export type TimeOfDay = SolarTimeOfDay | 'continuous' | 'unspecified';

// Fallback clock times (hours) when the sun does not rise or set (polar day or night).
const FALLBACK: Record<SolarTimeOfDay, number> = {
  dawn: 5.75,
  sunrise: 6,
  morning: 9,
  day: 11,
  noon: 12,
  afternoon: 15,
  'magic hour': 18.5,
  sunset: 19,
  dusk: 19.25,
  evening: 20,
  night: 0,
};

/**
 * Local clock time (hours) for a time of day at a location on a date, from that day's sun:
 * - dawn = sunrise − 15 min; sunrise; morning = halfway from sunrise to solar noon;
 * - day = solar noon − 1 h (high sun, but shadows with some direction); noon = solar noon;
 * - afternoon = halfway from solar noon to sunset; magic hour = sunset − 40 min;
 * - sunset; dusk = sunset + 10 min; evening = sunset + 45 min (deep blue, nautical twilight);
 * - night = solar midnight (noon + 12 h), the darkest moment, wrapped into 0–24 h.
 * In polar day or night the sun gives no anchors, and fixed clock times are used instead
 * (dawn 05:45, morning 09:00, day 11:00, afternoon 15:00, magic hour 18:30, dusk 19:15, …).
 */
export function timeOfDayToLocalTime(timeOfDay: SolarTimeOfDay, location: Location | LocationInput, date?: string): number {
  const loc = 'id' in location && location.id ? (location as Location) : defineLocation(location);
  const d = date ?? loc.defaultDate;
  const t = sunTimes({ latitude: loc.latitude, longitude: loc.longitude, date: d, ...(loc.timeZone ? { timeZone: loc.timeZone } : { utcOffset: loc.utcOffset }) });
  const wrap = (h: number) => ((h % 24) + 24) % 24;
  if (timeOfDay === 'noon') return wrap(t.solarNoon);
  if (timeOfDay === 'night') return wrap(t.solarNoon + 12);
  if (timeOfDay === 'day') return wrap(t.solarNoon - 1);
  if (t.sunrise === null || t.sunset === null) return FALLBACK[timeOfDay];
  const m = 1 / 60;
  switch (timeOfDay) {
    case 'dawn':
      return wrap(t.sunrise - 15 * m);
    case 'sunrise':
      return wrap(t.sunrise);
    case 'morning':
      return wrap((t.sunrise + t.solarNoon) / 2);
    case 'afternoon':
      return wrap((t.solarNoon + t.sunset) / 2);
    case 'magic hour':
      return wrap(t.sunset - 40 * m);
    case 'sunset':
      return wrap(t.sunset);
    case 'dusk':
      return wrap(t.sunset + 10 * m);
    case 'evening':
      return wrap(t.sunset + 45 * m);
  }
}

export interface LocationLight {
  location: Location;
  date: string;
  localTime: number;
  sun: SunPosition;
  times: SunTimes;
  sky: SkyLight;
}

/** Sun, rise/set and sky for a location at a time of day (or a clock time in hours). */
export function lightAtLocation(location: Location | LocationInput, when: SolarTimeOfDay | number, date?: string, sky: SkyOptions = {}): LocationLight {
  const loc = 'id' in location && location.id ? (location as Location) : defineLocation(location);
  const d = date ?? loc.defaultDate;
  const localTime = typeof when === 'number' ? when : timeOfDayToLocalTime(when, loc, d);
  const zone = loc.timeZone ? { timeZone: loc.timeZone } : { utcOffset: loc.utcOffset };
  const sun = sunPosition({ latitude: loc.latitude, longitude: loc.longitude, date: d, localTime, northHeadingDeg: loc.northHeadingDeg, ...zone });
  const times = sunTimes({ latitude: loc.latitude, longitude: loc.longitude, date: d, ...zone });
  return { location: loc, date: d, localTime, sun, times, sky: skyForSun(sun.elevation, sky) };
}

// ---------------------------------------------------------------------------------------------
// Scene headings

export interface SceneHeadingLocation {
  /** INT. (also INT./EXT.): the scene is shot inside. */
  interior: boolean;
  /** EXT. (also INT./EXT. and EST.): outside. */
  exterior: boolean;
  /** The prefix as written, normalised: `INT`, `EXT`, `INT/EXT`, `EST`, or null for a forced heading. */
  prefix: 'INT' | 'EXT' | 'INT/EXT' | 'EST' | null;
  /** The main place (`DINER`). */
  location: string;
  /** More specific places after it (`INT. HOUSE - KITCHEN` → `['KITCHEN']`). */
  subLocations: string[];
  timeOfDay: TimeOfDay;
  /** The time-of-day text as written (`NIGHT`, `A FEW DAYS LATER`), if any. */
  timeText?: string;
  /** A year or note in parentheses after the time (`NIGHT (1973)` → `1973`). */
  timeNote?: string;
  /** Scene number from `#12A#`. */
  sceneNumber?: string;
}

const PREFIX_RE = /^\s*(INT\.?\s*\/\s*EXT|EXT\.?\s*\/\s*INT|I\s*\/\s*E|E\s*\/\s*I|INT|EXT|EST)(?:\.|\s|$)\s*/i;

const TIME_WORDS: [RegExp, TimeOfDay][] = [
  [/^(CONTINUOUS|CONT'?D?\.?|CONTINUING|SAME|SAME TIME|SIMULTANEOUS|MOMENTS? LATER|A MOMENT LATER|SECONDS LATER|IMMEDIATELY AFTER)$/, 'continuous'],
  [/^(MAGIC HOUR|GOLDEN HOUR)$/, 'magic hour'],
  [/^(PRE-?DAWN|DAWN|DAYBREAK|FIRST LIGHT|EARLY MORNING|BEFORE DAWN)$/, 'dawn'],
  [/^(SUNRISE)$/, 'sunrise'],
  [/^(MORNING|LATE MORNING|MID-?MORNING)$/, 'morning'],
  [/^(NOON|MIDDAY|MID-?DAY)$/, 'noon'],
  [/^(DAY|DAYTIME|DAY ?TIME)$/, 'day'],
  [/^(AFTERNOON|LATE AFTERNOON|EARLY AFTERNOON|MID-?AFTERNOON)$/, 'afternoon'],
  [/^(SUNSET|SUNDOWN)$/, 'sunset'],
  [/^(DUSK|TWILIGHT|NIGHTFALL)$/, 'dusk'],
  [/^(EVENING|EARLY EVENING|LATE EVENING)$/, 'evening'],
  [/^(NIGHT|NIGHTTIME|NIGHT ?TIME|LATE NIGHT|MIDNIGHT|EARLY NIGHT)$/, 'night'],
  // Phrases that move the clock by an unknown amount.
  [/\b(LATER|EARLIER|NEXT DAY|DAYS|WEEKS|MONTHS|YEARS|FLASHBACK|PRESENT DAY|PRESENT|FUTURE|PAST)\b/, 'unspecified'],
];

function classifyTime(text: string): TimeOfDay | undefined {
  const t = text.toUpperCase().replace(/\s+/g, ' ').replace(/[.!]+$/, '').trim();
  if (/^(PRESENT DAY|THE PRESENT|PRESENT|NOWADAYS)$/.test(t)) return 'unspecified'; // an era, not a time of day
  const exact = TIME_WORDS.slice(0, -1);
  for (const [re, tod] of exact) if (re.test(t)) return tod;
  // A time word ending a longer phrase names the time (`LATER THAT NIGHT`, `NEXT MORNING`).
  const words = t.split(' ');
  if (words.length > 1) {
    for (const n of [2, 1]) {
      const tail = words.slice(-n).join(' ');
      for (const [re, tod] of exact.slice(1)) if (re.test(tail)) return tod;
    }
  }
  const [re, tod] = TIME_WORDS[TIME_WORDS.length - 1];
  return re.test(t) ? tod : undefined;
}

/**
 * Splits a scene heading into interior/exterior, place and time of day. Separators are the ones
 * real scripts use: ` - `, ` -- `, `--`, en/em dashes, and commas (`INT. APARTMENT, DAY`). A hyphen
 * inside a word (`X-RAY ROOM`) does not split. A trailing scene number `#12A#` and `[[notes]]`
 * are removed first. Returns null for text that is not a heading.
 */
export function parseSceneHeadingLocation(heading: string): SceneHeadingLocation | null {
  let text = heading.replace(/\[\[[\s\S]*?\]\]/g, '').replace(/\s+/g, ' ').trim();
  let sceneNumber: string | undefined;
  const num = /\s*#([\w.-]+)#\s*$/.exec(text);
  if (num) {
    sceneNumber = num[1];
    text = text.slice(0, num.index).trim();
  }
  let prefix: SceneHeadingLocation['prefix'] = null;
  const p = PREFIX_RE.exec(text);
  if (p) {
    const raw = p[1].toUpperCase().replace(/[\s.]/g, '');
    prefix = raw === 'INT' ? 'INT' : raw === 'EXT' ? 'EXT' : raw === 'EST' ? 'EST' : 'INT/EXT';
    text = text.slice(p[0].length);
  } else if (/^\.(?=[\p{L}\p{N}])/u.test(text)) {
    text = text.slice(1); // forced heading (`.THE FINGER`)
  } else {
    return null;
  }
  text = text.replace(/^[.\s]+/, '').trim();
  // Split on dash separators (spaced hyphen, double hyphen, en/em dash) and commas.
  const parts = text
    .split(/\s+-{1,2}\s+|\s*--\s*|\s*[–—]\s*|\s*,\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
  let timeOfDay: TimeOfDay = 'unspecified';
  let timeText: string | undefined;
  let timeNote: string | undefined;
  if (parts.length > 1) {
    let last = parts[parts.length - 1];
    const note = /\s*\(([^)]*)\)\s*$/.exec(last);
    const bare = note ? last.slice(0, note.index).trim() : last;
    const tod = classifyTime(bare);
    if (tod) {
      timeOfDay = tod;
      timeText = bare || last;
      if (note) timeNote = note[1].trim();
      parts.pop();
      last = '';
    }
  } else if (parts.length === 1) {
    // `EXT. BEACH NIGHT` (no separator): accept a trailing bare time word.
    const m = /^(.*\S)\s+(DAY|NIGHT|DAWN|DUSK|MORNING|EVENING|AFTERNOON|NOON|SUNSET|SUNRISE|CONTINUOUS)$/i.exec(parts[0]);
    if (m && prefix) {
      parts[0] = m[1];
      timeText = m[2];
      timeOfDay = classifyTime(m[2]) ?? 'unspecified';
    }
  }
  const [location = '', ...subLocations] = parts;
  return {
    interior: prefix === 'INT' || prefix === 'INT/EXT',
    exterior: prefix === 'EXT' || prefix === 'INT/EXT' || prefix === 'EST',
    prefix,
    location,
    subLocations,
    timeOfDay,
    ...(timeText !== undefined ? { timeText } : {}),
    ...(timeNote !== undefined ? { timeNote } : {}),
    ...(sceneNumber !== undefined ? { sceneNumber } : {}),
  };
}

/**
 * Resolves each scene's time of day through `continuous` (same as the previous scene) and
 * `unspecified` (previous scene's, with a warning) so every scene gets a solar time.
 */
export function resolveTimesOfDay(times: TimeOfDay[], initial: SolarTimeOfDay = 'day'): { times: SolarTimeOfDay[]; warnings: KinoIssue[] } {
  const out: SolarTimeOfDay[] = [];
  const warnings: KinoIssue[] = [];
  let prev: SolarTimeOfDay = initial;
  times.forEach((t, i) => {
    if (t === 'continuous') out.push(prev);
    else if (t === 'unspecified') {
      warnings.push({ code: 'location/time-of-day', message: `Scene ${i + 1} gives no time of day; using ${prev} from the scene before.`, severity: 'warning', hint: 'Add DAY, NIGHT, DAWN… to the heading, or set the time on <Location>.' });
      out.push(prev);
    } else {
      out.push(t);
      prev = t;
    }
  });
  return { times: out, warnings };
}
