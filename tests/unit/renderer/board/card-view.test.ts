import { describe, expect, it } from 'vitest';
import { companyIdOf, shortName } from '../../../../src/renderer/board/card-view';
import { card, HOUR, NOW, views } from './fixtures';

describe('card view', () => {
  it('names the client company from the first CRM company link', () => {
    expect(companyIdOf(['C_4', 'CO_12', 'CO_13'])).toBe('12');
    expect(companyIdOf(['D_1'])).toBeNull();
    const [view] = views([card('1', { crmLinks: ['CO_5'] })]).views;
    expect(view?.companyName).toBe('ООО «Вектор»');
  });

  it('turns Тип and Тип стоппера enum item IDs into their list values', () => {
    const [view] = views([card('1', { userFields: { UF_TYPE: '2', UF_BLOCKER: ['7'], UF_ESTIMATE: '2,5' } })]).views;
    expect(view?.typeLabel).toBe('1-я линия');
    expect(view?.blockerLabel).toBe('Ждём клиента');
    expect(view?.estimateHours).toBe(2.5);
    expect(view?.kind).toBe('change');
  });

  it('treats an empty or "0" stopper as none, and an unknown item ID as its raw value', () => {
    const [none, raw] = views([card('1', { userFields: { UF_BLOCKER: '0' } }), card('2', { userFields: { UF_TYPE: '99' } })]).views;
    expect(none?.blockerLabel).toBeNull();
    expect(raw?.typeLabel).toBe('99');
  });

  it('marks Важно tasks as incidents and shows the responsible by short name', () => {
    const [view] = views([card('1', { priority: 2, responsibleId: '3' })]).views;
    expect(view?.kind).toBe('incident');
    expect(view?.responsibleName).toBe('Соколов Д.');
    expect(shortName(undefined)).toBeNull();
  });

  it('puts stage "0" in the first column and anchors LU at the later of change and activity', () => {
    const [view] = views([card('1', { stageId: '0', changedAt: NOW - 5 * HOUR, activityAt: NOW - HOUR })]).views;
    expect(view?.stageId).toBe('10');
    expect(view?.role).toBe('new');
    expect(view?.luSince).toBe(NOW - HOUR);
  });

  it('starts WIA from the status change without history, and freezes it once done', () => {
    const [running, done] = views([
      card('1', { stageId: '11', status: 3, statusChangedAt: NOW - 2 * HOUR }),
      card('2', { stageId: '12', status: 5, statusChangedAt: NOW - 3 * HOUR, closedAt: NOW - HOUR }),
    ]).views;
    expect(running?.wiaStartedAt).toBe(NOW - 2 * HOUR);
    expect(running?.wiaFrozenSeconds).toBeNull();
    expect(done?.wiaStartedAt).toBeNull();
  });
});

describe('first-run helpers', () => {
  it('explains connect failures by their code and keeps the certificate to decide on', async () => {
    const { explainConnectError, normaliseAddress } = await import('../../../../src/renderer/firstrun/explain');
    const certificate = { fingerprint: 'AB:CD', subject: 'CN=portal', issuer: 'CN=Corp CA', validFrom: '2025-01-01', validTo: '2030-01-01', isCa: false, selfSigned: false, issuers: [], problem: 'untrusted' };
    expect(explainConnectError({ details: { code: 'untrusted-certificate', message: 'x', certificate } })).toMatchObject({ certificate });
    expect(explainConnectError({ details: { code: 'unreachable', message: 'ECONNREFUSED' } })).toMatchObject({ key: 'firstrun.error.unreachable', values: { message: 'ECONNREFUSED' } });
    expect(explainConnectError({ details: { code: 'invalid-input', message: 'bad' } }).key).toBe('firstrun.error.invalid');
    expect(explainConnectError(new Error('boom'))).toMatchObject({ key: 'firstrun.error.other', values: { message: 'boom' } });
    expect(normaliseAddress(' portal.example.ru/ ')).toBe('https://portal.example.ru');
    expect(normaliseAddress('http://10.0.0.5:8080')).toBe('http://10.0.0.5:8080');
    expect(normaliseAddress('https://portal.example.ru/rest/1/abc/')).toBeNull();
    expect(normaliseAddress('')).toBeNull();
  });

  it('pre-chooses the Service Desk groups', async () => {
    const { preselectGroups } = await import('../../../../src/renderer/firstrun/GroupsStep');
    const groups = [
      { id: '1', name: 'Service Desk — 1-я линия', closed: false, membersCount: 3 },
      { id: '3', name: 'Внутренние проекты', closed: false, membersCount: 3 },
      { id: '2', name: 'Service Desk — Разработка', closed: false, membersCount: 3 },
    ];
    expect(preselectGroups(groups)).toEqual(['1', '2']);
    expect(preselectGroups(groups.slice(1, 2))).toEqual(['3']);
  });
});

describe('language and plural forms', () => {
  it('takes the URL, then the setting, then the OS locale; Russian plurals are right', async () => {
    const { chooseLanguage } = await import('../../../../src/renderer/app-environment');
    const { translate } = await import('../../../../src/renderer/i18n');
    expect(chooseLanguage('en', 'ru', ['ru-RU'])).toBe('en');
    expect(chooseLanguage(null, 'en', ['ru-RU'])).toBe('en');
    expect(chooseLanguage(null, 'system', ['en-US'])).toBe('en');
    expect(chooseLanguage(null, undefined, ['ru-RU'])).toBe('ru');
    expect([1, 2, 5, 21].map((n) => translate('ru', 'board.column.cards', { n }))).toEqual(['1 задача', '2 задачи', '5 задач', '21 задача']);
    expect([1, 3, 11].map((n) => translate('ru', 'status.queued', { n }))).toEqual(['1 правка в очереди', '3 правки в очереди', '11 правок в очереди']);
    expect(translate('en', 'board.column.cards', { n: 1 })).toBe('1 task');
  });
});
