/** The new-request form → one `createTask` intent with portal field names. Pure, for tests. */
import type { Settings } from '../../core/domain/settings';
import type { IntentPayload, TaskFieldPatch } from '../shared-ui/intent-types';
import { normaliseEstimate } from '../drawer/edit-intents';

export interface CreateForm {
  groupId: string;
  title: string;
  description: string;
  /** Тип list item ID, '' for none. */
  type: string;
  estimate: string;
  important: boolean;
  responsibleId: string;
}

export type CreateProblem = 'group' | 'name' | 'estimate';

export function validateCreate(form: CreateForm): CreateProblem[] {
  const problems: CreateProblem[] = [];
  if (!form.groupId) problems.push('group');
  if (!form.title.trim()) problems.push('name');
  if (normaliseEstimate(form.estimate) === 'invalid') problems.push('estimate');
  return problems;
}

export function createIntent(form: CreateForm, fields: Settings['fields'], clientId: string): Extract<IntentPayload, { name: 'createTask' }> {
  const patch: TaskFieldPatch = {};
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
