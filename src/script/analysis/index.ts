// Script analyses shared by the shot list, the style director and codegen: props named in the
// action, blocking verbs, dialogue exchanges, mood, era and genre.
export * from './words';
export * from './props';
export * from './actions';
export * from './dialogue';
export * from './mood';
export * from './cast';
