import { X509Certificate } from 'node:crypto';
import { generate } from 'selfsigned';

export interface TlsMaterial {
  key: string;
  cert: string;
  /** SHA-256, colon-separated upper-case hex, as X509Certificate.fingerprint256. */
  fingerprint256: string;
}

/** A self-signed certificate for 127.0.0.1 and localhost, made at start (a box portal with its own cert). */
export async function makeSelfSignedCert(clockNowMs: number): Promise<TlsMaterial> {
  const notBefore = new Date(clockNowMs - 24 * 3600_000);
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate: notBefore,
    notAfterDate: new Date(clockNowMs + 365 * 24 * 3600_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert, fingerprint256: new X509Certificate(pems.cert).fingerprint256 };
}

/**
 * A key and certificate made elsewhere (a leaf signed by a test CA): `cert` may hold the chain the
 * server presents, leaf first then intermediates, as a portal's web server is configured.
 */
export function givenCert(key: string, cert: string): TlsMaterial {
  return { key, cert, fingerprint256: new X509Certificate(cert).fingerprint256 };
}
