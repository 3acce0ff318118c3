// Scene worlds for the studio, built with the render page's own buildWorld (src/render/page/world.ts)
// so the preview and the render draw the same sets, props, lights and people. One world per scene,
// shared by the camera view and the orbit view (two renderers, one THREE.Scene).
//
// A film reload keeps a scene's world when nothing it is built from changed: light colour,
// intensity (unless it decides which light casts the shadow), position and aim are applied per
// frame by applyView, and cameras, timing and performances are read per frame by evaluateView.
// So retiming a shot, moving a camera or regelling a lamp re-renders at once instead of
// rebuilding the set and recompiling shaders.

import * as THREE from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import type { FilmPlan, ScenePlan } from '../../plan/schema';
import { PROFILES } from '../../render/profiles';
import { buildWorld, type World } from '../../render/page/world';
import type { BuildMessage } from '../protocol';
import type { ProfileName } from './store';

/**
 * A scene's world key: everything buildWorld may read. Listed by exclusion, so a field that a
 * department adds to the scene plan later rebuilds the world rather than being missed. Excluded
 * are the parts evaluated per frame: shots and cameras, timing, performances, dialogue, and the
 * light values applyView sets (colour, level, position, aim, cone) — except the level of lights
 * that cast shadows, which decides which one gets the shadow map.
 */
export function worldKey(scene: ScenePlan, profile: ProfileName, seed: number): string {
  const { shots: _s, lines: _l, cues: _c, performances: _p, duration: _d, startFrame: _f0, endFrame: _f1, lights, ...rest } = scene;
  return JSON.stringify({
    profile,
    seed,
    rest,
    lights: lights.map(({ color: _col, position: _pos, target: _t, targetSubject: _ts, intensity, angle: _a, penumbra: _pe, tracks: _tr, ...l }) => ({ ...l, shadowRank: l.castShadow ? intensity : 0 })),
  });
}

interface Entry {
  key: string;
  world: World;
}

function dispose(w: World): void {
  w.scene.traverse((o) => {
    const m = o as THREE.Mesh;
    if (m.isMesh) {
      m.geometry.dispose();
      for (const mat of Array.isArray(m.material) ? m.material : [m.material]) {
        (mat as THREE.MeshStandardMaterial).map?.dispose();
        mat.dispose();
      }
    }
    const l = o as THREE.SpotLight;
    if (l.isLight && l.shadow?.map) l.shadow.map.dispose();
  });
  w.scene.removeFromParent();
}

export class Worlds {
  private entries = new Map<number, Entry>();
  private models = new Map<string, THREE.Object3D>();
  private modelHashes = new Map<string, string>();
  private plan: FilmPlan | null = null;
  private profile: ProfileName = 'preview';
  private listeners = new Set<() => void>();
  /** Bumped whenever a world is built or dropped (React views re-read on change). */
  version = 0;
  /** Milliseconds the last world build took (status bar). */
  lastBuildMs = 0;

  subscribe(l: () => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  private changed(): void {
    this.version++;
    for (const l of this.listeners) l();
  }

  /** Loads the plan's models (cached by content hash), then drops worlds whose inputs changed. */
  async setPlan(plan: FilmPlan | null, models: BuildMessage['models'], profile: ProfileName): Promise<void> {
    await Promise.all(
      models.map(async (m) => {
        if (this.modelHashes.get(m.key) === m.hash) return;
        const res = await fetch(`/__kino/model/${m.hash}`);
        if (!res.ok) throw new Error(`Model ${m.key}: HTTP ${res.status}`);
        const gltf = await new GLTFLoader().parseAsync(await res.arrayBuffer(), '');
        this.models.set(m.key, gltf.scene);
        this.modelHashes.set(m.key, m.hash);
      }),
    );
    const modelsChanged = models.some((m) => this.modelHashes.get(m.key) !== m.hash);
    this.plan = plan;
    this.profile = profile;
    let dropped = false;
    for (const [i, e] of [...this.entries]) {
      const scene = plan?.scenes[i];
      if (!scene || modelsChanged || e.key !== worldKey(scene, profile, plan!.seed + i * 7919)) {
        this.retire(e.world);
        this.entries.delete(i);
        dropped = true;
      }
    }
    if (dropped) this.changed();
  }

  /**
   * Disposes a replaced world a moment later, once its successor has been drawn by both views:
   * three.js frees a shader program when its last material goes, so disposing first would make
   * the new world (same materials, new colours) compile every program again — measured 0.3 s a
   * rebuild under SwiftShader.
   */
  private retire(w: World): void {
    w.scene.removeFromParent();
    setTimeout(() => dispose(w), 1500);
  }

  /** The world of a scene, built on first use (the same seed the render page uses). */
  get(sceneIndex: number): World | undefined {
    const plan = this.plan;
    if (!plan || !plan.scenes[sceneIndex]) return undefined;
    let e = this.entries.get(sceneIndex);
    if (!e) {
      const t = performance.now();
      const scene = plan.scenes[sceneIndex];
      const seed = plan.seed + sceneIndex * 7919;
      e = { key: worldKey(scene, this.profile, seed), world: buildWorld(scene, PROFILES[this.profile].page, seed, this.models) };
      this.lastBuildMs = performance.now() - t;
      this.entries.set(sceneIndex, e);
      // A dissolve needs two scenes at once; keep one more for scrubbing back and forth.
      for (const k of [...this.entries.keys()]) {
        if (this.entries.size <= 3) break;
        if (k !== sceneIndex) {
          this.retire(this.entries.get(k)!.world);
          this.entries.delete(k);
        }
      }
      this.changed();
    }
    return e.world;
  }
}

export const worlds = new Worlds();

// Holds page-wide state: when it (or a module it imports) changes, reload the page rather than
// patch it in place (the user's place comes back from sessionStorage). Components, by contrast,
// update in place through Fast Refresh.
import.meta.hot?.accept(() => location.reload());
