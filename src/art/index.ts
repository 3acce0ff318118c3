// Art department: sun position and daylight, locations and scene-heading places.
export * from './sun';
export * from './locations';
