// Side-scroller parallax on the render page. An orthographic camera has no parallax of its own,
// so the scene is split into depth layers (by each object's distance beyond the action plane,
// projection.ts) and each layer is drawn, back to front, by its own copy of the camera that has
// travelled `factor` times as far as the real one since the shot began: the sky stays put, far
// hills crawl, the action plane moves with the camera. Objects are assigned whole (never sliced),
// so a character never tears across a boundary. The same layers, drawn one at a time over a
// transparent clear, are what `kino sprites --layers` writes for a level editor.

import * as THREE from 'three';
import type { FrameView } from '../../plan/evaluate';
import { defaultParallaxLayers, depthBeyondTarget, orthoPose, type OrthoPose, type ParallaxLayer, type V3 } from './projection';

export interface ParallaxOptions {
  snap: boolean;
  /** Draw only this layer (index into layersFor), over a transparent clear. */
  only?: number;
  /** Widen the frustum by this many pixels (a layer image covering the camera's whole travel). */
  extraWidthPx?: number;
  /** Fraction (0..1) of the shot's travel to centre a widened layer on. */
  travelCentre?: number;
  /** Objects never drawn (characters, when a level's background layers are exported). */
  hidden?: Set<THREE.Object3D>;
}

function poseOf(view: FrameView, width: number, height: number, snap: boolean): OrthoPose {
  const c = view.camera;
  return orthoPose({ projection: 'side-scroller', position: c.position, target: c.target, up: c.up, orthoHeight: c.orthoHeight ?? 4, near: c.near, far: c.far }, width, height, snap);
}

export function layersFor(view: FrameView): ParallaxLayer[] {
  const c = view.camera;
  return defaultParallaxLayers(Math.hypot(c.position[0] - c.target[0], c.position[1] - c.target[1], c.position[2] - c.target[2]));
}

const box = new THREE.Box3();
const centre = new THREE.Vector3();

/**
 * The scene's drawable units: top-level objects (characters, animated props), with the merged
 * static group and sets split into their meshes — the world merges static geometry per object id
 * and material (merge.ts), so each merged mesh still belongs to one object.
 */
function units(scene: THREE.Scene): THREE.Object3D[] {
  const out: THREE.Object3D[] = [];
  for (const o of scene.children) {
    if ((o as THREE.Light).isLight) continue;
    if (o.name === 'static' || o.name.startsWith('set:')) out.push(...o.children.filter((c) => !(c as THREE.Light).isLight));
    else out.push(o);
  }
  return out;
}

function layerIndexOf(o: THREE.Object3D, pose: OrthoPose, layers: ParallaxLayer[]): number {
  if (o.userData.kinoId === 'backdrop') return 0;
  box.setFromObject(o);
  if (box.isEmpty()) return layers.length - 2;
  box.getCenter(centre);
  const d = depthBeyondTarget(pose, [centre.x, centre.y, centre.z]);
  for (let i = 1; i < layers.length; i++) if (d >= layers[i].from && d < layers[i].to) return i;
  return layers.length - 2;
}

function setLayerDeep(o: THREE.Object3D, layer: number): void {
  o.traverse((x) => x.layers.set(layer));
}

/**
 * Draws a side-scroller view in parallax layers onto the current render target. `start` is the
 * same shot's view at its first frame (where every layer's camera starts).
 */
export function drawParallax(renderer: THREE.WebGLRenderer, scene: THREE.Scene, cam: THREE.OrthographicCamera, view: FrameView, start: FrameView, size: { width: number; height: number }, o: ParallaxOptions): void {
  const pose = poseOf(view, size.width, size.height, o.snap);
  const pose0 = poseOf(start, size.width, size.height, o.snap);
  const layers = layersFor(view);
  const travel: V3 = [pose.target[0] - pose0.target[0], pose.target[1] - pose0.target[1], pose.target[2] - pose0.target[2]];
  const objs = units(scene);
  const assigned = objs.map((x) => layerIndexOf(x, pose, layers));
  objs.forEach((x, i) => setLayerDeep(x, o.hidden?.has(x) ? 31 : assigned[i]));
  scene.traverse((x) => {
    if ((x as THREE.Light).isLight) x.layers.enableAll();
  });
  const background = scene.background;
  const autoClear = renderer.autoClear;
  const extra = ((o.extraWidthPx ?? 0) / size.height) * pose.halfHeight * 2;
  try {
    layers.forEach((l, i) => {
      if (o.only !== undefined && o.only !== i) return;
      // The layer's camera has travelled `factor` times as far as the real one (a widened layer
      // image is centred on the middle of that travel).
      const k = l.factor * (o.extraWidthPx !== undefined ? (o.travelCentre ?? 0.5) : 1);
      const t: V3 = [pose0.target[0] + travel[0] * k, pose0.target[1] + travel[1] * k, pose0.target[2] + travel[2] * k];
      cam.left = -pose.halfWidth - extra / 2;
      cam.right = pose.halfWidth + extra / 2;
      cam.top = pose.halfHeight;
      cam.bottom = -pose.halfHeight;
      cam.near = pose.near;
      cam.far = pose.far;
      cam.position.set(t[0] + pose.position[0] - pose.target[0], t[1] + pose.position[1] - pose.target[1], t[2] + pose.position[2] - pose.target[2]);
      cam.up.set(...pose.up);
      cam.lookAt(t[0], t[1], t[2]);
      cam.updateProjectionMatrix();
      cam.layers.set(i);
      const first = o.only !== undefined || i === 0;
      scene.background = i === 0 ? background : null;
      renderer.autoClear = first;
      if (!first) renderer.clearDepth();
      renderer.render(scene, cam);
    });
  } finally {
    renderer.autoClear = autoClear;
    scene.background = background;
    objs.forEach((x) => setLayerDeep(x, 0));
    cam.layers.set(0);
  }
}
