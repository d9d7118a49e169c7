/** Which portal user field plays Тип, Тип стоппера and Оценка. */
import type { Directory } from '../../../shared/api';
import { useI18n } from '../../i18n/context';
import { Field } from '../../shared-ui/Field';
import { errorAt, type SectionProps } from '../inputs';

const FIELDS = ['type', 'blocker', 'estimate'] as const;

export function FieldsSection({ draft, set, errors, directory }: SectionProps & { directory: Directory | null }) {
  const { t, language } = useI18n();
  const candidates = (directory?.userFields ?? []).filter((field) => field.name.startsWith('UF_') && field.name !== 'UF_CRM_TASK');
  return (
    <>
      <p className="field__hint">{t('settings.fields.hint')}</p>
      <div className="settings__grid">
        {FIELDS.map((field) => (
          <Field key={field} label={t(`settings.fields.${field}`)} error={errorAt(errors, ['fields', field])}>
            <select value={draft.fields[field] ?? ''} onChange={(event) => set(['fields', field], event.target.value || null)}>
              <option value="">{t('settings.fields.none')}</option>
              {candidates.map((definition) => (
                <option key={definition.name} value={definition.name}>
                  {definition.labels[language] ?? definition.labels.ru ?? definition.name} ({definition.name})
                </option>
              ))}
              {draft.fields[field] && !candidates.some((definition) => definition.name === draft.fields[field]) && <option value={draft.fields[field]!}>{draft.fields[field]}</option>}
            </select>
          </Field>
        ))}
      </div>
    </>
  );
}
