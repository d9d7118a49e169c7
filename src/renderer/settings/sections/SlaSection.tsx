/** SLA targets per card kind (reaction, resolution, clock) and the share that raises a warning. */
import { CARD_KINDS } from '../../../core/domain/kinds-and-roles';
import { useI18n } from '../../i18n/context';
import { Field } from '../../shared-ui/Field';
import { errorAt, HoursInput, NumberInput, type SectionProps } from '../inputs';

export function SlaSection({ draft, set, errors }: SectionProps) {
  const { t } = useI18n();
  const ratio = draft.sla.riskRatio;
  return (
    <>
      <table className="settings__table settings__table--numbers">
        <thead>
          <tr>
            <th scope="col">{t('settings.sla.kind')}</th>
            <th scope="col">{t('settings.sla.reaction')}</th>
            <th scope="col">{t('settings.sla.resolution')}</th>
            <th scope="col">{t('settings.sla.clock')}</th>
          </tr>
        </thead>
        <tbody>
          {CARD_KINDS.map((kind) => {
            const target = draft.sla[kind];
            const kindName = t(`settings.sla.kind.${kind}`);
            const cell = (key: 'reactionMinutes' | 'resolutionMinutes', label: string) => {
              const error = errorAt(errors, ['sla', kind, key]);
              return (
                <td>
                  <HoursInput aria-label={`${label}: ${kindName}`} aria-invalid={error ? true : undefined} minutes={target[key]} onMinutes={(value) => set(['sla', kind, key], value)} />
                  {error && <span className="field__error">{error}</span>}
                </td>
              );
            };
            return (
              <tr key={kind}>
                <th scope="row">{kindName}</th>
                {cell('reactionMinutes', t('settings.sla.reaction'))}
                {cell('resolutionMinutes', t('settings.sla.resolution'))}
                <td>
                  <select aria-label={`${t('settings.sla.clock')}: ${kindName}`} value={target.clock} onChange={(event) => set(['sla', kind, 'clock'], event.target.value)}>
                    <option value="working">{t('settings.sla.clock.working')}</option>
                    <option value="round-the-clock">{t('settings.sla.clock.round')}</option>
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="settings__grid">
        <Field label={t('settings.sla.risk')} error={errorAt(errors, ['sla', 'riskRatio'])}>
          <NumberInput
            value={typeof ratio === 'number' ? Math.round(ratio * 100) : ratio}
            onNumber={(value) => set(['sla', 'riskRatio'], typeof value === 'number' ? value / 100 : (value ?? ''))}
          />
        </Field>
      </div>
    </>
  );
}
