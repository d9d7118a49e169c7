/**
 * Loaded into the browser-mode host with `--expose-gc --import` by the soak spec and bench: on
 * SIGUSR2 every thread (the one that serves windows and the host's worker) collects garbage and
 * reports its V8 heap and its live timers; the main thread writes one JSON line to
 * PULT_MEMORY_PROBE_FILE: {"seq", "rss", "threads": [{"main", "heapUsed", "timers"}]}.
 */
import { appendFileSync } from 'node:fs';
import v8 from 'node:v8';
import { isMainThread } from 'node:worker_threads';

const file = process.env.PULT_MEMORY_PROBE_FILE;
const CHANNEL = 'pult-memory-probe';

function measure() {
  globalThis.gc?.();
  globalThis.gc?.();
  const timers = process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout' || kind === 'Immediate').length;
  return { main: isMainThread, heapUsed: v8.getHeapStatistics().used_heap_size, timers };
}

if (file) {
  const channel = new BroadcastChannel(CHANNEL);
  channel.unref();
  if (isMainThread) {
    let seq = 0;
    let pending = null;
    channel.onmessage = (event) => {
      if (event.data?.report && pending && event.data.seq === pending.seq) pending.threads.push(event.data.report);
    };
    process.on('SIGUSR2', () => {
      seq += 1;
      pending = { seq, threads: [measure()] };
      channel.postMessage({ measure: seq });
      // The worker answers between its own tasks; half a second is plenty on an idle host.
      setTimeout(() => {
        const line = { seq: pending.seq, rss: process.memoryUsage.rss(), threads: pending.threads };
        appendFileSync(file, `${JSON.stringify(line)}\n`);
      }, 500).unref();
    });
  } else {
    channel.onmessage = (event) => {
      if (typeof event.data?.measure === 'number') channel.postMessage({ seq: event.data.measure, report: measure() });
    };
  }
}
