import { describe, expect, it } from 'vitest';
import { defaultSettings, SETTINGS_VERSION, settingsSchema } from '../../../../src/core/domain/settings';
import { exportSettingsJson, importSettingsJson, migrateSettings, parseSettings, readSettingsJson } from '../../../../src/core/domain/settings-io';
import { DEFAULT_LIST_COLUMNS } from '../../../../src/core/domain/list-columns';

describe('settings defaults', () => {
  const settings = defaultSettings();

  it('are complete and sensible', () => {
    expect(settings.version).toBe(SETTINGS_VERSION);
    expect(settings.connection).toEqual({ address: '', kind: 'demo', clientId: '', trustedCertificateFingerprint: null });
    expect(settings.thresholds.lu.new).toEqual({ warnMinutes: 60, alertMinutes: 240 });
    expect(settings.thresholds.lu.work).toEqual({ warnMinutes: 240, alertMinutes: 1440 });
    expect(settings.thresholds.lu.done).toBeNull();
    expect(settings.sla.riskRatio).toBe(0.8);
    expect(settings.calendar).toMatchObject({ utcOffsetMinutes: 180, workDays: [1, 2, 3, 4, 5], workHours: { start: '09:00', end: '18:00' } });
    expect(settings.calendar.holidays).toEqual(expect.arrayContaining(['2025-01-01', '2026-01-09', '2027-11-04']));
    expect(settings.ui).toEqual({ language: 'system', theme: 'system', wallboardRotationSeconds: 30, closeToTray: true, cardOrder: {}, listColumns: [...DEFAULT_LIST_COLUMNS] });
  });

  it('are a fresh copy each time', () => {
    const a = defaultSettings();
    a.calendar.holidays.push('2030-01-01');
    expect(defaultSettings().calendar.holidays).not.toContain('2030-01-01');
  });
});

describe('parseSettings', () => {
  it('fills what a partial document leaves out', () => {
    const result = parseSettings({ version: 2, groupIds: ['12'], thresholds: { lu: { new: { warnMinutes: 30, alertMinutes: 90 } } } });
    expect(result.ok && result.settings.thresholds.lu).toMatchObject({ new: { warnMinutes: 30, alertMinutes: 90 }, work: { warnMinutes: 240 } });
  });

  it('normalises a certificate fingerprint', () => {
    const hex = 'ab'.repeat(32);
    const result = parseSettings({ connection: { trustedCertificateFingerprint: hex } });
    expect(result.ok && result.settings.connection.trustedCertificateFingerprint).toBe(Array(32).fill('AB').join(':'));
  });

  it.each([
    [{ groupIds: ['abc'] }, /^groupIds\.0: must be a numeric portal ID/],
    [{ plans: { employeeHoursPerDay: { '5': -1 } } }, /^plans\.employeeHoursPerDay\.5: /],
    [{ thresholds: { lu: { work: { warnMinutes: 600, alertMinutes: 60 } } } }, /^thresholds\.lu\.work\.warnMinutes: warnMinutes must not exceed/],
    [{ calendar: { workHours: { start: '9:00' } } }, /^calendar\.workHours\.start: must be a time as HH:MM/],
    [{ calendar: { holidays: ['01.05.2025'] } }, /^calendar\.holidays\.0: must be a date/],
    [{ connection: { address: 'https://portal.example.ru/rest/1/s3cr3t/' } }, /^connection\.address: must be the portal address only/],
    [{ connection: { kind: 'password' } }, /^connection\.kind: /],
    [{ connection: { trustedCertificateFingerprint: 'AB:CD' } }, /^connection\.trustedCertificateFingerprint: must be a SHA-256/],
    [{ ui: { wallboardRotationSeconds: 1 } }, /^ui\.wallboardRotationSeconds: /],
    [{ stageRoles: { '10': 'archive' } }, /^stageRoles\.10: /],
    [{ version: 3 }, /^version: the file is for settings version 3; this Pult reads up to 2/],
    [{ version: 'two' }, /^version: expected a whole number/],
    [[1, 2], /^settings: expected a JSON object/],
  ])('rejects %j naming the field', (raw, message) => {
    const result = parseSettings(raw);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(message);
  });
});

describe('migration', () => {
  const v1 = {
    version: 1,
    portal: { url: 'https://b24.example.ru', authKind: 'oauth', clientId: 'local.abc' },
    groupIds: ['12', '14'],
    excludedUsers: ['1'],
    dailyPlanHours: { '5': 6 },
    monthlyPlanHours: { '3': 40 },
    language: 'ru',
    theme: 'dark',
  };

  it('brings version 1 up to the current layout', () => {
    const result = parseSettings(v1);
    if (!result.ok) throw new Error(result.error);
    expect(result.settings).toMatchObject({
      version: 2,
      connection: { address: 'https://b24.example.ru', kind: 'oauth', clientId: 'local.abc' },
      groupIds: ['12', '14'],
      excludedUserIds: ['1'],
      plans: { employeeHoursPerDay: { '5': 6 }, companyHoursPerMonth: { '3': 40 }, defaultEmployeeHoursPerDay: 8 },
      ui: { language: 'ru', theme: 'dark' },
    });
    expect(result.settings).not.toHaveProperty('portal');
  });

  it('reads a file without a version as version 1', () => {
    const { version: _version, ...unversioned } = v1;
    expect(migrateSettings(unversioned)).toMatchObject({ ok: true, raw: { version: 2, excludedUserIds: ['1'] } });
  });

  it('an invalid value inside an old file is still named by its new field', () => {
    const result = parseSettings({ ...v1, dailyPlanHours: { '5': 'eight' } });
    expect(!result.ok && result.error).toMatch(/^plans\.employeeHoursPerDay\.5: /);
  });
});

describe('import and export', () => {
  it('round-trips the team policy through JSON', () => {
    const settings = defaultSettings();
    settings.fields.estimate = 'UF_EST';
    settings.thresholds.stopperMinutes = 90;
    const back = importSettingsJson(exportSettingsJson(settings), defaultSettings());
    expect(back).toEqual({ ok: true, settings });
  });

  it("a team file carries policy only and never changes this machine's connection, groups or look", () => {
    const lead = defaultSettings();
    lead.connection = { address: 'https://lead.example', kind: 'oauth', clientId: 'local.9', trustedCertificateFingerprint: null };
    lead.groupIds = ['99'];
    lead.ui.theme = 'dark';
    lead.sla.riskRatio = 0.5;
    const file = exportSettingsJson(lead);
    expect(JSON.parse(file)).not.toHaveProperty('connection');
    expect(JSON.parse(file)).not.toHaveProperty('groupIds');
    const mine = defaultSettings();
    mine.connection = { address: 'https://b24.local', kind: 'webhook', clientId: '', trustedCertificateFingerprint: null };
    mine.groupIds = ['7'];
    mine.fields.type = 'UF_TYPE';
    // A hand-written file naming a connection and groups: both are left as they are.
    const imported = importSettingsJson(JSON.stringify({ version: 2, groupIds: ['3'], connection: { kind: 'demo', address: '' }, sla: { riskRatio: 0.6 } }), mine);
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    expect(imported.settings.connection).toEqual(mine.connection);
    expect(imported.settings.groupIds).toEqual(['7']);
    expect(imported.settings.sla.riskRatio).toBe(0.6);
    // Policy the file does not mention stays.
    expect(imported.settings.fields.type).toBe('UF_TYPE');
    const merged = importSettingsJson(file, mine);
    expect(merged.ok && merged.settings).toMatchObject({ connection: mine.connection, groupIds: ['7'], ui: mine.ui, sla: { riskRatio: 0.5 } });
  });

  it('never carries secrets: unknown keys are dropped', () => {
    const settings = defaultSettings() as ReturnType<typeof defaultSettings> & { clientSecret?: string };
    settings.clientSecret = 'top-secret';
    (settings.connection as Record<string, unknown>)['accessToken'] = 'tok-123';
    const text = exportSettingsJson(settings);
    expect(text).not.toMatch(/top-secret|tok-123|clientSecret|accessToken/);
    const imported = importSettingsJson(JSON.stringify({ clientSecret: 'x', connection: { refreshToken: 'y' } }), defaultSettings());
    expect(imported.ok && JSON.stringify(imported.settings)).not.toMatch(/clientSecret|refreshToken/);
  });

  it('accepts a file saved with a BOM and rejects one that is not JSON', () => {
    expect(importSettingsJson('\uFEFF{"plans":{}}', defaultSettings()).ok).toBe(true);
    expect(readSettingsJson('\uFEFF{"groupIds":["3"]}').ok).toBe(true);
    expect(importSettingsJson('{groupIds:', defaultSettings())).toMatchObject({ ok: false, error: expect.stringMatching(/^the file is not valid JSON/) });
  });
});

describe('a file without a version', () => {
  it('keeps a malformed current-layout part so validation names it', () => {
    expect(parseSettings({ connection: 'https://b24.local' })).toMatchObject({ ok: false, error: expect.stringMatching(/^connection: /) });
  });
});

describe('the card order per board', () => {
  it('keeps a known order per group ID and refuses anything else', () => {
    expect(settingsSchema.parse({ ui: { cardOrder: { '7': 'newest', '12': 'lu' } } }).ui.cardOrder).toEqual({ '7': 'newest', '12': 'lu' });
    expect(settingsSchema.safeParse({ ui: { cardOrder: { '7': 'random' } } }).success).toBe(false);
    expect(settingsSchema.safeParse({ ui: { cardOrder: { group: 'newest' } } }).success).toBe(false);
  });

  it('keeps the combined board under "all" and moves the order saved under "0" before there', () => {
    expect(settingsSchema.parse({ ui: { cardOrder: { all: 'priority', '7': 'lu' } } }).ui.cardOrder).toEqual({ all: 'priority', '7': 'lu' });
    expect(settingsSchema.parse({ ui: { cardOrder: { '0': 'newest', '7': 'lu' } } }).ui.cardOrder).toEqual({ all: 'newest', '7': 'lu' });
    expect(settingsSchema.parse({ ui: { cardOrder: { '0': 'newest', all: 'priority' } } }).ui.cardOrder).toEqual({ all: 'priority' });
  });
});
