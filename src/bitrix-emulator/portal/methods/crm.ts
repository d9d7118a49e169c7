import { RestError } from '../../contract';
import type { Company } from '../model';
import { asRecord, callerOf, iso, outcome, paginate, register, toInt, type MethodTable, type Services } from '../services';

function companyItem(s: Services, c: Company): Record<string, unknown> {
  // crm.item.* answers camelCase keys with typed values (docs-facts §5: entityTypeId 4 = company).
  return {
    id: c.id, title: c.title, companyTypeId: 'CUSTOMER', industry: c.industry, createdBy: 1, updatedBy: 1,
    assignedById: c.assignedById, createdTime: iso(s, c.createdTime), updatedTime: iso(s, c.updatedTime),
    opened: 'Y', entityTypeId: 4,
  };
}

export function registerCrmMethods(s: Services, table: MethodTable): void {
  register(table, 'crm.item.list', 'crm', (ctx) => {
    const user = callerOf(s, ctx);
    if (toInt(ctx.params.entityTypeId) !== 4) throw new RestError('NOT_FOUND', 'Смарт-процесс не найден', 400);
    const filter = asRecord(ctx.params.filter);
    const rows = user.type === 'extranet' ? [] : [...s.state.companies.values()].filter((c) => Object.entries(filter).every(([k, v]) => {
      const m = /^(>=|<=|!|>|<|=|%|@)?(.+)$/.exec(k);
      const op = m?.[1] ?? '=';
      const field = m?.[2] ?? k;
      const actual = field === 'id' ? c.id : field === 'title' ? c.title : field === 'assignedById' ? c.assignedById : undefined;
      if (actual === undefined) return true;
      const list = Array.isArray(v) ? v.map(String) : [String(v)];
      if (op === '%') return String(actual).toLowerCase().includes(String(v).toLowerCase());
      if (op === '>') return Number(actual) > Number(v);
      if (op === '<') return Number(actual) < Number(v);
      if (op === '>=') return Number(actual) >= Number(v);
      if (op === '<=') return Number(actual) <= Number(v);
      if (op === '!') return !list.includes(String(actual));
      return list.includes(String(actual));
    }));
    const order = Object.entries(asRecord(ctx.params.order))[0];
    const desc = String(order?.[1] ?? 'asc').toLowerCase() === 'desc';
    rows.sort((a, b) => (order?.[0] === 'title' ? a.title.localeCompare(b.title) : a.id - b.id) * (desc ? -1 : 1));
    const paged = paginate(rows, ctx.start);
    return outcome({ items: paged.page.map((c) => companyItem(s, c)) }, paged);
  });
}
