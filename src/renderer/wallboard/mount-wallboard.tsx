/** The wallboard's React root (a window of its own, or a TV's browser on /wallboard). */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { WallboardApp } from './WallboardApp';

export function mountWallboard(root: HTMLElement): void {
  createRoot(root).render(
    <StrictMode>
      <WallboardApp />
    </StrictMode>,
  );
}
