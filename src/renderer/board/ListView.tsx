/** The seed's classic list: any of the columns in list-columns.tsx, sortable, windowed; finished tasks last. */
import { useMemo, useRef } from 'react';
import { useI18n } from '../i18n/context';
import { appStore, useAppStore } from '../store';
import { portalNow } from '../store/clock-store';
import { useUiStore } from '../store/ui-store';
import type { BoardModel } from './board-model';
import { sortCards } from './sorting';
import { ListCell, ListColumnChooser, useColumnLabel, useListColumns } from './list-columns';
import { useVirtualWindow } from './use-virtual-window';

const ROW_HEIGHT = 40;

export function ListView({ model }: { model: BoardModel }) {
  const { t } = useI18n();
  const sort = useAppStore((state) => state.listSort);
  const columns = useListColumns();
  const label = useColumnLabel();
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const rows = useMemo(() => {
    const stageOrder = new Map(model.columns.map((column, index) => [column.stage.id, index]));
    return sortCards(model.visible, sort, portalNow(), stageOrder, model.ctx);
  }, [model, sort]);
  const range = useVirtualWindow(scrollRef, rows.length, ROW_HEIGHT);
  const open = (id: string) => useUiStore.getState().selectTask(id);

  return (
    <div className="list" ref={scrollRef}>
      <ListColumnChooser />
      <table className="list__table" aria-rowcount={rows.length + 1}>
        <thead>
          <tr>
            {columns.map((column) => {
              const sorted = sort.column === column;
              return (
                <th key={column} className={`list__th list__th--${column}`} aria-sort={sorted ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
                  <button type="button" className="list__sort" onClick={() => appStore.getState().sortListBy(column)} title={t('list.sort', { column: label(column) })}>
                    {label(column)}
                    <span aria-hidden="true" className="list__arrow">{sorted ? (sort.direction === 'asc' ? '▲' : '▼') : ''}</span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {range.start > 0 && <tr aria-hidden="true" style={{ height: range.start * ROW_HEIGHT }} />}
          {rows.slice(range.start, range.end).map((card, offset) => (
            <tr
              key={card.id}
              className="list__row"
              tabIndex={0}
              aria-rowindex={range.start + offset + 2}
              onClick={() => open(card.id)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') open(card.id);
              }}
            >
              {columns.map((column) => (
                <ListCell key={column} column={column} card={card} ctx={model.ctx} combined={model.combined !== null} />
              ))}
            </tr>
          ))}
          {range.end < rows.length && <tr aria-hidden="true" style={{ height: (rows.length - range.end) * ROW_HEIGHT }} />}
        </tbody>
      </table>
    </div>
  );
}
