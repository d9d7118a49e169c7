import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../../src/core/domain/settings';
import { hoursTextToMinutes, minutesToHoursText, numberText, setIn, validateSettings } from '../../../../src/renderer/settings/settings-form';
import { translate, type Language } from '../../../../src/renderer/i18n';

const validate = (draft: unknown, language: Language = 'ru') => validateSettings(draft, (key, values) => translate(language, key, values), language);

describe('settings form validation', () => {
  it('accepts the defaults', () => {
    const result = validate(defaultSettings());
    expect(result.ok).toBe(true);
  });

  it('explains a warn threshold above the alert one next to the warn field', () => {
    const draft = setIn(defaultSettings(), ['thresholds', 'lu', 'work'], { warnMinutes: 600, alertMinutes: 60 });
    const result = validate(draft);
    expect(result).toEqual({ ok: false, errors: { 'thresholds.lu.work.warnMinutes': 'Порог «внимание» не может быть больше порога «тревога»' } });
  });

  it('says "enter a number" for text typed into a number field, in the UI language', () => {
    const draft = setIn(defaultSettings(), ['plans', 'employeeHoursPerDay', '5'], 'восемь');
    expect(validate(draft)).toMatchObject({ ok: false, errors: { 'plans.employeeHoursPerDay.5': 'Введите число' } });
    expect(validate(draft, 'en')).toMatchObject({ ok: false, errors: { 'plans.employeeHoursPerDay.5': 'Enter a number' } });
  });

  it('states limits in the units the field shows', () => {
    const draft = setIn(defaultSettings(), ['thresholds', 'stopperMinutes'], 0);
    expect(validate(draft)).toMatchObject({ ok: false, errors: { 'thresholds.stopperMinutes': 'Не меньше 1м' } });
    const rotation = setIn(defaultSettings(), ['ui', 'wallboardRotationSeconds'], 2);
    expect(validate(rotation)).toMatchObject({ ok: false, errors: { 'ui.wallboardRotationSeconds': 'Не меньше 5' } });
  });

  it('names a bad holiday, a bad working day and times in the wrong order', () => {
    let draft = setIn(defaultSettings(), ['calendar', 'holidays'], ['2025-01-01', '01.05.2025']);
    draft = setIn(draft, ['calendar', 'workHours'], { start: '18:00', end: '09:00' });
    const result = validate(draft);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors['calendar.holidays.1']).toBe('Дата в формате ГГГГ-ММ-ДД');
    expect(result.errors['calendar.workHours.start']).toBe('Начало дня должно быть раньше конца');
  });

  it('edits by path without touching the original, and removes record keys with undefined', () => {
    const base = defaultSettings();
    const withPlan = setIn(base, ['plans', 'employeeHoursPerDay', '7'], 6);
    expect(withPlan.plans.employeeHoursPerDay).toEqual({ '7': 6 });
    expect(base.plans.employeeHoursPerDay).toEqual({});
    expect(withPlan.thresholds).toBe(base.thresholds);
    expect(setIn(withPlan, ['plans', 'employeeHoursPerDay', '7'], undefined).plans.employeeHoursPerDay).toEqual({});
  });

  it('shows minutes as hours and reads hours back as minutes', () => {
    // Shown with the UI language's decimal separator; both are read back.
    expect(minutesToHoursText(90, 'ru')).toBe('1,5');
    expect(minutesToHoursText(90, 'en')).toBe('1.5');
    expect(minutesToHoursText(null, 'ru')).toBe('');
    expect(hoursTextToMinutes(minutesToHoursText(75, 'ru'))).toBe(75);
    expect(numberText(0.25, 'ru')).toBe('0,25');
    expect(numberText(8, 'ru')).toBe('8');
    expect(hoursTextToMinutes('1,5')).toBe(90);
    expect(hoursTextToMinutes('')).toBeNull();
    expect(hoursTextToMinutes('час')).toBe('час');
  });
});
