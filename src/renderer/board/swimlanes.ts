/** Swimlanes: the board split into horizontal lanes by responsible or by client company. */
import type { CardView } from './card-view';

export type SwimlaneMode = 'none' | 'responsible' | 'company';

export interface Lane {
  /** '' for cards without a responsible / company. */
  key: string;
  title: string | null;
  cards: CardView[];
}

/** Lanes by name, the "not set" lane last; a lane's cards keep their board order. */
export function buildLanes(cards: readonly CardView[], mode: Exclude<SwimlaneMode, 'none'>): Lane[] {
  const lanes = new Map<string, Lane>();
  for (const card of cards) {
    const raw = mode === 'responsible' ? card.responsibleId : card.companyId;
    const key = raw && raw !== '0' ? raw : '';
    const title = mode === 'responsible' ? card.responsibleName : card.companyName;
    const lane = lanes.get(key) ?? { key, title: key === '' ? null : (title ?? key), cards: [] };
    lane.cards.push(card);
    lanes.set(key, lane);
  }
  return [...lanes.values()].sort((a, b) => {
    if (a.key === '' || b.key === '') return a.key === '' ? 1 : -1;
    return (a.title ?? '').localeCompare(b.title ?? '');
  });
}
