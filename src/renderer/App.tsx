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
import { BoardScreen } from './screens/BoardScreen';
import { StatusBar } from './statusbar/StatusBar';
import { Toasts } from './statusbar/Toasts';
import { useGlobalShortcuts } from './palette/useGlobalShortcuts';
import { KeychainWait } from './screens/KeychainWait';
import { browserSurface, createPageNotifier } from './shared-ui/page-notifier';


// The reports (and ECharts, most of their weight) load when first opened, not with the board.
const ReportsScreen = lazy(() => import('./reports/ReportsScreen').then((module) => ({ default: module.ReportsScreen })));
// What the first paint does not show loads beside it, not before it: the overlays (each renders
// nothing until opened), the settings, and the first-run steps.
const Drawer = lazy(() => import('./drawer/Drawer').then((module) => ({ default: module.Drawer })));
const CreateDialog = lazy(() => import('./create/CreateDialog').then((module) => ({ default: module.CreateDialog })));
const CommandPalette = lazy(() => import('./palette/CommandPalette').then((module) => ({ default: module.CommandPalette })));
const HelpOverlay = lazy(() => import('./palette/HelpOverlay').then((module) => ({ default: module.HelpOverlay })));
const SettingsScreen = lazy(() => import('./settings/SettingsScreen').then((module) => ({ default: module.SettingsScreen })));
const FirstRun = lazy(() => import('./firstrun/FirstRun').then((module) => ({ default: module.FirstRun })));
/**
 * The page's link to its host, for the page's lifetime: host events into the store, the shared
 * clock, and the boot. Called before React's first render (mount-console.tsx), so that render
 * already finds the answers main.tsx prefetched.
 */
export function startHostSession(): void {
  startClock();
  const openTask = (taskId: string) => useUiStore.getState().selectTask(taskId);
  const notifier = createPageNotifier(browserSurface(), document.title, openTask);
  const seen = () => document.visibilityState === 'visible' && notifier.seen();
  window.addEventListener('focus', seen);
  document.addEventListener('visibilitychange', seen);
  connectHostEvents(appStore, onHostEvent, { openTask, pageNotices: (notices) => notifier.show(notices) });
  void appStore.getState().start();
}

function useVisibilityReports(): void {
  useEffect(() => {
    // Poll fast while someone looks at the window, slowly when it is hidden.
    const onVisibility = () => void pult.setVisible(document.visibilityState === 'visible').catch(() => undefined);
    document.addEventListener('visibilitychange', onVisibility);
    // Say so at start too: the host counts every open window, and this one may be the only one.
    onVisibility();
    return () => document.removeEventListener('visibilitychange', onVisibility);
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
  if (boot === 'first-run' || reconnecting) {
    return (
      <Suspense fallback={<p className="app__loading">{t('board.loading')}</p>}>
        <FirstRun />
      </Suspense>
    );
  }
  const loadingScreen = <p role="status" className="workspace__loading">{t('board.loading')}</p>;
  return (
    <>
      {screen === 'reports' ? <main className="workspace"><Suspense fallback={<p role="status" className="workspace__loading">{t('reports.loading')}</p>}><ReportsScreen /></Suspense></main> : screen === 'settings' ? <main className="workspace"><Suspense fallback={loadingScreen}><SettingsScreen /></Suspense></main> : <BoardScreen />}
      <StatusBar />
      <Toasts />
      <Suspense fallback={null}>
        <Drawer />
        <CreateDialog />
        <CommandPalette onSwitchGroup={(groupId) => void appStore.getState().selectGroup(groupId)} />
        <HelpOverlay />
      </Suspense>
    </>
  );
}

export function App({ requestedLanguage }: { requestedLanguage: string | null }) {
  useVisibilityReports();
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
