/**
 * The keychain adapter against the real OS keychain (Linux: Secret Service from gnome-keyring).
 * Where no D-Bus session exists (CI, containers), the checks run in a child under
 * `dbus-run-session` with a throwaway, unlocked keyring in a temp folder, so a developer's own
 * keyrings are never touched.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LONG_VALUE, runKeychainChecks, UNICODE_VALUE, type Failure, type KeychainReport } from './fixtures/keychain-checks';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const child = path.join(repoRoot, 'tests/integration/fixtures/keychain-child.ts');
const service = `PultTest-${process.pid}-${Date.now()}`;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pult-keychain-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function onPath(binary: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      fs.accessSync(path.join(dir, binary), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

function lastJsonLine(stdout: string): unknown {
  const line = stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(line);
}

/**
 * `unlocked`: a private session bus with gnome-keyring holding an unlocked "login" keyring (it
 * creates one from the password on stdin; an empty password, as some recipes use, creates none
 * on gnome-keyring 42, hence a throwaway non-empty one). `bare`: a private bus where D-Bus starts
 * gnome-keyring on demand with no keyring at all. `none`: the current environment as it is.
 */
function runChild(args: string[], env: NodeJS.ProcessEnv, session: 'unlocked' | 'bare' | 'none'): unknown {
  const node = [process.execPath, '--import', 'tsx', child, ...args];
  const unlock = 'printf "%s" "$PULT_TEST_KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$@"';
  const [command, commandArgs]: [string, string[]] =
    session === 'unlocked'
      ? ['dbus-run-session', ['--', 'sh', '-c', unlock, 'sh', ...node]]
      : session === 'bare'
        ? ['dbus-run-session', ['--', ...node]]
        : [process.execPath, node.slice(1)];
  const result = spawnSync(command, commandArgs, { cwd: repoRoot, env, encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) throw new Error(`keychain child failed (status ${result.status}, ${result.error?.message ?? ''}): ${result.stderr}`);
  return lastJsonLine(result.stdout);
}

/** An environment for a private session bus and keyring inside the temp folder. */
function sessionEnv(): NodeJS.ProcessEnv {
  const data = path.join(tmp, 'data');
  const runtime = path.join(tmp, 'runtime');
  fs.mkdirSync(data, { recursive: true });
  fs.mkdirSync(runtime, { recursive: true, mode: 0o700 });
  // Cache and config too: gnome-keyring's dconf client would otherwise write into ~/.cache.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    XDG_DATA_HOME: data,
    XDG_RUNTIME_DIR: runtime,
    XDG_CACHE_HOME: path.join(tmp, 'cache'),
    XDG_CONFIG_HOME: path.join(tmp, 'config'),
    PULT_TEST_KEYRING_PASSWORD: 'pult-test',
  };
  delete env.DBUS_SESSION_BUS_ADDRESS;
  return env;
}

function requireSessionTools(): void {
  const missing = ['dbus-run-session', 'gnome-keyring-daemon'].filter((binary) => !onPath(binary));
  if (missing.length > 0) {
    throw new Error(
      `The keychain tests need ${missing.join(' and ')} to start a private Secret Service. Install the dbus and gnome-keyring packages (Debian/Ubuntu: sudo apt-get install dbus gnome-keyring); CI installs them.`,
    );
  }
}

describe('keychain SecretStore on the real OS keychain', () => {
  let report: KeychainReport;

  beforeAll(async () => {
    if (process.env.DBUS_SESSION_BUS_ADDRESS) {
      report = await runKeychainChecks(service);
    } else {
      requireSessionTools();
      report = runChild(['checks', service], sessionEnv(), 'unlocked') as KeychainReport;
    }
  }, 90_000);

  it('answers null for a key never set', () => {
    expect(report.missing).toBeNull();
  });

  it('reads back what was set, and the newer value after an overwrite', () => {
    expect(report.afterSet).toBe('v1');
    expect(report.afterOverwrite).toBe('v2');
  });

  it('keeps unicode and long values exactly', () => {
    expect(report.unicode).toBe(UNICODE_VALUE);
    expect(report.long).toBe(LONG_VALUE);
  });

  it('keeps two service names apart', () => {
    expect(report.otherServiceBefore).toBeNull();
    expect(report.otherServiceAfter).toBe('other');
    expect(report.firstServiceAfterOther).toBe('v2');
    expect(report.otherServiceAfterDelete).toBe('other');
  });

  it('deletes, and deleting a missing key is not an error', () => {
    expect(report.afterDelete).toBeNull();
    expect(report.deleteMissing).toBe('ok');
  });
});

describe('keychain SecretStore without a Secret Service', () => {
  it('rejects with a SecretStoreError that says what to install', () => {
    // A bus address that leads nowhere: what a session without D-Bus looks like to the adapter.
    const env = { ...process.env, DBUS_SESSION_BUS_ADDRESS: `unix:path=${path.join(tmp, 'no-bus')}` };
    const failure = runChild(['probe', service], env, 'none') as Failure | 'ok';
    expect(failure).toMatchObject({ name: 'SecretStoreError', code: 'unavailable' });
    expect((failure as Failure).message).toMatch(/Secret Service provider .*gnome-keyring/);
  });

  it('rejects with no-keyring when the Secret Service has no default keyring', () => {
    requireSessionTools();
    const env = sessionEnv();
    env.XDG_DATA_HOME = path.join(tmp, 'empty-data');
    fs.mkdirSync(env.XDG_DATA_HOME, { recursive: true });
    const failure = runChild(['probe', service], env, 'bare') as Failure | 'ok';
    expect(failure).toMatchObject({ name: 'SecretStoreError', code: 'no-keyring' });
    expect((failure as Failure).message).toMatch(/default keyring/);
  }, 60_000);
});
