/**
 * Shown instead of the board or the first run while the saved connection waits for the OS
 * keychain: says what is kept and what to do, and tries again on request (the host also retries).
 */
import { useState } from 'react';
import type { KeychainWait as Wait } from '../../shared/api';
import { useI18n } from '../i18n/context';
import { pult } from '../bridge';
import { appStore, useAppStore } from '../store';
import { KeychainNotice } from '../firstrun/KeychainNotice';

const KNOWN = ['locked', 'unavailable', 'no-keyring', 'denied'] as const;

export function KeychainWait({ wait }: { wait: Wait }) {
  const { t } = useI18n();
  const [trying, setTrying] = useState(false);
  const secrets = useAppStore((state) => state.appInfo?.secrets);
  const reason = (KNOWN as readonly string[]).includes(wait.code) ? (`keychain.${wait.code}` as `keychain.${(typeof KNOWN)[number]}`) : 'keychain.other';
  const retry = async () => {
    setTrying(true);
    try {
      await pult.retryRestore();
      await appStore.getState().start();
    } finally {
      setTrying(false);
    }
  };
  return (
    <main className="app__failed" role="alert" aria-labelledby="keychain-heading">
      <h1 id="keychain-heading">{t('keychain.heading')}</h1>
      <p>{t(reason)}</p>
      <p>{t('keychain.kept', { portal: wait.portalUrl, count: String(wait.queuedEdits) })}</p>
      <button type="button" disabled={trying} onClick={() => void retry()}>
        {t('action.retry')}
      </button>
      {secrets?.canUseMemory && <KeychainNotice status={{ ...secrets, keychainProblem: secrets.keychainProblem ?? wait.code }} />}
    </main>
  );
}
