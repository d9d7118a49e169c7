/** Filters: kind, responsible, client, Тип, stopper, overdue, forgotten, mine, my groups. */
import { useMemo } from 'react';
import { CARD_KINDS } from '../../core/domain/kinds-and-roles';
import { useI18n } from '../i18n/context';
import type { MessageKey } from '../i18n';
import { appStore, useAppStore } from '../store';
import type { BoardModel } from './board-model';
import { filterOptions, type Option } from './filter-options';
import type { BoardFilters } from './filters';

type SelectKey = 'responsibleId' | 'companyId' | 'typeId' | 'blockerId';

function FilterSelect({ name, labelKey, value, options, extra }: { name: SelectKey; labelKey: MessageKey; value: string | null; options: Option[]; extra?: Option }) {
  const { t } = useI18n();
  return (
    <label className="filter">
      <span className="filter__label">{t(labelKey)}</span>
      <select aria-label={t(labelKey)} value={value ?? ''} onChange={(event) => appStore.getState().setFilter(name, event.target.value || null)}>
        <option value="">{t('board.filter.any')}</option>
        {extra && <option value={extra.value}>{extra.label}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

function Toggle({ name, labelKey, hintKey, pressed }: { name: 'overdue' | 'forgotten' | 'mine' | 'myGroups'; labelKey: MessageKey; hintKey?: MessageKey; pressed: boolean }) {
  const { t } = useI18n();
  return (
    <button type="button" className="toggle" aria-pressed={pressed} title={hintKey ? t(hintKey) : undefined} onClick={() => appStore.getState().setFilter(name, !pressed)}>
      {t(labelKey)}
    </button>
  );
}

export function FilterBar({ model }: { model: BoardModel }) {
  const { t } = useI18n();
  const filters: BoardFilters = useAppStore((state) => state.filters);
  const options = useMemo(() => filterOptions(model.all), [model.all]);
  return (
    <div className="filterbar" role="group" aria-label={t('board.filters')}>
      <label className="filter">
        <span className="filter__label">{t('board.filter.kind')}</span>
        <select aria-label={t('board.filter.kind')} value={filters.kind ?? ''} onChange={(event) => appStore.getState().setFilter('kind', (event.target.value || null) as BoardFilters['kind'])}>
          <option value="">{t('board.filter.any')}</option>
          {CARD_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kind.${kind}`)}
            </option>
          ))}
        </select>
      </label>
      <FilterSelect name="responsibleId" labelKey="board.filter.responsible" value={filters.responsibleId} options={options.responsible} />
      <FilterSelect name="companyId" labelKey="board.filter.company" value={filters.companyId} options={options.company} />
      <FilterSelect name="typeId" labelKey="board.filter.type" value={filters.typeId} options={options.type} />
      <FilterSelect name="blockerId" labelKey="board.filter.blocker" value={filters.blockerId} options={options.blocker} extra={{ value: 'any', label: t('board.filter.blocker.any') }} />
      <Toggle name="overdue" labelKey="board.filter.overdue" pressed={filters.overdue} />
      <Toggle name="forgotten" labelKey="board.filter.forgotten" pressed={filters.forgotten} />
      <Toggle name="mine" labelKey="board.filter.mine" hintKey="board.filter.mine.hint" pressed={filters.mine} />
      <Toggle name="myGroups" labelKey="board.filter.myGroups" hintKey="board.filter.myGroups.hint" pressed={filters.myGroups} />
      <button type="button" className="link-button" onClick={() => appStore.getState().resetFilters()}>
        {t('board.filter.reset')}
      </button>
      <span className="filterbar__shown">{t('board.filter.shown', { n: model.visible.length, total: model.total })}</span>
    </div>
  );
}
