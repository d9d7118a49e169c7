/** The certificate the portal presented, for the agent to compare with the admin's and trust. */
import type { UntrustedCertificate } from '../../shared/api';
import { useI18n } from '../i18n/context';
import { formatDay } from '../shared-ui/format';

export function CertificateTrust({ certificate, busy, onTrust }: { certificate: UntrustedCertificate; busy: boolean; onTrust: () => void }) {
  const { t, language } = useI18n();
  return (
    <div className="cert" role="alert">
      <h3>{t('firstrun.cert.title')}</h3>
      <p>{t('firstrun.cert.lead')}</p>
      <dl className="cert__details">
        <dt>{t('firstrun.cert.fingerprint')}</dt>
        <dd className="cert__fingerprint">{certificate.fingerprint}</dd>
        <dt>{t('firstrun.cert.subject')}</dt>
        <dd>{certificate.subject}</dd>
        <dt>{t('firstrun.cert.issuer')}</dt>
        <dd>{certificate.issuer}</dd>
        <dt>{t('firstrun.cert.validTo')}</dt>
        <dd>{formatDay(certificate.validTo, language)}</dd>
      </dl>
      <button type="button" disabled={busy} onClick={onTrust}>
        {t('firstrun.cert.trust')}
      </button>
    </div>
  );
}
