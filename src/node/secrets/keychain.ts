/**
 * The SecretStore port over the OS keychain (macOS Keychain, Windows Credential Manager, Linux
 * Secret Service) through @napi-rs/keyring. One entry per key, under one service name.
 */
import { AsyncEntry, type EntryOptions } from '@napi-rs/keyring';
import type { SecretStore } from '../../core/ports';
import { SecretStoreError } from './errors';

export { SecretStoreError, type SecretStoreErrorCode } from './errors';

export interface KeychainOptions {
  /** The service the entries are filed under; tests pass a unique one. */
  service?: string;
  /**
   * Linux only. The default pins the Secret Service: the keyring library would otherwise fall
   * back silently to the kernel keyring, which forgets everything at reboot, so a user would be
   * signed out after each restart with no hint why. A clear error is better.
   */
  linuxStore?: 'secret-service' | 'keyutils';
}

export const DEFAULT_SERVICE = 'Pult';

export function createKeychainSecretStore(options: KeychainOptions = {}): SecretStore {
  const service = options.service ?? DEFAULT_SERVICE;
  const entryOptions: EntryOptions = { linux: { store: options.linuxStore ?? 'secret-service' } };

  async function withEntry<T>(key: string, action: string, work: (entry: AsyncEntry) => Promise<T>): Promise<T> {
    if (key === '') throw new SecretStoreError('invalid', `Cannot ${action} a secret with an empty key`);
    try {
      // The constructor itself throws when a pinned store is unavailable.
      return await work(new AsyncEntry(service, key, entryOptions));
    } catch (error) {
      throw toSecretStoreError(error, action, key);
    }
  }

  return {
    get: (key) => withEntry(key, 'read', (entry) => entry.getPassword()),
    set: (key, value) => withEntry(key, 'save', (entry) => entry.setPassword(value)),
    delete: async (key) => {
      // false means "there was nothing to delete": the outcome the caller wanted.
      await withEntry(key, 'delete', (entry) => entry.deletePassword());
    },
  };
}

/** keyring-rs reports kinds only in its message text ("Platform failure: ...", ...). */
export function toSecretStoreError(error: unknown, action: string, key: string): SecretStoreError {
  if (error instanceof SecretStoreError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  const lead = `Could not ${action} "${key}" in the system keychain`;
  const make = (code: SecretStoreError['code'], advice: string): SecretStoreError => new SecretStoreError(code, `${lead}: ${advice} (${detail})`, { cause: error });

  if (/dbus|DBUS_SESSION_BUS_ADDRESS|org\.freedesktop\.secrets|ServiceUnknown|Secret Service is not available/i.test(detail) && !/locked/i.test(detail)) {
    return make(
      'unavailable',
      'no keychain service is running. On Linux, run Pult inside a desktop session with a Secret Service provider (GNOME Keyring or KWallet; on a minimal system install the gnome-keyring package), then retry',
    );
  }
  if (/no result found/i.test(detail)) {
    return make('no-keyring', 'the keychain has no default keyring. Create one (GNOME: "Passwords and Keys" → new "Login" keyring, set as default), then retry');
  }
  if (/locked|dismissed|prompt|cancel/i.test(detail)) {
    return make('locked', 'the keychain is locked. Unlock it (sign in to the desktop again, or open your keyring manager and unlock the default keyring), then retry');
  }
  if (/AccessDenied|denied|not allowed|permission/i.test(detail)) {
    return make('denied', 'the keychain refused access to Pult. Allow Pult in your keychain settings, then retry');
  }
  if (/ambiguous|longer than|too long|invalid|encoding/i.test(detail)) {
    return make('invalid', 'the keychain cannot store this entry as it is. Remove duplicate "Pult" entries in your keychain manager, then retry');
  }
  return make('failed', 'the keychain reported an error. Retry; if it persists, check that your keychain works in other applications');
}
