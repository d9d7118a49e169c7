import { describe, expect, it } from 'vitest';
import { startTestEmulator } from './harness';

describe('profiles and limits', () => {
  it('server-facts §2: box has no request-rate limit (100 quick calls all succeed)', async () => {
    const emu = await startTestEmulator();
    try {
      const answers = await Promise.all(Array.from({ length: 100 }, () => emu.rest('server.time', {}, { webhook: true })));
      expect(answers.every((a) => a.status === 200)).toBe(true);
    } finally {
      await emu.close();
    }
  });

  it('docs-facts §2: cloud leaky bucket per IP, burst 50 then 503 QUERY_LIMIT_EXCEEDED; drains 2/s; a batch counts as one', async () => {
    const emu = await startTestEmulator({ profile: 'cloud' });
    try {
      const answers = [];
      for (let i = 0; i < 50; i++) answers.push(await emu.rest('batch', { cmd: { a: 'server.time', b: 'server.time' } }, { webhook: true }));
      expect(answers.every((a) => a.status === 200)).toBe(true);
      const over = await emu.rest('server.time', {}, { webhook: true });
      expect(over.status).toBe(503);
      expect(over.body.error).toBe('QUERY_LIMIT_EXCEEDED');
      emu.advanceClock(1); // drains two requests
      expect((await emu.rest('server.time', {}, { webhook: true })).status).toBe(200);
      expect((await emu.rest('server.time', {}, { webhook: true })).status).toBe(200);
      expect((await emu.rest('server.time', {}, { webhook: true })).status).toBe(503);
    } finally {
      await emu.close();
    }
  });

  it('docs-facts §2: cloud answers carry time.operating and time.operating_reset_at', async () => {
    const emu = await startTestEmulator({ profile: 'cloud' });
    try {
      const r = await emu.rest('user.current', {}, { webhook: true });
      const time = r.body.time as Record<string, unknown>;
      expect(typeof time.operating).toBe('number');
      expect(typeof time.operating_reset_at).toBe('number');
    } finally {
      await emu.close();
    }
  });

  it('server-facts §2: the LoadLimiter blocks a method over its operating budget with 429 OPERATION_TIME_LIMIT; batch is excluded', async () => {
    const emu = await startTestEmulator({ operationLimitSeconds: 1, operationCostSeconds: { 'user.current': 0.4 } });
    try {
      const t = await emu.oauthLogin();
      let last: Record<string, unknown> = {};
      for (let i = 0; i < 3; i++) {
        const answer = await emu.rest('user.current', {}, { token: t.access_token });
        expect(answer.status).toBe(200);
        last = answer.body;
      }
      // Successful answers carry the budget (operating, operating_reset_at) ...
      const time = last.time as { operating: number; operating_reset_at: number };
      expect(time.operating).toBeGreaterThan(1);
      expect(time.operating_reset_at).toBeGreaterThan(emu.clock.now() / 1000);
      // ... the refusal carries none (rest.php: LoadLimiter is checked before appendDebugInfo).
      const blocked = await emu.rest('user.current', {}, { token: t.access_token });
      expect(blocked.status).toBe(429);
      expect(blocked.body).toEqual({ error: 'OPERATION_TIME_LIMIT', error_description: 'Method is blocked due to operation time limit.' });
      // Another method is counted apart; batch itself is never blocked (its commands are).
      expect((await emu.rest('server.time', {}, { token: t.access_token })).status).toBe(200);
      const b = await emu.rest('batch', { cmd: { a: 'user.current' } }, { token: t.access_token });
      expect(b.status).toBe(200);
      expect((b.body.result as { result_error: Record<string, { error: string }> }).result_error.a?.error).toBe('OPERATION_TIME_LIMIT');
      // A webhook is a separate key.
      expect((await emu.rest('user.current', {}, { webhook: true })).status).toBe(200);
      emu.advanceClock(601);
      expect((await emu.rest('user.current', {}, { webhook: true })).status).toBe(200);
      const t2 = await emu.oauthLogin();
      expect((await emu.rest('user.current', {}, { token: t2.access_token })).status).toBe(200);
    } finally {
      await emu.close();
    }
  });
});
