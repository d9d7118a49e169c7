import { COMPANIES, CLIENT_NAMES, DEPARTMENTS, DEPT, EMPLOYEES, SD_STAGES, STOPPERS, transliterate } from './demo-data';
import type { Group, GroupRole, UserField } from './model';
import type { Prng } from './prng';
import type { PortalState } from './state';

const DAY = 86_400_000;

/** Тип enumeration values and the department each one sends a request to. */
export const TYPE_VALUES: readonly { value: string; dept: number }[] = [
  { value: 'Отдел разработки', dept: DEPT.development },
  { value: '1-я линия поддержки', dept: DEPT.firstLine },
  { value: 'Системное администрирование', dept: DEPT.sysadmin },
  { value: 'Хозяйственный отдел', dept: DEPT.facilities },
];

export const GROUP_IDS = { sdFirstLine: 1, sdDevelopment: 2, internal: 3 } as const;

function password(rng: Prng): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789';
  let out = '';
  for (let i = 0; i < 12; i++) out += alphabet[rng.int(0, alphabet.length - 1)];
  return out;
}

/** Users, departments, companies, workgroups, stages and UF definitions. */
export function generateOrg(state: PortalState, rng: Prng): void {
  const now = state.generatedAt;
  for (const d of DEPARTMENTS) state.departments.set(d.id, { ...d, head: null });

  EMPLOYEES.forEach((e, index) => {
    const id = index + 1;
    state.users.set(id, {
      id, login: e.login, password: password(rng), name: e.name, lastName: e.lastName, secondName: e.secondName,
      email: `${e.login}@pult-service.ru`, gender: e.gender, workPosition: e.position, workCompany: '',
      departments: [e.dept], type: 'employee', admin: id === 1, active: true, companyId: null,
      dateRegister: now - rng.int(200, 900) * DAY,
    });
    const dept = state.departments.get(e.dept);
    if (e.head && dept) dept.head = id;
  });

  let clientIndex = 0;
  COMPANIES.forEach((c, index) => {
    const companyId = index + 1;
    const created = now - rng.int(300, 1000) * DAY;
    state.companies.set(companyId, {
      id: companyId, title: c.title, createdTime: created, updatedTime: created + rng.int(1, 200) * DAY,
      assignedById: 2, industry: c.industry,
    });
    const extranetCount = rng.chance(0.5) ? 2 : 1;
    for (let k = 0; k < extranetCount; k++) {
      const person = CLIENT_NAMES[clientIndex % CLIENT_NAMES.length];
      clientIndex++;
      if (!person) continue;
      const id = state.users.size + 1;
      const login = `${transliterate(person.name).slice(0, 1)}.${transliterate(person.lastName)}${companyId}`;
      // WORK_COMPANY carries the company title: the documented user fields have no CRM link, so
      // the Service Desk method ties an extranet profile to its company by name (our choice).
      state.users.set(id, {
        id, login, password: password(rng), name: person.name, lastName: person.lastName, secondName: '',
        email: `${login}@client${companyId}.example.ru`, gender: person.gender, workPosition: person.position,
        workCompany: c.title, departments: [], type: 'extranet', admin: false, active: true, companyId,
        dateRegister: created + rng.int(1, 60) * DAY,
      });
    }
  });

  createGroups(state);
  createUserFields(state, rng);
}

function employeesOf(state: PortalState, depts: readonly number[]): number[] {
  return [...state.users.values()]
    .filter((u) => u.type === 'employee' && u.departments.some((d) => depts.includes(d)))
    .map((u) => u.id);
}

function createGroups(state: PortalState): void {
  const now = state.generatedAt;
  const extranet = [...state.users.values()].filter((u) => u.type === 'extranet').map((u) => u.id);
  const make = (id: number, name: string, description: string, owner: number, moderators: number[], members: number[], sd: boolean): Group => {
    const map = new Map<number, GroupRole>();
    for (const m of members) map.set(m, 'K');
    for (const m of moderators) map.set(m, 'E');
    map.set(owner, 'A');
    return { id, name, description, closed: true, opened: false, visible: false, ownerId: owner, members: map, dateCreate: now - 400 * DAY, serviceDesk: sd };
  };
  const firstLine = employeesOf(state, [DEPT.firstLine, DEPT.sysadmin, DEPT.facilities]);
  const development = employeesOf(state, [DEPT.development, DEPT.analytics]);
  state.groups.set(GROUP_IDS.sdFirstLine, make(GROUP_IDS.sdFirstLine, 'Service Desk — 1-я линия',
    'Заявки клиентов: консультации, доступы, инфраструктура, хозяйственные вопросы.', 2, [14], [...firstLine, ...extranet], true));
  state.groups.set(GROUP_IDS.sdDevelopment, make(GROUP_IDS.sdDevelopment, 'Service Desk — Разработка',
    'Ошибки и доработки программных продуктов клиентов.', 7, [12, 2], [...development, ...extranet], true));
  state.groups.set(GROUP_IDS.internal, make(GROUP_IDS.internal, 'Внутренние проекты',
    'Закрытая группа руководителей: бюджеты и планы.', 20, [7], [14, 17, 12], false));

  for (const groupId of [GROUP_IDS.sdFirstLine, GROUP_IDS.sdDevelopment]) {
    SD_STAGES.forEach((s, index) => {
      const id = state.next.stage++;
      // server-facts §5: a group's stages copy the template and only the first keeps SYSTEM_TYPE NEW.
      state.stages.set(id, { id, title: s.title, sort: (index + 1) * 100, color: s.color, systemType: index === 0 ? 'NEW' : null, entityId: groupId, entityType: 'G' });
    });
  }
}

function createUserFields(state: PortalState, rng: Prng): void {
  const autoName = (): string => {
    let digits = String(rng.int(1, 9));
    for (let i = 0; i < 11; i++) digits += String(rng.int(0, 9));
    return `UF_AUTO_${digits}`;
  };
  const enumList = (values: readonly string[]): UserField['list'] =>
    values.map((value, i) => ({ id: state.next.enumItem++, sort: (i + 1) * 100, value, def: false, xmlId: `${i + 1}` }));
  const field = (f: Omit<UserField, 'id' | 'xmlId' | 'sort'>): UserField => {
    const id = state.next.userField++;
    const made: UserField = { ...f, id, xmlId: '', sort: 100 };
    state.userFields.push(made);
    return made;
  };
  // Built-in task UF fields the tasks module installs (docs-facts §3 "User fields").
  field({ fieldName: 'UF_CRM_TASK', userTypeId: 'crm', multiple: true, mandatory: false, labels: { ru: 'Элементы CRM', en: 'CRM items' }, list: [], settings: { LEAD: 'Y', CONTACT: 'Y', COMPANY: 'Y', DEAL: 'Y' } });
  field({ fieldName: 'UF_TASK_WEBDAV_FILES', userTypeId: 'disk_file', multiple: true, mandatory: false, labels: { ru: 'Загрузить файлы', en: 'Load files' }, list: [], settings: {} });
  field({ fieldName: 'UF_MAIL_MESSAGE', userTypeId: 'mail_message', multiple: false, mandatory: false, labels: { ru: '', en: '' }, list: [], settings: {} });
  // The three Service Desk fields, created "in the admin UI" (hence UF_AUTO_<digits> names).
  const type = field({ fieldName: autoName(), userTypeId: 'enumeration', multiple: false, mandatory: false, labels: { ru: 'Тип', en: 'Type' }, list: enumList(TYPE_VALUES.map((t) => t.value)), settings: { DISPLAY: 'LIST', LIST_HEIGHT: 1 } });
  const stopper = field({ fieldName: autoName(), userTypeId: 'enumeration', multiple: false, mandatory: false, labels: { ru: 'Тип стоппера', en: 'Stopper type' }, list: enumList(STOPPERS), settings: { DISPLAY: 'LIST', LIST_HEIGHT: 1 } });
  const estimate = field({ fieldName: autoName(), userTypeId: 'double', multiple: false, mandatory: false, labels: { ru: 'Оценка', en: 'Estimate' }, list: [], settings: { PRECISION: 2, SIZE: 20, MIN_VALUE: 0, MAX_VALUE: 0, DEFAULT_VALUE: '' } });
  state.sdFields = { type: type.fieldName, stopper: stopper.fieldName, estimate: estimate.fieldName };
}
