/**
 * How a certificate the user trusted joins Node's verification. Verification itself is never
 * switched off: the chain must still end at a trusted certificate and name the host.
 */
import tls from 'node:tls';

export interface TrustOptions {
  ca?: string[];
  allowPartialTrustChain?: boolean;
}

/**
 * The trusted PEM is added to Node's default roots. `allowPartialTrustChain` (Node ≥ 22.9) makes
 * a trusted certificate that is not self-signed an anchor too: the portal's own certificate
 * pinned by fingerprint, or an intermediate CA whose root the portal does not send.
 */
export function trustOptions(trustedPems: readonly string[] = []): TrustOptions {
  if (trustedPems.length === 0) return {};
  return { ca: [...tls.rootCertificates, ...trustedPems], allowPartialTrustChain: true };
}
