/** Step 1: the demo portal in one click, or the agent's own portal by OAuth app or webhook. */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ConnectResult, UntrustedCertificate } from '../../shared/api';
import { pult } from '../bridge';
import { useI18n } from '../i18n/context';
import { explainConnectError, normaliseAddress, type Explained } from './explain';
import { CertificateTrust } from './CertificateTrust';
import { KeychainNotice } from './KeychainNotice';
import { useAppStore } from '../store';

type Method = 'oauth' | 'webhook';

export interface ConnectDefaults {
  address: string;
  clientId: string;
  method: Method;
}

export function ConnectStep({ defaults, onConnected }: { defaults: ConnectDefaults; onConnected: (result: ConnectResult) => void }) {
  const { t } = useI18n();
  const [method, setMethod] = useState<Method>(defaults.method);
  const [address, setAddress] = useState(defaults.address);
  const [clientId, setClientId] = useState(defaults.clientId);
  const [clientSecret, setClientSecret] = useState('');
  const [inApp, setInApp] = useState(false);
  const [canSignInInApp, setCanSignInInApp] = useState(false);
  const [redirectUri, setRedirectUri] = useState('');
  const [copied, setCopied] = useState(false);
  const cancelled = useRef(false);
  useEffect(() => {
    let live = true;
    pult.getAppInfo().then(
      (info) => {
        if (!live) return;
        setCanSignInInApp(info.canSignInInApp);
        setRedirectUri(info.oauthRedirectUri);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  const [webhookUrl, setWebhookUrl] = useState('');
  const [busy, setBusy] = useState<'demo' | 'connect' | null>(null);
  const [error, setError] = useState<Explained | null>(null);
  const [certificate, setCertificate] = useState<UntrustedCertificate | null>(null);
  const secrets = useAppStore((state) => state.appInfo?.secrets);

  async function run(kind: 'demo' | 'connect', call: () => Promise<ConnectResult>) {
    setBusy(kind);
    setError(null);
    cancelled.current = false;
    try {
      onConnected(await call());
    } catch (failure) {
      // The user stopped the sign-in: nothing to explain.
      if (cancelled.current) return;
      const explained = explainConnectError(failure);
      setCertificate(explained.certificate);
      setError(explained.certificate ? null : explained);
    } finally {
      setBusy(null);
    }
  }

  function connect(trustFingerprint?: string) {
    const portalUrl = normaliseAddress(address);
    if (!portalUrl) return setError({ key: 'firstrun.error.address', values: {}, certificate: null });
    const need = (value: string, field: Parameters<typeof t>[0]) => (value.trim() ? null : { key: 'firstrun.error.required' as const, values: { field: t(field) }, certificate: null });
    const missing = method === 'oauth' ? (need(clientId, 'firstrun.clientId') ?? need(clientSecret, 'firstrun.clientSecret')) : need(webhookUrl, 'firstrun.webhook');
    if (missing) return setError(missing);
    const trust = trustFingerprint ? { trustFingerprint } : {};
    void run('connect', () =>
      method === 'oauth'
        ? pult.connectOAuth({ portalUrl, clientId: clientId.trim(), clientSecret: clientSecret.trim(), ...trust, ...(inApp && canSignInInApp ? { inApp: true } : {}) })
        : pult.connectWebhook({ portalUrl, webhookUrl: webhookUrl.trim(), ...trust }),
    );
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    connect();
  };

  return (
    <div className="firstrun__connect">
      {secrets && <KeychainNotice status={secrets} />}
      <div className="firstrun__demo">
        <button type="button" className="button--primary button--large" disabled={busy !== null} onClick={() => void run('demo', () => pult.connectDemo())}>
          {busy === 'demo' ? t('firstrun.demo.starting') : t('firstrun.demo')}
        </button>
        <p className="hint">{t('firstrun.demo.hint')}</p>
      </div>
      <p className="firstrun__or">{t('firstrun.or')}</p>
      <form className="form" onSubmit={onSubmit} noValidate>
        <fieldset className="form__methods">
          <legend>{t('firstrun.method')}</legend>
          {(['oauth', 'webhook'] as const).map((value) => (
            <label key={value} className="radio">
              <input type="radio" name="method" value={value} checked={method === value} onChange={() => setMethod(value)} />
              {t(`firstrun.method.${value}`)}
            </label>
          ))}
        </fieldset>
        <label className="field">
          <span>{t('firstrun.address')}</span>
          <input type="url" value={address} onChange={(e) => setAddress(e.target.value)} placeholder="https://portal.example.ru" autoComplete="url" />
          <small className="hint">{t('firstrun.address.hint')}</small>
        </label>
        {method === 'oauth' ? (
          <>
            <label className="field">
              <span>{t('firstrun.clientId')}</span>
              <input value={clientId} onChange={(e) => setClientId(e.target.value)} autoComplete="off" />
            </label>
            <label className="field">
              <span>{t('firstrun.clientSecret')}</span>
              <input type="password" value={clientSecret} onChange={(e) => setClientSecret(e.target.value)} autoComplete="off" />
              <small className="hint">{t('firstrun.oauth.hint')}</small>
            </label>
            {redirectUri && (
              <div className="field">
                <span id="oauth-redirect-label">{t('firstrun.oauth.redirect')}</span>
                <div className="field__row">
                  <input readOnly value={redirectUri} aria-labelledby="oauth-redirect-label" onFocus={(e) => e.target.select()} />
                  <button
                    type="button"
                    onClick={() =>
                      void navigator.clipboard?.writeText(redirectUri).then(
                        () => setCopied(true),
                        () => undefined,
                      )
                    }
                  >
                    {copied ? t('firstrun.oauth.redirect.copied') : t('firstrun.oauth.redirect.copy')}
                  </button>
                </div>
                <small className="hint">{t('firstrun.oauth.redirect.hint')}</small>
              </div>
            )}
            {canSignInInApp && (
              <label className="field field--inline">
                <input type="checkbox" checked={inApp} onChange={(e) => setInApp(e.target.checked)} />
                <span>{t('firstrun.oauth.inApp')}</span>
              </label>
            )}
          </>
        ) : (
          <label className="field">
            <span>{t('firstrun.webhook')}</span>
            <input type="password" value={webhookUrl} onChange={(e) => setWebhookUrl(e.target.value)} autoComplete="off" />
            <small className="hint">{t('firstrun.webhook.hint')}</small>
          </label>
        )}
        {certificate && <CertificateTrust certificate={certificate} busy={busy !== null} onTrust={(fingerprint) => connect(fingerprint)} />}
        {error && (
          <p role="alert" className="form__error">
            {t(error.key, error.values)}
          </p>
        )}
        {busy === 'connect' && method === 'oauth' && <p className="hint">{t('firstrun.oauth.waiting')}</p>}
        <div className="form__actions">
          <button type="submit" className="button--primary" disabled={busy !== null}>
            {busy === 'connect' ? t('firstrun.connecting') : t('firstrun.connect')}
          </button>
          {busy === 'connect' && method === 'oauth' && (
            <button
              type="button"
              onClick={() => {
                cancelled.current = true;
                void pult.cancelSignIn().catch(() => undefined);
              }}
            >
              {t('firstrun.oauth.cancel')}
            </button>
          )}
        </div>
      </form>
    </div>
  );
}
