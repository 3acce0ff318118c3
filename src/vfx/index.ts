// kino's style department (vfx): looks as data. <Style>, <Grade>, <Retro> and <CRT> chains become
// ShotPlan.ext.style (style.ts) through styleResolver (resolver.ts); presets.ts says what every named
// look means; grade-math.ts is the grade (GLSL for the render page and a CPU reference); lut.ts
// reads .cube files.

export { styleResolver, foldLooks, lookSourceOf, outputLookSources, newFoldContext, type LookItem, type LookSource } from './resolver';
export { LOOK_PRESETS, GRADE_LOOK_ALIASES, CINEMA_LOOKS, gradeLook, type LookPreset } from './presets';
export { ShotStyleSchema, FilmStyleSchema, GradeParamsSchema, shotStyle, outputStyle, hasPost, type ShotStyle, type FilmStyle } from './style';
export { IDENTITY_GRADE, composeGrade, gradeAsLayer, gradeDefines, isIdentityGrade, applyGradeCpu, gradeUniformValues, balanceGains, sampleLut, GRADE_FRAGMENT, type GradeParams, type GradeLayer, type Lut3D } from './grade-math';
export { parseCube, readCube, formatCube, type CubeLut } from './lut';
