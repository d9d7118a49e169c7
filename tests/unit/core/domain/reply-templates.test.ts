import { describe, expect, it } from 'vitest';
import { fillReplyTemplate, formatTemplateDeadline, MISSING_VALUE, type TemplateValues } from '../../../../src/core/domain/reply-templates';
import { defaultSettings } from '../../../../src/core/domain/settings';
import { exportSettingsJson, importSettingsJson, parseSettings } from '../../../../src/core/domain/settings-io';
import { msk } from './fixtures';

const RU = { language: 'ru', utcOffsetMinutes: 180 } as const;
const EN = { language: 'en', utcOffsetMinutes: 180 } as const;
const full: TemplateValues = { client: 'ООО «Ромашка»', number: '1042', responsible: 'Иванова Мария', deadline: msk('2025-03-05T18:00') };
const empty: TemplateValues = { client: null, number: '1042', responsible: null, deadline: null };

describe('fillReplyTemplate', () => {
  it('fills the Russian placeholders', () => {
    expect(fillReplyTemplate('{клиент}, заявка №{номер} у {ответственный}, срок — {срок}.', full, RU)).toBe(
      'ООО «Ромашка», заявка №1042 у Иванова Мария, срок — 5 марта 2025, 18:00.',
    );
  });

  it('fills the English aliases, any case, spaces inside the braces allowed', () => {
    expect(fillReplyTemplate('{Client} #{ number } / {RESPONSIBLE} / {deadline}', full, EN)).toBe('ООО «Ромашка» #1042 / Иванова Мария / 5 March 2025, 18:00');
  });

  it('writes the deadline in the portal time zone, not UTC', () => {
    expect(formatTemplateDeadline(Date.UTC(2025, 11, 31, 22, 30), RU)).toBe('1 января 2026, 01:30');
    expect(formatTemplateDeadline(Date.UTC(2025, 11, 31, 22, 30), { language: 'en', utcOffsetMinutes: 0 })).toBe('31 December 2025, 22:30');
  });

  it('leaves a visible blank for a value the task lacks, never "undefined" or "null"', () => {
    const text = fillReplyTemplate('{клиент}|{ответственный}|{срок}|{номер}', empty, RU);
    expect(text).toBe([MISSING_VALUE, MISSING_VALUE, MISSING_VALUE, '1042'].join('|'));
    expect(text).not.toMatch(/undefined|null|NaN/);
    expect(fillReplyTemplate('{client}', { ...empty, client: '   ' }, EN)).toBe(MISSING_VALUE);
  });

  it('keeps unknown words in braces and does not read inherited keys', () => {
    expect(fillReplyTemplate('{имя} {constructor} {__proto__} {toString} {номер', full, RU)).toBe('{имя} {constructor} {__proto__} {toString} {номер');
  });

  it('fills every occurrence and does not re-read what it filled', () => {
    expect(fillReplyTemplate('{номер}{номер}', full, RU)).toBe('10421042');
    expect(fillReplyTemplate('{клиент}', { ...full, client: '{номер}' }, RU)).toBe('{номер}');
  });
});

describe('reply templates in the settings', () => {
  it('default to none, and a settings file without them still loads', () => {
    expect(defaultSettings().replyTemplates).toEqual([]);
    const result = parseSettings({ version: 2, groupIds: ['1'] });
    expect(result.ok && result.settings.replyTemplates).toEqual([]);
  });

  it('need a title and a text', () => {
    const result = parseSettings({ replyTemplates: [{ title: ' ', text: 'x' }] });
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/^replyTemplates\.0\.title/) });
    expect(parseSettings({ replyTemplates: [{ title: 'x', text: '' }] }).ok).toBe(false);
  });

  it('travel in the team file and replace the importer\'s own', () => {
    const lead = { ...defaultSettings(), replyTemplates: [{ title: 'Принято', text: 'Заявка {номер} принята.' }] };
    const file = exportSettingsJson(lead);
    expect(JSON.parse(file).replyTemplates).toEqual(lead.replyTemplates);
    const agent = { ...defaultSettings(), replyTemplates: [{ title: 'Старый', text: 'old' }] };
    const imported = importSettingsJson(file, agent);
    expect(imported.ok && imported.settings.replyTemplates).toEqual(lead.replyTemplates);
  });
});
