// The style director: named looks (the STYLE_PRESETS vocabulary) chosen per scene or for the
// film, palettes from mood and era, lighting designs, and the look book page.
export * from './presets';
export * from './palette';
export * from './lighting';
export * from './director';
export * from './lookbook';
export * from './book';
