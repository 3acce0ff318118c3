export { CrtParamsSchema, MASK_TYPES, type CrtParams, type CrtParamsInput } from './params';
export { CRT_PRESETS, CRT_PRESET_NAMES, resolveCrtParams, type CrtPresetName } from './presets';
export { applyCrt, createCrt, type CrtSession, type CrtSpec } from './crt';
export { maskTile, type MaskTile } from './mask';
export { crtGeometry, type CrtGeometry } from './geometry';
