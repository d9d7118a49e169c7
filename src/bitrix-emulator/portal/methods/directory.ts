import { GLOBAL_SCOPE } from '../../http/types';
import type { User } from '../model';
import { asArray, asRecord, callerOf, iso, outcome, paginate, paramCI, register, type MethodTable, type Services } from '../services';

function userRow(s: Services, u: User): Record<string, unknown> {
  return {
    ID: String(u.id), XML_ID: null, ACTIVE: u.active, NAME: u.name, LAST_NAME: u.lastName, SECOND_NAME: u.secondName,
    EMAIL: u.email, LAST_LOGIN: iso(s, s.state.generatedAt - (u.id % 7) * 3_600_000), DATE_REGISTER: iso(s, u.dateRegister),
    IS_ONLINE: 'N', TIME_ZONE_OFFSET: '0', TIMESTAMP_X: iso(s, u.dateRegister), PERSONAL_GENDER: u.gender,
    PERSONAL_PHOTO: null, WORK_POSITION: u.workPosition, WORK_COMPANY: u.workCompany,
    UF_DEPARTMENT: [...u.departments], USER_TYPE: u.type,
  };
}

/** Users a caller may list: employees see everyone; an extranet user sees themself and the people of their groups. */
function visibleUsers(s: Services, caller: User): User[] {
  const all = [...s.state.users.values()];
  if (caller.type !== 'extranet') return all;
  const mates = new Set<number>([caller.id]);
  for (const g of s.state.groups.values()) if (g.members.has(caller.id)) for (const id of g.members.keys()) mates.add(id);
  return all.filter((u) => mates.has(u.id) && (u.type === 'employee' || u.id === caller.id));
}

function matchUser(u: User, key: string, value: unknown): boolean {
  const values = asArray(value).map(String);
  const field = key.replace(/^[!<>=%]+/, '').toUpperCase();
  const negate = key.startsWith('!');
  let hit: boolean;
  switch (field) {
    case 'ID': hit = values.includes(String(u.id)); break;
    case 'ACTIVE': hit = values.some((v) => (v === 'Y' || v === 'true' || v === '1') === u.active); break;
    case 'USER_TYPE': hit = values.includes(u.type); break;
    case 'UF_DEPARTMENT': hit = u.departments.some((d) => values.includes(String(d))); break;
    case 'NAME_SEARCH': hit = values.some((v) => `${u.name} ${u.lastName} ${u.login}`.toLowerCase().includes(v.toLowerCase())); break;
    case 'NAME': hit = values.includes(u.name); break;
    case 'LAST_NAME': hit = values.includes(u.lastName); break;
    case 'EMAIL': hit = values.includes(u.email); break;
    case 'WORK_COMPANY': hit = values.includes(u.workCompany); break;
    default: return true;
  }
  return negate ? !hit : hit;
}

const USER_FILTER_KEYS = /^[!<>=%]*(ID|ACTIVE|USER_TYPE|UF_DEPARTMENT|NAME_SEARCH|NAME|LAST_NAME|EMAIL|WORK_COMPANY)$/i;

export function registerDirectoryMethods(s: Services, table: MethodTable): void {
  register(table, 'user.get', 'user', (ctx) => {
    const caller = callerOf(s, ctx);
    // user.get reads FILTER, and also filter fields sent at the top level (old style calls).
    const filter = { ...Object.fromEntries(Object.entries(ctx.params).filter(([k]) => USER_FILTER_KEYS.test(k))), ...asRecord(paramCI(ctx.params, 'FILTER')) };
    const desc = String(paramCI(ctx.params, 'order') ?? 'asc').toLowerCase() === 'desc';
    const rows = visibleUsers(s, caller)
      .filter((u) => Object.entries(filter).every(([k, v]) => matchUser(u, k, v)))
      .sort((a, b) => (a.id - b.id) * (desc ? -1 : 1));
    const paged = paginate(rows, ctx.start);
    return outcome(paged.page.map((u) => userRow(s, u)), paged);
  });

  register(table, 'user.current', 'user', (ctx) => outcome(userRow(s, callerOf(s, ctx))));

  register(table, 'profile', GLOBAL_SCOPE, (ctx) => {
    const u = callerOf(s, ctx);
    return outcome({
      ID: String(u.id), ADMIN: u.admin, NAME: u.name, LAST_NAME: u.lastName, PERSONAL_GENDER: u.gender,
      PERSONAL_PHOTO: '', TIME_ZONE: 'Europe/Moscow', TIME_ZONE_OFFSET: 0,
    });
  });

  register(table, 'department.get', 'department', (ctx) => {
    callerOf(s, ctx);
    const conditions = ['ID', 'NAME', 'PARENT', 'UF_HEAD'].map((k) => [k, paramCI(ctx.params, k)] as const).filter(([, v]) => v !== undefined);
    const rows = [...s.state.departments.values()]
      .filter((d) => conditions.every(([k, v]) => {
        const actual = k === 'ID' ? d.id : k === 'NAME' ? d.name : k === 'PARENT' ? d.parent : d.head;
        return asArray(v).map(String).includes(String(actual ?? ''));
      }))
      .sort((a, b) => a.sort - b.sort || a.id - b.id);
    const paged = paginate(rows, ctx.start);
    return outcome(paged.page.map((d) => {
      const row: Record<string, unknown> = { ID: String(d.id), NAME: d.name, SORT: d.sort };
      if (d.parent !== null) row.PARENT = String(d.parent);
      row.UF_HEAD = d.head === null ? '' : String(d.head);
      return row;
    }), paged);
  });
}
