// The sound department in planning: after each scene's performance and shots are known, derive
// its sound cues (ScenePlan.ext.sound) — dialogue from the lines, foley from what the bodies do
// (footsteps on the planned footfalls over the floor they land on, sits and stands, cloth on
// gestures, doors whose `open` animates), ambience from the location and time of day, a music
// bed from the scene's mood — and let explicit <Music>, <Ambience> and <Foley> override them.
// After every scene: voices for the cast (distinct across the film) and the mix settings
// (FilmPlan.ext.sound).
//
// Every unknown name (mood, ambience type, foley kind, surface, door action, voice variant) is
// an error at the element's file:line with a suggestion; nothing is silently dropped.

import fs from 'node:fs';
import path from 'node:path';
import { issue, warning, type KinoIssue } from '../../doc/errors';
import { WRAPPERS } from '../../doc/schema';
import { suggest, type ValidNode } from '../../doc/validate';
import { timeToSeconds, type Anchor, type TimeValue } from '../../doc/values';
import type { Resolver, SceneShotsContext } from '../../plan/resolvers';
import type { FilmPlan, PerformancePlan } from '../../plan/schema';
import { AMBIENCE_TYPES, TIMES_OF_DAY, type AmbienceType, type TimeOfDay } from '../ambience/bed';
import { VOICE_VARIANTS, castVoices, type Voice } from '../dialogue/voice';
import { CHAIRS, DOOR_ACTIONS, DOOR_MATERIALS, FABRICS, IMPACT_MATERIALS, PACES, SURFACES, type FoleySpec, type Surface } from '../foley';
import { MUSIC_MOODS, type Mood } from '../music/moods';
import { NOTE_NAMES } from '../music/theory';
import { SceneSoundSchema, type SceneAmbienceCue, type SceneDialogueCue, type FilmMix, type FilmSound, type SceneFoleyCueInput, type SceneMusicCue, type SceneSound } from './cues';
import {
  FLOOR_SURFACE, GESTURE_CLOTH, MOOD_SYNONYMS, ambienceFor, ambienceTimeOfDay, bodyWeight, chairOf, fabricOf, lineDelivery, moodOf, paceOf, shoeSole, surfaceOfFloor,
} from './vocabulary';

type P = Record<string, unknown>;

/** Default balance before normalisation, dB per role (dialogue is the anchor). */
export const DEFAULT_LEVELS = { dialogue: 0, music: -4, effects: -3, ambience: 0 } as const;
export const DEFAULT_MIX = { targetLufs: -23, truePeakDb: -1, duck: { depthDb: 12, attackMs: 20, releaseMs: 300 } } as const;

/** Foley kinds a <Foley> may name; "footstep" is one step, "footsteps" a run (or a character's steps). */
export const FOLEY_CUE_KINDS = ['footsteps', 'footstep', 'door', 'sit', 'stand', 'impact', 'cloth'] as const;
const AUDIO_EXT = /\.(wav|wave|mp3|flac|ogg|oga|opus|m4a|aac|aif|aiff)$/i;
const ENHARMONIC: Record<string, (typeof NOTE_NAMES)[number]> = { DB: 'C#', 'D#': 'Eb', GB: 'F#', 'G#': 'Ab', 'A#': 'Bb', CB: 'B', 'E#': 'F', FB: 'E', 'B#': 'C' };

/** Sound nodes of a scene, looking through wrappers (<Style>, <Grade>…). */
function soundNodes(scene: ValidNode): ValidNode[] {
  const out: ValidNode[] = [];
  const walk = (nodes: ValidNode[]) => {
    for (const n of nodes) {
      if (WRAPPERS.has(n.type)) walk(n.children);
      else if (n.type === 'music' || n.type === 'ambience' || n.type === 'foley') out.push(n);
    }
  };
  walk(scene.children);
  return out;
}

function component(n: ValidNode): string {
  return n.type === 'music' ? 'Music' : n.type === 'ambience' ? 'Ambience' : 'Foley';
}

class SceneSoundBuilder {
  readonly issues: KinoIssue[];
  private readonly fps: number;
  constructor(private readonly ctx: SceneShotsContext) {
    this.issues = ctx.issues;
    this.fps = ctx.fps;
  }

  private err(n: ValidNode, code: string, message: string, prop?: string, hint?: string) {
    this.issues.push(issue(code, message, { location: n.source, componentPath: n.path, prop, hint }));
  }

  /** An enum-like prop: the value, or an error with a suggestion (and undefined). */
  private oneOf<T extends string>(n: ValidNode, prop: string, value: unknown, allowed: readonly T[], aliases: Record<string, T> = {}): T | undefined {
    if (value === undefined) return undefined;
    const v = String(value);
    if ((allowed as readonly string[]).includes(v)) return v as T;
    const lower = v.trim().toLowerCase();
    if (aliases[lower]) return aliases[lower];
    if ((allowed as readonly string[]).includes(lower)) return lower as T;
    const s = suggest(v, [...allowed, ...Object.keys(aliases)]);
    this.err(n, 'sound/unknown-value', `<${component(n)}> ${prop}="${v}" is not one kino's sound department knows.`, prop, `${s ? `Did you mean "${s}"? ` : ''}Known: ${allowed.join(', ')}.`);
    return undefined;
  }

  private seconds(v: unknown): number | undefined {
    return v === undefined ? undefined : timeToSeconds(v as TimeValue, this.fps);
  }

  /** A cue's `at`: a time, or an anchor on a cue ("with:l1") or a shot ("with:closing"). */
  private at(n: ValidNode, selfDuration = 0): number | undefined {
    const a = (n.props as P).at as Anchor | undefined;
    if (!a) return undefined;
    if (a.kind === 'time') return timeToSeconds(a.time, this.fps);
    const cue = this.ctx.plan.cues.find((c) => c.id === a.ref);
    const shot = this.ctx.shots.find((s) => s.id === a.ref);
    const ref = cue ? { t0: cue.t0, t1: cue.t1 } : shot ? { t0: shot.sceneIn, t1: shot.sceneOut } : undefined;
    if (!ref) {
      const s = suggest(a.ref, [...this.ctx.plan.cues.map((c) => c.id), ...this.ctx.shots.map((x) => x.id)]);
      this.err(n, 'sound/unknown-anchor', `<${component(n)}> at "${a.kind}:${a.ref}" names no cue or shot in scene "${this.ctx.sceneId}".`, 'at', s ? `Did you mean "${s}"?` : 'Anchor to a line, an action with an id, or a shot id.');
      return undefined;
    }
    const off = timeToSeconds(a.offset, this.fps);
    const t = a.kind === 'with' ? ref.t0 + off : a.kind === 'after' ? ref.t1 + off : ref.t1 + off - selfDuration;
    return Math.max(0, t);
  }

  private src(n: ValidNode): string | undefined {
    const s = (n.props as P).src as string | undefined;
    if (s === undefined) return undefined;
    const base = n.source?.file ? path.dirname(n.source.file) : this.ctx.film.source?.file ? path.dirname(this.ctx.film.source.file) : process.cwd();
    const abs = path.resolve(base, s);
    if (!fs.existsSync(abs)) this.err(n, 'asset/missing', `<${component(n)}> src "${s}" was not found (looked for ${abs}).`, 'src', 'The path is relative to the file that uses it.');
    else if (!AUDIO_EXT.test(abs)) this.err(n, 'asset/format', `<${component(n)}> src "${s}" is not an audio file kino reads (WAV, MP3, FLAC, Ogg, Opus, M4A/AAC, AIFF).`, 'src');
    return abs;
  }

  private who(n: ValidNode): string | undefined {
    const w = (n.props as P).who as string | undefined;
    if (w === undefined) return undefined;
    if (this.ctx.cast[w]) return w;
    const s = suggest(w, Object.keys(this.ctx.cast));
    this.err(n, 'ref/unknown', `<Foley> who="${w}" is not a character in scene "${this.ctx.sceneId}".`, 'who', s ? `Did you mean "${s}"?` : `Characters here: ${Object.keys(this.ctx.cast).join(', ') || 'none'}.`);
    return undefined;
  }

  /** The floor under a point: the smallest set floor containing it. */
  surfaceAt(x: number, z: number): Surface {
    let best: { area: number; material: string } | undefined;
    for (const s of this.ctx.sets) {
      const f = s.floor;
      if (!f || x < f.min[0] || x > f.max[0] || z < f.min[1] || z > f.max[1]) continue;
      const area = (f.max[0] - f.min[0]) * (f.max[1] - f.min[1]);
      if (!best || area < best.area) best = { area, material: f.material };
    }
    return surfaceOfFloor(best?.material, this.ctx.setting);
  }

  build(): SceneSound {
    const ctx = this.ctx;
    const nodes = soundNodes(ctx.scene);
    const dialogue: SceneDialogueCue[] = ctx.lines
      .filter((l) => l.text.trim().length > 0)
      .map((l) => ({ id: l.id, key: `${ctx.sceneId}/${l.id}`, who: l.who, text: l.text, t0: l.t0, t1: l.t1, gainDb: lineDelivery(l.volume).gainDb, volume: l.volume, source: l.source }));

    // Explicit foley first: it decides which automatic foley is replaced or retuned.
    const foley: SceneFoleyCueInput[] = [];
    const replaced: Array<{ kind: string; who?: string }> = [];
    const stepOverrides = new Map<string, { surface?: Surface; pace?: string; gainDb: number; src?: string; node: ValidNode }>();
    for (const n of nodes.filter((x) => x.type === 'foley')) this.explicitFoley(n, foley, replaced, stepOverrides);
    const isReplaced = (kind: string, who?: string) => replaced.some((r) => r.kind === kind && (r.who === undefined || r.who === who));
    for (const c of this.autoFoley(stepOverrides)) if (!isReplaced(c.kind, c.who)) foley.push(c);
    foley.sort((a, b) => a.t - b.t || a.id.localeCompare(b.id));

    const ambience = nodes.filter((x) => x.type === 'ambience').map((n) => this.explicitAmbience(n)).filter((x): x is SceneAmbienceCue => !!x);
    if (!nodes.some((x) => x.type === 'ambience')) {
      ambience.push({ id: 'ambience', origin: 'auto', type: ambienceFor(ctx.setting, ctx.location, ctx.plan.heading), timeOfDay: ambienceTimeOfDay(ctx.timeOfDay), intensity: 0.5, gainDb: 0, source: ctx.scene.source });
    }

    const music = nodes.filter((x) => x.type === 'music').map((n) => this.explicitMusic(n)).filter((x): x is SceneMusicCue => !!x);
    if (!nodes.some((x) => x.type === 'music') && ctx.plan.mood) {
      const mood = moodOf(ctx.plan.mood);
      if (mood) music.push({ id: 'score', origin: 'auto', mood, intensity: 0.5, carry: false, gainDb: 0, source: ctx.scene.source });
      else {
        const s = suggest(ctx.plan.mood, Object.keys(MOOD_SYNONYMS));
        this.issues.push(
          warning('sound/unknown-mood', `Scene "${ctx.sceneId}" has mood "${ctx.plan.mood}", which the score does not know, so it gets no music.`, {
            location: ctx.scene.source,
            componentPath: ctx.scene.path,
            prop: 'mood',
            hint: `${s ? `Did you mean "${s}"? ` : ''}Music moods: ${MUSIC_MOODS.join(', ')}; or add <Music mood=…> to the scene.`,
          }),
        );
      }
    }
    return SceneSoundSchema.parse({ dialogue, foley, ambience, music });
  }

  private explicitFoley(n: ValidNode, out: SceneFoleyCueInput[], replaced: Array<{ kind: string; who?: string }>, stepOverrides: Map<string, { surface?: Surface; pace?: string; gainDb: number; src?: string; node: ValidNode }>): void {
    const p = n.props as P;
    const kind = this.oneOf(n, 'kind', p.kind, FOLEY_CUE_KINDS, { steps: 'footsteps', step: 'footstep', chair: 'sit', clothes: 'cloth', rustle: 'cloth', hit: 'impact', thud: 'impact', knock: 'door', slam: 'door' });
    if (!kind) return;
    const who = this.who(n);
    const surfaceAliases = Object.fromEntries(Object.entries(FLOOR_SURFACE).filter(([k]) => !(SURFACES as readonly string[]).includes(k)));
    const surface = this.oneOf(n, 'surface', p.surface, SURFACES, surfaceAliases);
    const pace = this.oneOf(n, 'pace', p.pace, PACES, { stroll: 'walk', brisk: 'walk', jog: 'run' });
    const src = this.src(n);
    const gainDb = (p.volume as number | undefined) ?? 0;
    const duration = this.seconds(p.duration);
    const at = this.at(n, duration ?? 0);
    const intensity = p.intensity as number | undefined;
    // Kind-specific names, checked before anything can return so every mistake is reported.
    const action = kind === 'door' ? this.oneOf(n, 'action', p.action ?? 'open', DOOR_ACTIONS) : undefined;
    const material =
      kind === 'door' ? this.oneOf(n, 'material', p.material ?? 'wood', DOOR_MATERIALS)
      : kind === 'impact' ? this.oneOf(n, 'material', p.material ?? 'wood', IMPACT_MATERIALS)
      : (kind === 'sit' || kind === 'stand') && p.material !== undefined ? this.oneOf(n, 'material', p.material, CHAIRS)
      : kind === 'cloth' && p.material !== undefined ? this.oneOf(n, 'material', p.material, FABRICS)
      : undefined;
    const ch = who ? this.ctx.cast[who] : undefined;
    const weight = ch ? bodyWeight(ch.body.height, ch.body.build) : 1;
    const fabric = ch ? fabricOf(ch.costume) : 'cotton';
    const group = kind === 'footstep' ? 'footsteps' : kind;
    if (p.replace) replaced.push({ kind: group, who });
    if (kind === 'footsteps' && at === undefined && (p.at === undefined)) {
      // Retune a character's planned steps: another surface, pace, level or a recorded step.
      if (!who) {
        this.err(n, 'sound/foley-needs', '<Foley kind="footsteps"> needs `who` (to retune that character\'s steps) or `at` (a run of steps at that time).', 'who');
        return;
      }
      stepOverrides.set(who, { surface, pace: p.pace as string | undefined, gainDb, src, node: n });
      return;
    }
    if (p.at !== undefined && at === undefined) return; // bad anchor, already reported
    const t = at ?? 0;
    if (t > this.ctx.plan.duration + 1e-6) {
      this.issues.push(warning('sound/cue-outside', `<Foley> at ${t.toFixed(2)} s is after the end of scene "${this.ctx.sceneId}" (${this.ctx.plan.duration.toFixed(2)} s); no shot shows it.`, { location: n.source, componentPath: n.path, prop: 'at' }));
    }
    const base = { id: n.id, origin: 'explicit' as const, kind: group, who, t, gainDb, source: n.source };
    if (src) {
      out.push({ ...base, src, durationSeconds: duration });
      return;
    }
    const sole = ch ? shoeSole(ch.costume.shoes) : 'hard';
    const under = () => surface ?? (who ? this.surfaceOfCharacterAt(who, t) : surfaceOfFloor(this.ctx.sets[0]?.floor?.material, this.ctx.setting));
    let sound: FoleySpec | undefined;
    switch (kind) {
      case 'footsteps':
        sound = { kind: 'footsteps', surface: under(), pace: pace ?? 'walk', weight, shoe: sole, count: p.count as number | undefined, durationSeconds: p.count === undefined ? Math.min(3600, duration ?? 2) : undefined };
        break;
      case 'footstep':
        sound = { kind: 'footstep', surface: under(), pace: pace ?? 'walk', weight, shoe: sole };
        break;
      case 'door':
        if (!action || !material) return;
        sound = { kind: 'door', action: action as (typeof DOOR_ACTIONS)[number], material: material as (typeof DOOR_MATERIALS)[number], creakiness: intensity ?? 0.2, swingSeconds: duration !== undefined ? Math.min(6, Math.max(0.2, duration)) : 1.1 };
        break;
      case 'impact':
        if (!material) return;
        sound = { kind: 'impact', material: material as (typeof IMPACT_MATERIALS)[number], strength: intensity ?? 0.6 };
        break;
      case 'sit':
      case 'stand':
        if (p.material !== undefined && !material) return;
        sound = { kind, chair: (material as (typeof CHAIRS)[number] | undefined) ?? (who ? this.chairNear(who, t) : 'wood'), fabric, weight };
        break;
      case 'cloth':
        if (p.material !== undefined && !material) return;
        sound = { kind: 'cloth', durationSeconds: Math.min(30, Math.max(0.05, duration ?? 0.6)), intensity: intensity ?? 0.5, fabric: (material as (typeof FABRICS)[number] | undefined) ?? fabric };
        break;
    }
    out.push({ ...base, sound });
  }

  private surfaceOfCharacterAt(who: string, t: number): Surface {
    const perf = this.ctx.plan.performances[who];
    const seg = perf?.root.filter((r) => r.t0 <= t).pop() ?? perf?.root[0];
    const pt = seg ? seg.path[seg.path.length - 1] : undefined;
    return pt ? this.surfaceAt(pt[0], pt[2]) : surfaceOfFloor(undefined, this.ctx.setting);
  }

  private chairNear(who: string, t: number): (typeof CHAIRS)[number] {
    const perf = this.ctx.plan.performances[who];
    const post = perf?.posture.filter((x) => x.t0 <= t + 2).pop() ?? perf?.posture[0];
    return post ? chairOf(this.seatKind(post.seat)) : 'wood';
  }

  private seatKind(seat: [number, number, number]): string | undefined {
    let best: { d: number; kind?: string } | undefined;
    for (const pr of this.ctx.props) {
      if (pr.seatHeight === undefined) continue;
      const d = Math.hypot(pr.position[0] - seat[0], pr.position[2] - seat[2]);
      if (d < 0.8 && (!best || d < best.d)) best = { d, kind: pr.kind };
    }
    return best?.kind;
  }

  private autoFoley(stepOverrides: Map<string, { surface?: Surface; pace?: string; gainDb: number; src?: string; node: ValidNode }>): SceneFoleyCueInput[] {
    const ctx = this.ctx;
    const out: SceneFoleyCueInput[] = [];
    for (const [who, perf] of Object.entries(ctx.plan.performances) as Array<[string, PerformancePlan]>) {
      const ch = ctx.cast[who];
      if (!ch) continue;
      const weight = bodyWeight(ch.body.height, ch.body.build);
      const shoe = shoeSole(ch.costume.shoes);
      const fabric = fabricOf(ch.costume);
      const o = stepOverrides.get(who);
      perf.steps.forEach((step, k) => {
        // A <Place> sets both feet down at once, and a plant lifted the instant it lands is a
        // hand-over between walk segments: neither is a footfall anyone hears.
        if (step.lift - step.land < 0.02 || perf.steps.some((o, j) => j !== k && Math.abs(o.land - step.land) < 0.01)) return;
        // Steps inside a walk carry its pace; steps outside one are turns on the spot: lighter.
        const seg = perf.root.find((r) => r.path.length > 1 && step.land >= r.t0 - 1e-6 && step.land <= r.t1 + 0.3);
        const pc = paceOf(o?.pace ?? seg?.pace);
        const base = { id: `${who}.step${k + 1}`, origin: 'auto' as const, kind: 'footsteps', who, t: step.land, gainDb: pc.gainDb + (seg ? 0 : -5) + (o?.gainDb ?? 0), source: o?.node.source };
        if (o?.src) out.push({ ...base, src: o.src });
        else out.push({ ...base, sound: { kind: 'footstep', surface: o?.surface ?? this.surfaceAt(step.position[0], step.position[2]), pace: pc.pace, weight, shoe, gainDb: 0 } });
      });
      let nSit = 0, nStand = 0;
      for (const post of perf.posture) {
        const chair = chairOf(this.seatKind(post.seat));
        if (post.to === 'sit') {
          // The sit's body-on-seat lands 0.42 s into the sound; the pelvis settles near the end of the move.
          const contact = post.t0 + 0.9 * (post.t1 - post.t0);
          out.push({ id: `${who}.sit${++nSit}`, origin: 'auto', kind: 'sit', who, t: Math.max(0, contact - 0.42), gainDb: 0, sound: { kind: 'sit', chair, fabric, weight } });
        } else {
          out.push({ id: `${who}.stand${++nStand}`, origin: 'auto', kind: 'stand', who, t: post.t0, gainDb: 0, sound: { kind: 'stand', chair, fabric, weight } });
        }
      }
      perf.gestures.forEach((g, k) => {
        const size = GESTURE_CLOTH[g.kind];
        if (size === undefined) return;
        out.push({ id: `${who}.cloth${k + 1}`, origin: 'auto', kind: 'cloth', who, t: g.t0, gainDb: 0, sound: { kind: 'cloth', durationSeconds: Math.min(1.5, Math.max(0.3, g.t1 - g.t0)), intensity: size, fabric } });
      });
    }
    // Doors whose `open` is keyframed: a latch and swing when it opens, a thud when it shuts.
    const doors = new Set(ctx.sets.flatMap((s) => s.walls.flatMap((w) => w.openings.filter((op) => op.kind === 'door').map((op) => op.id))));
    let nDoor = 0;
    for (const tr of ctx.plan.tracks) {
      if (tr.property !== 'open' || !doors.has(tr.target)) continue;
      for (let k = 0; k + 1 < tr.keys.length; k++) {
        const a = tr.keys[k], b = tr.keys[k + 1];
        const va = Number(a.value), vb = Number(b.value);
        if (!Number.isFinite(va) || !Number.isFinite(vb) || Math.abs(vb - va) < 10) continue;
        const dt = Math.max(0.2, b.t - a.t);
        if (vb < va && vb <= 5) {
          // The close's thud comes 0.6 × swing into the sound: land it on the key where the door shuts.
          const swing = Math.min(6, Math.max(0.2, dt / 0.6));
          out.push({ id: `${tr.target}.close${++nDoor}`, origin: 'auto', kind: 'door', who: tr.target, t: Math.max(0, b.t - 0.6 * swing), gainDb: 0, sound: { kind: 'door', action: 'close', material: 'wood', creakiness: 0.2, swingSeconds: swing } });
        } else if (vb > va) {
          out.push({ id: `${tr.target}.open${++nDoor}`, origin: 'auto', kind: 'door', who: tr.target, t: Math.max(0, a.t - 0.02), gainDb: 0, sound: { kind: 'door', action: va <= 5 ? 'open' : 'creak', material: 'wood', creakiness: 0.35, swingSeconds: Math.min(6, dt) } });
        }
      }
    }
    return out;
  }

  private explicitAmbience(n: ValidNode): SceneAmbienceCue | undefined {
    const p = n.props as P;
    const type = (this.oneOf(n, 'type', p.type, AMBIENCE_TYPES, { roomtone: 'room-tone', room: 'room-tone', interior: 'room-tone', street: 'city', traffic: 'city', forest: 'nature', park: 'nature', countryside: 'nature', cafe: 'diner', restaurant: 'diner', bar: 'diner', factory: 'warehouse' }) as AmbienceType | undefined) ?? (p.type === undefined ? ambienceFor(this.ctx.setting, this.ctx.location, this.ctx.plan.heading) : undefined);
    const tod = (this.oneOf(n, 'timeOfDay', p.timeOfDay, TIMES_OF_DAY, { morning: 'day', noon: 'day', afternoon: 'day', evening: 'dusk', 'magic-hour': 'dusk', sunset: 'dusk', sunrise: 'dawn' }) as TimeOfDay | undefined) ?? ambienceTimeOfDay(this.ctx.timeOfDay);
    const src = this.src(n);
    const duration = this.seconds(p.duration);
    const at = this.at(n, duration ?? 0);
    if (!type || (p.at !== undefined && at === undefined)) return undefined;
    return { id: n.id, origin: 'explicit', type, timeOfDay: tod, intensity: (p.intensity as number | undefined) ?? 0.5, at, durationSeconds: duration, fadeInSeconds: this.seconds(p.fadeIn), fadeOutSeconds: this.seconds(p.fadeOut), src, gainDb: (p.volume as number | undefined) ?? 0, source: n.source };
  }

  private explicitMusic(n: ValidNode): SceneMusicCue | undefined {
    const p = n.props as P;
    const moods = [...MUSIC_MOODS, 'none'] as const;
    let mood: Mood | 'none' | undefined;
    if (p.mood !== undefined) mood = this.oneOf(n, 'mood', p.mood, moods, MOOD_SYNONYMS);
    else mood = moodOf(this.ctx.plan.mood) ?? 'neutral';
    let key: (typeof NOTE_NAMES)[number] | undefined;
    if (typeof p.tonic === 'string') {
      const k = p.tonic.trim();
      const up = k.charAt(0).toUpperCase() + k.slice(1);
      key = (NOTE_NAMES as readonly string[]).includes(up) ? (up as (typeof NOTE_NAMES)[number]) : ENHARMONIC[k.toUpperCase()];
      if (!key) this.err(n, 'sound/unknown-value', `<Music> tonic="${p.tonic}" is not a note name.`, 'tonic', `Use one of ${NOTE_NAMES.join(', ')} (the mode comes from the mood).`);
    }
    const src = this.src(n);
    const duration = this.seconds(p.duration);
    const at = this.at(n, duration ?? 0);
    if (!mood || (p.at !== undefined && at === undefined) || (typeof p.tonic === 'string' && !key)) return undefined;
    return {
      id: n.id,
      origin: 'explicit',
      mood,
      key,
      tempoBpm: p.tempo as number | undefined,
      intensity: (p.intensity as number | undefined) ?? 0.5,
      at,
      durationSeconds: duration,
      fadeInSeconds: this.seconds(p.fadeIn),
      fadeOutSeconds: this.seconds(p.fadeOut),
      carry: !!p.carry,
      src,
      gainDb: (p.volume as number | undefined) ?? 0,
      source: n.source,
    };
  }
}

/** The voice a line is spoken in: the character's cast voice, changed by how loud the line is. */
export function lineVoice(base: Voice, volume: string | undefined): Voice {
  const d = lineDelivery(volume);
  const v: Voice = { ...base, pitch: Math.min(99, Math.max(0, base.pitch + d.pitchDelta)), rate: Math.min(450, Math.max(80, Math.round(base.rate * d.rateScale))) };
  if (d.whisper) v.variant = base.gender === 'female' ? 'whisperf' : 'whisper';
  return v;
}

function filmPass(plan: FilmPlan, root: ValidNode, issues: KinoIssue[]): void {
  // Voice variants are free strings in <Character voice>; check them against eSpeak's list here.
  const badVariant = new Set<string>();
  const walk = (n: ValidNode) => {
    if (n.type === 'character') {
      const v = ((n.props as P).voice as P | undefined)?.variant;
      if (typeof v === 'string' && !(VOICE_VARIANTS as readonly string[]).includes(v)) {
        const s = suggest(v, VOICE_VARIANTS);
        issues.push(issue('sound/unknown-voice', `<Character id="${n.id}"> voice variant "${v}" is not an eSpeak NG voice.`, { location: n.source, componentPath: n.path, prop: 'voice.variant', hint: `${s ? `Did you mean "${s}"? ` : ''}Voices: ${VOICE_VARIANTS.join(', ')}.` }));
        badVariant.add(n.id);
      }
    }
    for (const c of n.children) walk(c);
  };
  walk(root);

  const speakers = new Set<string>();
  for (const sc of plan.scenes) for (const l of sc.lines) speakers.add(l.who);
  const override = (id: string) => {
    const v = plan.cast[id]?.voice ?? {};
    return { variant: badVariant.has(id) ? undefined : (v.variant as Voice['variant'] | undefined), pitch: v.pitch, rate: v.rate, gender: v.gender as Voice['gender'] | undefined };
  };
  const voices = castVoices([...speakers].sort(), Object.fromEntries([...speakers].map((id) => [id, override(id)])));

  let prevTod: TimeOfDay = 'day';
  for (const sc of plan.scenes) {
    const raw = sc.ext?.sound;
    if (!raw) continue;
    const s = SceneSoundSchema.parse(raw);
    for (const d of s.dialogue) {
      const base = voices.get(d.who);
      if (base) d.voice = lineVoice(base, d.volume);
    }
    for (const a of s.ambience) if (a.origin === 'auto') a.timeOfDay = ambienceTimeOfDay(sc.timeOfDay, prevTod);
    prevTod = s.ambience[0]?.timeOfDay ?? prevTod;
    sc.ext = { ...sc.ext, sound: s };
  }

  const mixProps = ((root.props as P).mix as P | undefined) ?? {};
  const duck = mixProps.duck as false | P | undefined;
  const levels = (mixProps.levels as P | undefined) ?? {};
  const mix: FilmMix = {
    targetLufs: (mixProps.targetLufs as number | undefined) ?? DEFAULT_MIX.targetLufs,
    truePeakDb: (mixProps.truePeakDb as number | undefined) ?? DEFAULT_MIX.truePeakDb,
    duck: duck === false ? false : { depthDb: (duck?.depthDb as number | undefined) ?? DEFAULT_MIX.duck.depthDb, attackMs: (duck?.attackMs as number | undefined) ?? DEFAULT_MIX.duck.attackMs, releaseMs: (duck?.releaseMs as number | undefined) ?? DEFAULT_MIX.duck.releaseMs },
    layers: { dialogue: mixProps.dialogue !== false, music: mixProps.music !== false, ambience: mixProps.ambience !== false, foley: mixProps.foley !== false },
    levels: {
      dialogue: DEFAULT_LEVELS.dialogue + ((levels.dialogue as number | undefined) ?? 0),
      music: DEFAULT_LEVELS.music + ((levels.music as number | undefined) ?? 0),
      effects: DEFAULT_LEVELS.effects + ((levels.effects as number | undefined) ?? 0),
      ambience: DEFAULT_LEVELS.ambience + ((levels.ambience as number | undefined) ?? 0),
    },
  };
  const film: FilmSound = { mix, voices: Object.fromEntries([...voices].sort(([a], [b]) => a.localeCompare(b))) };
  plan.ext = { ...plan.ext, sound: film };
}

/** The sound department's resolver (registered in src/pipeline/departments.ts). */
export const soundResolver: Resolver = {
  name: 'sound',
  nodes: ['music', 'ambience', 'foley'],
  afterShots(ctx) {
    ctx.ext.sound = new SceneSoundBuilder(ctx).build();
  },
  film: filmPass,
};
