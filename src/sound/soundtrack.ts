// A whole film's sound as data: dialogue lines, music, ambience and foley cues on the film
// clock → rendered, mixed, measured. This is the department's one-call entry point for the
// film plan: the plan emits a SoundtrackSpec, gets back the mix, stems, per-line timing and
// mouth envelopes, and writes the audio folder with writeAudioFolder.

import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../util/fs';
import { AmbienceSchema, ambienceBed } from './ambience/bed';
import { DialogueLineSchema, dialogueClips, layoutDialogue, type DialogueTimeline } from './dialogue/timeline';
import { VoiceSpecSchema } from './dialogue/voice';
import { FoleySpecSchema, renderFoley } from './foley';
import { MixOptionsSchema, mix, type MixClip, type MixResult } from './mix';
import { MusicBedSchema, musicBed } from './music/bed';
import { parseOrThrow } from './validate';
import { writeWav, type WavFormat } from './wav';
import type { KinoIssue } from '../doc/errors';

const cueBase = {
  id: z.string().min(1),
  startSeconds: z.number().min(0),
  gainDb: z.number().min(-60).max(24).default(0),
};

export const MusicCueSchema = MusicBedSchema.omit({ levelLufs: true }).extend(cueBase).strict();
export const AmbienceCueSchema = AmbienceSchema.extend({ ...cueBase, durationSeconds: z.number().min(0.1), fadeInSeconds: z.number().min(0).default(1), fadeOutSeconds: z.number().min(0).default(1) }).strict();
export const FoleyCueSchema = z
  .object({ ...cueBase, pan: z.number().min(-1).max(1).default(0), sound: FoleySpecSchema })
  .strict();

export const SoundtrackSchema = z
  .object({
    /** Film length; default: the end of the last cue. */
    durationSeconds: z.number().min(0).optional(),
    /** Seed for all procedural sound; each cue is seeded by `${seed}:${cue.id}`. */
    seed: z.union([z.string(), z.number()]).default('kino'),
    /** Where rendered dialogue is cached (content-hashed). */
    cacheDir: z.string().optional(),
    dialogue: z.array(DialogueLineSchema).default([]),
    /** Pause between consecutive unplaced lines, seconds. */
    dialogueGapSeconds: z.number().min(0).max(30).default(0.35),
    voices: z.record(z.string(), VoiceSpecSchema).default({}),
    music: z.array(MusicCueSchema).default([]),
    ambience: z.array(AmbienceCueSchema).default([]),
    foley: z.array(FoleyCueSchema).default([]),
    mix: MixOptionsSchema.omit({ durationSeconds: true }).prefault({}),
  })
  .strict();
export type SoundtrackSpec = z.input<typeof SoundtrackSchema>;

export interface CueTiming {
  id: string;
  role: 'dialogue' | 'music' | 'ambience' | 'effects';
  startSeconds: number;
  endSeconds: number;
}

export interface Soundtrack extends MixResult {
  dialogue: DialogueTimeline;
  cues: CueTiming[];
  warnings: KinoIssue[];
  durationSeconds: number;
}

/** Renders and mixes a soundtrack. Deterministic: same spec → identical samples. */
export async function renderSoundtrack(spec: SoundtrackSpec): Promise<Soundtrack> {
  const s = parseOrThrow(SoundtrackSchema, spec, 'soundtrack');
  const dialogue = await layoutDialogue(s.dialogue, { cacheDir: s.cacheDir, gapSeconds: s.dialogueGapSeconds, voices: s.voices });
  const clips: MixClip[] = dialogueClips(dialogue);
  const cues: CueTiming[] = dialogue.lines.map((l) => ({ id: l.id, role: 'dialogue', startSeconds: l.startSeconds, endSeconds: l.endSeconds }));
  const seedOf = (id: string) => `${s.seed}:${id}`;
  for (const m of s.music) {
    const { id, startSeconds, gainDb, ...params } = m;
    const bed = musicBed(params, seedOf(id));
    clips.push({ role: 'music', id, startSeconds, samples: bed.channels, gainDb });
    cues.push({ id, role: 'music', startSeconds, endSeconds: startSeconds + params.durationSeconds });
  }
  for (const a of s.ambience) {
    const { id, startSeconds, gainDb, durationSeconds, fadeInSeconds, fadeOutSeconds, ...params } = a;
    clips.push({ role: 'ambience', id, startSeconds, samples: ambienceBed({ ...params, durationSeconds }, seedOf(id)), gainDb, fadeInSeconds, fadeOutSeconds });
    cues.push({ id, role: 'ambience', startSeconds, endSeconds: startSeconds + durationSeconds });
  }
  for (const f of s.foley) {
    const samples = renderFoley(f.sound, seedOf(f.id));
    clips.push({ role: 'effects', id: f.id, startSeconds: f.startSeconds, samples, gainDb: f.gainDb, pan: f.pan });
    cues.push({ id: f.id, role: 'effects', startSeconds: f.startSeconds, endSeconds: f.startSeconds + samples.length / 48000 });
  }
  const durationSeconds = s.durationSeconds ?? cues.reduce((m, c) => Math.max(m, c.endSeconds), 0);
  const result = mix(clips, { ...s.mix, durationSeconds });
  return { ...result, dialogue, cues: cues.sort((a, b) => a.startSeconds - b.startSeconds || a.id.localeCompare(b.id)), warnings: dialogue.warnings, durationSeconds };
}

/**
 * Writes the audio folder: `mix.wav`, `stems/{dialogue,music,effects}.wav`,
 * `dialogue/<line id>.wav` (each line alone, 48 kHz mono) and `soundtrack.json` (cue and line
 * timing, voices, loudness). Returns the written paths.
 */
export async function writeAudioFolder(dir: string, st: Soundtrack, format: WavFormat = 'pcm24'): Promise<string[]> {
  const written: string[] = [];
  const put = async (rel: string, ch: Float32Array[]) => {
    const file = path.join(dir, rel);
    await writeWav(file, ch, 48000, format);
    written.push(file);
  };
  await put('mix.wav', st.mix);
  for (const [name, ch] of Object.entries(st.stems)) await put(path.join('stems', `${name}.wav`), ch);
  for (const l of st.dialogue.lines) await put(path.join('dialogue', `${l.id.replace(/[^\w.-]+/g, '_')}.wav`), [l.samples]);
  const l = st.loudness;
  const meta = {
    sampleRate: 48000,
    durationSeconds: st.durationSeconds,
    // The 10 Hz momentary/short-term series stay out: they are for meters, not for the file.
    loudness: {
      integratedLufs: l.integratedLufs,
      loudnessRangeLu: l.loudnessRangeLu,
      truePeakDbtp: l.truePeakDbtp,
      samplePeakDbfs: l.samplePeakDbfs,
      momentaryMaxLufs: l.momentaryMaxLufs,
      shortTermMaxLufs: l.shortTermMaxLufs,
    },
    normalisationGainDb: st.normalisationGainDb,
    limiterReductionDb: st.limiterReductionDb,
    cues: st.cues,
    dialogue: st.dialogue.lines.map((l) => ({ id: l.id, characterId: l.characterId, text: l.text, startSeconds: l.startSeconds, endSeconds: l.endSeconds, voice: l.voice, onsetsSeconds: l.onsetsSeconds })),
    warnings: st.warnings,
  };
  const file = path.join(dir, 'soundtrack.json');
  await writeFileAtomic(file, JSON.stringify(meta, null, 2) + '\n');
  written.push(file);
  return written;
}
