import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { adoptLegacyDataDir } from '../../../src/main/data-dir';

function appDataWithLegacy(): string {
  const appData = mkdtempSync(path.join(os.tmpdir(), 'pult-appdata-'));
  mkdirSync(path.join(appData, 'pult'));
  writeFileSync(path.join(appData, 'pult', 'settings.json'), '{"kept":true}');
  writeFileSync(path.join(appData, 'pult', 'portal-1.db'), 'db');
  return appData;
}

describe('the desktop data folder', () => {
  it('moves what was left under the old name (…/pult) to …/Pult, once', () => {
    const appData = appDataWithLegacy();
    const current = path.join(appData, 'Pult');
    expect(adoptLegacyDataDir(appData, current, fs).sort()).toEqual(['portal-1.db', 'settings.json']);
    expect(readFileSync(path.join(current, 'settings.json'), 'utf8')).toBe('{"kept":true}');
    expect(adoptLegacyDataDir(appData, current, fs)).toEqual([]);
  });

  it('moves into a new folder Electron already created for its own files, replacing none', () => {
    const appData = appDataWithLegacy();
    const current = path.join(appData, 'Pult');
    mkdirSync(current);
    writeFileSync(path.join(current, 'SingletonLock'), 'electron');
    expect(adoptLegacyDataDir(appData, current, fs).sort()).toEqual(['portal-1.db', 'settings.json']);
    expect(readFileSync(path.join(current, 'SingletonLock'), 'utf8')).toBe('electron');
  });

  it('never touches a folder that already holds Pult settings under the new name', () => {
    const appData = appDataWithLegacy();
    mkdirSync(path.join(appData, 'Pult'));
    writeFileSync(path.join(appData, 'Pult', 'settings.json'), 'new');
    expect(adoptLegacyDataDir(appData, path.join(appData, 'Pult'), fs)).toEqual([]);
    expect(readFileSync(path.join(appData, 'Pult', 'settings.json'), 'utf8')).toBe('new');
    expect(existsSync(path.join(appData, 'pult', 'settings.json'))).toBe(true);
  });
});
