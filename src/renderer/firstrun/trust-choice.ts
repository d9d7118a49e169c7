/** Which certificate of a presented chain the prompt offers to trust, and which it recommends. */
import type { CertificateSummary, UntrustedCertificate } from '../../shared/api';

export interface TrustChoice {
  /** The CA to trust (recommended: the portal's renewed certificates stay trusted), if one was sent. */
  ca: CertificateSummary | null;
  /** The portal's own certificate, pinned by fingerprint. */
  leaf: CertificateSummary;
  /** Trusting helps only with an unknown issuer; an expired or misnamed certificate stays refused. */
  canTrust: boolean;
  /** The portal's certificate names an issuer but the portal did not send that CA. */
  caMissing: boolean;
}

export function trustChoice(certificate: UntrustedCertificate): TrustChoice {
  // The topmost CA sent: the root when the portal sends it, otherwise its highest intermediate.
  const ca = [...certificate.issuers].reverse().find((issuer) => issuer.isCa) ?? null;
  return {
    ca,
    leaf: certificate,
    canTrust: certificate.problem === 'untrusted' || certificate.problem === 'other',
    caMissing: ca === null && !certificate.selfSigned,
  };
}
