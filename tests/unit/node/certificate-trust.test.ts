/** Which TLS failures open the trust prompt, and what the prompt offers to trust. */
import { describe, expect, it } from 'vitest';
import { isTlsFailure } from '../../../src/node/http';
import { certificateProblem } from '../../../src/node/host/certificate';
import { trustChoice } from '../../../src/renderer/firstrun/trust-choice';
import type { CertificateSummary, UntrustedCertificate } from '../../../src/shared/api';

const cert = (name: string, over: Partial<CertificateSummary> = {}): CertificateSummary => ({
  fingerprint: name, subject: `CN=${name}`, issuer: 'CN=?', validFrom: '2026-01-01T00:00:00.000Z', validTo: '2027-01-01T00:00:00.000Z', isCa: false, selfSigned: false, ...over,
});
const presented = (leaf: CertificateSummary, issuers: CertificateSummary[], problem: UntrustedCertificate['problem'] = 'untrusted'): UntrustedCertificate => ({ ...leaf, issuers, problem });

describe('TLS failures', () => {
  it('a leaf whose CA is unknown is a TLS failure (it opens the prompt), as are Node’s own TLS errors', () => {
    for (const code of ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'CERT_HAS_EXPIRED', 'ERR_TLS_CERT_ALTNAME_INVALID', 'ERR_SSL_WRONG_VERSION_NUMBER']) {
      expect(isTlsFailure(code), code).toBe(true);
    }
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', '']) expect(isTlsFailure(code), code).toBe(false);
  });

  it('names what trusting would solve and what it would not', () => {
    expect(certificateProblem('UNABLE_TO_VERIFY_LEAF_SIGNATURE')).toBe('untrusted');
    expect(certificateProblem('DEPTH_ZERO_SELF_SIGNED_CERT')).toBe('untrusted');
    expect(certificateProblem('CERT_HAS_EXPIRED')).toBe('expired');
    expect(certificateProblem('CERT_NOT_YET_VALID')).toBe('not-yet-valid');
    expect(certificateProblem('ERR_TLS_CERT_ALTNAME_INVALID')).toBe('name-mismatch');
    expect(certificateProblem(undefined)).toBe('other');
  });
});

describe('the trust prompt', () => {
  it('recommends the topmost CA the portal sent', () => {
    const issuing = cert('issuing', { isCa: true });
    const root = cert('root', { isCa: true, selfSigned: true });
    expect(trustChoice(presented(cert('leaf'), [issuing, root])).ca).toBe(root);
    expect(trustChoice(presented(cert('leaf'), [issuing])).ca).toBe(issuing);
  });

  it('without a CA in the chain offers only the portal’s certificate, and says when the CA was not sent', () => {
    expect(trustChoice(presented(cert('leaf'), []))).toMatchObject({ ca: null, caMissing: true, canTrust: true });
    expect(trustChoice(presented(cert('self', { selfSigned: true }), []))).toMatchObject({ ca: null, caMissing: false, canTrust: true });
    // A chain element that is no CA is never offered as one.
    expect(trustChoice(presented(cert('leaf'), [cert('odd')])).ca).toBeNull();
  });

  it('offers nothing to trust for an expired or misnamed certificate', () => {
    expect(trustChoice(presented(cert('leaf'), [], 'expired')).canTrust).toBe(false);
    expect(trustChoice(presented(cert('leaf'), [], 'name-mismatch')).canTrust).toBe(false);
    expect(trustChoice(presented(cert('leaf'), [], 'not-yet-valid')).canTrust).toBe(false);
  });
});
