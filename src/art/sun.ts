// Sun position, sunrise/sunset, and the daylight that follows from the sun's elevation.
//
// Position: NOAA's solar calculator equations (the "NOAA_Solar_Calculations" spreadsheet, after
// Meeus, *Astronomical Algorithms*): Julian century → geometric mean longitude and anomaly →
// equation of centre → apparent longitude → corrected obliquity → declination and equation of
// time → hour angle → zenith and azimuth, plus NOAA's refraction model. Accuracy ≈ 0.01° in
// position and ≈ 1 min in rise/set within ±72° latitude, far inside what lighting needs.
// Unlike the spreadsheet, rise/set/noon are iterated at the event time (not at the input time),
// which removes its up-to-a-minute error on the days the declination moves fastest.
//
// World frame (kino's, shared with the renderer): right-handed, Y up, −Z = true north,
// +X = east (so +Z = south, −X = west). `direction` points from the scene TOWARD the sun; a
// directional light shines along −direction. A set that is not aligned to north passes
// `northHeadingDeg`: the world heading (degrees clockwise from −Z, seen from above) that true
// north has on that set.

import { KinoError, issue } from '../doc/errors';
import { blackBodyLinear } from '../util/color';

const RAD = Math.PI / 180;
const sin = (d: number) => Math.sin(d * RAD);
const cos = (d: number) => Math.cos(d * RAD);
const tan = (d: number) => Math.tan(d * RAD);
const asinD = (x: number) => Math.asin(Math.max(-1, Math.min(1, x))) / RAD;
const acosD = (x: number) => Math.acos(Math.max(-1, Math.min(1, x))) / RAD;
const mod = (x: number, m: number) => ((x % m) + m) % m;

/** A calendar date `YYYY-MM-DD` or its parts. */
export type CalendarDate = string | { year: number; month: number; day: number };

export function parseDate(date: CalendarDate): { year: number; month: number; day: number } {
  if (typeof date !== 'string') return date;
  const m = /^(-?\d{1,4})-(\d{1,2})-(\d{1,2})$/.exec(date.trim());
  if (!m) throw new KinoError(issue('sun/date', `"${date}" is not a date.`, { hint: 'Write dates as YYYY-MM-DD, e.g. 2024-06-21.' }));
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31) throw new KinoError(issue('sun/date', `"${date}" is not a valid date.`));
  return d;
}

/** Julian Day at 0h UT of a Gregorian calendar date (Meeus ch. 7). */
export function julianDay(date: CalendarDate): number {
  let { year: y, month: m } = parseDate(date);
  const { day } = parseDate(date);
  if (m <= 2) {
    y -= 1;
    m += 12;
  }
  const a = Math.floor(y / 100);
  const b = 2 - a + Math.floor(a / 4);
  return Math.floor(365.25 * (y + 4716)) + Math.floor(30.6001 * (m + 1)) + day + b - 1524.5;
}

/** Declination (degrees) and equation of time (minutes) at a Julian Day, per NOAA. */
export function solarCoordinates(jd: number): { declination: number; equationOfTime: number } {
  const T = (jd - 2451545) / 36525;
  const L0 = mod(280.46646 + T * (36000.76983 + T * 0.0003032), 360);
  const M = 357.52911 + T * (35999.05029 - 0.0001537 * T);
  const e = 0.016708634 - T * (0.000042037 + 0.0000001267 * T);
  const C = sin(M) * (1.914602 - T * (0.004817 + 0.000014 * T)) + sin(2 * M) * (0.019993 - 0.000101 * T) + sin(3 * M) * 0.000289;
  const trueLong = L0 + C;
  const omega = 125.04 - 1934.136 * T;
  const appLong = trueLong - 0.00569 - 0.00478 * sin(omega);
  const meanObliq = 23 + (26 + (21.448 - T * (46.815 + T * (0.00059 - T * 0.001813))) / 60) / 60;
  const obliq = meanObliq + 0.00256 * cos(omega);
  const declination = asinD(sin(obliq) * sin(appLong));
  const y = tan(obliq / 2) ** 2;
  const eqRad = y * sin(2 * L0) - 2 * e * sin(M) + 4 * e * y * sin(M) * cos(2 * L0) - 0.5 * y * y * sin(4 * L0) - 1.25 * e * e * sin(2 * M);
  return { declination, equationOfTime: (4 * eqRad) / RAD };
}

/** NOAA's atmospheric refraction (degrees) for a true elevation in degrees. */
export function refraction(trueElevation: number): number {
  const e = trueElevation;
  let arcsec: number;
  if (e > 85) arcsec = 0;
  else if (e > 5) {
    const t = tan(e);
    arcsec = 58.1 / t - 0.07 / t ** 3 + 0.000086 / t ** 5;
  } else if (e > -0.575) arcsec = 1735 + e * (-518.2 + e * (103.4 + e * (-12.79 + e * 0.711)));
  else arcsec = -20.772 / tan(e);
  return arcsec / 3600;
}

// ---------------------------------------------------------------------------------------------
// Time zones

/**
 * UTC offset in hours of an IANA zone at a local wall-clock time. Uses the tz database inside
 * the Node runtime (Intl), so results are deterministic for a given Node build. In a DST gap
 * the offset before the change is used; in an overlap, the earlier (summer) one.
 */
// Building an Intl.DateTimeFormat costs ~0.2 ms; a film asks for the same few zones in every scene.
const formatters = new Map<string, Intl.DateTimeFormat>();

export function utcOffsetForZone(timeZone: string, date: CalendarDate, localHours: number): number {
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    try {
      fmt = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    } catch {
      throw new KinoError(issue('sun/time-zone', `Unknown time zone "${timeZone}".`, { hint: 'Use an IANA name such as Europe/London or America/New_York, or give utcOffset in hours.' }));
    }
    formatters.set(timeZone, fmt);
  }
  const offsetAt = (utcMs: number): number => {
    const p: Record<string, number> = {};
    for (const part of fmt.formatToParts(utcMs)) if (part.type !== 'literal') p[part.type] = Number(part.value);
    const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    return (wall - Math.floor(utcMs / 1000) * 1000) / 3_600_000;
  };
  const { year, month, day } = parseDate(date);
  const localMs = Date.UTC(year, month - 1, day) + localHours * 3_600_000;
  const first = offsetAt(localMs);
  const second = offsetAt(localMs - first * 3_600_000);
  if (first === second) return first;
  const third = offsetAt(localMs - second * 3_600_000);
  return third === second ? second : Math.max(first, second);
}

// ---------------------------------------------------------------------------------------------
// Position

export interface SunInput {
  /** Degrees, north positive. */
  latitude: number;
  /** Degrees, east positive. */
  longitude: number;
  /** Local calendar date. */
  date: CalendarDate;
  /** Local clock time in hours (14.5 = 14:30). */
  localTime: number;
  /** Hours east of UTC (−5 for New York in winter). Default 0 unless timeZone is given. */
  utcOffset?: number;
  /** IANA zone (Europe/London); used when utcOffset is not given. */
  timeZone?: string;
  /** World heading of true north on the set (degrees clockwise from −Z); default 0. */
  northHeadingDeg?: number;
}

export interface SunPosition {
  /** Degrees clockwise from true north (east = 90). */
  azimuth: number;
  /** Apparent elevation above the horizon in degrees (refraction included). */
  elevation: number;
  /** Geometric elevation, without refraction. */
  trueElevation: number;
  /** Unit vector toward the sun in kino's world frame (Y up, −Z north, +X east). */
  direction: [number, number, number];
  declination: number;
  /** Minutes. */
  equationOfTime: number;
  /** Degrees, negative before solar noon. */
  hourAngle: number;
  julianDay: number;
  /** UTC offset in hours used for the local time. */
  utcOffset: number;
}

function offsetOf(input: { utcOffset?: number; timeZone?: string; date: CalendarDate }, localHours: number): number {
  if (input.utcOffset !== undefined) return input.utcOffset;
  if (input.timeZone) return utcOffsetForZone(input.timeZone, input.date, localHours);
  return 0;
}

function checkLatLon(latitude: number, longitude: number): void {
  const problems = [];
  if (!(latitude >= -90 && latitude <= 90)) problems.push(issue('sun/latitude', `Latitude ${latitude} is outside −90…90.`, { hint: 'North is positive.' }));
  if (!(longitude >= -180 && longitude <= 180)) problems.push(issue('sun/longitude', `Longitude ${longitude} is outside −180…180.`, { hint: 'East is positive; New York is −74.' }));
  if (problems.length) throw new KinoError(problems);
}

/** Unit vector toward a sun at (azimuth, elevation) in kino's world frame. */
export function sunDirection(azimuth: number, elevation: number, northHeadingDeg = 0): [number, number, number] {
  const heading = azimuth + northHeadingDeg;
  const h = cos(elevation);
  const v: [number, number, number] = [h * sin(heading), sin(elevation), -h * cos(heading)];
  return v.map((x) => (Math.abs(x) < 1e-15 ? 0 : x)) as [number, number, number];
}

/** Sun position at a Julian Day (UT) seen from latitude/longitude. */
export function sunPositionAtJulianDay(jd: number, latitude: number, longitude: number, northHeadingDeg = 0): Omit<SunPosition, 'utcOffset'> {
  const { declination, equationOfTime } = solarCoordinates(jd);
  const utcMinutes = mod((jd + 0.5) % 1, 1) * 1440;
  const trueSolarTime = mod(utcMinutes + equationOfTime + 4 * longitude, 1440);
  const hourAngle = trueSolarTime / 4 - 180;
  const zenith = acosD(sin(latitude) * sin(declination) + cos(latitude) * cos(declination) * cos(hourAngle));
  const trueElevation = 90 - zenith;
  // Meeus 13.5 (azimuth from south, westward) + 180°: stable at the zenith and poles, where the
  // spreadsheet's acos form divides by sin(zenith).
  const azimuth = mod(Math.atan2(sin(hourAngle), cos(hourAngle) * sin(latitude) - tan(declination) * cos(latitude)) / RAD + 180, 360);
  const elevation = trueElevation + refraction(trueElevation);
  return { azimuth, elevation, trueElevation, direction: sunDirection(azimuth, elevation, northHeadingDeg), declination, equationOfTime, hourAngle, julianDay: jd };
}

/** Where the sun is at a local date and clock time. */
export function sunPosition(input: SunInput): SunPosition {
  checkLatLon(input.latitude, input.longitude);
  const utcOffset = offsetOf(input, input.localTime);
  const jd = julianDay(input.date) + (input.localTime - utcOffset) / 24;
  return { ...sunPositionAtJulianDay(jd, input.latitude, input.longitude, input.northHeadingDeg ?? 0), utcOffset };
}

// ---------------------------------------------------------------------------------------------
// Rise, set, noon

export interface SunTimesInput {
  latitude: number;
  longitude: number;
  date: CalendarDate;
  utcOffset?: number;
  timeZone?: string;
}

export interface SunTimes {
  /**
   * Local clock hours on `date` (6.25 = 06:15). May fall below 0 or reach 24 and more when the
   * event belongs to the neighbouring local day (e.g. asked in UTC for Sydney). `null` when the
   * sun does not rise or set that day.
   */
  sunrise: number | null;
  sunset: number | null;
  solarNoon: number;
  /** Sun centre at −6° / −12°: civil and nautical twilight boundaries (null if not reached). */
  civilDawn: number | null;
  civilDusk: number | null;
  nauticalDawn: number | null;
  nauticalDusk: number | null;
  /** Hours between sunrise and sunset (24 in polar day, 0 in polar night). */
  dayLength: number;
  /** Set when the sun stays up (`day`) or down (`night`) all day. */
  polar: 'day' | 'night' | null;
  utcOffset: number;
}

/** Local minutes after local midnight of an event at `altitude` (sunrise side when `rising`). */
function eventMinutes(jdMidnight: number, lat: number, lon: number, tz: number, altitude: number | 'noon', rising: boolean): number | null | 'up' | 'down' {
  let minutes = 720 - 4 * lon + tz * 60; // first guess: mean solar noon
  for (let i = 0; i < 5; i++) {
    const { declination, equationOfTime } = solarCoordinates(jdMidnight + minutes / 1440);
    if (altitude === 'noon') {
      minutes = 720 - 4 * lon - equationOfTime + tz * 60;
      continue;
    }
    const c = (cos(90 - altitude) - sin(lat) * sin(declination)) / (cos(lat) * cos(declination));
    if (c > 1) return 'down';
    if (c < -1) return 'up';
    const ha = acosD(c);
    minutes = 720 - 4 * (lon + (rising ? ha : -ha)) - equationOfTime + tz * 60;
  }
  return minutes;
}

/** Sunrise, sunset (upper limb at the horizon with standard refraction: zenith 90.833°), solar noon and twilights. */
export function sunTimes(input: SunTimesInput): SunTimes {
  checkLatLon(input.latitude, input.longitude);
  const tz = offsetOf(input, 12);
  const jdMidnight = julianDay(input.date) - tz / 24;
  const { latitude: lat, longitude: lon } = input;
  const at = (alt: number, rising: boolean) => {
    const m = eventMinutes(jdMidnight, lat, lon, tz, alt, rising);
    return typeof m === 'number' ? m / 60 : null;
  };
  const noon = eventMinutes(jdMidnight, lat, lon, tz, 'noon', true) as number;
  const probe = eventMinutes(jdMidnight, lat, lon, tz, -0.833, true);
  const sunrise = at(-0.833, true);
  const sunset = at(-0.833, false);
  const polar = probe === 'up' ? 'day' : probe === 'down' ? 'night' : null;
  return {
    sunrise,
    sunset,
    solarNoon: noon / 60,
    civilDawn: at(-6, true),
    civilDusk: at(-6, false),
    nauticalDawn: at(-12, true),
    nauticalDusk: at(-12, false),
    dayLength: sunrise !== null && sunset !== null ? sunset - sunrise : polar === 'day' ? 24 : 0,
    polar,
    utcOffset: tz,
  };
}

/** `6.25` → `06:15:00` (wraps into 0–24 h; for logs and reports). */
export function formatClock(hours: number): string {
  const s = Math.round(mod(hours, 24) * 3600) % 86400;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(Math.floor(s / 3600))}:${p(Math.floor(s / 60) % 60)}:${p(s % 60)}`;
}

// ---------------------------------------------------------------------------------------------
// Daylight from elevation

export type SkyPhase = 'day' | 'golden-hour' | 'civil-twilight' | 'nautical-twilight' | 'astronomical-twilight' | 'night';

export interface SkyLight {
  phase: SkyPhase;
  /** Correlated colour temperature of the direct sun (K); meaningful while the sun is up. */
  sunColorTemperatureK: number;
  /** sRGB hex of the sun light colour (brightest channel = ff). */
  sunColor: string;
  /** Direct sun, relative to a clear overhead sun (0…1): 0 once the disc is below the horizon. */
  sunIntensity: number;
  /** sRGB hex colours of the sky dome. */
  zenithColor: string;
  horizonColor: string;
  /** Colour of the sky's ambient (fill) light, brightest channel = ff. */
  ambientColor: string;
  /** Ambient level for a renderer without eye adaptation, 0…1 (see skyForSun). */
  ambientIntensity: number;
  /** Estimated global horizontal illuminance under a clear sky, lux. */
  illuminanceLux: number;
  /** Diffuse sky part of it, lux. */
  skyIlluminanceLux: number;
  /** Whether the night floor is moonlight rather than starlight. */
  moonlit: boolean;
}

export interface SkyOptions {
  /** Night lit by a (full-ish) moon: ambient floor ≈ 0.1 lx and blue; else starlight ≈ 0.001 lx. Default true. */
  moonlight?: boolean;
}

function lerpTable(table: [number, number][], x: number): number {
  if (x <= table[0][0]) return table[0][1];
  for (let i = 1; i < table.length; i++) {
    const [x1, y1] = table[i];
    if (x <= x1) {
      const [x0, y0] = table[i - 1];
      return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
    }
  }
  return table[table.length - 1][1];
}

function hexToLinear(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
}

function linearToHex(rgb: [number, number, number]): string {
  return (
    '#' +
    rgb
      .map((c) => {
        const x = Math.max(0, Math.min(1, c));
        const s = x <= 0.0031308 ? 12.92 * x : 1.055 * x ** (1 / 2.4) - 0.055;
        return Math.round(s * 255)
          .toString(16)
          .padStart(2, '0');
      })
      .join('')
  );
}

function normaliseRgb(rgb: [number, number, number]): [number, number, number] {
  const m = Math.max(...rgb);
  return m > 0 ? (rgb.map((c) => c / m) as [number, number, number]) : [1, 1, 1];
}

/** Colour keyframes interpolated in linear light. */
function lerpColour(table: [number, string][], x: number): string {
  const lin = table.map(([k, h]) => [k, hexToLinear(h)] as const);
  if (x <= lin[0][0]) return table[0][1];
  for (let i = 1; i < lin.length; i++) {
    if (x <= lin[i][0]) {
      const [x0, c0] = lin[i - 1];
      const [x1, c1] = lin[i];
      const f = (x - x0) / (x1 - x0);
      return linearToHex([0, 1, 2].map((j) => c0[j] + (c1[j] - c0[j]) * f) as [number, number, number]);
    }
  }
  return table[table.length - 1][1];
}

/** Linear sRGB of a blackbody at `kelvin`, brightest channel 1 (the Planckian locus from util/color). */
export function kelvinToLinearRgb(kelvin: number): [number, number, number] {
  const [r, g, b] = blackBodyLinear(kelvin);
  return normaliseRgb([Math.max(0, r), Math.max(0, g), Math.max(0, b)]);
}

export function kelvinToHex(kelvin: number): string {
  return linearToHex(kelvinToLinearRgb(kelvin));
}

// Direct-beam CCT against apparent elevation under a clear sky: ~1900 K at the horizon, ~3500 K
// at 5–10°, reaching ~5800 K overhead. Approximate consensus of published measurements; the
// shape (fast rise through the first 15°) matters more to a viewer than the exact kelvins.
const SUN_CCT: [number, number][] = [
  [-1, 1800],
  [0, 1900],
  [1, 2200],
  [3, 2700],
  [5, 3100],
  [10, 3800],
  [15, 4300],
  [20, 4700],
  [30, 5100],
  [45, 5400],
  [60, 5600],
  [90, 5800],
];

// log10 of global horizontal illuminance (lux) under a clear sky against solar elevation, from
// the usual natural-illumination curves (US Naval Observatory/Bond & Henderson tables):
// 3.4 lx at the end of civil twilight (−6°), 0.008 lx at nautical (−12°), ~0.0008 lx starlight.
const LOG_LUX: [number, number][] = [
  [-18, Math.log10(0.0008)],
  [-12, Math.log10(0.008)],
  [-6, Math.log10(3.4)],
  [-3, Math.log10(60)],
  [0, Math.log10(600)],
  [5, Math.log10(4000)],
  [10, Math.log10(10_000)],
  [20, Math.log10(25_000)],
  [30, Math.log10(45_000)],
  [45, Math.log10(70_000)],
  [60, Math.log10(90_000)],
  [90, Math.log10(110_000)],
];

const ZENITH: [number, string][] = [
  [-18, '#04070f'],
  [-12, '#0b1230'],
  [-6, '#1f2d5c'],
  [-3, '#34487e'],
  [0, '#5373aa'],
  [3, '#6a90c6'],
  [10, '#5a8fd8'],
  [30, '#3a78d4'],
  [90, '#2a64c8'],
];

const HORIZON: [number, string][] = [
  [-18, '#06080f'],
  [-12, '#141a38'],
  [-6, '#4a3f6e'],
  [-4, '#8a5a78'],
  [-2, '#d0765c'],
  [0, '#f08a4b'],
  [2, '#f6a85e'],
  [5, '#f0cfa0'],
  [10, '#d8dcd8'],
  [30, '#c2d8ee'],
  [90, '#bcd6f0'],
];

const MOON_LUX = 0.1;
const STAR_LUX = 0.0008;

/** Kasten & Young (1989) relative air mass for an apparent elevation (degrees, ≥ 0). */
export function airMass(elevation: number): number {
  const e = Math.max(0, elevation);
  return 1 / (sin(e) + 0.50572 * (e + 6.07995) ** -1.6364);
}

/** Clear-sky direct beam relative to the overhead sun (Meinel & Meinel 1976: 0.7^(AM^0.678)). */
function beamFraction(elevation: number): number {
  if (elevation <= -0.833) return 0;
  const disc = Math.min(1, (elevation + 0.833) / 1.333); // the disc sinking below the horizon
  return disc * 0.7 ** (airMass(elevation) ** 0.678 - 1);
}

/**
 * Sky and light for a sun at `elevation` (apparent, degrees), clear sky. Pure; assumptions:
 * - Phases by sun-centre elevation: day ≥ 6°, golden hour 0–6°, civil twilight to −6°, nautical
 *   to −12°, astronomical to −18°, then night.
 * - sunIntensity follows the clear-sky beam (Meinel's air-mass model, Kasten–Young air mass),
 *   1 overhead, ≈ 0.45 at 10°, 0 once the disc has set.
 * - ambientIntensity maps the diffuse sky illuminance logarithmically from 0.0005 lx (0) to
 *   25,000 lx (1) and raises it to 2.2, so night reads dark on a display without the eye's
 *   adaptation: ≈ 0.95 at noon, ≈ 0.6 at sunrise, ≈ 0.2 at the end of civil twilight, ≈ 0.07 under
 *   moonlight.
 * - Night is moonlit by default: a blue ambient floor (film convention for moonlight) of 0.1 lx.
 * - All quantities are non-decreasing in elevation, so dawn is always dimmer and warmer than noon.
 */
export function skyForSun(elevation: number, options: SkyOptions = {}): SkyLight {
  const moonlit = options.moonlight ?? true;
  const el = Math.max(-90, Math.min(90, elevation));
  const phase: SkyPhase = el >= 6 ? 'day' : el >= 0 ? 'golden-hour' : el >= -6 ? 'civil-twilight' : el >= -12 ? 'nautical-twilight' : el >= -18 ? 'astronomical-twilight' : 'night';
  const floor = moonlit ? MOON_LUX : STAR_LUX;
  const global = Math.max(floor, 10 ** lerpTable(LOG_LUX, el));
  const beam = beamFraction(el);
  // Direct-normal illuminance of the overhead clear sun ≈ 89,000 lx (110,000 global − ~21,000 sky).
  const directHorizontal = 89_000 * beam * Math.max(0, sin(el));
  const sky = Math.max(floor, global - directHorizontal, 0.2 * global);
  const amb = (Math.log10(sky) - Math.log10(0.0005)) / (Math.log10(25_000) - Math.log10(0.0005));
  const ambientIntensity = Math.max(0, Math.min(1, amb)) ** 2.2;
  const cct = lerpTable(SUN_CCT, el);

  let zenithColor = lerpColour(ZENITH, el);
  let horizonColor = lerpColour(HORIZON, el);
  // Moonlight keeps a faint blue dome once twilight has gone (below −12°).
  const moonBlend = moonlit ? Math.max(0, Math.min(1, (-12 - el) / 6)) : 0;
  const mix = (a: string, b: string, f: number) => linearToHex([0, 1, 2].map((j) => hexToLinear(a)[j] * (1 - f) + hexToLinear(b)[j] * f) as [number, number, number]);
  if (moonBlend > 0) {
    zenithColor = mix(zenithColor, '#0b1430', moonBlend);
    horizonColor = mix(horizonColor, '#152242', moonBlend);
  }
  const z = hexToLinear(zenithColor);
  const h = hexToLinear(horizonColor);
  const ambientColor = linearToHex(normaliseRgb([0, 1, 2].map((j) => (2 * z[j] + h[j]) / 3) as [number, number, number]));
  return {
    phase,
    sunColorTemperatureK: Math.round(cct),
    sunColor: kelvinToHex(cct),
    sunIntensity: beam,
    zenithColor,
    horizonColor,
    ambientColor,
    ambientIntensity,
    illuminanceLux: global,
    skyIlluminanceLux: sky,
    moonlit,
  };
}
