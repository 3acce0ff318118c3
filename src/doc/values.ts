// Value types shared by every component's props: times, lengths, angles, colours, vectors.
// Each is a zod schema that accepts what a filmmaker writes ("3s", "72f", "00:00:03:00",
// "50mm", "#ffcc88", "3200K") and normalises it, so the rest of kino sees one form.

import { z } from 'zod';

// ---------------------------------------------------------------------------------------------
// Numbers and vectors

export const Finite = z.number().refine(Number.isFinite, { message: 'must be a finite number' });

export const Vec3 = z.tuple([Finite, Finite, Finite], { error: 'expected a position [x, y, z] in metres' });
export type Vec3 = z.infer<typeof Vec3>;

export const Vec2 = z.tuple([Finite, Finite], { error: 'expected a point [x, z] in metres' });
export type Vec2 = z.infer<typeof Vec2>;

/** A length in metres: a number, or a string with a unit ("2m", "30cm", "6ft"). */
export const Metres = z.union([Finite, z.string()]).transform((v, ctx) => {
  if (typeof v === 'number') return v;
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*(m|cm|mm|ft|in)?\s*$/.exec(v);
  if (!m) {
    ctx.addIssue({ code: 'custom', message: `"${v}" is not a length; write metres as a number or "2m", "30cm", "6ft"` });
    return z.NEVER;
  }
  const n = Number(m[1]);
  const unit = m[2] ?? 'm';
  return n * { m: 1, cm: 0.01, mm: 0.001, ft: 0.3048, in: 0.0254 }[unit]!;
});

/** A focal length in millimetres: 50 or "50mm". */
export const Millimetres = z.union([Finite, z.string()]).transform((v, ctx) => {
  const n = typeof v === 'number' ? v : /^\s*(\d+(?:\.\d+)?)\s*(mm)?\s*$/.exec(v)?.[1];
  const num = n === undefined ? NaN : Number(n);
  if (!Number.isFinite(num) || num <= 0) {
    ctx.addIssue({ code: 'custom', message: `expected a focal length in millimetres such as 50 or "50mm"; got ${JSON.stringify(v)}` });
    return z.NEVER;
  }
  return num;
});

/** An angle in degrees: 30 or "30deg" or "0.5rad". */
export const Degrees = z.union([Finite, z.string()]).transform((v, ctx) => {
  if (typeof v === 'number') return v;
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*(deg|°|rad)?\s*$/.exec(v);
  if (!m) {
    ctx.addIssue({ code: 'custom', message: `"${v}" is not an angle; write degrees as a number or "30deg"` });
    return z.NEVER;
  }
  return m[2] === 'rad' ? (Number(m[1]) * 180) / Math.PI : Number(m[1]);
});

// ---------------------------------------------------------------------------------------------
// Time. Durations and instants stay symbolic until the timing pass knows the film's fps.

export type TimeValue =
  | { unit: 's'; value: number }
  | { unit: 'f'; value: number }
  | { unit: 'tc'; h: number; m: number; s: number; f: number; drop: boolean };

const TIME_RE = /^\s*(-?\d+(?:\.\d+)?)\s*(s|sec|ms|f|fr|frames?|m|min)\s*$/;
const TC_RE = /^\s*(\d{1,2}):(\d{2}):(\d{2})([:;.])(\d{2,3})\s*$/;

export function parseTimeString(v: string): TimeValue | undefined {
  const tc = TC_RE.exec(v);
  if (tc) return { unit: 'tc', h: +tc[1], m: +tc[2], s: +tc[3], f: +tc[5], drop: tc[4] === ';' };
  const m = TIME_RE.exec(v);
  if (!m) {
    // "1m30s" and "1:30" (minutes:seconds) are how editors write short durations.
    const ms = /^\s*(\d+)m\s*(\d+(?:\.\d+)?)s\s*$/.exec(v) ?? /^\s*(\d+):(\d{2}(?:\.\d+)?)\s*$/.exec(v);
    if (ms) return { unit: 's', value: Number(ms[1]) * 60 + Number(ms[2]) };
    return undefined;
  }
  const n = Number(m[1]);
  switch (m[2]) {
    case 'ms':
      return { unit: 's', value: n / 1000 };
    case 'm':
    case 'min':
      return { unit: 's', value: n * 60 };
    case 'f':
    case 'fr':
    case 'frame':
    case 'frames':
      return { unit: 'f', value: n };
    default:
      return { unit: 's', value: n };
  }
}

const timeMessage = 'expected a time such as 3 (seconds), "3s", "500ms", "72f" or a timecode "00:00:03:00"';

/** A duration: non-negative. Numbers are seconds. */
export const Duration = z.union([Finite, z.string()]).transform((v, ctx): TimeValue => {
  const t = typeof v === 'number' ? ({ unit: 's', value: v } as TimeValue) : parseTimeString(v);
  if (!t) {
    ctx.addIssue({ code: 'custom', message: `${timeMessage}; got ${JSON.stringify(v)}` });
    return z.NEVER;
  }
  if (t.unit !== 'tc' && t.value < 0) {
    ctx.addIssue({ code: 'custom', message: `a duration cannot be negative; got ${JSON.stringify(v)}` });
    return z.NEVER;
  }
  return t;
});

/** Converts a time value to seconds at the film's frame rate. */
export function timeToSeconds(t: TimeValue, fps: number): number {
  switch (t.unit) {
    case 's':
      return t.value;
    case 'f':
      return t.value / fps;
    case 'tc': {
      const nominal = Math.round(fps);
      let frames = ((t.h * 60 + t.m) * 60 + t.s) * nominal + t.f;
      if (t.drop) {
        // SMPTE drop-frame: labels ;00 and ;01 (two per 30 nominal) skipped each minute except every tenth.
        const dropPerMin = Math.round(nominal / 15);
        const totalMinutes = t.h * 60 + t.m;
        frames -= dropPerMin * (totalMinutes - Math.floor(totalMinutes / 10));
      }
      return frames / fps;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Anchors: when a cue starts. "2s" (absolute scene time), "after:l1", "after:l1+0.5s",
// "with:l1", "end:l1-1s", or { after: "l1", offset: "0.5s" }.

export type Anchor =
  | { kind: 'time'; time: TimeValue }
  | { kind: 'after' | 'with' | 'end'; ref: string; offset: TimeValue };

const ZERO = { unit: 's', value: 0 } as TimeValue;

function parseAnchorString(v: string): Anchor | undefined {
  const m = /^\s*(after|with|end|start)\s*:\s*(.+?)\s*$/.exec(v);
  if (m) {
    const kind = m[1] === 'start' ? 'with' : (m[1] as 'after' | 'with' | 'end');
    const body = m[2];
    // Ids may contain "-" ("maya-cu"), so the offset is the last "+"/"-" followed by a time.
    for (let i = body.length - 1; i > 0; i--) {
      const ch = body[i];
      if (ch !== '+' && ch !== '-') continue;
      const t = parseTimeString(body.slice(i + 1));
      const ref = body.slice(0, i).trim();
      if (t && t.unit !== 'tc' && /^[A-Za-z0-9_.\-/#]+$/.test(ref)) {
        return { kind, ref, offset: { ...t, value: ch === '-' ? -t.value : t.value } as TimeValue };
      }
    }
    return /^[A-Za-z0-9_.\-/#]+$/.test(body) ? { kind, ref: body, offset: ZERO } : undefined;
  }
  const t = parseTimeString(v);
  return t ? { kind: 'time', time: t } : undefined;
}

export const AnchorSchema = z
  .union([
    Finite,
    z.string(),
    z.object({
      after: z.string().optional(),
      with: z.string().optional(),
      end: z.string().optional(),
      offset: z.union([Finite, z.string()]).optional(),
    }),
  ])
  .transform((v, ctx): Anchor => {
    if (typeof v === 'number') {
      if (v < 0) ctx.addIssue({ code: 'custom', message: 'a cue cannot start before the scene starts (negative time)' });
      return { kind: 'time', time: { unit: 's', value: v } };
    }
    if (typeof v === 'string') {
      const a = parseAnchorString(v);
      if (!a) {
        ctx.addIssue({ code: 'custom', message: `expected a time ("2s") or an anchor ("after:lineId", "after:lineId+0.5s", "with:lineId"); got ${JSON.stringify(v)}` });
        return z.NEVER;
      }
      return a;
    }
    const keys = (['after', 'with', 'end'] as const).filter((k) => v[k] !== undefined);
    if (keys.length !== 1) {
      ctx.addIssue({ code: 'custom', message: 'an anchor object needs exactly one of after, with or end' });
      return z.NEVER;
    }
    let offset: TimeValue = ZERO;
    if (v.offset !== undefined) {
      const t = typeof v.offset === 'number' ? ({ unit: 's', value: v.offset } as TimeValue) : parseTimeString(v.offset);
      if (!t || t.unit === 'tc') {
        ctx.addIssue({ code: 'custom', message: `anchor offset ${JSON.stringify(v.offset)} is not a time` });
        return z.NEVER;
      }
      offset = t;
    }
    return { kind: keys[0], ref: v[keys[0]]!, offset };
  });

// ---------------------------------------------------------------------------------------------
// Frame rate and resolution

export interface Rational {
  num: number;
  den: number;
}

const NTSC: Record<string, Rational> = {
  '23.976': { num: 24000, den: 1001 },
  '23.98': { num: 24000, den: 1001 },
  '29.97': { num: 30000, den: 1001 },
  '47.952': { num: 48000, den: 1001 },
  '59.94': { num: 60000, den: 1001 },
};

export const FrameRate = z.union([Finite, z.string(), z.object({ num: z.number().int(), den: z.number().int() })]).transform((v, ctx): Rational => {
  let r: Rational | undefined;
  if (typeof v === 'number') r = NTSC[String(v)] ?? (Number.isInteger(v) ? { num: v, den: 1 } : { num: Math.round(v * 1000), den: 1000 });
  else if (typeof v === 'string') {
    const frac = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(v);
    if (frac) r = { num: +frac[1], den: +frac[2] };
    else if (NTSC[v.trim()]) r = NTSC[v.trim()];
    else if (/^\s*\d+(\.\d+)?\s*(fps)?\s*$/.test(v)) {
      const n = parseFloat(v);
      r = NTSC[String(n)] ?? (Number.isInteger(n) ? { num: n, den: 1 } : undefined);
    }
  } else r = v;
  if (!r || !(r.num > 0) || !(r.den > 0) || r.num / r.den > 240 || r.num / r.den < 1) {
    ctx.addIssue({ code: 'custom', message: `expected a frame rate such as 24, 25, 30, "24000/1001" or 23.976; got ${JSON.stringify(v)}` });
    return z.NEVER;
  }
  return r;
});

const NAMED_RES: Record<string, [number, number]> = {
  '360p': [640, 360],
  '480p': [854, 480],
  '540p': [960, 540],
  '720p': [1280, 720],
  '1080p': [1920, 1080],
  hd: [1920, 1080],
  '2k': [2048, 1080],
  dci2k: [2048, 1080],
  '1440p': [2560, 1440],
  uhd: [3840, 2160],
  '4k': [3840, 2160],
  dci4k: [4096, 2160],
};

export const Resolution = z.union([z.tuple([z.number().int(), z.number().int()]), z.string()]).transform((v, ctx): [number, number] => {
  let r: [number, number] | undefined;
  if (Array.isArray(v)) r = v;
  else {
    const m = /^\s*(\d+)\s*[x×]\s*(\d+)\s*$/.exec(v);
    r = m ? [+m[1], +m[2]] : NAMED_RES[v.trim().toLowerCase()];
  }
  if (!r || r[0] < 16 || r[1] < 16 || r[0] > 8192 || r[1] > 8192) {
    ctx.addIssue({ code: 'custom', message: `expected a resolution such as "1920x1080", "720p" or [1280, 720] (16–8192 px); got ${JSON.stringify(v)}` });
    return z.NEVER;
  }
  if (r[0] % 2 || r[1] % 2) {
    ctx.addIssue({ code: 'custom', message: `video encoders need even dimensions; got ${r[0]}×${r[1]}` });
    return z.NEVER;
  }
  return r;
});

// ---------------------------------------------------------------------------------------------
// Colour. Normalised to linear-light RGB in 0..1 for lighting maths, keeping the source string.

/** A few names filmmakers and CSS both use; anything else is written as hex. */
export const NAMED_COLORS: Record<string, string> = {
  black: '#000000', white: '#ffffff', grey: '#808080', gray: '#808080', red: '#c0392b', green: '#2e8b57',
  blue: '#2c5aa0', navy: '#1b2a49', yellow: '#f1c40f', orange: '#e67e22', brown: '#6b4423', tan: '#c8a97e',
  beige: '#d9c8a9', cream: '#f3ead3', maroon: '#6d1a1a', burgundy: '#5c1526', olive: '#6b6b2a', teal: '#1f7a7a',
  purple: '#5b3a7a', pink: '#e8a0b4', charcoal: '#333840', khaki: '#b5a672', denim: '#3b5b87', silver: '#b8bcc2',
  gold: '#c9a227', ivory: '#f6f1e1', forest: '#254d32', sky: '#87b5e0', crimson: '#a0162e', slate: '#5a6673',
  blonde: '#d8b46a', auburn: '#8a3b1e', chestnut: '#5a3220', 'dark-brown': '#3b2416', 'light-brown': '#8a6642',
};

export function parseHexColor(s: string): [number, number, number] | undefined {
  const hex = NAMED_COLORS[s.trim().toLowerCase()] ?? s.trim();
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex);
  if (!m) return undefined;
  const h = m[1].length === 3 ? m[1].split('').map((c) => c + c).join('') : m[1];
  return [parseInt(h.slice(0, 2), 16) / 255, parseInt(h.slice(2, 4), 16) / 255, parseInt(h.slice(4, 6), 16) / 255];
}

/** sRGB colour: "#rrggbb", "#rgb", a name, or [r,g,b] in 0..1. Output: sRGB triplet 0..1. */
export const Color = z
  .union([z.string(), z.tuple([z.number().min(0).max(1), z.number().min(0).max(1), z.number().min(0).max(1)])])
  .transform((v, ctx): [number, number, number] => {
    if (Array.isArray(v)) return v;
    const c = parseHexColor(v);
    if (!c) {
      ctx.addIssue({ code: 'custom', message: `expected a colour "#rrggbb", "#rgb", [r, g, b] (0–1) or a name (${Object.keys(NAMED_COLORS).slice(0, 8).join(', ')}, …); got ${JSON.stringify(v)}` });
      return z.NEVER;
    }
    return c;
  });
export type Rgb = [number, number, number];

/** Colour temperature in kelvin: 3200, "3200K". */
export const Kelvin = z.union([Finite, z.string()]).transform((v, ctx) => {
  const n = typeof v === 'number' ? v : Number(/^\s*(\d+(?:\.\d+)?)\s*K?\s*$/i.exec(v)?.[1] ?? NaN);
  if (!(n >= 1000 && n <= 40000)) {
    ctx.addIssue({ code: 'custom', message: `expected a colour temperature between 1000 and 40000 K (e.g. 3200 or "5600K"); got ${JSON.stringify(v)}` });
    return z.NEVER;
  }
  return n;
});

// ---------------------------------------------------------------------------------------------
// Easing

export const EASINGS = ['linear', 'easeIn', 'easeOut', 'easeInOut', 'smooth', 'step', 'easeInCubic', 'easeOutCubic', 'easeInOutCubic'] as const;
export type EasingName = (typeof EASINGS)[number];
export type Easing = EasingName | { cubicBezier: [number, number, number, number] };

export const EasingSchema = z.union([
  z.enum(EASINGS),
  z.tuple([Finite, Finite, Finite, Finite]).transform((b) => ({ cubicBezier: b as [number, number, number, number] })),
]);

// ---------------------------------------------------------------------------------------------
// Ids

export const Id = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.\-]*$/, 'ids use letters, digits, "_", "-" and "." (and start with a letter or digit)');
