/** @jsxImportSource react */
// Scenes and their shots in cut order: size, lens, timecode in and length. Clicking a shot selects
// it and puts the playhead on its first frame.

import { seconds, timecode } from './format';
import { setState, useStudio } from './store';
import { shotKeyAt } from './viewport';

export function ShotList() {
  const plan = useStudio((s) => s.plan);
  const selected = useStudio((s) => s.selected);
  const current = useStudio((s) => (s.plan ? shotKeyAt(s.plan, s.frame) : null));
  if (!plan) return <nav className="shots empty">No film yet.</nav>;
  return (
    <nav className="shots" data-testid="shot-list">
      {plan.scenes.map((scene) => (
        <div className="scene" key={scene.id}>
          <h3 title={scene.heading}>
            <span className="num">{scene.number}</span> {scene.heading}
          </h3>
          {scene.shots.map((shot) => (
            <button
              key={shot.key}
              className={`shot${shot.key === selected ? ' selected' : ''}${shot.key === current ? ' current' : ''}`}
              data-key={shot.key}
              aria-pressed={shot.key === selected}
              title={shot.name}
              onClick={() => setState({ selected: shot.key, frame: shot.startFrame, playing: false })}
            >
              <span className="id">{shot.id}</span>
              <span className="size">{shot.size ?? '—'}</span>
              <span className="lens">{Math.round(shot.camera.focalLengthMm)}mm</span>
              <span className="tc">{timecode(shot.startFrame, plan.fpsValue)}</span>
              <span className="name">{shot.name && shot.name !== shot.id ? shot.name : ''}</span>
              <span className="len">{seconds(shot.frames, plan.fpsValue)}</span>
            </button>
          ))}
        </div>
      ))}
    </nav>
  );
}
