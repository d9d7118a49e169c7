/**
 * Certificates made at test time, the way an organisation's PKI issues them: a root CA, an
 * intermediate, and portal certificates for 127.0.0.1/localhost signed by either (or self-signed).
 */
import { generate } from 'selfsigned';

export interface Issued {
  key: string;
  cert: string;
}

const DAY = 86_400_000;
const caExtensions = [
  { name: 'basicConstraints', cA: true, critical: true },
  { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
];
const leafExtensions = (names: { dns: string[]; ips: string[] }) => [
  { name: 'basicConstraints', cA: false },
  { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
  { name: 'extKeyUsage', serverAuth: true },
  { name: 'subjectAltName', altNames: [...names.dns.map((value) => ({ type: 2, value })), ...names.ips.map((ip) => ({ type: 7, ip }))] },
];

async function issue(commonName: string, extensions: object[], signer?: Issued, days = 365): Promise<Issued> {
  const now = Date.now();
  const pems = await generate([{ name: 'commonName', value: commonName }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: new Date(now - DAY),
    notAfterDate: new Date(now + days * DAY),
    extensions: extensions as never,
    ...(signer ? { ca: { key: signer.key, cert: signer.cert } } : {}),
  });
  return { key: pems.private, cert: pem(pems.cert) };
}

function pem(text: string): string {
  return `${text.trim()}\n`;
}

export const makeRootCa = (name = 'Pult Test Root CA') => issue(name, caExtensions);
export const makeIntermediateCa = (root: Issued, name = 'Pult Test Issuing CA') => issue(name, caExtensions, root);
/** A portal's certificate; by default for 127.0.0.1 and localhost, self-signed without a signer. */
export const makePortalCert = (signer?: Issued, names = { dns: ['localhost'], ips: ['127.0.0.1'] }) => issue(names.dns[0] ?? 'portal', leafExtensions(names), signer);

/** What a web server is configured with: its key, and its certificate followed by the chain it sends. */
export function served(leaf: Issued, ...chain: Issued[]): { key: string; cert: string } {
  return { key: leaf.key, cert: [leaf, ...chain].map((c) => c.cert).join('') };
}
