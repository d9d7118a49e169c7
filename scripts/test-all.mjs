// `npm test`: build, typecheck, lint, unit, integration, browser e2e (and Electron e2e where a binary
// exists). Runs every stage even after a failure, then prints one summary line
// "N passed, N failed, N skipped" and exits non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const reports = '.tsbuild/test-reports';
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const stages = [];

function run(name, command, args, env = {}) {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  stages.push({ name, ok: result.status === 0 });
  return result.status === 0;
}

function countVitest(file) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += report.numPassedTests ?? 0;
  totals.failed += report.numFailedTests ?? 0;
  totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}

function countPlaywright(file) {
  if (!existsSync(file)) return;
  const stats = JSON.parse(readFileSync(file, 'utf8')).stats ?? {};
  totals.passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  totals.failed += stats.unexpected ?? 0;
  totals.skipped += stats.skipped ?? 0;
}

// Built first: the unit stage's packaging tests read the build's chunk reports, and e2e runs it.
const built = run('build', 'npx', ['electron-vite', 'build']);
run('typecheck', 'node', ['scripts/typecheck.mjs']);
run('lint', 'npx', ['eslint', '--max-warnings', '0', '.']);
for (const project of ['unit', 'integration']) {
  const file = `${reports}/${project}.json`;
  run(project, 'npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`]);
  countVitest(file);
}
if (built) {
  const file = `${reports}/e2e.json`;
  run('e2e', 'npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: file });
  countPlaywright(file);
}

console.log('\n=== summary');
for (const stage of stages) console.log(`${stage.ok ? 'ok    ' : 'FAILED'} ${stage.name}`);
const anyStageFailed = stages.some((s) => !s.ok);
if (anyStageFailed && totals.failed === 0) totals.failed = stages.filter((s) => !s.ok).length;
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(anyStageFailed ? 1 : 0);
