import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSettingsStore } from '../../../../src/node/settings/settings-store';
import { defaultSettings } from '../../../../src/core/domain/settings';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pult-settings-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const readFile = () => JSON.parse(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8')) as Record<string, unknown>;

describe('settings store', () => {
  it('starts with defaults and persists a save across reopenings', () => {
    const store = openSettingsStore({ cwd: dir });
    expect(store.get()).toEqual(defaultSettings());
    expect(store.loadProblem).toBeNull();
    const result = store.update((s) => ({ ...s, groupIds: ['12'], ui: { ...s.ui, theme: 'dark' } }));
    expect(result.ok).toBe(true);
    const again = openSettingsStore({ cwd: dir });
    expect(again.get().groupIds).toEqual(['12']);
    expect(again.get().ui.theme).toBe('dark');
  });

  it('refuses an invalid save and keeps what it had', () => {
    const store = openSettingsStore({ cwd: dir });
    store.update((s) => ({ ...s, groupIds: ['12'] }));
    const result = store.save({ ...store.get(), excludedUserIds: ['x'] });
    expect(result).toEqual({ ok: false, error: 'excludedUserIds.0: must be a numeric portal ID' });
    expect(store.get().excludedUserIds).toEqual([]);
    expect(readFile()['excludedUserIds']).toEqual([]);
  });

  it('get() hands out a copy', () => {
    const store = openSettingsStore({ cwd: dir });
    store.get().groupIds.push('99');
    expect(store.get().groupIds).toEqual([]);
  });

  it('migrates an older file and writes it back', () => {
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ version: 1, portal: { url: 'https://b24.local' }, excludedUsers: ['3'] }));
    const store = openSettingsStore({ cwd: dir });
    expect(store.get().connection.address).toBe('https://b24.local');
    expect(store.get().excludedUserIds).toEqual(['3']);
    expect(readFile()).toMatchObject({ version: 2, excludedUserIds: ['3'] });
    expect(readFile()).not.toHaveProperty('portal');
  });

  it('a stored file that fails validation leaves defaults in use and says why', () => {
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ version: 2, groupIds: [12] }));
    const store = openSettingsStore({ cwd: dir });
    expect(store.loadProblem).toMatch(/groupIds\.0: /);
    expect(store.get()).toEqual(defaultSettings());
  });

  it('a stored file that is not JSON is kept aside', () => {
    fs.writeFileSync(path.join(dir, 'settings.json'), '{ broken');
    const store = openSettingsStore({ cwd: dir });
    expect(store.loadProblem).toMatch(/could not be read/);
    expect(fs.readFileSync(path.join(dir, 'settings.json.invalid'), 'utf8')).toBe('{ broken');
    expect(store.save(defaultSettings()).ok).toBe(true);
  });

  it('exports without secrets and imports into another workstation', () => {
    const lead = openSettingsStore({ cwd: dir, configName: 'lead' });
    lead.update((s) => ({ ...s, groupIds: ['12', '14'], connection: { ...s.connection, kind: 'oauth', clientId: 'local.1' } }));
    const file = path.join(dir, 'team.json');
    lead.exportFile(file);
    expect(fs.readFileSync(file, 'utf8')).not.toMatch(/secret|token/i);
    const agent = openSettingsStore({ cwd: dir, configName: 'agent' });
    agent.update((s) => ({ ...s, groupIds: ['3'], connection: { ...s.connection, kind: 'webhook', address: 'https://agent.example' } }));
    expect(agent.importFile(file).ok).toBe(true);
    // The agent's own connection and groups stay; the policy is the lead's.
    expect(agent.get()).toEqual({ ...lead.get(), groupIds: ['3'], connection: { ...lead.get().connection, kind: 'webhook', address: 'https://agent.example', clientId: '' } });
    expect(JSON.parse(agent.exportJson())).toEqual(JSON.parse(lead.exportJson()));
  });

  it.each([
    ['a wrong type', JSON.stringify({ plans: { companyHoursPerMonth: { '3': 'много' } } }), /^plans\.companyHoursPerMonth\.3: /],
    ['a negative plan', JSON.stringify({ plans: { defaultEmployeeHoursPerDay: -1 } }), /^plans\.defaultEmployeeHoursPerDay: /],
    ['not JSON', 'settings=1', /^the file is not valid JSON/],
    ['a newer version', JSON.stringify({ version: 9 }), /^version: /],
  ])('an import with %s is rejected with a clear message and the previous settings stay', (_name, text, message) => {
    const store = openSettingsStore({ cwd: dir });
    store.update((s) => ({ ...s, groupIds: ['12'] }));
    const before = fs.readFileSync(store.path, 'utf8');
    const file = path.join(dir, 'bad.json');
    fs.writeFileSync(file, text);
    const result = store.importFile(file);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(message);
    expect(store.get().groupIds).toEqual(['12']);
    expect(fs.readFileSync(store.path, 'utf8')).toBe(before);
  });

  it('a missing import file is reported', () => {
    const store = openSettingsStore({ cwd: dir });
    expect(store.importFile(path.join(dir, 'nope.json'))).toEqual({ ok: false, error: `cannot read ${path.join(dir, 'nope.json')}: ENOENT` });
  });
});
