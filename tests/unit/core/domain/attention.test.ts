import { describe, expect, it } from 'vitest';
import { attentionRank, deadlineAttention, slaAttention, taskAttention, timerAttention, type AttentionFacts } from '../../../../src/core/domain/attention';

const calm: AttentionFacts = { done: false, sla: 'ok', overdue: false, forgotten: false, stopper: false };

describe('attention: red only for what needs action now', () => {
  it.each([
    ['nothing to say', {}, 'none'],
    ['no SLA target at all', { sla: 'none' }, 'none'],
    ['a breached SLA: act now', { sla: 'breached' }, 'act'],
    ['an overdue deadline of an open task: act now', { overdue: true }, 'act'],
    ['an SLA at risk: warn', { sla: 'risk' }, 'warn'],
    ['forgotten (LU past the alert threshold, nobody responsible, a stopper too long): warn', { forgotten: true }, 'warn'],
    ['a stopper alone is information, not alarm', { stopper: true }, 'info'],
    ['the loudest wins: forgotten with a stopper warns', { forgotten: true, stopper: true }, 'warn'],
    ['the loudest wins: at risk and overdue acts', { sla: 'risk', overdue: true }, 'act'],
    ['a done task is history: even breached and overdue it is quiet', { done: true, sla: 'breached', overdue: true, forgotten: true }, 'none'],
  ] as const)('%s', (_name, facts, level) => {
    expect(taskAttention({ ...calm, ...facts })).toBe(level);
  });

  it('marks follow the same rule: SLA, deadline, timers', () => {
    expect([slaAttention('breached'), slaAttention('risk'), slaAttention('ok'), slaAttention('none'), slaAttention('breached', true)]).toEqual(['act', 'warn', 'none', 'none', 'none']);
    expect([deadlineAttention(true), deadlineAttention(false), deadlineAttention(true, true)]).toEqual(['act', 'none', 'none']);
    // A timer is a measure: past alert it warns (amber), never red.
    expect([timerAttention('alert'), timerAttention('warn'), timerAttention('ok')]).toEqual(['warn', 'notice', 'none']);
  });

  it('levels are ordered act > warn > notice > info > none', () => {
    const order = (['none', 'info', 'notice', 'warn', 'act'] as const).map(attentionRank);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(new Set(order).size).toBe(5);
  });
});
