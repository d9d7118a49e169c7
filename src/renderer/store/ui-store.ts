/**
 * Navigation and overlay state shared by every screen: which screen is shown, which card is open
 * in the drawer, which overlays are up. Data (board, directory, sync status) lives in other slices.
 */
import { create } from 'zustand';

export type Screen = 'board' | 'list' | 'settings' | 'reports';

export interface UiState {
  screen: Screen;
  /** The card open in the drawer. */
  selectedTaskId: string | null;
  paletteOpen: boolean;
  helpOpen: boolean;
  /** The "new request" dialog, optionally for a group. */
  createOpen: boolean;
  queuePanelOpen: boolean;
  setScreen(screen: Screen): void;
  selectTask(taskId: string | null): void;
  setPaletteOpen(open: boolean): void;
  setHelpOpen(open: boolean): void;
  setCreateOpen(open: boolean): void;
  setQueuePanelOpen(open: boolean): void;
}

export const useUiStore = create<UiState>()((set) => ({
  screen: 'board',
  selectedTaskId: null,
  paletteOpen: false,
  helpOpen: false,
  createOpen: false,
  queuePanelOpen: false,
  setScreen: (screen) => set({ screen }),
  selectTask: (selectedTaskId) => set({ selectedTaskId }),
  setPaletteOpen: (paletteOpen) => set({ paletteOpen }),
  setHelpOpen: (helpOpen) => set({ helpOpen }),
  setCreateOpen: (createOpen) => set({ createOpen }),
  setQueuePanelOpen: (queuePanelOpen) => set({ queuePanelOpen }),
}));
