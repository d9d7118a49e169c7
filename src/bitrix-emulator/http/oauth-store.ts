import { createHash, randomBytes } from 'node:crypto';
import type { OffsetClock } from '../clock';

/** The one local application registered on the emulated portal (docs-facts §1: `local.xxx.yyy`). */
export interface AppRegistration {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  scopes: readonly string[];
}

interface Grant {
  clientId: string;
  userId: string;
  scopes: readonly string[];
  expiresAt: number;
}
interface CodeGrant extends Grant {
  used: boolean;
}
interface RefreshGrant extends Grant {
  dead: boolean;
}
export interface AccessGrant extends Grant {
  token: string;
}

export interface OAuthOptions {
  accessTokenLifetime: number;
  refreshTokenLifetime: number;
}

const CODE_LIFETIME_SECONDS = 30; // docs-facts §1: code expires in 30 s

export function randomToken(bytes = 20): string {
  return randomBytes(bytes).toString('hex');
}

/** Codes, access and refresh tokens of the emulated oauth.bitrix.info, timed by the emulator clock. */
export class OAuthStore {
  readonly app: AppRegistration;
  /** server-facts §3: member_id = md5 of the portal's own service client id. */
  readonly memberId = createHash('md5').update(`emulator.${randomToken(8)}`).digest('hex');
  private readonly codes = new Map<string, CodeGrant>();
  private readonly access = new Map<string, AccessGrant>();
  private readonly refresh = new Map<string, RefreshGrant>();

  constructor(
    private readonly clock: OffsetClock,
    private readonly options: OAuthOptions,
    redirectUri: string,
    scopes: readonly string[],
  ) {
    const digits = String(randomBytes(4).readUInt32BE(0) % 100_000_000).padStart(8, '0');
    this.app = {
      clientId: `local.${randomBytes(7).toString('hex').slice(0, 14)}.${digits}`,
      clientSecret: randomBytes(32).toString('base64url').slice(0, 50),
      redirectUri,
      scopes,
    };
  }

  issueCode(clientId: string, userId: string): string {
    const code = randomToken();
    this.codes.set(code, {
      clientId,
      userId,
      scopes: this.app.scopes,
      expiresAt: this.clock.now() + CODE_LIFETIME_SECONDS * 1000,
      used: false,
    });
    return code;
  }

  /**
   * Single use: a code is spent even by a failed exchange attempt with the right client.
   * `'expired'` for a code past its lifetime (the server answers 401 expired_token), undefined for
   * an unknown or used one (400 invalid_grant).
   */
  takeCode(code: string, clientId: string): Grant | 'expired' | undefined {
    const grant = this.codes.get(code);
    if (!grant || grant.used || grant.clientId !== clientId) return undefined;
    grant.used = true;
    if (grant.expiresAt <= this.clock.now()) return 'expired';
    return grant;
  }

  /** Rotation: the refresh token is dead once used (docs-facts §1). `'expired'` past its lifetime. */
  takeRefresh(token: string, clientId: string): Grant | 'expired' | undefined {
    const grant = this.refresh.get(token);
    if (!grant || grant.dead || grant.clientId !== clientId) return undefined;
    if (grant.expiresAt <= this.clock.now()) return 'expired';
    grant.dead = true;
    return grant;
  }

  issueTokens(grant: Grant): { access: AccessGrant; refreshToken: string } {
    const now = this.clock.now();
    const token = randomToken();
    const access: AccessGrant = {
      token,
      clientId: grant.clientId,
      userId: grant.userId,
      scopes: grant.scopes,
      expiresAt: now + this.options.accessTokenLifetime * 1000,
    };
    this.access.set(token, access);
    const refreshToken = randomToken();
    this.refresh.set(refreshToken, {
      clientId: grant.clientId,
      userId: grant.userId,
      scopes: grant.scopes,
      expiresAt: now + this.options.refreshTokenLifetime * 1000,
      dead: false,
    });
    return { access, refreshToken };
  }

  findAccess(token: string): AccessGrant | undefined {
    return this.access.get(token);
  }

  expireAccessTokens(): void {
    const past = this.clock.now() - 1000;
    for (const grant of this.access.values()) grant.expiresAt = Math.min(grant.expiresAt, past);
  }

  revokeRefreshTokens(): void {
    for (const grant of this.refresh.values()) grant.dead = true;
  }

  /** Every access and refresh token ever issued, live or not (a test scans the disk for them). */
  issued(): { accessTokens: string[]; refreshTokens: string[] } {
    return { accessTokens: [...this.access.keys()], refreshTokens: [...this.refresh.keys()] };
  }

  counts(): { accessTokens: number; liveRefreshTokens: number } {
    let live = 0;
    for (const g of this.refresh.values()) if (!g.dead) live++;
    return { accessTokens: this.access.size, liveRefreshTokens: live };
  }
}
