/**
 * Keychain failures as one error type whose message tells the user what to do. Kept apart from
 * keychain.ts so the in-memory store (and its tests) never load the native keyring module.
 */

export type SecretStoreErrorCode =
  /** No keychain service to talk to (Linux: no D-Bus session or no Secret Service provider). */
  | 'unavailable'
  /** The keychain is there but has no default keyring to store into. */
  | 'no-keyring'
  /** The keychain is locked, or the user dismissed the unlock prompt. */
  | 'locked'
  /** The keychain refused access to this program. */
  | 'denied'
  /** The key or value cannot be stored (empty key, too long, several matching entries). */
  | 'invalid'
  | 'failed';

export class SecretStoreError extends Error {
  constructor(
    readonly code: SecretStoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SecretStoreError';
  }
}
