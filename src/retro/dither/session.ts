// A DitherSession dithers the frames of one shot. It owns what must persist between frames:
// the hysteresis state of error diffusion (so a static background does not boil) and the
// resolved threshold map. Positional dithers are stateless per frame and anchored to the screen,
// or to a world/layer offset passed per frame, so still regions never crawl.

import type { LinearImage } from '../linear-image';
import { bayerMap } from './bayer';
import { blueNoiseMap } from './blue-noise';
import { clusteredDot } from './clustered-dot';
import { DIFFUSION_KERNELS } from './diffusion-kernels';
import { applyHysteresis, createHysteresisState, errorDiffuse, type HysteresisState } from './error-diffusion';
import { gamutMapFor } from './gamut-map';
import { knollDither } from './knoll';
import { isCellMatchers, type Target } from './matcher';
import { orderedDither } from './ordered';
import { canonicalDitherName, isDiffusionName } from './registry';
import type { ThresholdMap } from './threshold-map';
import { yliluomaDither } from './yliluoma';

export interface DitherSettings {
  /** A name from DITHER_NAMES (aliases accepted). */
  dither: string;
  /** 0..1. Default 1. */
  strength?: number;
  /** Error diffusion only. Default true. */
  serpentine?: boolean;
  /**
   * Keep a pixel's previous palette index while its source stays within this many 8-bit levels
   * per channel of the colour it was decided on. 0 disables. Default 6 (above ±2-level sensor
   * noise or film grain, below a visible change). Error diffusion applies it inside the scan
   * (so kept pixels still pass on their error); positional dithers apply it after, and drop it
   * for a frame whose pattern offset moved.
   */
  hysteresis?: number;
  /** Threshold tile for the `custom` dither. */
  pattern?: ThresholdMap;
  /** Error diffusion: aim at the closest mixable colour (see gamut-map.ts). Default true. */
  gamutMap?: boolean;
}

export const DEFAULT_HYSTERESIS = 6;

export interface DitherFrameOptions {
  /** Pattern anchor for positional dithers (world- or layer-anchored), in output pixels. */
  offsetX?: number;
  offsetY?: number;
}

export class DitherSession {
  readonly dither: string;
  private readonly strength: number;
  private readonly serpentine: boolean;
  private readonly hysteresisLevels: number;
  private readonly map: ThresholdMap | null;
  private readonly gamutMap: boolean;
  private hysteresis: HysteresisState | null = null;
  private lastOffset: [number, number] | null = null;

  constructor(settings: DitherSettings) {
    const name = canonicalDitherName(settings.dither);
    if (!name) throw new Error(`Unknown dither "${settings.dither}".`);
    this.dither = name;
    this.strength = Math.min(1, Math.max(0, settings.strength ?? 1));
    this.serpentine = settings.serpentine ?? true;
    this.hysteresisLevels = settings.hysteresis ?? DEFAULT_HYSTERESIS;
    this.map = resolveMap(name, settings.pattern);
    this.gamutMap = settings.gamutMap ?? true;
  }

  /** Forget the previous frame (a cut). */
  reset(): void {
    this.hysteresis = null;
    this.lastOffset = null;
  }

  private state(img: LinearImage): HysteresisState | undefined {
    if (this.hysteresisLevels <= 0) return undefined;
    if (!this.hysteresis || this.hysteresis.index.length !== img.width * img.height) {
      this.hysteresis = createHysteresisState(img.width, img.height, this.hysteresisLevels);
    }
    return this.hysteresis;
  }

  /** Dithers one frame's working image against the target; returns palette indices. */
  run(img: LinearImage, target: Target, frame: DitherFrameOptions = {}, out = new Uint16Array(img.width * img.height)): Uint16Array {
    const name = this.dither;
    if (name === 'none' || this.strength === 0) {
      // Nearest colour is a function of the pixel alone: nothing to stabilise.
      orderedDither(img, target, out, { map: bayerMap(2), strength: 0 });
      return out;
    }
    if (isDiffusionName(name)) {
      // Huge palettes (SNES, Genesis) already cover the gamut; mapping would only cost time.
      const gm = this.gamutMap && !isCellMatchers(target) && target.count <= 256 ? gamutMapFor(target) : undefined;
      errorDiffuse(img, target, out, { kernel: DIFFUSION_KERNELS[name], strength: this.strength, serpentine: this.serpentine, hysteresis: this.state(img), gamutMap: gm });
      return out;
    }
    const ox = Math.round(frame.offsetX ?? 0);
    const oy = Math.round(frame.offsetY ?? 0);
    if (name === 'knoll') knollDither(img, target, out, this.map!, this.strength, ox, oy);
    else if (name === 'yliluoma') yliluomaDither(img, target, out, this.map!, this.strength, ox, oy);
    else orderedDither(img, target, out, { map: this.map!, strength: this.strength, offsetX: ox, offsetY: oy });
    const hy = this.state(img);
    if (hy) {
      // A moved pattern must show at once: hysteresis would pin the old phase.
      const moved = this.lastOffset !== null && (this.lastOffset[0] !== ox || this.lastOffset[1] !== oy);
      if (moved) hy.primed = false;
      applyHysteresis(img, target, out, hy);
    }
    this.lastOffset = [ox, oy];
    return out;
  }
}

function resolveMap(name: string, pattern: ThresholdMap | undefined): ThresholdMap | null {
  switch (name) {
    case 'bayer2':
      return bayerMap(2);
    case 'bayer4':
    case 'yliluoma':
      return bayerMap(4);
    case 'bayer8':
    case 'knoll':
      return bayerMap(8);
    case 'bayer16':
      return bayerMap(16);
    case 'clustered-dot':
      return clusteredDot(8);
    case 'clustered-dot-4':
      return clusteredDot(4);
    case 'blue-noise':
      return blueNoiseMap(64);
    case 'custom':
      if (!pattern) throw new Error('The custom dither needs a threshold tile (pattern).');
      return pattern;
    default:
      return null;
  }
}

