/** One stage: a region named by the stage title, with its count and hours; cards windowed. */
import { useContext, useRef, type CSSProperties, type KeyboardEvent } from 'react';
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import type { Stage } from '../../core/domain/model';
import { useI18n } from '../i18n/context';
import type { CardContext, CardView } from './card-view';
import { BoardKeysContext, useTabStop } from './board-focus';
import { Card, CARD_ROW } from './Card';
import { formatHours } from './format';
import { useVirtualWindow } from './use-virtual-window';
import { renderedIndices } from './virtual-window';
import type { WipState } from '../../core/domain/wip';
import { WipBadge, wipColumnClass } from './WipBadge';

export interface ColumnProps {
  containerId: string;
  stage: Stage;
  ids: string[];
  cardsById: ReadonlyMap<string, CardView>;
  ctx: CardContext;
  hours: number;
  folded: boolean;
  activeId: string | null;
  /** In swimlanes the whole board scrolls and cells are not windowed. */
  windowed: boolean;
  /** Only the first lane labels its columns as regions (one region per stage). */
  region: boolean;
  /** The column's WIP count and limit (the header shows them; over the limit the column turns red). */
  wip?: WipState;
  onFold?: (folded: boolean) => void;
}

function stageColor(stage: Stage): string {
  return /^[0-9a-f]{6}$/i.test(stage.color) ? `#${stage.color}` : 'var(--border)';
}

export function Column({ containerId, stage, ids, cardsById, ctx, hours, folded, activeId, windowed, region, wip, onFold }: ColumnProps) {
  const { t, language } = useI18n();
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const { setNodeRef, isOver } = useDroppable({ id: containerId, data: { containerId } });
  const range = useVirtualWindow(scrollRef, ids.length, CARD_ROW, windowed && !folded);
  const pinned = activeId ? ids.indexOf(activeId) : -1;
  // The Tab stop stays rendered even when scrolled out of the window, so Tab always finds it.
  const stop = useTabStop(containerId, ids);
  const keys = useContext(BoardKeysContext);
  const onFoldKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== 'ArrowDown' || !keys) return;
    event.preventDefault();
    keys.focusStop(containerId);
  };
  const count = t('board.column.cards', { n: ids.length });
  const accent = { '--stage-color': stageColor(stage) } as CSSProperties;
  const regionProps = region ? { role: 'region', 'aria-label': stage.title } : {};

  if (folded) {
    return (
      <section {...regionProps} ref={setNodeRef} data-container-id={containerId} className={`column column--folded${isOver ? ' column--over' : ''}${wipColumnClass(wip)}`} style={accent}>
        <button type="button" className="column__unfold" onClick={() => onFold?.(false)} aria-label={t('board.column.expand', { title: stage.title })} aria-expanded={false}>
          <span className="column__folded-title">{stage.title}</span>
          <span className="column__count">{ids.length}</span>
          <WipBadge wip={wip} />
        </button>
      </section>
    );
  }

  return (
    <section {...regionProps} data-container-id={containerId} className={`column${isOver ? ' column--over' : ''}${wipColumnClass(wip)}`} style={accent}>
      {region && (
        <header className="column__header">
          <h2 className="column__title">{stage.title}</h2>
          <span className="column__stats">
            <span className="column__count">{count}</span>
            {hours > 0 && <span className="column__hours">{t('board.column.hours', { hours: formatHours(hours, language) })}</span>}
            <WipBadge wip={wip} />
          </span>
          {onFold && (
            <button
              type="button"
              className="column__fold icon-button"
              // Out of the Tab order while the column has cards (one Tab stop per column): ArrowUp from the first card reaches it.
              tabIndex={stop ? -1 : 0}
              onKeyDown={onFoldKey}
              onClick={() => onFold(true)} aria-label={t('board.column.collapse', { title: stage.title })} aria-expanded={true}>
              ‹
            </button>
          )}
        </header>
      )}
      <div
        className="column__scroll"
        ref={(node) => {
          scrollRef.current = node;
          setNodeRef(node);
        }}
      >
        <SortableContext id={containerId} items={ids} strategy={verticalListSortingStrategy}>
          <div className="column__cards" style={windowed ? { height: range.totalHeight, position: 'relative' } : undefined}>
            {renderedIndices(range, pinned, stop?.index ?? -1).map((index) => {
              const id = ids[index];
              const card = id ? cardsById.get(id) : undefined;
              if (!card) return null;
              return <Card key={card.id} card={card} ctx={ctx} containerId={containerId} top={windowed ? index * CARD_ROW : null} tabbable={card.id === stop?.id} />;
            })}
          </div>
        </SortableContext>
        {ids.length === 0 && <p className="column__empty">{t('board.empty')}</p>}
      </div>
    </section>
  );
}
