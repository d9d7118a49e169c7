/**
 * The responsible person: a choice of active employees plus the assignment suggestion (who has
 * the most plan left today, and why), applied with one click.
 */
import { useEffect, useState } from 'react';
import type { AssignmentSuggestionView } from '../../shared/api';
import { pult } from '../bridge';
import { useI18n } from '../i18n/context';
import { userName } from '../shared-ui/format';
import { formatHours } from '../board/format';
import type { DrawerData } from './drawer-data';

export function ResponsibleEditor({ data, shownUserId, onAssign }: { data: DrawerData; shownUserId: string; onAssign: (userId: string) => void }) {
  const { t, language } = useI18n();
  const { task } = data.details;
  const users = data.directory?.users ?? [];
  const [suggestion, setSuggestion] = useState<AssignmentSuggestionView | null | undefined>(undefined);

  useEffect(() => {
    let live = true;
    pult
      .suggestAssignee({ taskId: task.id })
      .then((value) => live && setSuggestion(value))
      .catch(() => live && setSuggestion(null));
    return () => {
      live = false;
    };
  }, [task.id]);

  const candidates = users.filter((user) => (user.active && user.type === 'employee') || user.id === task.responsibleId);
  return (
    <div className="drawer__field drawer__field--wide">
      <label htmlFor="drawer-responsible">{t('drawer.field.responsible')}</label>
      <select id="drawer-responsible" value={shownUserId} onChange={(event) => onAssign(event.target.value)}>
        {!candidates.some((user) => user.id === task.responsibleId) && <option value={task.responsibleId}>{userName(users, task.responsibleId)}</option>}
        {candidates.map((user) => (
          <option key={user.id} value={user.id}>
            {userName(users, user.id)}
            {user.workPosition ? ` — ${user.workPosition}` : ''}
          </option>
        ))}
      </select>
      {suggestion && (
        <div className="suggestion" role="note">
          <span className="suggestion__who">{t('drawer.suggest.label', { name: userName(users, suggestion.userId) })}</span>
          <span className="suggestion__why">
            {t('drawer.suggest.reason', { plan: formatHours(suggestion.planTodayHours, language), logged: formatHours(suggestion.loggedTodayHours, language), remaining: formatHours(suggestion.remainingHours, language), capacity: formatHours(suggestion.capacityHours, language) })}
          </span>
          {suggestion.userId === shownUserId ? (
            <span className="suggestion__why">{t('drawer.suggest.current')}</span>
          ) : (
            <button type="button" className="button--small" onClick={() => onAssign(suggestion.userId)}>
              {t('drawer.suggest.apply')}
            </button>
          )}
        </div>
      )}
      {suggestion === null && <span className="suggestion__why">{t('drawer.suggest.none')}</span>}
    </div>
  );
}
