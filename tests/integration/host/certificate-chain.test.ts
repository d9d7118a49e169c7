/**
 * A portal behind an internal CA: the trust prompt shows the chain it presents, and what the user
 * accepts (the CA, or only the portal's own certificate) is what verification then relies on —
 * for webhook calls, the OAuth sign-in, its token exchange and refresh. Nothing switches it off.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';
import { X509Certificate } from 'node:crypto';
import { startEmulator, type EmulatorHandle, type StartEmulatorOptions } from '../../../src/bitrix-emulator/index';
import { ApiFailure } from '../../../src/node/api-failure';
import { browserHost } from './browser-host';
import type { UntrustedCertificate } from '../../../src/shared/api';
import { makeIntermediateCa, makePortalCert, makeRootCa, served, type Issued } from '../../support/test-certificates';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const fingerprint = (issued: Issued) => new X509Certificate(issued.cert).fingerprint256;

async function portal(tls: { key: string; cert: string }, options: StartEmulatorOptions = {}): Promise<EmulatorHandle> {
  const emulator = await startEmulator({ port: 0, seed: 3, tasks: 40, profile: 'box', tls, ...options });
  cleanups.push(() => emulator.close());
  return emulator;
}

function makeHost(openExternal: (url: string) => Promise<void> = async () => undefined, loopbackPort?: number) {
  const { host, dataDir } = browserHost('pult-cert-', { openExternal, ...(loopbackPort !== undefined ? { loopbackPort } : {}) });
  cleanups.push(() => host.close());
  return { host, dataDir };
}

/** The prompt's data: the failure a connect without trust answers. */
async function promptOf(attempt: Promise<unknown>): Promise<UntrustedCertificate> {
  const error = await attempt.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiFailure);
  expect((error as ApiFailure).code).toBe('untrusted-certificate');
  return (error as ApiFailure).certificate!;
}

const webhook = (emulator: EmulatorHandle, trustFingerprint?: string) => ({ portalUrl: emulator.portalUrl, webhookUrl: emulator.webhookUrl, ...(trustFingerprint ? { trustFingerprint } : {}) });

describe('a portal whose certificate an internal CA issued', () => {
  it('the prompt shows the chain; trusting the CA lets calls through, also after the portal renews its certificate', async () => {
    const root = await makeRootCa();
    const leaf = await makePortalCert(root);
    const emulator = await portal(served(leaf, root));
    const { host } = makeHost();

    const prompt = await promptOf(host.connectWebhook(webhook(emulator)));
    expect(prompt).toMatchObject({ fingerprint: fingerprint(leaf), subject: 'CN=localhost', issuer: 'CN=Pult Test Root CA', isCa: false, selfSigned: false, problem: 'untrusted' });
    expect(prompt.validFrom < prompt.validTo).toBe(true);
    expect(prompt.issuers).toEqual([expect.objectContaining({ fingerprint: fingerprint(root), subject: 'CN=Pult Test Root CA', isCa: true, selfSigned: true })]);

    const connected = await host.connectWebhook(webhook(emulator, fingerprint(root)));
    expect(connected.groups.length).toBeGreaterThan(0);
    expect((await host.getSettings()).connection.trustedCertificateFingerprint).toBe(fingerprint(root));
    expect((await host.listGroups()).length).toBeGreaterThan(0);

    // The portal's certificate is replaced (a new key, the same CA): no prompt.
    const renewed = await portal(served(await makePortalCert(root), root));
    expect((await host.connectWebhook(webhook(renewed))).groups.length).toBeGreaterThan(0);

    // Another CA's certificate is not covered by that trust.
    const stranger = await portal(served(await makePortalCert(await makeRootCa('Other CA'))));
    expect((await promptOf(host.connectWebhook(webhook(stranger)))).problem).toBe('untrusted');
  });

  it('with an intermediate: the issuing CA the portal sends (without its root) can be trusted, and so can the root when sent', async () => {
    const root = await makeRootCa();
    const issuing = await makeIntermediateCa(root);
    const leaf = await makePortalCert(issuing);

    const withoutRoot = await portal(served(leaf, issuing));
    const first = makeHost();
    const prompt = await promptOf(first.host.connectWebhook(webhook(withoutRoot)));
    expect(prompt.issuers.map((c) => [c.subject, c.isCa, c.selfSigned])).toEqual([['CN=Pult Test Issuing CA', true, false]]);
    expect((await first.host.connectWebhook(webhook(withoutRoot, fingerprint(issuing)))).groups.length).toBeGreaterThan(0);

    const withRoot = await portal(served(leaf, issuing, root));
    const second = makeHost();
    const full = await promptOf(second.host.connectWebhook(webhook(withRoot)));
    expect(full.issuers.map((c) => c.fingerprint)).toEqual([fingerprint(issuing), fingerprint(root)]);
    expect((await second.host.connectWebhook(webhook(withRoot, fingerprint(root)))).groups.length).toBeGreaterThan(0);
  });

  it('trusting only the portal certificate of a CA-signed chain works; a different certificate after that is refused again', async () => {
    const root = await makeRootCa();
    const leaf = await makePortalCert(root);
    // A portal that sends only its own certificate: the CA cannot be offered, the leaf can.
    const emulator = await portal(served(leaf));
    const { host, dataDir } = makeHost();
    const prompt = await promptOf(host.connectWebhook(webhook(emulator)));
    expect(prompt).toMatchObject({ fingerprint: fingerprint(leaf), issuers: [], selfSigned: false, problem: 'untrusted' });

    expect((await host.connectWebhook(webhook(emulator, fingerprint(leaf)))).groups.length).toBeGreaterThan(0);
    expect(readFileSync(path.join(dataDir, 'trusted-certificate.pem'), 'utf8')).toBe(leaf.cert);
    expect((await host.listGroups()).length).toBeGreaterThan(0);

    // Same CA, same names, another key: the pin does not match.
    const other = await makePortalCert(root);
    const replaced = await portal(served(other, root));
    const again = await promptOf(host.connectWebhook(webhook(replaced)));
    expect(again).toMatchObject({ fingerprint: fingerprint(other), problem: 'untrusted' });
    // The confirmed fingerprint no longer belongs to what that portal presents.
    await expect(host.connectWebhook(webhook(replaced, fingerprint(leaf)))).rejects.toThrow(/другой сертификат/);
  });

  it('a self-signed portal certificate is trusted by its fingerprint, and another one is refused after that', async () => {
    const self = await makePortalCert();
    const emulator = await portal(served(self));
    const { host } = makeHost();
    const prompt = await promptOf(host.connectWebhook(webhook(emulator)));
    expect(prompt).toMatchObject({ fingerprint: fingerprint(self), issuers: [], selfSigned: true, problem: 'untrusted' });
    expect((await host.connectWebhook(webhook(emulator, fingerprint(self)))).groups.length).toBeGreaterThan(0);

    const other = await portal(served(await makePortalCert()));
    expect((await promptOf(host.connectWebhook(webhook(other)))).fingerprint).not.toBe(fingerprint(self));
  });

  it('the host name is still checked: a trusted CA does not make a certificate for another name acceptable', async () => {
    const root = await makeRootCa();
    const elsewhere = await makePortalCert(root, { dns: ['portal.example.ru'], ips: [] });
    const emulator = await portal(served(elsewhere, root));
    const { host } = makeHost();
    const prompt = await promptOf(host.connectWebhook(webhook(emulator, fingerprint(root))));
    expect(prompt.problem).toBe('name-mismatch');
  });

  it('OAuth: the reachability check, the sign-in, its token exchange and a refresh all pass with the trusted CA', async () => {
    const root = await makeRootCa();
    const issuing = await makeIntermediateCa(root);
    const loopbackPort = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const port = (server.address() as net.AddressInfo).port;
        server.close(() => resolve(port));
      });
    });
    // The token server (the emulator's second port) presents the same chain as the portal.
    const emulator = await portal(served(await makePortalCert(issuing), issuing), { redirectUri: `http://127.0.0.1:${loopbackPort}/oauth/callback` });
    const admin = emulator.users.find((u) => u.admin)!;
    const opened: string[] = [];
    const browser = async (url: string) => {
      opened.push(url);
      // The "system browser" trusts the same CA (the organisation installed it there).
      const body = new URLSearchParams({ AUTH_FORM: 'Y', TYPE: 'AUTH', USER_LOGIN: admin.login, USER_PASSWORD: admin.password }).toString();
      const location = await new Promise<string>((resolve, reject) => {
        const req = https.request(url, { method: 'POST', ca: root.cert, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }, (res) => {
          res.resume();
          resolve(String(res.headers.location));
        });
        req.on('error', reject);
        req.end(body);
      });
      void fetch(location);
    };
    const { host } = makeHost(browser, loopbackPort);
    const app = { portalUrl: emulator.portalUrl, clientId: emulator.clientId, clientSecret: emulator.clientSecret };

    const prompt = await promptOf(host.connectOAuth(app));
    expect(prompt.issuers.map((c) => c.fingerprint)).toEqual([fingerprint(issuing)]);
    expect(opened).toEqual([]);

    const connected = await host.connectOAuth({ ...app, trustFingerprint: fingerprint(issuing) });
    expect(connected.connection).toMatchObject({ kind: 'oauth', isAdmin: true });
    expect(opened).toHaveLength(1);

    // An expired access token is refreshed at the token server, over the same trust.
    const accessTokens = () => (emulator.state() as { tokens: { accessTokens: number } }).tokens.accessTokens;
    const before = accessTokens();
    emulator.expireAccessTokens();
    expect((await host.listGroups()).length).toBeGreaterThan(0);
    expect(accessTokens()).toBeGreaterThan(before);
  });
});
