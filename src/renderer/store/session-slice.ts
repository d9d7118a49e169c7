/** What the host knows about the connection: app info, settings, directory, sync status, the outbox. */
import type { AppInfo, Directory, GroupSummary, PultApi, QueuedEdit } from '../../shared/api';
import type { Settings } from '../../core/domain/settings';
import type { SliceCreator } from './app-state';
import { ALL_GROUPS } from '../board/combined-model';

export type SyncStatus = Awaited<ReturnType<PultApi['getSyncStatus']>>;

/** `waiting`: a saved connection waits for the OS keychain (see AppInfo.keychainWait). */
export type BootState = 'loading' | 'first-run' | 'waiting' | 'ready' | 'failed';

export interface SessionSlice {
  boot: BootState;
  bootError: string | null;
  appInfo: AppInfo | null;
  settings: Settings | null;
  directory: Directory | null;
  status: SyncStatus | null;
  queued: QueuedEdit[];
  /** Names of the portal's groups, for the group switcher (empty while the portal is unreachable). */
  groups: GroupSummary[];
  /** The agent asked to connect again (signed out, or "sign in" from the status bar). */
  reconnecting: boolean;
  start(): Promise<void>;
  /** Reads everything again without leaving the screen (the host link came back; events may be lost). */
  resync(): Promise<void>;
  refreshQueued(): Promise<void>;
  refreshGroups(): Promise<void>;
  refreshDirectory(): Promise<void>;
  applyStatus(status: SyncStatus): void;
  applySettings(settings: Settings): void;
  setReconnecting(reconnecting: boolean): void;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export const createSessionSlice =
  (api: PultApi): SliceCreator<SessionSlice> =>
  (set, get) => ({
    boot: 'loading',
    bootError: null,
    appInfo: null,
    settings: null,
    directory: null,
    status: null,
    queued: [],
    groups: [],
    reconnecting: false,

    async start() {
      set({ boot: 'loading', bootError: null });
      try {
        const [appInfo, settings] = await Promise.all([api.getAppInfo(), api.getSettings()]);
        set({ appInfo, settings });
        if (appInfo.keychainWait) {
          set({ boot: 'waiting' });
          return;
        }
        if (!appInfo.connection || !appInfo.configured) {
          set({ boot: 'first-run' });
          return;
        }
        // The board is asked for at once, beside the rest: its first page paints the console.
        // Someone bound to several groups starts on the combined board of all their requests.
        const groupId = get().activeGroupId ?? (settings.groupIds.length > 1 ? ALL_GROUPS : (settings.groupIds[0] ?? null));
        const board = groupId ? get().selectGroup(groupId) : Promise.resolve();
        const [directory, status, queued] = await Promise.all([api.getDirectory(), api.getSyncStatus(), api.listQueued()]);
        set({ directory, status, queued, boot: 'ready', reconnecting: false });
        void get().refreshGroups();
        await board;
      } catch (error) {
        set({ boot: 'failed', bootError: message(error) });
      }
    },

    async resync() {
      if (get().boot !== 'ready') {
        await get().start();
        return;
      }
      try {
        const [appInfo, settings] = await Promise.all([api.getAppInfo(), api.getSettings()]);
        // Signed out, or the keychain locked meanwhile: the screen itself changes.
        if (appInfo.keychainWait || !appInfo.connection || !appInfo.configured) {
          await get().start();
          return;
        }
        set({ appInfo });
        get().applySettings(settings);
        const [status, queued] = await Promise.all([api.getSyncStatus(), api.listQueued()]);
        set({ status, queued });
        get().applyDelta({ reset: true, groups: [], taskIds: [], directory: true, queued: null });
        await Promise.all([get().refreshDirectory(), get().refreshGroups()]);
      } catch {
        // The host went away again: the next reconnect reads again.
      }
    },

    async refreshQueued() {
      try {
        set({ queued: await api.listQueued() });
      } catch {
        // The next board change or status event asks again.
      }
    },

    async refreshGroups() {
      try {
        set({ groups: await api.listGroups() });
      } catch {
        // Offline: the switcher shows group numbers until the portal answers.
      }
    },

    async refreshDirectory() {
      try {
        set({ directory: await api.getDirectory() });
      } catch {
        // Keep the directory we have: names stay readable while offline.
      }
    },

    applyStatus(status) {
      const previous = get().status;
      set({ status });
      const counts = (s: SyncStatus | null) => (s ? `${s.queued}/${s.failed}/${s.conflicts}` : '');
      if (counts(previous) !== counts(status)) void get().refreshQueued();
      // The directory fills during the first sync; read it once that is over.
      if (previous?.firstSync && !status.firstSync) void get().refreshDirectory();
      // Group names that could not be read at start are read again when the portal answers.
      const namesMissing = get().groups.length === 0 && (get().settings?.groupIds.length ?? 0) > 0;
      if (namesMissing && status.connectivity === 'online' && previous?.connectivity !== 'online') void get().refreshGroups();
    },

    applySettings(settings) {
      set({ settings });
      // Down to one bound group: its own board replaces the combined one (which has no tab then).
      const only = settings.groupIds.length === 1 ? settings.groupIds[0] : undefined;
      if (get().activeGroupId === ALL_GROUPS && only) void get().selectGroup(only);
      // The connection and what it may do (notifications, the user's ID) can change with them.
      void api.getAppInfo().then((appInfo) => set({ appInfo }), () => undefined);
    },

    setReconnecting(reconnecting) {
      set({ reconnecting });
    },
  });
