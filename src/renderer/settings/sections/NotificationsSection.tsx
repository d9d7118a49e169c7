/** Which alerts show, quiet hours, whose requests, sound. */
import { useI18n } from '../../i18n/context';
import { Field } from '../../shared-ui/Field';
import { TimeField } from '../../shared-ui/TimeField';
import { errorAt, Toggle, type SectionProps } from '../inputs';

const ALERTS = ['newTask', 'forgotten', 'luAlert', 'wiaAlert', 'slaRisk', 'slaBreached'] as const;

export function NotificationsSection({ draft, set, errors }: SectionProps) {
  const { t } = useI18n();
  const rules = draft.notifications;
  const off = !rules.enabled;
  return (
    <>
      <Toggle label={t('settings.notify.enabled')} checked={rules.enabled} onChange={(on) => set(['notifications', 'enabled'], on)} />
      <fieldset className="settings__fieldset" disabled={off}>
        <legend>{t('settings.notify.alerts')}</legend>
        <div className="settings__checks">
          {ALERTS.map((alert) => (
            <Toggle key={alert} label={t(`settings.notify.${alert}`)} checked={rules.alerts[alert]} onChange={(on) => set(['notifications', 'alerts', alert], on)} />
          ))}
        </div>
      </fieldset>
      <fieldset className="settings__fieldset" disabled={off}>
        <legend>{t('settings.notify.quiet')}</legend>
        <Toggle label={t('settings.notify.quiet')} checked={rules.quietHours.enabled} onChange={(on) => set(['notifications', 'quietHours', 'enabled'], on)} />
        <div className="settings__grid">
          <Field label={t('settings.notify.quietFrom')} error={errorAt(errors, ['notifications', 'quietHours', 'from'])}>
            <TimeField disabled={off || !rules.quietHours.enabled} value={rules.quietHours.from} onChange={(from) => set(['notifications', 'quietHours', 'from'], from)} />
          </Field>
          <Field label={t('settings.notify.quietTo')} error={errorAt(errors, ['notifications', 'quietHours', 'to'])}>
            <TimeField disabled={off || !rules.quietHours.enabled} value={rules.quietHours.to} onChange={(to) => set(['notifications', 'quietHours', 'to'], to)} />
          </Field>
        </div>
      </fieldset>
      <div className="settings__grid">
        <Field label={t('settings.notify.scope')}>
          <select disabled={off} value={rules.scope} onChange={(event) => set(['notifications', 'scope'], event.target.value)}>
            {(['own', 'groups', 'all'] as const).map((scope) => (
              <option key={scope} value={scope}>
                {t(`settings.notify.scope.${scope}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Toggle label={t('settings.notify.sound')} checked={rules.sound} disabled={off} onChange={(on) => set(['notifications', 'sound'], on)} />
    </>
  );
}
