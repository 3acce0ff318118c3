// The sound department on a planned film: the resolver that derives each scene's cues while
// planning, the cue-sheet schemas it writes into the plan, scene→edit time mapping, and the
// render of the whole soundtrack from a plan.
export * from './cues';
export { soundResolver, lineVoice, DEFAULT_LEVELS, DEFAULT_MIX, FOLEY_CUE_KINDS } from './resolver';
export { sceneWindows, placeEvent, editTimeOf, sceneJoins, masterFades, type ShotWindow, type Piece, type SceneJoin } from './edit';
export { renderFilmSound, filmSoundSources, AMBIENCE_LUFS, type FilmSoundInput, type FilmSoundtrack, type EditCue, type DialoguePlacement } from './render';
export * from './vocabulary';
