// The grade as a render-page pass: copy the tone-mapped canvas into a texture, then draw it back
// through the grade shader (src/vfx/grade-math.ts, which also holds the CPU reference the tests
// compare against). Only graded views pay for it: an ungraded frame never enters this file.

import * as THREE from 'three';
import { GRADE_FRAGMENT, gradeDefines, gradeUniformValues, type GradeParams } from '../../vfx/grade-math';

const VERTEX = 'varying vec2 vUv; void main(){ vUv = uv; gl_Position = vec4(position.xy, 0.0, 1.0); }';

export class GradePass {
  private tex: THREE.FramebufferTexture;
  private readonly mat: THREE.ShaderMaterial;
  private readonly scene = new THREE.Scene();
  private readonly luts = new Map<string, THREE.Data3DTexture>();
  private readonly noLut: THREE.Data3DTexture;
  private definesKey = '';

  constructor(
    private width: number,
    private height: number,
    quad: THREE.BufferGeometry,
  ) {
    this.tex = new THREE.FramebufferTexture(width, height);
    this.noLut = new THREE.Data3DTexture(new Uint8Array([0, 0, 0, 255]), 1, 1, 1);
    this.noLut.needsUpdate = true;
    this.mat = new THREE.ShaderMaterial({
      uniforms: {
        src: { value: this.tex },
        lut: { value: this.noLut },
        lutStrength: { value: 0 },
        lutSize: { value: 1 },
        size: { value: new THREE.Vector2(width, height) },
        wb: { value: new THREE.Vector3(1, 1, 1) },
        contrast: { value: 1 },
        saturation: { value: 1 },
        lift: { value: new THREE.Vector3() },
        invGamma: { value: new THREE.Vector3(1, 1, 1) },
        gain: { value: new THREE.Vector3(1, 1, 1) },
        shadowsTint: { value: new THREE.Vector3() },
        highlightsTint: { value: new THREE.Vector3() },
        vignette: { value: 0 },
        grain: { value: 0 },
        letterbox: { value: 0 },
        seed: { value: 0 },
      },
      vertexShader: VERTEX,
      fragmentShader: GRADE_FRAGMENT,
      depthTest: false,
      depthWrite: false,
      toneMapped: false,
      transparent: false,
    });
    this.scene.add(new THREE.Mesh(quad, this.mat));
  }

  resize(width: number, height: number): void {
    this.width = width;
    this.height = height;
    this.tex.dispose();
    this.tex = new THREE.FramebufferTexture(width, height);
    this.mat.uniforms.src.value = this.tex;
    (this.mat.uniforms.size.value as THREE.Vector2).set(width, height);
  }

  /** A LUT as N³ RGB float triples (red fastest), stored as a half-float 3D texture. */
  addLut(key: string, size: number, rgb: Float32Array): void {
    const data = new Uint16Array(size * size * size * 4);
    for (let i = 0, j = 0; i < rgb.length; i += 3, j += 4) {
      data[j] = THREE.DataUtils.toHalfFloat(rgb[i]);
      data[j + 1] = THREE.DataUtils.toHalfFloat(rgb[i + 1]);
      data[j + 2] = THREE.DataUtils.toHalfFloat(rgb[i + 2]);
      data[j + 3] = THREE.DataUtils.toHalfFloat(1);
    }
    const t = new THREE.Data3DTexture(data, size, size, size);
    t.type = THREE.HalfFloatType;
    t.format = THREE.RGBAFormat;
    t.minFilter = THREE.LinearFilter;
    t.magFilter = THREE.LinearFilter;
    t.wrapS = t.wrapT = t.wrapR = THREE.ClampToEdgeWrapping;
    t.unpackAlignment = 1;
    t.needsUpdate = true;
    this.luts.get(key)?.dispose();
    this.luts.set(key, t);
  }

  /** Grades what is on the canvas now, in place. `seed` varies the grain per frame. */
  apply(renderer: THREE.WebGLRenderer, quadCam: THREE.Camera, g: GradeParams, seed: number): void {
    renderer.setRenderTarget(null);
    renderer.copyFramebufferToTexture(this.tex);
    const u = this.mat.uniforms;
    const v = gradeUniformValues(g);
    (u.wb.value as THREE.Vector3).fromArray(v.wb);
    u.contrast.value = v.contrast;
    u.saturation.value = v.saturation;
    (u.lift.value as THREE.Vector3).fromArray(v.lift);
    (u.invGamma.value as THREE.Vector3).fromArray(v.invGamma);
    (u.gain.value as THREE.Vector3).fromArray(v.gain);
    (u.shadowsTint.value as THREE.Vector3).fromArray(v.shadowsTint);
    (u.highlightsTint.value as THREE.Vector3).fromArray(v.highlightsTint);
    u.vignette.value = v.vignette;
    u.grain.value = v.grain;
    u.letterbox.value = v.letterbox;
    u.seed.value = seed >>> 0;
    const lut = g.lut ? this.luts.get(g.lut) : undefined;
    const defines = gradeDefines(g, !!lut);
    const key = Object.keys(defines).join(',');
    if (key !== this.definesKey) {
      this.definesKey = key;
      this.mat.defines = defines;
      this.mat.needsUpdate = true;
    }
    u.lut.value = lut ?? this.noLut;
    u.lutSize.value = lut ? lut.image.width : 1;
    u.lutStrength.value = lut ? g.lutStrength : 0;
    const autoClear = renderer.autoClear;
    renderer.autoClear = false;
    renderer.render(this.scene, quadCam);
    renderer.autoClear = autoClear;
  }
}
