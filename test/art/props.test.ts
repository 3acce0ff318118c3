// The prop library is two tables that must agree: the plan's catalogue (sizes the set builder
// collides with, seat heights blocking sits at) and the renderer's recipes (the geometry). Every
// kind has a recipe, and every recipe's geometry stays inside its catalogue box — so a dressing
// that keeps the boxes apart keeps the pictures apart.

import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import { PROP_KINDS } from '../../src/plan/props';
import type { PropPlan } from '../../src/plan/schema';
import { buildProp, RECIPES } from '../../src/render/page/recipes';

function prop(kind: string, size = PROP_KINDS[kind].size): PropPlan {
  return { id: kind, name: kind, kind, position: [0, 0, 0], rotation: [0, 0, 0], scale: [1, 1, 1], size: [...size], color: [0.5, 0.5, 0.5], material: { roughness: 0.7, metalness: 0, emissive: [0, 0, 0], emissiveIntensity: 0, opacity: 1 }, castShadow: true };
}

// A pendant lamp's cord rises from the top of its box to the ceiling, by design.
const ABOVE_THE_BOX = new Set(['pendant-lamp']);

describe('prop library', () => {
  it('has a recipe for every catalogue kind and a catalogue entry for every recipe', () => {
    expect(Object.keys(PROP_KINDS).filter((k) => !RECIPES[k])).toEqual([]);
    expect(Object.keys(RECIPES).filter((k) => !PROP_KINDS[k])).toEqual([]);
  });

  it('builds each kind inside its catalogue box (front +Z, on the floor)', () => {
    const tol = 0.006;
    const outside: string[] = [];
    for (const [kind, k] of Object.entries(PROP_KINDS)) {
      const g = buildProp(prop(kind));
      g.updateMatrixWorld(true);
      const b = new THREE.Box3().setFromObject(g);
      const [w, h, d] = k.size;
      if (b.isEmpty()) outside.push(`${kind}: no geometry`);
      if (b.min.x < -w / 2 - tol || b.max.x > w / 2 + tol) outside.push(`${kind}: x ${b.min.x.toFixed(3)}…${b.max.x.toFixed(3)} vs ±${w / 2}`);
      if (b.min.z < -d / 2 - tol || b.max.z > d / 2 + tol) outside.push(`${kind}: z ${b.min.z.toFixed(3)}…${b.max.z.toFixed(3)} vs ±${d / 2}`);
      if (!ABOVE_THE_BOX.has(kind) && b.max.y > h + tol) outside.push(`${kind}: top ${b.max.y.toFixed(3)} vs ${h}`);
      // Rocks sit a little into the ground; nothing else goes below the floor.
      if (kind !== 'rock' && b.min.y < -tol) outside.push(`${kind}: bottom ${b.min.y.toFixed(3)}`);
      // And it fills its box: a recipe that is much smaller than its catalogue size collides wrongly.
      const size = b.getSize(new THREE.Vector3());
      if (size.x < w * 0.6 || size.z < d * 0.5 || Math.min(size.y, h) < h * 0.6) outside.push(`${kind}: fills only ${size.x.toFixed(2)}×${size.y.toFixed(2)}×${size.z.toFixed(2)} of ${w}×${h}×${d}`);
    }
    expect(outside).toEqual([]);
  });

  it('scales with the size a prop is given', () => {
    const g = buildProp(prop('crate', [1.2, 0.9, 0.8]));
    const b = new THREE.Box3().setFromObject(g);
    expect(b.max.x - b.min.x).toBeCloseTo(1.2 * 1.01, 2);
    expect(b.max.y).toBeCloseTo(0.9, 2);
  });

  it('gives seats a seat height below their top, and lights an emissive colour', () => {
    for (const [kind, k] of Object.entries(PROP_KINDS)) {
      if (k.seatHeight !== undefined) expect(k.seatHeight, kind).toBeLessThanOrEqual(k.size[1]);
      if (k.category === 'lighting') expect(k.emissive, kind).toMatch(/^#[0-9a-f]{6}$/);
    }
  });
});
