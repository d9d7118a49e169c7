import https from 'node:https';
import tls from 'node:tls';
import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from './harness';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ tls: true });
});
afterAll(() => emu.close());

function get(url: string, ca?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = https.get(url, ca ? { ca } : {}, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
  });
}

describe('--tls', () => {
  it('server-facts §3 (a box with its own certificate): portal and OAuth server are https with certFingerprint = X509Certificate.fingerprint256', () => {
    expect(emu.portalUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(emu.oauthServerUrl).toMatch(/^https:/);
    expect(emu.webhookUrl).toMatch(/^https:/);
    expect(emu.certFingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(new X509Certificate(emu.certPem ?? '').fingerprint256).toBe(emu.certFingerprint);
  });

  it('the certificate names 127.0.0.1 and localhost (subjectAltName IP + DNS)', () => {
    const san = new X509Certificate(emu.certPem ?? '').subjectAltName ?? '';
    expect(san).toContain('DNS:localhost');
    expect(san).toContain('IP Address:127.0.0.1');
  });

  it('an https client trusting certPem reaches REST; without it the self-signed cert is refused', async () => {
    const ok = await get(`${emu.webhookUrl}server.time`, emu.certPem);
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body).result).toMatch(/\+03:00$/);
    await expect(get(`${emu.webhookUrl}server.time`)).rejects.toThrow(/self[- ]signed/i);
    const viaLocalhost = await get(`${emu.webhookUrl.replace('127.0.0.1', 'localhost')}server.time`, emu.certPem);
    expect(viaLocalhost.status).toBe(200);
  });

  it('the peer certificate seen over tls.connect has the start line fingerprint (pinning works)', async () => {
    const port = Number(new URL(emu.portalUrl).port);
    const fp = await new Promise<string>((resolve, reject) => {
      const s = tls.connect({ host: '127.0.0.1', port, rejectUnauthorized: false }, () => {
        resolve(s.getPeerX509Certificate()?.fingerprint256 ?? '');
        s.end();
      });
      s.on('error', reject);
    });
    expect(fp).toBe(emu.certFingerprint);
  });

  it('the OAuth server token endpoint answers over https', async () => {
    const r = await get(`${emu.oauthServerUrl}/oauth/token/?grant_type=refresh_token&client_id=${emu.clientId}&client_secret=${emu.clientSecret}&refresh_token=x`, emu.certPem);
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body).error).toBe('invalid_grant');
  });
});
