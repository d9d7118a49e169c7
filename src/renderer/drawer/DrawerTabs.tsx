/** Comments, time records and history as tabs (arrow keys move between tabs). */
import { useEffect, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n/context';
import type { DrawerData } from './drawer-data';
import { CommentsPanel } from './CommentsPanel';
import { TimePanel } from './TimePanel';
import { HistoryPanel } from './HistoryPanel';
import { useTemplateInsert } from './template-insert';

const TABS = ['comments', 'time', 'history'] as const;
type Tab = (typeof TABS)[number];

export function DrawerTabs({ data }: { data: DrawerData }) {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>('comments');
  // A template asked for from the palette goes into the comment box: show it.
  useEffect(() => useTemplateInsert.subscribe((state) => state.request && setTab('comments')), []);
  const { details, queued } = data;
  const pending = (name: 'addComment' | 'logTime') => queued.filter((edit) => edit.payload.name === name).length;
  const counts: Record<Tab, number> = {
    comments: details.comments.length + pending('addComment'),
    time: details.elapsed.length + pending('logTime'),
    history: details.history.length,
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const next = TABS[(TABS.indexOf(tab) + step + TABS.length) % TABS.length]!;
    setTab(next);
    document.getElementById(`drawer-tab-${next}`)?.focus();
  };
  return (
    <section className="drawer__tabs">
      <div role="tablist" className="tabs" onKeyDown={onKeyDown}>
        {TABS.map((name) => (
          <button
            key={name}
            id={`drawer-tab-${name}`}
            type="button"
            role="tab"
            aria-selected={tab === name}
            aria-controls={`drawer-panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            className="tabs__tab"
            onClick={() => setTab(name)}
          >
            {t(`drawer.tab.${name}`, { n: counts[name] })}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`drawer-panel-${tab}`} aria-labelledby={`drawer-tab-${tab}`} className="tabs__panel">
        {tab === 'comments' && <CommentsPanel data={data} />}
        {tab === 'time' && <TimePanel data={data} />}
        {tab === 'history' && <HistoryPanel data={data} />}
      </div>
    </section>
  );
}
