/**
 * Reads the certificate chain a portal presents, so the user can decide to trust its CA (an
 * intranet CA) or its own certificate (self-signed, or pinned by fingerprint). Only the handshake
 * happens: no request is sent on this connection, so it may complete with an untrusted chain.
 */
import net from 'node:net';
import tls from 'node:tls';
import { X509Certificate } from 'node:crypto';
import type { CertificateProblem, CertificateSummary, UntrustedCertificate } from '../../shared/api';
import { trustOptions } from '../tls-trust';

export interface PresentedChain {
  /** What the user is shown. */
  certificate: UntrustedCertificate;
  /** PEM by SHA-256 fingerprint, for each certificate of the chain. */
  pems: ReadonlyMap<string, string>;
}

/** OpenSSL's verdicts that an explicitly trusted CA or pinned certificate resolves. */
const UNTRUSTED_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
]);

export function certificateProblem(authorizationError: string | undefined): CertificateProblem {
  if (!authorizationError) return 'other';
  if (UNTRUSTED_CODES.has(authorizationError)) return 'untrusted';
  if (authorizationError === 'CERT_HAS_EXPIRED') return 'expired';
  if (authorizationError === 'CERT_NOT_YET_VALID') return 'not-yet-valid';
  if (authorizationError === 'ERR_TLS_CERT_ALTNAME_INVALID') return 'name-mismatch';
  return 'other';
}

/**
 * The chain as the portal sends it, leaf first, judged with what this machine already trusts
 * (`trustedPems`), so the problem named is the one left after the user's earlier choice.
 */
export function presentedChain(portalUrl: string, trustedPems: readonly string[] = [], timeoutMs = 10_000): Promise<PresentedChain> {
  const url = new URL(portalUrl);
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve, reject) => {
    const socket = tls.connect({
      host: hostname,
      port: Number(url.port || 443),
      servername: net.isIP(hostname) ? undefined : hostname,
      ...trustOptions(trustedPems),
      // Only read and judged here: nothing is sent on this connection.
      rejectUnauthorized: false,
    });
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error('No TLS answer from the portal')));
    socket.once('secureConnect', () => {
      const chain = peerChain(socket);
      const problem = certificateProblem(socket.authorized ? undefined : (socket.authorizationError as unknown as string | undefined));
      socket.destroy();
      const [leaf, ...issuers] = chain;
      if (!leaf) return reject(new Error('The portal presented no certificate'));
      resolve({
        certificate: { ...describe(leaf), issuers: issuers.map(describe), problem },
        pems: new Map(chain.map((cert) => [cert.fingerprint256, cert.toString()])),
      });
    });
    socket.once('error', reject);
  });
}

/** Leaf first, then each issuer the peer sent (Node links them by `issuerCertificate`). */
function peerChain(socket: tls.TLSSocket): X509Certificate[] {
  const chain: X509Certificate[] = [];
  const seen = new Set<string>();
  let current: tls.DetailedPeerCertificate | undefined = socket.getPeerCertificate(true);
  while (current?.raw && !seen.has(current.fingerprint256)) {
    seen.add(current.fingerprint256);
    chain.push(new X509Certificate(current.raw));
    current = current.issuerCertificate;
  }
  return chain;
}

export function describe(cert: X509Certificate): CertificateSummary {
  return {
    fingerprint: cert.fingerprint256,
    subject: oneLine(cert.subject),
    issuer: oneLine(cert.issuer),
    validFrom: isoDate(cert.validFrom),
    validTo: isoDate(cert.validTo),
    isCa: cert.ca,
    selfSigned: cert.subject === cert.issuer && cert.verify(cert.publicKey),
  };
}

function oneLine(name: string): string {
  return name.replace(/\n/g, ', ');
}

/** "Dec  1 00:00:00 2027 GMT" (OpenSSL's form) as ISO 8601, for the window to word in its language. */
function isoDate(openSslDate: string): string {
  const at = Date.parse(openSslDate);
  return Number.isNaN(at) ? openSslDate : new Date(at).toISOString();
}
