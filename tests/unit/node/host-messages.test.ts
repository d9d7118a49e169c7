import { describe, expect, it } from 'vitest';
import { failureMessage, hostLanguage, hostText } from '../../../src/node/host/host-messages';
import { FAILURE_KINDS } from '../../../src/core/failure';

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

  it('word every failure kind in Russian and English, without the client\'s technical sentence', () => {
    for (const kind of [...FAILURE_KINDS, 'storage' as const, 'internal' as const]) {
      for (const code of ['NETWORK', 'TIMEOUT', 'TLS', 'NOT_JSON', 'ERROR_CORE']) {
        const failure = { kind, code, status: 502, detail: 'connect ECONNREFUSED 10.0.0.1:443' };
        expect(failureMessage(failure, 'ru'), `${kind} ${code}`).toMatch(/[а-яё]{4}/i);
        expect(failureMessage(failure, 'en'), `${kind} ${code}`).not.toMatch(/[а-яё]/i);
        expect(failureMessage(failure, 'ru')).not.toContain('ECONNREFUSED');
      }
    }
  });
});
