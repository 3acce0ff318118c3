// Character state over the story: age (<Age>, <Character age>), hair (<Hair>), and injuries
// (<Injury>) that appear and then progress by story day — fresh → bandaged → healing → scar for a
// cut, fresh → healing → healed for a bruise — unless a later <Injury id=…> restates the stage.
//
// Everything here is per scene in film order; `appearanceForScene` (look.ts) turns one scene's
// state and costume into the complete look the renderer draws.

import { issue, warning, type KinoIssue } from '../doc/errors';
import type { ValidNode } from '../doc/validate';
import { suggest } from '../doc/validate';
import { linearToSrgb, rgbToLinear, type Rgb } from '../util/color';
import type { FilmScene } from './scenes';

type P = Record<string, unknown>;

/** The stages each kind of injury passes through, in order; the last one holds. */
export const INJURY_COURSE: Record<string, readonly string[]> = {
  cut: ['fresh', 'bandaged', 'healing', 'scar'],
  burn: ['fresh', 'bandaged', 'healing', 'scar'],
  scrape: ['fresh', 'bandaged', 'healing', 'healed'],
  bruise: ['fresh', 'healing', 'healed'],
  'black-eye': ['fresh', 'healing', 'healed'],
  'broken-nose': ['fresh', 'bandaged', 'healing', 'healed'],
};
export const DEFAULT_DAYS_PER_STAGE = 2;

export interface InjuryState {
  id: string;
  kind: string;
  region: string;
  stage: string;
  /** Stated in this scene (not progressed automatically). */
  explicit: boolean;
  /** Scene index where it first appeared. */
  since: number;
}

export interface SceneState {
  age: number;
  hairStyle: string;
  /** sRGB 0–1 (as written), or undefined for the character's own colour. */
  hairColor?: Rgb;
  /** 0–1 grey from <Hair grey>, before age adds its own. */
  grey?: number;
  injuries: InjuryState[];
  /** What this scene states for the character (for the report). */
  events: string[];
}

interface InjuryTrack {
  id: string;
  kind: string;
  region: string;
  daysPerStage: number;
  since: number;
  /** Anchor: stage index at a scene (and its story day). */
  anchorStage: number;
  anchorDay?: number;
  /** Stage outside the kind's course (kept as written). */
  custom?: string;
}

export interface CharacterBase {
  id: string;
  age: number;
  hairStyle: string;
}

/** Per character, the state in every scene (index-aligned with the film's scenes). */
export function stateTimeline(scenes: FilmScene[], cast: Map<string, CharacterBase>, issues: KinoIssue[]): Map<string, SceneState[]> {
  const out = new Map<string, SceneState[]>();
  const castIds = [...cast.keys()];
  // Check every event's `who` once.
  for (const s of scenes)
    for (const n of s.kids) {
      if (n.type !== 'injury' && n.type !== 'age' && n.type !== 'hair') continue;
      const who = (n.props as P).who as string;
      const tag = n.type === 'injury' ? 'Injury' : n.type === 'age' ? 'Age' : 'Hair';
      if (!cast.has(who)) {
        const sug = suggest(who, castIds);
        issues.push(issue('character/unknown', `<${tag} who="${who}"> names no character in the film.`, { location: n.source, componentPath: n.path, prop: 'who', hint: sug ? `Did you mean "${sug}"?` : undefined }));
      } else if (!s.present.has(who)) {
        issues.push(warning('character/not-in-scene', `<${tag} who="${who}"> is in scene "${s.id}", where ${who} does not appear; it holds from there on.`, { location: n.source, componentPath: n.path, prop: 'who' }));
      }
    }

  for (const [who, base] of cast) {
    let age = base.age;
    let hairStyle = base.hairStyle;
    let hairColor: Rgb | undefined;
    let grey: number | undefined;
    const tracks = new Map<string, InjuryTrack>();
    const rows: SceneState[] = [];
    for (const s of scenes) {
      const events: string[] = [];
      const mine = s.kids.filter((n) => (n.type === 'injury' || n.type === 'age' || n.type === 'hair') && (n.props as P).who === who);
      for (const n of mine) {
        const p = n.props as P;
        if (n.type === 'age') {
          const next = p.age as number;
          age = next;
          events.push(`age ${next}`);
        } else if (n.type === 'hair') {
          if (p.style) hairStyle = p.style as string;
          if (p.color) hairColor = p.color as Rgb;
          if (p.grey !== undefined) grey = p.grey as number;
          events.push(`hair${p.style ? ` ${p.style}` : ''}${p.color ? ` ${hex(p.color as Rgb)}` : ''}${p.grey !== undefined ? ` grey ${p.grey}` : ''}`);
        } else {
          const id = (p.id as string | undefined) ?? `${p.kind}-${p.region}`;
          const course = INJURY_COURSE[p.kind as string] ?? ['fresh'];
          const stage = p.stage as string | undefined;
          const prev = tracks.get(id);
          const idx = stage ? course.indexOf(stage) : 0;
          const track: InjuryTrack = { id, kind: p.kind as string, region: p.region as string, daysPerStage: (p.daysPerStage as number | undefined) ?? prev?.daysPerStage ?? DEFAULT_DAYS_PER_STAGE, since: prev?.since ?? s.index, anchorStage: Math.max(0, idx), anchorDay: s.storyDay, custom: stage && idx < 0 ? stage : undefined };
          tracks.set(id, track);
          events.push(`${p.kind} on ${p.region}${stage ? ` (${stage})` : ''}`);
        }
      }
      const stated = new Set(mine.filter((n) => n.type === 'injury').map((n) => ((n.props as P).id as string | undefined) ?? `${(n.props as P).kind}-${(n.props as P).region}`));
      const injuries: InjuryState[] = [...tracks.values()].map((t) => ({ id: t.id, kind: t.kind, region: t.region, stage: t.custom ?? progressed(t, s.storyDay).stage, explicit: stated.has(t.id), since: t.since }));
      rows.push({ age, hairStyle, hairColor, grey, injuries, events });
    }
    out.set(who, rows);
  }
  return out;
}

/** An injury's stage on a story day: one stage per `daysPerStage` days after its anchor. */
function progressed(t: InjuryTrack, day: number | undefined): { index: number; stage: string } {
  const course = INJURY_COURSE[t.kind] ?? ['fresh'];
  const steps = day !== undefined && t.anchorDay !== undefined ? Math.max(0, Math.floor((day - t.anchorDay) / t.daysPerStage)) : 0;
  const index = Math.min(course.length - 1, t.anchorStage + steps);
  return { index, stage: course[index] };
}

/** 0–1 grey in the hair from age: none before the late 30s, most of it by the 70s. */
export function ageGrey(age: number): number {
  return smooth(38, 75, age) * 0.9;
}
/** 0–1 age lines on the face. */
export function ageWrinkles(age: number): number {
  return smooth(32, 80, age);
}
function smooth(a: number, b: number, x: number): number {
  const t = Math.max(0, Math.min(1, (x - a) / (b - a)));
  return t * t * (3 - 2 * t);
}

export function hex(c: Rgb): string {
  return '#' + c.map((v) => Math.round(Math.max(0, Math.min(1, v)) * 255).toString(16).padStart(2, '0')).join('');
}

/** Linear → sRGB hex, for reports of plan colours. */
export function linearHex(c: Rgb): string {
  return hex([linearToSrgb(c[0]), linearToSrgb(c[1]), linearToSrgb(c[2])]);
}

export const toLinear = (c: Rgb): Rgb => rgbToLinear(c);
