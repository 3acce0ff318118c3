// Render profiles, declared once: every surface (CLI flag, manifest, benchmarks) reads this table.

import type { PageProfile } from './page/index';

export type PassName = 'depth' | 'normal' | 'id';

export interface RenderProfile {
  name: 'draft' | 'preview' | 'final';
  description: string;
  /** Fraction of the film's resolution. */
  scale: number;
  page: PageProfile;
  /** AOV passes written per shot. */
  passes: PassName[];
  /**
   * Lossless masters: every shot's cut is also written as FFV1 and the movie is encoded from
   * those. Otherwise the H.264 clip doubles as the cut wherever no transition touches the shot,
   * and the movie is a stream copy of the per-shot H.264 (one encode per frame: on 2 cores every
   * cycle FFmpeg spends is a cycle the software rasteriser does not get).
   */
  lossless: boolean;
  /** x264 settings for the per-shot clips. */
  crf: number;
  preset: string;
}

export const PROFILES: Record<RenderProfile['name'], RenderProfile> = {
  draft: {
    name: 'draft',
    description: 'half resolution, diffuse shading, key-light shadows only, no AA, JPEG frames: for blocking and timing',
    scale: 0.5,
    page: { shading: 'lambert', shadows: 'key', shadowMapSize: 512, msaa: 0, motionBlurSamples: 1, dofSamples: 1, shutter: 180, capture: 0.92 },
    passes: [],
    lossless: false,
    crf: 23,
    preset: 'ultrafast',
  },
  preview: {
    name: 'preview',
    description: '3/4 resolution, PBR shading, 4× MSAA, key shadows, depth/normal/id passes',
    scale: 0.75,
    page: { shading: 'standard', shadows: 'key', shadowMapSize: 1024, msaa: 4, motionBlurSamples: 1, dofSamples: 1, shutter: 180, capture: 0.95 },
    passes: ['depth', 'normal', 'id'],
    lossless: false,
    crf: 20,
    preset: 'veryfast',
  },
  final: {
    name: 'final',
    description: 'full resolution, PBR, 4× MSAA, soft shadows from every light, 6-sample motion blur and depth of field, all passes',
    scale: 1,
    page: { shading: 'standard', shadows: 'all', shadowMapSize: 2048, msaa: 4, motionBlurSamples: 6, dofSamples: 6, shutter: 180, capture: 'png' },
    passes: ['depth', 'normal', 'id'],
    lossless: true,
    crf: 17,
    preset: 'medium',
  },
};

export const PROFILE_NAMES = Object.keys(PROFILES) as RenderProfile['name'][];

/** Output size for a film resolution and profile (even numbers, as encoders need). */
export function renderSize(resolution: [number, number], profile: RenderProfile): [number, number] {
  const even = (n: number) => Math.max(16, Math.round((n * profile.scale) / 2) * 2);
  return [even(resolution[0]), even(resolution[1])];
}
