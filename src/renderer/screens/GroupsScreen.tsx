import { useCallback, useEffect, useState } from 'react';
import type { AppInfo, GroupSummary } from '../../shared/api';
import { pult } from '../bridge';
import { useI18n } from '../i18n/context';

type LoadState =
  | { status: 'loading' }
  | { status: 'ready'; info: AppInfo; groups: GroupSummary[] }
  | { status: 'failed'; message: string };

/** The wiring proof: lists the portal's workgroups through the typed API. */
export function GroupsScreen() {
  const { t } = useI18n();
  const [state, setState] = useState<LoadState>({ status: 'loading' });

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      const info = await pult.getAppInfo();
      const groups = info.connection ? await pult.listGroups() : [];
      setState({ status: 'ready', info, groups });
    } catch (error) {
      setState({ status: 'failed', message: (error as Error).message });
    }
  }, []);

  useEffect(() => {
    // Loading once on mount is the point of this screen; `load` only sets state after awaiting.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);

  if (state.status === 'loading') return <p role="status">{t('groups.loading')}</p>;
  if (state.status === 'failed') {
    return (
      <div role="alert">
        <p>{t('error.load', { message: state.message })}</p>
        <button type="button" onClick={() => void load()}>
          {t('action.retry')}
        </button>
      </div>
    );
  }
  const { info, groups } = state;
  return (
    <section aria-labelledby="groups-heading" className="groups">
      <header className="groups__header">
        <h1 id="groups-heading">{t('groups.heading')}</h1>
        <p className="groups__connection">
          {info.connection ? `${t(`connection.${info.connection.kind}` as const)} · ${info.connection.portalUrl}` : t('connection.none')}
        </p>
        <p>{t('groups.count', { n: groups.length })}</p>
      </header>
      {groups.length === 0 ? (
        <p>{t('groups.empty')}</p>
      ) : (
        <ul aria-label={t('groups.heading')} className="groups__list">
          {groups.map((group) => (
            <li key={group.id} className="groups__item">
              <span className="groups__name">{group.name}</span>
              {group.closed && <span className="chip">{t('groups.closed')}</span>}
              {group.membersCount !== null && <span className="groups__members">{t('groups.members', { n: group.membersCount })}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
