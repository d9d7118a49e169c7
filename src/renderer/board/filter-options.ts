/** The choices a filter offers: only values that occur on the group's cards, sorted by label. */
import type { CardView } from './card-view';

export interface Option {
  value: string;
  label: string;
}

export interface FilterOptions {
  responsible: Option[];
  company: Option[];
  type: Option[];
  blocker: Option[];
}

function collect(cards: readonly CardView[], pick: (card: CardView) => [string | null, string | null]): Option[] {
  const seen = new Map<string, string>();
  for (const card of cards) {
    const [value, label] = pick(card);
    if (value && value !== '0' && !seen.has(value)) seen.set(value, label ?? value);
  }
  return [...seen].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
}

export function filterOptions(cards: readonly CardView[]): FilterOptions {
  return {
    responsible: collect(cards, (card) => [card.responsibleId, card.responsibleName]),
    company: collect(cards, (card) => [card.companyId, card.companyName]),
    type: collect(cards, (card) => [card.typeId, card.typeLabel]),
    blocker: collect(cards, (card) => [card.blockerId, card.blockerLabel]),
  };
}
