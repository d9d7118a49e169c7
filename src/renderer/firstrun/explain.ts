/** Turns a failed connect into the sentence shown under the form (and the certificate to decide on). */
import type { UntrustedCertificate } from '../../shared/api';
import type { MessageKey } from '../i18n';

export interface Explained {
  key: MessageKey;
  values: Record<string, string>;
  certificate: UntrustedCertificate | null;
}

export function explainConnectError(error: unknown): Explained {
  const details = (error as { details?: { code?: string; message?: string; certificate?: UntrustedCertificate } }).details;
  const message = details?.message ?? (error instanceof Error ? error.message : String(error));
  switch (details?.code) {
    case 'untrusted-certificate':
      return { key: 'firstrun.cert.title', values: {}, certificate: details.certificate ?? null };
    case 'unreachable':
      return { key: 'firstrun.error.unreachable', values: { message }, certificate: null };
    case 'invalid-input':
      return { key: 'firstrun.error.invalid', values: { message }, certificate: null };
    case 'denied':
      return { key: 'firstrun.error.denied', values: { message }, certificate: null };
    case 'signed-out':
      return { key: 'firstrun.error.signed-out', values: { message }, certificate: null };
    default:
      return { key: 'firstrun.error.other', values: { message }, certificate: null };
  }
}

/** The portal's origin, or null when the text is not an http(s) address. */
export function normaliseAddress(text: string): string | null {
  const trimmed = text.trim().replace(/\/+$/, '');
  const withScheme = /^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  try {
    const url = new URL(withScheme);
    if (url.pathname !== '/' && url.pathname !== '') return null;
    return url.origin;
  } catch {
    return null;
  }
}
