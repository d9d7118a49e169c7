/**
 * Swimlanes: a header row of column titles (sticky at the top) over lanes of cells. The header and
 * every lane use one set of grid tracks, and all scroll in one container, so columns line up and
 * move together horizontally; lane titles stay at the left.
 */
import { useLayoutEffect, useRef, type CSSProperties, type RefObject } from 'react';
import { useI18n } from '../i18n/context';
import type { BoardModel } from './board-model';
import type { CardView } from './card-view';
import { Column } from './Column';
import { WipBadge, wipColumnClass } from './WipBadge';
import type { Containers } from './drop-intent';
import { formatHours } from './format';
import { laneTracks, type LaneLayout } from './layout';

interface Props {
  model: BoardModel;
  lanes: LaneLayout[];
  containers: Containers;
  cardsById: ReadonlyMap<string, CardView>;
  activeId: string | null;
  folded: (column: BoardModel['columns'][number]) => boolean;
  onFold: (stageId: string, folded: boolean) => void;
}

export function Lanes({ model, lanes, containers, cardsById, activeId, folded, onFold }: Props) {
  const { t, language } = useI18n();
  const boardRef = useRef<HTMLDivElement | null>(null);
  const headerRef = useRef<HTMLDivElement | null>(null);
  useStickyHeaderPadding(boardRef, headerRef);
  const tracks = { '--lane-tracks': laneTracks(model.columns.map(folded)) } as CSSProperties;
  return (
    <div className="board board--lanes" style={tracks} ref={boardRef}>
      <div className="lanes__header" ref={headerRef}>
        {model.columns.map((column) => {
          const isFolded = folded(column);
          return (
            <div key={column.stage.id} className={`lanes__stage${isFolded ? ' lanes__stage--folded' : ''}${wipColumnClass(column.wip)}`}>
              {isFolded ? (
                // A folded column's title stands upright in every lane below; the header keeps to one line.
                <button type="button" className="lanes__stage-button" onClick={() => onFold(column.stage.id, false)} aria-expanded={false} aria-label={t('board.column.expand', { title: column.stage.title })} title={column.stage.title}>
                  ›
                </button>
              ) : (
                <button type="button" className="lanes__stage-button" onClick={() => onFold(column.stage.id, true)} aria-expanded={true}>
                  {column.stage.title}
                </button>
              )}
              <span className="lanes__stats">
                <span className="column__count">{isFolded ? column.cards.length : t('board.column.cards', { n: column.cards.length })}</span>
                <WipBadge wip={column.wip} />
                {!isFolded && column.hours > 0 && <span className="column__hours">{t('board.column.hours', { hours: formatHours(column.hours, language) })}</span>}
              </span>
            </div>
          );
        })}
      </div>
      {lanes.map((lane) => (
        <section key={lane.key} className="lane" aria-label={lane.title ?? t('board.lane.none')}>
          <h3 className="lane__title">
            {lane.title ?? t('board.lane.none')} <span className="lane__count">{lane.count}</span>
          </h3>
          <div className="lane__cells">
            {model.columns.map((column) => {
              const id = lane.containerOf.get(column.stage.id) ?? '';
              return (
                <Column
                  key={id}
                  containerId={id}
                  stage={column.stage}
                  ids={containers[id] ?? []}
                  cardsById={cardsById}
                  ctx={model.ctx}
                  hours={0}
                  folded={folded(column)}
                  activeId={activeId}
                  windowed={false}
                  region={false}
                  wip={column.wip}
                />
              );
            })}
          </div>
        </section>
      ))}
    </div>
  );
}

/** Cards scrolled into view (keyboard focus) stop below the sticky header, not under it. */
function useStickyHeaderPadding(board: RefObject<HTMLElement | null>, header: RefObject<HTMLElement | null>) {
  useLayoutEffect(() => {
    const head = header.current;
    const scroller = board.current;
    if (!head || !scroller) return;
    const update = () => scroller.style.setProperty('scroll-padding-top', `${head.offsetHeight + 8}px`);
    update();
    const observer = new ResizeObserver(update);
    observer.observe(head);
    return () => observer.disconnect();
  }, [board, header]);
}
