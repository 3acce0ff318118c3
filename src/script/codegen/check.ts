// "Is the speaker on screen while they speak?" — checked on the plan, frame by frame, the way the
// audience sees the cut: for every edit frame, the shot being shown, its camera at that instant
// (evaluateView), and every line being spoken at that scene time. The speaker's head must project
// inside the frame and be in front of the camera. Off-screen voices (lines whose speaker the
// caller marks as heard-not-seen) are skipped.

import { cross, dot, norm, sub, type V3 } from '../../plan/math';
import { evaluateView, type CameraState } from '../../plan/evaluate';
import { eyesAt } from '../../plan/performance/pose';
import type { FilmPlan } from '../../plan/schema';

export interface LineVisibility {
  scene: string;
  line: string;
  who: string;
  text: string;
  /** Edit frames during which the line is heard. */
  frames: number;
  /** Of those, frames with the speaker's head inside the frame, in front of the camera. */
  visible: number;
  /** Shots the invisible frames fell in. */
  offIn: string[];
}

/** Where a world point lands in a camera's frame: x, y in [−1, 1] inside; depth along the view. */
export function projectPoint(cam: CameraState, p: V3): { x: number; y: number; depth: number } {
  const forward = norm(sub(cam.target, cam.position));
  const right = norm(cross(forward, cam.up));
  const up = cross(right, forward);
  const d = sub(p, cam.position);
  const depth = dot(d, forward);
  if (cam.projection && cam.projection !== 'perspective') {
    const h = (cam.orthoHeight ?? 4) / 2;
    return { x: dot(d, right) / (h * cam.aspect), y: dot(d, up) / h, depth };
  }
  const tanV = Math.tan((cam.fovDeg * Math.PI) / 360);
  if (depth <= 1e-6) return { x: Infinity, y: Infinity, depth };
  return { x: dot(d, right) / depth / (tanV * cam.aspect), y: dot(d, up) / depth / tanV, depth };
}

/**
 * The part of the planned frame that reaches the screen, in projectPoint's units. A look can
 * narrow it: a retro pixel grid of another aspect renders with the same vertical field of view
 * (a 256×224 SNES frame shows less width than a 16:9 plan), and a letterbox grade masks the top
 * and bottom. Read from the style department's ShotPlan.ext.style.
 */
export function frameLimits(ext: Record<string, unknown> | undefined, planAspect: number): { x: number; y: number } {
  const style = ext?.style as { size?: { width: number; height: number }; grade?: { letterbox?: number } } | undefined;
  const aspect = style?.size ? style.size.width / style.size.height : planAspect;
  const x = Math.min(1, aspect / planAspect);
  const box = style?.grade?.letterbox ?? 0;
  const y = box > aspect ? aspect / box : 1;
  return { x, y };
}

/**
 * Visibility of every line's speaker over the cut. `offScreen(sceneId, lineId)` marks lines that
 * are meant to be heard only (V.O., O.S.).
 */
export function speakerVisibility(plan: FilmPlan, offScreen: (sceneId: string, lineId: string) => boolean = () => false): LineVisibility[] {
  const out = new Map<string, LineVisibility>();
  const fps = plan.fpsValue;
  plan.scenes.forEach((scene, si) => {
    for (const l of scene.lines) {
      if (offScreen(scene.id, l.id)) continue;
      out.set(`${scene.id}/${l.id}`, { scene: scene.id, line: l.id, who: l.who, text: l.text, frames: 0, visible: 0, offIn: [] });
    }
    scene.shots.forEach((shot, shi) => {
      for (let f = 0; f < shot.frames; f++) {
        const shotTime = (f + 0.5) / fps;
        const t = shot.sceneIn + shotTime;
        const speaking = scene.lines.filter((l) => l.t0 <= t && t < l.t1 && out.has(`${scene.id}/${l.id}`));
        if (!speaking.length) continue;
        const view = evaluateView(plan, si, shi, shotTime);
        const limits = frameLimits(shot.ext, view.camera.aspect);
        for (const l of speaking) {
          const rec = out.get(`${scene.id}/${l.id}`)!;
          rec.frames++;
          const ch = scene.cast[l.who];
          const pf = scene.performances[l.who];
          if (!ch || !pf) continue;
          const eyes = eyesAt(ch, pf, t);
          // The centre of the head sits a little above the eyes.
          const head: V3 = [eyes[0], eyes[1] + 0.04 * ch.body.height, eyes[2]];
          const p = projectPoint(view.camera, head);
          if (p.depth > view.camera.near && Math.abs(p.x) <= limits.x && Math.abs(p.y) <= limits.y) rec.visible++;
          else if (!rec.offIn.includes(shot.key)) rec.offIn.push(shot.key);
        }
      }
    });
  });
  return [...out.values()];
}
