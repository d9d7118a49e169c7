/** Step 3: stage roles and the Service Desk field mapping, pre-filled from the portal. */
import { useState } from 'react';
import type { GroupSummary, SetupProposal } from '../../shared/api';
import { type Settings } from '../../core/domain/settings';
import { STAGE_ROLES, type StageRole } from '../../core/domain/kinds-and-roles';
import { useI18n } from '../i18n/context';
import { pult } from '../bridge';

type Fields = Settings['fields'];
const FIELD_KEYS = ['type', 'blocker', 'estimate'] as const;

export function SetupStep({ proposal, groups, busy, error, onBack, onFinish, onProposal }: {
  proposal: SetupProposal;
  groups: GroupSummary[];
  busy: boolean;
  error: string | null;
  onBack: () => void;
  onFinish: (roles: Settings['stageRoles'], fields: Fields) => void;
  /** A new proposal after Pult created the missing fields on the portal. */
  onProposal: (proposal: SetupProposal) => void;
}) {
  const { t, language } = useI18n();
  const [roles, setRoles] = useState(proposal.stageRoles);
  const [fields, setFields] = useState<Fields>(proposal.fields);
  const label = (name: string) => {
    const definition = proposal.userFields.find((f) => f.name === name);
    return definition?.labels[language] || definition?.labels.ru || name;
  };
  const missingKeys = FIELD_KEYS.filter((key) => fields[key] === null);
  const missing = missingKeys.map((key) => t(`firstrun.setup.field.${key}`));
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<string | null>(null);
  const createMissing = async () => {
    setCreating(true);
    setCreateError(null);
    try {
      onProposal(await pult.createServiceDeskFields([...missingKeys]));
    } catch (failure) {
      setCreateError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setCreating(false);
    }
  };
  return (
    <form
      className="form form--wide"
      onSubmit={(event) => {
        event.preventDefault();
        onFinish(roles, fields);
      }}
    >
      <h2>{t('firstrun.setup.title')}</h2>
      <p className="hint">{t('firstrun.setup.lead')}</p>
      {Object.entries(proposal.stages).map(([groupId, stages]) => (
        <table key={groupId} className="setup-table">
          <caption>{groups.find((g) => g.id === groupId)?.name ?? groupId}</caption>
          <thead>
            <tr>
              <th scope="col">{t('firstrun.setup.stage')}</th>
              <th scope="col">{t('firstrun.setup.role')}</th>
            </tr>
          </thead>
          <tbody>
            {stages.map((stage) => (
              <tr key={stage.id}>
                <th scope="row">
                  <span className="stage-dot" style={{ background: /^[0-9a-f]{6}$/i.test(stage.color) ? `#${stage.color}` : undefined }} aria-hidden="true" />
                  {stage.title}
                </th>
                <td>
                  <select aria-label={`${t('firstrun.setup.role')}: ${stage.title}`} value={roles[stage.id] ?? 'new'} onChange={(e) => setRoles({ ...roles, [stage.id]: e.target.value as StageRole })}>
                    {STAGE_ROLES.map((role) => (
                      <option key={role} value={role}>
                        {t(`firstrun.role.${role}`)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      <fieldset className="setup-fields">
        <legend>{t('firstrun.setup.fields')}</legend>
        {FIELD_KEYS.map((key) => (
          <label key={key} className="field field--inline">
            <span>{t(`firstrun.setup.field.${key}`)}</span>
            <select value={fields[key] ?? ''} onChange={(e) => setFields({ ...fields, [key]: e.target.value || null })}>
              <option value="">{t('firstrun.setup.field.none')}</option>
              {proposal.userFields
                .filter((f) => f.name.startsWith('UF_') && f.name !== 'UF_CRM_TASK')
                .map((f) => (
                  <option key={f.name} value={f.name}>
                    {label(f.name)} ({f.name})
                  </option>
                ))}
            </select>
          </label>
        ))}
        {missing.length > 0 && <p className="form__warning">{t('firstrun.setup.missing', { fields: missing.join(', ') })}</p>}
        {missing.length > 0 && proposal.canCreateFields && (
          <button type="button" onClick={() => void createMissing()} disabled={creating || busy}>
            {creating ? t('firstrun.setup.creating') : t('firstrun.setup.create', { fields: missing.join(', ') })}
          </button>
        )}
        {createError && (
          <p role="alert" className="form__error">
            {createError}
          </p>
        )}
      </fieldset>
      {error && (
        <p role="alert" className="form__error">
          {t('error.load', { message: error })}
        </p>
      )}
      <div className="form__actions">
        <button type="button" onClick={onBack} disabled={busy}>
          {t('firstrun.back')}
        </button>
        <button type="submit" className="button--primary" disabled={busy}>
          {busy ? t('firstrun.finishing') : t('firstrun.finish')}
        </button>
      </div>
    </form>
  );
}
