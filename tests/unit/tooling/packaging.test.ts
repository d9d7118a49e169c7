import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import type { GenericServerOptions } from 'builder-util-runtime';

const builderConfig = readFileSync('build/electron-builder.yml', 'utf8');
const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; productName?: string; dependencies: Record<string, string> };
/** The configuration as electron-builder itself loads it. */
const loaded = () => getConfig(process.cwd(), 'build/electron-builder.yml', null);

describe('packaging', () => {
  it("keeps electron-builder's deb dependencies (a `depends` list would replace them)", () => {
    const uncommented = builderConfig.split('\n').filter((line) => !line.trimStart().startsWith('#'));
    expect(uncommented.some((line) => /^\s*depends\s*:/.test(line))).toBe(false);
  });

  it('names the product Pult in package.json, so the desktop data folder is …/Pult like browser mode’s', () => {
    expect(packageJson.productName).toBe('Pult');
    expect(builderConfig).toMatch(/^productName: Pult$/m);
  });

  it('passes electron-builder\'s own schema check', async () => {
    await expect(validateConfiguration(await loaded(), new DebugLogger(false))).resolves.toBeUndefined();
  });

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
