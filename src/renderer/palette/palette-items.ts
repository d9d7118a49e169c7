/** What the palette offers: actions (navigate, create, sync, theme, language, groups) and tasks. */
import type { BoardSnapshot, GroupSummary } from '../../shared/api';
import type { Settings } from '../../core/domain/settings';
import type { MessageKey } from '../i18n';
import type { Searchable } from './fuzzy';

export interface PaletteItem extends Searchable {
  section: 'actions' | 'tasks';
  /** Shown at the right: a shortcut, a stage, … */
  hint?: string;
  run(): void | Promise<void>;
}

export interface PaletteContext {
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
  settings: Settings | null;
  groups: readonly GroupSummary[];
  boards: readonly (BoardSnapshot | null)[];
  prefersDark: boolean;
  language: 'ru' | 'en';
  go: {
    create(): void;
    screen(screen: 'board' | 'list' | 'settings' | 'reports'): void;
    help(): void;
    queue(): void;
    syncNow(): Promise<void>;
    saveUi(ui: Partial<Settings['ui']>): Promise<void>;
    openTask(taskId: string): void;
    switchGroup?: ((groupId: string) => void) | undefined;
  };
}

/** The theme after a toggle: "system" flips relative to what the OS shows now. */
export function toggledTheme(theme: Settings['ui']['theme'], prefersDark: boolean): 'light' | 'dark' {
  const dark = theme === 'dark' || (theme === 'system' && prefersDark);
  return dark ? 'light' : 'dark';
}

export function paletteActions(ctx: PaletteContext): PaletteItem[] {
  const { t, go } = ctx;
  const action = (id: string, label: MessageKey, keywords: string, run: () => void | Promise<void>, hint?: string): PaletteItem => ({
    id: `action:${id}`,
    section: 'actions',
    label: t(label),
    keywords,
    run,
    ...(hint ? { hint } : {}),
  });
  const items: PaletteItem[] = [
    action('create', 'palette.action.create', 'new request create task новая заявка создать', go.create, 'N'),
    action('board', 'palette.action.board', 'board kanban доска канбан', () => go.screen('board')),
    action('list', 'palette.action.list', 'list table список таблица', () => go.screen('list')),
    action('settings', 'palette.action.settings', 'settings preferences настройки параметры', () => go.screen('settings')),
    action('reports', 'palette.action.reports', 'reports plan fact отчёты план факт', () => go.screen('reports')),
    action('sync', 'palette.action.sync', 'sync refresh синхронизация обновить', go.syncNow),
    action('queue', 'palette.action.queue', 'queue outbox pending очередь правки', go.queue),
    action('theme', 'palette.action.theme', 'theme dark light тема тёмная светлая', () => go.saveUi({ theme: toggledTheme(ctx.settings?.ui.theme ?? 'system', ctx.prefersDark) })),
    action('language', 'palette.action.language', 'language язык english русский', () => go.saveUi({ language: ctx.language === 'ru' ? 'en' : 'ru' })),
    action('help', 'palette.action.help', 'help shortcuts keys справка клавиши', go.help, '?'),
  ];
  const switchGroup = go.switchGroup;
  if (switchGroup && ctx.settings && ctx.settings.groupIds.length > 1) {
    for (const groupId of ctx.settings.groupIds) {
      const name = ctx.groups.find((group) => group.id === groupId)?.name ?? `#${groupId}`;
      items.push({ id: `group:${groupId}`, section: 'actions', label: t('palette.action.group', { name }), keywords: 'group switch группа переключить', run: () => switchGroup(groupId) });
    }
  }
  return items;
}

export function paletteTasks(ctx: PaletteContext): PaletteItem[] {
  return ctx.boards.flatMap((board) => {
    if (!board) return [];
    const stageTitle = new Map(board.stages.map((stage) => [stage.id, stage.title]));
    return board.cards.map((card) => ({
      id: `task:${card.id}`,
      section: 'tasks' as const,
      taskId: card.id,
      label: `#${card.id} ${card.title}`,
      hint: stageTitle.get(card.stageId) ?? board.stages[0]?.title ?? '',
      run: () => ctx.go.openTask(card.id),
    }));
  });
}
