// A scene's world in three.js: the set (floor, walls with door and window openings, ceiling),
// props, lights, backdrop and cast, built once per scene from the plan and then posed per frame
// from an evaluated FrameView.

import * as THREE from 'three';
import { RectAreaLightUniformsLib } from 'three/examples/jsm/lights/RectAreaLightUniformsLib.js';
import type { FrameView } from '../../plan/evaluate';
import type { ScenePlan, SetPlan, WallPlan } from '../../plan/schema';
import { hash01 } from '../../util/random';
import { buildHumanoid, poseRig, type Rig } from './humanoid';
import { buildProp } from './recipes';
import { mergeMeshes } from './merge';

export interface Profile {
  /** 'standard': PBR (GGX) everywhere; 'lambert': diffuse-only shading, several times cheaper per pixel on CPU rasterisers. */
  shading?: 'standard' | 'lambert';
  shadowMapSize: number;
  /** Lights that cast shadows: 'key' (the strongest shadowed light only) or 'all'. */
  shadows: 'key' | 'all' | 'none';
}

export interface World {
  scene: THREE.Scene;
  rigs: Map<string, Rig>;
  props: Map<string, THREE.Object3D>;
  lights: Map<string, { light: THREE.Light; target?: THREE.Object3D }>;
  /** Object id → id-pass colour index. */
  ids: string[];
}

const lin = (c: [number, number, number]) => new THREE.Color().setRGB(c[0], c[1], c[2], THREE.LinearSRGBColorSpace);

let rectInit = false;

// Light units: plan intensity 1 is "a normal key at 2–3 m". three.js lights are physical
// (candela for point/spot, lux for directional); a mid-grey card under a 1.0 key should land near
// mid-grey after ACES, which these factors give.
const CANDELA = 22;
const LUX = 3.1;
const AMBIENT = Math.PI;

/** Deterministic procedural surface textures (wood planks, tiles, concrete…), in sRGB. */
function surfaceTexture(material: string, base: THREE.Color, seed: number, repeat: [number, number]): THREE.Texture | undefined {
  const size = 256;
  const canvas = new OffscreenCanvas(size, size);
  const ctx = canvas.getContext('2d');
  if (!ctx) return undefined;
  const srgb = base.clone().convertLinearToSRGB();
  const rgb = (k: number) => `rgb(${Math.round(Math.min(1, srgb.r * k) * 255)},${Math.round(Math.min(1, srgb.g * k) * 255)},${Math.round(Math.min(1, srgb.b * k) * 255)})`;
  ctx.fillStyle = rgb(1);
  ctx.fillRect(0, 0, size, size);
  const r = (i: number) => hash01(seed, i);
  switch (material) {
    case 'wood': {
      const planks = 8;
      for (let p = 0; p < planks; p++) {
        const y = (p * size) / planks;
        ctx.fillStyle = rgb(0.85 + r(p) * 0.3);
        ctx.fillRect(0, y, size, size / planks - 2);
        for (let k = 0; k < 14; k++) {
          ctx.fillStyle = rgb(0.75 + r(p * 31 + k) * 0.2);
          ctx.fillRect(r(p * 7 + k) * size, y + r(p * 13 + k) * (size / planks - 3), 20 + r(k + p) * 60, 1);
        }
        ctx.fillStyle = rgb(0.55);
        ctx.fillRect(0, y + size / planks - 2, size, 2);
        ctx.fillRect(r(p + 99) * size, y, 2, size / planks);
      }
      break;
    }
    case 'tile':
    case 'linoleum': {
      const n = material === 'tile' ? 8 : 4;
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) {
          ctx.fillStyle = material === 'linoleum' && (i + j) % 2 ? rgb(0.55) : rgb(0.92 + r(i * n + j) * 0.12);
          ctx.fillRect((i * size) / n + 1, (j * size) / n + 1, size / n - 2, size / n - 2);
        }
      break;
    }
    case 'carpet':
    case 'concrete':
    case 'asphalt':
    case 'stone':
    case 'gravel':
    case 'grass':
    case 'plaster': {
      const grain = material === 'gravel' ? 5 : material === 'grass' ? 2 : 1;
      const spread = material === 'plaster' ? 0.06 : material === 'carpet' ? 0.12 : 0.22;
      for (let k = 0; k < 9000; k++) {
        ctx.fillStyle = rgb(1 - spread / 2 + r(k) * spread);
        ctx.fillRect(r(k + 1e5) * size, r(k + 2e5) * size, grain, material === 'grass' ? 4 : grain);
      }
      break;
    }
    case 'brick': {
      for (let row = 0; row < 16; row++)
        for (let col = 0; col < 5; col++) {
          ctx.fillStyle = rgb(0.85 + r(row * 5 + col) * 0.3);
          ctx.fillRect(((col + (row % 2) * 0.5) * size) / 4, (row * size) / 16 + 1, size / 4 - 3, size / 16 - 3);
        }
      break;
    }
    default:
      return undefined;
  }
  const tex = new THREE.CanvasTexture(canvas as unknown as HTMLCanvasElement);
  tex.colorSpace = THREE.SRGBColorSpace;
  tex.wrapS = tex.wrapT = THREE.RepeatWrapping;
  tex.repeat.set(repeat[0], repeat[1]);
  tex.anisotropy = 1;
  return tex;
}

function surfaceMaterial(material: string, color: [number, number, number], seed: number, repeat: [number, number]): THREE.MeshStandardMaterial {
  const c = lin(color);
  const map = surfaceTexture(material, c, seed, repeat);
  return new THREE.MeshStandardMaterial({ color: map ? 0xffffff : c, map, roughness: material === 'tile' ? 0.35 : material === 'metal' ? 0.3 : 0.85, metalness: material === 'metal' ? 0.6 : 0 });
}

function buildWall(w: WallPlan, seed: number): THREE.Group {
  const g = new THREE.Group();
  g.name = `wall:${w.id}`;
  const dx = w.to[0] - w.from[0];
  const dz = w.to[1] - w.from[1];
  const L = Math.hypot(dx, dz);
  // Wall outline in its own plane (x along the wall, y up), openings cut as holes.
  const shape = new THREE.Shape();
  shape.moveTo(0, 0);
  shape.lineTo(L, 0);
  shape.lineTo(L, w.height);
  shape.lineTo(0, w.height);
  shape.lineTo(0, 0);
  for (const o of w.openings) {
    const hole = new THREE.Path();
    const x0 = o.at - o.width / 2;
    const y0 = o.sill;
    hole.moveTo(x0, y0 === 0 ? 0.0001 : y0);
    hole.lineTo(x0 + o.width, y0 === 0 ? 0.0001 : y0);
    hole.lineTo(x0 + o.width, y0 + o.height);
    hole.lineTo(x0, y0 + o.height);
    hole.closePath();
    shape.holes.push(hole);
  }
  const geo = new THREE.ExtrudeGeometry(shape, { depth: w.thickness, bevelEnabled: false });
  geo.translate(0, 0, -w.thickness / 2);
  const mat = surfaceMaterial(w.material, w.color, seed, [Math.max(1, L / 2), Math.max(1, w.height / 2)]);
  const mesh = new THREE.Mesh(geo, mat);
  mesh.castShadow = true;
  mesh.receiveShadow = true;
  g.add(mesh);
  // Doors hinge in their opening; windows get a frame, a sill and glass.
  for (const o of w.openings) {
    const first = g.children.length;
    const frameM = new THREE.MeshStandardMaterial({ color: lin(o.color), roughness: 0.6 });
    if (o.kind === 'door') {
      const hinge = new THREE.Group();
      const hx = o.hinge === 'left' ? o.at - o.width / 2 : o.at + o.width / 2;
      hinge.position.set(hx, 0, 0);
      const panel = new THREE.Mesh(new THREE.BoxGeometry(o.width - 0.02, o.height - 0.02, 0.045), frameM);
      panel.position.set((o.hinge === 'left' ? 1 : -1) * (o.width / 2), o.height / 2, 0);
      const knob = new THREE.Mesh(new THREE.SphereGeometry(0.03, 10, 8), new THREE.MeshStandardMaterial({ color: 0xb8a070, metalness: 0.8, roughness: 0.3 }));
      knob.position.set((o.hinge === 'left' ? 1 : -1) * (o.width - 0.1), 1.0, 0.04);
      hinge.add(panel, knob);
      hinge.rotation.y = ((o.hinge === 'left' ? -1 : 1) * o.open * Math.PI) / 180;
      g.add(hinge);
      const trim = new THREE.Mesh(new THREE.BoxGeometry(o.width + 0.12, o.height + 0.06, w.thickness + 0.02), frameM);
      trim.position.set(o.at, (o.height + 0.06) / 2, 0);
      trim.scale.set(1, 1, 1);
      // A trim is a frame, not a block: only its three sides.
      for (const [sx, sy, sw, sh] of [[-1, 0, 0.06, o.height + 0.06], [1, 0, 0.06, o.height + 0.06], [0, 1, o.width + 0.12, 0.06]] as const) {
        const piece = new THREE.Mesh(new THREE.BoxGeometry(sw, sh, w.thickness + 0.03), frameM);
        piece.position.set(o.at + (sx * (o.width + 0.06)) / 2, sy ? o.height + 0.03 : sh / 2, 0);
        g.add(piece);
      }
    } else {
      for (const [px, py, pw, ph] of [
        [o.at, o.sill - 0.03, o.width + 0.1, 0.06],
        [o.at, o.sill + o.height + 0.03, o.width + 0.1, 0.06],
        [o.at - o.width / 2 - 0.03, o.sill + o.height / 2, 0.06, o.height],
        [o.at + o.width / 2 + 0.03, o.sill + o.height / 2, 0.06, o.height],
        [o.at, o.sill + o.height / 2, 0.04, o.height],
      ] as const) {
        const piece = new THREE.Mesh(new THREE.BoxGeometry(pw, ph, w.thickness + 0.04), frameM);
        piece.position.set(px, py, 0);
        piece.castShadow = true;
        g.add(piece);
      }
      const glass = new THREE.Mesh(
        new THREE.PlaneGeometry(o.width, o.height),
        new THREE.MeshStandardMaterial({ color: lin(o.glass ?? [0.6, 0.75, 0.85]), transparent: true, opacity: 0.18, roughness: 0.05, metalness: 0.1, side: THREE.DoubleSide, depthWrite: false }),
      );
      glass.position.set(o.at, o.sill + o.height / 2, 0);
      g.add(glass);
    }
    // Doors and windows are their own objects in the id pass (a compositor's matte, a test's check).
    for (const c of g.children.slice(first)) c.traverse((m) => void (m.userData.kinoId = o.id));
  }
  g.position.set(w.from[0], 0, w.from[1]);
  g.rotation.y = -Math.atan2(dz, dx);
  g.traverse((o) => {
    if ((o as THREE.Mesh).isMesh) {
      o.receiveShadow = true;
      o.userData.kinoId ??= w.id;
    }
  });
  return g;
}

function buildSet(s: SetPlan, seed: number): THREE.Group {
  const g = new THREE.Group();
  g.name = `set:${s.id}`;
  if (s.floor) {
    const [x0, z0] = s.floor.min;
    const [x1, z1] = s.floor.max;
    const w = x1 - x0;
    const d = z1 - z0;
    const floor = new THREE.Mesh(new THREE.PlaneGeometry(w, d), surfaceMaterial(s.floor.material, s.floor.color, seed, [Math.max(1, w / 2.5), Math.max(1, d / 2.5)]));
    floor.rotation.x = -Math.PI / 2;
    floor.position.set((x0 + x1) / 2, 0, (z0 + z1) / 2);
    floor.receiveShadow = true;
    floor.userData.kinoId = `${s.id}.floor`;
    g.add(floor);
    if (s.ceiling) {
      const ceil = new THREE.Mesh(new THREE.PlaneGeometry(w, d), new THREE.MeshStandardMaterial({ color: lin(s.ceiling.color), roughness: 0.95 }));
      ceil.rotation.x = Math.PI / 2;
      ceil.position.set((x0 + x1) / 2, s.ceiling.height, (z0 + z1) / 2);
      ceil.receiveShadow = true;
      ceil.userData.kinoId = `${s.id}.ceiling`;
      g.add(ceil);
    }
  }
  s.walls.forEach((w, i) => g.add(buildWall(w, seed + i + 1)));
  return g;
}

function backdrop(scene: THREE.Scene, plan: ScenePlan): void {
  const b = plan.backdrop;
  const top = lin(b.colors[0]);
  const bottom = lin(b.colors[1]);
  if (b.kind === 'solid') {
    scene.background = top;
    return;
  }
  // Gradient/sky dome: zenith → horizon, with the ground colour below.
  const mat = new THREE.ShaderMaterial({
    side: THREE.BackSide,
    depthWrite: false,
    uniforms: { top: { value: top }, bottom: { value: bottom }, ground: { value: b.floorColor ? lin(b.floorColor) : bottom.clone().multiplyScalar(0.35) } },
    vertexShader: 'varying vec3 vDir; void main(){ vDir = normalize(position); gl_Position = projectionMatrix * modelViewMatrix * vec4(position,1.0); }',
    fragmentShader:
      'uniform vec3 top; uniform vec3 bottom; uniform vec3 ground; varying vec3 vDir; void main(){ float h = vDir.y; vec3 c = h > 0.0 ? mix(bottom, top, pow(clamp(h,0.0,1.0), 0.6)) : mix(bottom, ground, clamp(-h*6.0,0.0,1.0)); gl_FragColor = vec4(c,1.0); }',
  });
  const dome = new THREE.Mesh(new THREE.SphereGeometry(400, 32, 16), mat);
  dome.userData.kinoId = 'backdrop';
  dome.frustumCulled = false;
  scene.add(dome);
  if (b.kind === 'cyclorama') {
    // An infinite cove: floor curving up into the back wall, lit like the rest of the set.
    const shape = new THREE.Shape();
    shape.moveTo(-6, 0);
    shape.lineTo(4, 0);
    shape.absarc(4, 2, 2, -Math.PI / 2, 0, false);
    shape.lineTo(6, 8);
    shape.lineTo(-6, 8);
    const geo = new THREE.ExtrudeGeometry(shape, { depth: 20, bevelEnabled: false, curveSegments: 16 });
    geo.rotateY(Math.PI / 2);
    geo.translate(-10, 0, 0);
    const cyc = new THREE.Mesh(geo, new THREE.MeshStandardMaterial({ color: bottom, roughness: 0.95 }));
    cyc.position.set(0, 0, 2);
    cyc.receiveShadow = true;
    cyc.userData.kinoId = 'backdrop';
    scene.add(cyc);
  }
}

export function buildWorld(plan: ScenePlan, profile: Profile, seed: number, models: Map<string, THREE.Object3D>): World {
  const scene = new THREE.Scene();
  backdrop(scene, plan);
  plan.sets.forEach((s, i) => scene.add(buildSet(s, seed + i * 101)));
  const props = new Map<string, THREE.Object3D>();
  for (const p of plan.props) {
    const g = buildProp(p);
    if (p.model) {
      const m = models.get(p.model);
      if (m) {
        const inst = m.clone(true);
        inst.traverse((o) => {
          if ((o as THREE.Mesh).isMesh) {
            o.castShadow = p.castShadow;
            o.receiveShadow = true;
            o.userData.kinoId = p.id;
          }
        });
        g.add(inst);
      }
    }
    props.set(p.id, g);
    scene.add(g);
  }
  const rigs = new Map<string, Rig>();
  for (const id of plan.characters) {
    const ch = plan.cast[id];
    if (!ch) continue;
    const rig = buildHumanoid(ch);
    rigs.set(id, rig);
    scene.add(rig.root);
  }
  const lights = new Map<string, { light: THREE.Light; target?: THREE.Object3D }>();
  // Which lights cast shadows: every shadowed light, or only the strongest in draft.
  const shadowed = plan.lights.filter((l) => l.castShadow && (l.kind === 'spot' || l.kind === 'directional' || l.kind === 'sun' || l.kind === 'point'));
  const strongest = [...shadowed].sort((a, b) => b.intensity - a.intensity)[0];
  for (const l of plan.lights) {
    let light: THREE.Light;
    let target: THREE.Object3D | undefined;
    switch (l.kind) {
      case 'spot': {
        const s = new THREE.SpotLight(0xffffff, 1, 0, (l.angle * Math.PI) / 180, l.penumbra, 2);
        target = s.target;
        light = s;
        break;
      }
      case 'directional':
      case 'sun': {
        const dl = new THREE.DirectionalLight(0xffffff, 1);
        target = dl.target;
        dl.shadow.camera.left = -9;
        dl.shadow.camera.right = 9;
        dl.shadow.camera.top = 9;
        dl.shadow.camera.bottom = -9;
        dl.shadow.camera.near = 0.5;
        dl.shadow.camera.far = 120;
        light = dl;
        break;
      }
      case 'area': {
        if (!rectInit) {
          RectAreaLightUniformsLib.init();
          rectInit = true;
        }
        light = new THREE.RectAreaLight(0xffffff, 1, l.size[0], l.size[1]);
        break;
      }
      case 'hemisphere':
        light = new THREE.HemisphereLight(0xffffff, lin(l.groundColor), 1);
        break;
      case 'environment':
        light = new THREE.AmbientLight(0xffffff, 1);
        break;
      default:
        light = new THREE.PointLight(0xffffff, 1, 0, 2);
    }
    const casts = profile.shadows !== 'none' && l.castShadow && (profile.shadows === 'all' || l === strongest) && (light as THREE.SpotLight).shadow !== undefined && l.kind !== 'area';
    if (casts) {
      light.castShadow = true;
      const sh = (light as THREE.SpotLight).shadow;
      sh.mapSize.set(profile.shadowMapSize, profile.shadowMapSize);
      sh.bias = -0.0004;
      sh.normalBias = 0.02;
      if (l.kind === 'spot') {
        (sh.camera as THREE.PerspectiveCamera).near = 0.3;
        (sh.camera as THREE.PerspectiveCamera).far = 30;
      }
    }
    light.name = `light:${l.id}`;
    scene.add(light);
    if (target) scene.add(target);
    lights.set(l.id, { light, target });
  }
  // Static set and props merge into a few meshes; keyframed props stay separate to move.
  const animated = new Set(plan.tracks.map((t) => t.target));
  const movers = new Set<THREE.Object3D>([...props].filter(([id]) => animated.has(id)).map(([, o]) => o));
  const rigRoots = new Set<THREE.Object3D>([...rigs.values()].map((r) => r.root));
  const staticGroup = new THREE.Group();
  staticGroup.name = 'static';
  for (const child of [...scene.children]) {
    if (rigRoots.has(child) || movers.has(child) || (child as THREE.Light).isLight) continue;
    if ((child as THREE.Mesh).isMesh && (child as THREE.Mesh).material instanceof THREE.ShaderMaterial) continue;
    staticGroup.attach(child);
  }
  scene.add(staticGroup);
  mergeMeshes(staticGroup, (o) => (o as THREE.Light).isLight === true);
  if (profile.shading === 'lambert') toLambert(scene);
  const ids = ['', ...plan.characters, ...plan.props.map((p) => p.id), ...plan.sets.flatMap((s) => [`${s.id}.floor`, `${s.id}.ceiling`, ...s.walls.flatMap((w) => [w.id, ...w.openings.map((o) => o.id)])]), 'backdrop'];
  return { scene, rigs, props, lights, ids };
}

const lambertCache = new WeakMap<THREE.Material, THREE.Material>();

/** Swaps PBR materials for Lambert ones with the same colour, map, emission and transparency. */
function toLambert(scene: THREE.Scene): void {
  scene.traverse((o) => {
    const m = o as THREE.Mesh;
    if (!m.isMesh || Array.isArray(m.material)) return;
    const src = m.material as THREE.MeshStandardMaterial;
    if (!src.isMeshStandardMaterial) return;
    let l = lambertCache.get(src);
    if (!l) {
      l = new THREE.MeshLambertMaterial({ color: src.color, map: src.map, emissive: src.emissive, emissiveIntensity: src.emissiveIntensity, transparent: src.transparent, opacity: src.opacity, side: src.side, depthWrite: src.depthWrite });
      lambertCache.set(src, l);
    }
    m.material = l;
  });
}

const v = new THREE.Vector3();

export function applyView(world: World, view: FrameView): void {
  for (const st of view.characters) {
    const rig = world.rigs.get(st.id);
    if (rig) poseRig(rig, st);
  }
  for (const p of view.props) {
    const o = world.props.get(p.id);
    if (!o) continue;
    o.position.set(p.position[0], p.position[1], p.position[2]);
    o.rotation.set((p.rotation[0] * Math.PI) / 180, (p.rotation[1] * Math.PI) / 180, (p.rotation[2] * Math.PI) / 180);
    o.scale.set(p.scale[0], p.scale[1], p.scale[2]);
  }
  for (const l of view.lights) {
    const e = world.lights.get(l.id);
    if (!e) continue;
    const light = e.light;
    light.color.setRGB(l.color[0], l.color[1], l.color[2], THREE.LinearSRGBColorSpace);
    light.position.set(l.position[0], l.position[1], l.position[2]);
    if (e.target) e.target.position.set(l.target[0], l.target[1], l.target[2]);
    if ((light as THREE.RectAreaLight).isRectAreaLight) {
      light.lookAt(v.set(l.target[0], l.target[1], l.target[2]));
      // Radiance for a soft box of this size at this distance to give the plan's relative level.
      const d = Math.max(0.5, Math.hypot(l.position[0] - l.target[0], l.position[1] - l.target[1], l.position[2] - l.target[2]));
      light.intensity = (l.intensity * CANDELA * Math.PI) / Math.max(0.05, l.size[0] * l.size[1]) / 2.5 * Math.min(1, (d * d) / 6);
    } else if ((light as THREE.DirectionalLight).isDirectionalLight) light.intensity = l.intensity * LUX;
    else if ((light as THREE.HemisphereLight).isHemisphereLight || (light as THREE.AmbientLight).isAmbientLight) light.intensity = l.intensity * AMBIENT;
    else light.intensity = l.intensity * CANDELA;
    if ((light as THREE.SpotLight).isSpotLight) {
      (light as THREE.SpotLight).angle = (l.angle * Math.PI) / 180;
      (light as THREE.SpotLight).penumbra = l.penumbra;
    }
    if ((light as THREE.DirectionalLight).isDirectionalLight && light.castShadow) {
      // Keep the shadow frustum centred on what the light aims at.
      light.position.set(l.target[0] + (l.position[0] - l.target[0]), l.target[1] + (l.position[1] - l.target[1]), l.target[2] + (l.position[2] - l.target[2]));
    }
  }
}
