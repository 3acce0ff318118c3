// Codegen: a Script → an idiomatic, editable film.tsx (cast, sets from headings, lighting, blocking,
// lines, coverage, transitions, looks). `generateFilm` is the entry point.
export { generateFilm, type GenerateOptions, type GeneratedFilm } from './film';
export { generateScene, spotsFor, openSide, transitionOf, type SceneInput, type SceneCode } from './scene';
export { designSet, styleFor, INTERIOR_STYLES, EXTERIOR_STYLES, type SetDesign } from './sets';
export { castCharacters, presentationOf, type CastMember } from './cast';
export { el, printJsx, literal, num, component, type JsxElement, type JsxNode, type AttrValue } from './jsx';
export { slugId, pascal, NameBook } from './names';
