import type { AuthType, Portal } from '../contract';
import type { OffsetClock } from '../clock';

/** Who is calling, once the transport has checked the token or webhook. */
export interface AuthInfo {
  userId: string;
  authType: AuthType;
  clientId?: string;
  /** `auth_connector` sent with the call (server-facts §3: kept alongside the token). */
  authConnector?: string;
  scopes: readonly string[];
  /** The OAuth access token the call came with (embedded in disk download links). */
  accessToken?: string;
  /** The webhook's own credentials (the portal embeds them in disk links for webhook calls). */
  webhook?: { login: string; password: string };
}

export type Profile = 'box' | 'cloud';

/** Everything the transport's pieces share. */
export interface TransportEnv {
  portal: Portal;
  clock: OffsetClock;
  profile: Profile;
  /** The portal's own origin once it listens (for absolute links in answers). */
  portalOrigin?: () => string;
}

/** Scope name meaning "no scope check" (CRestUtil::GLOBAL_SCOPE). */
export const GLOBAL_SCOPE = '_global';
