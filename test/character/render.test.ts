// Appearance in pictures: the same close-up of one character in six scenes — as written, hurt
// (a cut on the left cheek, a black right eye), days later (the cut bandaged), with a new haircut,
// forty years older, and in a bloodied shirt (also in a medium shot) — rendered for real, compared pixel by pixel inside the character's mask
// from the object-id pass. Camera and light never change, so what changes is the appearance.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import * as THREE from 'three';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FilmPlan } from '../../src/plan/schema';
import { loadFilm } from '../../src/pipeline/load';
import { renderFilm } from '../../src/render/film';
import { repoRoot } from '../core/helpers';

interface Frame {
  rgb: Buffer;
  id: Buffer;
  width: number;
  height: number;
}

let plan: FilmPlan;
let out: string;
const frames = new Map<string, Frame>();

/** The id pass's colour for the character (index 1: the first character in the world's id list). */
function characterColour(): [number, number, number] {
  const c = new THREE.Color().setHSL(0.618033988749895 % 1, 0.85, 0.5);
  return [Math.round(c.r * 255), Math.round(c.g * 255), Math.round(c.b * 255)];
}

beforeAll(async () => {
  const loaded = await loadFilm(path.join(repoRoot, 'test/character/fixtures/closeups.tsx'));
  expect(loaded.errors).toEqual([]);
  plan = loaded.plan!;
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'kino-looks-'));
  await renderFilm(plan, { out, profile: 'draft', passes: ['id'] });
  for (const s of plan.scenes)
    for (const shot of s.shots) {
      const dir = path.join(out, 'shots', s.id, shot.id);
      const rgb = await sharp(path.join(dir, 'still.jpg')).removeAlpha().raw().toBuffer({ resolveWithObject: true });
      const id = await sharp(path.join(dir, 'passes/id/000001.png')).removeAlpha().raw().toBuffer();
      // Close-ups by scene id; other shots as "<scene>/<shot>".
      frames.set(shot.id === 'cu' ? s.id : `${s.id}/${shot.id}`, { rgb: rgb.data, id, width: rgb.info.width, height: rgb.info.height });
    }
}, 240_000);

interface Change {
  /** Character pixels (in both frames). */
  mask: number;
  /** Pixels whose colour moved by more than 60 (sum of |ΔR|+|ΔG|+|ΔB|). */
  changed: number;
  /** Mean |Δ| per channel over the mask. */
  meanDiff: number;
  /** Changed pixels by image half and third: [left, right], [top, middle, bottom]. */
  halves: [number, number];
  thirds: [number, number, number];
  /** Pixels of `after` matching a test, over the changed pixels (by image half). */
  where(test: (r: number, g: number, b: number) => boolean): [number, number];
  /** Mean of a colour function over the top third of the mask, before and after. */
  top(f: (r: number, g: number, b: number) => number): [number, number];
  /** The same over the bottom third of the frame. */
  bottom(f: (r: number, g: number, b: number) => number): [number, number];
  /** The same over the mask pixels whose `before` colour passes a test. */
  select(test: (r: number, g: number, b: number) => boolean, f: (r: number, g: number, b: number) => number): [number, number];
}

function compare(a: string, b: string): Change {
  const A = frames.get(a)!;
  const B = frames.get(b)!;
  const who = characterColour();
  const isWho = (buf: Buffer, k: number) => Math.abs(buf[k] - who[0]) <= 2 && Math.abs(buf[k + 1] - who[1]) <= 2 && Math.abs(buf[k + 2] - who[2]) <= 2;
  let mask = 0;
  let changed = 0;
  let sum = 0;
  const halves: [number, number] = [0, 0];
  const thirds: [number, number, number] = [0, 0, 0];
  const changedAt: number[] = [];
  let ymin = Infinity;
  let ymax = -Infinity;
  for (let y = 0; y < A.height; y++)
    for (let x = 0; x < A.width; x++) {
      const k = (y * A.width + x) * 3;
      if (!isWho(A.id, k) || !isWho(B.id, k)) continue;
      mask++;
      ymin = Math.min(ymin, y);
      ymax = Math.max(ymax, y);
      const d = Math.abs(A.rgb[k] - B.rgb[k]) + Math.abs(A.rgb[k + 1] - B.rgb[k + 1]) + Math.abs(A.rgb[k + 2] - B.rgb[k + 2]);
      sum += d / 3;
      if (d > 60) {
        changed++;
        halves[x < A.width / 2 ? 0 : 1]++;
        thirds[Math.min(2, Math.floor((3 * y) / A.height))]++;
        changedAt.push(k);
      }
    }
  const band = (f: (r: number, g: number, b: number) => number, y0: number, y1: number): [number, number] => {
    const acc = [0, 0];
    let n = 0;
    for (let y = Math.ceil(y0); y <= y1; y++)
      for (let x = 0; x < A.width; x++) {
        const k = (y * A.width + x) * 3;
        if (!isWho(A.id, k) || !isWho(B.id, k)) continue;
        acc[0] += f(A.rgb[k], A.rgb[k + 1], A.rgb[k + 2]);
        acc[1] += f(B.rgb[k], B.rgb[k + 1], B.rgb[k + 2]);
        n++;
      }
    return [acc[0] / n, acc[1] / n];
  };
  return {
    mask,
    changed,
    meanDiff: sum / Math.max(1, mask),
    halves,
    thirds,
    where(test) {
      const h: [number, number] = [0, 0];
      for (const k of changedAt) if (test(B.rgb[k], B.rgb[k + 1], B.rgb[k + 2])) h[(k / 3) % A.width < A.width / 2 ? 0 : 1]++;
      return h;
    },
    top(f) {
      return band(f, ymin, ymin + (ymax - ymin) / 3);
    },
    bottom(f) {
      return band(f, (2 * A.height) / 3, A.height - 1);
    },
    select(test, f) {
      const acc = [0, 0];
      let n = 0;
      for (let k = 0; k < A.id.length; k += 3) {
        if (!isWho(A.id, k) || !isWho(B.id, k) || !test(A.rgb[k], A.rgb[k + 1], A.rgb[k + 2])) continue;
        acc[0] += f(A.rgb[k], A.rgb[k + 1], A.rgb[k + 2]);
        acc[1] += f(B.rgb[k], B.rgb[k + 1], B.rgb[k + 2]);
        n++;
      }
      expect(n).toBeGreaterThan(20);
      return [acc[0] / n, acc[1] / n];
    },
  };
}

const sat = (r: number, g: number, b: number) => (Math.max(r, g, b) - Math.min(r, g, b)) / Math.max(1, Math.max(r, g, b));

describe('appearance in close-ups', () => {
  it('fills the frame with the character (the mask is the face)', () => {
    const c = compare('before', 'before');
    expect(c.mask).toBeGreaterThan(0.4 * frames.get('before')!.width * frames.get('before')!.height);
    expect(c.changed).toBe(0);
  });

  it('shows the injuries where they are written: a red cut on the left cheek, a bruised right eye', () => {
    const c = compare('before', 'hurt');
    expect(c.changed).toBeGreaterThan(25);
    // The character faces the camera: their left is the image's right.
    const red = c.where((r, g, b) => r > g + 60 && r > b + 60);
    expect(red[1]).toBeGreaterThan(6);
    expect(red[1]).toBeGreaterThan(red[0] * 3);
    const purple = c.where((r, g, b) => b > g + 10 && r > g + 10);
    expect(purple[0]).toBeGreaterThan(4);
    expect(purple[0]).toBeGreaterThan(purple[1] * 2);
  });

  it('shows the cut bandaged two days later: a cream patch where the cut was', () => {
    const c = compare('before', 'later');
    const cream = c.where((r, g, b) => r > 165 && g > 155 && b > 125 && Math.max(r, g, b) - Math.min(r, g, b) < 60);
    expect(cream[1]).toBeGreaterThan(6);
    expect(cream[1]).toBeGreaterThan(cream[0] * 3);
  });

  it('shows a new haircut and colour at the top of the head', () => {
    const c = compare('before', 'haircut');
    expect(c.changed).toBeGreaterThan(40);
    expect(c.thirds[0]).toBeGreaterThan(c.thirds[2] * 3);
    // Dark brown to blond: the hair gets lighter and yellower.
    const [l0, l1] = c.top((r, g, b) => r + g + b);
    expect(l1).toBeGreaterThan(l0 + 40);
  });

  it('shows age: grey hair (less saturated, lighter) and lines on the face', () => {
    const c = compare('before', 'old');
    expect(c.changed).toBeGreaterThan(40);
    const [s0, s1] = c.top(sat);
    expect(s1).toBeLessThan(s0 - 0.1);
    const [l0, l1] = c.top((r, g, b) => r + g + b);
    expect(l1).toBeGreaterThan(l0 + 40);
    // Not only the hair: the middle of the face changes too (age lines, the old scar).
    expect(c.thirds[1]).toBeGreaterThan(5);
  });

  it('shows the fight on the costume: blood on the shirt, dirt on the jeans', () => {
    const c = compare('before/ms', 'fight/ms');
    const stains = c.where((r, g, b) => r > g + 45 && r > b + 45 && r < 190);
    expect(stains[0] + stains[1]).toBeGreaterThan(10);
    // The stains are on the shirt, below the face: not in the top third (the head) alone.
    expect(c.thirds[1] + c.thirds[2]).toBeGreaterThan(c.thirds[0]);
    // Dirty jeans (the indigo pixels of the clean take): toward brown, red gaining on blue.
    const jeans = c.select((r, _g, b) => b > r + 25, (r, _g, b) => r - b);
    expect(jeans[1]).toBeGreaterThan(jeans[0] + 12);
  });
});
