/**
 * Browser mode without a usable keychain: says so before anything else, names what provides one,
 * and offers to keep the sign-in in this process's memory only, with what that costs.
 */
import { useState } from 'react';
import type { SecretStoreStatus } from '../../shared/api';
import { pult } from '../bridge';
import { useI18n } from '../i18n/context';
import { appStore } from '../store';

const KNOWN = ['unavailable', 'locked', 'denied', 'no-keyring'] as const;

export function KeychainNotice({ status }: { status: SecretStoreStatus }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  if (status.kind === 'memory') {
    return (
      <p className="keychain-notice keychain-notice--memory" role="status">
        {t('secrets.memory.active')}
      </p>
    );
  }
  if (!status.keychainProblem || !status.canUseMemory) return null;
  const code = (KNOWN as readonly string[]).includes(status.keychainProblem) ? (status.keychainProblem as (typeof KNOWN)[number]) : 'other';
  const keepInMemory = async () => {
    setBusy(true);
    setFailed(null);
    try {
      await pult.keepSecretsInMemory();
      await appStore.getState().start();
    } catch (error) {
      setFailed(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="keychain-notice" role="alert" aria-labelledby="keychain-notice-heading">
      <h2 id="keychain-notice-heading">{t('secrets.missing.heading')}</h2>
      <p>{t(`secrets.missing.${code}`)}</p>
      <p>{t('secrets.memory.offer')}</p>
      <p className="keychain-notice__warning">{t('secrets.memory.warning')}</p>
      <button type="button" disabled={busy} onClick={() => void keepInMemory()}>
        {t('secrets.memory.use')}
      </button>
      {failed && <p className="form__error">{failed}</p>}
    </section>
  );
}
