/** @jsxImportSource react */
import { useEffect } from 'react';
import { CameraView } from './CameraView';
import { ErrorOverlay } from './ErrorOverlay';
import { OrbitView } from './OrbitView';
import { RenderPanel } from './RenderPanel';
import { ShotList } from './ShotList';
import { StatusBar } from './StatusBar';
import { Timeline } from './Timeline';
import { Transport } from './Transport';
import { getState, useStudio } from './store';
import { cutIndexAt, seek, togglePlay } from './viewport';

/** NLE keys: space plays, arrows step frames (shift: a second), up/down jump between shots. */
function useKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement;
      if (t.closest('input, select, textarea')) return;
      const s = getState();
      if (!s.plan) return;
      const fps = Math.round(s.plan.fpsValue);
      const i = cutIndexAt(s.plan, s.frame);
      const handled: Record<string, () => void> = {
        ' ': togglePlay,
        k: togglePlay,
        ArrowLeft: () => seek(s.frame - (e.shiftKey ? fps : 1)),
        ArrowRight: () => seek(s.frame + (e.shiftKey ? fps : 1)),
        ArrowUp: () => seek(s.frame > s.plan!.cut[i].startFrame ? s.plan!.cut[i].startFrame : s.plan!.cut[Math.max(0, i - 1)].startFrame),
        ArrowDown: () => seek(s.plan!.cut[Math.min(s.plan!.cut.length - 1, i + 1)].startFrame),
        Home: () => seek(0),
        End: () => seek(s.plan!.totalFrames - 1),
      };
      const f = handled[e.key];
      if (f) {
        e.preventDefault();
        f();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

export function App() {
  useKeys();
  const title = useStudio((s) => s.plan?.title ?? s.build?.file.split('/').pop() ?? 'kino studio');
  useEffect(() => {
    document.title = `${title} · kino studio`;
  }, [title]);
  return (
    <div className="studio">
      <header className="bar">
        <span className="brand">kino</span>
        <span className="title">{title}</span>
        <StatusBar />
      </header>
      <aside className="side">
        <ShotList />
        <RenderPanel />
      </aside>
      <main className="views">
        <CameraView />
        <OrbitView />
        <ErrorOverlay />
      </main>
      <footer className="edit">
        <Transport />
        <Timeline />
      </footer>
    </div>
  );
}
