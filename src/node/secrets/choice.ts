/**
 * Browser mode's secret store: the OS keychain, checked at start, or — when the user chooses it
 * because there is no usable keychain — this process's memory only (never disk, settings, the
 * database or logs; closing browser mode forgets the sign-in).
 */
import type { SecretStore } from '../../core/ports';
import type { SecretStoreStatus } from '../../shared/api';
import { SecretStoreError } from './errors';
import { MemorySecretStore } from './memory';

/** An entry written and removed again, to see that the keychain can store (not only read). */
const PROBE_KEY = 'pult|keychain-check';

export interface SecretsControl {
  status(): SecretStoreStatus;
  /** Tries the keychain now; its problem, if any, is what status() says. */
  check(): Promise<void>;
  /** From now on secrets live in this process's memory; false where that is not offered. */
  useMemory(): boolean;
}

export class SecretStoreChoice implements SecretStore, SecretsControl {
  private memory: MemorySecretStore | null;
  private problem: string | null = null;

  constructor(
    private readonly keychain: SecretStore,
    private readonly options: { canUseMemory: boolean; startInMemory?: boolean },
  ) {
    this.memory = options.startInMemory ? new MemorySecretStore() : null;
  }

  status(): SecretStoreStatus {
    return { kind: this.memory ? 'memory' : 'keychain', keychainProblem: this.memory ? null : this.problem, canUseMemory: this.options.canUseMemory };
  }

  async check(): Promise<void> {
    if (this.memory) return;
    try {
      await this.keychain.get(PROBE_KEY);
      await this.keychain.set(PROBE_KEY, 'ok');
      await this.keychain.delete(PROBE_KEY);
      this.problem = null;
    } catch (error) {
      this.problem = error instanceof SecretStoreError ? error.code : 'failed';
    }
  }

  useMemory(): boolean {
    if (!this.options.canUseMemory) return false;
    this.memory ??= new MemorySecretStore();
    return true;
  }

  get(key: string): Promise<string | null> {
    return this.use((store) => store.get(key));
  }

  set(key: string, value: string): Promise<void> {
    return this.use((store) => store.set(key, value));
  }

  delete(key: string): Promise<void> {
    return this.use((store) => store.delete(key));
  }

  /** A keychain failure in use updates the status too (it may have been locked since the check). */
  private async use<T>(work: (store: SecretStore) => Promise<T>): Promise<T> {
    if (this.memory) return work(this.memory);
    try {
      const result = await work(this.keychain);
      this.problem = null;
      return result;
    } catch (error) {
      if (error instanceof SecretStoreError && error.code !== 'invalid') this.problem = error.code;
      throw error;
    }
  }
}
