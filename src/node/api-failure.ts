import type { ApiErrorCode, UntrustedCertificate } from '../shared/api';

/** An error the host means to show the user, with a code the UI can explain. */
export class ApiFailure extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly portalCode?: string,
    readonly certificate?: UntrustedCertificate,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}
