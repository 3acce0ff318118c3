// The grade maths, .cube LUTs and the non-perspective camera poses, as pure functions.

import { describe, expect, it } from 'vitest';
import { defaultParallaxLayers, orthoPose, depthBeyondTarget, type V3 } from '../../src/render/page/projection';
import {
  applyGradeCpu, composeGrade, formatCube, gradeAsLayer, IDENTITY_GRADE, isIdentityGrade, parseCube, sampleLut, LOOK_PRESETS, CINEMA_LOOKS,
} from '../../src/vfx/index';
import { isKinoError } from '../../src/doc/errors';

const frameOf = (w: number, h: number, rgb: [number, number, number]) => {
  const data = new Uint8Array(w * h * 4);
  for (let i = 0; i < w * h; i++) data.set([...rgb, 255], i * 4);
  return { width: w, height: h, data };
};

describe('grade', () => {
  it('composes nested grades: offsets add, factors multiply, frame-wide settings are replaced', () => {
    const outer = composeGrade(IDENTITY_GRADE, { exposure: 1, contrast: 1.2, saturation: 0.5, lift: [0.1, 0, 0], vignette: 0.4, letterbox: 2.39 });
    const g = composeGrade(outer, { exposure: -0.25, contrast: 1.5, saturation: 2, lift: [0, 0.05, 0], vignette: 0 });
    expect(g.exposure).toBeCloseTo(0.75);
    expect(g.contrast).toBeCloseTo(1.8);
    expect(g.saturation).toBeCloseTo(1);
    expect(g.lift).toEqual([0.1, 0.05, 0]);
    expect(g.vignette).toBe(0);
    expect(g.letterbox).toBe(2.39);
    expect(composeGrade(IDENTITY_GRADE, { temperature: 80 }).temperature + composeGrade(composeGrade(IDENTITY_GRADE, { temperature: 80 }), { temperature: 80 }).temperature).toBe(180);
    // As a layer, a resolved grade's unset frame-wide settings do not switch an outer one off.
    const layer = gradeAsLayer(composeGrade(IDENTITY_GRADE, { contrast: 1.1 }));
    expect(layer.vignette).toBeUndefined();
    expect(composeGrade(outer, layer).vignette).toBe(0.4);
  });

  it('identity changes nothing, and is detected as such (the fast path)', () => {
    expect(isIdentityGrade(IDENTITY_GRADE)).toBe(true);
    expect(isIdentityGrade(composeGrade(IDENTITY_GRADE, { contrast: 1.0001 }))).toBe(false);
    const f = frameOf(8, 4, [37, 128, 250]);
    const copy = new Uint8Array(f.data);
    applyGradeCpu(f, IDENTITY_GRADE);
    expect(Buffer.compare(Buffer.from(f.data), Buffer.from(copy))).toBe(0);
  });

  it('exposure is in stops of linear light; saturation 0 is neutral grey; bars follow the aspect', () => {
    const f = frameOf(4, 4, [99, 99, 99]); // ≈ 12 % linear
    applyGradeCpu(f, composeGrade(IDENTITY_GRADE, { exposure: 1 }));
    const lin = (v: number) => Math.pow((v / 255 + 0.055) / 1.055, 2.4);
    expect(lin(f.data[0]) / lin(99)).toBeCloseTo(2, 1);
    const c = frameOf(4, 4, [200, 40, 90]);
    applyGradeCpu(c, composeGrade(IDENTITY_GRADE, { saturation: 0 }));
    expect(c.data[0]).toBe(c.data[1]);
    expect(c.data[1]).toBe(c.data[2]);
    const wide = frameOf(160, 90, [200, 200, 200]);
    applyGradeCpu(wide, composeGrade(IDENTITY_GRADE, { letterbox: 2.39 }));
    let black = 0;
    for (let y = 0; y < 90; y++) if (wide.data[(y * 160 + 80) * 4] === 0) black++;
    // 160 / 2.39 = 66.9 picture rows: 23–24 rows of bars.
    expect(Math.abs(black - (90 - 160 / 2.39))).toBeLessThanOrEqual(1);
    // A target narrower than the frame gives pillarbox bars.
    const box = frameOf(160, 90, [200, 200, 200]);
    applyGradeCpu(box, composeGrade(IDENTITY_GRADE, { letterbox: 1.33 }));
    expect(box.data[(45 * 160 + 0) * 4]).toBe(0);
    expect(box.data[(0 * 160 + 80) * 4]).toBe(200);
  });

  it('every cinema preset is a real change of look', () => {
    expect(CINEMA_LOOKS).toHaveLength(10);
    const base = frameOf(16, 9, [180, 120, 90]);
    for (const name of CINEMA_LOOKS) {
      const f = { ...base, data: new Uint8Array(base.data) };
      applyGradeCpu(f, composeGrade(IDENTITY_GRADE, LOOK_PRESETS[name].grade!));
      let diff = 0;
      for (let i = 0; i < f.data.length; i++) if (i % 4 !== 3) diff += Math.abs(f.data[i] - base.data[i]);
      expect(diff / (16 * 9 * 3), name).toBeGreaterThan(2);
    }
  });
});

describe('.cube LUTs', () => {
  it('reads 3D tables (comments, title, domain) and samples them trilinearly', () => {
    const text = ['# a comment', 'TITLE "warm"', 'LUT_3D_SIZE 2', 'DOMAIN_MIN 0 0 0', 'DOMAIN_MAX 1 1 1', '0 0 0', '1 0 0', '0 1 0', '1 1 0', '', '0 0 1', '1 0 1', '0 1 1', '1 1 1'].join('\r\n');
    const lut = parseCube(text, 'warm.cube');
    expect(lut.title).toBe('warm');
    expect(lut.size).toBe(2);
    const out: [number, number, number] = [0, 0, 0];
    expect(sampleLut(lut, 0.25, 0.5, 0.75, out).map((v) => +v.toFixed(6))).toEqual([0.25, 0.5, 0.75]);
    expect(parseCube(formatCube(lut), 'x.cube').data).toEqual(lut.data);
  });

  it('bakes 1D tables into 3D and honours a non-unit domain', () => {
    const inv = parseCube('LUT_1D_SIZE 3\n1 1 1\n0.5 0.5 0.5\n0 0 0\n', 'inv.cube');
    expect(inv.size).toBe(33);
    const out: [number, number, number] = [0, 0, 0];
    expect(sampleLut(inv, 0.25, 0.5, 1, out).map((v) => +v.toFixed(4))).toEqual([0.75, 0.5, 0]);
    const half = parseCube('LUT_3D_SIZE 2\nDOMAIN_MIN 0 0 0\nDOMAIN_MAX 2 2 2\n' + ['0 0 0', '2 0 0', '0 2 0', '2 2 0', '0 0 2', '2 0 2', '0 2 2', '2 2 2'].join('\n'), 'd.cube');
    // Input 1.0 sits halfway along a [0, 2] domain.
    expect(sampleLut(half, 1, 1, 1, out)[0]).toBeCloseTo(1, 5);
  });

  it('reports malformed files with file and line, every problem at once', () => {
    try {
      parseCube('LUT_3D_SIZE 2\n0 0 0\n1 0\n0 x 0\n', 'bad.cube');
      expect.unreachable();
    } catch (e) {
      expect(isKinoError(e)).toBe(true);
      const issues = (e as { issues: Array<{ message: string; location?: { line?: number } }> }).issues;
      expect(issues.map((i) => i.location?.line)).toEqual([3, 4]);
    }
    expect(() => parseCube('0 0 0\n', 'none.cube')).toThrow(/neither LUT_3D_SIZE nor LUT_1D_SIZE/);
    expect(() => parseCube('LUT_3D_SIZE 2\n0 0 0\n', 'short.cube')).toThrow(/has 1 table entries; LUT_3D_SIZE 2 needs 8/);
  });
});

describe('non-perspective camera poses', () => {
  const project = (pose: ReturnType<typeof orthoPose>, p: V3, w: number, h: number) => {
    const d: V3 = [p[0] - pose.target[0], p[1] - pose.target[1], p[2] - pose.target[2]];
    const x = (d[0] * pose.right[0] + d[1] * pose.right[1] + d[2] * pose.right[2]) / pose.halfWidth;
    const y = (d[0] * pose.screenUp[0] + d[1] * pose.screenUp[1] + d[2] * pose.screenUp[2]) / pose.halfHeight;
    return [((x + 1) / 2) * w, ((1 - y) / 2) * h];
  };

  it('isometric: a horizontal unit square projects to an exact 2:1 diamond, from the nearest diagonal', () => {
    for (const pos of [[5, 4, 6], [-5, 4, 6], [-3, 2, -7], [9, 1, -2]] as V3[]) {
      const pose = orthoPose({ projection: 'isometric', position: pos, target: [0, 0, 0], up: [0, 1, 0], orthoHeight: 4, near: 0.05, far: 500 }, 256, 256);
      const corners = ([[0, 0, 0], [1, 0, 0], [1, 0, 1], [0, 0, 1]] as V3[]).map((c) => project(pose, c, 256, 256));
      const xs = corners.map((c) => c[0]);
      const ys = corners.map((c) => c[1]);
      const w = Math.max(...xs) - Math.min(...xs);
      const h = Math.max(...ys) - Math.min(...ys);
      expect(w / h).toBeCloseTo(2, 10);
      expect(w).toBeCloseTo((Math.SQRT2 * 256) / 4, 8);
      // The camera stays on the plan camera's side of the subject.
      expect(Math.sign(pose.position[0])).toBe(Math.sign(pos[0]));
      expect(Math.sign(pose.position[2])).toBe(Math.sign(pos[2]));
    }
  });

  it('side-scroller looks straight on; pixel snapping lands the aim on the pixel lattice', () => {
    const pose = orthoPose({ projection: 'side-scroller', position: [0.3, 3, 10], target: [0.3, 1, 0], up: [0, 1, 0], orthoHeight: 4, near: 0.05, far: 500 }, 320, 180);
    expect(pose.forward[1]).toBeCloseTo(0, 12);
    expect(pose.forward[2]).toBeCloseTo(-1, 12);
    const px = 4 / 180;
    for (const x of [0.0131, 1.2345, -7.77]) {
      const s = orthoPose({ projection: 'orthographic', position: [x, 1.1, 10], target: [x, 1.1, 0], up: [0, 1, 0], orthoHeight: 4, near: 0.05, far: 500 }, 320, 180, true);
      expect(Math.abs(s.target[0] / px - Math.round(s.target[0] / px))).toBeLessThan(1e-9);
      expect(Math.abs(s.target[0] - x)).toBeLessThanOrEqual(px / 2 + 1e-12);
    }
    expect(depthBeyondTarget(pose, [0, 0, -6])).toBeCloseTo(6);
  });

  it('parallax factors fall with depth as a perspective camera would see them', () => {
    const layers = defaultParallaxLayers(10);
    expect(layers.map((l) => l.name)).toEqual(['sky', 'far', 'mid', 'action', 'front']);
    expect(layers[0].factor).toBe(0);
    expect(layers[3].factor).toBe(1);
    expect(layers[1].factor).toBeLessThan(layers[2].factor);
    expect(layers[4].factor).toBeGreaterThan(1);
    expect(layers[2].factor).toBeCloseTo(10 / 17, 3);
  });
});
