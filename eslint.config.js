import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import local from './eslint-rules/layering.js';

const root = path.dirname(fileURLToPath(import.meta.url));

// Do not relax these rules: they are ARCHITECTURE.md's import table, enforced.
// `imports`: layers a layer may import values from; `types`: layers it may import types from only;
// `packages`: npm packages (and 'node:builtin') it may use.
const layers = {
  'core/domain': { imports: ['core/domain', 'core'], types: ['shared'], packages: ['zod'] },
  'core/bitrix': { imports: ['core/bitrix', 'core/domain', 'core'], types: ['shared', 'core/sync'], packages: ['zod'] },
  'core/sync': { imports: ['core/sync', 'core/domain', 'core'], types: ['core/bitrix', 'shared'], packages: ['zod'] },
  core: { imports: ['core', 'core/domain', 'core/bitrix', 'core/sync'], types: ['shared'], packages: ['zod'] },
  shared: { imports: [], types: ['core', 'core/domain', 'core/bitrix', 'core/sync'], packages: [] },
  node: {
    imports: ['node', 'node/demo', 'core', 'core/domain', 'core/bitrix', 'core/sync', 'shared'],
    types: [],
    packages: ['node:builtin', 'libsql', '@napi-rs/keyring', 'ws', 'zod'],
  },
  'node/demo': {
    imports: ['node', 'node/demo', 'core', 'core/domain', 'core/bitrix', 'core/sync', 'shared', 'bitrix-emulator'],
    types: [],
    packages: ['node:builtin'],
  },
  main: {
    imports: ['main', 'node', 'node/demo', 'core', 'core/domain', 'core/bitrix', 'core/sync', 'shared'],
    types: [],
    packages: ['node:builtin', 'electron', 'electron-updater', 'zod'],
  },
  preload: { imports: ['preload'], types: ['shared'], packages: ['electron'] },
  renderer: {
    imports: ['renderer', 'core/domain'],
    types: ['shared'],
    packages: ['react', 'react-dom', 'zustand', '@dnd-kit/*', 'echarts', 'react-aria-components', '@internationalized/date'],
  },
  'bitrix-emulator': { imports: ['bitrix-emulator'], types: [], packages: ['node:builtin', 'selfsigned'] },
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.tsbuild/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    plugins: { local },
    rules: { 'local/layering': ['error', { srcRoot: path.join(root, 'src'), layers }] },
  },
  {
    // Core is pure: time and randomness come through ports so rules are testable to the second.
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Use the injected Clock port.' },
        { object: 'Math', property: 'random', message: 'Use the injected Random port.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Use the injected Clock port.' },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.ts', 'src/renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
);
