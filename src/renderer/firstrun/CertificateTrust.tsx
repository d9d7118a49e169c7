/**
 * The chain the portal presented, for the agent to compare with the admin's and trust: its CA
 * (recommended when there is one) or only the portal's own certificate.
 */
import type { CertificateSummary, UntrustedCertificate } from '../../shared/api';
import { useI18n } from '../i18n/context';
import { formatDay } from '../shared-ui/format';
import { trustChoice } from './trust-choice';

export function CertificateTrust({ certificate, busy, onTrust }: { certificate: UntrustedCertificate; busy: boolean; onTrust: (fingerprint: string) => void }) {
  const { t } = useI18n();
  const choice = trustChoice(certificate);
  const problem = choice.canTrust ? null : certificate.problem;
  const lead = problem ? t(`firstrun.cert.lead.${problem}` as 'firstrun.cert.lead.expired') : choice.ca ? t('firstrun.cert.leadCa') : choice.caMissing ? t('firstrun.cert.leadNoCa') : t('firstrun.cert.lead');
  return (
    <div className="cert" role="alert">
      <h3>{problem ? t(`firstrun.cert.title.${problem}` as 'firstrun.cert.title.expired') : t('firstrun.cert.title')}</h3>
      <p>{lead}</p>
      <CertificateDetails title={t('firstrun.cert.leaf')} certificate={certificate} />
      {certificate.issuers.map((issuer) => (
        <CertificateDetails key={issuer.fingerprint} title={issuer.selfSigned ? t('firstrun.cert.root') : t('firstrun.cert.ca')} certificate={issuer} />
      ))}
      {choice.canTrust && (
        <div className="cert__actions">
          {choice.ca && (
            <button type="button" className="button--primary" disabled={busy} onClick={() => onTrust(choice.ca!.fingerprint)}>
              {t('firstrun.cert.trustCa')}
            </button>
          )}
          <button type="button" disabled={busy} onClick={() => onTrust(choice.leaf.fingerprint)}>
            {choice.leaf.selfSigned ? t('firstrun.cert.trust') : t('firstrun.cert.trustLeaf')}
          </button>
          {!choice.leaf.selfSigned && <small className="hint">{t('firstrun.cert.trustLeafHint')}</small>}
        </div>
      )}
    </div>
  );
}

function CertificateDetails({ title, certificate }: { title: string; certificate: CertificateSummary }) {
  const { t, language } = useI18n();
  return (
    <section className="cert__one" aria-label={title}>
      <h4>{title}</h4>
      <dl className="cert__details">
        <dt>{t('firstrun.cert.subject')}</dt>
        <dd>{certificate.subject}</dd>
        <dt>{t('firstrun.cert.issuer')}</dt>
        <dd>{certificate.issuer}</dd>
        <dt>{t('firstrun.cert.fingerprint')}</dt>
        <dd className="cert__fingerprint">{certificate.fingerprint}</dd>
        <dt>{t('firstrun.cert.validity')}</dt>
        <dd>{t('firstrun.cert.validRange', { from: formatDay(certificate.validFrom, language), to: formatDay(certificate.validTo, language) })}</dd>
      </dl>
    </section>
  );
}
