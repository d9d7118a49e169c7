import { RestError } from '../../contract';
import type { Group, User } from '../model';
import { asRecord, callerOf, iso, outcome, paginate, paramCI, register, toInt, truthy, type MethodTable, type Services } from '../services';

function groupRow(s: Services, g: Group): Record<string, unknown> {
  const moderators = [...g.members.values()].filter((r) => r === 'A' || r === 'E').length;
  return {
    ID: String(g.id), SITE_ID: 's1', NAME: g.name, DESCRIPTION: g.description, DATE_CREATE: iso(s, g.dateCreate),
    DATE_UPDATE: iso(s, g.dateCreate), DATE_ACTIVITY: iso(s, s.state.generatedAt), ACTIVE: 'Y',
    VISIBLE: g.visible ? 'Y' : 'N', OPENED: g.opened ? 'Y' : 'N', CLOSED: g.closed ? 'Y' : 'N', SUBJECT_ID: '1',
    OWNER_ID: String(g.ownerId), KEYWORDS: '', IMAGE_ID: null, NUMBER_OF_MEMBERS: String(g.members.size),
    NUMBER_OF_MODERATORS: String(moderators), INITIATE_PERMS: 'E', SPAM_PERMS: 'K', PROJECT: 'N',
    IS_EXTRANET: 'N', SUBJECT_NAME: 'Рабочие группы',
  };
}

function canSeeGroup(user: User, g: Group, asAdmin: boolean): boolean {
  return (asAdmin && user.admin) || g.visible || g.members.has(user.id);
}

export function registerGroupMethods(s: Services, table: MethodTable): void {
  register(table, 'sonet_group.get', 'sonet_group', (ctx) => {
    const user = callerOf(s, ctx);
    const asAdmin = truthy(paramCI(ctx.params, 'IS_ADMIN')) && String(paramCI(ctx.params, 'IS_ADMIN')) !== 'N';
    const filter = asRecord(paramCI(ctx.params, 'FILTER'));
    const groupId = paramCI(ctx.params, 'GROUP_ID');
    const rows = [...s.state.groups.values()]
      .filter((g) => canSeeGroup(user, g, asAdmin))
      .filter((g) => groupId === undefined || String(g.id) === String(groupId))
      .filter((g) => Object.entries(filter).every(([k, v]) => {
        const row = groupRow(s, g);
        const key = k.replace(/^[%=]+/, '').toUpperCase();
        return key in row ? (k.startsWith('%') ? String(row[key]).toLowerCase().includes(String(v).toLowerCase()) : String(row[key]) === String(v)) : true;
      }))
      .sort((a, b) => a.id - b.id);
    const paged = paginate(rows, ctx.start);
    return outcome(paged.page.map((g) => groupRow(s, g)), paged);
  });

  register(table, 'sonet_group.user.get', 'sonet_group', (ctx) => {
    const user = callerOf(s, ctx);
    const group = s.state.groups.get(toInt(paramCI(ctx.params, 'ID')));
    if (!group || !canSeeGroup(user, group, user.admin)) throw new RestError('ERROR_CORE', 'User has no read access to the workgroup', 400);
    return outcome([...group.members.entries()].map(([id, role]) => ({ USER_ID: String(id), ROLE: role, AUTO_MEMBER: 'N' })));
  });

  register(table, 'sonet_group.user.groups', 'sonet_group', (ctx) => {
    const user = callerOf(s, ctx);
    return outcome([...s.state.groups.values()].filter((g) => g.members.has(user.id)).map((g) => ({
      GROUP_ID: String(g.id), GROUP_NAME: g.name, ROLE: g.members.get(user.id) ?? 'K', GROUP_IMAGE_ID: null, GROUP_IMAGE: '',
    })));
  });
}
