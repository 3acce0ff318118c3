// Colour distance metrics for nearest-colour search. Each metric maps a linear-light colour to
// coordinates once, then compares coordinates; palettes are converted once, pixels once per lookup.

import { z } from 'zod';
import { linearToSrgb } from './srgb';
import { linearToOklab, type Vec3 } from './oklab';
import { linearToLab } from './cielab';
import { ciede2000 } from './ciede2000';

export const DISTANCE_METRICS = ['oklab', 'ciede2000', 'redmean', 'rgb'] as const;
export const DistanceMetricSchema = z.enum(DISTANCE_METRICS);
export type DistanceMetric = z.infer<typeof DistanceMetricSchema>;

/** Coordinates of a linear-light colour in the metric's space. */
export function metricCoords(metric: DistanceMetric, r: number, g: number, b: number, out: Vec3 = [0, 0, 0]): Vec3 {
  switch (metric) {
    case 'oklab':
      return linearToOklab(r, g, b, out);
    case 'ciede2000':
      return linearToLab(r, g, b, out);
    default:
      out[0] = linearToSrgb(r) * 255;
      out[1] = linearToSrgb(g) * 255;
      out[2] = linearToSrgb(b) * 255;
      return out;
  }
}

/**
 * Distance between two coordinate triples of the metric (squared where the metric is Euclidean:
 * only the order matters for search).
 */
export function metricDistance(metric: DistanceMetric, a0: number, a1: number, a2: number, b0: number, b1: number, b2: number): number {
  switch (metric) {
    case 'ciede2000':
      return ciede2000(a0, a1, a2, b0, b1, b2);
    case 'redmean': {
      // "Redmean" weighting (Riemersma, compuphase.com/cmetric.htm): cheap, better than plain RGB.
      const rm = (a0 + b0) / 2;
      const dr = a0 - b0, dg = a1 - b1, db = a2 - b2;
      return (2 + rm / 256) * dr * dr + 4 * dg * dg + (2 + (255 - rm) / 256) * db * db;
    }
    default: {
      const d0 = a0 - b0, d1 = a1 - b1, d2 = a2 - b2;
      return d0 * d0 + d1 * d1 + d2 * d2;
    }
  }
}

/** Whether the metric is Euclidean in its coordinates (so a k-d tree finds the exact nearest). */
export function isEuclidean(metric: DistanceMetric): boolean {
  return metric === 'oklab' || metric === 'rgb';
}
