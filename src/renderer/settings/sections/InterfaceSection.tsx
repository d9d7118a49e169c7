/** Language, theme, wallboard rotation, closing to the tray. */
import { useI18n } from '../../i18n/context';
import { Field } from '../../shared-ui/Field';
import { errorAt, NumberInput, Toggle, type SectionProps } from '../inputs';

export function InterfaceSection({ draft, set, errors }: SectionProps) {
  const { t } = useI18n();
  const ui = draft.ui;
  return (
    <>
      <div className="settings__grid">
        <Field label={t('settings.ui.language')}>
          <select value={ui.language} onChange={(event) => set(['ui', 'language'], event.target.value)}>
            <option value="system">{t('settings.ui.system')}</option>
            <option value="ru">Русский</option>
            <option value="en">English</option>
          </select>
        </Field>
        <Field label={t('settings.ui.theme')}>
          <select value={ui.theme} onChange={(event) => set(['ui', 'theme'], event.target.value)}>
            <option value="system">{t('settings.ui.system')}</option>
            <option value="light">{t('settings.ui.light')}</option>
            <option value="dark">{t('settings.ui.dark')}</option>
          </select>
        </Field>
        <Field label={t('settings.ui.rotation')} error={errorAt(errors, ['ui', 'wallboardRotationSeconds'])}>
          <NumberInput value={ui.wallboardRotationSeconds} onNumber={(value) => set(['ui', 'wallboardRotationSeconds'], value ?? '')} />
        </Field>
      </div>
      <Toggle label={t('settings.ui.closeToTray')} checked={ui.closeToTray} onChange={(on) => set(['ui', 'closeToTray'], on)} />
    </>
  );
}
