/**
 * A draggable card: mouse or keyboard (Space lifts, arrows move, Space drops, Esc cancels); Enter
 * or a click opens it. Not lifted, arrows move the focus (roving: one Tab stop per column).
 */
import { memo, type CSSProperties, type KeyboardEvent } from 'react';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useUiStore } from '../store/ui-store';
import { useI18n } from '../i18n/context';
import type { CardContext, CardView } from './card-view';
import { CardBody, healthId } from './CardBody';
import { useCardHealth } from './card-health';
import { useCardKeys } from './board-focus';

export const CARD_HEIGHT = 142;
export const CARD_GAP = 8;
export const CARD_ROW = CARD_HEIGHT + CARD_GAP;

interface CardProps {
  card: CardView;
  ctx: CardContext;
  containerId: string;
  /** Absolute top within the virtualized column; null when the column is not windowed. */
  top: number | null;
  /** The column's one Tab stop. */
  tabbable: boolean;
}

export const Card = memo(function Card({ card, ctx, containerId, top, tabbable }: CardProps) {
  const { t } = useI18n();
  // dnd-kit says "sortable" to screen readers unless told otherwise.
  const { attributes, listeners, setNodeRef, transform, transition, isDragging, isSorting } = useSortable({ id: card.id, data: { containerId }, attributes: { roleDescription: t('dnd.roleDescription') } });
  const style: CSSProperties = {
    transform: CSS.Translate.toString(transform),
    transition,
    ...(top !== null ? { position: 'absolute', top, left: 0, right: 0 } : {}),
  };
  const attention = useCardHealth(card, ctx).attention;
  const open = () => useUiStore.getState().selectTask(card.id);
  const keys = useCardKeys(containerId, card.id, isSorting);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (keys.onKeyDown(event)) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      open();
      return;
    }
    listeners?.onKeyDown?.(event);
  };
  const classes = ['card', `card--${card.kind}`, isDragging ? 'card--dragging' : '', card.conflicted || card.failedEdits > 0 ? 'card--trouble' : '', card.pendingEdits > 0 ? 'card--pending' : '', attention === 'act' ? 'card--act' : ''];
  return (
    <div
      ref={setNodeRef}
      style={style}
      className={classes.filter(Boolean).join(' ')}
      {...attributes}
      {...listeners}
      tabIndex={tabbable ? 0 : -1}
      onKeyDown={onKeyDown}
      onFocus={keys.onFocus}
      onClick={open}
      aria-label={`${card.id} ${card.title}`}
      data-task-id={card.id}
      // The card's own marks in words, then dnd-kit's keyboard instructions.
      aria-describedby={[healthId(card), attributes['aria-describedby']].filter(Boolean).join(' ')}
      data-attention={attention}
    >
      <CardBody card={card} ctx={ctx} />
    </div>
  );
});
