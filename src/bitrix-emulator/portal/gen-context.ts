import { DEPT } from './demo-data';
import { GROUP_IDS, TYPE_VALUES } from './generate-org';
import type { PortalState } from './state';

/**
 * A frozen snapshot of what task generation depends on. Lazy history/comment generation reuses it,
 * so later changes (a deleted stage, a new user) cannot alter already generated records.
 */
export interface GenContext {
  seed: number;
  now: number;
  utcOffsetMinutes: number;
  stagesByGroup: ReadonlyMap<number, readonly number[]>;
  employeesByDept: ReadonlyMap<number, readonly number[]>;
  deptHead: ReadonlyMap<number, number>;
  companies: readonly { id: number; extranet: readonly number[] }[];
  typeItemByDept: ReadonlyMap<number, number>;
  stopperItems: readonly number[];
  fields: { type: string; stopper: string; estimate: string };
}

export function buildGenContext(state: PortalState): GenContext {
  const stagesByGroup = new Map<number, number[]>();
  for (const g of [GROUP_IDS.sdFirstLine, GROUP_IDS.sdDevelopment]) stagesByGroup.set(g, state.groupStages(g).map((s) => s.id));
  const employeesByDept = new Map<number, number[]>();
  for (const u of state.users.values()) {
    if (u.type !== 'employee' || u.id === 1) continue; // the admin does not work requests
    for (const d of u.departments) employeesByDept.set(d, [...(employeesByDept.get(d) ?? []), u.id]);
  }
  const deptHead = new Map<number, number>();
  for (const d of state.departments.values()) if (d.head !== null) deptHead.set(d.id, d.head);
  const companies = [...state.companies.values()].map((c) => ({
    id: c.id,
    extranet: [...state.users.values()].filter((u) => u.companyId === c.id).map((u) => u.id),
  }));
  const typeField = state.userField(state.sdFields.type);
  const typeItemByDept = new Map<number, number>();
  TYPE_VALUES.forEach((t, i) => {
    const item = typeField?.list[i];
    if (item) typeItemByDept.set(t.dept, item.id);
  });
  const stopperItems = state.userField(state.sdFields.stopper)?.list.map((i) => i.id) ?? [];
  // Analysts' requests count as development work.
  employeesByDept.set(DEPT.development, [...(employeesByDept.get(DEPT.development) ?? []), ...(employeesByDept.get(DEPT.analytics) ?? [])]);
  return { seed: state.seed, now: state.generatedAt, utcOffsetMinutes: state.utcOffsetMinutes, stagesByGroup, employeesByDept, deptHead, companies, typeItemByDept, stopperItems, fields: { ...state.sdFields } };
}
