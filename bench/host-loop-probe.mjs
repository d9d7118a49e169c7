/**
 * Loaded into the browser-mode host with `--import` by the host-seam bench: measures how late the
 * thread that serves windows runs its timers (its own event-loop delay, beside the static GET the
 * bench times from outside), and appends four lines a second to PULT_LOOP_PROBE_FILE:
 * {"at": <Date.now()>, "late": [<ms>, …]}. Only the main thread: the host's worker is not measured.
 * Run on its own (`node bench/host-loop-probe.mjs`), it is the machine's baseline: how late a
 * process that does nothing else gets its timers while the others compete for the cores.
 */
import { appendFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const file = process.env.PULT_LOOP_PROBE_FILE;
const EVERY_MS = 10;
const FLUSH_MS = 250;
if (isMainThread && file) {
  let late = [];
  let expected = performance.now() + EVERY_MS;
  const tick = () => {
    const now = performance.now();
    late.push(Math.max(0, Math.round((now - expected) * 10) / 10));
    expected = now + EVERY_MS;
    setTimeout(tick, EVERY_MS).unref();
  };
  setTimeout(tick, EVERY_MS).unref();
  const flush = () => {
    if (late.length) appendFileSync(file, `${JSON.stringify({ at: Date.now(), late })}\n`);
    late = [];
  };
  const flusher = setInterval(flush, FLUSH_MS);
  const standalone = import.meta.url === `file://${process.argv[1]}`;
  if (!standalone) flusher.unref();
  else process.once('SIGTERM', () => process.exit(0));
  process.on('exit', flush);
}
