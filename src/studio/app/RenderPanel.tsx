/** @jsxImportSource react */
// Render the selected shot (or the whole film) through renderFilm, with live progress streamed
// from the server, and play the clip that comes out.

import { useState } from 'react';
import { requestRender } from './channel';
import { useStudio, type ProfileName } from './store';
import { shotKeyAt } from './viewport';

export function RenderPanel() {
  const plan = useStudio((s) => s.plan);
  const selected = useStudio((s) => s.selected ?? (s.plan ? shotKeyAt(s.plan, s.frame) : null));
  const render = useStudio((s) => s.render);
  const buildOk = useStudio((s) => s.build?.ok ?? false);
  const [profile, setProfile] = useState<ProfileName>('draft');
  const shotExists = !!plan && !!selected && plan.scenes.some((s) => s.shots.some((x) => x.key === selected));
  const cur = render.current;
  const scope = render.request?.scope;
  const clip = render.files.find((f) => f.kind === 'clip' && (scope?.kind !== 'shot' || f.shot === scope.key));
  const movie = render.files.find((f) => f.kind === 'movie');
  const shown = scope?.kind === 'shot' ? clip : movie ?? clip;
  return (
    <section className="render" data-testid="render-panel">
      <h3>Render</h3>
      <div className="row">
        <select value={profile} onChange={(e) => setProfile(e.target.value as ProfileName)} aria-label="Render profile">
          <option value="draft">draft</option>
          <option value="preview">preview</option>
          <option value="final">final</option>
        </select>
        <button data-testid="render-shot" disabled={!shotExists || render.running || !buildOk} onClick={() => requestRender({ scope: { kind: 'shot', key: selected! }, profile })}>
          Render shot{selected ? ` ${selected}` : ''}
        </button>
        <button data-testid="render-film" disabled={!plan || render.running || !buildOk} onClick={() => requestRender({ scope: { kind: 'film' }, profile })}>
          Render film
        </button>
      </div>
      {cur && (
        <div className="progress" data-testid="render-progress" data-done={cur.done} data-frames={cur.frames}>
          <div className="label">
            [{cur.index}/{cur.of}] {cur.key} · {cur.done}/{cur.frames} f{cur.fps ? ` · ${cur.fps.toFixed(1)} fps` : ''}
            {render.running && cur.eta ? ` · ${Math.ceil(cur.eta)} s left` : ''}
          </div>
          <div className="bar">
            <div style={{ width: `${(100 * cur.done) / Math.max(1, cur.frames)}%` }} />
          </div>
        </div>
      )}
      {render.log.length > 0 && (
        <ul className="log" data-testid="render-log">
          {render.log.slice(-8).map((l, i) => (
            <li key={i}>{l}</li>
          ))}
        </ul>
      )}
      {render.issues.length > 0 && (
        <ul className="issues">
          {render.issues.map((i, k) => (
            <li key={k}>
              <b>{i.code}</b> {i.message}
            </li>
          ))}
        </ul>
      )}
      {!render.running && shown && render.finished && (
        <figure>
          <video src={`/__kino/out/${shown.path}`} controls muted playsInline data-testid="render-video" />
          <figcaption>
            {shown.path}
            {` · rendered in ${render.finished.seconds.toFixed(1)} s`}
          </figcaption>
        </figure>
      )}
    </section>
  );
}
