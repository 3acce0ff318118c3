/** @jsxImportSource react */
// The camera view: the shot under the playhead through its own lens, at the film's aspect ratio.

import { useEffect, useRef, useState } from 'react';
import { CameraRenderer } from './camera-renderer';
import { timecode } from './format';
import { useStudio } from './store';
import { attachCamera, onDrawn, requestDraw, still, type Published } from './viewport';

function saveStill(title: string, key: string, frame: number): void {
  const url = still();
  if (!url) return;
  const a = document.createElement('a');
  a.href = url;
  a.download = `${title}-${key}-${String(frame).padStart(5, '0')}.png`.replace(/[^\w.-]+/g, '_');
  a.click();
}

export function CameraView() {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const renderer = useRef<CameraRenderer | undefined>(undefined);
  const plan = useStudio((s) => s.plan);
  const frame = useStudio((s) => s.frame);
  const guides = useStudio((s) => s.guides);
  const [fit, setFit] = useState<{ w: number; h: number }>({ w: 0, h: 0 });
  const [info, setInfo] = useState<Published | undefined>(undefined);
  const aspect = plan ? plan.resolution[0] / plan.resolution[1] : 16 / 9;

  useEffect(() => {
    const r = new CameraRenderer(canvas.current!);
    renderer.current = r;
    attachCamera(r);
    const off = onDrawn(setInfo);
    return () => {
      off();
      attachCamera(undefined);
      r.dispose();
      renderer.current = undefined;
    };
  }, []);

  // Fit the frame into the panel (letterbox or pillarbox), drawing at device pixels up to the film's size.
  useEffect(() => {
    const el = box.current!;
    const ro = new ResizeObserver(() => {
      const bw = el.clientWidth;
      const bh = el.clientHeight - 24;
      const w = Math.max(16, Math.min(bw, bh * aspect));
      const h = w / aspect;
      setFit({ w, h });
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [aspect]);

  useEffect(() => {
    const r = renderer.current;
    if (!r || !fit.w) return;
    const dpr = window.devicePixelRatio || 1;
    const maxW = plan?.resolution[0] ?? 1920;
    const w = Math.min(fit.w * dpr, maxW);
    r.setSize(w, w / aspect);
    requestDraw();
  }, [fit, aspect, plan]);

  const cur = info?.current;
  const shot = cur && plan?.scenes[cur.sceneIndex]?.shots[cur.shotIndex];
  return (
    <section className="panel camera" ref={box}>
      <div className="frame" style={{ width: fit.w, height: fit.h }}>
        <canvas ref={canvas} data-testid="camera-view" style={{ width: fit.w, height: fit.h }} />
        {guides && (
          <svg className="guides" viewBox="0 0 100 100" preserveAspectRatio="none">
            <rect x="5" y="5" width="90" height="90" />
            <rect x="10" y="10" width="80" height="80" />
            <line x1="33.33" y1="0" x2="33.33" y2="100" />
            <line x1="66.67" y1="0" x2="66.67" y2="100" />
            <line x1="0" y1="33.33" x2="100" y2="33.33" />
            <line x1="0" y1="66.67" x2="100" y2="66.67" />
          </svg>
        )}
      </div>
      <div className="caption">
        {shot && cur ? (
          <>
            <b>{shot.key}</b>
            {shot.size && <span>{shot.size}</span>}
            <span>{cur.camera.focalLengthMm.toFixed(0)} mm</span>
            {cur.camera.fStop && <span>T{cur.camera.fStop}</span>}
            <span>{shot.camera.rig}</span>
            {info?.state.mix && <span>{info.state.mix.kind} {Math.round(info.state.mix.progress * 100)}%</span>}
            <span className="tc">{timecode(frame, plan!.fpsValue)}</span>
            <button className="still" title="Save this frame as a PNG at the film's resolution" onClick={() => saveStill(plan!.title, shot.key, frame)}>
              still
            </button>
          </>
        ) : (
          <span>No picture yet</span>
        )}
      </div>
    </section>
  );
}
