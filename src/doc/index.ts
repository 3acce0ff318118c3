export * from './errors';
export * from './node';
export * from './values';
export * from './validate';
export * from './schema';
