// Type-checks each environment with its own tsconfig: core without DOM or Node types, the
// renderer without Node, the preload without Node, node/main and the emulator with Node.
import { spawnSync } from 'node:child_process';

const projects = ['core', 'renderer', 'preload', 'node', 'emulator', 'tests'];
let failed = 0;
for (const name of projects) {
  const result = spawnSync('npx', ['tsc', '-p', `tsconfig.${name}.json`], { stdio: 'inherit' });
  console.log(`typecheck ${name}: ${result.status === 0 ? 'ok' : 'FAILED'}`);
  if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
