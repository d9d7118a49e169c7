/**
 * The host's own thread: the settings, the keychain, the local store, the sync engine, the demo
 * portal and the tray's reminders all run here, so a board snapshot or a pull never blocks the
 * thread that serves windows. Results and events leave as JSON text.
 */
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { Logger } from '../../core/ports';
import { composeHost } from '../host/compose';
import { acceptProposedSetup } from '../host/auto-setup';
import { startDemoPortal, type DemoPortal } from '../demo/demo-portal';
import { MemorySecretStore } from '../secrets/memory';
import { SecretStoreChoice } from '../secrets/choice';
import { createKeychainSecretStore } from '../secrets/keychain';
import { startAlertService, type AlertService } from '../alerts/service';
import { inProcessWire } from '../wire';
import type { ControlOp, FromWorker, HostWorkerConfig, SignInWindowOutcome, ToWorker, WorkerAsk } from './protocol';

/** Below the window thread (0), above background jobs (19). */
const WORKER_NICE = 5;

if (!parentPort) throw new Error('worker-main runs only as a worker thread');
const port = parentPort;
const config = (workerData as { config: HostWorkerConfig }).config;

// Linux keeps a nice value per thread, and priority 0 names the calling thread: the host's work
// (a first sync, a board snapshot) then yields the CPU to the thread that serves windows. On
// macOS and Windows the same call would lower the whole process, so it is made on Linux only.
if (process.platform === 'linux') {
  try {
    os.setPriority(0, WORKER_NICE);
  } catch {
    // A sandbox may forbid it; the host then runs at the window thread's priority.
  }
}

function post(message: FromWorker): void {
  port.postMessage(message);
}

/**
 * Logger data crosses the thread as plain JSON (an Error or a handle would not clone); an Error
 * keeps its stack for the log file, which redacts it on the other side.
 */
function plain(data: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!data) return undefined;
  try {
    return JSON.parse(JSON.stringify(data, (_key, value: unknown) => (value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value))) as Record<string, unknown>;
  } catch {
    return { unserialisable: true };
  }
}

const logger: Logger = {
  debug: (message, data) => post({ kind: 'log', level: 'debug', message, data: plain(data) }),
  info: (message, data) => post({ kind: 'log', level: 'info', message, data: plain(data) }),
  warn: (message, data) => post({ kind: 'log', level: 'warn', message, data: plain(data) }),
  error: (message, data) => post({ kind: 'log', level: 'error', message, data: plain(data) }),
};

let nextAsk = 1;
const asks = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
function ask(request: WorkerAsk): Promise<unknown> {
  const id = nextAsk++;
  return new Promise((resolve, reject) => {
    asks.set(id, { resolve, reject });
    post({ kind: 'ask', id, request });
  });
}

// Browser mode can fall back to memory; the desktop app keeps to the keychain.
const secretChoice = config.memoryFallback ? new SecretStoreChoice(createKeychainSecretStore(), { canUseMemory: true, startInMemory: config.secrets === 'memory' }) : null;

const demos: DemoPortal[] = [];
const host = composeHost({
  version: config.version,
  shell: config.shell,
  dataDir: config.dataDir,
  startDemo: async () => {
    const demo = await startDemoPortal();
    demos.push(demo);
    return demo;
  },
  openExternal: async (url) => void (await ask({ ask: 'open-external', url })),
  ...(config.signInInApp
    ? { openSignInWindow: async (url: string, redirectUri: string, trustedPems: readonly string[]) => (await ask({ ask: 'open-sign-in-window', url, redirectUri, trustedPems: [...trustedPems] })) as SignInWindowOutcome }
    : {}),
  ...(secretChoice ? { secrets: secretChoice, secretsControl: secretChoice } : config.secrets === 'memory' ? { secrets: new MemorySecretStore() } : {}),
  ...(config.loopbackPort !== undefined ? { loopbackPort: config.loopbackPort } : {}),
  logger,
});
const wire = inProcessWire(host, (error) => logger.error('internal error in the host', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
host.onEvent((event) => post({ kind: 'event', type: event.type, json: JSON.stringify(event) }));

let alerts: AlertService | null = null;
if (config.alerts) {
  alerts = startAlertService(host, {
    dataDir: config.dataDir,
    systemLocale: config.alerts.systemLocale,
    clock: { now: () => Date.now() },
    onError: (message, error) => logger.warn(message, { error: error instanceof Error ? error.message : String(error) }),
  });
  alerts.onNotices((notices) => post({ kind: 'alert-notices', notices }));
  alerts.onState((state) => post({ kind: 'alert-state', state }));
  post({ kind: 'alert-state', state: alerts.getState() });
}

async function close(): Promise<void> {
  alerts?.stop();
  await host.close();
  await Promise.all(demos.map((demo) => demo.close()));
}

async function control(op: ControlOp): Promise<unknown> {
  switch (op.op) {
    case 'restore':
      return host.restore();
    case 'check-secrets':
      return host.checkSecrets();
    case 'resume-webhook':
      return host.resumeWebhook(op.portalUrl, op.webhookUrl);
    case 'connect-demo-with-setup':
      await acceptProposedSetup(host, await host.connectDemo());
      return { emulator: demos.at(-1)?.startLine ?? null };
    case 'connect-webhook-with-setup':
      await acceptProposedSetup(host, await host.connectWebhook({ portalUrl: op.portalUrl, webhookUrl: op.webhookUrl }));
      return null;
    case 'alerts-pause':
      return alerts?.pause(op.choice) ?? null;
    case 'alerts-resume':
      return alerts?.resume() ?? null;
    case 'alerts-snooze':
      return alerts?.snooze(op.taskId, op.choice) ?? null;
    case 'close':
      await close();
      return null;
  }
}

port.on('message', (message: ToWorker) => {
  if (message.kind === 'call') {
    void wire.call(message.method, message.args).then((json) => post({ kind: 'result', id: message.id, json }));
  } else if (message.kind === 'control') {
    control(message.control).then(
      (value) => post({ kind: 'control-done', id: message.id, ok: true, value: value ?? null }),
      (error: unknown) => post({ kind: 'control-done', id: message.id, ok: false, message: error instanceof Error ? error.message : String(error) }),
    );
  } else if (message.kind === 'answer') {
    const pending = asks.get(message.id);
    asks.delete(message.id);
    if (message.ok) pending?.resolve(message.value);
    else pending?.reject(new Error(message.error || 'the window thread could not do it'));
  }
});
