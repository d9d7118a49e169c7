/**
 * The three lists a lead scans from across the room: the cards longest in work, forgotten tasks
 * and SLA problems. Each shows the first few and says how many more there are.
 */
import type { User } from '../../core/domain/model';
import { formatDuration } from '../../core/domain/durations';
import { useI18n } from '../i18n/context';
import { formatSlaSpan, slaText } from '../shared-ui/sla-text';
import type { GroupView, SlaItem, WallboardItem } from './wallboard-model';

/** What fits a 1080p screen at wallboard type sizes. */
export const LIST_LIMIT = 5;

function personName(users: readonly User[], id: string): string | null {
  const user = users.find((candidate) => candidate.id === id);
  if (!user) return null;
  return [user.name, user.lastName].filter(Boolean).join(' ') || null;
}

interface ListProps {
  title: string;
  empty: string;
  items: readonly WallboardItem[];
  users: readonly User[];
  tone: 'work' | 'forgotten' | 'sla';
  /** The total matters for forgotten and SLA; "longest in work" is a top list. */
  showCount?: boolean;
  describe: (item: WallboardItem) => string;
  /** A second, smaller line under the time (the SLA target). */
  detail?: (item: WallboardItem) => string;
  /** The full words for the item (title and screen readers). */
  explain?: (item: WallboardItem) => string;
  /** A line under the title (the SLA split into breached and at risk). */
  summary?: string;
}

function ItemList({ title, empty, items, users, tone, showCount = true, describe, detail, explain, summary }: ListProps) {
  const { t } = useI18n();
  const shown = items.slice(0, LIST_LIMIT);
  const loudest = items.some((item) => item.tone === 'act') ? 'act' : items.length > 0 ? 'warn' : 'none';
  return (
    <section className={`wallboard__panel wallboard__panel--${tone}`}>
      <h2 className="wallboard__panel-title">
        {title} {showCount && <span className={`wallboard__panel-count wallboard__panel-count--${loudest}`}>{items.length}</span>}
      </h2>
      {summary && items.length > 0 && <p className="wallboard__summary">{summary}</p>}
      <ul className="wallboard__list" aria-label={title}>
        {shown.map((item) => (
          <li key={item.id} className={`wallboard__item wallboard__item--${item.tone}`} title={explain?.(item)}>
            <span className="wallboard__item-id">{item.id}</span>
            <span className="wallboard__item-main">
              <span className="wallboard__item-title">{item.title}</span>
              <span className="wallboard__item-meta">
                {item.stageTitle} · {personName(users, item.responsibleId) ?? t('wallboard.unassigned')}
              </span>
            </span>
            <span className="wallboard__item-time">
              {describe(item)}
              {detail && <span className="wallboard__item-detail">{detail(item)}</span>}
              {explain && <span className="visually-hidden">{explain(item)}</span>}
            </span>
          </li>
        ))}
      </ul>
      {items.length === 0 && <p className="wallboard__empty">{empty}</p>}
      {showCount && items.length > shown.length && <p className="wallboard__more">{t('wallboard.more', { n: items.length - shown.length })}</p>}
    </section>
  );
}

export function WallboardLists({ view, users }: { view: GroupView; users: readonly User[] }) {
  const { t, language } = useI18n();
  const duration = (seconds: number) => formatDuration(seconds, language);
  const slaTime = (item: WallboardItem) => {
    const sla = item as SlaItem;
    return sla.seconds < 0 ? `\u2212${formatSlaSpan(sla.seconds, language)}` : t('wallboard.sla.left', { time: formatSlaSpan(sla.seconds, language) });
  };
  const slaTarget = (item: WallboardItem) => t('wallboard.sla.target', { target: formatSlaSpan((item as SlaItem).measure.targetSeconds ?? 0, language) });
  const slaWords = (item: WallboardItem) => {
    const sla = item as SlaItem;
    return slaText(sla.measure, sla.clock, language)?.long ?? '';
  };
  const breached = view.sla.filter((item) => item.state === 'breached').length;
  const slaSummary = t('wallboard.sla.summary', { breached, risk: view.sla.length - breached });
  return (
    <div className="wallboard__lists">
      <ItemList title={t('wallboard.topWia')} empty={t('wallboard.noneWork')} items={view.topWia} users={users} tone="work" showCount={false} describe={(item) => duration(item.seconds)} />
      <ItemList title={t('wallboard.forgotten')} empty={t('wallboard.noneForgotten')} items={view.forgotten} users={users} tone="forgotten" describe={(item) => duration(item.seconds)} />
      <ItemList title={t('wallboard.sla')} empty={t('wallboard.noneSla')} items={view.sla} users={users} tone="sla" describe={slaTime} detail={slaTarget} explain={slaWords} summary={slaSummary} />
    </div>
  );
}
