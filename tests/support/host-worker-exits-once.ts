/**
 * The host's worker as a test entry that dies once, shortly after its first start (a marker in
 * the data folder remembers it), so the client's restart can be watched.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { workerData } from 'node:worker_threads';
import '../../src/node/host-worker/worker-main';

const { dataDir } = (workerData as { config: { dataDir: string } }).config;
const marker = path.join(dataDir, 'exited-once');
if (!existsSync(marker)) {
  writeFileSync(marker, '');
  setTimeout(() => process.exit(3), Number(process.env.PULT_TEST_EXIT_AFTER_MS ?? 2_000));
}
