// Art department: sun position and daylight, locations and scene-heading places, the set
// builder (rooms, openings, dressing styles, the prop footprints it checks) and its resolver.
export * from './sun';
export * from './locations';
export * from './footprint';
export * from './styles';
export * from './room';
export * from './dressing';
export * from './daylight';
export * from './resolver';
