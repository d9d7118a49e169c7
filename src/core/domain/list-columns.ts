/**
 * The list view's columns (issue 13): which exist, which show by default, and the settings entry
 * that keeps a person's choice. Unknown names in a saved file are dropped (a newer or older Pult
 * may know other columns), and an empty or missing choice means the default, so any settings file
 * still loads.
 */
import { z } from 'zod';

export const LIST_COLUMN_IDS = ['id', 'title', 'kind', 'client', 'deadline', 'sla', 'estimate', 'responsible', 'stage', 'lu', 'wia'] as const;
export type ListColumnId = (typeof LIST_COLUMN_IDS)[number];

/** Always shown: a row needs its number and its title to mean anything. */
export const FIXED_LIST_COLUMNS: readonly ListColumnId[] = ['id', 'title'];

export const DEFAULT_LIST_COLUMNS: readonly ListColumnId[] = LIST_COLUMN_IDS;

function isListColumn(value: string): value is ListColumnId {
  return (LIST_COLUMN_IDS as readonly string[]).includes(value);
}

/** The shown columns in the list's own order, the fixed ones always among them. */
export function normaliseListColumns(chosen: readonly string[]): ListColumnId[] {
  const known = new Set(chosen.filter(isListColumn));
  if (known.size === 0) return [...DEFAULT_LIST_COLUMNS];
  for (const fixed of FIXED_LIST_COLUMNS) known.add(fixed);
  return LIST_COLUMN_IDS.filter((id) => known.has(id));
}

export const listColumnsSchema = z
  .array(z.string())
  .default([...DEFAULT_LIST_COLUMNS])
  .transform((chosen) => normaliseListColumns(chosen));
