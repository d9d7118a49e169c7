/**
 * `--token-file <file>`: OAuth for scripting. The file holds SECRETS (client_secret and a live
 * refresh token) in plain JSON: keep it readable by its owner only, never commit it; the app
 * itself keeps these in the OS keychain. It is the token server's answer as it came
 * (`access_token, refresh_token, expires_in, client_endpoint, ...`) plus `client_id`,
 * `client_secret` and `server_domain` (or `oauth_server_url`).
 *
 * Refresh tokens are single-use: a rotated pair is written back (temp file + fsync + rename)
 * before it is used, so a kill at any moment leaves either the old pair (not yet spent) or the
 * new one in the file, never a spent token.
 */
import { readFileSync, statSync } from 'node:fs';
import { z } from 'zod';
import type { AppCredentials, TokenSet } from '../../core/bitrix/oauth';
import { tokenServerOrigin } from '../../core/bitrix/oauth';
import type { TokenStorage } from '../../core/bitrix/token-manager';
import { writeFileAtomic } from '../files/atomic-file';

export class TokenFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TokenFileError';
  }
}

const numeric = z.union([z.number(), z.string().regex(/^\d+$/)]).transform(Number);

const tokenFileSchema = z
  .looseObject({
    access_token: z.string().min(1),
    refresh_token: z.string().min(1),
    expires_in: numeric.optional(),
    expires: numeric.optional(),
    client_endpoint: z.string().optional(),
    scope: z.string().optional(),
    member_id: z.string().optional(),
    user_id: z.union([z.number(), z.string()]).transform(String).optional(),
    client_id: z.string().min(1),
    client_secret: z.string().min(1),
    server_domain: z.string().min(1).optional(),
    oauth_server_url: z.url().optional(),
  })
  .refine((f) => f.server_domain !== undefined || f.oauth_server_url !== undefined, { message: 'server_domain or oauth_server_url is required (where refreshes go)' });

type TokenFileJson = z.output<typeof tokenFileSchema>;

export interface TokenFile {
  app: AppCredentials;
  tokens: TokenSet;
  storage: TokenStorage;
  /** Set when others may read the file: its secrets should be the owner's alone. */
  warning: string | null;
}

function toTokenSet(json: TokenFileJson, portalUrl: string, now: number): TokenSet {
  const serverOrigin = json.oauth_server_url ? new URL(json.oauth_server_url).origin : tokenServerOrigin(json.server_domain ?? '', portalUrl);
  return {
    accessToken: json.access_token,
    refreshToken: json.refresh_token,
    // Only informative: the client refreshes when the portal says expired_token.
    expiresAt: json.expires !== undefined ? json.expires * 1000 : now + (json.expires_in ?? 0) * 1000,
    scope: json.scope ?? '',
    memberId: json.member_id ?? '',
    userId: json.user_id ?? '',
    serverOrigin,
    clientEndpoint: json.client_endpoint ?? '',
  };
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new TokenFileError(`cannot read --token-file ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new TokenFileError(`--token-file ${file} is not JSON`);
  }
}

function parse(file: string, raw: unknown): TokenFileJson {
  const parsed = tokenFileSchema.safeParse(raw);
  if (!parsed.success) {
    // Name the fields, never their values: they are secrets.
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'file'}: ${issue.message}`).join('; ');
    throw new TokenFileError(`--token-file ${file} is not a usable token set: ${issues}`);
  }
  return parsed.data;
}

/** Reads and checks the file now (a bad file is exit 2), and returns a TokenStorage over it. */
export function openTokenFile(file: string, portalUrl: string, now: () => number): TokenFile {
  const first = parse(file, readJson(file));
  const app = { clientId: first.client_id, clientSecret: first.client_secret };
  const storage: TokenStorage = {
    async load() {
      const raw = readJson(file);
      if (typeof raw === 'object' && raw !== null && !('refresh_token' in raw)) return null; // cleared: signed out
      return toTokenSet(parse(file, raw), portalUrl, now());
    },
    async save(tokens) {
      // Keep what the file had (client_id, client_secret, server_domain, extra fields); replace the pair.
      const current = readJson(file) as Record<string, unknown>;
      const next = {
        ...current,
        access_token: tokens.accessToken,
        refresh_token: tokens.refreshToken,
        expires: Math.floor(tokens.expiresAt / 1000),
        expires_in: Math.max(0, Math.round((tokens.expiresAt - now()) / 1000)),
        scope: tokens.scope || current.scope,
        member_id: tokens.memberId || current.member_id,
        user_id: tokens.userId || current.user_id,
        client_endpoint: tokens.clientEndpoint || current.client_endpoint,
      };
      writeFileAtomic(file, `${JSON.stringify(next, null, 2)}\n`);
    },
    async clear() {
      const current = readJson(file) as Record<string, unknown>;
      const { access_token: _a, refresh_token: _r, ...rest } = current;
      writeFileAtomic(file, `${JSON.stringify(rest, null, 2)}\n`);
    },
  };
  const mode = statSync(file).mode;
  const warning = process.platform !== 'win32' && (mode & 0o077) !== 0 ? `--token-file ${file} holds secrets and is readable by others (mode ${(mode & 0o777).toString(8)}): chmod 600 it` : null;
  return { app, tokens: toTokenSet(first, portalUrl, now()), storage, warning };
}
