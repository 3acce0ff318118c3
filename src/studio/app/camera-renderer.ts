// The camera view: the film's picture at the playhead, drawn like the render page draws it —
// evaluateFrame/evaluateView from src/plan/evaluate.ts pose the world (applyView from
// src/render/page/world.ts), the camera takes the plan's lens, and the output is ACES-tone-mapped
// sRGB. Dissolves, wipes and fades are composited with the same formulas as the page's output pass.
// Motion blur and depth of field (sampled effects of the final profile) are left to the render.

import * as THREE from 'three';
import { evaluateFrame, type FrameState, type FrameView } from '../../plan/evaluate';
import type { FilmPlan } from '../../plan/schema';
import { PROFILES } from '../../render/profiles';
import { applyView } from '../../render/page/world';
import { createCompositeMaterial, WIPE_DIRS } from '../../render/page/composite';
import type { ProfileName } from './store';
import type { Worlds } from './worlds';


export class CameraRenderer {
  readonly renderer: THREE.WebGLRenderer;
  private perspective = new THREE.PerspectiveCamera();
  private ortho = new THREE.OrthographicCamera();
  private texA?: THREE.FramebufferTexture;
  private texB?: THREE.FramebufferTexture;
  private size: [number, number] = [0, 0];
  private profile: ProfileName = 'preview';
  private quadCam = new THREE.OrthographicCamera(-1, 1, 1, -1, 0, 1);
  private outputMat = createCompositeMaterial();
  private outputScene = new THREE.Scene();
  /** Draw statistics for the status bar. */
  stats = { ms: 0, calls: 0, triangles: 0 };

  constructor(canvas: HTMLCanvasElement) {
    // preserveDrawingBuffer: the picture stays readable after compositing (stills, tests).
    this.renderer = new THREE.WebGLRenderer({ canvas, antialias: true, preserveDrawingBuffer: true, alpha: false, powerPreference: 'high-performance' });
    this.renderer.setPixelRatio(1);
    this.renderer.toneMapping = THREE.ACESFilmicToneMapping;
    this.renderer.toneMappingExposure = 1;
    this.renderer.outputColorSpace = THREE.SRGBColorSpace;
    this.outputScene.add(new THREE.Mesh(new THREE.PlaneGeometry(2, 2), this.outputMat));
    this.setProfile('preview');
  }

  setProfile(p: ProfileName): void {
    this.profile = p;
    const page = PROFILES[p].page;
    this.renderer.shadowMap.enabled = page.shadows !== 'none';
    this.renderer.shadowMap.type = page.shadowMapSize >= 2048 ? THREE.PCFSoftShadowMap : THREE.PCFShadowMap;
  }

  get profileName(): ProfileName {
    return this.profile;
  }

  /** Drawing-buffer size in pixels. */
  setSize(w: number, h: number): void {
    w = Math.max(2, Math.round(w));
    h = Math.max(2, Math.round(h));
    if (w === this.size[0] && h === this.size[1]) return;
    this.size = [w, h];
    this.renderer.setSize(w, h, false);
    this.texA?.dispose();
    this.texB?.dispose();
    this.texA = new THREE.FramebufferTexture(w, h);
    this.texB = new THREE.FramebufferTexture(w, h);
  }

  private camera(view: FrameView): THREE.Camera {
    const c = view.camera;
    const aspect = this.size[0] / this.size[1];
    const ortho = c.projection && c.projection !== 'perspective';
    let cam: THREE.PerspectiveCamera | THREE.OrthographicCamera;
    if (ortho) {
      const h = (c.orthoHeight ?? 5) / 2;
      const o = this.ortho;
      o.left = -h * aspect;
      o.right = h * aspect;
      o.top = h;
      o.bottom = -h;
      cam = o;
    } else {
      const p = this.perspective;
      p.fov = c.fovDeg;
      p.aspect = aspect;
      cam = p;
    }
    cam.near = c.near;
    cam.far = c.far;
    cam.position.set(c.position[0], c.position[1], c.position[2]);
    cam.up.set(c.up[0], c.up[1], c.up[2]);
    cam.lookAt(c.target[0], c.target[1], c.target[2]);
    cam.updateProjectionMatrix();
    cam.updateMatrixWorld();
    return cam;
  }

  private drawView(worlds: Worlds, view: FrameView): boolean {
    const w = worlds.get(view.sceneIndex);
    if (!w) return false;
    applyView(w, view);
    this.renderer.setRenderTarget(null);
    this.renderer.render(w.scene, this.camera(view));
    return true;
  }

  /** Draws the cut at an edit frame; returns the evaluated frame (the orbit view shows the same instant). */
  draw(plan: FilmPlan, frame: number, worlds: Worlds): FrameState | undefined {
    if (!this.size[0] || !plan.totalFrames) return undefined;
    const t0 = performance.now();
    const st = evaluateFrame(plan, frame);
    const [first, second] = st.views;
    if (second && st.mix) {
      // Incoming first, outgoing last: the world is left posed for the shot under the playhead.
      const current = plan.cut.find((c) => frame >= c.startFrame && frame < c.endFrame);
      const currentIsFirst = current ? plan.scenes[current.scene].shots[current.shot].key === first.shotKey : true;
      const [early, late] = currentIsFirst ? [second, first] : [first, second];
      this.drawView(worlds, early);
      this.renderer.copyFramebufferToTexture(this.texB!);
      this.drawView(worlds, late);
      this.renderer.copyFramebufferToTexture(this.texA!);
      const [a, b] = currentIsFirst ? [this.texA!, this.texB!] : [this.texB!, this.texA!];
      this.output(a, b, st.mix.kind === 'wipe' ? 2 : 1, st.mix.progress, WIPE_DIRS[st.mix.direction] ?? 0, st.fade);
    } else {
      this.drawView(worlds, first);
      if (st.fade) {
        this.renderer.copyFramebufferToTexture(this.texA!);
        this.output(this.texA!, null, 0, 0, 0, st.fade);
      }
    }
    const info = this.renderer.info.render;
    this.stats = { ms: performance.now() - t0, calls: info.calls, triangles: info.triangles };
    return st;
  }

  private output(a: THREE.Texture, b: THREE.Texture | null, mode: number, progress: number, dir: number, fade?: { color: [number, number, number]; amount: number }): void {
    const u = this.outputMat.uniforms;
    u.tA.value = a;
    u.tB.value = b ?? a;
    u.mode.value = mode;
    u.progress.value = progress;
    u.dir.value = Math.max(0, dir);
    if (fade) {
      const c = new THREE.Color().setRGB(fade.color[0], fade.color[1], fade.color[2], THREE.LinearSRGBColorSpace).convertLinearToSRGB();
      u.fadeColor.value.setRGB(c.r, c.g, c.b);
    }
    u.fadeAmount.value = fade?.amount ?? 0;
    this.renderer.setRenderTarget(null);
    this.renderer.render(this.outputScene, this.quadCam);
  }

  dispose(loseContext = false): void {
    this.texA?.dispose();
    this.texB?.dispose();
    this.outputMat.dispose();
    this.renderer.dispose();
    // Throwaway renderers (stills) give their WebGL context back at once: browsers cap them.
    if (loseContext) this.renderer.forceContextLoss();
  }
}

/**
 * A still of the cut at `frame`, at any size (the film's resolution for storyboards), drawn by a
 * throwaway renderer with the same code as the camera view. Returns a data: URL.
 */
export function renderStill(plan: FilmPlan, frame: number, worlds: Worlds, profile: ProfileName, width: number, height: number, type: 'image/png' | 'image/jpeg' = 'image/png'): string {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const r = new CameraRenderer(canvas);
  try {
    r.setProfile(profile);
    r.setSize(width, height);
    r.draw(plan, frame, worlds);
    return canvas.toDataURL(type);
  } finally {
    r.dispose(true);
  }
}
