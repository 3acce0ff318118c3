// Screenplay department: Fountain 1.1 and Final Draft .fdx → one typed Script model, plus the
// breakdown, runtime estimate and beat sheet built on it. Start with `parseScript` / `loadScript`.
//
// Built on the model, each in its own folder (import from there):
//   ./analysis  props named in the action, blocking verbs, dialogue exchanges, mood, era, genre
//   ./shotlist  shot lists from a script or a film plan; CSV, JSON, tables; storyboard prompts
//   ./style     the style director: looks per scene, palettes from mood + era, lighting, look book
//   ./codegen   Script → an editable film.tsx (`kino make` renders it: src/pipeline/make.ts)

export { parseScript, parseFountain, parseFdx, loadScript, detectFormat, MAX_SCRIPT_BYTES } from './load';
export type { ParseScriptOptions, ParsedScript, ScriptFormat } from './load';
export { tokenizeFountain, isBlankLine } from './fountain';
export type { FountainOptions, FountainTokens } from './fountain';
export { parseFdxXml } from './fdx';
export type { FdxOptions, FdxTokens } from './fdx';
export { assembleScript } from './assemble';
export { breakdown, formatBreakdown, formatTable, BreakdownSchema } from './breakdown';
export type { Breakdown } from './breakdown';
export { beatSheet, SAVE_THE_CAT_BEATS } from './beats';
export { PAGE_MODEL, eighthsForSpan, formatEighths, parseEighths, wrappedLines } from './pagination';
export { RUNTIME_MODEL, estimateSeconds } from './runtime';
export { parseEmphasis, stripEmphasis } from './emphasis';
export { parseCue, normalizeExtension, characterKey, isUppercaseCue } from './cue';
export { analyzeHeading, matchHeadingPrefix, splitSceneNumber, locationKey } from './heading';
export { decodeScriptBytes } from './decode';
export * from './model';
export * from './elements';
