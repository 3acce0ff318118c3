// kino's retro department: palettes, perceptual quantisation, dithering, hardware constraint
// modes, CRT/LCD simulation and sprite-sheet exports, all over plain RGBA frames.
// Start with createRetroProcessor (one per shot) and applyCrt; RETRO_BUILTINS lists every name.

export { type Frame, createFrame, assertFrame, parseSize } from './frame';
export { type LinearImage, frameToLinear } from './linear-image';
export { resizeToLinear, RESAMPLE_MODES, FIT_MODES, type Resample, type Fit } from './resize';
export { readImageFrame, writeImageFrame, encodeImageFrame } from './io';
export { probeVideo, decodeVideoFrames, openVideoEncoder, videoOutputKind, VIDEO_EXTS, type VideoInfo, type VideoEncoder, type EncoderOptions, type VideoOutputKind } from './video';
export { RetroOptionsSchema, SizeSchema, PaletteOptionSchema, CrtOptionSchema, type RetroOptions, type RetroOptionsInput } from './options';
export {
  createRetroProcessor,
  createRetroProcessorSync,
  parseRetroOptions,
  indexedToFrame,
  upscaleNearest,
  type RetroProcessor,
  type IndexedFrame,
  type ProcessorContext,
  type ProcessFrameOptions,
} from './processor';
export { RETRO_STYLES, RETRO_STYLE_NAMES, type RetroStyle, type RetroStyleName } from './styles';
export * from './color/index';
export * from './palette/index';
export * from './dither/index';
export { planConstraint, CONSTRAINT_NAMES, ConstraintSchema, CONSTRAINT_DEFAULT_PALETTE, NES_AREA, ZX_CELL, C64_CELL_W, C64_CELL_H, type ConstraintName, type ConstraintPlan, type ConstraintState } from './constraints/index';
export * from './crt/index';
export * from './sprites/index';

import { BUILTIN_PALETTE_NAMES } from './palette/builtin';
import { DITHER_NAMES } from './dither/registry';
import { CRT_PRESET_NAMES } from './crt/presets';
import { CONSTRAINT_NAMES } from './constraints/constraint';
import { RETRO_STYLE_NAMES } from './styles';
import { DISTANCE_METRICS } from './color/distance';
import { SPRITE_EXPORT_FORMATS } from './sprites/files';

/** Every built-in name, for help text, validation messages and `kino styles`. */
export const RETRO_BUILTINS = {
  palettes: BUILTIN_PALETTE_NAMES,
  dithers: DITHER_NAMES as readonly string[],
  crtPresets: CRT_PRESET_NAMES as readonly string[],
  constraints: CONSTRAINT_NAMES as readonly string[],
  styles: RETRO_STYLE_NAMES as readonly string[],
  distances: DISTANCE_METRICS as readonly string[],
  spriteFormats: SPRITE_EXPORT_FORMATS as readonly string[],
} as const;
