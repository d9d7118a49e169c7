/**
 * `npm run emulator -- --port 8024 --seed 1 --tasks 2000 --profile box [--tls | --tls-key <file> --tls-cert <file>] [--host 127.0.0.1] [--tokens-route]`
 * (`--tokens-route` serves GET /_emulator/tokens: every token and secret issued, for a test's secret scan.)
 * (`--tls` makes a self-signed certificate; `--tls-cert` may hold a chain, leaf first.)
 * Prints one JSON start line to stdout and serves until SIGINT/SIGTERM.
 * Webhooks work over plain http, as on a portal that defines REST_APAUTH_ALLOW_HTTP (server-facts §3).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startEmulator } from './index';

function intArg(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'oauth-port': { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      tasks: { type: 'string' },
      profile: { type: 'string' },
      tls: { type: 'boolean' },
      'tls-key': { type: 'string' },
      'tls-cert': { type: 'string' },
      'redirect-uri': { type: 'string' },
      'operation-limit': { type: 'string' },
      'tokens-route': { type: 'boolean' },
    },
    strict: true,
  });
  const profile = values.profile ?? 'box';
  if (Boolean(values['tls-key']) !== Boolean(values['tls-cert'])) throw new Error('--tls-key and --tls-cert go together');
  const tls = values['tls-key'] && values['tls-cert'] ? { key: readFileSync(values['tls-key'], 'utf8'), cert: readFileSync(values['tls-cert'], 'utf8') } : (values.tls ?? false);
  if (profile !== 'box' && profile !== 'cloud') throw new Error('--profile must be box or cloud');
  const emulator = await startEmulator({
    port: intArg(values.port, 'port', 8024),
    oauthPort: intArg(values['oauth-port'], 'oauth-port', 0),
    host: values.host ?? '127.0.0.1',
    seed: intArg(values.seed, 'seed', 1),
    tasks: intArg(values.tasks, 'tasks', 2000),
    profile,
    tls,
    ...(values['redirect-uri'] ? { redirectUri: values['redirect-uri'] } : {}),
    ...(values['tokens-route'] ? { tokensRoute: true } : {}),
    ...(values['operation-limit'] ? { operationLimitSeconds: Number(values['operation-limit']) } : {}),
  });
  process.stdout.write(`${JSON.stringify(emulator.info())}\n`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    emulator.close().then(
      () => process.exit(0),
      (e: unknown) => {
        process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`bitrix-emulator: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
