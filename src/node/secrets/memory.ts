/**
 * An in-memory SecretStore for tests of other modules: same contract as the keychain, plus a
 * switch to make every call fail the way a locked or missing keychain does.
 */
import type { SecretStore } from '../../core/ports';
import { SecretStoreError } from './errors';

export class MemorySecretStore implements SecretStore {
  private readonly values = new Map<string, string>();
  private failure: SecretStoreError | null = null;

  constructor(initial: Record<string, string> = {}) {
    for (const [key, value] of Object.entries(initial)) this.values.set(key, value);
  }

  /** From now on every call rejects with `error` (null: work again). */
  failWith(error: SecretStoreError | null): void {
    this.failure = error;
  }

  /** What is stored now, for assertions ("the token was saved", "nothing was left behind"). */
  snapshot(): Record<string, string> {
    return Object.fromEntries(this.values);
  }

  async get(key: string): Promise<string | null> {
    this.throwIfFailing(key);
    return this.values.get(key) ?? null;
  }

  async set(key: string, value: string): Promise<void> {
    this.throwIfFailing(key);
    this.values.set(key, value);
  }

  async delete(key: string): Promise<void> {
    this.throwIfFailing(key);
    this.values.delete(key);
  }

  private throwIfFailing(key: string): void {
    if (this.failure) throw this.failure;
    // As the keychain adapter does: an empty key is a caller's bug, not a secret.
    if (key === '') throw new SecretStoreError('invalid', 'A secret needs a non-empty key');
  }
}
