/**
 * `npm run sync -- --portal <url> (--webhook <url> | --token-file <file>) --groups <id,id> --db <file>
 *   [--enqueue <intents.json>] [--once] [--json] [--board <groupId>]`
 *
 * Headless sync for diagnostics, benchmarks and scripting: the app's own stack (REST client,
 * gateway, sync engine, SQLite store) without Electron. Safe to kill at any moment and run again.
 * A --token-file holds secrets in plain JSON (see src/node/headless/token-file.ts): scripting only.
 */
import { runHeadless } from '../src/node/headless/command';

const once = process.argv.includes('--once');
let signalled = false;
const stopSignal = new Promise<void>((resolve) => {
  const onSignal = (): void => {
    // --once has nothing to wind down (the command is safe to kill); a second signal insists.
    if (once || signalled) process.exit(130);
    signalled = true;
    resolve();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
});

const code = await runHeadless(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  stopSignal,
  now: () => Date.now(),
}).catch((error: unknown) => {
  // One human line, never a stack trace: the cause is in the message.
  process.stderr.write(`sync: ${error instanceof Error ? error.message : String(error)}\n`);
  return 1;
});
// Keep-alive sockets would hold the process open; exit once stdout has taken the last line.
process.stdout.write('', () => process.exit(code));
