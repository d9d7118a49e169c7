/**
 * The wallboard: a read-only, full-page view for a big screen (Electron's wallboard window, or a
 * TV's browser at /wallboard). Dark by default, large type, rotates between the bound groups and
 * never stops updating: there is no idle timeout anywhere.
 */
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { onHostEvent, pult } from '../bridge';
import { I18nProvider, useI18n } from '../i18n/context';
import { chooseLanguage } from '../app-environment';
import { buildGroupView } from './wallboard-model';
import { createWallboardFeed, type WallboardFeed } from './wallboard-feed';
import { DEFAULT_ROTATION_SECONDS, rotationIndex } from './rotation';
import { freshness } from './freshness';
import { WallboardHeader } from './WallboardHeader';
import { WallboardColumns } from './WallboardColumns';
import { LIST_LIMIT, WallboardLists } from './WallboardLists';
import { WallboardPlan } from './WallboardPlan';
import { ALL_GROUPS_PAGE, combineGroupViews } from './combined-view';
import './wallboard.css';

/** The view is recomputed on new data and every 10 s of clock time (timers move on). */
const VIEW_TICK_MS = 10_000;

function useNow(stepMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), stepMs);
    return () => window.clearInterval(timer);
  }, [stepMs]);
  return now;
}

/** The page: owns the data feed and the language (URL `?lang=`, then the settings, then the OS). */
export function WallboardApp() {
  const [feed] = useState(() => createWallboardFeed(pult, onHostEvent));
  const languageSetting = useSyncExternalStore(feed.subscribe, () => feed.getState().settings?.ui.language);
  const language = chooseLanguage(new URLSearchParams(window.location.search).get('lang'), languageSetting, navigator.languages);
  useEffect(() => {
    feed.start();
    return () => feed.stop();
  }, [feed]);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return (
    <I18nProvider language={language}>
      <Wallboard feed={feed} />
    </I18nProvider>
  );
}

function Wallboard({ feed }: { feed: WallboardFeed }) {
  const { t, language } = useI18n();
  const [startedAt] = useState(() => Date.now());
  const state = useSyncExternalStore(feed.subscribe, feed.getState);
  const now = useNow(1000);

  const settings = state.settings;
  const theme = settings?.ui.theme === 'light' ? 'light' : 'dark';
  useEffect(() => {
    document.body.classList.add('wallboard-page', `wallboard-page--${theme}`);
    document.title = `Pult — ${t('wallboard.title')}`;
    return () => document.body.classList.remove('wallboard-page', `wallboard-page--${theme}`);
  }, [theme, t]);

  const groups = (settings?.groupIds ?? []).filter((groupId) => state.boards[groupId]);
  // Several groups: after their own pages, one of all requests (as the console's «Все заявки»).
  const pages = groups.length > 1 ? [...groups, ALL_GROUPS_PAGE] : groups;
  const index = rotationIndex(startedAt, now, settings?.ui.wallboardRotationSeconds ?? DEFAULT_ROTATION_SECONDS, pages.length);
  const groupId = pages[index] ?? null;
  const combined = groupId === ALL_GROUPS_PAGE;
  const snapshot = groupId && !combined ? state.boards[groupId] : undefined;
  const report = groupId && !combined ? state.reports[groupId] : undefined;
  const portalNow = now + state.portalOffsetMs;
  const viewTick = Math.floor(portalNow / VIEW_TICK_MS);
  // The feed replaces its boards object on a change only: the combined page rebuilds with the data.
  const allBoards = combined ? state.boards : null;
  const groupKey = groups.join(',');

  const view = useMemo(() => {
    if (!settings) return null;
    const at = viewTick * VIEW_TICK_MS;
    if (allBoards) {
      const boards = groupKey.split(',').flatMap((id) => (allBoards[id] ? [allBoards[id]] : []));
      const views = boards.map((board) => buildGroupView({ snapshot: board, settings, users: state.users, now: at, topWiaCount: LIST_LIMIT }));
      return combineGroupViews(views, settings, (role) => t(`allBoard.role.${role}`), LIST_LIMIT);
    }
    return snapshot ? buildGroupView({ snapshot, settings, users: state.users, now: at, topWiaCount: LIST_LIMIT }) : null;
  }, [snapshot, settings, state.users, viewTick, t, allBoards, groupKey]);

  const offset = settings?.calendar.utcOffsetMinutes ?? 180;
  const fresh = freshness(state.status, portalNow, offset, language, state.hostReachable);

  let body;
  if (state.error && !view) body = <p className="wallboard__message" role="alert">{t('wallboard.unavailable', { message: state.error })}</p>;
  else if (settings && settings.groupIds.length === 0) body = <p className="wallboard__message">{t('wallboard.noGroups')}</p>;
  else if (!view || !settings) body = <p className="wallboard__message">{t('wallboard.loading')}</p>;
  else
    body = (
      <>
        <WallboardColumns columns={view.columns} />
        <WallboardLists view={view} users={state.users} />
        <WallboardPlan view={view} report={report ?? null} portalNow={portalNow} offset={offset} />
      </>
    );

  return (
    <div className={`wallboard wallboard--${theme}${fresh.stale ? ' wallboard--stale' : ''}`}>
      <WallboardHeader
        groupName={combined ? t('allBoard.tab') : groupId ? (state.groupNames[groupId] ?? `#${groupId}`) : t('wallboard.title')}
        index={index}
        count={pages.length}
        clock={portalNow}
        offset={offset}
        freshness={fresh}
      />
      <main className="wallboard__body">{body}</main>
    </div>
  );
}
