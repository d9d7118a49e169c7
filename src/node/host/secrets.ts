/** Where each secret lives in the OS keychain (never in settings, the database or logs). */
import type { SecretStore } from '../../core/ports';
import type { TokenSet } from '../../core/bitrix/oauth';
import type { TokenStorage } from '../../core/bitrix/token-manager';

export const secretKeys = {
  webhook: (portal: string) => `${portal}|webhook`,
  clientSecret: (portal: string) => `${portal}|oauth-client-secret`,
  tokens: (portal: string) => `${portal}|oauth-tokens`,
};

/** The rotating token pair in the keychain: saved before the new pair is used. */
export function keychainTokenStorage(secrets: SecretStore, portal: string): TokenStorage {
  const key = secretKeys.tokens(portal);
  return {
    async load() {
      const text = await secrets.get(key);
      if (!text) return null;
      try {
        return JSON.parse(text) as TokenSet;
      } catch {
        return null;
      }
    },
    save: (tokens) => secrets.set(key, JSON.stringify(tokens)),
    clear: () => secrets.delete(key),
  };
}

/** Drops every secret of one portal (sign-out). */
export async function forgetPortalSecrets(secrets: SecretStore, portal: string): Promise<void> {
  await Promise.all(Object.values(secretKeys).map((key) => secrets.delete(key(portal))));
}
