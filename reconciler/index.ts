export { createFilmRoot, renderToDoc, userFrame, componentPath, type FilmRoot, type RenderResult } from './root';
export { BUILTIN } from './nodes';
export { recordSource, sourceOf } from './source';
