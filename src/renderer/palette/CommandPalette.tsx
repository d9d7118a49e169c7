/**
 * Ctrl/Cmd+K: one box for actions and tasks (by id or title). Keyboard-first: type, ↑/↓ to
 * choose, Enter to run, Esc to close. A combobox over a listbox, as screen readers expect.
 */
import { useAppStore } from '../store';
import { useMemo, useState, type KeyboardEvent } from 'react';
import { pult } from '../bridge';
import { useI18n } from '../i18n/context';
import { useUiStore } from '../store/ui-store';
import { Dialog } from '../shared-ui/Dialog';
import { useStoreBoards } from '../store/use-boards';
import { fuzzyFilter } from './fuzzy';
import { paletteActions, paletteTasks, type PaletteContext, type PaletteItem } from './palette-items';
import { paletteTemplates } from './template-items';
import { useTemplateInsert } from '../drawer/template-insert';
import './palette.css';

export interface CommandPaletteProps {
  /** Switches the board to another bound group (the board store owns which one is shown). */
  onSwitchGroup?: (groupId: string) => void;
}

export function CommandPalette({ onSwitchGroup }: CommandPaletteProps = {}) {
  const open = useUiStore((state) => state.paletteOpen);
  const setOpen = useUiStore((state) => state.setPaletteOpen);
  const { t } = useI18n();
  if (!open) return null;
  return (
    <Dialog variant="top" label={t('palette.label')} onClose={() => setOpen(false)} className="palette">
      <PaletteBody onSwitchGroup={onSwitchGroup} />
    </Dialog>
  );
}

const NO_GROUPS: string[] = [];

function PaletteBody({ onSwitchGroup }: CommandPaletteProps) {
  const { t, language } = useI18n();
  const ui = useUiStore();
  const settings = useAppStore((state) => state.settings);
  const groups = useAppStore((state) => state.groups);
  const boards = useStoreBoards(settings?.groupIds ?? NO_GROUPS);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);

  const ctx: PaletteContext = {
    t,
    settings,
    groups: groups ?? [],
    boards,
    prefersDark: window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false,
    language,
    go: {
      create: () => ui.setCreateOpen(true),
      screen: (screen) => {
        ui.selectTask(null);
        ui.setScreen(screen);
      },
      help: () => ui.setHelpOpen(true),
      queue: () => ui.setQueuePanelOpen(true),
      syncNow: () => pult.syncNow(),
      saveUi: async (patch) => {
        if (!settings) return;
        const result = await pult.saveSettings({ ...settings, ui: { ...settings.ui, ...patch } });
        if (!result.ok) throw new Error(result.error);
      },
      openTask: (taskId) => ui.selectTask(taskId),
      switchGroup: onSwitchGroup
        ? (groupId) => {
            ui.selectTask(null);
            ui.setScreen('board');
            onSwitchGroup(groupId);
          }
        : undefined,
    },
  };
  const actions = [...paletteActions(ctx), ...paletteTemplates(settings?.replyTemplates ?? [], ui.selectedTaskId, t, (taskId, index) => useTemplateInsert.getState().ask({ taskId, index }))];
  const tasks = useMemo(() => paletteTasks({ ...ctx, boards }), [boards]); // eslint-disable-line react-hooks/exhaustive-deps
  const shownActions = fuzzyFilter(actions, query, query ? 6 : actions.length);
  const shownTasks = query.trim() ? fuzzyFilter(tasks, query, 30) : [];
  const results: PaletteItem[] = [...shownActions, ...shownTasks];
  // A task ID typed exactly goes first, before any action that happens to match the digits.
  if (shownTasks[0]?.taskId === query.trim().replace(/^#/, '')) results.unshift(...results.splice(shownActions.length, 1));
  const current = Math.min(active, Math.max(results.length - 1, 0));

  const run = async (item: PaletteItem | undefined) => {
    if (!item) return;
    ui.setPaletteOpen(false);
    try {
      await item.run();
    } catch (failure) {
      // The palette is closed by now: reopen it with the reason rather than fail silently.
      setError(t('palette.error', { message: (failure as Error).message }));
      ui.setPaletteOpen(true);
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (step && results.length) {
      event.preventDefault();
      setActive((current + step + results.length) % results.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      void run(results[current]);
    }
  };

  return (
    <>
      <input
        data-autofocus
        className="palette__input"
        role="combobox"
        aria-expanded="true"
        aria-controls="palette-results"
        aria-activedescendant={results[current] ? `palette-${results[current].id}` : undefined}
        aria-label={t('palette.label')}
        placeholder={t('palette.placeholder')}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
          setError(null);
        }}
        onKeyDown={onKeyDown}
      />
      {error && (
        <p role="alert" className="palette__error">
          {error}
        </p>
      )}
      <ul id="palette-results" role="listbox" aria-label={t('palette.label')} className="palette__results">
        {results.length === 0 && <li className="palette__empty">{t('palette.empty')}</li>}
        {results.map((item, index) => (
          <li
            key={item.id}
            id={`palette-${item.id}`}
            role="option"
            aria-selected={index === current}
            className={`palette__item palette__item--${item.section}`}
            onMouseMove={() => index !== current && setActive(index)}
            onClick={() => void run(item)}
          >
            <span className="palette__section">{t(item.section === 'tasks' ? 'palette.section.tasks' : 'palette.section.actions')}</span>
            <span className="palette__label">{item.label}</span>
            {item.hint && <span className="palette__hint">{item.hint}</span>}
          </li>
        ))}
      </ul>
    </>
  );
}
