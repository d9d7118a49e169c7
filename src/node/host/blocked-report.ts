/** The blocked-time report (issue 13): the domain rule over the local store, with titles for the screen and CSV. */
import type { Settings } from '../../core/domain/settings';
import type { HistoryEntry, Task } from '../../core/domain/model';
import type { StageMap } from '../../core/domain/stage-map';
import { blockedTime, type BlockedRow } from '../../core/domain/blocked-time';
import { companyResolver } from '../../core/domain/plan-fact';
import type { BlockedReport, BlockedReportRow } from '../../shared/api';
import type { PortalSession } from './portal-session';

export function buildBlockedReport(input: {
  session: PortalSession;
  settings: Settings;
  tasks: readonly Task[];
  history: ReadonlyMap<string, readonly HistoryEntry[]>;
  map: StageMap;
  rangeStart: number;
  rangeEnd: number;
  now: number;
}): BlockedReport {
  const { store } = input.session;
  const field = input.settings.fields.blocker;
  const companies = store.companies();
  // Clients as plan vs fact finds them: the CRM company link, else the extranet creator's company.
  const companyOf = companyResolver(companies, store.users());
  const result = blockedTime({ ...input, historyByTask: input.history, field, calendar: input.settings.calendar, companyOf });
  const definition = field ? store.userFields().find((f) => f.name === field) : undefined;
  const labels = new Map((definition?.listItems ?? []).map((item) => [item.id, item.value]));
  const groupNames = new Map(store.groups().map((group) => [group.id, group.name]));
  const companyNames = new Map(companies.map((company) => [company.id, company.title]));
  const titled = (rows: BlockedRow[], names: ReadonlyMap<string, string>): BlockedReportRow[] =>
    rows.map((row) => ({ ...row, title: row.key === '' ? '' : (names.get(row.key) ?? `#${row.key}`) }));
  return {
    types: result.values.map((id) => ({ id, title: labels.get(id) ?? `#${id}` })),
    byGroup: titled(result.byGroup, groupNames),
    byClient: titled(result.byClient, companyNames),
    fieldMapped: field !== null,
  };
}
