/** Step 2: which workgroups to show (Service Desk groups pre-chosen). */
import { useState } from 'react';
import type { GroupSummary } from '../../shared/api';
import { useI18n } from '../i18n/context';

export function preselectGroups(groups: readonly GroupSummary[]): string[] {
  const serviceDesk = groups.filter((group) => /service desk/i.test(group.name));
  return (serviceDesk.length > 0 ? serviceDesk : groups.slice(0, 1)).map((group) => group.id);
}

export function GroupsStep({ groups, initial, onBack, onNext }: { groups: GroupSummary[]; initial: string[]; onBack: () => void; onNext: (ids: string[]) => void }) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState<string[]>(initial);
  const [error, setError] = useState(false);
  const toggle = (id: string) => setChosen((current) => (current.includes(id) ? current.filter((x) => x !== id) : [...current, id]));
  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        if (chosen.length === 0) return setError(true);
        // Keep the portal's order, whatever order the boxes were ticked in.
        onNext(groups.filter((group) => chosen.includes(group.id)).map((group) => group.id));
      }}
    >
      <h2>{t('firstrun.groups.title')}</h2>
      <p className="hint">{t('firstrun.groups.lead')}</p>
      <ul className="choice-list" aria-label={t('firstrun.groups.title')}>
        {groups.map((group) => (
          <li key={group.id}>
            <label className="choice">
              <input type="checkbox" checked={chosen.includes(group.id)} onChange={() => toggle(group.id)} />
              <span className="choice__name">{group.name}</span>
              {group.membersCount !== null && <span className="hint">{t('firstrun.members', { n: group.membersCount })}</span>}
            </label>
          </li>
        ))}
      </ul>
      {error && chosen.length === 0 && (
        <p role="alert" className="form__error">
          {t('firstrun.groups.none')}
        </p>
      )}
      <div className="form__actions">
        <button type="button" onClick={onBack}>
          {t('firstrun.back')}
        </button>
        <button type="submit" className="button--primary">
          {t('firstrun.next')}
        </button>
      </div>
    </form>
  );
}
