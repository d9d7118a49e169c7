/** A column's `count / limit` (only where a WIP limit is set); over the limit it says so in words too. */
import type { WipState } from '../../core/domain/wip';
import { useI18n } from '../i18n/context';

export function WipBadge({ wip }: { wip: WipState | undefined }) {
  const { t } = useI18n();
  if (!wip || wip.limit === null) return null;
  const values = { count: wip.count, limit: wip.limit };
  const label = wip.over ? t('wip.over', values) : t('wip.countLabel', values);
  return (
    <span className={`wip${wip.over ? ' wip--over' : wip.full ? ' wip--full' : ''}`} role="img" aria-label={label} title={label} data-wip-over={wip.over ? 'true' : 'false'}>
      <span className="wip__count" aria-hidden="true">{t('wip.count', values)}</span>
      {wip.over && <span className="wip__cue" aria-hidden="true"> ▲ {t('wip.overShort')}</span>}
    </span>
  );
}

/** The class a column takes over its limit (the header and the cells of every lane). */
export const wipColumnClass = (wip: WipState | undefined) => (wip?.over ? ' column--wip-over' : '');
