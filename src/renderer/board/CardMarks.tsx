/** Marks that change with time but slowly (deadline overdue, forgotten, SLA): re-checked each minute. */
import { useMemo } from 'react';
import { forgottenReasons } from '../../core/domain/forgotten';
import { slaStatus } from '../../core/domain/sla';
import { useI18n } from '../i18n/context';
import { useMinute } from '../store/clock-store';
import type { CardContext, CardView } from './card-view';
import { isOverdue } from './filters';
import { formatPortalDate } from './format';

export function DeadlineMark({ card, ctx }: { card: CardView; ctx: CardContext }) {
  const { t, language } = useI18n();
  const minute = useMinute();
  if (card.deadline === null) return null;
  const overdue = isOverdue(card, minute);
  const date = formatPortalDate(card.deadline, ctx.portalUtcOffsetMinutes, language);
  return (
    <span className={`deadline${overdue ? ' deadline--overdue' : ''}`} title={t(overdue ? 'card.overdue' : 'card.deadline', { date })}>
      {date}
    </span>
  );
}

export function HealthMarks({ card, ctx }: { card: CardView; ctx: CardContext }) {
  const { t } = useI18n();
  const minute = useMinute();
  const { forgotten, reasons, sla } = useMemo(() => {
    const result = forgottenReasons(card.task, card.history, ctx.usersById, ctx.stageMap, ctx.settings, minute);
    const slaState = slaStatus(card.task, card.kind, card.history, ctx.stageMap, ctx.settings, minute).state;
    return { forgotten: result.forgotten, reasons: result.reasons.map((r) => t(`card.forgotten.${r.code}`)), sla: slaState };
  }, [card, ctx, minute, t]);
  return (
    <>
      {forgotten && (
        <span className="mark mark--forgotten" role="img" aria-label={t('card.forgotten')} title={`${t('card.forgotten')}: ${reasons.join(', ')}`}>
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
            <path d="M8 4.5V8.5M8 11v.5" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
          </svg>
        </span>
      )}
      {sla !== 'none' && sla !== 'ok' && (
        <span className={`sla sla--${sla}`} title={t(`card.sla.${sla}`)}>
          SLA
        </span>
      )}
    </>
  );
}
