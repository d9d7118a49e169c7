/**
 * The board's top bar: the brand, groups and the way to reports, wallboard and settings on one row;
 * the board's own tools (view, search, swimlanes, order, filters, new request) on the row below.
 */
import { useShallow } from 'zustand/react/shallow';
import { useI18n } from '../i18n/context';
import { appStore, useAppStore } from '../store';
import { useUiStore } from '../store/ui-store';
import { activeFilterCount } from '../board/filters';
import type { SwimlaneMode } from '../board/swimlanes';
import { CARD_ORDERS, type CardOrder } from '../../core/domain/kinds-and-roles';
import { pult } from '../bridge';
import { ALL_GROUPS, ALL_GROUPS_ORDER_KEY } from '../board/combined-model';

/** Where the active board keeps its card order in `ui.cardOrder`. */
const orderKeyOf = (activeGroupId: string | null) => (activeGroupId === ALL_GROUPS ? ALL_GROUPS_ORDER_KEY : activeGroupId);

function GroupSwitcher() {
  const { t } = useI18n();
  const { groupIds, groups, activeGroupId } = useAppStore(
    useShallow((state) => ({ groupIds: state.settings?.groupIds ?? [], groups: state.groups, activeGroupId: state.activeGroupId })),
  );
  const nameOf = (id: string) => groups.find((group) => group.id === id)?.name ?? `#${id}`;
  return (
    <ul className="groups-switch" aria-label={t('board.groups')}>
      {groupIds.length > 1 && (
        <li>
          <button type="button" className="groups-switch__button groups-switch__button--all" aria-pressed={activeGroupId === ALL_GROUPS} onClick={() => void appStore.getState().selectGroup(ALL_GROUPS)}>
            {t('allBoard.tab')}
          </button>
        </li>
      )}
      {groupIds.map((id) => (
        <li key={id}>
          <button type="button" className="groups-switch__button" aria-pressed={id === activeGroupId} onClick={() => void appStore.getState().selectGroup(id)}>
            {nameOf(id)}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** The chosen order shows at once and is kept with this workstation's settings, per board. */
function chooseCardOrder(order: CardOrder): void {
  const { settings, activeGroupId } = appStore.getState();
  const key = orderKeyOf(activeGroupId);
  if (!settings || !key) return;
  const next = { ...settings, ui: { ...settings.ui, cardOrder: { ...settings.ui.cardOrder, [key]: order } } };
  appStore.setState({ settings: next });
  void pult.saveSettings(next).catch(() => undefined);
}

function CardOrderSelect() {
  const { t } = useI18n();
  const order = useAppStore((state) => {
    const key = orderKeyOf(state.activeGroupId);
    return (key ? state.settings?.ui.cardOrder[key] : undefined) ?? 'board';
  });
  return (
    <select aria-label={t('board.order')} value={order} onChange={(event) => chooseCardOrder(event.target.value as CardOrder)}>
      {CARD_ORDERS.map((value) => (
        <option key={value} value={value}>
          {t(`board.order.${value}`)}
        </option>
      ))}
    </select>
  );
}

export function TopBar({ filtersOpen, onToggleFilters }: { filtersOpen: boolean; onToggleFilters: () => void }) {
  const { t } = useI18n();
  const screen = useUiStore((state) => state.screen);
  const { search, swimlanes, filterCount, connection, shell } = useAppStore(
    useShallow((state) => ({ search: state.search, swimlanes: state.swimlanes, filterCount: activeFilterCount(state.filters), connection: state.appInfo?.connection ?? null, shell: state.appInfo?.shell ?? null })),
  );
  return (
    <header className="topbar">
      <div className="topbar__row">
        <div className="topbar__brand">
          <span className="topbar__logo" aria-hidden="true">P</span>
          <span className="topbar__name">{t('app.title')}</span>
          {connection && <span className="topbar__portal" title={connection.portalUrl}>{t(`connection.${connection.kind}`)}</span>}
        </div>
        <GroupSwitcher />
        <nav className="topbar__nav" aria-label={t('nav.label')}>
          <button type="button" onClick={() => useUiStore.getState().setScreen('reports')}>
            {t('nav.reports')}
          </button>
          {shell === 'browser' && (
            // The desktop app opens its wallboard window from the tray; a browser opens it in a tab.
            <a className="button" href={`wallboard${location.search}`} target="_blank" rel="noopener noreferrer" title={t('nav.wallboard.hint')}>
              {t('nav.wallboard')}
            </a>
          )}
          <button type="button" className="icon-button" aria-label={t('nav.settings')} title={t('nav.settings')} onClick={() => useUiStore.getState().setScreen('settings')}>
            <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.8">
              <circle cx="12" cy="12" r="3" />
              <path d="M12 2.5v3M12 18.5v3M2.5 12h3M18.5 12h3M5.3 5.3l2.1 2.1M16.6 16.6l2.1 2.1M5.3 18.7l2.1-2.1M16.6 7.4l2.1-2.1" strokeLinecap="round" />
            </svg>
          </button>
        </nav>
      </div>
      <div className="topbar__tools">
        <div className="segmented" role="group" aria-label={t('board.view')}>
          <button type="button" aria-pressed={screen !== 'list'} onClick={() => useUiStore.getState().setScreen('board')}>
            {t('board.view.board')}
          </button>
          <button type="button" aria-pressed={screen === 'list'} onClick={() => useUiStore.getState().setScreen('list')}>
            {t('board.view.list')}
          </button>
        </div>
        <input type="search" className="search" placeholder={t('board.search')} aria-label={t('board.search')} value={search} onChange={(event) => appStore.getState().setSearch(event.target.value)} />
        {screen !== 'list' && (
          <select aria-label={t('board.swimlanes')} value={swimlanes} onChange={(event) => appStore.getState().setSwimlanes(event.target.value as SwimlaneMode)}>
            <option value="none">{t('board.swimlanes.none')}</option>
            <option value="responsible">{t('board.swimlanes.responsible')}</option>
            <option value="company">{t('board.swimlanes.company')}</option>
          </select>
        )}
        {screen !== 'list' && <CardOrderSelect />}
        <button type="button" aria-expanded={filtersOpen} onClick={onToggleFilters} className={filterCount > 0 ? 'button--active' : ''}>
          {t('board.filters')}
          {filterCount > 0 && <span className="badge">{filterCount}</span>}
        </button>
        <button type="button" className="button--primary" onClick={() => useUiStore.getState().setCreateOpen(true)}>
          + {t('nav.create')}
        </button>
      </div>
    </header>
  );
}
