// The plan layer: timing, performance, framing, coverage, the cut list — and evaluateFrame.
// evaluate.ts imports no React and no Node APIs, so the render page bundles it as is.
export { buildPlan, parseHeading, type PlanOptions, type PlanResult } from './build';
export { evaluateFrame, evaluateView, shotAtFrame, type FrameState, type FrameView, type LightState, type PropState, type CameraState, type CharacterState } from './evaluate';
export * from './schema';
export { JOINTS, PARENT, bodyDims, restOffsets, forwardKinematics, type BodyDims, type JointName } from './performance/skeleton';
export { horizontalFov, verticalFovForAspect, depthOfField, circleOfConfusion } from './lens';
export { SIZE_FRAME, SIZE_LENS, SIZE_ORDER } from './framing';
export { PROP_KINDS, PROP_KIND_NAMES } from './props';
export { RIG_PRESETS } from './lights';
