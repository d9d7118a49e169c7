import { startEmulator, type EmulatorHandle, type StartEmulatorOptions } from '../../../src/bitrix-emulator/index';
import { createBitrixClient, type BitrixClient } from '../../../src/core/bitrix/client';
import { BitrixGateway } from '../../../src/core/bitrix/gateway';
import { authorizeUrl, exchangeCode, readRedirect, tokenServerOrigin, type TokenSet } from '../../../src/core/bitrix/oauth';
import { TokenManager, type TokenStorage } from '../../../src/core/bitrix/token-manager';
import { createNodeHttp } from '../../../src/node/http';
import { systemClock, systemRandom } from '../../../src/node/clock';
import type { Http } from '../../../src/core/ports';

export async function startPortal(options: StartEmulatorOptions = {}): Promise<EmulatorHandle> {
  return startEmulator({ port: 0, seed: 7, tasks: 300, profile: 'box', ...options });
}

export function webhookClient(emulator: EmulatorHandle, http: Http = createNodeHttp(), overrides: { maxTransientAttempts?: number; timeoutMs?: number } = {}): BitrixClient {
  return createBitrixClient({ http, clock: systemClock, random: systemRandom, endpoint: { kind: 'webhook', webhookUrl: emulator.webhookUrl }, ...overrides });
}

export function memoryTokenStorage(): TokenStorage & { saved: TokenSet[] } {
  let current: TokenSet | null = null;
  const saved: TokenSet[] = [];
  return {
    saved,
    load: async () => current,
    save: async (t) => {
      saved.push(t);
      current = t;
    },
    clear: async () => {
      current = null;
    },
  };
}

/**
 * Signs in as a user would: the portal's authorize page with its login form, the redirect back,
 * and the code exchanged at the token server the redirect names.
 */
export async function signInWithOAuth(emulator: EmulatorHandle, login: string, password: string, http: Http = createNodeHttp()) {
  const state = `st-${Math.random().toString(36).slice(2)}`;
  const page = await fetch(authorizeUrl(emulator.portalUrl, emulator.clientId, state));
  const html = await page.text();
  if (!/<form/i.test(html)) throw new Error('the authorize page shows no login form');
  const action = /<form[^>]*action="([^"]*)"/i.exec(html)?.[1]?.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))).replace(/&amp;/g, '&') ?? `/oauth/authorize/?client_id=${emulator.clientId}&state=${state}`;
  const fields = [...html.matchAll(/<input[^>]*name="([^"]+)"[^>]*?(?:value="([^"]*)")?[^>]*>/gi)];
  const form = new URLSearchParams();
  for (const [, name, value] of fields) {
    if (!name) continue;
    if (/login/i.test(name)) form.set(name, login);
    else if (/password/i.test(name)) form.set(name, password);
    else form.set(name, value ?? '');
  }
  const posted = await fetch(new URL(action, emulator.portalUrl), { method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form.toString() });
  const location = posted.headers.get('location');
  if (posted.status !== 302 || !location) throw new Error(`login did not redirect (HTTP ${posted.status})`);
  const redirect = readRedirect(location, state);
  const origin = tokenServerOrigin(redirect.serverDomain, emulator.portalUrl);
  const app = { clientId: emulator.clientId, clientSecret: emulator.clientSecret };
  const tokens = await exchangeCode(http, origin, app, redirect.code, systemClock.now());
  const storage = memoryTokenStorage();
  const manager = new TokenManager({ http, clock: systemClock, storage, app: async () => app });
  await manager.replace(tokens);
  const client = createBitrixClient({ http, clock: systemClock, random: systemRandom, endpoint: { kind: 'oauth', portalUrl: emulator.portalUrl, tokens: manager } });
  return { client, manager, storage, tokens, redirect, gateway: new BitrixGateway(client, { canUseOfflineEvents: true }) };
}
