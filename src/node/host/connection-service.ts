/**
 * The connection service: this machine's portal connection — restoring it at start (and waiting
 * for a locked keychain), connecting by webhook, OAuth or the demo, trusting a certificate,
 * signing out — and the open portal session with its events. One reason to change: how Pult
 * reaches a portal.
 */
import { withDemoTeamSettings } from '../demo/demo-settings';
import { randomBytes, X509Certificate } from 'node:crypto';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { authorizeUrl, exchangeCode, readRedirect, tokenServerOrigin } from '../../core/bitrix/oauth';
import { TokenManager } from '../../core/bitrix/token-manager';
import { createBitrixClient, type RestEndpoint } from '../../core/bitrix/client';
import { BitrixGateway } from '../../core/bitrix/gateway';
import { BitrixError } from '../../core/bitrix/errors';
import { HttpTransportError } from '../../core/ports';
import type { ConnectResult, GroupSummary, KeychainWait, OAuthConnectRequest, PortalConnectionInfo, WebhookConnectRequest } from '../../shared/api';
import { writeFileAtomic } from '../files/atomic-file';
import { createNodeHttp } from '../http';
import { ApiFailure } from '../api-failure';
import { SecretStoreError } from '../secrets/errors';
import { presentedChain } from './certificate';
import { startLoopbackListener, type LoopbackListener } from './oauth-loopback';
import { forgetPortalSecrets, keychainTokenStorage, secretKeys } from './secrets';
import { countQueuedEdits, openPortalSession, type PortalSession } from './portal-session';
import { boardDelta, wantsHistory } from './board-view';
import type { DemoStarter, HostContext } from './host-context';
import { withDemoTemplates } from '../demo/demo-templates';

/** Problems that trusting would not solve, each said as such. */
const certificateTexts = { expired: 'certificateExpired', 'not-yet-valid': 'certificateNotYetValid', 'name-mismatch': 'certificateNameMismatch' } as const;

/** How often a keychain that could not be read is tried again. */
const KEYCHAIN_RETRY_MS = 30_000;

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/** How long the portal's address may take to answer before a sign-in is refused as unreachable. */
const REACHABLE_TIMEOUT_MS = 10_000;

export class ConnectionService {
  private session: PortalSession | null = null;
  private demo: Awaited<ReturnType<DemoStarter>> | null = null;
  private identity: { userId: string; isAdmin: boolean } | null = null;
  private unsubscribe: (() => void)[] = [];
  /** The OAuth sign-in waiting for its redirect, if any. */
  private signIn: LoopbackListener | null = null;

  constructor(private readonly ctx: HostContext) {}

  /** The open session, or null before a portal is connected. */
  get current(): PortalSession | null {
    return this.session;
  }

  /** Who we are on the portal (after a restart the engine learns it in its first cycle). */
  who(): { userId: string; isAdmin: boolean } | null {
    return this.identity ?? this.session?.engine.currentUser() ?? null;
  }

  get keychainWait(): KeychainWait | null {
    return this.waiting;
  }

  /**
   * Reopens the saved connection at start; a demo connection starts a fresh demo portal.
   * `none`: nothing is saved (a fresh install). `waiting`: the keychain cannot be read now — the
   * saved connection and the queued edits are kept, the user is told, and Pult tries again.
   */
  async restore(): Promise<'none' | 'connected' | 'waiting' | 'failed'> {
    const { connection, groupIds } = this.ctx.settings();
    if (!connection.address) return 'none';
    try {
      if (connection.kind === 'demo') await this.connectDemo();
      else {
        const endpoint = await this.savedEndpoint(connection.address, connection.kind);
        if (!endpoint) return 'failed';
        this.openSession(connection.address, connection.kind, endpoint, groupIds);
      }
      this.endKeychainWait();
      return 'connected';
    } catch (error) {
      if (error instanceof SecretStoreError) {
        this.waitForKeychain(connection.address, error);
        return 'waiting';
      }
      this.ctx.options.logger?.warn('could not restore the portal connection', { error: error instanceof Error ? error.message : String(error) });
      return 'failed';
    }
  }

  private waiting: KeychainWait | null = null;
  private keychainRetry: ReturnType<typeof setTimeout> | null = null;

  private waitForKeychain(portalUrl: string, error: SecretStoreError): void {
    const wasWaiting = this.waiting !== null;
    this.waiting = { portalUrl, code: error.code, queuedEdits: countQueuedEdits(this.ctx.options.dataDir, portalUrl) };
    this.ctx.options.logger?.warn('the keychain cannot be read; the saved connection waits for it', { code: error.code });
    if (!wasWaiting) this.ctx.emit({ type: 'app-changed' });
    if (this.keychainRetry) clearTimeout(this.keychainRetry);
    this.keychainRetry = setTimeout(() => void this.retryRestore(), KEYCHAIN_RETRY_MS);
  }

  private endKeychainWait(): void {
    if (this.keychainRetry) clearTimeout(this.keychainRetry);
    this.keychainRetry = null;
    if (!this.waiting) return;
    this.waiting = null;
    this.ctx.emit({ type: 'app-changed' });
  }

  /** The keychain is no longer where secrets are looked for (browser mode chose memory). */
  stopWaitingForKeychain(): void {
    this.endKeychainWait();
  }

  /** Tries the saved connection again (the user unlocked the keychain, or installed one). */
  async retryRestore(): Promise<void> {
    if (this.waiting && !this.session) await this.restore();
  }

  private async savedEndpoint(portal: string, kind: 'webhook' | 'oauth'): Promise<RestEndpoint | null> {
    if (kind === 'webhook') {
      const webhookUrl = await this.ctx.options.secrets.get(secretKeys.webhook(portal));
      return webhookUrl ? { kind: 'webhook', webhookUrl } : null;
    }
    const manager = this.tokenManager(portal, this.ctx.settings().connection.clientId);
    return { kind: 'oauth', portalUrl: portal, tokens: manager };
  }

  private tokenManager(portal: string, clientId: string): TokenManager {
    return new TokenManager({
      http: this.http(),
      clock: this.ctx.options.clock,
      storage: keychainTokenStorage(this.ctx.options.secrets, portal),
      app: async () => ({ clientId, clientSecret: (await this.ctx.options.secrets.get(secretKeys.clientSecret(portal))) ?? '' }),
      ...(this.ctx.options.logger ? { logger: this.ctx.options.logger } : {}),
      onSignedOut: () => this.ctx.emit({ type: 'status', status: { ...this.requireSession().engine.getStatus(), connectivity: 'signed-out' } }),
    });
  }

  private trustedPemPath(): string {
    return path.join(this.ctx.options.dataDir, 'trusted-certificate.pem');
  }

  /** The certificate the user trusted (a CA, or the portal's own), when its file still matches the settings. */
  private trustedPems(): string[] {
    const fingerprint = this.ctx.settings().connection.trustedCertificateFingerprint;
    const pemFile = this.trustedPemPath();
    if (!fingerprint || !existsSync(pemFile)) return [];
    const pem = readFileSync(pemFile, 'utf8');
    try {
      return new X509Certificate(pem).fingerprint256 === fingerprint ? [pem] : [];
    } catch {
      return [];
    }
  }

  /** For the host's own binary downloads (attachments), which need the same trust as REST calls. */
  trustedCertificates(): string[] {
    return this.trustedPems();
  }

  private http() {
    const [trustedCertPem] = this.trustedPems();
    return createNodeHttp(trustedCertPem ? { trustedCertPem } : {});
  }

  openSession(portalUrl: string, kind: 'webhook' | 'oauth' | 'demo', endpoint: RestEndpoint, groupIds: readonly string[]): PortalSession {
    this.closeSession();
    const session = openPortalSession({
      dataDir: this.ctx.options.dataDir,
      portalUrl,
      kind,
      endpoint,
      http: this.http(),
      clock: this.ctx.options.clock,
      random: this.ctx.options.random,
      groupIds,
      historyWanted: (task) => wantsHistory(task, this.ctx.settings(), this.ctx.options.clock.now()),
      inMemory: kind === 'demo',
      ...(this.ctx.options.logger ? { logger: this.ctx.options.logger } : {}),
    });
    this.session = session;
    this.unsubscribe = [
      session.engine.onStatus((status) => this.ctx.emit({ type: 'status', status })),
      session.engine.onChange((change) => this.ctx.emit({ type: 'board-delta', delta: boardDelta(session, change, groupIds, this.ctx.settings()) })),
      session.engine.onNotice((notice) => this.ctx.emit({ type: 'notice', notice })),
      session.engine.onPortalClock(() => this.ctx.emit({ type: 'portal-clock', portalOffsetMs: session.engine.portalClock.now() - this.ctx.options.clock.now() })),
    ];
    if (groupIds.length > 0) session.engine.start();
    return session;
  }

  private closeSession(): void {
    this.unsubscribe.forEach((off) => off());
    this.unsubscribe = [];
    this.session?.close();
    this.session = null;
  }

  requireSession(): PortalSession {
    if (!this.session) throw new ApiFailure('not-connected', this.ctx.text('notConnected'));
    return this.session;
  }

  connectionInfo(): PortalConnectionInfo | null {
    if (!this.session) return null;
    // After a restart the engine learns who we are in its first cycle.
    const identity = this.identity ?? this.session.engine.currentUser();
    return { portalUrl: this.session.portalUrl, kind: this.session.kind, userId: identity?.userId ?? null, isAdmin: identity?.isAdmin ?? false };
  }

  /** Checks a fresh connection: identity and groups; a certificate problem asks the user. */
  private async probe(portalUrl: string, endpoint: RestEndpoint): Promise<{ identity: { userId: string; isAdmin: boolean }; groups: GroupSummary[] }> {
    const client = createBitrixClient({ http: this.http(), clock: this.ctx.options.clock, random: this.ctx.options.random, endpoint, maxTransientAttempts: 1, timeoutMs: 20_000 });
    const gateway = new BitrixGateway(client, { canUseOfflineEvents: false });
    try {
      const identity = await gateway.identity();
      return { identity, groups: await gateway.readGroups() };
    } catch (error) {
      if (error instanceof BitrixError && error.code === 'TLS' && portalUrl.startsWith('https:')) throw await this.untrusted(portalUrl);
      throw error;
    }
  }

  /** The chain the portal presents, judged with what is trusted now, as the prompt's failure. */
  private async untrusted(portalUrl: string): Promise<ApiFailure> {
    const { certificate } = await presentedChain(portalUrl, this.trustedPems());
    const text = certificate.problem === 'untrusted' || certificate.problem === 'other' ? 'untrustedCertificate' : certificateTexts[certificate.problem];
    return new ApiFailure('untrusted-certificate', this.ctx.text(text), undefined, certificate);
  }

  /**
   * The user compared the fingerprint and chose to trust this certificate: one of the chain the
   * portal presents now (its own certificate, or a CA above it), else it changed meanwhile.
   */
  private async trust(portalUrl: string, fingerprint: string | undefined): Promise<void> {
    if (!fingerprint) return;
    const { certificate, pems } = await presentedChain(portalUrl);
    const chosen = [certificate, ...certificate.issuers].find((cert) => cert.fingerprint === fingerprint);
    const pem = pems.get(fingerprint);
    if (!chosen || !pem || (chosen !== certificate && !chosen.isCa)) {
      throw new ApiFailure('untrusted-certificate', this.ctx.text('certificateChanged'), undefined, certificate);
    }
    writeFileAtomic(this.trustedPemPath(), pem, { mode: 0o644 });
    this.ctx.storeSettings({ ...this.ctx.settings(), connection: { ...this.ctx.settings().connection, trustedCertificateFingerprint: fingerprint } });
  }

  async connectWebhook(request: WebhookConnectRequest): Promise<ConnectResult> {
    const portalUrl = trimSlash(request.portalUrl);
    const webhookUrl = request.webhookUrl.endsWith('/') ? request.webhookUrl : `${request.webhookUrl}/`;
    if (new URL(webhookUrl).origin !== new URL(portalUrl).origin) throw new ApiFailure('invalid-input', this.ctx.text('webhookOtherPortal'));
    if (!/\/rest\/[^/]+\/[^/]+\/$/.test(new URL(webhookUrl).pathname)) throw new ApiFailure('invalid-input', this.ctx.text('webhookShape'));
    await this.trust(portalUrl, request.trustFingerprint);
    const endpoint: RestEndpoint = { kind: 'webhook', webhookUrl };
    const { identity, groups } = await this.probe(portalUrl, endpoint);
    await this.ctx.options.secrets.set(secretKeys.webhook(portalUrl), webhookUrl);
    this.ctx.storeSettings({ ...this.ctx.settings(), connection: { ...this.ctx.settings().connection, address: portalUrl, kind: 'webhook', clientId: '' } });
    return this.connected(portalUrl, 'webhook', endpoint, identity, groups);
  }

  /**
   * Opens a webhook connection this data folder already knows without asking the portal first,
   * so the board shows from the local store while the portal is unreachable. False when the
   * folder holds another (or no) connection.
   */
  async resumeWebhook(portalUrlGiven: string, webhookUrlGiven: string): Promise<boolean> {
    const portalUrl = trimSlash(portalUrlGiven);
    const { connection, groupIds } = this.ctx.settings();
    if (connection.kind !== 'webhook' || connection.address !== portalUrl || groupIds.length === 0) return false;
    const webhookUrl = webhookUrlGiven.endsWith('/') ? webhookUrlGiven : `${webhookUrlGiven}/`;
    await this.ctx.options.secrets.set(secretKeys.webhook(portalUrl), webhookUrl);
    this.openSession(portalUrl, 'webhook', { kind: 'webhook', webhookUrl }, groupIds);
    return true;
  }

  async connectOAuth(request: OAuthConnectRequest): Promise<ConnectResult> {
    const portalUrl = trimSlash(request.portalUrl);
    await this.trust(portalUrl, request.trustFingerprint);
    // Before a browser opens on it: a portal that does not answer, or presents a certificate
    // this machine does not trust, is said at once (the latter with the trust prompt).
    await this.reachable(portalUrl);
    // The tokens can only be kept in the OS keychain: one that cannot be used is said now, not
    // after the user has signed in on the portal.
    await this.ctx.options.secrets.get(secretKeys.clientSecret(portalUrl));
    // An abandoned attempt gives the loopback port back to this one.
    this.signIn?.close();
    const listener = await startLoopbackListener(this.ctx.options.loopbackPort !== undefined ? { port: this.ctx.options.loopbackPort } : {});
    this.signIn = listener;
    const state = randomBytes(16).toString('hex');
    try {
      const url = authorizeUrl(portalUrl, request.clientId, state);
      const inApp = request.inApp === true ? this.ctx.options.openSignInWindow : undefined;
      if (inApp) {
        // Closing the window before the portal redirected cancels the sign-in; a window that
        // refused the portal's certificate fails it, in words, instead of a blank page.
        void inApp(url, listener.redirectUri, this.trustedPems()).then(
          (outcome) => {
            if (outcome.ended === 'certificate-error') listener.fail(new ApiFailure('signed-out', this.ctx.text('signInWindowCertificate', { error: outcome.error })));
            else setTimeout(() => listener.close(), 1_000);
          },
          (error: unknown) => listener.fail(error instanceof Error ? error : new Error(String(error))),
        );
      } else {
        await this.ctx.options.openExternal(url);
      }
      const redirect = readRedirect(await listener.redirect, state);
      const app = { clientId: request.clientId, clientSecret: request.clientSecret };
      const tokens = await exchangeCode(this.http(), tokenServerOrigin(redirect.serverDomain, portalUrl), app, redirect.code, this.ctx.options.clock.now());
      await this.ctx.options.secrets.set(secretKeys.clientSecret(portalUrl), request.clientSecret);
      this.ctx.storeSettings({ ...this.ctx.settings(), connection: { ...this.ctx.settings().connection, address: portalUrl, kind: 'oauth', clientId: request.clientId } });
      const manager = this.tokenManager(portalUrl, request.clientId);
      await manager.replace(tokens);
      const endpoint: RestEndpoint = { kind: 'oauth', portalUrl, tokens: manager };
      const { identity, groups } = await this.probe(portalUrl, endpoint);
      listener.finish({ ok: true });
      return this.connected(portalUrl, 'oauth', endpoint, identity, groups);
    } catch (error) {
      listener.finish({ ok: false, reason: error instanceof Error ? error.message : String(error) });
      throw error;
    } finally {
      listener.close();
      if (this.signIn === listener) this.signIn = null;
    }
  }

  /** Stops a sign-in waiting for the portal's redirect: its connect call fails as cancelled. */
  cancelSignIn(): void {
    this.signIn?.close();
    this.signIn = null;
  }

  /** Any HTTP answer from the portal's address will do; a certificate problem asks the user. */
  private async reachable(portalUrl: string): Promise<void> {
    try {
      await this.http().request({ method: 'GET', url: `${portalUrl}/`, timeoutMs: REACHABLE_TIMEOUT_MS });
    } catch (error) {
      if (error instanceof HttpTransportError && error.reason === 'tls' && portalUrl.startsWith('https:')) throw await this.untrusted(portalUrl);
      const timedOut = error instanceof HttpTransportError && error.reason === 'timeout';
      const values = { address: portalUrl, seconds: String(REACHABLE_TIMEOUT_MS / 1000) };
      throw new ApiFailure('unreachable', this.ctx.text(timedOut ? 'reachTimeout' : 'reachNetwork', values));
    }
  }

  async connectDemo(): Promise<ConnectResult> {
    this.endKeychainWait();
    await this.demo?.close();
    this.demo = await this.ctx.options.startDemo();
    const endpoint: RestEndpoint = { kind: 'webhook', webhookUrl: this.demo.webhookUrl };
    const { identity, groups } = await this.probe(this.demo.portalUrl, endpoint);
    const previous = this.ctx.settings().connection;
    const sameDemo = previous.kind === 'demo';
    // A first demo connection brings the demo's team settings along: WIP limits and reply
    // templates (a team's own stay). (Fresh settings already say `demo`: a demo not set up yet has no groups.)
    const firstLook = !sameDemo || this.ctx.settings().groupIds.length === 0;
    const current = firstLook ? withDemoTemplates(withDemoTeamSettings(this.ctx.settings())) : this.ctx.settings();
    this.ctx.storeSettings({ ...current, connection: { ...previous, address: this.demo.portalUrl, kind: 'demo', clientId: '' }, ...(sameDemo ? {} : { groupIds: [] }) });
    return this.connected(this.demo.portalUrl, 'demo', endpoint, identity, groups);
  }

  private connected(portalUrl: string, kind: 'webhook' | 'oauth' | 'demo', endpoint: RestEndpoint, identity: { userId: string; isAdmin: boolean }, groups: GroupSummary[]): ConnectResult {
    this.identity = identity;
    this.openSession(portalUrl, kind, endpoint, this.ctx.settings().groupIds);
    return { connection: this.connectionInfo()!, groups };
  }

  async currentEndpoint(): Promise<RestEndpoint> {
    const session = this.requireSession();
    if (session.kind === 'demo') return { kind: 'webhook', webhookUrl: this.demo!.webhookUrl };
    const endpoint = await this.savedEndpoint(session.portalUrl, session.kind);
    if (!endpoint) throw new ApiFailure('signed-out', this.ctx.text('credentialsMissing'));
    return endpoint;
  }

  async signOut(): Promise<void> {
    const portal = this.session?.portalUrl;
    this.closeSession();
    if (portal) await forgetPortalSecrets(this.ctx.options.secrets, portal);
    await this.demo?.close();
    this.demo = null;
    this.identity = null;
    this.ctx.storeSettings({ ...this.ctx.settings(), connection: { ...this.ctx.settings().connection, address: '', kind: 'demo', clientId: '' }, groupIds: [] });
  }

  /** Opens the current session again with these groups (settings changed what is synced). */
  async reopen(groupIds: readonly string[]): Promise<void> {
    const session = this.requireSession();
    this.openSession(session.portalUrl, session.kind, await this.currentEndpoint(), groupIds);
  }

  async close(): Promise<void> {
    if (this.keychainRetry) clearTimeout(this.keychainRetry);
    this.closeSession();
    await this.demo?.close();
    this.demo = null;
  }
}
