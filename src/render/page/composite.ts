// The transition compositor: mixes two tone-mapped views (dissolve, wipe) and fades toward a
// colour, in display space as an editor's dissolve is. Shared by the render page and the studio's
// camera view so a preview and a render composite identically.

import * as THREE from 'three';

export const QUAD_VERTEX = 'varying vec2 vUv; void main(){ vUv = uv; gl_Position = vec4(position.xy, 0.0, 1.0); }';

export const COMPOSITE_FRAGMENT = `
  uniform sampler2D tA; uniform sampler2D tB; uniform int mode; uniform float progress; uniform int dir;
  uniform vec3 fadeColor; uniform float fadeAmount; varying vec2 vUv;
  void main() {
    vec3 a = texture2D(tA, vUv).rgb;
    vec3 c = a;
    if (mode == 1) c = mix(a, texture2D(tB, vUv).rgb, progress);
    if (mode == 2) {
      float e = dir == 0 ? 1.0 - vUv.x : dir == 1 ? vUv.x : dir == 2 ? vUv.y : 1.0 - vUv.y;
      float w = smoothstep(progress - 0.01, progress + 0.01, e);
      c = mix(texture2D(tB, vUv).rgb, a, w);
    }
    gl_FragColor = vec4(mix(c, fadeColor, fadeAmount), 1.0);
  }`;

/** Wipe directions as the compositor's `dir` uniform numbers them. */
export const WIPE_DIRS: Record<string, number> = { left: 0, right: 1, up: 2, down: 3 };

export function createCompositeMaterial(): THREE.ShaderMaterial {
  return new THREE.ShaderMaterial({
    uniforms: {
      tA: { value: null },
      tB: { value: null },
      mode: { value: 0 },
      progress: { value: 0 },
      dir: { value: 0 },
      fadeColor: { value: new THREE.Color(0, 0, 0) },
      fadeAmount: { value: 0 },
    },
    vertexShader: QUAD_VERTEX,
    fragmentShader: COMPOSITE_FRAGMENT,
    depthTest: false,
    depthWrite: false,
    toneMapped: false,
  });
}
