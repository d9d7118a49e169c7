import { BitrixError } from './errors';
import { refreshTokenSet, type AppCredentials, type TokenSet } from './oauth';
import type { TokenSource } from './client';
import type { Clock, Http, Logger } from '../ports';

/** Where the token pair lives (the OS keychain in the app). */
export interface TokenStorage {
  load(): Promise<TokenSet | null>;
  save(tokens: TokenSet): Promise<void>;
  clear(): Promise<void>;
}

/**
 * Owns the rotating token pair. Refresh tokens are single-use: one refresh at a time for the
 * whole app, and the new pair is saved before anyone uses it, so a crash cannot strand us with a
 * dead refresh token in storage and the live one only in memory.
 */
export class TokenManager implements TokenSource {
  private tokens: TokenSet | null = null;
  private inflight: Promise<string> | null = null;

  constructor(
    private readonly deps: { http: Http; clock: Clock; storage: TokenStorage; app: () => Promise<AppCredentials>; logger?: Logger; onSignedOut?: () => void },
  ) {}

  private async load(): Promise<TokenSet> {
    this.tokens ??= await this.deps.storage.load();
    if (!this.tokens) throw new BitrixError('signed-out', 'NO_TOKENS', 'Not signed in to the portal');
    return this.tokens;
  }

  async current(): Promise<string> {
    if (this.inflight) return this.inflight;
    return (await this.load()).accessToken;
  }

  refresh(staleToken: string): Promise<string> {
    if (this.inflight) return this.inflight;
    if (this.tokens && this.tokens.accessToken !== staleToken) return Promise.resolve(this.tokens.accessToken);
    this.inflight = this.doRefresh().finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  private async doRefresh(): Promise<string> {
    const tokens = await this.load();
    let next: TokenSet;
    try {
      next = await refreshTokenSet(this.deps.http, await this.deps.app(), tokens, this.deps.clock.now());
    } catch (error) {
      if (error instanceof BitrixError && error.kind === 'signed-out') {
        this.deps.logger?.warn('refresh token refused; signed out', { code: error.code });
        this.deps.onSignedOut?.();
      }
      throw error;
    }
    await this.deps.storage.save(next);
    this.tokens = next;
    return next.accessToken;
  }

  /** After a fresh sign-in. */
  async replace(tokens: TokenSet): Promise<void> {
    await this.deps.storage.save(tokens);
    this.tokens = tokens;
  }

  async signOut(): Promise<void> {
    this.tokens = null;
    await this.deps.storage.clear();
  }
}
