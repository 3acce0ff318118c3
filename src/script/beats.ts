// Save the Cat beat sheet (Blake Snyder): the 15 beats placed by page proportion, with the scene
// found at each. Placement is by printed-line position in kino's page model, so a beat lands in
// the scene that is on screen at that share of the script.

import type { Beat, Scene, Script } from './model';
import { PAGE_MODEL, pageOfLine } from './pagination';

/** [name, start, end] as shares of the script; a point beat has start === end. */
export const SAVE_THE_CAT_BEATS: ReadonlyArray<readonly [Beat['name'], number, number]> = [
  ['Opening Image', 0.01, 0.01],
  ['Theme Stated', 0.05, 0.05],
  ['Set-Up', 0.01, 0.1],
  ['Catalyst', 0.12, 0.12],
  ['Debate', 0.12, 0.25],
  ['Break into Two', 0.25, 0.25],
  ['B Story', 0.3, 0.3],
  ['Fun and Games', 0.3, 0.5],
  ['Midpoint', 0.5, 0.5],
  ['Bad Guys Close In', 0.5, 0.75],
  ['All Is Lost', 0.75, 0.75],
  ['Dark Night of the Soul', 0.75, 0.8],
  ['Break into Three', 0.8, 0.8],
  ['Finale', 0.8, 0.99],
  ['Final Image', 0.99, 1],
];

type Placed = Pick<Scene, 'number' | 'printedLine' | 'lengthLines'>;

function sceneAt(scenes: Placed[], line: number): Placed | null {
  // Binary search: the last scene that starts at or before the line.
  let lo = 0;
  let hi = scenes.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (scenes[mid].printedLine <= line) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 ? scenes[found] : (scenes[0] ?? null);
}

/** Places the 15 beats on a script. Works from the model alone (scene `printedLine`s). */
export function beatSheet(script: Pick<Script, 'opening' | 'scenes' | 'lengthLines'>): Beat[] {
  const scenes: Placed[] = [...(script.opening ? [script.opening] : []), ...script.scenes];
  const total = Math.max(1, script.lengthLines);
  const L = PAGE_MODEL.linesPerPage;
  return SAVE_THE_CAT_BEATS.map(([name, start, end]) => {
    const a = Math.min(total - 1, Math.floor(start * total));
    const b = Math.min(total - 1, Math.max(a, Math.ceil(end * total) - 1));
    const at = sceneAt(scenes, a);
    const touched: string[] = [];
    for (const s of scenes) {
      const sEnd = s.printedLine + Math.max(1, s.lengthLines);
      if (s.printedLine <= b && sEnd > a) touched.push(s.number);
    }
    if (at && !touched.includes(at.number)) touched.unshift(at.number);
    return {
      name,
      start,
      end,
      startPage: pageOfLine(a, L),
      endPage: pageOfLine(b, L),
      scene: at ? at.number : null,
      scenes: touched,
    };
  });
}
