import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { WallboardApp } from './wallboard/WallboardApp';
import { useUiStore } from './store/ui-store';
import './styles.css';
import './styles/board.css';
import './styles/firstrun.css';
import './styles/statusbar.css';

// The wallboard (Electron's wallboard window loads `#wallboard`; a TV's browser opens /wallboard).
const isWallboard = location.pathname.endsWith('/wallboard') || location.hash === '#wallboard';
// `#reports` opens the reports screen directly (tests, bookmarks) until navigation links to it.
if (location.hash === '#reports') useUiStore.getState().setScreen('reports');

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    {isWallboard ? <WallboardApp /> : <App requestedLanguage={new URLSearchParams(window.location.search).get('lang')} />}
  </StrictMode>,
);
