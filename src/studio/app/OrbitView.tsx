/** @jsxImportSource react */
// The free orbit view (R3F): the same scene world the camera view draws, seen from anywhere, with
// previz gizmos — every shot's camera frustum, lights, characters and their walks, marks, and the
// action line. Rendered on demand (frameloop "demand"): it redraws only when the playhead, the film
// or the view changes, so it costs nothing while idle.

import { Canvas, useThree } from '@react-three/fiber';
import { useEffect, useState } from 'react';
import * as THREE from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import type { FilmPlan } from '../../plan/schema';
import { buildGizmos, disposeGizmos, type GizmoOptions } from './gizmos';
import { getState, setState, type V3 } from './store';
import { lastPublished, onDrawn } from './viewport';
import { worlds } from './worlds';

let controls: OrbitControls | undefined;
let redraw: (() => void) | undefined;

/** A three-quarter view over the scene's set (or its cast, outdoors). */
function defaultView(plan: FilmPlan, sceneIndex: number): { position: V3; target: V3 } {
  const s = plan.scenes[sceneIndex];
  const pts: Array<[number, number]> = [];
  for (const set of s.sets) if (set.floor) pts.push(set.floor.min, set.floor.max);
  for (const p of Object.values(s.performances)) for (const r of p.root) for (const q of r.path) pts.push([q[0], q[2]]);
  // The shots' camera positions too: a previz view shows where the cameras stand.
  for (const shot of s.shots) pts.push([shot.camera.position[0], shot.camera.position[2]]);
  if (!pts.length) pts.push([-3, -3], [3, 3]);
  const xs = pts.map((p) => p[0]);
  const zs = pts.map((p) => p[1]);
  const cx = (Math.min(...xs) + Math.max(...xs)) / 2;
  const cz = (Math.min(...zs) + Math.max(...zs)) / 2;
  const size = Math.max(4, Math.max(...xs) - Math.min(...xs), Math.max(...zs) - Math.min(...zs));
  return { position: [cx + size * 0.5, size * 0.8, cz + size * 1.1], target: [cx, 0.6, cz] };
}

function applyOrbit(v: { position: V3; target: V3 }): void {
  if (!controls) return;
  controls.object.position.set(...v.position);
  controls.target.set(...v.target);
  controls.update();
  setState({ orbit: v });
  redraw?.();
}

function Rig() {
  const camera = useThree((s) => s.camera);
  const gl = useThree((s) => s.gl);
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => {
    const c = new OrbitControls(camera, gl.domElement);
    c.enableDamping = false;
    c.screenSpacePanning = true;
    const saved = getState().orbit;
    const p = lastPublished();
    const start = saved ?? (p ? defaultView(p.plan, p.current.sceneIndex) : { position: [6, 5, 9] as V3, target: [0, 0.8, 0] as V3 });
    camera.position.set(...start.position);
    c.target.set(...start.target);
    c.update();
    const onChange = () => invalidate();
    // Stored when a drag ends, not per pointer move: the store mirrors to sessionStorage.
    const onEnd = () => setState({ orbit: { position: camera.position.toArray() as V3, target: c.target.toArray() as V3 } });
    c.addEventListener('change', onChange);
    c.addEventListener('end', onEnd);
    controls = c;
    redraw = invalidate;
    invalidate();
    return () => {
      c.removeEventListener('change', onChange);
      c.removeEventListener('end', onEnd);
      c.dispose();
      controls = undefined;
      redraw = undefined;
    };
  }, [camera, gl, invalidate]);
  return null;
}

function SceneContent({ options }: { options: Omit<GizmoOptions, 'selected'> }) {
  const scene = useThree((s) => s.scene);
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => {
    let world: THREE.Scene | undefined;
    let giz: THREE.Group | undefined;
    let framed = false;
    const off = onDrawn((p) => {
      const w = worlds.get(p.current.sceneIndex);
      if (w && w.scene !== world) {
        world?.removeFromParent();
        world = w.scene;
        scene.add(world);
      }
      if (!framed) {
        // The first picture: the view the user left (restored with the first build), or a default.
        framed = true;
        applyOrbit(getState().orbit ?? defaultView(p.plan, p.current.sceneIndex));
      }
      if (giz) disposeGizmos(giz);
      giz = buildGizmos(p.plan, p.current, { ...options, selected: getState().selected });
      scene.add(giz);
      invalidate();
    });
    return () => {
      off();
      world?.removeFromParent();
      if (giz) disposeGizmos(giz);
    };
  }, [scene, invalidate, options]);
  return <gridHelper args={[40, 40, '#3a4049', '#24282e']} position={[0, 0.002, 0]} />;
}

const TOGGLES: Array<[keyof Omit<GizmoOptions, 'selected'>, string]> = [
  ['cameras', 'cameras'],
  ['lights', 'lights'],
  ['characters', 'cast'],
  ['actionLine', '180° line'],
  ['labels', 'labels'],
];

export function OrbitView() {
  const [options, setOptions] = useState<Omit<GizmoOptions, 'selected'>>({ cameras: true, lights: true, characters: true, actionLine: true, labels: true });
  return (
    <section className="panel orbit" data-testid="orbit-view">
      <div className="tools">
        {TOGGLES.map(([k, name]) => (
          <label key={k}>
            <input type="checkbox" checked={options[k]} onChange={(e) => setOptions({ ...options, [k]: e.target.checked })} /> {name}
          </label>
        ))}
        <button
          title="Frame the whole set"
          onClick={() => {
            const p = lastPublished();
            if (p) applyOrbit(defaultView(p.plan, p.current.sceneIndex));
          }}
        >
          frame set
        </button>
        <button
          title="Move the orbit view to the shot camera"
          onClick={() => {
            const p = lastPublished();
            if (p) applyOrbit({ position: [...p.current.camera.position], target: [...p.current.camera.target] });
          }}
        >
          to shot camera
        </button>
      </div>
      <div className="canvas">
        <Canvas frameloop="demand" shadows="percentage" dpr={[1, 2]} gl={{ antialias: true, preserveDrawingBuffer: true }} camera={{ fov: 45, near: 0.05, far: 3000, position: [6, 5, 9] }}>
          <color attach="background" args={['#16181c']} />
          <Rig />
          <SceneContent options={options} />
        </Canvas>
      </div>
    </section>
  );
}
