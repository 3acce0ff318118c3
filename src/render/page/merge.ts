// Draw calls dominate software-WebGL render time (every mesh is a draw per shadow map too).
// Static geometry is merged per (material, object id, shadow flags): a dressed set of a few
// hundred meshes becomes a few dozen, and a character's ~70 meshes become ~2 per joint.

import * as THREE from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';

interface Bucket {
  material: THREE.Material;
  geometries: THREE.BufferGeometry[];
  cast: boolean;
  receive: boolean;
  kinoId: unknown;
}

const inv = new THREE.Matrix4();
const rel = new THREE.Matrix4();

/**
 * Merges meshes under `container` into it, in `container`'s space. Subtrees whose root satisfies
 * `stop` (e.g. child joints, animated props) are left alone, as are meshes marked dynamic.
 */
export function mergeMeshes(container: THREE.Object3D, stop: (o: THREE.Object3D) => boolean): number {
  container.updateMatrixWorld(true);
  inv.copy(container.matrixWorld).invert();
  const buckets = new Map<string, Bucket>();
  const remove: THREE.Mesh[] = [];
  const visit = (o: THREE.Object3D) => {
    for (const c of o.children) {
      if (stop(c)) continue;
      const m = c as THREE.Mesh;
      if (m.isMesh && !m.userData.dynamic && !Array.isArray(m.material)) {
        const g = m.geometry;
        const key = `${m.material.uuid}|${String(m.userData.kinoId)}|${m.castShadow}|${m.receiveShadow}|${g.index ? 'i' : 'n'}|${Object.keys(g.attributes).sort().join(',')}`;
        let b = buckets.get(key);
        if (!b) buckets.set(key, (b = { material: m.material, geometries: [], cast: m.castShadow, receive: m.receiveShadow, kinoId: m.userData.kinoId }));
        rel.multiplyMatrices(inv, m.matrixWorld);
        b.geometries.push(g.clone().applyMatrix4(rel));
        remove.push(m);
      }
      visit(c);
    }
  };
  visit(container);
  if (remove.length < 2) return remove.length;
  for (const m of remove) {
    // Keep non-mesh descendants (e.g. joints parented under a mesh) by lifting them up.
    for (const child of [...m.children]) if (!(child as THREE.Mesh).isMesh || stop(child)) m.parent?.attach(child);
    m.parent?.remove(m);
    m.geometry.dispose();
  }
  let count = 0;
  for (const b of buckets.values()) {
    const merged = mergeGeometries(b.geometries, false);
    for (const g of b.geometries) g.dispose();
    if (!merged) continue;
    const mesh = new THREE.Mesh(merged, b.material);
    mesh.castShadow = b.cast;
    mesh.receiveShadow = b.receive;
    mesh.userData.kinoId = b.kinoId;
    container.add(mesh);
    count++;
  }
  return count;
}
