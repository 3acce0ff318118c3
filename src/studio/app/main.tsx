/** @jsxImportSource react */
// The studio page's entry: React DOM for the panels, R3F for the orbit view. Served by Vite with
// React Fast Refresh, so editing the studio itself keeps the page's state too.

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connect } from './channel';
import { getState } from './store';
import { drawnVersion, seek, still, togglePlay } from './viewport';
import './studio.css';

// A scripting handle (end-to-end tests, bookmarklets): read the state, move the playhead.
(window as unknown as { kinoStudio: unknown }).kinoStudio = { getState, seek, togglePlay, still, drawnVersion };

connect();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
