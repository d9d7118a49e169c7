/** Every keyboard shortcut, in the UI language; opened with ? or F1. */
import { Fragment } from 'react';
import { useI18n } from '../i18n/context';
import { useUiStore } from '../store/ui-store';
import { Dialog } from '../shared-ui/Dialog';
import { SHORTCUTS } from './shortcuts';
import './palette.css';

export function HelpOverlay() {
  const open = useUiStore((state) => state.helpOpen);
  const setOpen = useUiStore((state) => state.setHelpOpen);
  const { t } = useI18n();
  if (!open) return null;
  return (
    <Dialog label={t('help.title')} onClose={() => setOpen(false)}>
      <h2 className="dialog__title">{t('help.title')}</h2>
      <table className="help">
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <tr key={`${shortcut.description}-${shortcut.keys.flat().join('+')}`}>
              <td className="help__keys">
                {shortcut.keys.map((combo, index) => (
                  <Fragment key={combo.join('+')}>
                    {index > 0 && <span className="help__or"> {t('help.or')} </span>}
                    {combo.map((key, keyIndex) => (
                      <Fragment key={key}>
                        {keyIndex > 0 && '+'}
                        <kbd>{key}</kbd>
                      </Fragment>
                    ))}
                  </Fragment>
                ))}
              </td>
              <td>{t(shortcut.description)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog__actions">
        <button type="button" data-autofocus onClick={() => setOpen(false)}>
          {t('action.close')}
        </button>
      </div>
    </Dialog>
  );
}
