import type { CommentMode, CreatePortalOptions, Portal } from './contract';
import { createClock, type OffsetClock } from './clock';
import { createPortal } from './portal/index';
import { AuthorizePage } from './http/authorize';
import { RestAuthenticator, WebhookRegistry } from './http/auth';
import { createBatchMethod } from './http/batch';
import type { EmulatorControls } from './http/control';
import { Dispatcher } from './http/dispatch';
import { createEventMethods } from './http/event-methods';
import { EventStore } from './http/event-queue';
import { FaultState, type FaultSettings } from './http/faults';
import { LeakyBucket, OperationLimiter } from './http/limiter';
import { OAuthStore } from './http/oauth-store';
import { IdempotencyStore } from './http/idempotency';
import { RequestCounter } from './http/request-counter';
import { listen, oauthHandler, portalHandler, type PortalRoutes } from './http/server';
import { givenCert, makeSelfSignedCert, type TlsMaterial } from './http/tls';
import { createTransportMethods } from './http/transport-methods';
import { GLOBAL_SCOPE, type Profile, type TransportEnv } from './http/types';

export interface StartEmulatorOptions {
  /** Portal port; 0 (default) picks a free one. */
  port?: number;
  /** OAuth server port; 0 (default) picks a free one. */
  oauthPort?: number;
  host?: string;
  seed?: number;
  tasks?: number;
  profile?: Profile;
  /** HTTPS: `true` makes a self-signed certificate; a key and PEM chain (leaf first) are served as given. */
  tls?: boolean | { key: string; cert: string };
  /** The app's registered redirect URI (a desktop client's loopback listener). */
  redirectUri?: string;
  /** Seconds; default 3600 (docs-facts §1). */
  accessTokenLifetime?: number;
  /** Seconds; default 180 days (docs-facts §1). */
  refreshTokenLifetime?: number;
  clock?: OffsetClock;
  /** Box LoadLimiter (server-facts §2): off unless set. Cloud default 480 s. */
  operationLimitSeconds?: number;
  /** Simulated handler seconds added per call (number, or per method), so tests can reach the limit. */
  operationCostSeconds?: number | Record<string, number>;
  /** Scopes granted to the app and the webhook; default every scope the portal's methods use. */
  scopes?: string[];
  /** feature.get answers by CODE. */
  features?: Record<string, string>;
  /** Serves GET /_emulator/tokens (every token and secret issued) — off by default, for secret scans. */
  tokensRoute?: boolean;
  /** Builds the portal half; default `createPortal` from `./portal`. */
  createPortal?: (options: CreatePortalOptions) => Portal;
}

export interface EmulatorUser {
  id: string;
  login: string;
  password: string;
  admin: boolean;
  type: 'employee' | 'extranet';
}

/** The start line's fields (what `cli.ts` prints). */
export interface EmulatorInfo {
  portalUrl: string;
  oauthServerUrl: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  webhookUrl: string;
  users: EmulatorUser[];
  groups: Array<{ id: string; name: string }>;
  certFingerprint?: string;
  certPem?: string;
}

export interface EmulatorHandle extends EmulatorInfo, EmulatorControls {
  portal: Portal;
  clock: OffsetClock;
  profile: Profile;
  /** The start line's object, without the controls. */
  info(): EmulatorInfo;
  close(): Promise<void>;
}


function portalScopes(portal: Portal): string[] {
  const scopes = new Set<string>();
  for (const spec of portal.methods.values()) if (spec.scope !== GLOBAL_SCOPE) scopes.add(spec.scope);
  return [...scopes].sort();
}

export async function startEmulator(options: StartEmulatorOptions = {}): Promise<EmulatorHandle> {
  const host = options.host ?? '127.0.0.1';
  const profile: Profile = options.profile ?? 'box';
  const clock = options.clock ?? createClock();
  const portalOptions: CreatePortalOptions = { seed: options.seed ?? 1, tasks: options.tasks ?? 2000, clock };
  const portal = (options.createPortal ?? createPortal)(portalOptions);
  const env: TransportEnv = { portal, clock, profile, portalOrigin: () => urls.portalOrigin };
  const tls: TlsMaterial | undefined =
    typeof options.tls === 'object' ? givenCert(options.tls.key, options.tls.cert) : options.tls ? await makeSelfSignedCert(clock.now()) : undefined;
  const scheme = tls ? 'https' : 'http';

  const scopes = options.scopes ?? portalScopes(portal);
  const oauthStore = new OAuthStore(
    clock,
    {
      accessTokenLifetime: options.accessTokenLifetime ?? 3600,
      refreshTokenLifetime: options.refreshTokenLifetime ?? 180 * 86400,
    },
    options.redirectUri ?? 'http://127.0.0.1:0/oauth/callback',
    scopes,
  );
  const webhooks = new WebhookRegistry();
  const adminId = portal.users().find((u) => u.id === '1')?.id ?? portal.users().find((u) => u.admin)?.id ?? '1';
  const webhookSecret = webhooks.create(adminId, scopes);

  const events = new EventStore(clock);
  const unsubscribe = portal.onEvent((e) => events.record(e));
  const faults = new FaultState();
  const requests = new RequestCounter();
  const limitSeconds = options.operationLimitSeconds ?? (profile === 'cloud' ? 480 : undefined);
  const limiter = limitSeconds === undefined ? undefined : new OperationLimiter(clock, limitSeconds, options.operationCostSeconds);
  const bucket = profile === 'cloud' ? new LeakyBucket(clock) : undefined;

  // batch and `methods` need the dispatcher that they are part of.
  const ref: { dispatcher?: Dispatcher } = {};
  const getDispatcher = () => {
    if (!ref.dispatcher) throw new Error('dispatcher not ready');
    return ref.dispatcher;
  };
  const transportMethods = new Map([
    ['batch', createBatchMethod(getDispatcher, (method) => requests.countBatched(method))],
    ...createTransportMethods({
      env,
      allMethods: () => getDispatcher().allMethods(),
      allScopes: scopes,
      clientId: oauthStore.app.clientId,
      features: options.features ?? {},
    }),
    ...createEventMethods(portal, events),
  ]);
  const dispatcher = new Dispatcher(env, transportMethods, limiter);
  ref.dispatcher = dispatcher;

  const urls = { oauthHost: '', oauthOrigin: '', portalOrigin: '' };
  const hosts = { portalHost: '', oauthHost: '' };
  const controls: EmulatorControls = {
    advanceClock: (s) => clock.advance(s),
    setFaults: (s: FaultSettings) => faults.set(s),
    setUnreachable: (u) => faults.set({ unreachable: u }),
    expireAccessTokens: () => oauthStore.expireAccessTokens(),
    revokeRefreshTokens: () => oauthStore.revokeRefreshTokens(),
    setCommentMode: (m: CommentMode) => portal.setCommentMode(m),
    state: () => ({
      now: new Date(clock.now()).toISOString(),
      clockOffsetSeconds: clock.offsetSeconds(),
      counts: portal.counts(),
      profile,
      commentMode: portal.commentMode(),
      faults: faults.snapshot(),
      tokens: oauthStore.counts(),
      offlineEvents: events.rows.length,
      eventBindings: events.bindings.length,
      requests: requests.snapshot(),
    }),
  };
  if (options.tokensRoute) {
    controls.issuedSecrets = () => ({ ...oauthStore.issued(), clientSecret: oauthStore.app.clientSecret, webhookSecret });
  }
  const routes: PortalRoutes = {
    rest: { dispatcher, authenticator: new RestAuthenticator(portal, oauthStore, webhooks, clock), faults, bucket, idempotency: new IdempotencyStore(() => clock.now()), requests },
    authorize: new AuthorizePage(portal, oauthStore, hosts),
    oauthStore,
    faults,
    controls,
    urls,
    clock,
    portal,
  };
  const oauthServer = await listen(oauthHandler(routes), host, options.oauthPort ?? 0, tls);
  const portalServer = await listen(portalHandler(routes), host, options.port ?? 0, tls).catch(async (e: unknown) => {
    await oauthServer.close();
    throw e;
  });
  const hostPart = host.includes(':') ? `[${host}]` : host;
  hosts.portalHost = `${hostPart}:${portalServer.port}`;
  hosts.oauthHost = `${hostPart}:${oauthServer.port}`;
  urls.portalOrigin = `${scheme}://${hosts.portalHost}`;
  urls.oauthOrigin = `${scheme}://${hosts.oauthHost}`;
  urls.oauthHost = hosts.oauthHost;
  if (!options.redirectUri) oauthStore.app.redirectUri = `${scheme}://${hostPart}:${oauthServer.port}/oauth/callback`;

  const info: EmulatorInfo = {
    portalUrl: urls.portalOrigin,
    oauthServerUrl: urls.oauthOrigin,
    clientId: oauthStore.app.clientId,
    clientSecret: oauthStore.app.clientSecret,
    redirectUri: oauthStore.app.redirectUri,
    webhookUrl: `${urls.portalOrigin}/rest/${adminId}/${webhookSecret}/`,
    users: portal.users().map((u) => ({ id: u.id, login: u.login, password: u.password, admin: u.admin, type: u.type })),
    groups: portal.serviceDeskGroups().map((g) => ({ id: g.id, name: g.name })),
  };
  if (tls) {
    info.certFingerprint = tls.fingerprint256;
    info.certPem = tls.cert;
  }
  let closed = false;
  return {
    ...info,
    ...controls,
    portal,
    clock,
    profile,
    info: () => ({ ...info }),
    async close() {
      if (closed) return;
      closed = true;
      unsubscribe();
      await Promise.all([portalServer.close(), oauthServer.close()]);
    },
  };
}

export { createClock };
