export { MUSIC_MOODS, MOODS, PARTS, type Mood, type MoodDef, type Part } from './moods';
export { MusicBedSchema, musicBed, type MusicBed, type MusicBedParams } from './bed';
export { SCALES, NOTE_NAMES, chordTones, chordLabel, type ScaleName, type NoteName, type ChordSpec } from './theory';
export { MUSIC_SAMPLE_RATE } from './instruments';
export { DRUM_VOICES, DrumKit, type DrumVoice } from './drums';
