// Storyboard prompts: one paragraph per shot that a storyboard artist — or an image model — can
// draw the frame from: who, where, framing, lens, action, mood. Written in the order an artist
// reads a shot description: frame first, then the place, then what happens, then the feel.

import type { ShotSize } from '../../doc/schema/film';
import { SIZE_NAMES } from './schema';

export interface PromptInput {
  type: string;
  size: ShotSize;
  lensMm: number;
  angle?: string;
  movement?: string;
  /** Subjects as described: "MAYA (30s, soaked through)". */
  subjects: string[];
  over?: string | null;
  interior?: string | null;
  location?: string | null;
  timeOfDay?: string | null;
  /** What happens: the action or the line. */
  action?: string;
  line?: string;
  mood?: string;
  look?: string;
  palette?: string[];
  lighting?: string;
}

function lensWord(mm: number): string {
  if (mm <= 24) return 'wide-angle';
  if (mm <= 35) return 'moderately wide';
  if (mm <= 60) return 'normal';
  if (mm <= 90) return 'portrait telephoto';
  return 'long telephoto';
}

function clip(s: string, max: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : t.slice(0, max - 1).replace(/\s+\S*$/, '') + '…';
}

export function storyboardPrompt(p: PromptInput): string {
  const parts: string[] = [];
  const who = p.subjects.length ? p.subjects.join(' and ') : p.location ?? 'the scene';
  const size = `${SIZE_NAMES[p.size]} (${p.size})`;
  let frame: string;
  switch (p.type) {
    case 'ots':
      frame = `Over-the-shoulder ${size} on ${who}${p.over ? `, past the back of ${p.over}'s head and shoulder in the foreground` : ''}`;
      break;
    case 'insert':
      frame = `Insert ${size} of ${who}, filling the frame`;
      break;
    case 'cutaway':
      frame = `Cutaway ${size} of ${who}`;
      break;
    case 'establishing':
      frame = `Establishing ${size} of ${p.location ?? who}`;
      break;
    case 'master':
    case 'two-shot':
      frame = `${p.type === 'master' ? 'Master' : 'Two-shot'}, ${size}, ${who} full figure in the frame`;
      break;
    default:
      frame = `${size[0].toUpperCase()}${size.slice(1)} on ${who}`;
  }
  parts.push(`Storyboard frame, 16:9. ${frame}.`);
  parts.push(`${Math.round(p.lensMm)} mm ${lensWord(p.lensMm)} lens, ${p.angle && p.angle !== 'eye' ? `${p.angle} angle` : 'eye level'}, ${p.movement ?? 'static'} camera.`);
  const place = [p.interior === 'int' ? 'Interior' : p.interior === 'ext' ? 'Exterior' : p.interior === 'int/ext' ? 'Interior/exterior' : '', p.location ?? '', p.timeOfDay ? p.timeOfDay.toLowerCase() : '']
    .filter(Boolean)
    .join(', ');
  if (place) parts.push(`${place}.`);
  if (p.action) parts.push(`Action: ${clip(p.action, 220)}`);
  if (p.line) parts.push(`Line: ${clip(p.line, 160)}`);
  const feel = [p.mood && p.mood !== 'neutral' ? `${p.mood} mood` : '', p.look ? `${p.look} look` : '', p.lighting ? clip(p.lighting, 120) : ''].filter(Boolean);
  if (feel.length) parts.push(`${feel.join('; ')}.`);
  if (p.palette?.length) parts.push(`Palette ${p.palette.join(' ')}.`);
  return parts.join(' ').replace(/\.\./g, '.').replace(/…\./g, '…');
}
