import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const builderConfig = readFileSync('build/electron-builder.yml', 'utf8');
const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; productName?: string };

describe('packaging', () => {
  it("keeps electron-builder's deb dependencies (a `depends` list would replace them)", () => {
    const uncommented = builderConfig.split('\n').filter((line) => !line.trimStart().startsWith('#'));
    expect(uncommented.some((line) => /^\s*depends\s*:/.test(line))).toBe(false);
  });

  it('names the product Pult in package.json, so the desktop data folder is …/Pult like browser mode’s', () => {
    expect(packageJson.productName).toBe('Pult');
    expect(builderConfig).toMatch(/^productName: Pult$/m);
  });
});
