// Just enough music theory for generated beds: scales as semitone sets, diatonic chords
// stacked in thirds, and key names.

export const SCALES = {
  major: [0, 2, 4, 5, 7, 9, 11],
  minor: [0, 2, 3, 5, 7, 8, 10],
  harmonicMinor: [0, 2, 3, 5, 7, 8, 11],
  dorian: [0, 2, 3, 5, 7, 9, 10],
  phrygian: [0, 1, 3, 5, 7, 8, 10],
  lydian: [0, 2, 4, 6, 7, 9, 11],
  mixolydian: [0, 2, 4, 5, 7, 9, 10],
} as const;
export type ScaleName = keyof typeof SCALES;

export const NOTE_NAMES = ['C', 'C#', 'D', 'Eb', 'E', 'F', 'F#', 'G', 'Ab', 'A', 'Bb', 'B'] as const;
export type NoteName = (typeof NOTE_NAMES)[number];

/** A chord as a scale degree (1 = tonic) with optional seventh and borrowed scale. */
export interface ChordSpec {
  degree: number;
  seventh?: boolean;
  /** Take the chord from another scale on the same tonic (e.g. V7 from harmonic minor). */
  scale?: ScaleName;
}

/** Semitone offsets from the tonic of the chord's notes (root position, ascending). */
export function chordTones(scale: ScaleName, chord: ChordSpec): number[] {
  const s = SCALES[chord.scale ?? scale];
  const tones: number[] = [];
  const count = chord.seventh ? 4 : 3;
  for (let k = 0; k < count; k++) {
    const idx = chord.degree - 1 + 2 * k;
    tones.push(s[idx % 7] + 12 * Math.floor(idx / 7));
  }
  return tones;
}

/**
 * Roman-numeral label of a chord relative to the major scale on the same tonic: "i", "♭VI",
 * "V7", "iiø7", "♭II". Case gives the quality, ♭ a root lowered against major.
 */
export function chordLabel(scale: ScaleName, chord: ChordSpec): string {
  const t = chordTones(scale, chord);
  const third = t[1] - t[0];
  const fifth = t[2] - t[0];
  const numerals = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII'];
  const d = (chord.degree - 1) % 7;
  let n = numerals[d];
  if (third === 3) n = n.toLowerCase();
  const lowered = (t[0] % 12) < SCALES.major[d];
  if (lowered) n = '♭' + n;
  if (fifth === 6) n += chord.seventh && t[3] - t[0] === 10 ? 'ø' : '°';
  if (fifth === 8) n += '+';
  return n + (chord.seventh ? '7' : '');
}
