/** The renderer's data store, built over an API so tests can drive it with a fake host. */
import { createStore } from 'zustand';
import type { PultApi, PultEvent } from '../../shared/api';
import type { AppState } from './app-state';
import { createSessionSlice } from './session-slice';
import { createBoardSlice } from './board-slice';
import { createNoticeSlice } from './notice-slice';
import { createViewSlice } from './view-slice';

export function createAppStore(api: PultApi) {
  return createStore<AppState>()((...args) => ({
    ...createSessionSlice(api)(...args),
    ...createBoardSlice(api)(...args),
    ...createNoticeSlice(...args),
    ...createViewSlice(...args),
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;

export const BOARD_REFRESH_DEBOUNCE_MS = 150;

/**
 * Host events into the store. Board changes come in bursts (a pull, then a flush), so refreshes
 * are debounced; a refresh also re-reads the outbox for the queue marks.
 */
export function connectHostEvents(
  store: AppStore,
  subscribe: (listener: (event: PultEvent) => void) => () => void,
  handlers: { openTask?: (taskId: string) => void } = {},
): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const refresh = () => {
    timer = null;
    const state = store.getState();
    if (state.boot !== 'ready') return;
    void state.refreshBoards();
    void state.refreshQueued();
    if ((state.directory?.users.length ?? 0) === 0) void state.refreshDirectory();
  };
  const off = subscribe((event) => {
    const state = store.getState();
    switch (event.type) {
      case 'status':
        state.applyStatus(event.status);
        break;
      case 'board-changed':
        if (timer) clearTimeout(timer);
        timer = setTimeout(refresh, BOARD_REFRESH_DEBOUNCE_MS);
        break;
      case 'notice':
        state.pushNotice(event.notice);
        break;
      case 'settings-changed':
        state.applySettings(event.settings);
        break;
      case 'open-task':
        handlers.openTask?.(event.taskId);
        break;
    }
  });
  return () => {
    if (timer) clearTimeout(timer);
    off();
  };
}
