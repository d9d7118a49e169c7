/** The task's history, newest first: when, who, what, from → to in readable names. */
import { useI18n } from '../i18n/context';
import { formatPortalDateTime, userName } from '../shared-ui/format';
import { historyLine } from './history-format';
import { portalOffsetMinutes, type DrawerData } from './drawer-data';

export function HistoryPanel({ data }: { data: DrawerData }) {
  const { t, language } = useI18n();
  const offset = portalOffsetMinutes(data);
  const users = data.directory?.users ?? [];
  const ctx = { stages: data.board?.stages ?? [], users, userFields: data.directory?.userFields ?? [], utcOffsetMinutes: offset, language, t };
  const entries = [...data.details.history].sort((a, b) => b.at - a.at);
  if (entries.length === 0) return <p className="drawer__muted">{t('drawer.history.empty')}</p>;
  return (
    <table className="history">
      <thead>
        <tr>
          <th scope="col">{t('drawer.history.when')}</th>
          <th scope="col">{t('drawer.history.who')}</th>
          <th scope="col">{t('drawer.history.what')}</th>
          <th scope="col">{t('drawer.history.change')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => {
          const line = historyLine(entry, ctx);
          return (
            <tr key={entry.id}>
              <td className="history__when">{formatPortalDateTime(entry.at, offset, language)}</td>
              <td>{userName(users, entry.userId)}</td>
              <td>{line.field}</td>
              <td>
                {line.from !== null || line.to !== null ? (
                  <>
                    <span className="history__from">{line.from ?? t('drawer.value.none')}</span> → <span className="history__to">{line.to ?? t('drawer.value.none')}</span>
                  </>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
