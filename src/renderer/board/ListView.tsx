/** The seed's classic list: id, title, kind, deadline, responsible, stage, LU, WIA; sortable, windowed. */
import { useMemo, useRef } from 'react';
import { GroupBadge } from './CardBody';
import { useI18n } from '../i18n/context';
import type { MessageKey } from '../i18n';
import { appStore, useAppStore } from '../store';
import { portalNow } from '../store/clock-store';
import { useUiStore } from '../store/ui-store';
import type { BoardModel } from './board-model';
import { DeadlineMark, HealthMarks, RowAttention, SlaMark } from './CardMarks';
import { KindIcon } from './KindIcon';
import { LIST_COLUMNS, sortCards, type ListColumn } from './sorting';
import { TimerCell } from './TimerCell';
import { useVirtualWindow } from './use-virtual-window';

const ROW_HEIGHT = 40;

const HEADER_KEYS: Record<ListColumn, MessageKey> = {
  id: 'list.id',
  title: 'list.title',
  kind: 'list.kind',
  deadline: 'list.deadline',
  responsible: 'list.responsible',
  stage: 'list.stage',
  lu: 'timer.lu',
  wia: 'timer.wia',
};

export function ListView({ model }: { model: BoardModel }) {
  const { t } = useI18n();
  const sort = useAppStore((state) => state.listSort);
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const rows = useMemo(() => {
    const stageOrder = new Map(model.columns.map((column, index) => [column.stage.id, index]));
    return sortCards(model.visible, sort, portalNow(), stageOrder);
  }, [model, sort]);
  const range = useVirtualWindow(scrollRef, rows.length, ROW_HEIGHT);
  const open = (id: string) => useUiStore.getState().selectTask(id);

  return (
    <div className="list" ref={scrollRef}>
      <table className="list__table" aria-rowcount={rows.length + 1}>
        <thead>
          <tr>
            {LIST_COLUMNS.map((column) => {
              const label = column === 'lu' ? 'LU' : column === 'wia' ? 'WIA' : t(HEADER_KEYS[column]);
              const sorted = sort.column === column;
              return (
                <th key={column} className={`list__th list__th--${column}`} aria-sort={sorted ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
                  <button type="button" className="list__sort" onClick={() => appStore.getState().sortListBy(column)} title={t('list.sort', { column: label })}>
                    {label}
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
              <td className="list__id">
                <RowAttention card={card} ctx={model.ctx} />
                {card.id}
              </td>
              <td className="list__title">{card.title}</td>
              <td>
                <span className="list__marks">
                  <KindIcon kind={card.kind} size={16} />
                  <HealthMarks card={card} ctx={model.ctx} />
                </span>
              </td>
              <td>
                <span className="list__marks">
                  <DeadlineMark card={card} ctx={model.ctx} />
                  <SlaMark card={card} ctx={model.ctx} />
                </span>
              </td>
              <td>{card.responsibleName ?? '—'}</td>
              <td>
                {card.stageTitle}
                {model.combined && <span className="list__group"><GroupBadge card={card} ctx={model.ctx} /></span>}
              </td>
              <td>
                <TimerCell label="LU" titleKey="timer.lu" anchor={{ since: card.luSince, frozenSeconds: null, threshold: card.luThreshold }} />
              </td>
              <td>
                <TimerCell label="WIA" titleKey="timer.wia" anchor={{ since: card.wiaStartedAt, frozenSeconds: card.wiaFrozenSeconds, threshold: card.wiaThreshold }} />
              </td>
            </tr>
          ))}
          {range.end < rows.length && <tr aria-hidden="true" style={{ height: (rows.length - range.end) * ROW_HEIGHT }} />}
        </tbody>
      </table>
    </div>
  );
}
