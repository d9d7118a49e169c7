/**
 * The app-wide keys; App calls this once. Ctrl/Cmd+K palette, N or Ctrl+Alt+N new request, ? or
 * F1 help, Esc closes the top overlay (palette, help, new request, drawer). Plain keys typed
 * into fields are left alone; an overlay that handled Esc itself marks the event handled.
 */
import { useEffect } from 'react';
import { useUiStore } from '../store/ui-store';
import { shortcutFor } from './shortcuts';

/** Closes the topmost overlay; false when none was open. */
export function closeTopOverlay(): boolean {
  const ui = useUiStore.getState();
  if (ui.paletteOpen) ui.setPaletteOpen(false);
  else if (ui.helpOpen) ui.setHelpOpen(false);
  else if (ui.createOpen) ui.setCreateOpen(false);
  else if (ui.selectedTaskId) ui.selectTask(null);
  else return false;
  return true;
}

export function useGlobalShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const action = shortcutFor(event);
      if (!action) return;
      const ui = useUiStore.getState();
      switch (action) {
        case 'palette':
          event.preventDefault();
          ui.setHelpOpen(false);
          ui.setPaletteOpen(!ui.paletteOpen);
          return;
        case 'create':
          event.preventDefault();
          ui.setPaletteOpen(false);
          ui.setHelpOpen(false);
          ui.setCreateOpen(true);
          return;
        case 'help':
          event.preventDefault();
          ui.setPaletteOpen(false);
          ui.setHelpOpen(true);
          return;
        case 'escape':
          if (closeTopOverlay()) event.preventDefault();
          return;
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
