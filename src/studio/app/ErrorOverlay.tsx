/** @jsxImportSource react */
// Build errors over the views, tsc-style (file:line:col, code, message, component path, hint),
// while the last good film stays on screen beneath. It clears itself on the next good build.

import { shortPath } from './format';
import { useStudio } from './store';

export function ErrorOverlay() {
  const build = useStudio((s) => s.build);
  const hasPlan = useStudio((s) => !!s.plan);
  if (!build || build.ok) return null;
  const errors = build.issues.filter((i) => i.severity === 'error');
  return (
    <div className="overlay" role="alert" data-testid="error-overlay">
      <h2>
        {errors.length} error{errors.length === 1 ? '' : 's'} in the film
        <small>{hasPlan ? ' — showing the last good version' : ' — nothing built yet'}</small>
      </h2>
      <ol>
        {errors.map((e, i) => {
          const loc = e.location;
          const where = loc?.file ? `${shortPath(loc.file, build.dir)}${loc.line ? `:${loc.line}${loc.column ? `:${loc.column}` : ''}` : ''}` : '';
          return (
            <li key={i}>
              {where && <code className="where">{where}</code>} <span className="code">{e.code}</span>
              <div className="msg">{e.message}</div>
              {e.componentPath && <div className="path">{e.componentPath}</div>}
              {e.hint && <div className="hint">{e.hint}</div>}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
