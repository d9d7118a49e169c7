/** Bound groups and the role of each of their stages. */
import { STAGE_ROLES, type StageRole } from '../../../core/domain/kinds-and-roles';
import type { GroupSummary } from '../../../shared/api';
import type { Stage } from '../../../core/domain/model';
import { useI18n } from '../../i18n/context';
import { errorAt, type SectionProps } from '../inputs';

export function GroupsSection({ draft, set, errors, groups, stages }: SectionProps & { groups: GroupSummary[] | null; stages: Record<string, Stage[]> }) {
  const { t } = useI18n();
  const toggleGroup = (groupId: string, on: boolean) => {
    const next = on ? [...draft.groupIds, groupId] : draft.groupIds.filter((id) => id !== groupId);
    set(['groupIds'], [...new Set(next)]);
  };
  const setRole = (stageId: string, role: StageRole) => {
    set(['stageRoles', stageId], role);
    // A role chosen by hand survives re-guessing (see guessStageRoles).
    set(['stageRoleOverrides', stageId], role);
  };
  return (
    <>
      <fieldset className="settings__fieldset">
        <legend>{t('settings.groups.bound')}</legend>
        <p className="field__hint">{t('settings.groups.hint')}</p>
        {!groups && <p className="field__hint">{t('settings.groups.loading')}</p>}
        <div className="settings__checks">
          {groups?.map((group) => (
            <label key={group.id} className="toggle">
              <input type="checkbox" checked={draft.groupIds.includes(group.id)} onChange={(event) => toggleGroup(group.id, event.target.checked)} />
              <span>{group.name}</span>
            </label>
          ))}
        </div>
        {errorAt(errors, ['groupIds']) && <span className="field__error">{errorAt(errors, ['groupIds'])}</span>}
      </fieldset>
      {draft.groupIds.map((groupId) => {
        const name = groups?.find((group) => group.id === groupId)?.name ?? `#${groupId}`;
        const groupStages = [...(stages[groupId] ?? [])].sort((a, b) => a.sort - b.sort);
        return (
          <fieldset key={groupId} className="settings__fieldset">
            <legend>{t('settings.groups.roles', { group: name })}</legend>
            <p className="field__hint">{t('settings.groups.rolesHint')}</p>
            {groupStages.length === 0 && <p className="field__hint">{t('settings.groups.noStages')}</p>}
            <div className="settings__rows">
              {groupStages.map((stage) => (
                <label key={stage.id} className="settings__row">
                  <span className="settings__stage">
                    <span className="settings__swatch" style={{ background: `#${stage.color.replace(/[^0-9a-f]/gi, '')}` }} aria-hidden="true" />
                    {stage.title}
                  </span>
                  <select value={draft.stageRoles[stage.id] ?? ''} onChange={(event) => setRole(stage.id, event.target.value as StageRole)} aria-label={t('settings.groups.roles', { group: stage.title })}>
                    {!draft.stageRoles[stage.id] && <option value="">—</option>}
                    {STAGE_ROLES.map((role) => (
                      <option key={role} value={role}>
                        {t(`settings.role.${role}`)}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </div>
          </fieldset>
        );
      })}
    </>
  );
}
