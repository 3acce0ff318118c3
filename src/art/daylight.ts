// Natural light for a scene from its location's sun and sky: the sun (or the moon) as a
// directional light, the sky as a hemisphere fill and as the backdrop, the ambient level; and for
// interiors, daylight through each window — a spot from the sun's direction aimed through the
// opening (its patch on the floor moves with the time of day), a soft sky fill from the opening,
// and moonlight at night.
//
// Units: plan light intensities (1 ≈ a normal key at 2–3 m). The scale factors below were set by
// rendering a grey card outdoors at noon (sun ≈ 1.45, sky fill ≈ 0.45, like the hand-lit
// exteriors in the demo film) and follow skyForSun's relative sun and ambient levels from there,
// so dawn is dimmer, warmer and lit from the side, and night is a dark, blue moonlit floor.

import { parseHexColor } from '../doc/values';
import { toLightPlan } from '../plan/lights';
import type { LightPlan, ScenePlan, SetPlan, WallPlan } from '../plan/schema';
import { rgbToLinear, type Rgb } from '../util/color';
import { sunDirection, type SkyLight, type SunPosition } from './sun';

type V3 = [number, number, number];
type Backdrop = ScenePlan['backdrop'];

export type Weather = 'clear' | 'overcast' | 'rain' | 'fog';

/** How weather scales the clear-sky light: direct sun, sky fill, and how grey the sky turns. */
const WEATHER: Record<Weather, { sun: number; sky: number; grey: number }> = {
  clear: { sun: 1, sky: 1, grey: 0 },
  overcast: { sun: 0.12, sky: 0.85, grey: 0.75 },
  rain: { sun: 0.06, sky: 0.6, grey: 0.85 },
  fog: { sun: 0.25, sky: 0.9, grey: 0.9 },
};

export const SUN_SCALE = 1.45;
export const SKY_SCALE = 0.45;
const MOON_INTENSITY = 0.22;

export interface DaylightInput {
  setting: 'INT' | 'EXT' | 'INT/EXT';
  sun: SunPosition;
  sky: SkyLight;
  /** Set heading of true north (sun.ts convention), for the moon's direction. */
  northHeadingDeg: number;
  weather: Weather;
  sets: SetPlan[];
  /** Point the sun's shadow frustum centres on. */
  focus: V3;
  whiteBalanceK: number;
  /** Whether the scene has a lamp or light of its own (interiors at night add one if not). */
  hasPracticals: boolean;
}

export interface Daylight {
  lights: LightPlan[];
  backdrop: Backdrop;
  /** 0–1 sky fill level used (for the report). */
  ambient: number;
  /** Windows the sun shines through (ids). */
  sunlitWindows: string[];
}

// Light colours go to toLightPlan in sRGB (it linearises them); the backdrop takes linear RGB.
const srgb = (h: string): Rgb => parseHexColor(h)!;
const mix = (a: Rgb, b: Rgb, t: number): Rgb => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
const normMax = (c: Rgb): Rgb => {
  const m = Math.max(c[0], c[1], c[2]);
  return m > 0 ? [c[0] / m, c[1] / m, c[2] / m] : [1, 1, 1];
};
const grey = (c: Rgb): Rgb => {
  const y = 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  return [y, y, y];
};

/** The windows of a set with the direction into the room (toward the middle of the set). */
export function windowsOf(sets: SetPlan[]): Array<{ id: string; wall: WallPlan; center: V3; inward: [number, number]; width: number; height: number }> {
  const out: Array<{ id: string; wall: WallPlan; center: V3; inward: [number, number]; width: number; height: number }> = [];
  for (const s of sets) {
    if (!s.walls.length) continue;
    const mids = s.walls.map((w) => [(w.from[0] + w.to[0]) / 2, (w.from[1] + w.to[1]) / 2]);
    const cx = s.floor ? (s.floor.min[0] + s.floor.max[0]) / 2 : mids.reduce((a, m) => a + m[0], 0) / mids.length;
    const cz = s.floor ? (s.floor.min[1] + s.floor.max[1]) / 2 : mids.reduce((a, m) => a + m[1], 0) / mids.length;
    for (const w of s.walls) {
      const dx = w.to[0] - w.from[0];
      const dz = w.to[1] - w.from[1];
      const L = Math.hypot(dx, dz);
      if (L < 1e-6) continue;
      let n: [number, number] = [-dz / L, dx / L];
      const mx = (w.from[0] + w.to[0]) / 2;
      const mz = (w.from[1] + w.to[1]) / 2;
      if ((cx - mx) * n[0] + (cz - mz) * n[1] < 0) n = [-n[0], -n[1]];
      for (const o of w.openings) {
        if (o.kind !== 'window') continue;
        const u = o.at / L;
        out.push({ id: o.id, wall: w, center: [w.from[0] + dx * u, o.sill + o.height / 2, w.from[1] + dz * u], inward: n, width: o.width, height: o.height });
      }
    }
  }
  return out;
}

export function daylight(input: DaylightInput): Daylight {
  const { sun, sky, weather, whiteBalanceK: wb } = input;
  const wx = WEATHER[weather];
  const lights: LightPlan[] = [];
  const sunUp = sky.sunIntensity > 0;
  const night = sun.elevation < -6;
  const dir = sun.direction;
  const focus = input.focus;
  const at = (d: V3, r: number): V3 => [focus[0] + d[0] * r, focus[1] + d[1] * r, focus[2] + d[2] * r];

  // Sky colours, greyed by cloud.
  let zenith = srgb(sky.zenithColor);
  let horizon = srgb(sky.horizonColor);
  if (wx.grey > 0) {
    zenith = mix(zenith, grey(zenith), wx.grey);
    horizon = mix(horizon, grey(horizon), wx.grey);
  }
  // The sky's fill, half desaturated: a dome is never as saturated as its deepest blue (or twilight pink).
  const ambientColor = normMax(mix(srgb(sky.ambientColor), grey(srgb(sky.ambientColor)), 0.5 + 0.5 * wx.grey));
  const ambient = sky.ambientIntensity * wx.sky;
  // The sun by its colour temperature, seen by a camera balanced for daylight: warm at dawn.
  const sunK = sky.sunColorTemperatureK;
  // The moon sits roughly opposite the sun, high enough to model faces.
  const moonDir = sunDirection((sun.azimuth + 180) % 360, 38, input.northHeadingDeg) as V3;
  const moonColor: Rgb = [0.75, 0.84, 1];
  // Twilight: no disc, but the sky is brightest (and warm) toward where the sun is.
  const glow = !sunUp && sun.elevation > -8 ? Math.max(0, 1 - (-sun.elevation) / 8) : 0;
  const glowDir = sunDirection(sun.azimuth, 6, input.northHeadingDeg) as V3;

  const exterior = input.setting !== 'INT';
  const interior = input.setting !== 'EXT';
  const sunlitWindows: string[] = [];
  if (exterior) {
    if (sunUp) {
      lights.push(toLightPlan({ id: 'location.sun', kind: 'sun', role: 'key', position: at(dir, 40), target: focus, temperatureK: sunK, intensity: round(SUN_SCALE * sky.sunIntensity * wx.sun), castShadow: true }, wb));
    } else if (glow > 0) {
      lights.push(toLightPlan({ id: 'location.skyglow', kind: 'directional', role: 'key', position: at(glowDir, 40), target: focus, color: normMax(horizon), intensity: round(0.9 * glow * wx.sky), castShadow: false }, wb));
    }
    if (night && sky.moonlit) {
      lights.push(toLightPlan({ id: 'location.moon', kind: 'directional', role: 'key', position: at(moonDir, 40), target: focus, color: moonColor, intensity: round(MOON_INTENSITY * wx.sky), castShadow: true }, wb));
    }
    lights.push(toLightPlan({ id: 'location.sky', kind: 'hemisphere', role: 'ambient', color: ambientColor, groundColor: undefined, intensity: round(0.04 + SKY_SCALE * ambient) }, wb));
  }
  if (interior && !exterior) {
    // Through each window (largest first; four at most keep the light count sane).
    const wins = windowsOf(input.sets).sort((a, b) => b.width * b.height - a.width * a.height).slice(0, 4);
    let area = 0;
    for (const w of wins) {
      area += w.width * w.height;
      const out: V3 = [-w.inward[0], 0, -w.inward[1]];
      const facing = dir[0] * out[0] + dir[2] * out[2];
      const diag = Math.hypot(w.width, w.height) / 2;
      if (sunUp && sun.elevation > 1 && facing > 0.05) {
        // A spot outside, on the sun's line through the window, aimed along the sunbeam.
        const dist = 5;
        const pos: V3 = [w.center[0] + dir[0] * dist, w.center[1] + dir[1] * dist, w.center[2] + dir[2] * dist];
        const tgt: V3 = [w.center[0] - dir[0] * 2, w.center[1] - dir[1] * 2, w.center[2] - dir[2] * 2];
        const angle = (Math.atan(diag / dist) * 180) / Math.PI * 1.25;
        lights.push(toLightPlan({ id: `location.sun.${w.id}`, kind: 'spot', role: 'key', position: pos, target: tgt, temperatureK: sunK, intensity: round(4.5 * sky.sunIntensity * wx.sun), angle, penumbra: 0.15, castShadow: true }, wb));
        sunlitWindows.push(w.id);
      }
      if (night && sky.moonlit) {
        const dist = 5;
        const md: V3 = [moonDir[0], Math.max(0.35, moonDir[1]), moonDir[2]];
        const facingMoon = md[0] * out[0] + md[2] * out[2];
        const m: V3 = facingMoon > 0 ? md : [out[0] * 0.8, 0.6, out[2] * 0.8];
        lights.push(toLightPlan({ id: `location.moon.${w.id}`, kind: 'spot', role: 'key', position: [w.center[0] + m[0] * dist, w.center[1] + m[1] * dist, w.center[2] + m[2] * dist], target: [w.center[0] - m[0] * 2, w.center[1] - m[1] * 2, w.center[2] - m[2] * 2], color: moonColor, intensity: round(0.9 * wx.sky), angle: (Math.atan(diag / dist) * 180) / Math.PI * 1.4, penumbra: 0.4, castShadow: false }, wb));
      }
      // The sky seen through the opening: a broad soft fill from the window into the room.
      const skyLevel = Math.max(ambient, glow * 0.3);
      if (skyLevel > 0.01) {
        const p: V3 = [w.center[0] + out[0] * 0.3, w.center[1] + 0.2, w.center[2] + out[2] * 0.3];
        const t: V3 = [w.center[0] - out[0] * 3, 0.3, w.center[2] - out[2] * 3];
        lights.push(toLightPlan({ id: `location.skyfill.${w.id}`, kind: 'spot', role: 'fill', position: p, target: t, color: ambientColor, intensity: round(1.6 * skyLevel * Math.min(1.5, w.width * w.height)), angle: 70, penumbra: 1, castShadow: false }, wb));
      }
    }
    // Light bounced around the room: more windows, brighter room.
    const floor = input.sets.reduce((a, s) => a + (s.floor ? (s.floor.max[0] - s.floor.min[0]) * (s.floor.max[1] - s.floor.min[1]) : 0), 0) || 20;
    const openness = Math.min(1, Math.max(0.25, (area / floor) * 5));
    lights.push(toLightPlan({ id: 'location.bounce', kind: 'hemisphere', role: 'ambient', color: ambientColor, intensity: round(0.05 + 0.35 * ambient * openness) }, wb));
    if (night && !input.hasPracticals) {
      // Nobody sits in the dark: a ceiling practical, tungsten.
      const s = input.sets.find((x) => x.floor);
      const top = s?.ceiling ? s.ceiling.height - 0.3 : 2.4;
      const c: V3 = s?.floor ? [(s.floor.min[0] + s.floor.max[0]) / 2, top, (s.floor.min[1] + s.floor.max[1]) / 2] : [0, 2.4, 0];
      lights.push(toLightPlan({ id: 'location.practical', kind: 'point', role: 'practical', position: c, intensity: 0.55, temperatureK: 2900, castShadow: false }, wb));
    }
  } else if (interior && exterior) {
    // INT/EXT (a car, a porch): the exterior light above covers both.
  }

  const backdrop: Backdrop = { kind: 'sky', colors: [rgbToLinear(zenith), rgbToLinear(horizon)], sunElevation: sun.elevation };
  return { lights, backdrop, ambient: round(ambient), sunlitWindows };
}

const round = (v: number) => Math.round(v * 1e4) / 1e4;
