import { describe, expect, it } from 'vitest';
import { mapMemberships } from '../../../src/core/bitrix/membership';
import { inMyGroups } from '../../../src/renderer/board/filters';

describe('sonet_group.user.groups rows to memberships', () => {
  it('maps the roles owner, moderator and member, IDs as strings', () => {
    const rows = [
      { GROUP_ID: '77', GROUP_NAME: 'New Project Title', ROLE: 'K', GROUP_IMAGE_ID: null, GROUP_IMAGE: '' },
      { GROUP_ID: 79, GROUP_NAME: 'Scrum Project', ROLE: 'A', GROUP_IMAGE_ID: null, GROUP_IMAGE: '' },
      { GROUP_ID: '80', ROLE: 'E', IS_EXTRANET: 'Y' },
    ];
    expect(mapMemberships(rows)).toEqual([
      { groupId: '77', role: 'member' },
      { groupId: '79', role: 'owner' },
      { groupId: '80', role: 'moderator' },
    ]);
  });

  it('an empty answer means a member of no group', () => {
    expect(mapMemberships([])).toEqual([]);
  });

  it('leaves out a request to join, a ban or an unknown role, and a group listed twice', () => {
    const rows = [
      { GROUP_ID: '1', ROLE: 'Z' },
      { GROUP_ID: '2', ROLE: 'T' },
      { GROUP_ID: '3', ROLE: 'constructor' },
      { GROUP_ID: '4', ROLE: 'K' },
      { GROUP_ID: '4', ROLE: 'A' },
    ];
    expect(mapMemberships(rows)).toEqual([{ groupId: '4', role: 'member' }]);
  });

  it.each([[null], [{ GROUP_ID: '1' }], [[{ ROLE: 'K' }]], [[{ GROUP_ID: 'abc', ROLE: 'K' }]]])('refuses a malformed answer %#', (result) => {
    expect(() => mapMemberships(result)).toThrow(/unexpected shape/);
  });
});

describe('the «Мои группы» filter', () => {
  const card = (groupId: string) => ({ task: { groupId } }) as never;
  it('keeps cards of the groups the user belongs to', () => {
    expect(inMyGroups(card('1'), { memberGroupIds: ['1', '5'] })).toBe(true);
    expect(inMyGroups(card('2'), { memberGroupIds: ['1', '5'] })).toBe(false);
    expect(inMyGroups(card('2'), { memberGroupIds: [] })).toBe(false);
  });
  it('holds nothing back while the membership is not known yet', () => {
    expect(inMyGroups(card('2'), { memberGroupIds: null })).toBe(true);
  });
});
