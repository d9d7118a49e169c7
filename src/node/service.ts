import { createBitrixClient, type BitrixClient } from '../core/bitrix/client';
import { listGroups } from '../core/bitrix/groups';
import type { AppInfo, PortalConnectionInfo, PultApi, Shell } from '../shared/api';
import type { Http } from '../core/ports';
import { ApiFailure } from './api-failure';
import { systemClock, systemRandom } from './clock';

export interface ServiceConnection {
  info: PortalConnectionInfo;
  /** Where webhook calls go; holds the webhook secret, so it never leaves the host. */
  webhookUrl: string;
}

export interface PultServiceOptions {
  version: string;
  shell: Shell;
  http: Http;
  connection: ServiceConnection | null;
}

/** Implements the renderer's API over core; shared by Electron main and the browser-mode host. */
export class PultService implements PultApi {
  private readonly client: BitrixClient | null;

  constructor(private readonly options: PultServiceOptions) {
    this.client = options.connection
      ? createBitrixClient({ http: options.http, clock: systemClock, random: systemRandom, endpoint: { kind: 'webhook', webhookUrl: options.connection.webhookUrl } })
      : null;
  }

  async getAppInfo(): Promise<AppInfo> {
    return { version: this.options.version, shell: this.options.shell, connection: this.options.connection?.info ?? null };
  }

  async listGroups() {
    if (!this.client) throw new ApiFailure('not-connected', 'No portal is connected yet');
    return listGroups(this.client);
  }
}
