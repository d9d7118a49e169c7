import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import path from 'node:path';

/** The import rules of ARCHITECTURE.md must fail lint (and so `npm test`) when broken. */
const eslint = new ESLint({ cwd: path.resolve('.') });
/** The first lint loads every plugin and the type-aware config: seconds on a busy 2-core machine. */
const LINT_TIMEOUT_MS = 30_000;

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.resolve(file) });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('import rules', () => {
  it.each([
    ['src/core/sync/x.ts', "import fs from 'node:fs';\nexport const a = fs;", /core\/sync' may not use the package 'node:fs'/],
    ['src/core/domain/x.ts', "import { createNodeHttp } from '../../node/http';\nexport const a = createNodeHttp;", /may not import from 'node'/],
    ['src/core/domain/x.ts', "import { readRestAnswer } from '../bitrix/envelope';\nexport const a = readRestAnswer;", /'core\/domain' may not import from 'core\/bitrix'/],
    ['src/core/sync/x.ts', "import { createBitrixClient } from '../bitrix/client';\nexport const a = createBitrixClient;", /may import only types from 'core\/bitrix'/],
    ['src/renderer/x.ts', "import { PultService } from '../node/service';\nexport const a = PultService;", /'renderer' may not import from 'node'/],
    ['src/renderer/x.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;", /'renderer' may not use the package 'electron'/],
    ['src/preload/x.ts', "import { PultService } from '../node/service';\nexport const a = PultService;", /'preload' may not import from 'node'/],
    ['src/node/x.ts', "import { startEmulator } from '../bitrix-emulator/index';\nexport const a = startEmulator;", /'node' may not import from 'bitrix-emulator'/],
    ['src/bitrix-emulator/x.ts', "import { readRestAnswer } from '../core/bitrix/envelope';\nexport const a = readRestAnswer;", /'bitrix-emulator' may not import from 'core\/bitrix'/],
    ['src/core/domain/x.ts', 'export const now = Date.now();', /Clock port/],
    ['src/core/domain/x.ts', 'export const r = Math.random();', /Random port/],
  ])('%s: %s is refused', async (file, code, message) => {
    expect((await problems(file, code)).join('\n')).toMatch(message);
  }, LINT_TIMEOUT_MS);

  it.each([
    ['src/core/sync/x.ts', "import type { BitrixClient } from '../bitrix/client';\nexport type A = BitrixClient;"],
    ['src/node/demo/x.ts', "import { startEmulator } from '../../bitrix-emulator/index';\nexport const a = startEmulator;"],
    ['src/renderer/x.ts', "import type { PultApi } from '../shared/api';\nexport type A = PultApi;"],
  ])('%s: allowed import passes', async (file, code) => {
    expect((await problems(file, code)).filter((p) => p.startsWith('local/layering'))).toEqual([]);
  }, LINT_TIMEOUT_MS);
});
