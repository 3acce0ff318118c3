// buildPlan: validated FilmDoc → FilmPlan. The timing pass, performances, framing, coverage and
// the cut list all happen here, once; evaluateFrame only looks things up afterwards.

import fs from 'node:fs';
import path from 'node:path';
import { issue, warning, type KinoIssue } from '../doc/errors';
import type { ValidNode } from '../doc/validate';
import { suggest } from '../doc/validate';
import { parseHexColor, timeToSeconds, type Anchor, type Rational, type TimeValue } from '../doc/values';
import { WRAPPERS, type ShotSize } from '../doc/schema';
import type { Resolver, SceneResolveContext } from './resolvers';
import { rgbToLinear, type Rgb } from '../util/color';
import { hash01, hashString } from '../util/random';
import { evaluateCamera } from './camera';
import { enforceThirtyDegrees, placeCoverage, planCoverageCut, type CoverageInput } from './coverage';
import { clearOfPeople, frameGroup, frameInsert, frameOts, frameSingle, SIZE_LENS, unblock, type Framed, type SubjectRef } from './framing';
import { expandRig, toLightPlan, type LightInput } from './lights';
import { add, cross, dirYaw, dist2, norm, scale, sub, yawDir, type V3 } from './math';
import { buildPerformances, seatStance } from './performance/perform';
import { eyesAt, yawAt } from './performance/pose';
import { PROP_KINDS, PROP_KIND_NAMES } from './props';
import {
  PLAN_SCHEMA_VERSION, type CameraPlan, type CharacterPlan, type FilmPlan, type LightPlan, type LinePlan, type MovePlan, type PropPlan, type ScenePlan,
  type SetPlan, type ShotPlan, type TrackPlan, type TransitionPlan, type WallPlan,
} from './schema';
import { BLOCKING, timeScene, type Cue } from './timing';

export interface PlanOptions {
  /** Film file: relative model paths resolve against the file that wrote the element. */
  file?: string;
  /** Real line durations in seconds (from rendered dialogue), keyed "<sceneId>/<lineId>". */
  lineDurations?: Record<string, number>;
  /** Mouth envelopes from rendered dialogue, keyed "<sceneId>/<lineId>". */
  lineEnvelopes?: Record<string, { envelope: number[]; rate: number }>;
  /** Check that referenced files (glTF models) exist. Default true. */
  checkFiles?: boolean;
  /** Departments taking part in planning (art, wardrobe, sound, style…), in order. */
  resolvers?: Resolver[];
}

/** Scenes, shots and cues inside wrapping components (<Retro>, <Grade>…) with their chains. */
function flattenWrapped(nodes: ValidNode[], chain: ValidNode[] = [], out: Array<{ node: ValidNode; wrappers: ValidNode[] }> = []) {
  for (const n of nodes) {
    if (WRAPPERS.has(n.type)) flattenWrapped(n.children, [...chain, n], out);
    else out.push({ node: n, wrappers: chain });
  }
  return out;
}

export interface PlanResult {
  plan: FilmPlan | null;
  issues: KinoIssue[];
}

type P = Record<string, unknown>;
const lin = (c: unknown, fallback: string): Rgb => rgbToLinear((c as Rgb | undefined) ?? parseHexColor(fallback)!);

// Defaults chosen per character id (seeded), so an unstyled cast is still varied and stable.
const SKIN = ['#f1c7a8', '#e0ac88', '#c68863', '#a86b48', '#8d5636', '#6b3f26', '#f5d5bd', '#d29b74'];
const HAIR = ['#2b1d14', '#3b2416', '#5a3220', '#8a6642', '#b08850', '#1c1714', '#6e4b2a', '#c9a06a'];
const TOPS = ['#8a3b3b', '#2c5aa0', '#3f6b4a', '#c9a227', '#5b3a7a', '#d9d2c3', '#333840', '#b5603a'];
const BOTTOMS = ['#2a2f3a', '#3b5b87', '#4a3f35', '#1f1f22', '#6b6b5a'];

function pick<T>(list: T[], seed: number, k: number): T {
  return list[Math.floor(hash01(seed, k) * list.length) % list.length];
}

export function characterPlan(id: string, props: P, children: ValidNode[]): CharacterPlan {
  const seed = hashString(id);
  const presentation = (props.presentation as string) ?? (hash01(seed, 9) < 0.5 ? 'masc' : 'fem');
  const costumeChild = children.find((c) => c.type === 'costume');
  const costumeProps = { ...((props.costume as P) ?? {}), ...((costumeChild?.props as P) ?? {}) };
  const costume: CharacterPlan['costume'] = {};
  for (const [k, v] of Object.entries(costumeProps)) {
    if (k === 'id' || k === 'condition' || k === 'children' || !v || typeof v !== 'object') continue;
    const piece = v as { kind?: string; color: Rgb; material?: string; condition?: string };
    costume[k] = { kind: piece.kind, color: rgbToLinear(piece.color), material: piece.material, condition: piece.condition ?? (costumeProps.condition as string | undefined) };
  }
  if (!costume.top && !costume.dress) costume.top = { kind: 'shirt', color: lin(undefined, pick(TOPS, seed, 1)) };
  if (!costume.bottom && !costume.dress) costume.bottom = { kind: 'trousers', color: lin(undefined, pick(BOTTOMS, seed, 2)) };
  if (!costume.shoes) costume.shoes = { kind: 'shoes', color: lin(undefined, '#2a2420') };
  const height = (props.height as number) ?? (presentation === 'fem' ? 1.66 : presentation === 'masc' ? 1.78 : 1.72);
  const age = (props.age as number) ?? 35;
  return {
    id,
    name: (props.name as string) ?? id.toUpperCase(),
    body: {
      height,
      build: (props.build as string) ?? 'average',
      presentation,
      age,
      skin: lin(props.skin, pick(SKIN, seed, 3)),
      hair: lin(props.hair, age > 60 ? '#b8b8b0' : pick(HAIR, seed, 4)),
      hairStyle: (props.hairStyle as string) ?? (presentation === 'fem' ? pick(['long', 'bob', 'ponytail', 'bun', 'curly'], seed, 5) : pick(['short', 'side-part', 'buzz', 'curly'], seed, 6)),
      eyes: lin(props.eyes, '#4a3222'),
      dims: {},
    },
    costume,
    voice: { ...((props.voice as P) ?? {}) } as CharacterPlan['voice'],
  };
}

/** "INT. KITCHEN - NIGHT" → setting, location, time of day. */
export function parseHeading(h: string): { setting?: 'INT' | 'EXT' | 'INT/EXT'; location?: string; timeOfDay?: string } {
  const m = /^\s*\.?(INT\.?\s*\/\s*EXT|EXT\.?\s*\/\s*INT|I\/E|INT|EXT|EST)[.\s]+(.*)$/i.exec(h);
  if (!m) return { location: h.trim() || undefined };
  const tag = m[1].toUpperCase().replace(/\s|\./g, '');
  const setting = tag === 'INT' ? 'INT' : tag === 'EXT' || tag === 'EST' ? 'EXT' : 'INT/EXT';
  const rest = m[2].replace(/\[\[.*?\]\]/g, '').replace(/#[^#]*#\s*$/, '').trim();
  const parts = rest.split(/\s+[-–—]+\s+|\s*--\s*/);
  let location = parts[0]?.trim();
  let tod = parts.length > 1 ? parts[parts.length - 1].trim() : undefined;
  if (!tod && location?.includes(',')) {
    const i = location.lastIndexOf(',');
    tod = location.slice(i + 1).trim();
    location = location.slice(0, i).trim();
  }
  const known: Record<string, string> = {
    DAWN: 'dawn', SUNRISE: 'dawn', MORNING: 'morning', DAY: 'day', NOON: 'noon', AFTERNOON: 'afternoon', 'MAGIC HOUR': 'magic-hour', SUNSET: 'dusk', DUSK: 'dusk', EVENING: 'evening', NIGHT: 'night', CONTINUOUS: 'continuous', LATER: 'continuous', 'MOMENTS LATER': 'continuous',
  };
  const key = tod?.toUpperCase().replace(/\s*\(.*\)\s*$/, '').trim();
  return { setting, location, timeOfDay: key ? known[key] ?? 'unspecified' : undefined };
}

interface SceneCtx {
  sceneId: string;
  fps: number;
  aspect: number;
  whiteBalanceK: number;
  marks: Map<string, { position: V3; facing?: number }>;
  props: Map<string, PropPlan>;
  cast: Record<string, CharacterPlan>;
  performances: ScenePlan['performances'];
  cues: Cue[];
  walls: WallPlan[];
  issues: KinoIssue[];
  file?: string;
}

function resolveModel(model: string, node: ValidNode, opts: PlanOptions, issues: KinoIssue[]): string {
  const base = node.source?.file ? path.dirname(node.source.file) : opts.file ? path.dirname(opts.file) : process.cwd();
  const abs = path.resolve(base, model);
  if (opts.checkFiles !== false) {
    if (!fs.existsSync(abs)) {
      issues.push(issue('asset/missing', `<Prop> model "${model}" was not found (looked for ${abs}).`, { location: node.source, componentPath: node.path, prop: 'model', hint: 'Check the path; it is relative to the file that uses it.' }));
    } else if (!/\.(glb|gltf)$/i.test(abs)) {
      issues.push(issue('asset/format', `<Prop> model "${model}" is not a glTF file (.glb or .gltf).`, { location: node.source, componentPath: node.path, prop: 'model', hint: 'Export the model as glTF 2.0 (Blender: File > Export > glTF 2.0).' }));
    }
  }
  return abs;
}

function propPlan(n: ValidNode, opts: PlanOptions, issues: KinoIssue[]): PropPlan {
  const p = n.props as P;
  const kind = p.kind as string | undefined;
  const lib = kind ? PROP_KINDS[kind] : undefined;
  if (kind && !lib) {
    const s = suggest(kind, PROP_KIND_NAMES);
    issues.push(issue('prop/unknown-kind', `<Prop kind="${kind}"> is not in the prop library.`, { location: n.source, componentPath: n.path, prop: 'kind', hint: s ? `Did you mean "${s}"? ` : `Known kinds: ${PROP_KIND_NAMES.join(', ')}.` }));
  }
  const rot = p.rotation;
  const rotation: V3 = typeof rot === 'number' ? [0, rot, 0] : Array.isArray(rot) ? (rot as V3) : [0, 0, 0];
  const sc = p.scale;
  const scaleV: V3 = typeof sc === 'number' ? [sc, sc, sc] : Array.isArray(sc) ? (sc as V3) : [1, 1, 1];
  const size: V3 = (p.size as V3) ?? (lib ? [...lib.size] : [0.5, 0.5, 0.5]);
  const mat = (p.material as P) ?? {};
  const emissive = mat.emissive as Rgb | undefined;
  return {
    id: n.id,
    name: (p.name as string) ?? n.id,
    shape: (p.shape as string) ?? (kind || p.model ? undefined : 'box'),
    kind,
    model: typeof p.model === 'string' ? resolveModel(p.model, n, opts, issues) : undefined,
    position: p.position as V3,
    rotation,
    scale: scaleV,
    size,
    color: lin(p.color, lib?.color ?? '#9a9590'),
    material: {
      roughness: (mat.roughness as number) ?? 0.7,
      metalness: (mat.metalness as number) ?? 0,
      emissive: emissive ? rgbToLinear(emissive) : lib?.emissive ? lin(undefined, lib.emissive) : [0, 0, 0],
      emissiveIntensity: (mat.emissiveIntensity as number) ?? (lib?.emissive ? 1 : 0),
      opacity: (mat.opacity as number) ?? 1,
    },
    castShadow: (p.castShadow as boolean) ?? true,
    seatHeight: lib?.seatHeight !== undefined ? lib.seatHeight * scaleV[1] : undefined,
  };
}

function setPlan(n: ValidNode, opts: PlanOptions, props: PropPlan[], marks: SceneCtx['marks'], lights: ValidNode[], issues: KinoIssue[]): SetPlan {
  const p = n.props as P;
  const wallH = (p.wallHeight as number) ?? 2.8;
  const wallColor = lin(p.wallColor, '#cfc6b4');
  const walls: WallPlan[] = [];
  for (const c of n.children) {
    if (c.type === 'wall') {
      const w = c.props as P;
      const from = w.from as [number, number];
      const to = w.to as [number, number];
      const length = Math.hypot(to[0] - from[0], to[1] - from[1]);
      const height = (w.height as number) ?? wallH;
      const openings: WallPlan['openings'] = [];
      for (const o of c.children) {
        const op = o.props as P;
        const isDoor = o.type === 'door';
        const width = (op.width as number) ?? (isDoor ? 0.9 : 1.2);
        const oh = (op.height as number) ?? (isDoor ? 2.05 : 1.2);
        const sill = isDoor ? 0 : ((op.sill as number) ?? 0.9);
        const at = op.at as number;
        if (at - width / 2 < -1e-6 || at + width / 2 > length + 1e-6) {
          issues.push(issue('set/opening-outside', `<${isDoor ? 'Door' : 'Window'}> at ${at} m (width ${width} m) does not fit on a wall ${length.toFixed(2)} m long.`, { location: o.source, componentPath: o.path, prop: 'at', hint: `Place its centre between ${(width / 2).toFixed(2)} and ${(length - width / 2).toFixed(2)} m.` }));
        }
        if (sill + oh > height + 1e-6) {
          issues.push(issue('set/opening-too-tall', `<${isDoor ? 'Door' : 'Window'}> reaches ${(sill + oh).toFixed(2)} m, above the ${height} m wall.`, { location: o.source, componentPath: o.path }));
        }
        openings.push({
          kind: isDoor ? 'door' : 'window',
          id: o.id,
          at,
          width,
          height: oh,
          sill,
          open: (op.open as number) ?? 0,
          hinge: (op.hinge as 'left' | 'right') ?? 'left',
          color: lin(op.color, isDoor ? '#6b4a2e' : '#e8e4da'),
          glass: isDoor ? undefined : lin(op.glass, '#a9c4d6'),
        });
      }
      openings.sort((a, b) => a.at - b.at);
      for (let i = 1; i < openings.length; i++) {
        if (openings[i].at - openings[i].width / 2 < openings[i - 1].at + openings[i - 1].width / 2 - 1e-6) {
          issues.push(issue('set/openings-overlap', `Openings "${openings[i - 1].id}" and "${openings[i].id}" overlap on wall "${c.id}".`, { location: c.source, componentPath: c.path }));
        }
      }
      walls.push({ id: c.id, from, to, height, thickness: (w.thickness as number) ?? 0.12, color: w.color ? lin(w.color, '#cfc6b4') : wallColor, material: (w.material as string) ?? 'plaster', openings });
    } else if (c.type === 'prop') props.push(propPlan(c, opts, issues));
    else if (c.type === 'mark') marks.set(c.id, { position: (c.props as P).position as V3, facing: (c.props as P).facing as number | undefined });
    else if (c.type === 'light') lights.push(c);
  }
  // Floor spans the walls plus a margin, or the size given, or 14 × 14 m.
  let min: [number, number] = [-7, -7];
  let max: [number, number] = [7, 7];
  const floorP = p.floor as P | boolean | undefined;
  if (walls.length) {
    const xs = walls.flatMap((w) => [w.from[0], w.to[0]]);
    const zs = walls.flatMap((w) => [w.from[1], w.to[1]]);
    min = [Math.min(...xs) - 0.3, Math.min(...zs) - 0.3];
    max = [Math.max(...xs) + 0.3, Math.max(...zs) + 0.3];
  }
  if (floorP && typeof floorP === 'object' && floorP.size) {
    const [w, d] = floorP.size as [number, number];
    min = [-w / 2, -d / 2];
    max = [w / 2, d / 2];
  }
  const floor = floorP === false ? null : { color: lin(typeof floorP === 'object' ? floorP.color : undefined, '#7a6650'), material: (typeof floorP === 'object' ? (floorP.material as string) : undefined) ?? 'wood', min, max };
  const ceilP = p.ceiling as P | boolean | undefined;
  const ceiling = ceilP ? { height: (typeof ceilP === 'object' ? (ceilP.height as number) : undefined) ?? wallH, color: lin(typeof ceilP === 'object' ? ceilP.color : undefined, '#e6e1d6') } : null;
  return { id: n.id, floor, ceiling, walls };
}

function anchorTime(a: Anchor, cues: Map<string, Cue>, fps: number, node: ValidNode, issues: KinoIssue[], selfDuration = 0): number | undefined {
  if (a.kind === 'time') return timeToSeconds(a.time, fps);
  const ref = cues.get(a.ref);
  if (!ref) {
    const s = suggest(a.ref, [...cues.keys()]);
    issues.push(issue('timing/unknown-anchor', `<${node.path.split(' > ').pop()}> starts at "${a.kind}:${a.ref}", which is not a cue in this scene.`, { location: node.source, componentPath: node.path, prop: 'from', hint: s ? `Did you mean "${s}"?` : undefined }));
    return undefined;
  }
  const off = timeToSeconds(a.offset, fps);
  return a.kind === 'after' ? ref.t1 + off : a.kind === 'with' ? ref.t0 + off : ref.t1 + off - selfDuration;
}

function tracksOf(nodes: ValidNode[], defaultTarget: string, issues: KinoIssue[], fps: number, rename?: Record<string, string>): TrackPlan[] {
  const out: TrackPlan[] = [];
  for (const k of nodes) {
    if (k.type !== 'keyframes') continue;
    const p = k.props as P;
    const property = rename?.[p.property as string] ?? (p.property as string);
    const keys = (p.keys as Array<{ at: TimeValue; value: unknown; easing?: unknown }>).map((key) => {
      let value = key.value;
      if (property === 'color' && typeof value === 'string') {
        const c = parseHexColor(value);
        if (!c) issues.push(issue('keyframes/value', `Keyframe colour ${JSON.stringify(value)} is not a colour.`, { location: k.source, componentPath: k.path }));
        value = c ? rgbToLinear(c) : [1, 1, 1];
      } else if (['position', 'target', 'rotation', 'scale'].includes(property)) {
        if (!(Array.isArray(value) && value.length === 3 && value.every((x) => typeof x === 'number' && Number.isFinite(x)))) {
          issues.push(issue('keyframes/value', `Keyframes for "${property}" need [x, y, z] values; got ${JSON.stringify(value)}.`, { location: k.source, componentPath: k.path, prop: 'keys' }));
        }
      } else if (typeof value !== 'number' || !Number.isFinite(value)) {
        issues.push(issue('keyframes/value', `Keyframes for "${property}" need numbers; got ${JSON.stringify(value)}.`, { location: k.source, componentPath: k.path, prop: 'keys' }));
      }
      return { t: timeToSeconds(key.at, fps), value, easing: key.easing as TrackPlan['keys'][number]['easing'] };
    });
    keys.sort((a, b) => a.t - b.t);
    out.push({ target: (p.target as string) ?? defaultTarget, property, keys, interpolation: p.interpolation as TrackPlan['interpolation'] });
  }
  return out;
}

const MOVE_KINDS = new Set(['dolly', 'truck', 'pan', 'tilt', 'orbit', 'crane', 'zoom', 'turntable']);

function movesOf(nodes: ValidNode[], shotDuration: number, fps: number): MovePlan[] {
  const out: MovePlan[] = [];
  for (const m of nodes) {
    if (!MOVE_KINDS.has(m.type)) continue;
    const p = m.props as P;
    const t0 = p.at ? timeToSeconds(p.at as TimeValue, fps) : 0;
    const t1 = p.duration ? t0 + timeToSeconds(p.duration as TimeValue, fps) : Math.max(t0, shotDuration);
    const mv: MovePlan = { kind: m.type as MovePlan['kind'], t0, t1, easing: (p.easing as MovePlan['easing']) ?? (m.type === 'turntable' ? 'linear' : 'easeInOut') };
    if (typeof p.distance === 'number') mv.distance = p.distance;
    if (typeof p.degrees === 'number') mv.degrees = p.degrees;
    if (typeof p.elevation === 'number') mv.elevation = p.elevation;
    if (typeof p.rise === 'number') mv.rise = p.rise;
    if (typeof p.boom === 'number') mv.boom = p.boom;
    if (m.type === 'zoom') mv.focalLengthMm = p.to as number;
    else if (typeof p.to === 'string') mv.toSubject = p.to;
    else if (Array.isArray(p.to)) mv.to = p.to as V3;
    out.push(mv);
  }
  return out;
}

const TRANSITION_DEFAULT: Record<string, number> = { dissolve: 0.5, fade: 1, 'fade-in': 1, 'fade-out': 1, wipe: 0.5, cut: 0 };

export function buildPlan(root: ValidNode, opts: PlanOptions = {}): PlanResult {
  const issues: KinoIssue[] = [];
  const fp = root.props as P;
  const fps = fp.fps as Rational;
  const fpsValue = fps.num / fps.den;
  const resolution = fp.resolution as [number, number];
  const aspect = resolution[0] / resolution[1];
  const seed = fp.seed as number;

  const resolvers = opts.resolvers ?? [];
  const filmItems = flattenWrapped(root.children);
  const cast: Record<string, CharacterPlan> = {};
  const filmSets: ValidNode[] = [];
  for (const { node: c } of filmItems) {
    if (c.type === 'character') cast[c.id] = characterPlan(c.id, c.props as P, c.children);
    if (c.type === 'set') filmSets.push(c);
  }

  const scenes: ScenePlan[] = [];
  let pendingTransition: ValidNode | undefined;
  const transitionsIn = new Map<ShotPlan, ValidNode>();
  const transitionsOut = new Map<ShotPlan, ValidNode>();
  let sceneIndex = 0;
  for (const { node: sn, wrappers: sceneWrappers } of filmItems) {
    if (sn.type === 'transition') {
      pendingTransition = sn;
      continue;
    }
    if (sn.type !== 'scene') continue;
    const sceneItems = flattenWrapped(sn.children);
    const kids = sceneItems.map((i) => i.node);
    const localWrap = new Map(sceneItems.map((i) => [i.node, i.wrappers] as const));
    const sp = sn.props as P;
    const heading = (sp.heading as string) ?? '';
    const parsed = heading ? parseHeading(heading) : {};
    const setting = (sp.setting as ScenePlan['setting']) ?? parsed.setting ?? 'INT';
    const location = (sp.location as string) ?? parsed.location ?? sn.id;
    const timeOfDay = (sp.timeOfDay as string) ?? parsed.timeOfDay ?? 'day';
    const ctx: SceneCtx = { sceneId: sn.id, fps: fpsValue, aspect, whiteBalanceK: 5600, marks: new Map(), props: new Map(), cast: {}, performances: {}, cues: [], walls: [], issues, file: opts.file };

    // Art department: sets (scene and film level), props, marks.
    const props: PropPlan[] = [];
    const lightNodes: ValidNode[] = [];
    const sets = [...filmSets, ...kids.filter((c) => c.type === 'set')].map((s) => setPlan(s, opts, props, ctx.marks, lightNodes, issues));
    for (const c of kids) {
      if (c.type === 'prop') props.push(propPlan(c, opts, issues));
      else if (c.type === 'mark') ctx.marks.set(c.id, { position: (c.props as P).position as V3, facing: (c.props as P).facing as number | undefined });
      else if (c.type === 'light') lightNodes.push(c);
    }
    for (const pr of props) ctx.props.set(pr.id, pr);
    ctx.walls = sets.flatMap((s) => s.walls);

    // Cast in this scene: film cast, scene-level declarations (which may restyle a cast member here).
    for (const c of kids.filter((x) => x.type === 'character')) {
      const base = cast[c.id];
      if (!base) cast[c.id] = characterPlan(c.id, c.props as P, c.children);
    }
    const cueNodes = kids.filter((c) => BLOCKING.has(c.type));
    const present: string[] = [];
    for (const c of kids.filter((x) => x.type === 'character')) if (!present.includes(c.id)) present.push(c.id);
    for (const c of cueNodes) {
      const who = (c.props as P).who as string;
      if (who && cast[who] && !present.includes(who)) present.push(who);
    }
    for (const id of present) {
      const override = kids.find((x) => x.type === 'character' && x.id === id);
      const filmLevel = filmItems.find((x) => x.node.type === 'character' && x.node.id === id)?.node;
      ctx.cast[id] = override && filmLevel ? characterPlan(id, { ...(filmLevel.props as P), ...(override.props as P) }, [...filmLevel.children, ...override.children]) : cast[id];
    }

    // Lighting written in the film; rigs are expanded after the performance is known.
    const lights: LightPlan[] = [];
    for (const ln of lightNodes) {
      const p = ln.props as P;
      const lp = toLightPlan({ ...(p as unknown as LightInput), id: ln.id }, ctx.whiteBalanceK);
      lp.tracks = tracksOf(ln.children, ln.id, issues, fpsValue);
      lights.push(lp);
    }
    const night = timeOfDay === 'night' || timeOfDay === 'evening';
    const bd = kids.find((c) => c.type === 'backdrop');
    const bp = (bd?.props as P) ?? {};
    const defaultSky: [string, string] = night ? ['#05070d', '#1a2235'] : timeOfDay === 'dawn' || timeOfDay === 'dusk' || timeOfDay === 'magic-hour' ? ['#3a5a8c', '#f0a46a'] : ['#4a78b8', '#bcd3e6'];
    const backdropKind = (bp.kind as ScenePlan['backdrop']['kind']) ?? (setting === 'EXT' ? 'sky' : 'solid');
    let backdrop: ScenePlan['backdrop'] = {
      kind: backdropKind,
      colors: bp.colors
        ? [rgbToLinear((bp.colors as [Rgb, Rgb])[0]), rgbToLinear((bp.colors as [Rgb, Rgb])[1])]
        : bp.color
          ? [rgbToLinear(bp.color as Rgb), rgbToLinear(bp.color as Rgb)]
          : backdropKind === 'sky' || backdropKind === 'gradient'
            ? [lin(undefined, defaultSky[0]), lin(undefined, defaultSky[1])]
            : [lin(undefined, '#101114'), lin(undefined, '#101114')],
      floorColor: bp.floorColor ? rgbToLinear(bp.floorColor as Rgb) : undefined,
      sunElevation: bp.sunElevation as number | undefined,
    };

    // Departments that decide what exists and how it looks: rooms, locations, wardrobe.
    const sceneExt: Record<string, unknown> = {};
    const resolveCtx: SceneResolveContext = {
      film: root,
      scene: sn,
      sceneIndex,
      sceneId: sn.id,
      fps: fpsValue,
      aspect,
      setting,
      location,
      timeOfDay,
      storyDay: sp.storyDay as number | undefined,
      cast: ctx.cast,
      sets,
      props,
      lights,
      backdrop,
      marks: ctx.marks,
      wrappers: sceneWrappers,
      ext: sceneExt,
      issues,
    };
    for (const r of resolvers) r.beforeTiming?.(resolveCtx);
    backdrop = resolveCtx.backdrop;
    ctx.props.clear();
    for (const pr of props) ctx.props.set(pr.id, pr);
    ctx.walls = sets.flatMap((st) => st.walls);

    const pointOf = (s: unknown): V3 | undefined => {
      if (Array.isArray(s)) return s as V3;
      if (typeof s !== 'string') return undefined;
      const m = ctx.marks.get(s);
      if (m) return m.position;
      const pr = ctx.props.get(s);
      if (pr) return [pr.position[0], 0, pr.position[2]];
      return undefined;
    };
    const seatOf = (id: string) => {
      const pr = ctx.props.get(id);
      if (!pr) return undefined;
      return { seat: [pr.position[0], 0, pr.position[2]] as V3, height: pr.seatHeight ?? pr.size[1] * pr.scale[1], yaw: pr.rotation[1] };
    };
    // Unknown spot ids are reported once, here, with the cue's location.
    for (const c of cueNodes) {
      const p = c.props as P;
      for (const key of ['position', 'to', 'toward', 'on', 'target']) {
        const v = p[key];
        if (typeof v === 'string' && v !== 'camera' && !pointOf(v) && !ctx.cast[v] && !cast[v]) {
          const s = suggest(v, [...ctx.marks.keys(), ...ctx.props.keys(), ...Object.keys(ctx.cast)]);
          issues.push(issue('ref/unknown', `<${c.path.split(' > ').pop()}> ${key}="${v}" names no mark, prop or character in scene "${sn.id}".`, { location: c.source, componentPath: c.path, prop: key, hint: s ? `Did you mean "${s}"?` : 'Add a <Mark id=…> or give a position [x, y, z].' }));
        }
      }
      for (const v of ((p.path as unknown[]) ?? []).filter((x) => typeof x === 'string') as string[]) {
        if (!pointOf(v)) issues.push(issue('ref/unknown', `<Walk> path point "${v}" names no mark or prop.`, { location: c.source, componentPath: c.path, prop: 'path' }));
      }
    }

    const sceneHead = sp.head ? timeToSeconds(sp.head as TimeValue, fpsValue) : 0.5;
    const sceneTail = sp.tail ? timeToSeconds(sp.tail as TimeValue, fpsValue) : 1;
    const timing = timeScene({
      sceneId: sn.id,
      cues: cueNodes,
      fps: fpsValue,
      head: sceneHead,
      resolveSpot: (s, who, state) => (typeof s === 'string' && state.has(s) && s !== who ? state.get(s)!.pos : pointOf(s)),
      lineDurations: opts.lineDurations,
      rateOf: (who) => ctx.cast[who]?.voice.rate,
      seatStanceOf: (id) => {
        const s = seatOf(id);
        return s ? seatStance(s) : undefined;
      },
    });
    issues.push(...timing.issues);
    ctx.cues = timing.cues;
    const perf = buildPerformances({
      sceneId: sn.id,
      cues: timing.cues,
      cast: ctx.cast,
      characters: present,
      pointOf,
      seatOf,
      radiusOf: (id) => {
        const pr = ctx.props.get(id);
        return pr ? Math.max(pr.size[0] * pr.scale[0], pr.size[2] * pr.scale[2]) / 2 : undefined;
      },
      lineEnvelopes: opts.lineEnvelopes,
    });
    issues.push(...perf.issues);
    ctx.performances = perf.performances;
    const lines = perf.lines;
    const cueMap = new Map(timing.cues.map((c) => [c.id, c] as const));

    const subjectAt = (id: string, t: number): SubjectRef | undefined => {
      const ch = ctx.cast[id];
      const pf = ctx.performances[id];
      if (!ch || !pf) return undefined;
      return { eyes: eyesAt(ch, pf, t), height: ch.body.height, yaw: yawAt(pf, t) };
    };
    const objectAt = (id: string): { point: V3; size: number } | undefined => {
      const pr = ctx.props.get(id);
      if (pr) return { point: [pr.position[0], pr.position[1] + pr.size[1] * pr.scale[1] * 0.5, pr.position[2]], size: Math.max(pr.size[0] * pr.scale[0], pr.size[1] * pr.scale[1], pr.size[2] * pr.scale[2]) };
      const m = ctx.marks.get(id);
      if (m) return { point: m.position, size: 0.5 };
      return undefined;
    };

    // Rigs are placed on their subject as they stand at the scene's start.
    for (const rn of kids.filter((c) => c.type === 'lightrig')) {
      const p = rn.props as P;
      let subject: V3 = [0, 1.6, 0];
      let facing = 0;
      const subj = p.subject ?? present[0];
      if (Array.isArray(subj)) subject = subj as V3;
      else if (typeof subj === 'string') {
        const s = subjectAt(subj, sceneHead);
        const o = objectAt(subj);
        if (s) {
          subject = s.eyes;
          facing = s.yaw;
        } else if (o) subject = o.point;
        else issues.push(issue('ref/unknown', `<LightRig> subject "${subj}" is not a character, prop or mark in scene "${sn.id}".`, { location: rn.source, componentPath: rn.path, prop: 'subject' }));
      }
      lights.push(
        ...expandRig(
          {
            id: rn.id,
            preset: p.preset as string,
            subject,
            facing,
            keySide: (p.keySide as 'left' | 'right') ?? 'left',
            intensity: p.intensity as number,
            temperatureK: p.temperatureK as number | undefined,
            color: p.color as Rgb | undefined,
            overrides: { key: p.key as P, fill: p.fill as P, back: p.back as P, rim: p.rim as P, kicker: p.kicker as P, background: p.background as P } as never,
          },
          ctx.whiteBalanceK,
        ),
      );
    }
    // Practical props light the room a little, like the real lamps they are.
    for (const pr of props) {
      if (pr.kind && PROP_KINDS[pr.kind]?.category === 'lighting' && pr.material.emissiveIntensity > 0) {
        lights.push(toLightPlan({ id: `${pr.id}.practical`, kind: 'point', role: 'practical', position: [pr.position[0], pr.position[1] + pr.size[1] * pr.scale[1] * 0.85, pr.position[2]], intensity: 0.35, temperatureK: 2700, castShadow: false }, ctx.whiteBalanceK));
      }
    }
    if (!lights.length) {
      // An unlit scene still reads: a soft key and ambience until someone lights it.
      lights.push(toLightPlan({ id: 'default.key', kind: setting === 'EXT' ? 'sun' : 'spot', role: 'key', position: [3, 5, 4], target: [0, 1, 0], intensity: night ? 0.5 : 1, temperatureK: night ? 4100 : setting === 'EXT' ? 5600 : 3400, angle: 45, penumbra: 0.7 }, ctx.whiteBalanceK));
      lights.push(toLightPlan({ id: 'default.ambient', kind: 'hemisphere', role: 'ambient', intensity: night ? 0.12 : 0.35, color: night ? [0.45, 0.55, 0.8] : [0.85, 0.9, 1] }, ctx.whiteBalanceK));
    }
    // Shots: windows on scene time, then cameras.
    const producers = kids.filter((c) => c.type === 'shot' || c.type === 'coverage' || c.type === 'transition');
    const perfEnd = Math.max(timing.end, lines.reduce((m, l) => Math.max(m, l.t1), 0));
    type Win = { node: ValidNode; start: number; end?: number; auto: boolean };
    const wins: Win[] = [];
    let cursor = 0;
    const shotNodes = producers.filter((c) => c.type !== 'transition');
    for (const n of shotNodes) {
      const p = n.props as P;
      let start = cursor;
      let end: number | undefined;
      const lineIds = p.lines as string[] | undefined;
      if (lineIds?.length) {
        const ls = lineIds.map((id) => lines.find((l) => l.id === id));
        lineIds.forEach((id, i) => {
          if (!ls[i]) {
            const s = suggest(id, lines.map((l) => l.id));
            issues.push(issue('ref/unknown-line', `<${n.type === 'shot' ? 'Shot' : 'CoverageSet'}> covers line "${id}", which is not a line in scene "${sn.id}".`, { location: n.source, componentPath: n.path, prop: 'lines', hint: s ? `Did you mean "${s}"?` : `Lines: ${lines.map((l) => l.id).join(', ') || 'none'}.` }));
          }
        });
        const found = ls.filter((l): l is LinePlan => !!l);
        if (found.length) {
          start = Math.max(0, Math.min(...found.map((l) => l.t0)) - 0.25);
          end = Math.max(...found.map((l) => l.t1)) + 0.35;
        }
      }
      if (p.from) {
        const a = anchorTime(p.from as Anchor, cueMap, fpsValue, n, issues);
        if (a !== undefined) start = a;
      }
      if (p.duration && p.duration !== 'auto') end = start + timeToSeconds(p.duration as TimeValue, fpsValue);
      wins.push({ node: n, start, end, auto: end === undefined });
      if (end !== undefined) cursor = end;
    }
    const sceneEnd = Math.max(perfEnd + sceneTail, ...wins.map((w) => w.end ?? 0));
    // Auto windows share the time up to the next fixed start (or the scene's end).
    for (let i = 0; i < wins.length; i++) {
      if (!wins[i].auto) continue;
      let j = i;
      while (j + 1 < wins.length && wins[j + 1].auto && !(wins[j + 1].node.props as P).from) j++;
      const startI = i === 0 ? wins[i].start : Math.max(wins[i].start, wins[i - 1].end ?? wins[i].start);
      const next = wins[j + 1];
      const limit = next ? Math.max(startI + 0.5 * (j - i + 1), next.start > startI ? next.start : sceneEnd) : sceneEnd;
      const share = (limit - startI) / (j - i + 1);
      for (let k = i; k <= j; k++) {
        wins[k].start = k === i ? startI : wins[k - 1].end!;
        wins[k].end = wins[k].start + share;
      }
      i = j;
    }

    const shots: ShotPlan[] = [];
    const sceneTracks = tracksOf(kids, '', issues, fpsValue).filter((t) => {
      if (!t.target) {
        issues.push(issue('keyframes/target', 'Scene-level <Keyframes> need a target id.', { location: kids.find((c) => c.type === 'keyframes')?.source }));
        return false;
      }
      return true;
    });
    const camDefaults = (n: ValidNode): P => {
      const fromShot = ((n.props as P).camera as P) ?? {};
      const child = n.children.find((c) => c.type === 'camera');
      return { ...fromShot, ...Object.fromEntries(Object.entries((child?.props as P) ?? {}).filter(([, v]) => v !== undefined)) };
    };

    const toCamera = (framed: Framed | undefined, cp: P, targetSubject: string | undefined, moves: MovePlan[], tracks: TrackPlan[]): CameraPlan => {
      const sensor = (cp.sensor as CameraPlan['sensor']) ?? { name: 'S35', widthMm: 24.89, heightMm: 18.66 };
      const position = (cp.position as V3) ?? framed?.position ?? [0, 1.6, 6];
      let target: V3 = framed?.target ?? [0, 1.2, 0];
      let tSubject = targetSubject;
      let offset = framed?.targetOffset;
      if (Array.isArray(cp.target)) {
        target = cp.target as V3;
        tSubject = undefined;
      } else if (typeof cp.target === 'string') {
        tSubject = cp.target;
        offset = [0, 0, 0];
      }
      const focus = cp.focus;
      return {
        position,
        target,
        targetSubject: tSubject,
        targetOffset: tSubject ? offset ?? [0, 0, 0] : undefined,
        focalLengthMm: (cp.focalLengthMm as number) ?? framed?.focalLengthMm ?? 35,
        sensor,
        fStop: cp.fStop as number | undefined,
        focusDistance: typeof focus === 'number' ? focus : undefined,
        focusSubject: typeof focus === 'string' ? focus : tSubject,
        roll: (cp.roll as number) ?? 0,
        rig: (cp.rig as CameraPlan['rig']) ?? 'tripod',
        shake: (cp.shake as number) ?? 0,
        near: (cp.near as number) ?? 0.05,
        far: (cp.far as number) ?? 500,
        whiteBalanceK: ctx.whiteBalanceK,
        moves,
        tracks,
        projection: cp.projection as CameraPlan['projection'],
        orthoHeight: cp.orthoHeight as number | undefined,
      };
    };

    const knownSubject = (id: string, n: ValidNode, prop: string) => {
      if (ctx.cast[id] || ctx.props.has(id) || ctx.marks.has(id)) return true;
      const s = suggest(id, [...Object.keys(ctx.cast), ...ctx.props.keys(), ...ctx.marks.keys()]);
      issues.push(issue('ref/unknown', `<${n.type === 'shot' ? 'Shot' : n.path.split(' > ').pop()}> ${prop} "${id}" is not a character, prop or mark in scene "${sn.id}".`, { location: n.source, componentPath: n.path, prop, hint: s ? `Did you mean "${s}"?` : undefined }));
      return false;
    };

    const shotWrappers = new Map<string, ValidNode[]>();
    let shotCounter = 0;
    let prevWasTransition: ValidNode | undefined = pendingTransition;
    pendingTransition = undefined;
    let wi = 0;
    for (const n of producers) {
      if (n.type === 'transition') {
        prevWasTransition = n;
        continue;
      }
      const w = wins[wi++];
      const p = n.props as P;
      const firstNew = shots.length;
      if (n.type === 'shot') {
        shotCounter += 1;
        const id = (p.id as string) ?? `shot${shotCounter}`;
        const duration = w.end! - w.start;
        const cp = camDefaults(n);
        const camNode = n.children.find((c) => c.type === 'camera');
        const moves = movesOf([...n.children, ...(camNode?.children ?? [])], duration, fpsValue);
        const tracks = tracksOf([...n.children, ...(camNode?.children ?? [])], 'camera', issues, fpsValue, { focus: 'focusDistance' });
        const subjects = p.subject === undefined ? [] : Array.isArray(p.subject) ? (p.subject as string[]) : [p.subject as string];
        for (const s of subjects) knownSubject(s, n, 'subject');
        if (typeof p.over === 'string') knownSubject(p.over, n, 'over');
        if (typeof cp.target === 'string') knownSubject(cp.target, n, 'camera.target');
        const mid = (w.start + w.end!) / 2;
        let framed: Framed | undefined;
        let targetSubject: string | undefined;
        const size = (p.size as ShotSize | undefined) ?? (subjects.length === 1 ? 'MS' : 'WS');
        const sensor = (cp.sensor as CameraPlan['sensor']) ?? { name: 'S35', widthMm: 24.89, heightMm: 18.66 };
        const lensOpt = { focalLengthMm: cp.focalLengthMm as number | undefined, sensor, aspect };
        if (!cp.position) {
          const people = (subjects.length ? subjects : present).filter((s) => ctx.cast[s]).map((s) => ({ id: s, ref: subjectAt(s, mid) })).filter((x) => x.ref) as Array<{ id: string; ref: SubjectRef }>;
          const over = typeof p.over === 'string' ? subjectAt(p.over, mid) : undefined;
          if (over && people.length) {
            framed = frameOts(over, people[0].ref, 1, { size, ...lensOpt });
            targetSubject = people[0].id;
          } else if (people.length === 1) {
            // A single stays clean: if someone stands in the line of sight, swing wider around.
            const others = present.filter((x) => x !== people[0].id).map((x) => subjectAt(x, mid)).filter((x): x is SubjectRef => !!x);
            const base = (p.azimuth as number | undefined) ?? 20;
            const tries = p.azimuth !== undefined ? [base] : [base, -base, 40, -40, 60, -60];
            for (const az of tries) {
              framed = frameSingle(people[0].ref, size, { azimuth: az, angle: p.angle as string | undefined, ...lensOpt });
              if (clearOfPeople(framed.position, framed.target, others)) break;
            }
            targetSubject = people[0].id;
          } else if (people.length > 1) {
            // Face the group from the side they face.
            const facing = people.reduce((a, x) => add(a, yawDir(x.ref.yaw)), [0, 0, 0] as V3);
            let normal = norm(facing);
            const az = p.azimuth as number | undefined;
            if (people.length === 2) {
              const across = norm(cross(norm(sub(people[1].ref.eyes, people[0].ref.eyes)), [0, 1, 0]));
              normal = scale(across, Math.sign(facing[0] * across[0] + facing[2] * across[2]) || 1);
            }
            if (az) normal = yawDir(dirYaw(normal) + az);
            framed = frameGroup(people.map((x) => x.ref), size, { normal, angle: p.angle as string | undefined, ...lensOpt });
          } else if (subjects.length && objectAt(subjects[0])) {
            const o = objectAt(subjects[0])!;
            framed = frameInsert(o.point, o.size, [o.point[0], 0, o.point[2] + 3], { size, ...lensOpt });
          } else framed = { position: [0, 1.6, 6], target: [0, 1.2, 0], focalLengthMm: (cp.focalLengthMm as number) ?? SIZE_LENS[size], targetOffset: [0, 0, 0] };
          if (p.angle === 'dutch' && cp.roll === undefined) cp.roll = 12;
          if (framed) framed = unblock(framed, ctx.walls);
        }
        shots.push({
          id,
          key: `${sn.id}/${id}`,
          name: (p.name as string) ?? id,
          size: p.size as string | undefined,
          type: p.type as string | undefined,
          subjects,
          notes: p.notes as string | undefined,
          sceneIn: w.start,
          sceneOut: w.end!,
          startFrame: 0,
          endFrame: 0,
          frames: 0,
          camera: toCamera(framed, cp, targetSubject, moves, tracks),
          lines: lines.filter((l) => l.t0 < w.end! && l.t1 > w.start).map((l) => l.id),
          source: n.source,
        });
      } else {
        // <CoverageSet>
        const covId = n.id;
        const inWindow = lines.filter((l) => l.t0 >= w.start - 1e-6 && l.t0 < w.end!);
        const speakers: string[] = [];
        for (const l of inWindow) if (!speakers.includes(l.who)) speakers.push(l.who);
        const chars = ((p.characters as string[]) ?? speakers.concat(present.filter((x) => !speakers.includes(x)))).slice(0, 2).filter((c) => knownSubject(c, n, 'characters'));
        if (!chars.length) {
          issues.push(issue('coverage/no-characters', `<CoverageSet> in scene "${sn.id}" has nobody to cover.`, { location: n.source, componentPath: n.path, hint: 'Place characters and give them lines, or set characters={["a", "b"]}.' }));
          continue;
        }
        const insertsIn = ((p.inserts as Array<P>) ?? []).map((ins) => {
          knownSubject(ins.subject as string, n, 'inserts');
          const t0 = ins.at ? anchorTime(ins.at as Anchor, cueMap, fpsValue, n, issues) ?? w.start : (w.start + w.end!) / 2;
          const d = ins.duration ? timeToSeconds(ins.duration as TimeValue, fpsValue) : 1.5;
          return { subject: ins.subject as string, t0, t1: t0 + d, size: ins.size as ShotSize | undefined };
        });
        const movement = chars.flatMap((c) => (ctx.performances[c]?.root ?? []).filter((r) => r.path.length > 1).map((r) => ({ t0: r.t0, t1: r.t1 })));
        const pacing = p.pacing as CoverageInput['pacing'];
        const input: CoverageInput = {
          id: covId,
          t0: w.start,
          t1: w.end!,
          characters: chars as [string, string],
          lines: inWindow,
          movement,
          inserts: insertsIn,
          side: p.side as 'left' | 'right',
          master: p.master === false ? false : ((p.master as P) ?? {}),
          ots: p.ots as boolean,
          singles: p.singles as boolean,
          lens: (p.lens as CoverageInput['lens']) ?? {},
          minShot: p.minShot ? timeToSeconds(p.minShot as TimeValue, fpsValue) : pacing === 'slow' ? 1.6 : pacing === 'fast' ? 0.8 : 1.1,
          pacing,
        };
        const cut = planCoverageCut(input);
        const { placed } = placeCoverage(input, cut, { subjectAt, objectAt: (id) => objectAt(id), sensor: { widthMm: 24.89, heightMm: 18.66 }, aspect });
        const final = enforceThirtyDegrees(placed, (s) => (s.setup.subject ? subjectAt(s.setup.subject, (s.t0 + s.t1) / 2)?.eyes ?? objectAt(s.setup.subject)?.point : undefined));
        final.forEach((s, i) => {
          s.framed = unblock(s.framed, ctx.walls);
          const su = s.setup;
          const name = su.kind === 'master' ? 'Master' : su.kind === 'ots' ? `OTS on ${ctx.cast[su.subject!]?.name ?? su.subject}` : su.kind === 'single' ? `${ctx.cast[su.subject!]?.name ?? su.subject} ${su.size}` : `Insert: ${su.subject}`;
          const tracking = su.kind === 'single' || su.kind === 'ots' ? su.subject : undefined;
          shots.push({
            id: `${covId}-${i + 1}`,
            key: `${sn.id}/${covId}-${i + 1}`,
            name,
            size: su.size,
            type: su.kind,
            subjects: su.subject ? [su.subject] : [...chars],
            sceneIn: s.t0,
            sceneOut: s.t1,
            startFrame: 0,
            endFrame: 0,
            frames: 0,
            camera: toCamera(s.framed, {}, tracking, [], []),
            coverage: { id: covId, setup: su.key },
            lines: s.lines,
            source: n.source,
          });
        });
      }
      if (prevWasTransition && shots.length > firstNew) {
        transitionsIn.set(shots[firstNew], prevWasTransition);
        prevWasTransition = undefined;
      }
      for (let k = firstNew; k < shots.length; k++) shotWrappers.set(shots[k].key, [...sceneWrappers, ...(localWrap.get(n) ?? [])]);
    }
    if (prevWasTransition) {
      const kind = (prevWasTransition.props as P).kind;
      if (kind === 'fade-out' && shots.length) transitionsOut.set(shots[shots.length - 1], prevWasTransition);
      else pendingTransition = prevWasTransition;
    }
    if (!shots.length) {
      // No shots written: cover the scene with one wide master so it still plays.
      const people = present.map((s) => subjectAt(s, sceneEnd / 2)).filter((x): x is SubjectRef => !!x);
      const grouped = people.length ? frameGroup(people, 'WS', { normal: norm(people.reduce((a, x) => add(a, yawDir(x.yaw)), [0, 0, 0] as V3)) as V3, sensor: { widthMm: 24.89, heightMm: 18.66 }, aspect }) : undefined;
      const framed = grouped ? unblock(grouped, ctx.walls) : undefined;
      shots.push({
        id: 'master',
        key: `${sn.id}/master`,
        name: 'Master',
        size: 'WS',
        type: 'master',
        subjects: present,
        sceneIn: 0,
        sceneOut: sceneEnd,
        startFrame: 0,
        endFrame: 0,
        frames: 0,
        camera: toCamera(framed, {}, undefined, [], []),
        lines: lines.map((l) => l.id),
        source: sn.source,
      });
      shotWrappers.set(`${sn.id}/master`, [...sceneWrappers]);
    }
    // Duplicate shot ids inside a scene would collide in the output folder.
    const seenIds = new Set<string>();
    for (const s of shots) {
      if (seenIds.has(s.id)) issues.push(issue('doc/duplicate-id', `Two shots in scene "${sn.id}" are called "${s.id}".`, { location: s.source }));
      seenIds.add(s.id);
    }

    // A camera must not stand inside a wall (a blank or wall-filled frame is never wanted).
    for (const s of shots) {
      const samples = [0, 0.5, 1].map((f) => s.sceneIn + f * (s.sceneOut - s.sceneIn));
      for (const t of samples) {
        const cam = evaluateCamera(s.camera, t - s.sceneIn, { aimOf: (id) => subjectAt(id, t)?.eyes ?? objectAt(id)?.point }, aspect, s.key);
        const wall = insideWall(cam.position, ctx.walls);
        if (wall) {
          issues.push(
            issue('camera/inside-wall', `Shot "${s.key}": the camera at [${cam.position.map((v) => v.toFixed(2)).join(', ')}] is inside wall "${wall.id}" at ${(t - s.sceneIn).toFixed(2)} s into the shot.`, {
              location: s.source,
              hint: 'Move the camera, use a wider lens from inside the room, or remove the wall for this shot (a "wild" wall).',
            }),
          );
          break;
        }
      }
    }

    const scenePlan: ScenePlan = {
      id: sn.id,
      index: sceneIndex++,
      number: (sp.number as string) ?? String(sceneIndex),
      heading: heading || `${setting}. ${location.toUpperCase()} - ${timeOfDay.toUpperCase()}`,
      setting,
      location,
      timeOfDay,
      storyDay: sp.storyDay as number | undefined,
      mood: sp.mood as string | undefined,
      duration: sceneEnd,
      startFrame: 0,
      endFrame: 0,
      sets,
      props,
      marks: [...ctx.marks].map(([id, m]) => ({ id, position: m.position, facing: m.facing })),
      backdrop,
      lights,
      characters: present,
      cast: ctx.cast,
      performances: ctx.performances,
      lines,
      cues: timing.cues.map((c) => ({ id: c.id, type: c.type, who: c.who, t0: c.t0, t1: c.t1 })),
      shots,
      tracks: sceneTracks,
      source: sn.source,
    };
    // Departments that derive from the performance and the cut: sound cues, looks per shot.
    for (const r of resolvers) r.afterShots?.({ ...resolveCtx, backdrop, plan: scenePlan, lines, shots, shotWrappers });
    if (Object.keys(sceneExt).length) scenePlan.ext = sceneExt;
    scenes.push(scenePlan);
  }
  if (!scenes.length) issues.push(issue('film/no-scenes', `<Film title="${fp.title}"> has no <Scene>.`, { location: root.source, hint: 'Add at least one <Scene id="…"> with a <Shot>.' }));

  // Edit: frames for every shot, in order; transitions between them.
  let frame = 0;
  const cut: FilmPlan['cut'] = [];
  for (const sc of scenes) {
    sc.startFrame = frame;
    sc.shots.forEach((s, si) => {
      s.frames = Math.max(1, Math.round((s.sceneOut - s.sceneIn) * fpsValue));
      s.startFrame = frame;
      s.endFrame = frame + s.frames;
      frame = s.endFrame;
      cut.push({ scene: sc.index, shot: si, startFrame: s.startFrame, endFrame: s.endFrame });
    });
    sc.endFrame = frame;
  }
  const flat = scenes.flatMap((s) => s.shots);
  const toTransition = (n: ValidNode, limit: number): TransitionPlan => {
    const p = n.props as P;
    const kind = p.kind as TransitionPlan['kind'];
    const want = p.duration ? timeToSeconds(p.duration as TimeValue, fpsValue) : TRANSITION_DEFAULT[kind];
    let frames = Math.round(want * fpsValue);
    if (frames > limit) {
      issues.push(warning('transition/too-long', `A ${kind} of ${frames} frames is longer than the shots around it allow; shortened to ${limit}.`, { location: n.source, componentPath: n.path }));
      frames = limit;
    }
    return { kind, frames, color: p.color ? lin(parseHexColor(p.color as string) ?? undefined, '#000000') : [0, 0, 0], direction: p.direction as TransitionPlan['direction'] };
  };
  flat.forEach((s, i) => {
    const tin = transitionsIn.get(s);
    if (tin) {
      const prev = flat[i - 1];
      const kind = (tin.props as P).kind;
      const limit = kind === 'fade-in' || !prev ? s.frames : Math.min(s.frames, prev.frames);
      const tp = toTransition(tin, limit);
      if (!prev && tp.kind !== 'fade-in' && tp.kind !== 'cut') tp.kind = 'fade-in';
      if (tp.kind !== 'cut') s.transitionIn = tp;
    }
    const tout = transitionsOut.get(s);
    if (tout) s.transitionOut = toTransition(tout, s.frames);
  });
  if (pendingTransition && flat.length) {
    const kind = (pendingTransition.props as P).kind;
    if (kind === 'fade-out' || kind === 'fade') flat[flat.length - 1].transitionOut = { ...toTransition(pendingTransition, flat[flat.length - 1].frames), kind: 'fade-out' };
  }

  const plan: FilmPlan = {
    schemaVersion: PLAN_SCHEMA_VERSION,
    title: fp.title as string,
    author: fp.author as string | undefined,
    fps,
    fpsValue,
    resolution,
    seed,
    outputs: ((fp.outputs as FilmPlan['outputs'] | undefined) ?? [{ name: slugify(fp.title as string), format: 'h264' }]).map((o) => ({ ...o })),
    totalFrames: frame,
    duration: frame / fpsValue,
    cast,
    scenes,
    cut,
    file: opts.file,
  };
  for (const r of resolvers) r.film?.(plan, root, issues);
  return { plan, issues };
}

function slugify(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'movie';
}

function insideWall(p: V3, walls: WallPlan[]): WallPlan | undefined {
  for (const w of walls) {
    if (p[1] < 0 || p[1] > w.height) continue;
    const a: V3 = [w.from[0], 0, w.from[1]];
    const b: V3 = [w.to[0], 0, w.to[1]];
    const ab = sub(b, a);
    const L = Math.hypot(ab[0], ab[2]);
    if (L < 1e-6) continue;
    const u = ((p[0] - a[0]) * ab[0] + (p[2] - a[2]) * ab[2]) / (L * L);
    if (u < 0 || u > 1) continue;
    const closest = add(a, scale(ab, u));
    if (dist2(closest, p) > w.thickness / 2 + 0.02) continue;
    // Inside an opening is fine: a camera can shoot through a doorway.
    const along = u * L;
    const inOpening = w.openings.some((o) => Math.abs(along - o.at) < o.width / 2 && p[1] >= o.sill && p[1] <= o.sill + o.height);
    if (!inOpening) return w;
  }
  return undefined;
}

