// One spoken line: eSpeak NG → trimmed, levelled 48 kHz mono + mouth envelope + onsets.
// Rendered lines are cached by a hash of everything that shapes the audio (engine version,
// flags, text), as eSpeak's own 22.05 kHz WAV: it is the expensive step, 4× smaller than the
// 48 kHz float result, and everything after it is cheap and deterministic.

import fsp from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { KinoError, issue } from '../../doc/errors';
import { writeFileAtomic } from '../../util/fs';
import { hashValue } from '../../util/hash';
import { blockLoudness, integratedLoudness } from '../loudness';
import { resample } from '../resample';
import { parseOrThrow } from '../validate';
import { decodeWav } from '../wav';
import { espeakVersion, runEspeak } from './espeak';
import { mouthEnvelope, syllableOnsets, type MouthEnvelope } from './mouth';
import { VoiceSpecSchema, espeakArgs, voiceFor, type Voice } from './voice';

export const DIALOGUE_SAMPLE_RATE = 48000;

export const SynthesizeLineSchema = z
  .object({
    text: z.string().trim().min(1, 'a line needs some text').max(5000),
    /** Whose line; the voice is derived from it unless `voice` says otherwise. */
    characterId: z.string().min(1).default('narrator'),
    voice: VoiceSpecSchema.optional(),
    /** A fully resolved voice (e.g. from castVoices); wins over characterId and voice. */
    resolvedVoice: z.custom<Voice>((v) => typeof v === 'object' && v !== null && 'variant' in v).optional(),
    /** Directory for cached renders; no caching when absent. */
    cacheDir: z.string().optional(),
    /**
     * Loudness each line is levelled to, LUFS, so characters sit together before the mix
     * (dialogue is then placed by the mixer's gain). null keeps eSpeak's level. Default −20.
     */
    levelLufs: z.number().min(-60).max(0).nullable().default(-20),
  })
  .strict();
export type SynthesizeLineInput = z.input<typeof SynthesizeLineSchema>;

export interface SpokenLine {
  text: string;
  characterId: string;
  voice: Voice;
  sampleRate: 48000;
  /** 48 kHz mono; sample 0 is the start of speech (leading silence trimmed). */
  samples: Float32Array;
  durationSeconds: number;
  mouth: MouthEnvelope;
  /** Syllable-like onsets, seconds from the start of the line. */
  onsetsSeconds: number[];
  /** Content hash (cache key) of this render. */
  key: string;
  /** True when the audio came from the cache. */
  cached: boolean;
}

// Bump when anything between eSpeak and the cached bytes changes (2: frozen WASM clock).
const PIPELINE_VERSION = 2;
const SILENCE = Math.pow(10, -50 / 20);
const PRE_ROLL_S = 0.005;
const TAIL_S = 0.06;
const FADE_S = 0.003;

async function readCached(file: string): Promise<Uint8Array | undefined> {
  try {
    return await fsp.readFile(file);
  } catch {
    return undefined;
  }
}

/** Speaks one line. Throws KinoError (never returns silence) when speech cannot be made. */
export async function synthesizeLine(input: SynthesizeLineInput): Promise<SpokenLine> {
  const p = parseOrThrow(SynthesizeLineSchema, input, 'dialogue');
  const voice = p.resolvedVoice ?? voiceFor(p.characterId, p.voice ?? {});
  const args = espeakArgs(voice);
  // eSpeak reads "[[" as phoneme input and control characters as garbage: keep plain text.
  const text = p.text.replace(/\[\[/g, '[ [').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ');
  const key = hashValue({ v: PIPELINE_VERSION, engine: `espeak-ng@${await espeakVersion()}`, args, text });
  const cacheFile = p.cacheDir ? path.join(p.cacheDir, `${key}.wav`) : undefined;
  let wav = cacheFile ? await readCached(cacheFile) : undefined;
  const cached = wav !== undefined;
  if (!wav) {
    wav = await runEspeak(args, text);
    if (cacheFile) await writeFileAtomic(cacheFile, wav);
  }
  const raw = decodeWav(wav, cacheFile);
  const x = raw.channels[0];
  let first = -1, last = -1;
  for (let i = 0; i < x.length; i++) {
    if (Math.abs(x[i]) > SILENCE) {
      if (first < 0) first = i;
      last = i;
    }
  }
  if (first < 0) {
    throw new KinoError(issue('dialogue/silent', `eSpeak NG produced only silence for "${p.text.slice(0, 60)}".`, { hint: 'Give the line words eSpeak can pronounce (punctuation alone is silent).' }));
  }
  const a = Math.max(0, first - Math.round(PRE_ROLL_S * raw.sampleRate));
  const b = Math.min(x.length, last + 1 + Math.round(TAIL_S * raw.sampleRate));
  const samples = resample(x.subarray(a, b), raw.sampleRate, DIALOGUE_SAMPLE_RATE);
  const fade = Math.min(Math.round(FADE_S * DIALOGUE_SAMPLE_RATE), samples.length >> 1);
  for (let i = 0; i < fade; i++) {
    const g = i / fade;
    samples[i] *= g;
    samples[samples.length - 1 - i] *= g;
  }
  if (p.levelLufs !== null) {
    let l = integratedLoudness([samples], DIALOGUE_SAMPLE_RATE);
    if (!Number.isFinite(l)) l = blockLoudness([samples], DIALOGUE_SAMPLE_RATE);
    if (Number.isFinite(l)) {
      const g = Math.pow(10, (p.levelLufs - l) / 20);
      for (let i = 0; i < samples.length; i++) samples[i] *= g;
    }
  }
  const mouth = mouthEnvelope(samples, DIALOGUE_SAMPLE_RATE);
  return {
    text: p.text,
    characterId: p.characterId,
    voice,
    sampleRate: DIALOGUE_SAMPLE_RATE,
    samples,
    durationSeconds: samples.length / DIALOGUE_SAMPLE_RATE,
    mouth,
    onsetsSeconds: syllableOnsets(mouth),
    key,
    cached,
  };
}
