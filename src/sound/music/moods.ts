// The mood table: what each scene mood means musically. Tempo, mode and harmony carry most
// of the feeling (minor and slow for sad, Phrygian ♭II and a pulse for tense, swung ii–V–i
// with 7ths for noir); the parts are the arrangement. No mood has a lead melody: beds sit
// under dialogue, and a tune in the voice's range would fight every line.

import type { ChordSpec, NoteName, ScaleName } from './theory';

export const MUSIC_MOODS = ['neutral', 'warm', 'sad', 'tense', 'playful', 'noir', 'action', 'mysterious', 'triumphant'] as const;
export type Mood = (typeof MUSIC_MOODS)[number];

export const PARTS = [
  'pad', 'strings', 'drone', 'cluster', 'epianoArp', 'bellArp', 'ostinato', 'marimba', 'pluckArp', 'comp', 'brassStabs', 'brassPad',
  'bassRound', 'bassWalk', 'bassSaw', 'bassBounce', 'bassWhole',
  'drumsHeartbeat', 'drumsSoft', 'drumsPlayful', 'drumsJazz', 'drumsAction', 'drumsTimpani',
] as const;
export type Part = (typeof PARTS)[number];

export interface MoodDef {
  tempo: [number, number];
  scale: ScaleName;
  keys: NoteName[];
  progression: ChordSpec[];
  /** Beats each chord lasts (4/4 time). */
  beatsPerChord: number;
  /** Position of the off-beat eighth within the beat: 0.5 straight, ~0.66 swung. */
  swing: number;
  parts: Part[];
  /** Parts that play from the first bar (the rest enter at bar 9, drums drop in breakdowns). */
  core: Part[];
  padCutoffHz: number;
  reverb: { roomSize: number; damping: number; mix: number };
}

const c = (degree: number, seventh = false, scale?: ScaleName): ChordSpec => ({ degree, seventh, scale });

export const MOODS: Record<Mood, MoodDef> = {
  neutral: {
    tempo: [86, 94], scale: 'major', keys: ['C', 'D', 'F', 'G'],
    progression: [c(1), c(4), c(6), c(5)], beatsPerChord: 4, swing: 0.5,
    parts: ['pad', 'bellArp', 'bassWhole'], core: ['pad', 'bassWhole'], padCutoffHz: 1300,
    reverb: { roomSize: 0.7, damping: 0.5, mix: 0.35 },
  },
  warm: {
    tempo: [80, 88], scale: 'major', keys: ['D', 'Eb', 'F', 'G', 'A'],
    progression: [c(1), c(6), c(4), c(5)], beatsPerChord: 4, swing: 0.5,
    parts: ['pad', 'epianoArp', 'bassRound', 'drumsSoft'], core: ['pad', 'epianoArp'], padCutoffHz: 1500,
    reverb: { roomSize: 0.6, damping: 0.5, mix: 0.3 },
  },
  sad: {
    tempo: [62, 70], scale: 'minor', keys: ['A', 'D', 'E', 'B'],
    progression: [c(1), c(6), c(3), c(7)], beatsPerChord: 4, swing: 0.5,
    parts: ['strings', 'pluckArp', 'bassWhole'], core: ['strings'], padCutoffHz: 1800,
    reverb: { roomSize: 0.85, damping: 0.4, mix: 0.45 },
  },
  tense: {
    tempo: [88, 96], scale: 'phrygian', keys: ['E', 'F', 'C#', 'D'],
    progression: [c(1), c(2), c(1), c(7)], beatsPerChord: 4, swing: 0.5,
    parts: ['drone', 'cluster', 'ostinato', 'drumsHeartbeat'], core: ['drone', 'cluster'], padCutoffHz: 900,
    reverb: { roomSize: 0.9, damping: 0.3, mix: 0.4 },
  },
  playful: {
    tempo: [116, 124], scale: 'major', keys: ['C', 'F', 'G', 'Bb'],
    progression: [c(1), c(6), c(2), c(5)], beatsPerChord: 4, swing: 0.5,
    parts: ['marimba', 'bassBounce', 'pad', 'drumsPlayful'], core: ['marimba', 'bassBounce'], padCutoffHz: 1600,
    reverb: { roomSize: 0.4, damping: 0.5, mix: 0.2 },
  },
  noir: {
    tempo: [70, 78], scale: 'minor', keys: ['C', 'D', 'F', 'G'],
    progression: [c(2, true), c(5, true, 'harmonicMinor'), c(1, true), c(1, true)], beatsPerChord: 4, swing: 0.66,
    parts: ['comp', 'bassWalk', 'drumsJazz', 'pad'], core: ['bassWalk', 'drumsJazz'], padCutoffHz: 900,
    reverb: { roomSize: 0.55, damping: 0.6, mix: 0.3 },
  },
  action: {
    tempo: [136, 146], scale: 'minor', keys: ['D', 'E', 'C', 'A'],
    progression: [c(1), c(6), c(7), c(1)], beatsPerChord: 4, swing: 0.5,
    parts: ['bassSaw', 'brassStabs', 'pad', 'ostinato', 'drumsAction'], core: ['bassSaw', 'ostinato', 'drumsAction'], padCutoffHz: 1800,
    reverb: { roomSize: 0.5, damping: 0.5, mix: 0.2 },
  },
  mysterious: {
    tempo: [60, 68], scale: 'dorian', keys: ['D', 'E', 'G', 'A'],
    progression: [c(1, true), c(4), c(1, true), c(7)], beatsPerChord: 8, swing: 0.5,
    parts: ['drone', 'pad', 'bellArp'], core: ['drone', 'pad'], padCutoffHz: 1000,
    reverb: { roomSize: 0.95, damping: 0.3, mix: 0.5 },
  },
  triumphant: {
    tempo: [96, 104], scale: 'major', keys: ['C', 'D', 'Eb', 'Bb'],
    progression: [c(1), c(5), c(6), c(4)], beatsPerChord: 4, swing: 0.5,
    parts: ['brassPad', 'strings', 'bassRound', 'drumsTimpani'], core: ['strings', 'bassRound'], padCutoffHz: 2200,
    reverb: { roomSize: 0.8, damping: 0.4, mix: 0.35 },
  },
};
