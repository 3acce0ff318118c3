/** @jsxImportSource react */
import { useSyncExternalStore } from 'react';
import { setState, useStudio, type ProfileName } from './store';
import { worlds } from './worlds';

export function StatusBar() {
  const build = useStudio((s) => s.build);
  const plan = useStudio((s) => s.plan);
  const connected = useStudio((s) => s.connected);
  const profile = useStudio((s) => s.profile);
  const guides = useStudio((s) => s.guides);
  const lastUpdateMs = useStudio((s) => s.lastUpdateMs);
  const worldMs = useSyncExternalStore(
    (l) => worlds.subscribe(l),
    () => worlds.lastBuildMs,
  );
  const warnings = build?.issues.filter((i) => i.severity === 'warning') ?? [];
  const shots = plan?.scenes.reduce((n, s) => n + s.shots.length, 0) ?? 0;
  return (
    <div className="status">
      {plan && (
        <span>
          {plan.scenes.length} scenes · {shots} shots · {plan.totalFrames} f @ {+plan.fpsValue.toFixed(3)} fps · {plan.resolution[0]}×{plan.resolution[1]}
        </span>
      )}
      {build && (
        <span className={build.ok ? 'ok' : 'bad'} data-testid="build-status" data-version={build.version} data-ok={String(build.ok)}>
          build {build.version} {build.ok ? `ok in ${Math.round(build.timings.total ?? 0)} ms` : 'failed'}
        </span>
      )}
      {warnings.length > 0 && <span className="warn" title={warnings.map((w) => w.message).join('\n')}>{warnings.length} warning{warnings.length === 1 ? '' : 's'}</span>}
      {lastUpdateMs !== undefined && <span title="From the file change on disk to the new picture on screen">updated {lastUpdateMs} ms after save</span>}
      <span title="World build time of the last scene built">world {Math.round(worldMs)} ms</span>
      <label>
        quality{' '}
        <select value={profile} onChange={(e) => setState({ profile: e.target.value as ProfileName })} data-testid="quality">
          <option value="draft">draft</option>
          <option value="preview">preview</option>
          <option value="final">final</option>
        </select>
      </label>
      <label>
        <input type="checkbox" checked={guides} onChange={(e) => setState({ guides: e.target.checked })} /> guides
      </label>
      <span className={connected ? 'ok' : 'bad'}>{connected ? '● live' : '○ disconnected'}</span>
    </div>
  );
}
