import { describe, expect, it } from 'vitest';
import { detectLanguage, pluralCategory, translate } from '../../../src/renderer/i18n';

describe('i18n', () => {
  it.each([
    [1, 'one'], [2, 'few'], [4, 'few'], [5, 'many'], [11, 'many'], [12, 'many'], [14, 'many'],
    [21, 'one'], [22, 'few'], [25, 'many'], [111, 'many'], [101, 'one'], [0, 'many'],
  ] as const)('Russian plural of %i is %s', (n, category) => {
    expect(pluralCategory('ru', n)).toBe(category);
  });

  it('fills Russian plural forms', () => {
    expect(translate('ru', 'groups.count', { n: 1 })).toBe('1 группа');
    expect(translate('ru', 'groups.count', { n: 3 })).toBe('3 группы');
    expect(translate('ru', 'groups.count', { n: 5 })).toBe('5 групп');
    expect(translate('en', 'groups.count', { n: 1 })).toBe('1 group');
    expect(translate('en', 'groups.count', { n: 2 })).toBe('2 groups');
  });

  it('is Russian unless the locale is English', () => {
    expect(detectLanguage(['en-US', 'ru'])).toBe('en');
    expect(detectLanguage(['ru-RU'])).toBe('ru');
    expect(detectLanguage(['de-DE'])).toBe('ru');
    expect(detectLanguage([])).toBe('ru');
  });
});
