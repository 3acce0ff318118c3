export { VOICE_VARIANTS, MALE_VARIANTS, FEMALE_VARIANTS, NEUTRAL_VARIANTS, CHARACTER_VARIANTS, VOICE_GENDERS, VoiceSpecSchema, voiceFor, castVoices, espeakArgs, type Voice, type VoiceSpec } from './voice';
export { DIALOGUE_SAMPLE_RATE, SynthesizeLineSchema, synthesizeLine, type SynthesizeLineInput, type SpokenLine } from './synthesize';
export { mouthEnvelope, mouthOpenAt, mouthTrack, syllableOnsets, type MouthEnvelope, type MouthOptions } from './mouth';
export { DialogueLineSchema, DialogueLayoutSchema, layoutDialogue, mouthOpenness, dialogueClips, type DialogueLine, type DialogueLayoutOptions, type TimedLine, type DialogueTimeline } from './timeline';
export { espeakVersion } from './espeak';
