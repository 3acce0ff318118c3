// Continuity: the script supervisor's check of wardrobe and character state across the film,
// read from the plan alone (film.json is enough). Within one story day a character's costume,
// age, hair and injuries must match from one appearance to the next unless the film says why
// (<CostumeChange reason>, a new <Hair>, an injury progressing); a change inside a scene needs a
// reason too.

import type { SourceLocation } from '../doc/errors';
import type { FilmPlan, ScenePlan } from '../plan/schema';
import { INJURY_COURSE } from './state';

/** What the character department records per character per scene (ScenePlan.ext.character.looks). */
export interface LookRecord {
  present: boolean;
  /** Costume shown (after the scene's changes); undefined: the character's own costume. */
  costume?: string;
  costumeName?: string;
  /** Costume at the start of the scene. */
  entry?: string;
  /** Costume the wardrobe assigns to this scene. */
  assigned?: string;
  changes: Array<{ from?: string; to: string; reason?: string; note?: string; location?: SourceLocation }>;
  age: number;
  hairStyle: string;
  /** sRGB hex of the hair as drawn (grey mixed in). */
  hair: string;
  greyHair: number;
  wrinkles: number;
  dirt: number;
  blood: number;
  injuries: Array<{ id: string; kind: string; region: string; stage: string; explicit: boolean }>;
  /** What the scene states for the character (<Age>, <Hair>, <Injury>), for the report. */
  events: string[];
}

export interface SceneCharacterExt {
  looks: Record<string, LookRecord>;
}

export interface ContinuityProblem {
  severity: 'error' | 'warning';
  code: string;
  character: string;
  characterName: string;
  /** Scene numbers involved, in film order (and their ids). */
  scenes: Array<{ id: string; number: string }>;
  storyDay?: number;
  message: string;
  hint?: string;
  location?: SourceLocation;
}

export interface ContinuityRow {
  scene: string;
  number: string;
  heading: string;
  storyDay?: number;
  look: LookRecord;
}

export interface ContinuityReport {
  title: string;
  ok: boolean;
  errors: number;
  warnings: number;
  problems: ContinuityProblem[];
  characters: Array<{ id: string; name: string; rows: ContinuityRow[] }>;
}

export function looksOf(scene: ScenePlan): Record<string, LookRecord> {
  return ((scene.ext?.character as SceneCharacterExt | undefined)?.looks ?? {}) as Record<string, LookRecord>;
}

const label = (c?: string) => (c ? `"${c}"` : 'their own costume');

export function validateContinuity(plan: FilmPlan): ContinuityReport {
  const problems: ContinuityProblem[] = [];
  const ids = new Set<string>();
  for (const s of plan.scenes) for (const id of Object.keys(looksOf(s))) ids.add(id);
  const characters: ContinuityReport['characters'] = [];
  const nameOf = (id: string) => plan.cast[id]?.name ?? plan.scenes.map((s) => s.cast[id]?.name).find(Boolean) ?? id;

  for (const id of [...ids].sort((a, b) => firstScene(plan, a) - firstScene(plan, b) || a.localeCompare(b))) {
    const name = nameOf(id);
    const rows: ContinuityRow[] = [];
    const push = (p: Omit<ContinuityProblem, 'character' | 'characterName'>) => problems.push({ character: id, characterName: name, ...p });
    const ref = (s: ScenePlan) => ({ id: s.id, number: s.number });
    let prev: { scene: ScenePlan; look: LookRecord } | undefined;
    // Changes with a reason since the previous appearance (in scenes the character is not in).
    let reasonsSince: string[] = [];
    for (const s of plan.scenes) {
      const look = looksOf(s)[id];
      if (!look) continue;
      if (look.present) rows.push({ scene: s.id, number: s.number, heading: s.heading, storyDay: s.storyDay, look });
      const sameDay = prev && prev.scene.storyDay !== undefined && s.storyDay !== undefined ? prev.scene.storyDay === s.storyDay : undefined;
      const dayText = s.storyDay !== undefined ? ` on story day ${s.storyDay}` : '';

      // Changes written in this scene.
      look.changes.forEach((c, k) => {
        if (c.from === c.to || c.reason) return;
        if (k > 0) {
          push({ severity: 'error', code: 'continuity/costume-in-scene', scenes: [ref(s)], storyDay: s.storyDay, message: `${name} changes costume again inside scene ${s.number}, from ${label(c.from)} to ${label(c.to)}, without a reason.`, hint: 'Give the <CostumeChange> a reason (story, time, damage, location, weather, disguise).', location: c.location ?? s.source });
          return;
        }
        if (!look.present) return; // judged at the next appearance
        if (!prev) return; // the first time we see them: nothing to match
        if (sameDay === false) return; // a new day explains a new costume
        push({
          severity: sameDay ? 'error' : 'warning',
          code: 'continuity/costume',
          scenes: [ref(prev.scene), ref(s)],
          storyDay: s.storyDay,
          message: `${name}'s costume changes from ${label(c.from)} (scene ${prev.scene.number}) to ${label(c.to)} in scene ${s.number}${sameDay ? dayText : ''} without a reason.`,
          hint: sameDay ? 'Give the <CostumeChange> a reason, or put the scenes on different story days.' : 'The scenes have no storyDay: give them one, or give the <CostumeChange> a reason.',
          location: c.location ?? s.source,
        });
      });
      if (!look.present) {
        for (const c of look.changes) if (c.reason) reasonsSince.push(c.reason);
        continue;
      }

      if (prev) {
        const a = prev.look;
        const pair = [ref(prev.scene), ref(s)];
        // Costume between appearances.
        if (a.costume !== look.entry && sameDay !== false && !reasonsSince.length) {
          push({
            severity: sameDay ? 'error' : 'warning',
            code: 'continuity/costume',
            scenes: pair,
            storyDay: s.storyDay,
            message: `${name}'s costume changes between scene ${prev.scene.number} and scene ${s.number}${sameDay ? dayText : ''}: ${label(a.costume)} → ${label(look.entry)}, without a reason.`,
            hint: sameDay ? `Add <CostumeChange who="${id}" costume="${look.entry ?? '…'}" reason="…"/> to scene ${s.number}, or put the scenes on different story days.` : 'The scenes have no storyDay: give them one, or add a <CostumeChange> with a reason.',
            location: s.source,
          });
        }
        if (sameDay) {
          if (a.age !== look.age) push({ severity: 'error', code: 'continuity/age', scenes: pair, storyDay: s.storyDay, message: `${name} is ${a.age} in scene ${prev.scene.number} and ${look.age} in scene ${s.number}, on the same story day ${s.storyDay}.`, hint: 'Give the scenes different story days, or keep the age.', location: s.source });
          // (Grey that comes with an age change is reported as the age change.)
          if (a.hairStyle !== look.hairStyle || (a.hair !== look.hair && a.age === look.age)) push({ severity: 'warning', code: 'continuity/hair', scenes: pair, storyDay: s.storyDay, message: `${name}'s hair changes between scene ${prev.scene.number} (${a.hairStyle} ${a.hair}) and scene ${s.number} (${look.hairStyle} ${look.hair}) on story day ${s.storyDay}.`, hint: 'A same-day haircut or dye should be a story point; otherwise keep the hair.', location: s.source });
        } else if (sameDay === false && look.age < a.age) {
          push({ severity: 'warning', code: 'continuity/age', scenes: pair, storyDay: s.storyDay, message: `${name} is younger in scene ${s.number} (${look.age}) than in scene ${prev.scene.number} (${a.age}).`, hint: 'Fine for a flashback; otherwise check the <Age>.', location: s.source });
        }
        for (const j of look.injuries) {
          const before = a.injuries.find((x) => x.id === j.id);
          if (!before) continue;
          const course = INJURY_COURSE[j.kind] ?? [];
          const i0 = course.indexOf(before.stage);
          const i1 = course.indexOf(j.stage);
          if (i0 < 0 || i1 < 0) continue;
          if (i1 < i0) push({ severity: 'error', code: 'continuity/injury', scenes: pair, storyDay: s.storyDay, message: `${name}'s ${j.kind} (${j.region}) goes back from "${before.stage}" in scene ${prev.scene.number} to "${j.stage}" in scene ${s.number}.`, hint: 'Injuries heal forward; a new wound needs its own id.', location: s.source });
          else if (sameDay && i1 - i0 > 1) push({ severity: 'error', code: 'continuity/injury', scenes: pair, storyDay: s.storyDay, message: `${name}'s ${j.kind} (${j.region}) heals from "${before.stage}" to "${j.stage}" between scene ${prev.scene.number} and scene ${s.number}, within story day ${s.storyDay}.`, hint: 'Give the later scene a later story day, or an earlier stage.', location: s.source });
        }
        for (const j of a.injuries) {
          if (look.injuries.some((x) => x.id === j.id) || j.stage === 'healed') continue;
          if (sameDay) push({ severity: 'error', code: 'continuity/injury', scenes: pair, storyDay: s.storyDay, message: `${name}'s ${j.kind} (${j.region}) in scene ${prev.scene.number} is gone in scene ${s.number}, on the same story day.`, location: s.source });
        }
      }
      prev = { scene: s, look };
      reasonsSince = [];
    }
    characters.push({ id, name, rows });
  }
  const errors = problems.filter((p) => p.severity === 'error').length;
  return { title: plan.title, ok: errors === 0, errors, warnings: problems.length - errors, problems, characters };
}

function firstScene(plan: FilmPlan, id: string): number {
  const i = plan.scenes.findIndex((s) => looksOf(s)[id]?.present);
  return i < 0 ? Infinity : i;
}

/** The report as text, for the terminal. */
export function formatContinuity(r: ContinuityReport, cwd = process.cwd()): string {
  const out: string[] = [`Continuity: ${r.title}`, ''];
  for (const c of r.characters) {
    out.push(`${c.name} (${c.id})`);
    if (!c.rows.length) out.push('  (not seen on screen)');
    for (const row of c.rows) {
      const l = row.look;
      const bits = [
        `costume ${l.costume ? l.costume + (l.costumeName ? ` "${l.costumeName}"` : '') : '(own)'}`,
        `age ${l.age}`,
        `hair ${l.hairStyle} ${l.hair}`,
      ];
      if (l.injuries.length) bits.push(`injuries ${l.injuries.map((j) => `${j.kind} ${j.region} ${j.stage}`).join(', ')}`);
      if (l.dirt > 0.05 || l.blood > 0.05) bits.push(`dirt ${l.dirt.toFixed(2)} blood ${l.blood.toFixed(2)}`);
      const changes = l.changes.map((ch) => `→ ${ch.to}${ch.reason ? ` (${ch.reason})` : ' (no reason)'}`);
      out.push(`  Sc ${row.number.padEnd(4)} ${row.scene.padEnd(14)} ${row.storyDay !== undefined ? `day ${row.storyDay}` : 'day ?'}  ${bits.join('  ')}${changes.length ? '  changes ' + changes.join(' ') : ''}`);
    }
    out.push('');
  }
  if (r.problems.length) {
    out.push('Problems:');
    for (const p of r.problems) {
      const loc = p.location?.file ? `${relative(p.location.file, cwd)}${p.location.line ? `:${p.location.line}` : ''}${p.location.column ? `:${p.location.column}` : ''} - ` : '';
      out.push(`  ${loc}${p.severity} ${p.code}: ${p.message}`);
      out.push(`      character ${p.characterName} (${p.character}); scene${p.scenes.length > 1 ? 's' : ''} ${p.scenes.map((s) => `${s.number} (${s.id})`).join(', ')}`);
      if (p.hint) out.push(`      hint: ${p.hint}`);
    }
    out.push('');
  }
  out.push(r.ok ? `Continuity OK: ${r.warnings} warning${r.warnings === 1 ? '' : 's'}.` : `Found ${r.errors} continuity error${r.errors === 1 ? '' : 's'} and ${r.warnings} warning${r.warnings === 1 ? '' : 's'}.`);
  return out.join('\n');
}

function relative(file: string, cwd: string): string {
  if (file.startsWith(cwd + '/')) return file.slice(cwd.length + 1);
  return file;
}
