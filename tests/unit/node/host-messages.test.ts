import { describe, expect, it } from 'vitest';
import { hostLanguage, hostText } from '../../../src/node/host/host-messages';

describe('host messages', () => {
  it('speak the UI language: the setting first, then the OS locale, Russian by default', () => {
    expect(hostLanguage({ ui: { language: 'en' } } as never, { LANG: 'ru_RU.UTF-8' })).toBe('en');
    expect(hostLanguage({ ui: { language: 'system' } } as never, { LANG: 'en_US.UTF-8' })).toBe('en');
    expect(hostLanguage({ ui: { language: 'system' } } as never, { LANG: 'de_DE.UTF-8' })).toBe('ru');
    expect(hostLanguage({ ui: { language: 'system' } } as never, {})).toBe('ru');
  });

  it('fill their values', () => {
    expect(hostText('taskNotOnBoard', 'ru', { id: '42' })).toBe('Задачи 42 нет на доске');
    expect(hostText('taskNotOnBoard', 'en', { id: '42' })).toBe('Task 42 is not on the board');
  });
});
