// Named displays. Each is a starting point the user can override field by field.

import { CrtParamsSchema, type CrtParams, type CrtParamsInput } from './params';

export const CRT_PRESETS = {
  /** A living-room shadow-mask TV: soft, curved, glowing, a little misconverged. */
  'consumer-tv': {
    mask: 'shadow-mask', maskStrength: 0.35, scanlineStrength: 0.55, beamMinLines: 0.3, beamMaxLines: 0.48,
    sharpnessPx: 0.6, curvatureX: 0.031, curvatureY: 0.041, cornerRadius: 0.04, bloom: 0.18, bloomRadiusPx: 1.5,
    halation: 0.08, halationRadiusPx: 6, vignette: 0.3, chromaticAberrationPx: 0.35, brightness: 1.3,
  },
  /** The same TV showing a 480i signal: fields alternate every frame. */
  'interlaced-tv': {
    mask: 'shadow-mask', maskStrength: 0.35, scanlineStrength: 0.5, beamMinLines: 0.3, beamMaxLines: 0.48,
    sharpnessPx: 0.6, curvatureX: 0.031, curvatureY: 0.041, cornerRadius: 0.04, bloom: 0.15, halation: 0.06,
    vignette: 0.3, chromaticAberrationPx: 0.35, interlace: true, brightness: 1.3,
  },
  /** A Sony PVM: Trinitron aperture grille, crisp dark scanlines, flat-ish tube. */
  pvm: {
    mask: 'aperture-grille', maskStrength: 0.3, scanlineStrength: 0.95, beamMinLines: 0.16, beamMaxLines: 0.34,
    sharpnessPx: 0.35, curvatureX: 0.012, curvatureY: 0, cornerRadius: 0.01, bloom: 0.05, vignette: 0.1, brightness: 1.45,
  },
  /** An arcade cabinet monitor: slot mask, bright and glowing, visible curvature. */
  arcade: {
    mask: 'slot-mask', maskStrength: 0.45, scanlineStrength: 0.8, beamMinLines: 0.22, beamMaxLines: 0.5,
    sharpnessPx: 0.45, curvatureX: 0.022, curvatureY: 0.03, cornerRadius: 0.03, bloom: 0.28, bloomRadiusPx: 2,
    halation: 0.12, halationRadiusPx: 8, vignette: 0.2, chromaticAberrationPx: 0.2, brightness: 1.45,
  },
  /** A handheld reflective LCD: visible pixel grid, slow pixel response, no scanlines. */
  'handheld-lcd': {
    mask: 'lcd-grid', maskStrength: 0.45, gridGap: 0.2, scanlineStrength: 0, sharpnessPx: 0, gammaIn: 2.2, gammaOut: 2.2,
    ghosting: 0.35, brightness: 1.05,
  },
} as const satisfies Record<string, CrtParamsInput>;

export type CrtPresetName = keyof typeof CRT_PRESETS;
export const CRT_PRESET_NAMES = Object.keys(CRT_PRESETS) as CrtPresetName[];

/** Full parameters for a preset name or a (partial) parameter object with optional `preset`. */
export function resolveCrtParams(spec: CrtPresetName | (CrtParamsInput & { preset?: CrtPresetName })): CrtParams {
  if (typeof spec === 'string') return CrtParamsSchema.parse(CRT_PRESETS[spec]);
  const { preset, ...rest } = spec;
  return CrtParamsSchema.parse({ ...(preset ? CRT_PRESETS[preset] : {}), ...rest });
}
