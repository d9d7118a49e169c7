/** Read-only facts about the connection, and signing out (with a confirmation). */
import { useState } from 'react';
import type { AppInfo } from '../../../shared/api';
import type { Directory } from '../../../shared/api';
import type { Settings } from '../../../core/domain/settings';
import { pult } from '../../bridge';
import { useI18n } from '../../i18n/context';
import { userName } from '../../shared-ui/format';

export function ConnectionSection({ info, settings, directory }: { info: AppInfo | null; settings: Settings; directory: Directory | null }) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const connection = info?.connection ?? null;
  const signOut = async () => {
    try {
      await pult.signOut();
      // The shell decides what to show without a portal (first run); a reload asks it afresh.
      window.location.reload();
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  return (
    <>
      <dl className="settings__facts">
        <dt>{t('settings.connection.portal')}</dt>
        <dd>{connection?.portalUrl ?? t('settings.connection.none')}</dd>
        {connection && (
          <>
            <dt>{t('settings.connection.kind')}</dt>
            <dd>{t(`connection.${connection.kind}`)}</dd>
            <dt>{t('settings.connection.user')}</dt>
            <dd>
              {userName(directory?.users, connection.userId)}
              {connection.isAdmin ? ` · ${t('settings.connection.admin')}` : ''}
            </dd>
          </>
        )}
        {settings.connection.trustedCertificateFingerprint && (
          <>
            <dt>{t('settings.connection.certificate')}</dt>
            <dd className="settings__mono">{settings.connection.trustedCertificateFingerprint}</dd>
          </>
        )}
        <dt>{t('settings.connection.version')}</dt>
        <dd>{info ? `${info.version} (${info.shell})` : '…'}</dd>
      </dl>
      {connection &&
        (confirming ? (
          <div className="settings__confirm" role="alertdialog" aria-label={t('settings.connection.signOut')}>
            <p>{t('settings.connection.signOutConfirm')}</p>
            <button type="button" className="button--danger" onClick={() => void signOut()}>
              {t('settings.connection.signOutYes')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('action.cancel')}
            </button>
          </div>
        ) : (
          <button type="button" className="button--danger" onClick={() => setConfirming(true)}>
            {t('settings.connection.signOut')}
          </button>
        ))}
      {error && (
        <p role="alert" className="field__error">
          {error}
        </p>
      )}
    </>
  );
}
