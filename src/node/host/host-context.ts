/** What the host's services share: its options, the settings, its words, and its events. */
import type { Settings } from '../../core/domain/settings';
import type { Clock, Logger, Random, SecretStore } from '../../core/ports';
import type { PultEvent, SettingsSaveResult, Shell } from '../../shared/api';
import type { SettingsStore } from '../settings/settings-store';
import type { HostMessage } from './host-messages';
import type { SecretsControl } from '../secrets/choice';

/** What the host needs of the tray's reminders. */
export interface AlertControl {
  /** Returns when the snooze ends (portal ms), or null when reminders are not running yet. */
  snooze(taskId: string, choice: '1h' | 'tomorrow'): number | null;
}

/**
 * How a sign-in window ended without Pult's loopback listener deciding: closed (by Pult after the
 * redirect, or by the user), or refused the portal's certificate (Chromium's error code).
 */
export type SignInWindowOutcome = { ended: 'closed' } | { ended: 'certificate-error'; error: string };

export interface DemoStarter {
  (): Promise<{ portalUrl: string; webhookUrl: string; close(): Promise<void> }>;
}

export interface HostOptions {
  version: string;
  shell: Shell;
  dataDir: string;
  settings: SettingsStore;
  secrets: SecretStore;
  /** Browser mode: the keychain's status and the switch to memory (absent: the keychain only). */
  secretsControl?: SecretsControl;
  clock: Clock;
  random: Random;
  logger?: Logger;
  startDemo: DemoStarter;
  /** Opens a URL in the system browser (sign-in pages, portal links). */
  openExternal(url: string): Promise<void>;
  /**
   * Shows a sign-in page in an app window (desktop only), trusting what the user trusted here
   * (`trustedPems`, by fingerprint) as Node does; resolves when that window has ended.
   */
  openSignInWindow?(url: string, redirectUri: string, trustedPems: readonly string[]): Promise<SignInWindowOutcome>;
  loopbackPort?: number;
}

export interface HostContext {
  readonly options: HostOptions;
  settings(): Settings;
  text(key: HostMessage, values?: Record<string, string>): string;
  /** Validates and saves the settings; the windows hear of it. */
  storeSettings(next: Settings): SettingsSaveResult;
  emit(event: PultEvent): void;
}
