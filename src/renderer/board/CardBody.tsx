/** What a card shows; shared by the card in its column and the copy that follows the pointer. */
import { memo } from 'react';
import { useI18n } from '../i18n/context';
import type { CardContext, CardView } from './card-view';
import { DeadlineMark, HealthMarks, HealthSummary, SlaMark } from './CardMarks';
import { KindIcon } from './KindIcon';
import { TimerCell } from './TimerCell';
import { formatHours } from './format';

function SyncMarks({ card }: { card: CardView }) {
  const { t } = useI18n();
  return (
    <>
      {card.conflicted && (
        <span className="mark mark--conflict" role="img" aria-label={t('card.conflict')} title={t('card.conflict')}>
          ⇄
        </span>
      )}
      {card.failedEdits > 0 && (
        <span className="mark mark--failed" role="img" aria-label={t('card.failed')} title={t('card.failed')}>
          !
        </span>
      )}
      {card.pendingEdits > 0 && !card.conflicted && (
        <span className="mark mark--pending" role="img" aria-label={t('card.pending', { n: card.pendingEdits })} title={t('card.pending', { n: card.pendingEdits })}>
          <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
            <path d="M8 2.5a5.5 5.5 0 1 0 5.5 5.5M8 5v3l2 1.5" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" />
          </svg>
        </span>
      )}
    </>
  );
}

/** The card's group on the combined board (its name in full as the tooltip and for screen readers). */
export function GroupBadge({ card, ctx }: { card: CardView; ctx: CardContext }) {
  const { t } = useI18n();
  const badge = ctx.groupBadges?.get(card.task.groupId);
  if (!badge) return null;
  return (
    <span className="card__group" data-group-id={card.task.groupId} title={t('allBoard.cardGroup', { group: badge, stage: card.stageTitle })}>
      {badge}
    </span>
  );
}

/** The id of the card's health sentence (the card's accessible description; the drag copy repeats it while dragging). */
export const healthId = (card: Pick<CardView, 'id'>) => `card-health-${card.id}`;

export const CardBody = memo(function CardBody({ card, ctx }: { card: CardView; ctx: CardContext }) {
  const { t, language } = useI18n();
  return (
    <>
      <div className="card__top">
        <KindIcon kind={card.kind} />
        <span className="card__id">#{card.id}</span>
        <GroupBadge card={card} ctx={ctx} />
        <span className="card__marks">
          <SyncMarks card={card} />
          <HealthMarks card={card} ctx={ctx} />
        </span>
        <DeadlineMark card={card} ctx={ctx} />
      </div>
      <div className="card__title">{card.title}</div>
      <div className="card__meta">
        {card.companyName && <span className="card__company">{card.companyName}</span>}
        <span className={`card__responsible${card.responsibleName ? '' : ' card__responsible--none'}`}>{card.responsibleName ?? t('card.noResponsible')}</span>
      </div>
      <div className="card__chips">
        <SlaMark card={card} ctx={ctx} />
        {card.typeLabel && <span className="chip chip--type">{card.typeLabel}</span>}
        {card.blockerLabel && (
          <span className="chip chip--blocker" title={t('card.stopper', { label: card.blockerLabel })}>
            <svg className="chip__icon" viewBox="0 0 16 16" width="10" height="10" aria-hidden="true">
              <path d="M5.5 3.5v9M10.5 3.5v9" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
            </svg>
            {card.blockerLabel}
          </span>
        )}
        {card.estimateHours !== null && <span className="chip chip--estimate" title={t('card.estimate', { hours: formatHours(card.estimateHours, language) })}>{t('board.column.hours', { hours: formatHours(card.estimateHours, language) })}</span>}
      </div>
      <div className="card__timers">
        <TimerCell label="LU" titleKey="timer.lu" anchor={{ since: card.luSince, frozenSeconds: null, threshold: card.luThreshold }} />
        <TimerCell label="WIA" titleKey="timer.wia" anchor={{ since: card.wiaStartedAt, frozenSeconds: card.wiaFrozenSeconds, threshold: card.wiaThreshold }} />
      </div>
      <HealthSummary card={card} ctx={ctx} id={healthId(card)} />
    </>
  );
});
