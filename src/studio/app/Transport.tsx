/** @jsxImportSource react */
import { timecode } from './format';
import { getState, useStudio } from './store';
import { cutIndexAt, seek, togglePlay } from './viewport';

function jump(dir: -1 | 1): void {
  const s = getState();
  if (!s.plan) return;
  const i = cutIndexAt(s.plan, s.frame);
  const start = s.plan.cut[i].startFrame;
  if (dir < 0) seek(s.frame > start ? start : s.plan.cut[Math.max(0, i - 1)].startFrame);
  else seek(s.plan.cut[Math.min(s.plan.cut.length - 1, i + 1)].startFrame);
}

// Icons as SVG paths: transport glyphs are missing from many system fonts.
const ICONS = {
  prevShot: 'M3 2h2v12H3zM14 2v12L6 8z',
  prevFrame: 'M12 2v12L4 8z',
  play: 'M4 2v12l10-6z',
  pause: 'M3 2h4v12H3zM9 2h4v12H9z',
  nextFrame: 'M4 2v12l8-6z',
  nextShot: 'M11 2h2v12h-2zM2 2v12l8-6z',
};
function Icon({ d }: { d: string }) {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true">
      <path d={d} />
    </svg>
  );
}

export function Transport() {
  const plan = useStudio((s) => s.plan);
  const frame = useStudio((s) => s.frame);
  const playing = useStudio((s) => s.playing);
  const fps = plan?.fpsValue ?? 24;
  return (
    <div className="transport">
      <button onClick={() => jump(-1)} title="Previous shot (↑)" disabled={!plan} aria-label="Previous shot"><Icon d={ICONS.prevShot} /></button>
      <button onClick={() => seek(frame - 1)} title="Previous frame (←)" disabled={!plan} aria-label="Previous frame"><Icon d={ICONS.prevFrame} /></button>
      <button onClick={togglePlay} title="Play/pause (space)" data-testid="play" disabled={!plan} className="play" aria-label={playing ? 'Pause' : 'Play'}>
        <Icon d={playing ? ICONS.pause : ICONS.play} />
      </button>
      <button onClick={() => seek(frame + 1)} title="Next frame (→)" disabled={!plan} aria-label="Next frame"><Icon d={ICONS.nextFrame} /></button>
      <button onClick={() => jump(1)} title="Next shot (↓)" disabled={!plan} aria-label="Next shot"><Icon d={ICONS.nextShot} /></button>
      <span className="tc big" data-testid="timecode">{timecode(frame, fps)}</span>
      <span className="frameno" data-testid="frame" data-frame={frame}>
        frame {frame}
        {plan ? ` / ${plan.totalFrames}` : ''}
      </span>
      <span className="fps">{+fps.toFixed(3)} fps</span>
    </div>
  );
}
