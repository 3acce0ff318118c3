// Previz gizmos for the orbit view, in plain three.js: every shot's camera as a frustum, lights
// (position, aim, spot cones, soft-box outlines), characters (footprint, facing, walk paths), marks,
// and the action line through the two principals with the side the coverage stays on. Rebuilt
// for each drawn frame from the same evaluated state the camera view drew.

import * as THREE from 'three';
import { evaluateView, type FrameView } from '../../plan/evaluate';
import type { FilmPlan, ScenePlan } from '../../plan/schema';

type V3 = [number, number, number];

const labelCache = new Map<string, THREE.SpriteMaterial>();

/** A screen-sized text label (constant size however far the orbit camera is). */
function label(text: string, color: string, at: V3, lift = 0.12): THREE.Sprite {
  const key = `${color}\u0000${text}`;
  let mat = labelCache.get(key);
  if (!mat) {
    const font = '600 26px system-ui, sans-serif';
    const c = document.createElement('canvas');
    const ctx = c.getContext('2d')!;
    ctx.font = font;
    const w = Math.ceil(ctx.measureText(text).width) + 16;
    c.width = w;
    c.height = 38;
    ctx.font = font;
    ctx.fillStyle = 'rgba(10,12,16,0.72)';
    ctx.fillRect(0, 0, w, 38);
    ctx.fillStyle = color;
    ctx.textBaseline = 'middle';
    ctx.fillText(text, 8, 20);
    const tex = new THREE.CanvasTexture(c);
    tex.colorSpace = THREE.SRGBColorSpace;
    mat = new THREE.SpriteMaterial({ map: tex, sizeAttenuation: false, depthTest: false, depthWrite: false, toneMapped: false });
    labelCache.set(key, mat);
  }
  const s = new THREE.Sprite(mat);
  const img = mat.map!.image as HTMLCanvasElement;
  const h = 0.026;
  s.scale.set((h * img.width) / img.height, h, 1);
  s.center.set(0.5, 0);
  s.position.set(at[0], at[1] + lift, at[2]);
  s.renderOrder = 10;
  return s;
}

const lineMats = new Map<string, THREE.LineBasicMaterial>();
function lineMat(color: string, opacity = 1, onTop = false): THREE.LineBasicMaterial {
  const key = `${color}/${opacity}/${onTop}`;
  let m = lineMats.get(key);
  if (!m) {
    m = new THREE.LineBasicMaterial({ color, transparent: opacity < 1, opacity, depthTest: !onTop, toneMapped: false });
    lineMats.set(key, m);
  }
  return m;
}

function segments(points: V3[], color: string, opacity = 1, onTop = false): THREE.LineSegments {
  const g = new THREE.BufferGeometry();
  g.setAttribute('position', new THREE.Float32BufferAttribute(points.flat(), 3));
  const l = new THREE.LineSegments(g, lineMat(color, opacity, onTop));
  if (onTop) l.renderOrder = 5;
  return l;
}

function polyline(points: V3[], color: string, opacity = 1): THREE.Line {
  const g = new THREE.BufferGeometry();
  g.setAttribute('position', new THREE.Float32BufferAttribute(points.flat(), 3));
  return new THREE.Line(g, lineMat(color, opacity));
}

const add = (a: V3, b: V3): V3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
const sub = (a: V3, b: V3): V3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const mul = (a: V3, k: number): V3 => [a[0] * k, a[1] * k, a[2] * k];
const cross = (a: V3, b: V3): V3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const norm = (a: V3): V3 => {
  const l = Math.hypot(a[0], a[1], a[2]) || 1;
  return [a[0] / l, a[1] / l, a[2] / l];
};

/** Wire frustum of a camera state: apex, image rectangle at `depth`, and an "up" tick. */
function frustum(view: FrameView, aspect: number, color: string, depth: number, opacity: number): THREE.LineSegments {
  const c = view.camera;
  const fwd = norm(sub(c.target, c.position));
  const right = norm(cross(fwd, c.up));
  const up = cross(right, fwd);
  const ortho = c.projection && c.projection !== 'perspective';
  const hh = ortho ? (c.orthoHeight ?? 5) / 2 : depth * Math.tan(((c.fovDeg / 2) * Math.PI) / 180);
  const hw = hh * aspect;
  const centre = add(c.position, mul(fwd, depth));
  const corner = (sx: number, sy: number) => add(add(centre, mul(right, sx * hw)), mul(up, sy * hh));
  const [a, b, cc, d] = [corner(-1, -1), corner(1, -1), corner(1, 1), corner(-1, 1)];
  const pts: V3[] = [a, b, b, cc, cc, d, d, a];
  if (ortho) {
    const back = (p: V3) => sub(p, mul(fwd, depth));
    pts.push(a, back(a), b, back(b), cc, back(cc), d, back(d));
  } else pts.push(c.position, a, c.position, b, c.position, cc, c.position, d);
  // The up tick: a small triangle on the top edge, as DCC tools draw it.
  const top = add(add(centre, mul(up, hh * 1.25)), [0, 0, 0]);
  pts.push(corner(-0.3, 1), top, top, corner(0.3, 1));
  return segments(pts, color, opacity);
}

/** Shot time of `shot` nearest to a scene time (inside its window). */
function shotTimeAt(scene: ScenePlan, shotIndex: number, sceneTime: number): number {
  const s = scene.shots[shotIndex];
  return Math.min(Math.max(sceneTime, s.sceneIn), s.sceneOut) - s.sceneIn;
}

function lightColor(c: V3): string {
  const m = Math.max(c[0], c[1], c[2], 1e-6);
  const col = new THREE.Color().setRGB(c[0] / m, c[1] / m, c[2] / m, THREE.LinearSRGBColorSpace);
  return `#${col.getHexString()}`;
}

export interface GizmoOptions {
  selected: string | null;
  cameras: boolean;
  lights: boolean;
  characters: boolean;
  actionLine: boolean;
  labels: boolean;
}

/** The two characters the action line runs through: the shot's subjects first, else the scene's cast. */
export function principals(scene: ScenePlan, shotIndex: number): [string, string] | undefined {
  const cast = scene.characters.filter((id) => scene.performances[id]);
  const subj = scene.shots[shotIndex]?.subjects.filter((s) => cast.includes(s)) ?? [];
  const pick = [...new Set([...subj, ...cast])];
  return pick.length >= 2 ? [pick[0], pick[1]] : undefined;
}

export function buildGizmos(plan: FilmPlan, view: FrameView, opts: GizmoOptions): THREE.Group {
  const g = new THREE.Group();
  g.name = 'kino-gizmos';
  const scene = plan.scenes[view.sceneIndex];
  const aspect = plan.resolution[0] / plan.resolution[1];

  if (opts.cameras) {
    scene.shots.forEach((shot, i) => {
      const current = shot.key === view.shotKey;
      const selected = shot.key === opts.selected;
      const v = current ? view : evaluateView(plan, view.sceneIndex, i, shotTimeAt(scene, i, view.sceneTime));
      const color = current ? '#ffd24a' : selected ? '#ff8a3d' : '#8fa3b8';
      g.add(frustum(v, aspect, color, current ? 0.7 : 0.45, current || selected ? 1 : 0.55));
      if (current) g.add(segments([v.camera.position, v.camera.target], color, 0.35));
      // Full labels for the shot on screen and the selected one; the rest carry just their id.
      if (opts.labels) g.add(label(current || selected ? `${shot.id}${shot.size ? ` · ${shot.size}` : ''} · ${Math.round(v.camera.focalLengthMm)}mm` : shot.id, color, v.camera.position, 0.1));
    });
  }

  if (opts.lights) {
    for (const l of view.lights) {
      if (l.kind === 'hemisphere' || l.kind === 'environment') continue;
      const color = lightColor(l.color);
      const p = l.position;
      const s = 0.12;
      // An octahedron in lines: the usual lamp glyph.
      const o: V3[] = [
        [p[0] + s, p[1], p[2]], [p[0], p[1] + s, p[2]], [p[0] - s, p[1], p[2]], [p[0], p[1] - s, p[2]], [p[0], p[1], p[2] + s], [p[0], p[1], p[2] - s],
      ];
      const pts: V3[] = [];
      for (const [a, b] of [[0, 1], [1, 2], [2, 3], [3, 0], [0, 4], [1, 4], [2, 4], [3, 4], [0, 5], [1, 5], [2, 5], [3, 5]]) pts.push(o[a], o[b]);
      g.add(segments(pts, color));
      const aim = sub(l.target, p);
      const dist = Math.hypot(aim[0], aim[1], aim[2]);
      if (l.kind === 'spot' && dist > 1e-3) {
        const f = norm(aim);
        const r = Math.tan((l.angle * Math.PI) / 180) * dist;
        const side = norm(cross(f, Math.abs(f[1]) > 0.95 ? [1, 0, 0] : [0, 1, 0]));
        const up2 = cross(side, f);
        const ring: V3[] = [];
        const cone: V3[] = [];
        for (let k = 0; k < 24; k++) {
          const a0 = (k / 24) * Math.PI * 2;
          const a1 = ((k + 1) / 24) * Math.PI * 2;
          const q0 = add(l.target, add(mul(side, Math.cos(a0) * r), mul(up2, Math.sin(a0) * r)));
          const q1 = add(l.target, add(mul(side, Math.cos(a1) * r), mul(up2, Math.sin(a1) * r)));
          ring.push(q0, q1);
          if (k % 6 === 0) cone.push(p, q0);
        }
        g.add(segments([...ring, ...cone], color, 0.5));
      } else if ((l.kind === 'directional' || l.kind === 'sun') && dist > 1e-3) {
        g.add(segments([p, l.target], color, 0.5));
      } else if (l.kind === 'area' && dist > 1e-3) {
        const f = norm(aim);
        const side = norm(cross(f, Math.abs(f[1]) > 0.95 ? [1, 0, 0] : [0, 1, 0]));
        const up2 = cross(side, f);
        const [w, h] = [l.size[0] / 2, l.size[1] / 2];
        const c = (sx: number, sy: number) => add(p, add(mul(side, sx * w), mul(up2, sy * h)));
        g.add(segments([c(-1, -1), c(1, -1), c(1, -1), c(1, 1), c(1, 1), c(-1, 1), c(-1, 1), c(-1, -1), p, add(p, mul(f, 0.5))], color, 0.8));
      } else if (l.kind === 'spot' || l.kind === 'point') {
        /* the glyph says it all */
      }
      if (opts.labels) g.add(label(l.id, color, p, 0.16));
    }
  }

  if (opts.characters) {
    for (const c of view.characters) {
      const ch = scene.cast[c.id];
      const p = c.position;
      const ring: V3[] = [];
      for (let k = 0; k < 20; k++) {
        const a0 = (k / 20) * Math.PI * 2;
        const a1 = ((k + 1) / 20) * Math.PI * 2;
        ring.push([p[0] + Math.cos(a0) * 0.3, 0.01, p[2] + Math.sin(a0) * 0.3], [p[0] + Math.cos(a1) * 0.3, 0.01, p[2] + Math.sin(a1) * 0.3]);
      }
      const y = (c.yaw * Math.PI) / 180;
      const dir: V3 = [Math.sin(y), 0, Math.cos(y)];
      const tip = add([p[0], 0.01, p[2]], mul(dir, 0.55));
      const left = add(tip, add(mul(dir, -0.15), mul([dir[2], 0, -dir[0]], 0.09)));
      const right = add(tip, add(mul(dir, -0.15), mul([-dir[2], 0, dir[0]], 0.09)));
      g.add(segments([...ring, [p[0], 0.01, p[2]], tip, tip, left, tip, right], '#7fe0a8', 1, true));
      const walk = scene.performances[c.id]?.root.filter((r) => r.path.length > 1) ?? [];
      for (const r of walk) g.add(polyline(r.path.map((q) => [q[0], 0.015, q[2]] as V3), '#7fe0a8', 0.45));
      if (opts.labels) g.add(label(ch?.name ?? c.id, '#7fe0a8', [p[0], (ch?.body.height ?? 1.7) + 0.05, p[2]], 0.05));
    }
    for (const m of scene.marks) {
      const q = m.position;
      g.add(segments([[q[0] - 0.12, 0.01, q[2]], [q[0] + 0.12, 0.01, q[2]], [q[0], 0.01, q[2] - 0.12], [q[0], 0.01, q[2] + 0.12]], '#d9a6ff', 0.8));
      if (opts.labels && q[1] < 3) g.add(label(m.id, '#d9a6ff', [q[0], 0, q[2]], 0.03));
    }
  }

  if (opts.actionLine) {
    const pr = principals(scene, view.shotIndex);
    const a = pr && view.characters.find((c) => c.id === pr[0]);
    const b = pr && view.characters.find((c) => c.id === pr[1]);
    if (a && b) {
      const pa: V3 = [a.position[0], 0.02, a.position[2]];
      const pb: V3 = [b.position[0], 0.02, b.position[2]];
      const d = norm(sub(pb, pa));
      if (Math.hypot(pb[0] - pa[0], pb[2] - pa[2]) > 1e-3) {
        const far = 12;
        const e0 = add(pa, mul(d, -far));
        const e1 = add(pb, mul(d, far));
        g.add(segments([e0, e1], '#ff5470', 0.9, true));
        // Shade the half-plane the current camera stands in: the side the coverage stays on.
        const n: V3 = [-d[2], 0, d[0]];
        const cam = view.camera.position;
        const sideSign = (cam[0] - pa[0]) * n[0] + (cam[2] - pa[2]) * n[2] >= 0 ? 1 : -1;
        const off = mul(n, sideSign * 8);
        const quad = new THREE.BufferGeometry();
        const q = [e0, e1, add(e1, off), add(e0, off)].map((v) => [v[0], 0.012, v[2]] as V3);
        quad.setAttribute('position', new THREE.Float32BufferAttribute([...q[0], ...q[1], ...q[2], ...q[0], ...q[2], ...q[3]], 3));
        const plane = new THREE.Mesh(quad, new THREE.MeshBasicMaterial({ color: '#ff5470', transparent: true, opacity: 0.07, side: THREE.DoubleSide, depthWrite: false, toneMapped: false }));
        plane.userData.ownMaterial = true;
        g.add(plane);
        if (opts.labels) g.add(label('180° line', '#ff5470', add(e1, mul(d, -1.5)), 0.02));
      }
    }
  }
  return g;
}

/** Frees a gizmo group's geometries (materials are shared and cached). */
export function disposeGizmos(g: THREE.Group): void {
  g.traverse((o) => {
    const m = o as THREE.Mesh;
    if ((m as unknown as THREE.Sprite).isSprite) return;
    if (m.geometry) m.geometry.dispose();
    if (m.userData?.ownMaterial) (m.material as THREE.Material).dispose();
  });
  g.removeFromParent();
}
