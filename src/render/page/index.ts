// The render page: plays a FilmPlan with three.js. Node sends the plan once, then asks for frames;
// the page evaluates them with the same evaluateFrame/evaluateView code Node uses, renders, and
// returns PNGs encoded inside the same call (toDataURL beat readPixels and screenshots here).
//
// Pipeline per frame: scene → linear HalfFloat target (MSAA) → optional accumulation of sub-frame
// samples (motion blur) and aperture samples (depth of field) → one output pass that mixes
// transitions, applies ACES tone mapping and sRGB, then fades → canvas → PNG.

import * as THREE from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { evaluateFrame, evaluateView, shotsTouchedByTransitions, type FrameView } from '../../plan/evaluate';
import type { FilmPlan } from '../../plan/schema';
import { applyView, buildWorld, type Profile, type World } from './world';
import { createCompositeMaterial, WIPE_DIRS } from './composite';
import { composeGrade, gradeAsLayer, isIdentityGrade, type GradeParams } from '../../vfx/grade-math';
import type { ShotStyle } from '../../vfx/style';
import { GradePass } from './grade-pass';
import { orthoPose } from './projection';
import { drawParallax, layersFor } from './parallax';

export interface PageProfile extends Profile {
  /** MSAA samples for the scene target (0 = off). */
  msaa: number;
  /** Sub-frame samples for motion blur (1 = off). */
  motionBlurSamples: number;
  /** Aperture samples for depth of field (1 = off). */
  dofSamples: number;
  /** Shutter angle in degrees (180 = half a frame of motion). */
  shutter: number;
  /** Frame format handed to Node: PNG (lossless, for masters) or JPEG quality 0–1 (cheaper to encode and decode). */
  capture?: 'png' | number;
}

export interface FrameRequest {
  scene: number;
  shot: number;
  editFrame: number;
  /** Clean view of this shot (editorial clip; may lie in a handle outside the shot's edit range). */
  clip?: boolean;
  /** The picture as cut into the movie (transitions and fades applied); must be in the shot's range. */
  cut?: boolean;
  passes?: Array<'depth' | 'normal' | 'id'>;
}

export interface FrameResult {
  clip?: string;
  /** 'clip' when the cut picture is identical to the clip picture. */
  cut?: string;
  passes?: Record<string, string>;
}

interface PendingFrame {
  clip?: Captured;
  cut?: Captured;
  passes?: Record<string, Captured>;
}

let renderer: THREE.WebGLRenderer;
let lastSceneInfo = { calls: 0, triangles: 0 };
let plan: FilmPlan;
let profile: PageProfile;
let width = 0;
let height = 0;
const worlds = new Map<number, World>();
const models = new Map<string, THREE.Object3D>();
// Frames that need blending (transitions, motion blur, depth of field) copy the canvas into these.
let texA: THREE.FramebufferTexture;
let texB: THREE.FramebufferTexture;
let accumRT: THREE.WebGLRenderTarget;
const perspective = new THREE.PerspectiveCamera();
// Orthographic, isometric and side-scroller shots (src/render/page/projection.ts).
const ortho = new THREE.OrthographicCamera();
let camera: THREE.PerspectiveCamera | THREE.OrthographicCamera = perspective;
let gradePass: GradePass;
/** A look over the whole session (a Film output's variant): its grade folds over each shot's. */
let sessionLook: { grade?: GradeParams; pixelSnap?: boolean } | null = null;
/** Characters rendered alone on a transparent background (sprite sheets); null = everything. */
let isolated: string[] | null = null;
const quadCam = new THREE.OrthographicCamera(-1, 1, 1, -1, 0, 1);
const quadGeo = new THREE.PlaneGeometry(2, 2);

const accumMat = new THREE.ShaderMaterial({
  uniforms: { tex: { value: null }, weight: { value: 1 } },
  vertexShader: 'varying vec2 vUv; void main(){ vUv = uv; gl_Position = vec4(position.xy, 0.0, 1.0); }',
  fragmentShader: 'uniform sampler2D tex; uniform float weight; varying vec2 vUv; void main(){ gl_FragColor = texture2D(tex, vUv) * weight; }',
  blending: THREE.AdditiveBlending,
  depthTest: false,
  depthWrite: false,
  toneMapped: false,
});

// Composite in display space (after tone mapping), as an editor's dissolve is.
const outputMat = createCompositeMaterial();
const outputScene = new THREE.Scene();
outputScene.add(new THREE.Mesh(quadGeo, outputMat));
const accumScene = new THREE.Scene();
accumScene.add(new THREE.Mesh(quadGeo, accumMat));
const copyMat = new THREE.ShaderMaterial({
  uniforms: { tex: { value: null } },
  vertexShader: 'varying vec2 vUv; void main(){ vUv = uv; gl_Position = vec4(position.xy, 0.0, 1.0); }',
  fragmentShader: 'uniform sampler2D tex; varying vec2 vUv; void main(){ gl_FragColor = vec4(texture2D(tex, vUv).rgb, 1.0); }',
  depthTest: false,
  depthWrite: false,
  toneMapped: false,
});
const copyScene = new THREE.Scene();
copyScene.add(new THREE.Mesh(quadGeo, copyMat));

function world(sceneIndex: number): World {
  let w = worlds.get(sceneIndex);
  if (!w) {
    w = buildWorld(plan.scenes[sceneIndex], profile, plan.seed + sceneIndex * 7919, models);
    worlds.set(sceneIndex, w);
    // A dissolve needs at most two scenes; drop others so long films keep flat memory.
    for (const k of [...worlds.keys()]) {
      if (worlds.size <= 2) break;
      if (k !== sceneIndex) disposeWorld(k);
    }
  }
  return w;
}

function disposeWorld(k: number): void {
  const w = worlds.get(k);
  if (!w) return;
  w.scene.traverse((o) => {
    const m = o as THREE.Mesh;
    if (m.isMesh) {
      m.geometry.dispose();
      const mats = Array.isArray(m.material) ? m.material : [m.material];
      for (const mat of mats) {
        (mat as THREE.MeshStandardMaterial).map?.dispose();
        mat.dispose();
      }
    }
    const l = o as THREE.SpotLight;
    if (l.isLight && l.shadow?.map) l.shadow.map.dispose();
  });
  worlds.delete(k);
}

function shotStyleOf(sceneIndex: number, shotIndex: number): ShotStyle | undefined {
  return plan.scenes[sceneIndex].shots[shotIndex].ext?.style as ShotStyle | undefined;
}

function setCamera(view: FrameView, jitter?: [number, number]): void {
  const c = view.camera;
  if (c.projection && c.projection !== 'perspective') {
    const snap = !!(shotStyleOf(view.sceneIndex, view.shotIndex)?.pixelSnap || sessionLook?.pixelSnap);
    const pose = orthoPose({ projection: c.projection, position: c.position, target: c.target, up: c.up, orthoHeight: c.orthoHeight ?? 4, near: c.near, far: c.far }, width, height, snap);
    ortho.left = -pose.halfWidth;
    ortho.right = pose.halfWidth;
    ortho.top = pose.halfHeight;
    ortho.bottom = -pose.halfHeight;
    ortho.near = pose.near;
    ortho.far = pose.far;
    ortho.position.set(...pose.position);
    ortho.up.set(...pose.up);
    ortho.lookAt(...pose.target);
    ortho.updateProjectionMatrix();
    camera = ortho;
    return;
  }
  camera = perspective;
  camera.fov = c.fovDeg;
  camera.aspect = width / height;
  camera.near = c.near;
  camera.far = c.far;
  camera.position.set(c.position[0], c.position[1], c.position[2]);
  camera.up.set(c.up[0], c.up[1], c.up[2]);
  camera.lookAt(c.target[0], c.target[1], c.target[2]);
  if (jitter && c.fStop) {
    // Thin-lens depth of field by accumulation: move the pupil across the aperture disc and re-aim
    // at the focus point, so the focal plane stays sharp and everything else blurs.
    camera.updateMatrixWorld();
    const apertureM = c.focalLengthMm / c.fStop / 1000;
    const right = new THREE.Vector3().setFromMatrixColumn(camera.matrixWorld, 0);
    const up = new THREE.Vector3().setFromMatrixColumn(camera.matrixWorld, 1);
    const fwd = new THREE.Vector3(c.target[0] - c.position[0], c.target[1] - c.position[1], c.target[2] - c.position[2]).normalize();
    const focus = camera.position.clone().addScaledVector(fwd, c.focusDistance);
    camera.position.addScaledVector(right, jitter[0] * apertureM * 0.5).addScaledVector(up, jitter[1] * apertureM * 0.5);
    camera.lookAt(focus);
  }
  camera.updateProjectionMatrix();
}

/**
 * Renders one view onto the canvas (tone-mapped, sRGB): directly, or as the average of motion-blur
 * and aperture samples. Rendering straight to the canvas is measured ~2× faster here than through
 * HalfFloat targets under SwiftShader.
 */
function renderView(sceneIndex: number, shotIndex: number, shotTime: number): void {
  const w = world(sceneIndex);
  const hidden: THREE.Object3D[] = [];
  const bg = w.scene.background;
  if (isolated) {
    // Sprite and tile renders: only the chosen characters or objects (by id; a set's floor is
    // "<set>.floor") and the lights, over a transparent clear.
    const keep = new Set<THREE.Object3D>(isolated.flatMap((id) => w.rigs.get(id)?.root ?? []));
    const ids = new Set(isolated);
    const consider = w.scene.children.flatMap((o) => (o.name === 'static' || o.name.startsWith('set:') ? o.children : [o]));
    for (const o of consider) if (!keep.has(o) && !ids.has(o.userData.kinoId as string) && !(o as THREE.Light).isLight && o.visible) hidden.push(o);
    for (const o of hidden) o.visible = false;
    w.scene.background = null;
  }
  renderScene(sceneIndex, shotIndex, shotTime);
  for (const o of hidden) o.visible = true;
  w.scene.background = bg;
  const g = gradeOf(sceneIndex, shotIndex);
  if (g) gradePass.apply(renderer, quadCam, g, (sceneIndex * 104729 + shotIndex * 7919 + Math.round(shotTime * plan.fpsValue)) >>> 0);
}

/** The grade a view renders through: the shot's chain, inside the session's look; none if identity. */
function gradeOf(sceneIndex: number, shotIndex: number): GradeParams | undefined {
  let g = shotStyleOf(sceneIndex, shotIndex)?.grade as GradeParams | undefined;
  if (sessionLook?.grade) g = composeGrade(sessionLook.grade, g ? gradeAsLayer(g) : {});
  return g && !isIdentityGrade(g) ? g : undefined;
}

/** Draws a posed world: a side-scroller view in parallax layers (parallax.ts), anything else in one pass. */
function drawView(w: World, view: FrameView): void {
  if (view.camera.projection !== 'side-scroller') return void renderer.render(w.scene, camera);
  const snap = !!(shotStyleOf(view.sceneIndex, view.shotIndex)?.pixelSnap || sessionLook?.pixelSnap);
  drawParallax(renderer, w.scene, ortho, view, evaluateView(plan, view.sceneIndex, view.shotIndex, 0), { width, height }, { snap });
}

function renderScene(sceneIndex: number, shotIndex: number, shotTime: number): void {
  const w = world(sceneIndex);
  const mb = profile.motionBlurSamples;
  const dofOn = profile.dofSamples > 1 && plan.scenes[sceneIndex].shots[shotIndex].camera.fStop !== undefined;
  const n = Math.max(mb, dofOn ? profile.dofSamples : 1);
  renderer.setRenderTarget(null);
  if (n <= 1) {
    const view = evaluateView(plan, sceneIndex, shotIndex, shotTime);
    applyView(w, view);
    setCamera(view);
    drawView(w, view);
    lastSceneInfo = { calls: renderer.info.render.calls, triangles: renderer.info.render.triangles };
    return;
  }
  const shutterSec = profile.shutter / 360 / plan.fpsValue;
  renderer.setRenderTarget(accumRT);
  renderer.setClearColor(0x000000, 0);
  renderer.clear();
  for (let i = 0; i < n; i++) {
    // Stratified times over the open shutter; Vogel-spiral points over the aperture.
    const dt = mb > 1 ? ((i + 0.5) / n - 0.5) * shutterSec : 0;
    const view = evaluateView(plan, sceneIndex, shotIndex, shotTime + dt);
    applyView(w, view);
    const r = Math.sqrt((i + 0.5) / n);
    const a = i * 2.399963;
    setCamera(view, dofOn ? [r * Math.cos(a), r * Math.sin(a)] : undefined);
    renderer.setRenderTarget(null);
    drawView(w, view);
    renderer.copyFramebufferToTexture(texA);
    accumMat.uniforms.tex.value = texA;
    accumMat.uniforms.weight.value = 1 / n;
    renderer.setRenderTarget(accumRT);
    renderer.autoClear = false;
    renderer.render(accumScene, quadCam);
    renderer.autoClear = true;
  }
  copyMat.uniforms.tex.value = accumRT.texture;
  renderer.setRenderTarget(null);
  renderer.render(copyScene, quadCam);
}

function output(a: THREE.Texture, b: THREE.Texture | null, mode: number, progress: number, dir: number, fade?: { color: [number, number, number]; amount: number }): void {
  outputMat.uniforms.tA.value = a;
  outputMat.uniforms.tB.value = b ?? a;
  outputMat.uniforms.mode.value = mode;
  outputMat.uniforms.progress.value = progress;
  outputMat.uniforms.dir.value = dir;
  if (fade) {
    const c = new THREE.Color().setRGB(fade.color[0], fade.color[1], fade.color[2], THREE.LinearSRGBColorSpace).convertLinearToSRGB();
    outputMat.uniforms.fadeColor.value.setRGB(c.r, c.g, c.b);
  }
  outputMat.uniforms.fadeAmount.value = fade?.amount ?? 0;
  renderer.setRenderTarget(null);
  renderer.render(outputScene, quadCam);
}

let asyncCapture = false;
/** AOV passes are always PNG: an id or depth value must survive exactly. */
let capturingPass = false;
type Captured = string | Promise<string>;

/**
 * PNG of the canvas. With asyncCapture, toBlob snapshots the pixels now and encodes on Chromium's
 * encoder thread while the page goes on rendering the next frame; readAsDataURL does base64 natively.
 */
function capture(): Captured {
  const jpeg = typeof profile.capture === 'number' && !capturingPass;
  if (!asyncCapture) {
    const url = jpeg ? renderer.domElement.toDataURL('image/jpeg', profile.capture as number) : renderer.domElement.toDataURL('image/png');
    return url.slice(url.indexOf(',') + 1);
  }
  return new Promise<string>((resolve, reject) => {
    renderer.domElement.toBlob((blob) => {
      if (!blob) return reject(new Error('toBlob returned no image'));
      const fr = new FileReader();
      fr.onload = () => {
        const url = fr.result as string;
        resolve(url.slice(url.indexOf(',') + 1));
      };
      fr.onerror = () => reject(fr.error);
      fr.readAsDataURL(blob);
    }, jpeg ? 'image/jpeg' : 'image/png', jpeg ? (profile.capture as number) : undefined);
  });
}

// AOV passes: depth (linear, 0–DEPTH_RANGE m, near = white), view-space normals, object ids.
export const DEPTH_RANGE = 25;
const depthMat = new THREE.ShaderMaterial({
  uniforms: { range: { value: DEPTH_RANGE } },
  vertexShader: 'varying float vDepth; void main(){ vec4 mv = modelViewMatrix * vec4(position,1.0); vDepth = -mv.z; gl_Position = projectionMatrix * mv; }',
  fragmentShader: 'uniform float range; varying float vDepth; void main(){ float d = 1.0 - clamp(vDepth / range, 0.0, 1.0); gl_FragColor = vec4(vec3(d), 1.0); }',
  toneMapped: false,
});
const normalMat = new THREE.MeshNormalMaterial();
const idMats = new Map<string, THREE.MeshBasicMaterial>();

/** Distinct, stable id colours: golden-ratio hues by index. */
export function idColor(index: number): [number, number, number] {
  if (index === 0) return [0, 0, 0];
  const c = new THREE.Color().setHSL((index * 0.618033988749895) % 1, 0.85, 0.5);
  return [Math.round(c.r * 255), Math.round(c.g * 255), Math.round(c.b * 255)];
}

function renderPass(w: World, pass: 'depth' | 'normal' | 'id'): Captured {
  const savedTone = renderer.toneMapping;
  const savedSpace = renderer.outputColorSpace;
  const savedBg = w.scene.background;
  renderer.toneMapping = THREE.NoToneMapping;
  renderer.outputColorSpace = THREE.LinearSRGBColorSpace;
  w.scene.background = new THREE.Color(0, 0, 0);
  const swapped: Array<[THREE.Mesh, THREE.Material | THREE.Material[]]> = [];
  if (pass === 'id') {
    w.scene.traverse((o) => {
      const m = o as THREE.Mesh;
      if (!m.isMesh) return;
      const key = (m.userData.kinoId as string | undefined) ?? '';
      let mat = idMats.get(key);
      if (!mat) {
        const idx = Math.max(0, w.ids.indexOf(key));
        const c = idColor(idx);
        mat = new THREE.MeshBasicMaterial({ color: new THREE.Color(c[0] / 255, c[1] / 255, c[2] / 255), toneMapped: false });
        idMats.set(key, mat);
      }
      swapped.push([m, m.material]);
      m.material = mat;
    });
  } else w.scene.overrideMaterial = pass === 'depth' ? depthMat : normalMat;
  renderer.setRenderTarget(null);
  renderer.render(w.scene, camera);
  capturingPass = true;
  const data = capture();
  capturingPass = false;
  for (const [m, mat] of swapped) m.material = mat;
  w.scene.overrideMaterial = null;
  w.scene.background = savedBg;
  renderer.toneMapping = savedTone;
  renderer.outputColorSpace = savedSpace;
  return data;
}


function frame(req: FrameRequest): PendingFrame {
  const shot = plan.scenes[req.scene].shots[req.shot];
  const out: PendingFrame = {};
  const shotTime = (req.editFrame - shot.startFrame) / plan.fpsValue;
  renderView(req.scene, req.shot, shotTime);
  if (req.clip) out.clip = capture();
  if (req.cut) {
    // Only a shot that a transition or fade touches can differ from its clean view; skip the
    // second evaluation of every character for all the others.
    const st = shotsTouchedByTransitions(plan).has(shot.key) ? evaluateFrame(plan, req.editFrame) : undefined;
    if (!st || (st.views.length === 1 && !st.fade)) out.cut = req.clip ? 'clip' : capture();
    else {
      renderer.copyFramebufferToTexture(texA);
      let a: THREE.Texture = texA;
      let b: THREE.Texture | null = null;
      if (st.views.length === 2) {
        // Render the other shot of the transition and copy it beside this one.
        const other = st.views[0].shotKey === shot.key ? st.views[1] : st.views[0];
        renderView(other.sceneIndex, other.shotIndex, other.shotTime);
        renderer.copyFramebufferToTexture(texB);
        if (st.views[0].shotKey === shot.key) b = texB;
        else {
          a = texB;
          b = texA;
        }
      }
      const mode = st.mix ? (st.mix.kind === 'wipe' ? 2 : 1) : 0;
      output(a, b, mode, st.mix?.progress ?? 0, WIPE_DIRS[st.mix?.direction ?? 'left'], st.fade);
      out.cut = capture();
    }
  }
  if (req.passes?.length) {
    out.passes = {};
    const w = world(req.scene);
    const view = evaluateView(plan, req.scene, req.shot, shotTime);
    applyView(w, view);
    setCamera(view);
    for (const p of req.passes) out.passes[p] = renderPass(w, p);
  }
  return out;
}

const api = {
  init(opts: { width: number; height: number; profile: PageProfile; alpha?: boolean }) {
    for (const w of [...worlds.keys()]) disposeWorld(w);
    document.querySelectorAll('canvas').forEach((c) => c.remove());
    width = opts.width;
    height = opts.height;
    profile = opts.profile;
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    document.body.appendChild(canvas);
    renderer = new THREE.WebGLRenderer({ canvas, antialias: profile.msaa > 0, preserveDrawingBuffer: true, alpha: !!opts.alpha, premultipliedAlpha: false, powerPreference: 'high-performance' });
    if (opts.alpha) renderer.setClearColor(0x000000, 0);
    // Large frames encode off the main thread (toBlob) while the next one renders: measured +5–8 %
    // at 1080p here, while at 640×360 the extra hand-off costs more than it saves.
    asyncCapture = width * height >= 1280 * 720;
    renderer.setPixelRatio(1);
    renderer.setSize(width, height, false);
    renderer.toneMapping = THREE.ACESFilmicToneMapping;
    renderer.toneMappingExposure = 1;
    renderer.outputColorSpace = THREE.SRGBColorSpace;
    renderer.shadowMap.enabled = profile.shadows !== 'none';
    renderer.shadowMap.type = profile.shadowMapSize >= 2048 ? THREE.PCFSoftShadowMap : THREE.PCFShadowMap;
    texA = new THREE.FramebufferTexture(width, height);
    texB = new THREE.FramebufferTexture(width, height);
    accumRT = new THREE.WebGLRenderTarget(width, height, { type: THREE.HalfFloatType, depthBuffer: false });
    gradePass = new GradePass(width, height, quadGeo);
    sessionLook = null;
    isolated = null;
    const gl = renderer.getContext();
    const dbg = gl.getExtension('WEBGL_debug_renderer_info');
    return { renderer: dbg ? String(gl.getParameter(dbg.UNMASKED_RENDERER_WEBGL)) : String(gl.getParameter(gl.RENDERER)), webgl2: renderer.capabilities.isWebGL2 };
  },
  load(p: FilmPlan) {
    plan = p;
    for (const k of [...worlds.keys()]) disposeWorld(k);
    return { scenes: plan.scenes.length };
  },
  async addModel(key: string, base64: string) {
    const bin = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
    const gltf = await new GLTFLoader().parseAsync(bin.buffer, '');
    models.set(key, gltf.scene);
    return { meshes: gltf.scene.children.length };
  },
  async frames(reqs: FrameRequest[]): Promise<FrameResult[]> {
    const pending = reqs.map(frame);
    const settle = async (p: PendingFrame): Promise<FrameResult> => {
      const out: FrameResult = {};
      if (p.clip !== undefined) out.clip = await p.clip;
      if (p.cut !== undefined) out.cut = await p.cut;
      if (p.passes) {
        out.passes = {};
        for (const [k, v] of Object.entries(p.passes)) out.passes[k] = await v;
      }
      return out;
    };
    return Promise.all(pending.map(settle));
  },
  /** A .cube LUT for grades that name it (N³ RGB floats, base64 of a Float32Array). */
  addLut(key: string, size: number, base64: string) {
    const bin = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
    gradePass.addLut(key, size, new Float32Array(bin.buffer));
  },
  /** The look of a Film output variant, over every shot's own (null: none). */
  setLook(look: { grade?: GradeParams; pixelSnap?: boolean } | null) {
    sessionLook = look;
  },
  /** The parallax layers of a side-scroller shot: names and scroll factors. */
  parallaxLayers(req: FrameRequest) {
    const shot = plan.scenes[req.scene].shots[req.shot];
    return layersFor(evaluateView(plan, req.scene, req.shot, (req.editFrame - shot.startFrame) / plan.fpsValue)).map((l) => ({ name: l.name, factor: l.factor }));
  },
  /**
   * One parallax layer alone over a transparent clear (needs init with alpha), characters hidden:
   * a level editor's background layer. `extraWidthPx` widens it to cover the camera's travel from
   * the shot's first frame to `req`'s.
   */
  async parallaxLayer(req: FrameRequest, layer: number, extraWidthPx: number): Promise<string> {
    const shot = plan.scenes[req.scene].shots[req.shot];
    const w = world(req.scene);
    const view = evaluateView(plan, req.scene, req.shot, (req.editFrame - shot.startFrame) / plan.fpsValue);
    applyView(w, view);
    const hidden = new Set<THREE.Object3D>([...w.rigs.values()].map((r) => r.root));
    const snap = !!(shotStyleOf(req.scene, req.shot)?.pixelSnap || sessionLook?.pixelSnap);
    renderer.setRenderTarget(null);
    renderer.setClearColor(0x000000, 0);
    drawParallax(renderer, w.scene, ortho, view, evaluateView(plan, req.scene, req.shot, 0), { width: width - extraWidthPx, height }, { snap, only: layer, extraWidthPx, hidden });
    return await capture();
  },
  /** Frame format handed back: PNG (exact pixels, what the retro stage needs) or JPEG quality. */
  setCapture(c: 'png' | number) {
    profile = { ...profile, capture: c };
  },
  /** Render only these characters or object ids, on a transparent background (needs init with alpha). */
  setIsolation(ids: string[] | null) {
    isolated = ids;
  },
  /** Changes the frame size without rebuilding the scenes (styles contact sheets, sprites). */
  resize(w: number, h: number) {
    width = w;
    height = h;
    renderer.setSize(w, h, false);
    texA.dispose();
    texB.dispose();
    accumRT.dispose();
    texA = new THREE.FramebufferTexture(w, h);
    texB = new THREE.FramebufferTexture(w, h);
    accumRT = new THREE.WebGLRenderTarget(w, h, { type: THREE.HalfFloatType, depthBuffer: false });
    gradePass.resize(w, h);
    asyncCapture = w * h >= 1280 * 720;
    return { width: w, height: h };
  },
  setAsyncCapture(on: boolean) {
    asyncCapture = on;
  },
  /** Render-only timing probe: renders without capture, synced by a 1×1 readback. */
  renderOnly(req: FrameRequest): number {
    const shot = plan.scenes[req.scene].shots[req.shot];
    renderView(req.scene, req.shot, (req.editFrame - shot.startFrame) / plan.fpsValue);
    const px = new Uint8Array(4);
    const gl = renderer.getContext();
    gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
    return px[0];
  },
  /** Draw calls and triangles of the last rendered frame (for benchmarks). */
  info() {
    return { ...lastSceneInfo, programs: renderer.info.programs?.length ?? 0 };
  },
  memory() {
    return { geometries: renderer.info.memory.geometries, textures: renderer.info.memory.textures, worlds: worlds.size };
  },
  /** Lays out labelled stills on a 2D canvas (Chromium has fonts; a bare server may not). */
  async contactSheet(opts: { title: string; subtitle: string; columns: number; cellWidth: number; cells: Array<{ png: string; lines: string[] }> }): Promise<string> {
    const images = await Promise.all(opts.cells.map(async (c) => createImageBitmap(await (await fetch(`data:${c.png.startsWith('/9j/') ? 'image/jpeg' : 'image/png'};base64,${c.png}`)).blob())));
    const aspect = images.length ? images[0].height / images[0].width : 9 / 16;
    const cw = opts.cellWidth;
    const ch = Math.round(cw * aspect);
    const label = 46;
    const gap = 12;
    const head = 70;
    const cols = Math.max(1, Math.min(opts.columns, opts.cells.length));
    const rows = Math.ceil(opts.cells.length / cols);
    const canvas = document.createElement('canvas');
    canvas.width = gap + cols * (cw + gap);
    canvas.height = head + rows * (ch + label + gap) + gap;
    const x = canvas.getContext('2d')!;
    x.fillStyle = '#141414';
    x.fillRect(0, 0, canvas.width, canvas.height);
    x.fillStyle = '#f2f2f2';
    x.font = 'bold 24px sans-serif';
    x.fillText(opts.title, gap, 34);
    x.fillStyle = '#a8a8a8';
    x.font = '14px sans-serif';
    x.fillText(opts.subtitle, gap, 56);
    opts.cells.forEach((c, i) => {
      const cx = gap + (i % cols) * (cw + gap);
      const cy = head + Math.floor(i / cols) * (ch + label + gap);
      x.drawImage(images[i], cx, cy, cw, ch);
      x.fillStyle = '#f2f2f2';
      x.font = 'bold 13px sans-serif';
      x.fillText(c.lines[0] ?? '', cx, cy + ch + 18, cw);
      x.fillStyle = '#b8b8b8';
      x.font = '12px sans-serif';
      x.fillText(c.lines[1] ?? '', cx, cy + ch + 36, cw);
    });
    const url = canvas.toDataURL('image/png');
    return url.slice(url.indexOf(',') + 1);
  },
  idColor,
  DEPTH_RANGE,
};

(globalThis as unknown as { kino: typeof api }).kino = api;
export type KinoPageApi = typeof api;
