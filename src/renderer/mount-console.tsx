/** The console's React root (loaded by main.tsx once the first calls to the host are out). */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, startHostSession } from './App';
import { useUiStore } from './store/ui-store';

export function mountConsole(root: HTMLElement): void {
  // `#reports` opens the reports screen directly (tests, bookmarks) until navigation links to it.
  if (location.hash === '#reports') useUiStore.getState().setScreen('reports');
  startHostSession();
  createRoot(root).render(
    <StrictMode>
      <App requestedLanguage={new URLSearchParams(window.location.search).get('lang')} />
    </StrictMode>,
  );
}
