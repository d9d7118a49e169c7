/** Users left out of reports; plan hours per employee per day and per client company per month. */
import { useState } from 'react';
import type { Directory } from '../../../shared/api';
import { useI18n } from '../../i18n/context';
import { Field } from '../../shared-ui/Field';
import { normaliseForSearch } from '../../palette/fuzzy';
import { userName } from '../../shared-ui/format';
import { errorAt, NumberInput, type SectionProps } from '../inputs';

export function PeopleSection({ draft, set, errors, directory }: SectionProps & { directory: Directory | null }) {
  const { t } = useI18n();
  const [filter, setFilter] = useState('');
  const match = (text: string) => normaliseForSearch(text).includes(normaliseForSearch(filter.trim()));
  const users = directory?.users ?? [];
  const employees = users.filter((user) => user.type === 'employee' && match(`${user.name} ${user.lastName} ${user.workPosition}`));
  const companies = (directory?.companies ?? []).filter((company) => match(company.title));
  const excluded = new Set(draft.excludedUserIds);
  const toggleExcluded = (userId: string, on: boolean) => set(['excludedUserIds'], on ? [...excluded, userId] : [...excluded].filter((id) => id !== userId));

  return (
    <>
      <div className="settings__grid">
        <Field label={t('settings.people.defaultPlan')} error={errorAt(errors, ['plans', 'defaultEmployeeHoursPerDay'])}>
          <NumberInput value={draft.plans.defaultEmployeeHoursPerDay} onNumber={(value) => set(['plans', 'defaultEmployeeHoursPerDay'], value ?? '')} />
        </Field>
        <Field label={t('settings.people.filter')}>
          <input type="search" value={filter} onChange={(event) => setFilter(event.target.value)} />
        </Field>
      </div>
      <table className="settings__table">
        <caption>{t('settings.people.employeePlans')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('settings.people.employee')}</th>
            <th scope="col">{t('settings.people.hours')}</th>
            <th scope="col">{t('settings.people.excluded')}</th>
          </tr>
        </thead>
        <tbody>
          {employees.map((user) => {
            const path = ['plans', 'employeeHoursPerDay', user.id];
            const error = errorAt(errors, path);
            const name = userName(users, user.id);
            return (
              <tr key={user.id}>
                <th scope="row">
                  {name}
                  <span className="settings__sub">{user.workPosition}</span>
                </th>
                <td>
                  <NumberInput
                    aria-label={`${t('settings.people.employeePlans')}: ${name}`}
                    aria-invalid={error ? true : undefined}
                    placeholder={`${t('settings.people.planPlaceholder')} (${draft.plans.defaultEmployeeHoursPerDay})`}
                    value={draft.plans.employeeHoursPerDay[user.id]}
                    onNumber={(value) => set(path, value ?? undefined)}
                  />
                  {error && <span className="field__error">{error}</span>}
                </td>
                <td>
                  <input type="checkbox" aria-label={`${t('settings.people.excluded')}: ${name}`} checked={excluded.has(user.id)} onChange={(event) => toggleExcluded(user.id, event.target.checked)} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <table className="settings__table">
        <caption>{t('settings.people.companyPlans')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('settings.people.company')}</th>
            <th scope="col">{t('settings.people.hours')}</th>
          </tr>
        </thead>
        <tbody>
          {companies.map((company) => {
            const path = ['plans', 'companyHoursPerMonth', company.id];
            const error = errorAt(errors, path);
            return (
              <tr key={company.id}>
                <th scope="row">{company.title}</th>
                <td>
                  <NumberInput
                    aria-label={`${t('settings.people.companyPlans')}: ${company.title}`}
                    aria-invalid={error ? true : undefined}
                    placeholder={t('settings.people.noPlan')}
                    value={draft.plans.companyHoursPerMonth[company.id]}
                    onNumber={(value) => set(path, value ?? undefined)}
                  />
                  {error && <span className="field__error">{error}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
