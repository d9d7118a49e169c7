/**
 * Browser mode: `npm run web -- [--demo] [--portal <url> --webhook <url>] [--port <n>]`.
 * Serves the built renderer on 127.0.0.1 with the same host services Electron main uses and
 * prints one JSON line: {"url":"http://127.0.0.1:<n>/?token=…"} (with --demo also "emulator").
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startWebHost } from '../src/node/web-host';
import { PultService, type ServiceConnection } from '../src/node/service';
import { createNodeHttp } from '../src/node/http';
import { startDemoPortal } from '../src/node/demo/demo-portal';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function fail(message: string): never {
  process.stderr.write(`pult web: ${message}\n`);
  process.exit(2);
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
        renderer: { type: 'string' },
      },
      strict: true,
    }).values;
  } catch (error) {
    fail((error as Error).message);
  }
  const port = Number(args.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0..65535, got ${args.port}`);
  if (args.portal && !args.webhook) fail('--portal needs --webhook <url> (OAuth sign-in happens in the app)');

  const rendererDir = args.renderer ? path.resolve(args.renderer) : path.join(root, 'out', 'renderer');
  if (!existsSync(path.join(rendererDir, 'index.html'))) fail(`no built renderer at ${rendererDir}: run \`npm run build\` first`);
  const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;

  const demo = args.demo ? await startDemoPortal() : null;
  let connection: ServiceConnection | null = null;
  if (demo) connection = { info: { portalUrl: demo.portalUrl, kind: 'demo' }, webhookUrl: demo.webhookUrl };
  else if (args.portal && args.webhook) connection = { info: { portalUrl: args.portal, kind: 'webhook' }, webhookUrl: args.webhook };

  const service = new PultService({ version, shell: 'browser', http: createNodeHttp(), connection });
  const host = await startWebHost({ service, rendererDir, port });
  process.stdout.write(`${JSON.stringify({ url: host.url, ...(demo ? { emulator: demo.startLine } : {}) })}\n`);

  const stop = async (): Promise<void> => {
    await host.close();
    await demo?.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

void main();
