// Character department: wardrobe and continuity, character state (age, hair, injuries), the
// complete look per scene, the costume bible. Start with resolver.ts (how it joins planning).
export * from './scenes';
export * from './wardrobe';
export * from './state';
export * from './look';
export * from './continuity';
export * from './resolver';
export * from './bible';
export * from './turnaround';
