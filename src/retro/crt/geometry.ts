// Tube geometry: for every output pixel, where on the source it lands (after barrel warp) and how
// much light reaches it (vignette × rounded corners). Depends only on sizes and parameters, so it
// is computed once per shot and reused for every frame.
//
// Warp: with centred coordinates c ∈ [−1, 1]², c' = (cx·(1 + k_x·cy²), cy·(1 + k_y·cx²)) — the
// same polynomial Timothy Lottes published (public domain) for his CRT shader.

import type { CrtParams } from './params';

export interface CrtGeometry {
  width: number;
  height: number;
  /** Per output pixel: source x, source y (source pixels), light factor (0 = outside the tube). */
  map: Float32Array;
}

const cache = new Map<string, CrtGeometry>();

export function crtGeometry(srcW: number, srcH: number, outW: number, outH: number, p: Pick<CrtParams, 'curvatureX' | 'curvatureY' | 'cornerRadius' | 'vignette'>): CrtGeometry {
  const key = [srcW, srcH, outW, outH, p.curvatureX, p.curvatureY, p.cornerRadius, p.vignette].join(',');
  const hit = cache.get(key);
  if (hit) return hit;
  const map = new Float32Array(outW * outH * 3);
  const aspect = outW / outH;
  // Corner radius in normalised units of the shorter side; 1.5 output pixels of anti-aliasing.
  const rad = p.cornerRadius * 2;
  const aa = 1.5 / Math.min(outW, outH);
  for (let oy = 0; oy < outH; oy++)
    for (let ox = 0; ox < outW; ox++) {
      let cx = ((ox + 0.5) / outW) * 2 - 1;
      let cy = ((oy + 0.5) / outH) * 2 - 1;
      const wx = cx * (1 + p.curvatureX * cy * cy);
      const wy = cy * (1 + p.curvatureY * cx * cx);
      cx = wx;
      cy = wy;
      const u = (cx + 1) / 2;
      const v = (cy + 1) / 2;
      let light = 1;
      if (u < 0 || u > 1 || v < 0 || v > 1) light = 0;
      else {
        if (rad > 0) {
          // Rounded rectangle distance, x scaled by aspect so corners are circular.
          const qx = Math.max(0, Math.abs(cx) * aspect - (aspect - rad));
          const qy = Math.max(0, Math.abs(cy) - (1 - rad));
          const d = Math.hypot(qx, qy) - rad;
          light *= Math.min(1, Math.max(0, -d / aa));
        }
        // Edge-safe anti-aliasing at the tube border.
        const edge = Math.min(u, 1 - u, v, 1 - v) * 2;
        light *= Math.min(1, edge / aa);
        if (p.vignette > 0) light *= Math.pow(16 * u * v * (1 - u) * (1 - v), p.vignette * 0.5);
      }
      const o = (oy * outW + ox) * 3;
      map[o] = u * srcW;
      map[o + 1] = v * srcH;
      map[o + 2] = light;
    }
  const g = { width: outW, height: outH, map };
  if (cache.size > 16) cache.clear();
  cache.set(key, g);
  return g;
}
