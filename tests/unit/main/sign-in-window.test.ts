import { X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Certificate, Event, Request } from 'electron';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { isAllowedSignInUrl, openSignInWindow, removeOldSignInSession, type SignInBrowserWindow, type SignInSession } from '../../../src/main/sign-in-window';
import { ACCEPT, certificateVerifier, CHROMIUM_VERDICT } from '../../../src/main/sign-in-certificates';
import { makeIntermediateCa, makePortalCert, makeRootCa, type Issued } from '../../support/test-certificates';

const DAY = 86_400_000;

/** Electron's Certificate for a PEM chain, leaf first, linked by `issuerCert` as Electron links it. */
function electronCertificate(pems: readonly string[]): Certificate {
  const [pem, ...rest] = pems;
  const cert = new X509Certificate(pem!);
  const principal = (name: string) => ({ commonName: name, country: '', locality: '', organizations: [], organizationUnits: [], state: '' });
  return {
    data: pem!,
    fingerprint: `sha256/${Buffer.from(cert.fingerprint256.replaceAll(':', ''), 'hex').toString('base64')}`,
    issuer: principal(cert.issuer),
    // electron.d.ts declares it always present; Electron leaves it out above the last certificate sent.
    issuerCert: (rest.length > 0 ? electronCertificate(rest) : undefined) as Certificate,
    issuerName: cert.issuer,
    serialNumber: cert.serialNumber,
    subject: principal(cert.subject),
    subjectName: cert.subject,
    validExpiry: cert.validToDate.getTime() / 1000,
    validStart: cert.validFromDate.getTime() / 1000,
  };
}

function verifyRequest(hostname: string, chain: readonly Issued[], verificationResult = 'net::ERR_CERT_AUTHORITY_INVALID'): Request {
  const certificate = electronCertificate(chain.map((c) => c.cert));
  return { hostname, certificate, validatedCertificate: certificate, isIssuedByKnownRoot: false, verificationResult, errorCode: verificationResult === 'net::OK' ? 0 : -202 };
}

function electronEvent(): Event {
  let prevented = false;
  return {
    preventDefault: () => void (prevented = true),
    get defaultPrevented() {
      return prevented;
    },
  };
}

let root: Issued;
let issuing: Issued;
let leaf: Issued;
let selfSigned: Issued;
let otherRoot: Issued;
beforeAll(async () => {
  root = await makeRootCa();
  issuing = await makeIntermediateCa(root);
  leaf = await makePortalCert(issuing);
  selfSigned = await makePortalCert();
  otherRoot = await makeRootCa('Somebody Else CA');
});

describe('the sign-in window trusts what the user trusted in Pult', () => {
  const verifier = (trusted: Issued[], now = Date.now()) => certificateVerifier('localhost', trusted.map((c) => c.cert), () => now);

  it('accepts a chain Chromium refuses only for its authority when it leads to the trusted CA', () => {
    expect(verifier([issuing])(verifyRequest('localhost', [leaf, issuing]))).toBe(ACCEPT);
    expect(verifier([root])(verifyRequest('localhost', [leaf, issuing, root]))).toBe(ACCEPT);
  });

  it('accepts the portal’s own certificate trusted by its fingerprint, also at an IP address', () => {
    expect(verifier([selfSigned])(verifyRequest('localhost', [selfSigned]))).toBe(ACCEPT);
    const atIp = certificateVerifier('127.0.0.1', [selfSigned.cert], Date.now);
    expect(atIp(verifyRequest('127.0.0.1', [selfSigned]))).toBe(ACCEPT);
  });

  it('keeps Chromium’s verdict for any other result, net::OK included', () => {
    expect(verifier([issuing])(verifyRequest('localhost', [leaf, issuing], 'net::OK'))).toBe(CHROMIUM_VERDICT);
    expect(verifier([issuing])(verifyRequest('localhost', [leaf, issuing], 'net::ERR_CERT_REVOKED'))).toBe(CHROMIUM_VERDICT);
    expect(verifier([issuing])(verifyRequest('localhost', [leaf, issuing], 'net::ERR_CERT_COMMON_NAME_INVALID'))).toBe(CHROMIUM_VERDICT);
  });

  it('refuses an untrusted chain, another host, and nothing trusted at all', async () => {
    const elsewhere = await makePortalCert(otherRoot);
    expect(verifier([issuing])(verifyRequest('localhost', [elsewhere, otherRoot]))).toBe(CHROMIUM_VERDICT);
    expect(verifier([issuing])(verifyRequest('evil.example', [leaf, issuing]))).toBe(CHROMIUM_VERDICT);
    expect(verifier([])(verifyRequest('localhost', [leaf, issuing]))).toBe(CHROMIUM_VERDICT);
  });

  it('refuses a certificate the trusted CA issued for another name', async () => {
    const misnamed = await makePortalCert(issuing, { dns: ['other.example'], ips: [] });
    expect(verifier([issuing])(verifyRequest('localhost', [misnamed, issuing]))).toBe(CHROMIUM_VERDICT);
  });

  it('refuses an expired or not yet valid chain', () => {
    expect(verifier([issuing], Date.now() + 2 * 365 * DAY)(verifyRequest('localhost', [leaf, issuing]))).toBe(CHROMIUM_VERDICT);
    expect(verifier([issuing], Date.now() - 2 * DAY)(verifyRequest('localhost', [leaf, issuing]))).toBe(CHROMIUM_VERDICT);
  });

  it('refuses a certificate the trusted CA did not sign, though the chain sent includes it', () => {
    expect(verifier([issuing])(verifyRequest('localhost', [selfSigned, issuing]))).toBe(CHROMIUM_VERDICT);
  });
});

/** A stand-in for the BrowserWindow main creates, typed from electron.d.ts. */
function fakeWindow() {
  const handlers = new Map<string, (...args: never[]) => void>();
  let closed: (() => void) | null = null;
  let destroyed = false;
  const session = {
    setCertificateVerifyProc: vi.fn<SignInSession['setCertificateVerifyProc']>(),
    setPermissionRequestHandler: vi.fn<SignInSession['setPermissionRequestHandler']>(),
    setPermissionCheckHandler: vi.fn<SignInSession['setPermissionCheckHandler']>(),
    clearStorageData: vi.fn<SignInSession['clearStorageData']>(async () => undefined),
  } satisfies SignInSession;
  const loaded: string[] = [];
  const window: SignInBrowserWindow = {
    webContents: {
      session,
      on: (event: string, listener: (...args: never[]) => void) => void handlers.set(event, listener),
      setWindowOpenHandler: vi.fn(),
    },
    loadURL: async (url) => void loaded.push(url),
    on: (_event, listener) => void (closed = listener),
    close: () => {
      destroyed = true;
      closed?.();
    },
    isDestroyed: () => destroyed,
  };
  const emit = (event: string, ...args: unknown[]) => (handlers.get(event) as ((...args: unknown[]) => void) | undefined)?.(...args);
  return { window, session, loaded, emit };
}

const authorizeUrl = 'https://localhost/oauth/authorize/?client_id=a&state=b';
const redirect = 'http://127.0.0.1:45678/oauth/callback';

function open(trustedPems: string[] = []) {
  const fake = fakeWindow();
  const options: Electron.BrowserWindowConstructorOptions[] = [];
  const done = openSignInWindow(
    {
      createWindow: (windowOptions) => {
        options.push(windowOptions);
        return fake.window;
      },
    },
    { authorizeUrl, redirectPrefix: redirect, trustedPems },
  );
  return { ...fake, options: options[0]!, done };
}

describe('sign-in window', () => {
  it('allows the portal and the loopback redirect only', () => {
    const prefix = 'http://127.0.0.1:45678/oauth/callback';
    expect(isAllowedSignInUrl('https://portal.example.ru/auth/?x=1', 'https://portal.example.ru', prefix)).toBe(true);
    expect(isAllowedSignInUrl(`${prefix}?code=1&state=2`, 'https://portal.example.ru', prefix)).toBe(true);
    expect(isAllowedSignInUrl('https://evil.example/', 'https://portal.example.ru', prefix)).toBe(false);
    expect(isAllowedSignInUrl('file:///etc/passwd', 'https://portal.example.ru', prefix)).toBe(false);
  });

  it('loads the authorize page, blocks other sites, closes after the redirect', async () => {
    vi.useFakeTimers();
    try {
      const { window, loaded, emit, done } = open();
      expect(loaded).toEqual([authorizeUrl]);
      const prevent = vi.fn();
      emit('will-navigate', { preventDefault: prevent }, 'https://evil.example/');
      expect(prevent).toHaveBeenCalledTimes(1);
      emit('will-redirect', { preventDefault: prevent }, `${redirect}?code=1`);
      expect(prevent).toHaveBeenCalledTimes(1);
      emit('did-navigate', { preventDefault: prevent }, `${redirect}?code=1`);
      vi.advanceTimersByTime(300);
      await expect(done).resolves.toEqual({ ended: 'closed' });
      expect(window.isDestroyed()).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('each attempt gets its own in-memory session, isolated and sandboxed, emptied when the window closes', async () => {
    const first = open();
    const second = open();
    const partition = (o: typeof first.options) => o.webPreferences?.partition ?? '';
    expect(partition(first.options)).toMatch(/^pult-sign-in-/);
    expect(partition(first.options)).not.toMatch(/^persist:/);
    expect(partition(second.options)).not.toBe(partition(first.options));
    expect(first.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(first.options.webPreferences?.preload).toBeUndefined();
    expect(first.session.clearStorageData).not.toHaveBeenCalled();
    first.window.close();
    await expect(first.done).resolves.toEqual({ ended: 'closed' });
    expect(first.session.clearStorageData).toHaveBeenCalledTimes(1);
  });

  it('the session earlier versions kept on disk is removed, and nothing else', () => {
    const sessionData = mkdtempSync(path.join(os.tmpdir(), 'pult-session-'));
    mkdirSync(path.join(sessionData, 'Partitions', 'pult-sign-in'), { recursive: true });
    writeFileSync(path.join(sessionData, 'Partitions', 'pult-sign-in', 'Cookies'), 'portal cookies');
    mkdirSync(path.join(sessionData, 'Partitions', 'other'), { recursive: true });
    expect(removeOldSignInSession(sessionData)).toBeNull();
    expect(existsSync(path.join(sessionData, 'Partitions', 'pult-sign-in'))).toBe(false);
    expect(existsSync(path.join(sessionData, 'Partitions', 'other'))).toBe(true);
    // Already gone: nothing to say.
    expect(removeOldSignInSession(sessionData)).toBeNull();
  });

  it('the portal’s pages get no permission, asked or checked', () => {
    const { session } = open();
    const [request] = session.setPermissionRequestHandler.mock.calls[0]!;
    const [check] = session.setPermissionCheckHandler.mock.calls[0]!;
    const granted: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read'] as const) {
      request!({} as Electron.WebContents, permission, (allowed) => granted.push(allowed), { requestingUrl: 'https://localhost/', isMainFrame: true });
      granted.push(check!(null, permission, 'https://localhost', { isMainFrame: true, requestingUrl: 'https://localhost/' }));
    }
    expect(granted).toEqual(Array(8).fill(false));
  });

  it('its session accepts the chain the user trusted for the portal, and only that', async () => {
    const { session } = open([issuing.cert]);
    const [proc] = session.setCertificateVerifyProc.mock.calls[0]!;
    const answers: number[] = [];
    proc!(verifyRequest('localhost', [leaf, issuing]), (result) => answers.push(result));
    proc!(verifyRequest('localhost', [(await makePortalCert(otherRoot)), otherRoot]), (result) => answers.push(result));
    expect(answers).toEqual([ACCEPT, CHROMIUM_VERDICT]);
  });

  it('a certificate error on the page closes the window and ends the sign-in with Chromium’s reason', async () => {
    const { window, session, emit, done } = open();
    const trusted = vi.fn();
    // A picture from another host failing is no reason to stop.
    emit('certificate-error', electronEvent(), 'https://cdn.example/logo.png', 'net::ERR_CERT_AUTHORITY_INVALID', electronCertificate([selfSigned.cert]), trusted, false);
    expect(window.isDestroyed()).toBe(false);
    const event = electronEvent();
    emit('certificate-error', event, authorizeUrl, 'net::ERR_CERT_AUTHORITY_INVALID', electronCertificate([selfSigned.cert]), trusted, true);
    expect(trusted.mock.calls).toEqual([[false], [false]]);
    expect(event.defaultPrevented).toBe(true);
    expect(window.isDestroyed()).toBe(true);
    await expect(done).resolves.toEqual({ ended: 'certificate-error', error: 'net::ERR_CERT_AUTHORITY_INVALID' });
    expect(session.clearStorageData).toHaveBeenCalledTimes(1);
  });
});
