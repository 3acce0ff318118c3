/** @jsxImportSource react */
// The edit as a timeline: a ruler, a scene track, a shot track (transitions marked) and the
// playhead. Click or drag anywhere to scrub.

import { useRef } from 'react';
import { useStudio } from './store';
import { seek } from './viewport';

export function Timeline() {
  const plan = useStudio((s) => s.plan);
  const frame = useStudio((s) => s.frame);
  const selected = useStudio((s) => s.selected);
  const el = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);
  if (!plan) return <div className="timeline empty" />;
  const total = Math.max(1, plan.totalFrames);
  const pct = (f: number) => `${(100 * f) / total}%`;
  const toFrame = (clientX: number) => {
    const r = el.current!.getBoundingClientRect();
    return Math.floor(((clientX - r.left) / r.width) * total);
  };
  const step = plan.duration > 120 ? 10 : plan.duration > 40 ? 5 : 1;
  const ticks: number[] = [];
  for (let t = 0; t <= plan.duration; t += step) ticks.push(t);
  return (
    <div
      className="timeline"
      ref={el}
      data-testid="timeline"
      onPointerDown={(e) => {
        dragging.current = true;
        el.current!.setPointerCapture(e.pointerId);
        seek(toFrame(e.clientX));
      }}
      onPointerMove={(e) => {
        if (dragging.current) seek(toFrame(e.clientX));
      }}
      onPointerUp={(e) => {
        dragging.current = false;
        el.current!.releasePointerCapture(e.pointerId);
      }}
    >
      <div className="ruler">
        {ticks.map((t) => (
          <span key={t} style={{ left: pct(t * plan.fpsValue) }}>
            {t}s
          </span>
        ))}
      </div>
      <div className="track scenes">
        {plan.scenes.map((s) => (
          <div key={s.id} className="seg scene" style={{ left: pct(s.startFrame), width: pct(s.endFrame - s.startFrame) }} title={s.heading}>
            {s.number}. {s.heading}
          </div>
        ))}
      </div>
      <div className="track shots">
        {plan.cut.map((c) => {
          const shot = plan.scenes[c.scene].shots[c.shot];
          const t = shot.transitionIn;
          return (
            <div
              key={shot.key}
              className={`seg shot${shot.key === selected ? ' selected' : ''} s${c.scene % 4}`}
              style={{ left: pct(c.startFrame), width: pct(c.endFrame - c.startFrame) }}
              title={`${shot.key} ${shot.size ?? ''} ${shot.frames} f`}
              data-key={shot.key}
            >
              {t && t.kind !== 'cut' && (
                // Dissolves and wipes straddle the cut; fades sit at the head of the shot.
                <span
                  className={`trans ${t.kind}`}
                  style={{
                    left: `${(-100 * (t.kind === 'dissolve' || t.kind === 'wipe' ? Math.floor(t.frames / 2) : 0)) / Math.max(1, c.endFrame - c.startFrame)}%`,
                    width: `${(100 * t.frames) / Math.max(1, c.endFrame - c.startFrame)}%`,
                  }}
                  title={`${t.kind} ${t.frames} f`}
                />
              )}
              {shot.id}
            </div>
          );
        })}
      </div>
      <div className="playhead" style={{ left: pct(frame + 0.5) }} />
    </div>
  );
}
