/**
 * WIP limits: warn or refuse (strict), a team-wide limit per stage role, and a group's own limit
 * per role (empty: the team-wide one applies). The done role has no limit to set: finished work
 * is not in progress.
 */
import { STAGE_ROLES } from '../../../core/domain/kinds-and-roles';
import { WIP_MODES } from '../../../core/domain/wip-settings';
import type { GroupSummary } from '../../../shared/api';
import { useI18n } from '../../i18n/context';
import { Field } from '../../shared-ui/Field';
import { errorAt, NumberInput, type SectionProps } from '../inputs';

const LIMITED_ROLES = STAGE_ROLES.filter((role) => role !== 'done');

export function WipSection({ draft, set, errors, groups }: SectionProps & { groups: GroupSummary[] | null }) {
  const { t } = useI18n();
  const nameOf = (groupId: string) => groups?.find((group) => group.id === groupId)?.name ?? `#${groupId}`;
  const columns: { key: string; title: string; path: (role: string) => (string | number)[]; value: (role: string) => unknown }[] = [
    { key: 'roles', title: t('settings.wip.roles'), path: (role) => ['wip', 'roles', role], value: (role) => draft.wip.roles[role as keyof typeof draft.wip.roles] },
    ...draft.groupIds.map((groupId) => ({
      key: groupId,
      title: t('settings.wip.group', { group: nameOf(groupId) }),
      path: (role: string) => ['wip', 'groups', groupId, role],
      value: (role: string) => draft.wip.groups[groupId]?.[role as keyof typeof draft.wip.roles] ?? null,
    })),
  ];
  return (
    <>
      <p className="field__hint">{t('settings.wip.hint')}</p>
      <div className="settings__grid">
        <Field label={t('settings.wip.mode')}>
          <select value={draft.wip.mode} onChange={(event) => set(['wip', 'mode'], event.target.value)}>
            {WIP_MODES.map((mode) => (
              <option key={mode} value={mode}>
                {t(`settings.wip.mode.${mode}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <table className="settings__table settings__table--numbers">
        <thead>
          <tr>
            <th scope="col">{t('settings.timers.role')}</th>
            {columns.map((column) => (
              <th key={column.key} scope="col">
                {column.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {LIMITED_ROLES.map((role) => (
            <tr key={role}>
              <th scope="row">{t(`settings.role.${role}`)}</th>
              {columns.map((column) => {
                const error = errorAt(errors, column.path(role));
                // An emptied team-wide limit is null (no limit); an emptied group limit is left out (the team's applies).
                const onNumber = (value: number | string | null) => set(column.path(role), value === null ? (column.key === 'roles' ? null : undefined) : value);
                return (
                  <td key={column.key}>
                    <NumberInput
                      aria-label={`${column.title}: ${t('settings.wip.limit', { role: t(`settings.role.${role}`) })}`}
                      aria-invalid={error ? true : undefined}
                      placeholder={t('settings.wip.none')}
                      value={column.value(role)}
                      onNumber={onNumber}
                    />
                    {error && <span className="field__error">{error}</span>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
