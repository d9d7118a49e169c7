/**
 * The app shell: boots the data store from the host, routes between first run and the board,
 * and hosts the overlays (card drawer, new request). Host events feed the store from here.
 */
import { lazy, Suspense, useEffect } from 'react';
import { onHostEvent, pult } from './bridge';
import { I18nProvider, useI18n } from './i18n/context';
import { applyTheme, chooseLanguage } from './app-environment';
import { appStore, useAppStore } from './store';
import { connectHostEvents } from './store/app-store';
import { startClock } from './store/clock-store';
import { useUiStore } from './store/ui-store';
import { FirstRun } from './firstrun/FirstRun';
import { BoardScreen } from './screens/BoardScreen';
import { StatusBar } from './statusbar/StatusBar';
import { Toasts } from './statusbar/Toasts';
import { Drawer } from './drawer/Drawer';
import { CreateDialog } from './create/CreateDialog';
import { CommandPalette } from './palette/CommandPalette';
import { HelpOverlay } from './palette/HelpOverlay';
import { useGlobalShortcuts } from './palette/useGlobalShortcuts';
import { SettingsScreen } from './settings/SettingsScreen';
import { KeychainWait } from './screens/KeychainWait';


// The reports (and ECharts, most of their weight) load when first opened, not with the board.
const ReportsScreen = lazy(() => import('./reports/ReportsScreen').then((module) => ({ default: module.ReportsScreen })));
function useHostConnection(): void {
  useEffect(() => {
    const stopClock = startClock();
    const disconnect = connectHostEvents(appStore, onHostEvent, { openTask: (taskId) => useUiStore.getState().selectTask(taskId) });
    void appStore.getState().start();
    // Poll fast while someone looks at the window, slowly when it is hidden.
    const onVisibility = () => void pult.setVisible(document.visibilityState === 'visible').catch(() => undefined);
    document.addEventListener('visibilitychange', onVisibility);
    // Say so at start too: the host counts every open window, and this one may be the only one.
    onVisibility();
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      disconnect();
      stopClock();
    };
  }, []);
}

function Shell() {
  const { t } = useI18n();
  const boot = useAppStore((state) => state.boot);
  const bootError = useAppStore((state) => state.bootError);
  const reconnecting = useAppStore((state) => state.reconnecting);
  const keychainWait = useAppStore((state) => state.appInfo?.keychainWait ?? null);
  const screen = useUiStore((state) => state.screen);
  useGlobalShortcuts();
  if (boot === 'loading') return <p className="app__loading">{t('board.loading')}</p>;
  if (boot === 'failed') {
    return (
      <div role="alert" className="app__failed">
        <p>{t('error.load', { message: bootError ?? '' })}</p>
        <button type="button" onClick={() => void appStore.getState().start()}>
          {t('action.retry')}
        </button>
      </div>
    );
  }
  if (boot === 'waiting' && keychainWait) return <KeychainWait wait={keychainWait} />;
  if (boot === 'first-run' || reconnecting) return <FirstRun />;
  return (
    <>
      {screen === 'reports' ? <main className="workspace"><Suspense fallback={<p role="status" className="workspace__loading">{t('reports.loading')}</p>}><ReportsScreen /></Suspense></main> : screen === 'settings' ? <main className="workspace"><SettingsScreen /></main> : <BoardScreen />}
      <StatusBar />
      <Toasts />
      <Drawer />
      <CreateDialog />
      <CommandPalette onSwitchGroup={(groupId) => void appStore.getState().selectGroup(groupId)} />
      <HelpOverlay />
    </>
  );
}

export function App({ requestedLanguage }: { requestedLanguage: string | null }) {
  useHostConnection();
  const languageSetting = useAppStore((state) => state.settings?.ui.language);
  const theme = useAppStore((state) => state.settings?.ui.theme);
  const language = chooseLanguage(requestedLanguage, languageSetting, navigator.languages);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  useEffect(() => applyTheme(theme), [theme]);
  return (
    <I18nProvider language={language}>
      <div className="app">
        <Shell />
      </div>
    </I18nProvider>
  );
}
