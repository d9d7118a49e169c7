/**
 * REST 3.0 `Idempotency-Key` (docs `api-reference/rest-v3.md`): a successful create/modify call's
 * answer is kept 24 h per application or webhook, user, method and key; the same key with the same
 * body replays the stored answer with `Idempotent-Replayed: true`; the same key with another body
 * is 422; a malformed key is 400; failures are not stored. Only under `/rest/api/`.
 */
import { createHash } from 'node:crypto';
import type { AuthInfo } from './types';

const DAY_MS = 86_400_000;
const VALID_KEY = /^[\x21-\x7e]{1,255}$/;

interface Stored {
  bodyHash: string;
  status: number;
  body: Record<string, unknown>;
  storedAt: number;
}

export type IdempotencyCheck =
  | { kind: 'none' }
  | { kind: 'invalid' }
  | { kind: 'reused' }
  | { kind: 'replay'; status: number; body: Record<string, unknown>; key: string }
  | { kind: 'fresh'; slot: string; bodyHash: string; key: string };

export class IdempotencyStore {
  private readonly answers = new Map<string, Stored>();

  constructor(private readonly now: () => number) {}

  check(key: string | undefined, auth: AuthInfo, method: string, params: unknown): IdempotencyCheck {
    if (key === undefined) return { kind: 'none' };
    if (!VALID_KEY.test(key)) return { kind: 'invalid' };
    const slot = `${auth.authType}|${auth.clientId ?? 'webhook'}|${auth.userId}|${method}|${key}`;
    const bodyHash = createHash('sha256').update(JSON.stringify(params)).digest('hex');
    const stored = this.answers.get(slot);
    if (stored && this.now() - stored.storedAt < DAY_MS) {
      if (stored.bodyHash !== bodyHash) return { kind: 'reused' };
      return { kind: 'replay', status: stored.status, body: stored.body, key };
    }
    return { kind: 'fresh', slot, bodyHash, key };
  }

  remember(check: Extract<IdempotencyCheck, { kind: 'fresh' }>, status: number, body: Record<string, unknown>): void {
    if (status !== 200) return;
    this.answers.set(check.slot, { bodyHash: check.bodyHash, status, body, storedAt: this.now() });
  }
}
