/** The status region: connection, queued edits (opens the queue), last sync, first-sync progress. */
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ALL_GROUPS } from '../board/combined-model';
import { pult } from '../bridge';
import { useI18n } from '../i18n/context';
import { localeOf, type Language } from '../i18n';
import { appStore, useAppStore } from '../store';
import { clockStore } from '../store/clock-store';
import { useUiStore } from '../store/ui-store';
import { QueuePanel } from './QueuePanel';

function formatTime(at: number, language: Language): string {
  return new Intl.DateTimeFormat(localeOf(language), { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(new Date(at));
}

/**
 * Browser mode: reminders become the browser's notifications once the user allows them; asked
 * when the user chooses to, not on load (browsers block prompts nobody asked for).
 */
function NotificationPermission() {
  const { t } = useI18n();
  const browserShell = useAppStore((state) => state.appInfo?.shell === 'browser');
  const [permission, setPermission] = useState(() => (typeof Notification === 'undefined' ? 'denied' : Notification.permission));
  if (!browserShell || permission !== 'default') return null;
  return (
    <button type="button" className="link-button" title={t('status.notifications.hint')} onClick={() => void Notification.requestPermission().then(setPermission, () => undefined)}>
      {t('status.notifications.enable')}
    </button>
  );
}

export function StatusBar() {
  const { t, language } = useI18n();
  const status = useAppStore(useShallow((state) => state.status));
  const panelOpen = useUiStore((state) => state.queuePanelOpen);
  const boardLoading = useAppStore(
    useShallow((state) => {
      // The combined board is as loaded as the first of its groups still being read.
      const shown = state.activeGroupId === ALL_GROUPS ? (state.settings?.groupIds ?? []) : state.activeGroupId ? [state.activeGroupId] : [];
      return shown.map((id) => state.boardsLoading[id]).find((loading) => loading !== undefined) ?? null;
    }),
  );
  const connectivity = status?.connectivity ?? 'online';
  const queued = status?.queued ?? 0;
  const failed = status?.failed ?? 0;
  const conflicts = status?.conflicts ?? 0;
  // lastSyncAt is portal time: shown on this computer's clock.
  const lastSync = status?.lastSyncAt != null ? formatTime(status.lastSyncAt - clockStore.getState().offsetMs, language) : null;
  return (
    <>
      {panelOpen && <QueuePanel />}
      <footer className="statusbar" role="status">
        <span className={`statusbar__conn statusbar__conn--${connectivity}`}>
          <span className="dot" aria-hidden="true" />
          {t(`status.${connectivity}`)}
        </span>
        {connectivity === 'signed-out' && (
          <button type="button" className="link-button" onClick={() => appStore.getState().setReconnecting(true)}>
            {t('status.signIn')}
          </button>
        )}
        <button type="button" className={`statusbar__queue${failed + conflicts > 0 ? ' statusbar__queue--trouble' : ''}`} aria-expanded={panelOpen} onClick={() => useUiStore.getState().setQueuePanelOpen(!panelOpen)}>
          {t('status.queued', { n: queued })}
          {failed > 0 && <span className="statusbar__bad"> · {t('status.failed', { n: failed })}</span>}
          {conflicts > 0 && <span className="statusbar__bad"> · {t('status.conflicts', { n: conflicts })}</span>}
        </button>
        {status?.firstSync && (
          <span className="statusbar__progress">
            {status.firstSync.total > 0 ? t('status.firstSync', { read: status.firstSync.read, total: status.firstSync.total }) : t('status.firstSyncStart')}
            <progress max={Math.max(1, status.firstSync.total)} value={status.firstSync.read} />
          </span>
        )}
        {boardLoading && boardLoading.total > 0 && (
          <span className="statusbar__board-progress">
            {t('status.boardLoading', { read: boardLoading.read, total: boardLoading.total })}
            <progress max={boardLoading.total} value={boardLoading.read} />
          </span>
        )}
        <span className="statusbar__spacer" />
        <NotificationPermission />
        <span className="statusbar__sync">{lastSync ? t('status.lastSync', { time: lastSync }) : t('status.neverSynced')}</span>
        <button type="button" className="link-button" onClick={() => void pult.syncNow()}>
          {t('status.syncNow')}
        </button>
      </footer>
    </>
  );
}
