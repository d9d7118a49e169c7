// Runs the host's worker from source (browser mode, tests, benchmarks): registers the TypeScript
// loader in this thread, then loads the worker's module. The desktop build bundles it instead.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
