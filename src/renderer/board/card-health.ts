/**
 * A card's slow-changing marks at a minute (forgotten, SLA, overdue) and the one attention level
 * they add up to (core/domain/attention). Computed once per card and minute, shared by the card's
 * frame and its marks.
 */
import { useMemo } from 'react';
import { taskAttention, type Attention } from '../../core/domain/attention';
import { forgottenReasons, type ForgottenResult } from '../../core/domain/forgotten';
import { slaFocus, slaStatus, type SlaMeasure, type SlaMeasureName, type SlaResult } from '../../core/domain/sla';
import { isTaskDone } from '../../core/domain/task-timeline';
import { useMinute } from '../store/clock-store';
import type { CardContext, CardView } from './card-view';
import { isOverdue } from './filters';

export interface CardHealth {
  attention: Attention;
  done: boolean;
  overdue: boolean;
  forgotten: ForgottenResult;
  sla: SlaResult;
  /** The SLA measure a mark shows (the worse one); null without targets. */
  slaFocus: (SlaMeasure & { name: SlaMeasureName }) | null;
}

export function cardHealth(card: CardView, ctx: CardContext, now: number): CardHealth {
  const done = isTaskDone(card.task, ctx.stageMap);
  const forgotten = forgottenReasons(card.task, card.history, ctx.usersById, ctx.stageMap, ctx.settings, now);
  const sla = slaStatus(card.task, card.kind, card.history, ctx.stageMap, ctx.settings, now);
  const overdue = isOverdue(card, now);
  const attention = taskAttention({ done, sla: sla.state, overdue, forgotten: forgotten.forgotten, stopper: card.blockerId !== null });
  return { attention, done, overdue, forgotten, sla, slaFocus: slaFocus(sla) };
}

const cache = new WeakMap<CardView, { minute: number; ctx: CardContext; health: CardHealth }>();

/** The card's health at the current portal minute; the frame and the marks share one result. */
export function useCardHealth(card: CardView, ctx: CardContext): CardHealth {
  const minute = useMinute();
  return useMemo(() => {
    const hit = cache.get(card);
    if (hit && hit.minute === minute && hit.ctx === ctx) return hit.health;
    const health = cardHealth(card, ctx, minute);
    cache.set(card, { minute, ctx, health });
    return health;
  }, [card, ctx, minute]);
}
