/**
 * Marks that change with time but slowly (deadline overdue, forgotten, SLA): re-checked each
 * minute. Their loudness comes from one rule (core/domain/attention): red only for "act now".
 */
import { deadlineAttention, slaAttention } from '../../core/domain/attention';
import { useI18n } from '../i18n/context';
import { slaText } from '../shared-ui/sla-text';
import type { CardContext, CardView } from './card-view';
import { useCardHealth } from './card-health';
import { formatPortalDate } from './format';

export function DeadlineMark({ card, ctx }: { card: CardView; ctx: CardContext }) {
  const { t, language } = useI18n();
  const health = useCardHealth(card, ctx);
  if (card.deadline === null) return null;
  const tone = deadlineAttention(health.overdue, health.done);
  const date = formatPortalDate(card.deadline, ctx.portalUtcOffsetMinutes, language);
  const title = t(tone === 'act' ? 'card.overdue' : 'card.deadline', { date });
  return (
    <span className={`deadline deadline--${tone}`} title={title}>
      {tone === 'act' && (
        <>
          <span className="deadline__flag" aria-hidden="true">
            !
          </span>
          <span className="visually-hidden">{t('card.overdue.short')} </span>
        </>
      )}
      {date}
    </span>
  );
}

export function HealthMarks({ card, ctx }: { card: CardView; ctx: CardContext }) {
  const { t } = useI18n();
  const { forgotten } = useCardHealth(card, ctx);
  if (!forgotten.forgotten) return null;
  const reasons = forgotten.reasons.map((reason) => t(`card.forgotten.${reason.code}`)).join(', ');
  return (
    <span className="mark mark--forgotten" role="img" aria-label={`${t('card.forgotten')}: ${reasons}`} title={`${t('card.forgotten')}: ${reasons}`}>
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
        <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
        <path d="M8 4.5V8.5M8 11v.5" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
      </svg>
    </span>
  );
}

/** The SLA in trouble: its target and what is left (or over); quiet while on track. */
export function SlaMark({ card, ctx }: { card: CardView; ctx: CardContext }) {
  const { language } = useI18n();
  const health = useCardHealth(card, ctx);
  const tone = slaAttention(health.sla.state, health.done);
  const focus = health.slaFocus;
  if (tone === 'none' || !focus) return null;
  const text = slaText(focus, ctx.settings.sla[card.kind].clock, language);
  if (!text) return null;
  return (
    <span className={`sla sla--${tone}`} role="img" aria-label={text.long} title={text.long}>
      {tone === 'act' && (
        <span className="sla__flag" aria-hidden="true">
          !
        </span>
      )}
      {text.short}
    </span>
  );
}

/** What the marks say, as one sentence for screen readers (the card's description). */
export function HealthSummary({ card, ctx, id }: { card: CardView; ctx: CardContext; id?: string }) {
  const { t, language } = useI18n();
  const health = useCardHealth(card, ctx);
  const parts: string[] = [];
  if (health.overdue && !health.done && card.deadline !== null) parts.push(t('card.overdue', { date: formatPortalDate(card.deadline, ctx.portalUtcOffsetMinutes, language) }));
  const focus = health.slaFocus;
  if (focus && slaAttention(health.sla.state, health.done) !== 'none') {
    const text = slaText(focus, ctx.settings.sla[card.kind].clock, language);
    if (text) parts.push(text.long);
  }
  if (health.forgotten.forgotten) parts.push(`${t('card.forgotten')}: ${health.forgotten.reasons.map((reason) => t(`card.forgotten.${reason.code}`)).join(', ')}`);
  if (card.blockerLabel) parts.push(t('card.stopper', { label: card.blockerLabel }));
  return (
    <span id={id} className="visually-hidden">
      {parts.join('. ')}
    </span>
  );
}

/** The list row's lead: a red bar for "act now", the forgotten mark; the words for screen readers. */
export function RowAttention({ card, ctx }: { card: CardView; ctx: CardContext }) {
  const { attention } = useCardHealth(card, ctx);
  return (
    <>
      <span className={`list__attn list__attn--${attention}`} aria-hidden="true" />
      <HealthSummary card={card} ctx={ctx} />
    </>
  );
}
