/**
 * Card order inside a column. The host lists cards by id; a card the user placed by hand gets a
 * fractional rank between its neighbours, so it stays where it was dropped across refreshes.
 */
export type Ranks = Readonly<Record<string, number>>;

/** The sort key of each card: its rank if placed by hand, else its position in the host's list. */
export function orderKeys(ids: readonly string[], ranks: Ranks): Map<string, number> {
  return new Map(ids.map((id, index) => [id, ranks[id] ?? index]));
}

export function orderByKeys<T extends { id: string }>(items: readonly T[], keys: ReadonlyMap<string, number>): T[] {
  return [...items].sort((a, b) => (keys.get(a.id) ?? 0) - (keys.get(b.id) ?? 0));
}

/** A rank strictly between the neighbours' keys (either may be missing at a column's ends). */
export function rankBetween(previous: number | undefined, next: number | undefined): number {
  if (previous === undefined && next === undefined) return 0;
  if (previous === undefined) return (next as number) - 1;
  if (next === undefined) return previous + 1;
  return (previous + next) / 2;
}
