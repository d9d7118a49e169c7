import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtChunks, chunkFor, staticClosure, type ChunkReport, type Target } from './built-output';

const require = createRequire(import.meta.url);
const builderConfigText = readFileSync('build/electron-builder.yml', 'utf8');
const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; productName?: string; dependencies: Record<string, string> };

// electron-builder's own YAML reader and file matchers (electron-builder is a devDependency).
const yaml = require('js-yaml') as { load(text: string): unknown };
type Filter = (file: string, stat: { isDirectory(): boolean }) => boolean;
interface Matcher {
  createFilter(): Filter;
}
const fileMatcher = require('app-builder-lib/out/fileMatcher.js') as {
  FileMatcher: new (from: string, to: string, expand: (pattern: string) => string, patterns?: string[] | null) => Matcher;
  getNodeModuleFileMatcher(appDir: string, destination: string, expand: (pattern: string) => string, platformOptions: unknown, packager: unknown): Matcher;
};

type PlatformKey = 'linux' | 'win' | 'mac';
interface BuilderConfig {
  files: string[];
  asarUnpack: string[];
  linux: { files?: string[] };
  win: { files?: string[] };
  mac: { files?: string[] };
}
const builderConfig = yaml.load(builderConfigText) as BuilderConfig;

const APP = '/app';
const asFile = { isDirectory: () => false };
const expandFor = (arch: string) => (pattern: string) => {
  const expanded = pattern.replaceAll('${arch}', arch);
  if (expanded.includes('${')) throw new Error(`the test does not expand ${expanded}`);
  return expanded;
};
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import type { GenericServerOptions } from 'builder-util-runtime';

/** The configuration as electron-builder itself loads it. */
const loaded = () => getConfig(process.cwd(), 'build/electron-builder.yml', null);

describe('packaging', () => {
  it("keeps electron-builder's deb dependencies (a `depends` list would replace them)", () => {
    const uncommented = builderConfigText.split('\n').filter((line) => !line.trimStart().startsWith('#'));
    expect(uncommented.some((line) => /^\s*depends\s*:/.test(line))).toBe(false);
  });

  it('names the product Pult in package.json, so the desktop data folder is …/Pult like browser mode’s', () => {
    expect(packageJson.productName).toBe('Pult');
    expect(builderConfigText).toMatch(/^productName: Pult$/m);
  });

  describe('native binaries', () => {
    const optionalOf = (pkg: string) =>
      Object.keys((JSON.parse(readFileSync(`node_modules/${pkg}/package.json`, 'utf8')) as { optionalDependencies: Record<string, string> }).optionalDependencies);
    const binaries = [...optionalOf('libsql'), ...optionalOf('@napi-rs/keyring')];
    const shipped = (platform: PlatformKey, arch: string) => {
      const packager = { config: builderConfig, debugLogger: { isEnabled: false } };
      const filter = fileMatcher.getNodeModuleFileMatcher(APP, '/out', expandFor(arch), builderConfig[platform], packager).createFilter();
      return binaries.filter((name) => filter(`${APP}/node_modules/${name}/index.node`, asFile));
    };

    it.each([
      ['linux', 'x64', ['@libsql/linux-x64-gnu', '@napi-rs/keyring-linux-x64-gnu']],
      ['linux', 'arm64', ['@libsql/linux-arm64-gnu', '@napi-rs/keyring-linux-arm64-gnu']],
      ['win', 'x64', ['@libsql/win32-x64-msvc', '@napi-rs/keyring-win32-x64-msvc']],
      ['win', 'arm64', ['@napi-rs/keyring-win32-arm64-msvc']],
      ['mac', 'arm64', ['@libsql/darwin-arm64', '@libsql/darwin-x64', '@napi-rs/keyring-darwin-arm64', '@napi-rs/keyring-darwin-x64']],
      ['mac', 'universal', ['@libsql/darwin-arm64', '@libsql/darwin-x64', '@napi-rs/keyring-darwin-arm64', '@napi-rs/keyring-darwin-x64']],
    ] as const)('a %s %s build ships only its own native binaries', (platform, arch, expected) => {
      expect(shipped(platform, arch).sort()).toEqual([...expected].sort());
    });

    it('keeps the JavaScript loaders of the native modules', () => {
      const filter = fileMatcher.getNodeModuleFileMatcher(APP, '/out', expandFor('x64'), builderConfig.linux, { config: builderConfig, debugLogger: { isEnabled: false } }).createFilter();
      expect(filter(`${APP}/node_modules/libsql/index.js`, asFile)).toBe(true);
      expect(filter(`${APP}/node_modules/@napi-rs/keyring/index.js`, asFile)).toBe(true);
    });

    it('unpacks .node files from the asar archive (they are loaded from disk) and nothing else of them', () => {
      const unpack = new fileMatcher.FileMatcher(APP, APP, expandFor('x64'), builderConfig.asarUnpack).createFilter();
      expect(unpack(`${APP}/node_modules/@libsql/linux-x64-gnu/index.node`, asFile)).toBe(true);
      expect(unpack(`${APP}/node_modules/@napi-rs/keyring-win32-x64-msvc/keyring.win32-x64-msvc.node`, asFile)).toBe(true);
      expect(unpack(`${APP}/node_modules/libsql/index.js`, asFile)).toBe(false);
      expect(unpack(`${APP}/out/main/index.js`, asFile)).toBe(false);
    });
  });

  it('packs the built app without the build reports or source maps', () => {
    const files = new fileMatcher.FileMatcher(APP, APP, expandFor('x64'), builderConfig.files).createFilter();
    expect(files(`${APP}/out/renderer/index.html`, asFile)).toBe(true);
    expect(files(`${APP}/out/main/host-worker.js`, asFile)).toBe(true);
    expect(files(`${APP}/package.json`, asFile)).toBe(true);
    expect(files(`${APP}/out/renderer/.vite/chunks.json`, asFile)).toBe(false);
    expect(files(`${APP}/out/main/index.js.map`, asFile)).toBe(false);
    expect(files(`${APP}/src/main/index.ts`, asFile)).toBe(false);
  });

  describe('the built output', () => {
    let chunks: Record<Target, ChunkReport[]>;
    beforeAll(() => {
      chunks = builtChunks();
    }, 180_000);

    const packagesIn = (list: readonly ChunkReport[]) => new Set(list.flatMap((chunk) => chunk.packages));
    const renderer = () => chunks.renderer;
    const entry = () => chunkFor(renderer(), 'src/renderer/index.html');

    it('index.html loads only the entry chunk and its static imports', () => {
      const html = readFileSync('out/renderer/index.html', 'utf8');
      const loaded = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((match) => match[1]);
      const closure = staticClosure(renderer(), entry()).map((chunk) => chunk.file);
      expect(loaded.length).toBeGreaterThan(0);
      for (const file of loaded) expect(closure).toContain(file);
    });

    it("the board's and the wallboard's first paint load no ECharts; opening the reports does", () => {
      for (const facade of ['src/renderer/mount-console.tsx', 'src/renderer/wallboard/mount-wallboard.tsx']) {
        const firstPaint = [...staticClosure(renderer(), entry()), ...staticClosure(renderer(), chunkFor(renderer(), facade))];
        const packages = packagesIn(firstPaint);
        expect(packages.has('react-dom'), facade).toBe(true);
        expect(packages.has('echarts'), facade).toBe(false);
        expect(packages.has('zrender'), facade).toBe(false);
      }
      const reports = chunkFor(renderer(), 'src/renderer/reports/ReportsScreen.tsx');
      expect(reports.isDynamicEntry).toBe(true);
      expect(packagesIn(staticClosure(renderer(), reports)).has('echarts')).toBe(true);
    });

    it('the renderer is minified', () => {
      for (const chunk of renderer()) {
        const code = readFileSync(path.join('out/renderer', chunk.file), 'utf8');
        if (code.length < 10_000) continue;
        // Minified code is a few very long lines; readable output has one statement per line.
        expect(code.length / code.split('\n').length, chunk.file).toBeGreaterThan(1_000);
      }
    });

    /** Bare package names that main, the host worker and preload import at runtime. */
    const runtimePackages = () =>
      new Set(
        [...chunks.main, ...chunks.preload]
          .flatMap((chunk) => chunk.imports)
          .filter((id) => !id.startsWith('node:') && !id.startsWith('.') && !id.endsWith('.js') && !id.endsWith('.cjs') && id !== 'electron')
          .map((id) => (id.startsWith('@') ? id.split('/').slice(0, 2).join('/') : id.split('/')[0]!)),
      );
    it('package.json `dependencies` are exactly what main and the host worker load from node_modules', () => {
      const declared = Object.keys(packageJson.dependencies).sort();
      const loaded = [...runtimePackages()].sort();
      expect(loaded).toEqual(expect.arrayContaining(['@napi-rs/keyring', 'libsql']));
      expect(declared).toEqual(loaded);
    });

    it('nothing the renderer bundles is copied into the app a second time from `dependencies`', () => {
      const rendererPackages = packagesIn(renderer());
      expect(rendererPackages.has('react')).toBe(true);
      expect(Object.keys(packageJson.dependencies).filter((name) => rendererPackages.has(name))).toEqual([]);
      // And main bundles none of them either: a native module must stay external.
      expect(Object.keys(packageJson.dependencies).filter((name) => packagesIn(chunks.main).has(name))).toEqual([]);
    });
  });

  it('passes electron-builder\'s own schema check', async () => {
    await expect(validateConfiguration(await loaded(), new DebugLogger(false))).resolves.toBeUndefined();
    // Loading electron-builder's schema takes seconds on a busy 2-core machine.
  }, 30_000);

  it('publishes to a generic server (latest*.yml, blockmaps, app-update.yml) with a placeholder that never resolves', async () => {
    const config = await loaded();
    const [first] = [config.publish].flat() as GenericServerOptions[];
    expect(first?.provider).toBe('generic');
    // The admin's address is set at run time; the placeholder must never reach a real host.
    expect(new URL(first!.url).hostname).toMatch(/\.invalid$/);
  });

  it('builds what electron-updater updates from: a zip beside the macOS dmg, an AppImage on Linux, NSIS on Windows', async () => {
    const config = await loaded();
    expect(config.mac?.target).toContain('zip');
    expect(config.linux?.target).toContain('AppImage');
    expect(config.win?.target).toContain('nsis');
  });

  it('keeps electron-updater in dependencies: the main bundle leaves it external and loads it at run time', () => {
    expect(packageJson.dependencies['electron-updater']).toBeDefined();
  });
});
