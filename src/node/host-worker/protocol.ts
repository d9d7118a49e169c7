/** Messages between the thread that serves windows and the host's worker thread. */
import type { AlertNotice } from '../alerts/types';
import type { AlertState } from '../alerts/monitor';
import type { PultEvent, Shell } from '../../shared/api';
import type { SignInWindowOutcome } from '../host/host-context';

export type { SignInWindowOutcome };

export interface HostWorkerConfig {
  version: string;
  shell: Shell;
  dataDir: string;
  /** `memory`: secrets stay in this process only (a webhook given on the command line, `--secrets memory`). */
  secrets: 'keychain' | 'memory';
  /** Browser mode: the keychain is checked at start, and the user may switch to memory when it cannot be used. */
  memoryFallback?: boolean;
  /** The parent can show a sign-in page in an app window (desktop). */
  signInInApp: boolean;
  loopbackPort?: number;
  /** Run the tray's reminders beside the host (desktop). */
  alerts?: { systemLocale: string };
}

/** What the parent may ask of the host besides the renderer's API (the parent is trusted). */
export type ControlOp =
  | { op: 'restore' }
  /** Tries the keychain now (browser mode at start), so the page can say at once that there is none. */
  | { op: 'check-secrets' }
  | { op: 'resume-webhook'; portalUrl: string; webhookUrl: string }
  /** Connect and accept the proposed first-run setup, as a user who accepts every step. */
  | { op: 'connect-demo-with-setup' }
  | { op: 'connect-webhook-with-setup'; portalUrl: string; webhookUrl: string }
  | { op: 'alerts-pause'; choice: '1h' | 'tomorrow' }
  | { op: 'alerts-resume' }
  | { op: 'alerts-snooze'; taskId: string; choice: '1h' | 'tomorrow' }
  | { op: 'close' };

export type ToWorker =
  | { kind: 'call'; id: number; method: unknown; args: unknown }
  | { kind: 'control'; id: number; control: ControlOp }
  | { kind: 'answer'; id: number; ok: true; value?: unknown }
  | { kind: 'answer'; id: number; ok: false; error: string };

/**
 * What the host asks of the parent: things only the windowing thread can do. The sign-in window
 * carries the certificates the user trusted (PEM), so it accepts the portal Node accepts.
 */
export type WorkerAsk = { ask: 'open-external'; url: string } | { ask: 'open-sign-in-window'; url: string; redirectUri: string; trustedPems: string[] };

export type FromWorker =
  | { kind: 'result'; id: number; json: string }
  | { kind: 'control-done'; id: number; ok: true; value: unknown }
  | { kind: 'control-done'; id: number; ok: false; message: string }
  | { kind: 'event'; type: PultEvent['type']; json: string }
  | { kind: 'ask'; id: number; request: WorkerAsk }
  | { kind: 'alert-notices'; notices: AlertNotice[] }
  | { kind: 'alert-state'; state: AlertState }
  | { kind: 'log'; level: 'debug' | 'info' | 'warn' | 'error'; message: string; data?: Record<string, unknown> };
