/** The new-request form → one `createTask` intent with portal field names. Pure, for tests. */
import type { Settings } from '../../core/domain/settings';
import type { IntentPayload, TaskFieldPatch } from '../shared-ui/intent-types';
import { normaliseEstimate } from '../drawer/edit-intents';
import { fromPortalLocalInput, toPortalIso } from '../shared-ui/format';

export interface CreateForm {
  groupId: string;
  title: string;
  description: string;
  /** Тип list item ID, '' for none. */
  type: string;
  estimate: string;
  important: boolean;
  responsibleId: string;
  /** The client: a CRM company ID, '' for none. */
  companyId: string;
  /** The deadline as a datetime-local value in portal time ("2025-03-12T18:00"), '' for none. */
  deadline: string;
}

export type CreateProblem = 'group' | 'name' | 'estimate' | 'deadline';

export function validateCreate(form: CreateForm): CreateProblem[] {
  const problems: CreateProblem[] = [];
  if (!form.groupId) problems.push('group');
  if (!form.title.trim()) problems.push('name');
  if (normaliseEstimate(form.estimate) === 'invalid') problems.push('estimate');
  if (form.deadline && fromPortalLocalInput(form.deadline, 0) === null) problems.push('deadline');
  return problems;
}

export function createIntent(form: CreateForm, fields: Settings['fields'], clientId: string, utcOffsetMinutes: number): Extract<IntentPayload, { name: 'createTask' }> {
  const patch: TaskFieldPatch = {};
  // The client as the portal links it (the card shows the company of its first CO_ link).
  if (form.companyId) patch.UF_CRM_TASK = [`CO_${form.companyId}`];
  const deadline = form.deadline ? fromPortalLocalInput(form.deadline, utcOffsetMinutes) : null;
  if (deadline !== null) patch.DEADLINE = toPortalIso(deadline, utcOffsetMinutes);
  if (form.type && fields.type) patch[fields.type] = form.type;
  const estimate = normaliseEstimate(form.estimate);
  if (estimate && estimate !== 'invalid' && fields.estimate) patch[fields.estimate] = estimate;
  // Важно is the portal's high priority; a plain request keeps the portal's default.
  if (form.important) patch.PRIORITY = '2';
  return {
    name: 'createTask',
    clientId,
    groupId: form.groupId,
    title: form.title.trim(),
    ...(form.description.trim() ? { description: form.description.trim() } : {}),
    ...(form.responsibleId ? { responsibleId: form.responsibleId } : {}),
    ...(Object.keys(patch).length ? { fields: patch } : {}),
  };
}
