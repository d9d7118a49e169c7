/**
 * The sign-in window's certificate check: Chromium's verdict, except that a chain Chromium only
 * refuses for its authority is accepted when it leads, with valid signatures, to the certificate
 * the user trusted in Pult (a CA, or the portal's own certificate) — and Node agrees the leaf
 * names the portal and every certificate up to the trusted one is within its dates. The same
 * rule Node's connections follow (src/node/tls-trust.ts); nothing else is ever accepted.
 */
import { X509Certificate } from 'node:crypto';
import net from 'node:net';
import type { Certificate, Request } from 'electron';

/** `setCertificateVerifyProc` answers: 0 accepts, -3 keeps Chromium's own result. */
export const ACCEPT = 0;
export const CHROMIUM_VERDICT = -3;

/** The one failure a user's trust resolves (net::ErrorToString of ERR_CERT_AUTHORITY_INVALID). */
const AUTHORITY_INVALID = 'net::ERR_CERT_AUTHORITY_INVALID';
const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
/** Longer chains are not what a portal sends; the walk stops there. */
const MAX_CHAIN = 10;

export type VerifyRequest = Pick<Request, 'hostname' | 'certificate' | 'verificationResult'>;

const bare = (host: string) => host.replace(/^\[|\]$/g, '').toLowerCase();

/** The chain as the server presented it, leaf first (Electron links it by `issuerCert`). */
function presentedChain(certificate: Certificate): X509Certificate[] {
  const chain: X509Certificate[] = [];
  const seen = new Set<string>();
  let current: Certificate | undefined = certificate;
  while (current?.data && chain.length < MAX_CHAIN) {
    const cert = new X509Certificate(current.data);
    if (seen.has(cert.fingerprint256)) break;
    seen.add(cert.fingerprint256);
    chain.push(cert);
    current = current.issuerCert;
  }
  return chain;
}

function namesHost(leaf: X509Certificate, host: string): boolean {
  return (net.isIP(host) ? leaf.checkIP(host) : leaf.checkHost(host)) !== undefined;
}

const withinDates = (cert: X509Certificate, now: number) => cert.validFromDate.getTime() <= now && now <= cert.validToDate.getTime();

/** Each certificate below the trusted one is signed by the next, and each of those is a CA. */
function linksUp(chain: readonly X509Certificate[], upTo: number): boolean {
  for (let i = 0; i < upTo; i++) {
    const cert = chain[i]!;
    const issuer = chain[i + 1]!;
    if (!issuer.ca || !cert.checkIssued(issuer) || !cert.verify(issuer.publicKey)) return false;
  }
  return true;
}

export function certificateVerifier(portalHost: string, trustedPems: readonly string[], now: () => number): (request: VerifyRequest) => number {
  const trusted = new Set<string>();
  for (const pem of trustedPems) {
    try {
      trusted.add(new X509Certificate(pem).fingerprint256);
    } catch {
      // A damaged file trusts nothing.
    }
  }
  const host = bare(portalHost);
  return (request) => {
    if (trusted.size === 0 || request.verificationResult !== AUTHORITY_INVALID || bare(request.hostname) !== host) return CHROMIUM_VERDICT;
    try {
      const chain = presentedChain(request.certificate);
      const anchor = chain.findIndex((cert) => trusted.has(cert.fingerprint256));
      const leaf = chain[0];
      if (!leaf || anchor < 0 || !linksUp(chain, anchor)) return CHROMIUM_VERDICT;
      if (!namesHost(leaf, host) || (leaf.keyUsage && !leaf.keyUsage.includes(SERVER_AUTH))) return CHROMIUM_VERDICT;
      const at = now();
      return chain.slice(0, anchor + 1).every((cert) => withinDates(cert, at)) ? ACCEPT : CHROMIUM_VERDICT;
    } catch {
      return CHROMIUM_VERDICT;
    }
  };
}
