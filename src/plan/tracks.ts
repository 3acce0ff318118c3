// Keyframe tracks: any animatable property as data. Values are normalised by the plan (colours to
// linear RGB, positions to [x, y, z]) so evaluation is only interpolation.

import { ease, searchLast } from './math';
import type { TrackPlan } from './schema';

function mix(a: unknown, b: unknown, u: number): unknown {
  if (typeof a === 'number' && typeof b === 'number') return a + (b - a) * u;
  if (Array.isArray(a) && Array.isArray(b)) return a.map((x, i) => (x as number) + (((b[i] as number) ?? (x as number)) - (x as number)) * u);
  return u < 1 ? a : b;
}

function catmull(p0: number, p1: number, p2: number, p3: number, u: number): number {
  const u2 = u * u;
  const u3 = u2 * u;
  return 0.5 * (2 * p1 + (-p0 + p2) * u + (2 * p0 - 5 * p1 + 4 * p2 - p3) * u2 + (-p0 + 3 * p1 - 3 * p2 + p3) * u3);
}

function smooth(a0: unknown, a: unknown, b: unknown, b1: unknown, u: number): unknown {
  if (typeof a === 'number') return catmull(a0 as number, a, b as number, b1 as number, u);
  if (Array.isArray(a)) return a.map((x, i) => catmull((a0 as number[])[i], x as number, (b as number[])[i], (b1 as number[])[i], u));
  return mix(a, b, u);
}

export function evaluateTrack(track: TrackPlan, t: number): unknown {
  const keys = track.keys;
  if (!keys.length) return undefined;
  const i = searchLast(keys, t, (k) => k.t);
  if (i < 0) return keys[0].value;
  if (i >= keys.length - 1) return keys[keys.length - 1].value;
  const k = keys[i];
  const n = keys[i + 1];
  if (track.interpolation === 'step') return k.value;
  const span = n.t - k.t;
  const raw = span > 0 ? (t - k.t) / span : 1;
  const u = ease(k.easing ?? 'linear', raw);
  if (track.interpolation === 'smooth') {
    const prev = keys[Math.max(0, i - 1)].value;
    const next = keys[Math.min(keys.length - 1, i + 2)].value;
    return smooth(prev, k.value, n.value, next, u);
  }
  return mix(k.value, n.value, u);
}

/** Applies every track targeting `id` onto a copy of `base` at time t. */
export function applyTracks<T extends object>(base: T, tracks: readonly TrackPlan[], id: string, t: number): T {
  let out: T | undefined;
  for (const tr of tracks) {
    if (tr.target !== id) continue;
    const v = evaluateTrack(tr, t);
    if (v === undefined) continue;
    out ??= { ...base };
    (out as Record<string, unknown>)[tr.property] = v;
  }
  return out ?? base;
}
