/** The renderer's data store, built over an API so tests can drive it with a fake host. */
import { createStore } from 'zustand';
import type { PageNotice, PultApi, PultEvent } from '../../shared/api';
import { withPortalOffset } from '../../core/domain/board-delta';
import { setPortalOffset } from './clock-store';
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

/**
 * Host events into the store. A board delta is applied where it lands (no read of the board);
 * it carries the outbox when that changed, and says when the directory must be read again.
 */
export function connectHostEvents(
  store: AppStore,
  subscribe: (listener: (event: PultEvent) => void) => () => void,
  handlers: { openTask?: (taskId: string) => void; pageNotices?: (notices: PageNotice[]) => void } = {},
): () => void {
  return subscribe((event) => {
    const state = store.getState();
    switch (event.type) {
      case 'status':
        state.applyStatus(event.status);
        break;
      case 'board-delta':
        // Also while booting: the board is read beside the rest, and a delta meanwhile is held for it.
        state.applyDelta(event.delta);
        if (state.boot !== 'ready') break;
        if (event.delta.queued) store.setState({ queued: event.delta.queued });
        if (event.delta.directory || (state.directory?.users.length ?? 0) === 0) void state.refreshDirectory();
        break;
      case 'portal-clock':
        setPortalOffset(event.portalOffsetMs);
        store.setState({ boards: withPortalOffset(state.boards, event.portalOffsetMs) });
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
      case 'app-changed':
        void state.start();
        break;
      case 'host-reconnected':
        void state.resync();
        break;
      case 'page-notices':
        handlers.pageNotices?.(event.notices);
        break;
    }
  });
}
