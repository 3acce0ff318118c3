// kino's sound department: dialogue (offline TTS), foley, ambience and music synthesis,
// a BS.1770-4 / EBU R128 loudness meter, ducking, true-peak limiting and the mixer.
// Everything is pure DSP on Float32Array at 48 kHz and deterministic per seed.
//
// On a planned film: `soundResolver` (film/resolver.ts) derives each scene's cues while the film
// is planned (ScenePlan.ext.sound), and `renderFilmSound` (film/render.ts) lays them on the edit
// clock and mixes them; src/pipeline/soundtrack.ts runs both around `kino render`.
//
// Standalone: `renderSoundtrack` (a whole film's sound from a cue sheet) or the pieces:
// `synthesizeLine`/`layoutDialogue`, `footstep`/`door`/`renderFoley`, `ambienceBed`,
// `musicBed`, `mix`, `measureLoudness`, `writeWav`.
// The exported constant lists (SURFACES, MUSIC_MOODS, AMBIENCE_TYPES, …) are what component
// props can be validated against.

export { WAV_FORMATS, encodeWav, decodeWav, writeWav, readWav, type WavFormat, type WavAudio, type EncodeWavOptions } from './wav';
export { resample, resampleChannels, resampledLength, type ResampleOptions } from './resample';
export { upmix, toStereo, toMono, panGains } from './channels';
export { measureLoudness, integratedLoudness, blockLoudness, defaultChannelWeights, energyToLufs, lufsToEnergy, type Loudness, type LoudnessOptions } from './loudness';
export { kWeightingCoefficients } from './k-weighting';
export { truePeak, truePeakDb, truePeakEnvelope, TRUE_PEAK_PHASES } from './true-peak';
export { ffmpegEbur128, type FfmpegLoudness } from './ebur128-ffmpeg';
export { DuckingSchema, duckingGain, type DuckingOptions } from './ducking';
export { LimiterSchema, limiterGain, truePeakLimit, type LimiterOptions, type LimiterResult } from './limiter';
export { normalizeLoudness, type NormalizeResult } from './normalize';
export { MIX_SAMPLE_RATE, MIX_ROLES, STEMS, LOUDNESS_TARGETS, MixClipSchema, MixOptionsSchema, mix, type MixClip, type MixOptions, type MixResult, type MixRole, type StemName, type Stereo } from './mix';
export { SoundtrackSchema, MusicCueSchema, AmbienceCueSchema, FoleyCueSchema, renderSoundtrack, writeAudioFolder, type SoundtrackSpec, type Soundtrack, type CueTiming } from './soundtrack';
export * from './dialogue';
export * from './foley';
export * from './ambience';
export * from './music';
export { Noise, seedOf, type Seed, type NoiseColor } from './dsp/noise';
export { Biquad, BiquadChain, designBiquad, biquadGainDb, type BiquadCoefficients, type BiquadType } from './dsp/biquad';
export * from './film';
export { decodeAudioFile } from './decode';
