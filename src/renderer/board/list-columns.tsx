/**
 * The list view's column definitions (header, cell) and its column chooser (issue 13). Client,
 * SLA and Оценка read what the card already derived (card-view, card-health), never recompute.
 */
import { useState } from 'react';
import { useI18n } from '../i18n/context';
import type { MessageKey } from '../i18n';
import { appStore, useAppStore } from '../store';
import { pult } from '../bridge';
import { slaAttention } from '../../core/domain/attention';
import { DEFAULT_LIST_COLUMNS, FIXED_LIST_COLUMNS, LIST_COLUMN_IDS, normaliseListColumns, type ListColumnId } from '../../core/domain/list-columns';
import type { CardContext, CardView } from './card-view';
import { useCardHealth } from './card-health';
import { DeadlineMark, HealthMarks, RowAttention, SlaMark } from './CardMarks';
import { GroupBadge } from './CardBody';
import { KindIcon } from './KindIcon';
import { TimerCell } from './TimerCell';
import { slaText } from '../shared-ui/sla-text';
import { formatNumber } from '../reports/report-format';
import './list-columns.css';

export const HEADER_KEYS: Record<ListColumnId, MessageKey | null> = {
  id: 'list.id',
  title: 'list.title',
  kind: 'list.kind',
  client: 'list.company',
  deadline: 'list.deadline',
  sla: 'listColumns.sla',
  estimate: 'listColumns.estimate',
  responsible: 'list.responsible',
  stage: 'list.stage',
  lu: null,
  wia: null,
};

export function useColumnLabel(): (column: ListColumnId) => string {
  const { t } = useI18n();
  return (column) => {
    const key = HEADER_KEYS[column];
    return key ? t(key) : column.toUpperCase();
  };
}

/** The SLA mark the card shows; while on track, the time left in muted text. */
function SlaCell({ card, ctx }: { card: CardView; ctx: CardContext }) {
  const { language } = useI18n();
  const health = useCardHealth(card, ctx);
  if (slaAttention(health.sla.state, health.done) !== 'none') return <SlaMark card={card} ctx={ctx} />;
  const text = !health.done && health.slaFocus ? slaText(health.slaFocus, ctx.settings.sla[card.kind].clock, language) : null;
  return text ? <span className="list__muted" title={text.long}>{text.short}</span> : <span className="list__muted">—</span>;
}

function EstimateCell({ card }: { card: CardView }) {
  const { language } = useI18n();
  return <>{card.estimateHours === null ? '—' : formatNumber(card.estimateHours, language)}</>;
}

export function ListCell({ column, card, ctx, combined = false }: { column: ListColumnId; card: CardView; ctx: CardContext; combined?: boolean }) {
  switch (column) {
    case 'id':
      return (
        <td className="list__id">
          <RowAttention card={card} ctx={ctx} />
          {card.id}
        </td>
      );
    case 'title':
      return <td className="list__title">{card.title}</td>;
    case 'kind':
      return (
        <td>
          <span className="list__marks">
            <KindIcon kind={card.kind} size={16} />
            <HealthMarks card={card} ctx={ctx} />
          </span>
        </td>
      );
    case 'client':
      return <td className="list__client">{card.companyName ?? '—'}</td>;
    case 'deadline':
      return (
        <td>
          <span className="list__marks">
            <DeadlineMark card={card} ctx={ctx} />
          </span>
        </td>
      );
    case 'sla':
      return (
        <td>
          <SlaCell card={card} ctx={ctx} />
        </td>
      );
    case 'estimate':
      return (
        <td className="list__num">
          <EstimateCell card={card} />
        </td>
      );
    case 'responsible':
      return <td>{card.responsibleName ?? '—'}</td>;
    case 'stage':
      return (
        <td>
          {card.stageTitle}
          {combined && (
            <span className="list__group">
              <GroupBadge card={card} ctx={ctx} />
            </span>
          )}
        </td>
      );
    case 'lu':
      return (
        <td>
          <TimerCell label="LU" titleKey="timer.lu" anchor={{ since: card.luSince, frozenSeconds: null, threshold: card.luThreshold }} />
        </td>
      );
    case 'wia':
      return (
        <td>
          <TimerCell label="WIA" titleKey="timer.wia" anchor={{ since: card.wiaStartedAt, frozenSeconds: card.wiaFrozenSeconds, threshold: card.wiaThreshold }} />
        </td>
      );
  }
}

/** The shown columns, from this workstation's settings (all of them until someone chooses). */
export function useListColumns(): ListColumnId[] {
  const chosen = useAppStore((state) => state.settings?.ui.listColumns);
  return chosen ? normaliseListColumns(chosen) : [...DEFAULT_LIST_COLUMNS];
}

/** The choice shows at once and is kept with this workstation's settings, as the card order is. */
function saveListColumns(columns: readonly ListColumnId[]): void {
  const { settings } = appStore.getState();
  if (!settings) return;
  const next = { ...settings, ui: { ...settings.ui, listColumns: normaliseListColumns(columns) } };
  appStore.setState({ settings: next });
  void pult.saveSettings(next).catch(() => undefined);
}

export function ListColumnChooser() {
  const { t } = useI18n();
  const label = useColumnLabel();
  const shown = useListColumns();
  const [open, setOpen] = useState(false);
  const toggle = (column: ListColumnId, on: boolean) => saveListColumns(on ? [...shown, column] : shown.filter((c) => c !== column));
  return (
    <div className="list__chooser">
      <button type="button" aria-expanded={open} aria-controls="list-columns" title={t('listColumns.chooseTitle')} onClick={() => setOpen(!open)}>
        {t('listColumns.choose')}
      </button>
      {open && (
        <fieldset id="list-columns" className="list__chooser-panel">
          <legend>{t('listColumns.chooseTitle')}</legend>
          {LIST_COLUMN_IDS.map((column) => (
            <label key={column}>
              <input type="checkbox" checked={shown.includes(column)} disabled={FIXED_LIST_COLUMNS.includes(column)} onChange={(event) => toggle(column, event.target.checked)} />
              {label(column)}
            </label>
          ))}
          <button type="button" onClick={() => saveListColumns(DEFAULT_LIST_COLUMNS)}>
            {t('listColumns.reset')}
          </button>
        </fieldset>
      )}
      <span className="list__muted">{t('listColumns.doneLast')}</span>
    </div>
  );
}
