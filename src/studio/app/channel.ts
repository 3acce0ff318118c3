// The page's end of the studio protocol (protocol.ts), over Vite's HMR websocket: builds arrive
// as `kino:build`, render progress as `kino:render-status`; the page asks for the current build
// on every (re)connect and sends render requests.

import { EVENTS, type BuildMessage, type RenderMessage, type RenderRequest } from '../protocol';
import { applyBuild, applyRender, setState } from './store';

const hot = import.meta.hot;

export function connect(): void {
  if (!hot) throw new Error('The kino studio needs Vite’s dev server (import.meta.hot is missing).');
  hot.on(EVENTS.build, (m: BuildMessage) => applyBuild(m));
  hot.on(EVENTS.renderStatus, (m: RenderMessage) => applyRender(m));
  hot.on('vite:ws:disconnect', () => setState({ connected: false }));
  hot.on('vite:ws:connect', () => {
    setState({ connected: true });
    hot.send(EVENTS.hello, {});
  });
  setState({ connected: true });
  hot.send(EVENTS.hello, {});
}

export function requestRender(r: RenderRequest): void {
  hot?.send(EVENTS.render, r);
}

// Holds page-wide state: when it (or a module it imports) changes, reload the page rather than
// patch it in place (the user's place comes back from sessionStorage). Components, by contrast,
// update in place through Fast Refresh.
import.meta.hot?.accept(() => location.reload());
