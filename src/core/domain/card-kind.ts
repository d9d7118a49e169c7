/**
 * The card kind the seed assigns automatically: incident (Важно), change request (Оценка holds a
 * number), otherwise service request. Incident wins over change request.
 */
import type { Task } from './model';
import type { CardKind, Settings } from './settings';
import { parseEstimateHours } from './field-mapping';

export type CardKindReason = 'high-priority' | 'estimate-set' | 'no-estimate';

export interface CardKindResult {
  kind: CardKind;
  reason: CardKindReason;
  /** i18n key of the explanation shown next to the icon. */
  explanationKey: `cardKind.reason.${CardKindReason}`;
  /** Оценка in hours when it holds a number (even for an incident). */
  estimateHours: number | null;
}

export function cardKind(task: Pick<Task, 'priority' | 'userFields'>, fields: Settings['fields']): CardKindResult {
  const estimateHours = fields.estimate ? parseEstimateHours(task.userFields[fields.estimate]) : null;
  const result = (kind: CardKind, reason: CardKindReason): CardKindResult => ({
    kind,
    reason,
    explanationKey: `cardKind.reason.${reason}`,
    estimateHours,
  });
  if (task.priority === 2) return result('incident', 'high-priority');
  if (estimateHours !== null && estimateHours > 0) return result('change', 'estimate-set');
  return result('service', 'no-estimate');
}
