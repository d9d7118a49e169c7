/** LU and WIA thresholds (warn / alert) per stage role, and when a stopper counts as forgotten. */
import { STAGE_ROLES, type StageRole } from '../../../core/domain/kinds-and-roles';
import { useI18n } from '../../i18n/context';
import { Field } from '../../shared-ui/Field';
import { errorAt, HoursInput, type SectionProps } from '../inputs';

type Timer = 'lu' | 'wia';
type Level = 'warnMinutes' | 'alertMinutes';

export function TimersSection({ draft, set, errors }: SectionProps) {
  const { t } = useI18n();
  const cell = (timer: Timer, role: StageRole, level: Level, label: string) => {
    const threshold = draft.thresholds[timer][role];
    const path = ['thresholds', timer, role, level];
    const error = errorAt(errors, path) ?? (level === 'warnMinutes' ? errorAt(errors, ['thresholds', timer, role]) : undefined);
    const onMinutes = (value: number | string | null) => {
      const other: Level = level === 'warnMinutes' ? 'alertMinutes' : 'warnMinutes';
      const otherValue = threshold?.[other] ?? null;
      // Both empty: no threshold for this role; one empty: validation asks for it.
      if (value === null && otherValue === null) set(['thresholds', timer, role], null);
      else set(['thresholds', timer, role], { [other]: otherValue ?? '', [level]: value ?? '' });
    };
    return (
      <td>
        <HoursInput aria-label={`${label}: ${t(`settings.role.${role}`)}`} aria-invalid={error ? true : undefined} minutes={threshold?.[level] ?? null} onMinutes={onMinutes} />
        {error && <span className="field__error">{error}</span>}
      </td>
    );
  };
  return (
    <>
      <p className="field__hint">{t('settings.timers.hint')}</p>
      <table className="settings__table settings__table--numbers">
        <thead>
          <tr>
            <th scope="col">{t('settings.timers.role')}</th>
            <th scope="col">{t('settings.timers.luWarn')}</th>
            <th scope="col">{t('settings.timers.luAlert')}</th>
            <th scope="col">{t('settings.timers.wiaWarn')}</th>
            <th scope="col">{t('settings.timers.wiaAlert')}</th>
          </tr>
        </thead>
        <tbody>
          {STAGE_ROLES.map((role) => (
            <tr key={role}>
              <th scope="row">{t(`settings.role.${role}`)}</th>
              {cell('lu', role, 'warnMinutes', t('settings.timers.luWarn'))}
              {cell('lu', role, 'alertMinutes', t('settings.timers.luAlert'))}
              {cell('wia', role, 'warnMinutes', t('settings.timers.wiaWarn'))}
              {cell('wia', role, 'alertMinutes', t('settings.timers.wiaAlert'))}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="settings__grid">
        <Field label={t('settings.timers.stopper')} error={errorAt(errors, ['thresholds', 'stopperMinutes'])}>
          <HoursInput minutes={draft.thresholds.stopperMinutes} onMinutes={(value) => set(['thresholds', 'stopperMinutes'], value ?? '')} />
        </Field>
      </div>
    </>
  );
}
