/** The agent's main screen: the top bar, filters, and the board or the list of the active group. */
import { useState } from 'react';
import { useI18n } from '../i18n/context';
import { useAppStore } from '../store';
import { useUiStore } from '../store/ui-store';
import { Board } from '../board/Board';
import { FilterBar } from '../board/FilterBar';
import { ListView } from '../board/ListView';
import { useBoardModel } from '../board/use-board-model';
import { TopBar } from './TopBar';

export function BoardScreen() {
  const { t } = useI18n();
  const [filtersOpen, setFiltersOpen] = useState(false);
  const screen = useUiStore((state) => state.screen);
  const boardError = useAppStore((state) => state.boardError);
  const hasGroups = useAppStore((state) => (state.settings?.groupIds.length ?? 0) > 0);
  const model = useBoardModel();
  return (
    <>
      <TopBar filtersOpen={filtersOpen} onToggleFilters={() => setFiltersOpen((open) => !open)} />
      {filtersOpen && model && <FilterBar model={model} />}
      <main className="workspace">
        {!hasGroups ? (
          <p className="workspace__message">{t('board.noGroups')}</p>
        ) : !model ? (
          boardError ? (
            <p role="alert" className="workspace__message">{t('error.load', { message: boardError })}</p>
          ) : (
            <p className="workspace__message">{t('board.loading')}</p>
          )
        ) : screen === 'list' ? (
          <ListView model={model} />
        ) : (
          <Board model={model} />
        )}
      </main>
    </>
  );
}
