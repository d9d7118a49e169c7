/**
 * Finds the portal's user fields that play the Service Desk fields (Тип, Тип стоппера, Оценка)
 * by their labels in any language.
 */
import type { UserFieldDefinition, UserFieldValue } from './model';

export type ServiceDeskField = 'type' | 'blocker' | 'estimate';
export type FieldMapping = Record<ServiceDeskField, string | null>;

/** Exact labels first, then looser patterns; the stopper is tested before the plain "Тип". */
const LABELS: ReadonlyArray<[ServiceDeskField, RegExp, RegExp]> = [
  ['blocker', /^(тип стоппера|stopper type|blocker( reason)?)$/i, /стоппер|stopper|blocker|блокер/i],
  ['estimate', /^(оценка|estimate)$/i, /оценк|estimat/i],
  ['type', /^(тип|type)$/i, /^(тип|type) (заявки|задачи|request|task)$|подразделен|department/i],
];

export interface FieldDetection {
  mapping: FieldMapping;
  missing: ServiceDeskField[];
}

export function detectServiceDeskFields(definitions: readonly UserFieldDefinition[]): FieldDetection {
  const mapping: FieldMapping = { type: null, blocker: null, estimate: null };
  const taken = new Set<string>();
  for (const exact of [true, false]) {
    for (const [field, exactPattern, loosePattern] of LABELS) {
      if (mapping[field]) continue;
      const pattern = exact ? exactPattern : loosePattern;
      const match = definitions.find(
        (definition) => !taken.has(definition.name) && Object.values(definition.labels).some((label) => pattern.test(label.trim())),
      );
      if (match) {
        mapping[field] = match.name;
        taken.add(match.name);
      }
    }
  }
  const missing = (Object.keys(mapping) as ServiceDeskField[]).filter((field) => mapping[field] === null);
  return { mapping, missing };
}

/** A user-field value as one trimmed string ('' when empty); a multiple field gives its first value. */
export function firstFieldValue(value: UserFieldValue | undefined): string {
  const first = Array.isArray(value) ? value.find((item) => item.trim() !== '') : value;
  return (first ?? '').trim();
}

/** Оценка in hours: accepts "2.5" and the Russian "2,5"; null when empty or not a number. */
export function parseEstimateHours(value: UserFieldValue | undefined): number | null {
  const text = firstFieldValue(value).replace(',', '.');
  if (text === '' || !/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) return null;
  return Number(text);
}
