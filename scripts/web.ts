/**
 * Browser mode: `npm run web -- [--demo] [--portal <url> --webhook <url>] [--port <n>] [--data <dir>] [--secrets keychain|memory]`.
 * Serves the built renderer on 127.0.0.1 with the same host services Electron main uses and
 * prints one JSON line: {"url":"http://127.0.0.1:<n>/?token=…"} (with --demo also "emulator").
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import { startWebHost } from '../src/node/web-host';
import { acquireDataLock, DataLockHeldError } from '../src/node/data-lock';
import { defaultDataDir } from '../src/node/host/compose';
import { desktopLanguage } from '../src/node/host/host-messages';
import { startHostWorker } from '../src/node/host-worker/client';
import { withPageNotices } from '../src/node/page-notices';
import { envLogLevel, logDirIn, logFunction, logProcessErrors, openLogFile, redactText } from '../src/node/logging';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const USAGE = `Usage: npm run web -- [options]
  --demo                      start the built-in demo portal and open its board
  --portal <url> --webhook <url>
                              connect this portal by its incoming webhook (kept in memory only)
  --port <n>                  the port to serve on (default: any free one)
  --data <dir>                the data folder (default: the desktop app's)
  --secrets keychain|memory   where sign-in secrets are kept (default: keychain). memory keeps
                              them only while this process runs, for a machine without a
                              keychain (no Secret Service): closing browser mode forgets the
                              sign-in, and you sign in again next time
  --renderer <dir>            the built renderer (default: out/renderer)
                              (logs go to <data>/logs/pult-YYYY-MM-DD.log, secrets redacted;
                              PULT_LOG_LEVEL=debug for more)
  --help                      show this text
`;

function fail(message: string): never {
  process.stderr.write(`pult web: ${message}\n`);
  process.exit(2);
}

/** The system browser, for sign-in pages and portal links. */
async function openExternal(url: string): Promise<void> {
  const command = process.platform === 'win32' ? 'explorer' : process.platform === 'darwin' ? 'open' : 'xdg-open';
  spawn(command, [url], { stdio: 'ignore', detached: true }).on('error', () => process.stderr.write(`pult web: open this address yourself: ${url}\n`)).unref();
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: {
        demo: { type: 'boolean', default: false },
        portal: { type: 'string' },
        webhook: { type: 'string' },
        port: { type: 'string', default: '0' },
        data: { type: 'string' },
        renderer: { type: 'string' },
        secrets: { type: 'string', default: 'keychain' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    fail((error as Error).message);
  }
  if (args.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  if (args.secrets !== 'keychain' && args.secrets !== 'memory') fail(`--secrets must be keychain or memory, got ${args.secrets}`);
  const port = Number(args.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0..65535, got ${args.port}`);
  if (Boolean(args.portal) !== Boolean(args.webhook)) fail('--portal and --webhook go together (OAuth sign-in happens in the app)');
  if (args.demo && args.portal) fail('--demo and --portal exclude each other');

  const rendererDir = args.renderer ? path.resolve(args.renderer) : path.join(root, 'out', 'renderer');
  if (!existsSync(path.join(rendererDir, 'index.html'))) fail(`no built renderer at ${rendererDir}: run \`npm run build\` first`);
  const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;

  const dataDir = path.resolve(args.data ?? defaultDataDir());
  // One process per data folder (the desktop app, another browser mode, the headless command).
  try {
    acquireDataLock(dataDir, 'browser');
  } catch (error) {
    if (error instanceof DataLockHeldError) fail(error.message);
    throw error;
  }
  // The same log files as the desktop app's, in this data folder; warnings also on stderr.
  const logFile = openLogFile({
    dir: logDirIn(dataDir),
    minLevel: envLogLevel(process.env.PULT_LOG_LEVEL) ?? 'info',
    mirror: (entry, line) => void (entry.level === 'warn' || entry.level === 'error' ? process.stderr.write(line) : undefined),
  });
  logProcessErrors(process, logFile, 'web');
  logFile.write('info', 'web', 'browser mode started', { version, secrets: args.secrets, demo: args.demo });

  // The host (store, sync, demo portal) runs in its own worker thread; this thread serves files
  // and relays the API as text, so it answers at once whatever the host is doing.
  const host = startHostWorker({
    config: {
      version, shell: 'browser', dataDir, signInInApp: false,
      secrets: args.webhook || args.secrets === 'memory' ? 'memory' : 'keychain',
      // Without a usable keychain the page offers memory instead (the desktop app does not).
      memoryFallback: true,
      // The same reminders as the tray's, shown by the pages (Web Notifications, the title, a sound).
      alerts: { systemLocale: desktopLanguage() === 'en' ? 'en-US' : 'ru-RU' },
    },
    openExternal,
    log: logFunction(logFile, 'host'),
  });

  let emulator: unknown = null;
  try {
    if (args.demo) emulator = ((await host.control({ op: 'connect-demo-with-setup' })) as { emulator: unknown }).emulator;
    else if (args.portal && args.webhook) {
      // A folder that already synced this portal opens from its local store, reachable or not.
      if (!(await host.control({ op: 'resume-webhook', portalUrl: args.portal, webhookUrl: args.webhook }))) {
        await host.control({ op: 'connect-webhook-with-setup', portalUrl: args.portal, webhookUrl: args.webhook });
      }
    } else {
      // Checked first, so the page can say at once that there is no keychain.
      await host.control({ op: 'check-secrets' });
      await host.control({ op: 'restore' });
    }
  } catch (error) {
    logFile.write('error', 'web', 'could not connect', { error });
    await logFile.flush();
    fail(`could not connect: ${redactText((error as Error).message)}`);
  }

  const web = await startWebHost({ wire: withPageNotices(host.wire, host.alerts), rendererDir, port, log: logFunction(logFile, 'web') });
  process.stdout.write(`${JSON.stringify({ url: web.url, ...(emulator ? { emulator } : {}) })}\n`);

  const stop = async (): Promise<void> => {
    await web.close();
    await host.close();
    await logFile.flush();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

void main();
