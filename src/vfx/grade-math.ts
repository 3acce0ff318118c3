// The grade, as maths: one set of numbers (GradeParams), how nested grades compose, the GLSL the
// render page runs in its output pass, and a CPU reference of the same operations (tests hold the
// two together; `kino styles` and stills can use it without a browser).
//
// Order of operations, on a display-referred (tone-mapped, sRGB-encoded) frame — a colourist's
// node tree after the film's "look" transform:
//   1. decode sRGB → linear; exposure (stops) and white balance (temperature/tint) as channel
//      gains in linear light, normalised to keep luminance, then re-encode;
//   2. contrast about mid-grey (0.435 = sRGB of 18 % grey);
//   3. lift / gamma / gain per channel: out = (gain·(c + lift·(1 − c)))^(1/gamma);
//   4. saturation about Rec.709 luma;
//   5. split toning: shadowsTint·(1 − Y)² + highlightsTint·Y² (after saturation, so a
//      monochrome grade can still be toned: sepia, cyanotype);
//   6. 3D LUT (.cube, trilinear), mixed by lutStrength;
//   7. vignette, grain (integer hash of pixel and frame: identical on every run), letterbox bars.
// This file has no imports: it is bundled into the render page as it is.

export type Vec3 = [number, number, number];

export interface GradeParams {
  exposure: number;
  contrast: number;
  saturation: number;
  temperature: number;
  tint: number;
  lift: Vec3;
  gamma: Vec3;
  gain: Vec3;
  shadowsTint: Vec3;
  highlightsTint: Vec3;
  vignette: number;
  grain: number;
  /** Target aspect ratio for bars, or 0 for none. */
  letterbox: number;
  /** Absolute path of a .cube LUT, and how much of it to mix in. */
  lut?: string;
  lutStrength: number;
}

export const IDENTITY_GRADE: GradeParams = {
  exposure: 0,
  contrast: 1,
  saturation: 1,
  temperature: 0,
  tint: 0,
  lift: [0, 0, 0],
  gamma: [1, 1, 1],
  gain: [1, 1, 1],
  shadowsTint: [0, 0, 0],
  highlightsTint: [0, 0, 0],
  vignette: 0,
  grain: 0,
  letterbox: 0,
  lutStrength: 1,
};

/** A partial grade as one element (or preset) writes it. */
export type GradeLayer = Partial<Omit<GradeParams, 'lut'>> & { lut?: string };

const add3 = (a: Vec3, b: Vec3): Vec3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
const mul3 = (a: Vec3, b: Vec3): Vec3 => [a[0] * b[0], a[1] * b[1], a[2] * b[2]];
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * Folds an inner grade onto an outer one: what wrapping one <Grade> in another means. Offsets
 * (exposure, temperature, tint, lift, tints) add; factors (contrast, saturation, gamma, gain)
 * multiply; frame-wide settings (vignette, grain, letterbox, LUT) are replaced by the inner value
 * when it is given, so an inner grade can switch an outer vignette off.
 */
export function composeGrade(outer: GradeParams, inner: GradeLayer): GradeParams {
  return {
    exposure: outer.exposure + (inner.exposure ?? 0),
    contrast: outer.contrast * (inner.contrast ?? 1),
    saturation: outer.saturation * (inner.saturation ?? 1),
    temperature: clamp(outer.temperature + (inner.temperature ?? 0), -100, 100),
    tint: clamp(outer.tint + (inner.tint ?? 0), -100, 100),
    lift: add3(outer.lift, inner.lift ?? [0, 0, 0]),
    gamma: mul3(outer.gamma, inner.gamma ?? [1, 1, 1]),
    gain: mul3(outer.gain, inner.gain ?? [1, 1, 1]),
    shadowsTint: add3(outer.shadowsTint, inner.shadowsTint ?? [0, 0, 0]),
    highlightsTint: add3(outer.highlightsTint, inner.highlightsTint ?? [0, 0, 0]),
    vignette: inner.vignette ?? outer.vignette,
    grain: inner.grain ?? outer.grain,
    letterbox: inner.letterbox ?? outer.letterbox,
    lut: inner.lut ?? outer.lut,
    lutStrength: inner.lutStrength ?? outer.lutStrength,
  };
}

const near = (a: number, b: number) => Math.abs(a - b) < 1e-9;
const near3 = (a: Vec3, b: Vec3) => near(a[0], b[0]) && near(a[1], b[1]) && near(a[2], b[2]);

/** True when the grade changes nothing: the page keeps such frames on its fast path. */
export function isIdentityGrade(g: GradeParams | undefined): boolean {
  if (!g) return true;
  const I = IDENTITY_GRADE;
  return (
    near(g.exposure, 0) && near(g.contrast, 1) && near(g.saturation, 1) && near(g.temperature, 0) && near(g.tint, 0) &&
    near3(g.lift, I.lift) && near3(g.gamma, I.gamma) && near3(g.gain, I.gain) && near3(g.shadowsTint, I.shadowsTint) && near3(g.highlightsTint, I.highlightsTint) &&
    near(g.vignette, 0) && near(g.grain, 0) && !g.letterbox && !(g.lut && g.lutStrength > 0)
  );
}

/** Linear-light channel gains for exposure and white balance, luminance-normalised. */
export function balanceGains(g: Pick<GradeParams, 'exposure' | 'temperature' | 'tint'>): Vec3 {
  const t = g.temperature / 100;
  const u = g.tint / 100;
  // Warm: more red, less blue; magenta: less green. ±100 is about a CTO/CTB half gel.
  const r = 1 + 0.3 * t;
  const gg = 1 - 0.3 * u;
  const b = 1 - 0.3 * t;
  const y = 0.2126 * r + 0.7152 * gg + 0.0722 * b;
  const e = Math.pow(2, g.exposure) / y;
  return [r * e, gg * e, b * e];
}

/** Contrast pivot: sRGB encoding of 18 % grey. */
export const CONTRAST_PIVOT = 0.435;

/** Uniform values the shader reads (see GRADE_FRAGMENT). */
export function gradeUniformValues(g: GradeParams) {
  return {
    wb: balanceGains(g),
    contrast: g.contrast,
    saturation: g.saturation,
    lift: g.lift,
    invGamma: g.gamma.map((v) => 1 / Math.max(1e-3, v)) as Vec3,
    gain: g.gain,
    shadowsTint: g.shadowsTint,
    highlightsTint: g.highlightsTint,
    vignette: g.vignette,
    grain: g.grain,
    letterbox: g.letterbox,
  };
}

/** Shared between the shader and the CPU reference: 32-bit integer hash → [0, 1). */
export function grainHash(x: number, y: number, seed: number): number {
  let h = (Math.imul(x, 1973) + Math.imul(y, 9277) + Math.imul(seed, 26699)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  h = (h ^ (h >>> 16)) >>> 0;
  return h / 4294967296;
}

/** Vignette factor at pixel centre (x, y) of a w×h frame. */
export function vignetteFactor(x: number, y: number, w: number, h: number, amount: number): number {
  if (amount <= 0) return 1;
  const aspect = w / h;
  const dx = ((x + 0.5) / w - 0.5) * aspect;
  const dy = (y + 0.5) / h - 0.5;
  const r = Math.hypot(dx, dy) / Math.hypot(aspect * 0.5, 0.5);
  const t = clamp((r - 0.3) / 0.7, 0, 1);
  return 1 - amount * t * t * (3 - 2 * t);
}

/** Whether pixel (x, y) lies under a letterbox (or pillarbox) bar. */
export function underBar(x: number, y: number, w: number, h: number, letterbox: number): boolean {
  if (!letterbox) return false;
  const aspect = w / h;
  if (aspect < letterbox) return Math.abs((y + 0.5) / h - 0.5) > aspect / letterbox / 2;
  return Math.abs((x + 0.5) / w - 0.5) > letterbox / aspect / 2;
}

const dec = (c: number) => (c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
const enc = (c: number) => (c <= 0.0031308 ? c * 12.92 : 1.055 * Math.pow(c, 1 / 2.4) - 0.055);

export interface Lut3D {
  /** Edge length N; data holds N³ RGB triples, red fastest, then green, then blue (.cube order). */
  size: number;
  data: Float32Array;
}

/** Trilinear LUT lookup of an RGB triple in [0, 1] (what the GPU's 3D texture filter does). */
export function sampleLut(lut: Lut3D, r: number, g: number, b: number, out: Vec3): Vec3 {
  const N = lut.size;
  const fx = clamp(r, 0, 1) * (N - 1), fy = clamp(g, 0, 1) * (N - 1), fz = clamp(b, 0, 1) * (N - 1);
  const x0 = Math.min(N - 2, Math.floor(fx)), y0 = Math.min(N - 2, Math.floor(fy)), z0 = Math.min(N - 2, Math.floor(fz));
  const tx = fx - x0, ty = fy - y0, tz = fz - z0;
  const d = lut.data;
  for (let c = 0; c < 3; c++) {
    const at = (x: number, y: number, z: number) => d[((z * N + y) * N + x) * 3 + c];
    const c00 = at(x0, y0, z0) * (1 - tx) + at(x0 + 1, y0, z0) * tx;
    const c10 = at(x0, y0 + 1, z0) * (1 - tx) + at(x0 + 1, y0 + 1, z0) * tx;
    const c01 = at(x0, y0, z0 + 1) * (1 - tx) + at(x0 + 1, y0, z0 + 1) * tx;
    const c11 = at(x0, y0 + 1, z0 + 1) * (1 - tx) + at(x0 + 1, y0 + 1, z0 + 1) * tx;
    out[c] = (c00 * (1 - ty) + c10 * ty) * (1 - tz) + (c01 * (1 - ty) + c11 * ty) * tz;
  }
  return out;
}

/**
 * The grade on the CPU, on an RGBA8 frame in place: the same operations as the shader, in double
 * precision. `seed` is the grain seed the page uses for that frame.
 */
export function applyGradeCpu(frame: { width: number; height: number; data: Uint8Array | Uint8ClampedArray }, g: GradeParams, opts: { seed?: number; lut?: Lut3D } = {}): void {
  const u = gradeUniformValues(g);
  const { width: w, height: h, data } = frame;
  const seed = opts.seed ?? 0;
  const tmp: Vec3 = [0, 0, 0];
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 4;
      const c = gradePixel(data[i] / 255, data[i + 1] / 255, data[i + 2] / 255, x, y, w, h, g, u, seed, opts.lut, tmp);
      data[i] = Math.round(clamp(c[0], 0, 1) * 255);
      data[i + 1] = Math.round(clamp(c[1], 0, 1) * 255);
      data[i + 2] = Math.round(clamp(c[2], 0, 1) * 255);
    }
}

function gradePixel(r: number, gch: number, b: number, x: number, y: number, w: number, h: number, g: GradeParams, u: ReturnType<typeof gradeUniformValues>, seed: number, lut: Lut3D | undefined, tmp: Vec3): Vec3 {
  if (underBar(x, y, w, h, u.letterbox)) return [0, 0, 0];
  let c: Vec3 = [enc(Math.max(0, dec(r) * u.wb[0])), enc(Math.max(0, dec(gch) * u.wb[1])), enc(Math.max(0, dec(b) * u.wb[2]))];
  c = c.map((v) => CONTRAST_PIVOT + (v - CONTRAST_PIVOT) * u.contrast) as Vec3;
  c = c.map((v, k) => Math.pow(Math.max(0, u.gain[k] * (v + u.lift[k] * (1 - v))), u.invGamma[k])) as Vec3;
  const L = 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  c = c.map((v) => L + (v - L) * u.saturation) as Vec3;
  const Y = clamp(0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2], 0, 1);
  c = c.map((v, k) => v + u.shadowsTint[k] * (1 - Y) * (1 - Y) + u.highlightsTint[k] * Y * Y) as Vec3;
  if (lut && g.lutStrength > 0) {
    const l = sampleLut(lut, c[0], c[1], c[2], tmp);
    c = c.map((v, k) => v + (l[k] - v) * g.lutStrength) as Vec3;
  }
  const vf = vignetteFactor(x, y, w, h, u.vignette);
  c = c.map((v) => v * vf) as Vec3;
  if (u.grain > 0) {
    const n = (grainHash(x, y, seed) - 0.5) * u.grain * 0.16;
    c = c.map((v) => v + n) as Vec3;
  }
  return c;
}

/**
 * Which operations a grade uses, as shader defines: the page compiles one program per combination
 * (three.js caches them), so a grade pays only for what it does — every full-screen operation
 * costs on a software rasteriser.
 */
export function gradeDefines(g: GradeParams, hasLut: boolean): Record<string, string> {
  const d: Record<string, string> = {};
  const one = (v: number, x: number) => Math.abs(v - x) > 1e-9;
  if (one(g.exposure, 0) || one(g.temperature, 0) || one(g.tint, 0)) d.USE_BALANCE = '';
  if (one(g.contrast, 1)) d.USE_CONTRAST = '';
  if (g.lift.some((v) => one(v, 0)) || g.gamma.some((v) => one(v, 1)) || g.gain.some((v) => one(v, 1))) d.USE_LGG = '';
  if (one(g.saturation, 1)) d.USE_SATURATION = '';
  if (g.shadowsTint.some((v) => one(v, 0)) || g.highlightsTint.some((v) => one(v, 0))) d.USE_SPLIT = '';
  if (hasLut && g.lutStrength > 0) d.USE_LUT = '';
  if (g.vignette > 0) d.USE_VIGNETTE = '';
  if (g.grain > 0) d.USE_GRAIN = '';
  if (g.letterbox > 0) d.USE_LETTERBOX = '';
  return d;
}

/**
 * Fragment shader of the grade pass (GLSL ES 3.00 through three.js' ShaderMaterial). Pixel
 * coordinates come from gl_FragCoord, flipped to top-left origin so grain, vignette and bars
 * match the CPU reference exactly. Each operation is compiled in only when used (gradeDefines).
 */
export const GRADE_FRAGMENT = /* glsl */ `
precision highp float;
precision highp sampler3D;
uniform sampler2D src;
uniform sampler3D lut;
uniform float lutStrength;
uniform float lutSize;
uniform vec2 size;
uniform vec3 wb;
uniform float contrast;
uniform float saturation;
uniform vec3 lift;
uniform vec3 invGamma;
uniform vec3 gain;
uniform vec3 shadowsTint;
uniform vec3 highlightsTint;
uniform float vignette;
uniform float grain;
uniform float letterbox;
uniform uint seed;
varying vec2 vUv;

vec3 dec(vec3 c) { return mix(c / 12.92, pow((c + 0.055) / 1.055, vec3(2.4)), step(vec3(0.04045), c)); }
vec3 enc(vec3 c) { return mix(c * 12.92, 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055, step(vec3(0.0031308), c)); }

float grainHash(uint x, uint y, uint s) {
  uint h = x * 1973u + y * 9277u + s * 26699u;
  h = (h ^ (h >> 16u)) * 0x7feb352du;
  h = (h ^ (h >> 15u)) * 0x846ca68bu;
  h = h ^ (h >> 16u);
  return float(h) / 4294967296.0;
}

void main() {
  vec2 px = vec2(floor(gl_FragCoord.x), size.y - 1.0 - floor(gl_FragCoord.y));
  vec2 uv = (px + 0.5) / size;
  float aspect = size.x / size.y;
#ifdef USE_LETTERBOX
  bool bar = aspect < letterbox ? abs(uv.y - 0.5) > aspect / letterbox * 0.5 : abs(uv.x - 0.5) > letterbox / aspect * 0.5;
  if (bar) { gl_FragColor = vec4(0.0, 0.0, 0.0, 1.0); return; }
#endif
  vec4 s = texture2D(src, vUv);
  vec3 c = s.rgb;
#ifdef USE_BALANCE
  c = enc(max(dec(c) * wb, 0.0));
#endif
#ifdef USE_CONTRAST
  c = 0.435 + (c - 0.435) * contrast;
#endif
#ifdef USE_LGG
  c = pow(max(gain * (c + lift * (1.0 - c)), 0.0), invGamma);
#endif
#ifdef USE_SATURATION
  float L = dot(c, vec3(0.2126, 0.7152, 0.0722));
  c = L + (c - L) * saturation;
#endif
#ifdef USE_SPLIT
  float Y = clamp(dot(c, vec3(0.2126, 0.7152, 0.0722)), 0.0, 1.0);
  c += shadowsTint * (1.0 - Y) * (1.0 - Y) + highlightsTint * Y * Y;
#endif
#ifdef USE_LUT
  vec3 l = texture(lut, clamp(c, 0.0, 1.0) * ((lutSize - 1.0) / lutSize) + 0.5 / lutSize).rgb;
  c = mix(c, l, lutStrength);
#endif
#ifdef USE_VIGNETTE
  float r = length((uv - 0.5) * vec2(aspect, 1.0)) / length(vec2(aspect * 0.5, 0.5));
  c *= 1.0 - vignette * smoothstep(0.3, 1.0, r);
#endif
#ifdef USE_GRAIN
  c += (grainHash(uint(px.x), uint(px.y), seed) - 0.5) * grain * 0.16;
#endif
  gl_FragColor = vec4(clamp(c, 0.0, 1.0), s.a);
}`;

/**
 * A resolved grade as a layer to fold onto another (a film output's look is the outer one): the
 * frame-wide settings count as written only when they do something, so a shot without its own
 * vignette keeps the output's.
 */
export function gradeAsLayer(g: GradeParams): GradeLayer {
  const { vignette, grain, letterbox, lut, lutStrength, ...rest } = g;
  return { ...rest, ...(vignette ? { vignette } : {}), ...(grain ? { grain } : {}), ...(letterbox ? { letterbox } : {}), ...(lut ? { lut, lutStrength } : {}) };
}
