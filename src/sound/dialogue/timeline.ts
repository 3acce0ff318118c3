// Dialogue as timed data: lines placed on the film clock with start/end (what the timing
// pass, the subtitle writers and the jaw animation read), and turned into mixer clips.

import { z } from 'zod';
import { KinoError, issue, type KinoIssue } from '../../doc/errors';
import type { MixClip } from '../mix';
import { parseOrThrow } from '../validate';
import { mouthOpenAt } from './mouth';
import { synthesizeLine, type SpokenLine } from './synthesize';
import { VoiceSpecSchema, castVoices, voiceFor, type Voice, type VoiceSpec } from './voice';

export const DialogueLineSchema = z
  .object({
    id: z.string().min(1),
    characterId: z.string().min(1),
    text: z.string().trim().min(1, 'a line needs some text'),
    voice: VoiceSpecSchema.optional(),
    /** Fixed start on the film clock. Lines without one follow the previous line. */
    startSeconds: z.number().min(0).optional(),
    /** Pause before this line when it follows the previous one. Default: layout gapSeconds. */
    gapBeforeSeconds: z.number().min(0).max(30).optional(),
    gainDb: z.number().min(-60).max(24).default(0),
    /** Stereo position −1 … 1 (dialogue is conventionally centred). */
    pan: z.number().min(-1).max(1).default(0),
  })
  .strict();
export type DialogueLine = z.input<typeof DialogueLineSchema>;

export const DialogueLayoutSchema = z
  .object({
    cacheDir: z.string().optional(),
    /** Film time of the first line that has no startSeconds. */
    startSeconds: z.number().min(0).default(0),
    /** Default pause between consecutive lines, seconds. */
    gapSeconds: z.number().min(0).max(30).default(0.35),
    /** Per-character voice overrides (the per-line `voice` wins over these). */
    voices: z.record(z.string(), VoiceSpecSchema).default({}),
    levelLufs: z.number().min(-60).max(0).nullable().default(-20),
  })
  .strict();
export type DialogueLayoutOptions = z.input<typeof DialogueLayoutSchema>;

export interface TimedLine extends SpokenLine {
  id: string;
  startSeconds: number;
  endSeconds: number;
  gainDb: number;
  pan: number;
}

export interface DialogueTimeline {
  lines: TimedLine[];
  /** End of the last line. */
  durationSeconds: number;
}

/**
 * Speaks every line with cast-distinct voices and places it on the clock. A line with
 * `startSeconds` starts there; others start `gap` after the previous line ends. Overlaps
 * between explicitly placed lines are allowed (people talk over each other) but reported
 * as warnings in `warnings`.
 */
export async function layoutDialogue(lines: DialogueLine[], options: DialogueLayoutOptions = {}): Promise<DialogueTimeline & { warnings: KinoIssue[] }> {
  const opts = parseOrThrow(DialogueLayoutSchema, options, 'dialogueLayout');
  const parsed = lines.map((l, i) => parseOrThrow(DialogueLineSchema, l, `dialogue[${i}]`));
  const ids = new Set<string>();
  const dupes = parsed.filter((l) => (ids.has(l.id) ? true : (ids.add(l.id), false)));
  if (dupes.length) throw new KinoError(dupes.map((l) => issue('dialogue/duplicate-id', `Two dialogue lines share the id "${l.id}".`, { hint: 'Give each line a unique id.' })));
  const cast = castVoices(parsed.map((l) => l.characterId), opts.voices);
  const out: TimedLine[] = [];
  const warnings: KinoIssue[] = [];
  let clock = opts.startSeconds;
  let first = true;
  for (const l of parsed) {
    const spoken = await synthesizeLine({
      text: l.text,
      characterId: l.characterId,
      resolvedVoice: resolveVoice(l.characterId, l.voice, cast.get(l.characterId)!, opts.voices[l.characterId]),
      cacheDir: opts.cacheDir,
      levelLufs: opts.levelLufs,
    });
    const start = l.startSeconds ?? (first ? clock : clock + (l.gapBeforeSeconds ?? opts.gapSeconds));
    const prev = out[out.length - 1];
    if (prev && start < prev.endSeconds - 1e-9) {
      warnings.push({ ...issue('dialogue/overlap', `Line "${l.id}" starts at ${start.toFixed(2)} s, before "${prev.id}" ends at ${prev.endSeconds.toFixed(2)} s.`), severity: 'warning' });
    }
    const end = start + spoken.durationSeconds;
    out.push({ ...spoken, id: l.id, startSeconds: start, endSeconds: end, gainDb: l.gainDb, pan: l.pan });
    clock = Math.max(clock, end);
    first = false;
  }
  return { lines: out, durationSeconds: out.reduce((m, l) => Math.max(m, l.endSeconds), 0), warnings };
}

/**
 * A line's own `voice` refines the character's cast voice; if it changes the gender or
 * variant, the voice is derived afresh so a new gender also gets a variant of that gender.
 */
function resolveVoice(characterId: string, line: VoiceSpec | undefined, cast: Voice, character: VoiceSpec | undefined): Voice {
  if (!line) return cast;
  if ((line.gender && line.gender !== cast.gender) || line.variant) return voiceFor(characterId, { ...character, ...stripUndefined(line) });
  return { ...cast, ...stripUndefined(line) } as Voice;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** How open `characterId`'s mouth is at film time `seconds` (0 when not speaking). */
export function mouthOpenness(timeline: DialogueTimeline, characterId: string, seconds: number): number {
  let v = 0;
  for (const l of timeline.lines) {
    if (l.characterId !== characterId || seconds < l.startSeconds || seconds >= l.endSeconds) continue;
    v = Math.max(v, mouthOpenAt(l.mouth, seconds - l.startSeconds));
  }
  return v;
}

/** Mixer clips for the dialogue track. */
export function dialogueClips(timeline: DialogueTimeline): MixClip[] {
  return timeline.lines.map((l) => ({ role: 'dialogue', id: l.id, startSeconds: l.startSeconds, samples: l.samples, gainDb: l.gainDb, pan: l.pan }));
}
