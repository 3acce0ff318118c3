// Lights and lighting rigs → LightPlans. A rig is a named arrangement placed relative to its
// subject's position and facing (azimuth + = the subject's left); every light of a rig can be
// overridden or switched off by role.

import { applyGels, kelvinToLinear, rgbToLinear, type Rgb } from '../util/color';
import { add, DEG, scale, yawDir, type V3 } from './math';
import type { LightPlan } from './schema';

export interface LightInput {
  id: string;
  kind?: LightPlan['kind'];
  position?: V3;
  target?: V3 | string;
  intensity?: number;
  color?: Rgb;
  temperatureK?: number;
  gel?: string | string[];
  angle?: number;
  penumbra?: number;
  size?: [number, number];
  castShadow?: boolean;
  groundColor?: Rgb;
  role?: string;
  enabled?: boolean;
}

const DEFAULT_INTENSITY: Record<LightPlan['kind'], number> = { point: 1, spot: 1, area: 1, directional: 1, sun: 1, hemisphere: 0.3, environment: 0.2 };

/** Final linear colour: temperature (or colour) through gels, white-balanced to the camera. */
export function lightColor(l: Pick<LightInput, 'color' | 'temperatureK' | 'gel'>, whiteBalanceK: number): Rgb {
  let c: Rgb = l.color ? rgbToLinear(l.color) : l.temperatureK ? kelvinToLinear(l.temperatureK, whiteBalanceK) : [1, 1, 1];
  if (l.color && l.temperatureK) {
    const k = kelvinToLinear(l.temperatureK, whiteBalanceK);
    c = [c[0] * k[0], c[1] * k[1], c[2] * k[2]];
  }
  const gels = l.gel === undefined ? [] : Array.isArray(l.gel) ? l.gel : [l.gel];
  return applyGels(c, gels);
}

export function toLightPlan(l: LightInput, whiteBalanceK: number, rig?: string): LightPlan {
  const kind = l.kind ?? 'point';
  const position: V3 = l.position ?? (kind === 'sun' || kind === 'directional' ? [4, 8, 5] : [0, 3, 2]);
  const target: V3 = Array.isArray(l.target) ? (l.target as V3) : [0, 1, 0];
  return {
    id: l.id,
    kind,
    role: l.role,
    position,
    target,
    targetSubject: typeof l.target === 'string' ? l.target : undefined,
    color: lightColor(l, whiteBalanceK),
    intensity: l.intensity ?? DEFAULT_INTENSITY[kind],
    angle: l.angle ?? 35,
    penumbra: l.penumbra ?? 0.4,
    size: l.size ?? [1, 1],
    castShadow: l.castShadow ?? (kind === 'spot' || kind === 'directional' || kind === 'sun'),
    groundColor: l.groundColor ? rgbToLinear(l.groundColor) : [0.18, 0.16, 0.14],
    rig,
    tracks: [],
  };
}

interface RigLight {
  role: string;
  kind: LightPlan['kind'];
  /** Azimuth from the subject's facing, degrees; multiplied by the key side (+1 = subject's left). */
  az: number;
  el: number;
  r: number;
  i: number;
  angle?: number;
  penumbra?: number;
  size?: [number, number];
  /** Aim offset from the subject (e.g. a background light aims behind them). */
  aimBehind?: number;
  gel?: string;
}

/** Preset layouts, from the lighting textbooks' diagrams (key side +1 = the subject's left). */
export const RIG_PRESETS: Record<string, { lights: RigLight[]; ambient: number }> = {
  'three-point': {
    ambient: 0.22,
    lights: [
      { role: 'key', kind: 'spot', az: 45, el: 32, r: 2.8, i: 1, angle: 32, penumbra: 0.6 },
      { role: 'fill', kind: 'area', az: -40, el: 10, r: 2.4, i: 0.38, size: [1.2, 1.2] },
      { role: 'back', kind: 'spot', az: -150, el: 45, r: 2.6, i: 0.8, angle: 25, penumbra: 0.5 },
    ],
  },
  rembrandt: {
    ambient: 0.12,
    lights: [
      { role: 'key', kind: 'spot', az: 55, el: 42, r: 2.6, i: 1.05, angle: 28, penumbra: 0.55 },
      { role: 'fill', kind: 'area', az: -40, el: 5, r: 2.6, i: 0.16, size: [1, 1] },
      { role: 'back', kind: 'spot', az: -150, el: 45, r: 2.6, i: 0.5, angle: 25, penumbra: 0.5 },
    ],
  },
  loop: {
    ambient: 0.18,
    lights: [
      { role: 'key', kind: 'spot', az: 35, el: 30, r: 2.7, i: 1, angle: 30, penumbra: 0.6 },
      { role: 'fill', kind: 'area', az: -35, el: 8, r: 2.5, i: 0.33, size: [1.2, 1.2] },
      { role: 'back', kind: 'spot', az: -150, el: 45, r: 2.6, i: 0.6, angle: 25, penumbra: 0.5 },
    ],
  },
  butterfly: {
    ambient: 0.2,
    lights: [
      { role: 'key', kind: 'spot', az: 0, el: 45, r: 2.4, i: 1, angle: 30, penumbra: 0.6 },
      { role: 'fill', kind: 'area', az: 0, el: -15, r: 1.6, i: 0.3, size: [1, 0.6] },
      { role: 'back', kind: 'spot', az: 180, el: 45, r: 2.6, i: 0.6, angle: 25, penumbra: 0.5 },
    ],
  },
  split: {
    ambient: 0.07,
    lights: [
      { role: 'key', kind: 'spot', az: 90, el: 8, r: 2.5, i: 1.05, angle: 30, penumbra: 0.5 },
      { role: 'back', kind: 'spot', az: -150, el: 40, r: 2.6, i: 0.4, angle: 25, penumbra: 0.5 },
    ],
  },
  noir: {
    ambient: 0.035,
    lights: [
      { role: 'key', kind: 'spot', az: 60, el: 50, r: 3, i: 1.35, angle: 17, penumbra: 0.12 },
      { role: 'rim', kind: 'spot', az: -140, el: 25, r: 2.8, i: 1.1, angle: 20, penumbra: 0.2, gel: 'steel-blue' },
      { role: 'background', kind: 'spot', az: -70, el: 30, r: 3.5, i: 0.75, angle: 12, penumbra: 0.1, aimBehind: 2.5 },
    ],
  },
  'high-key': {
    ambient: 0.6,
    lights: [
      { role: 'key', kind: 'area', az: 30, el: 25, r: 2.6, i: 1, size: [1.5, 1.5] },
      { role: 'fill', kind: 'area', az: -30, el: 15, r: 2.6, i: 0.8, size: [1.5, 1.5] },
      { role: 'back', kind: 'spot', az: -150, el: 45, r: 2.6, i: 0.6, angle: 30, penumbra: 0.6 },
      { role: 'background', kind: 'point', az: 180, el: 10, r: 3, i: 0.9, aimBehind: 3 },
    ],
  },
  'low-key': {
    ambient: 0.04,
    lights: [
      { role: 'key', kind: 'spot', az: 60, el: 40, r: 2.8, i: 1.05, angle: 24, penumbra: 0.35 },
      { role: 'fill', kind: 'area', az: -40, el: 8, r: 2.6, i: 0.08, size: [1, 1] },
      { role: 'back', kind: 'spot', az: -150, el: 45, r: 2.6, i: 0.7, angle: 25, penumbra: 0.4 },
    ],
  },
};

const EXTRA_ROLES: Record<string, RigLight> = {
  key: { role: 'key', kind: 'spot', az: 45, el: 32, r: 2.8, i: 1, angle: 30, penumbra: 0.6 },
  fill: { role: 'fill', kind: 'area', az: -40, el: 10, r: 2.4, i: 0.35, size: [1.2, 1.2] },
  back: { role: 'back', kind: 'spot', az: -150, el: 45, r: 2.6, i: 0.6, angle: 25, penumbra: 0.5 },
  rim: { role: 'rim', kind: 'spot', az: -110, el: 20, r: 2.6, i: 0.6, angle: 22, penumbra: 0.4 },
  kicker: { role: 'kicker', kind: 'spot', az: -120, el: 10, r: 2.4, i: 0.5, angle: 22, penumbra: 0.5 },
  background: { role: 'background', kind: 'point', az: 180, el: 15, r: 3, i: 0.5, aimBehind: 2.5 },
};

export interface RigInput {
  id: string;
  preset: string;
  /** Subject eyes (or a point) and facing. */
  subject: V3;
  facing: number;
  keySide: 'left' | 'right';
  intensity: number;
  temperatureK?: number;
  color?: Rgb;
  overrides: Record<string, (Partial<LightInput> & { enabled?: boolean }) | undefined>;
}

export function expandRig(r: RigInput, whiteBalanceK: number): LightPlan[] {
  const preset = RIG_PRESETS[r.preset];
  const side = r.keySide === 'left' ? 1 : -1;
  const roles = [...preset.lights];
  for (const role of Object.keys(r.overrides)) if (r.overrides[role] && !roles.some((l) => l.role === role)) roles.push(EXTRA_ROLES[role]);
  const out: LightPlan[] = [];
  for (const l of roles) {
    const o = r.overrides[l.role];
    if (o?.enabled === false) continue;
    const az = (r.facing + l.az * side) * DEG;
    const el = l.el * DEG;
    const pos: V3 = [r.subject[0] + Math.sin(az) * Math.cos(el) * l.r, Math.max(0.2, r.subject[1] + Math.sin(el) * l.r), r.subject[2] + Math.cos(az) * Math.cos(el) * l.r];
    const aim: V3 = l.aimBehind ? add(r.subject, scale(yawDir(r.facing), -l.aimBehind)) : r.subject;
    const base: LightInput = {
      id: `${r.id}.${l.role}`,
      kind: l.kind,
      role: l.role,
      position: pos,
      target: aim,
      intensity: l.i * r.intensity,
      color: r.color,
      temperatureK: r.temperatureK,
      gel: l.gel,
      angle: l.angle,
      penumbra: l.penumbra,
      size: l.size,
      castShadow: l.role === 'key' || l.role === 'back' || l.role === 'rim',
    };
    const merged: LightInput = { ...base, ...Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) } as LightInput;
    merged.id = base.id;
    out.push(toLightPlan(merged, whiteBalanceK, r.id));
  }
  out.push(
    toLightPlan(
      { id: `${r.id}.ambient`, kind: 'hemisphere', role: 'ambient', intensity: preset.ambient * r.intensity, color: r.color, temperatureK: r.temperatureK, position: [0, 10, 0], target: [0, 0, 0] },
      whiteBalanceK,
      r.id,
    ),
  );
  return out;
}
