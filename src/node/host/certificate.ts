/**
 * Reads the certificate a portal presents, so the user can decide to trust it (an intranet CA or
 * a self-signed certificate). Only the handshake happens: no request is sent on this connection.
 */
import tls from 'node:tls';
import type { X509Certificate } from 'node:crypto';
import type { UntrustedCertificate } from '../../shared/api';

export interface PresentedCertificate extends UntrustedCertificate {
  pem: string;
}

export function presentedCertificate(portalUrl: string, timeoutMs = 10_000): Promise<PresentedCertificate> {
  const url = new URL(portalUrl);
  return new Promise((resolve, reject) => {
    const socket = tls.connect({
      host: url.hostname,
      port: Number(url.port || 443),
      servername: /^[\d.]+$/.test(url.hostname) ? undefined : url.hostname,
      // Verification is done by the user comparing the fingerprint; nothing is sent here.
      rejectUnauthorized: false,
    });
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error('No TLS answer from the portal')));
    socket.once('secureConnect', () => {
      const peer = socket.getPeerX509Certificate();
      socket.destroy();
      if (!peer) return reject(new Error('The portal presented no certificate'));
      resolve(describe(peer));
    });
    socket.once('error', reject);
  });
}

export function describe(cert: X509Certificate): PresentedCertificate {
  return { fingerprint: cert.fingerprint256, subject: cert.subject.replace(/\n/g, ', '), issuer: cert.issuer.replace(/\n/g, ', '), validTo: isoDate(cert.validTo), pem: cert.toString() };
}

/** "Dec  1 00:00:00 2027 GMT" (OpenSSL's form) as ISO 8601, for the window to word in its language. */
function isoDate(openSslDate: string): string {
  const at = Date.parse(openSslDate);
  return Number.isNaN(at) ? openSslDate : new Date(at).toISOString();
}
