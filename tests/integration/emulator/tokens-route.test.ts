/** The opt-in GET /_emulator/tokens: what a secret scan looks for, and nothing without the option. */
import { afterEach, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from './harness';

let emu: TestEmulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

describe('GET /_emulator/tokens', () => {
  it('is not served by default', async () => {
    emu = await startTestEmulator({ tasks: 5 });
    await emu.oauthLogin();
    const answer = await emu.control('tokens');
    expect(answer.status).not.toBe(200);
    expect(JSON.stringify(answer.body)).not.toContain(emu.clientSecret);
  });

  it('with tokensRoute lists every access and refresh token issued, the client secret and the webhook secret', async () => {
    emu = await startTestEmulator({ tasks: 5, tokensRoute: true });
    const first = await emu.oauthLogin();
    const refreshed = await emu.token({ grant_type: 'refresh_token', client_id: emu.clientId, client_secret: emu.clientSecret, refresh_token: first.refresh_token });
    expect(refreshed.status).toBe(200);
    const { status, body } = await emu.control('tokens');
    expect(status).toBe(200);
    expect(body.accessTokens).toEqual([first.access_token, refreshed.body.access_token]);
    expect(body.refreshTokens).toEqual([first.refresh_token, refreshed.body.refresh_token]);
    expect(body.clientSecret).toBe(emu.clientSecret);
    expect(emu.webhookUrl).toContain(`/${String(body.webhookSecret)}/`);
  });
});
