import { describe, expect, it } from 'vitest';
import { slaFocus, slaStatus } from '../../../src/core/domain/sla';
import { formatSlaSpan, slaText } from '../../../src/renderer/shared-ui/sla-text';
import { MAP, moved, msk, settingsWith, task } from '../core/domain/fixtures';

const H = 3600;
// Defaults: service reaction 4 working hours, resolution 27; incident 30 min / 8 h; risk at 80 %.
const settings = settingsWith();

function focusAt(kind: 'service' | 'incident', createdAt: string, now: string, history = [] as ReturnType<typeof moved>[], stageId = '10') {
  const result = slaStatus(task({ createdAt: msk(createdAt), stageId }), kind, history, MAP, settings, msk(now));
  return slaFocus(result)!;
}

describe('SLA spans', () => {
  it.each([
    [4 * H, 'ru', false, '4ч'],
    [4 * H, 'ru', true, '4 ч'],
    [H + 20 * 60, 'ru', true, '1 ч 20 мин'],
    [H + 20 * 60, 'en', true, '1 h 20 min'],
    [20 * 60, 'en', false, '20m'],
    [-(2 * H + 5 * 60), 'ru', false, '2ч 5м'],
    [27 * H, 'ru', false, '27ч'],
    [10, 'ru', true, '1 мин'],
    [231 * H + 6 * 60, 'ru', false, '231ч'],
  ] as const)('%i s in %s (long %s) is %s', (seconds, language, long, text) => {
    expect(formatSlaSpan(seconds, language, long)).toBe(text);
  });
});

describe('SLA mark text: target and time left or over, in working time', () => {
  it('at risk: the target and what is left (working hours, not wall-clock hours)', () => {
    // Created Mon 10:00; now Mon 13:20: 3 h 20 min of the 4 working hours used, 40 min left.
    const focus = focusAt('service', '2025-03-03T10:00', '2025-03-03T13:20');
    expect(focus).toMatchObject({ name: 'reaction', state: 'risk' });
    expect(slaText(focus, 'working', 'ru')).toEqual({ short: 'SLA 4ч · ост. 40м', long: 'SLA реакции 4 ч рабочего времени · осталось 40 мин' });
    expect(slaText(focus, 'working', 'en')).toEqual({ short: 'SLA 4h · 40m left', long: 'Reaction SLA 4 h of working time · 40 min left' });
  });

  it('the evening and the night are not counted: Friday 17:00 to Monday 09:30 uses 1 h 30 min', () => {
    const focus = focusAt('service', '2025-03-07T17:00', '2025-03-10T09:30');
    expect(focus.usedSeconds).toBe(H + 30 * 60);
    expect(focus.state).toBe('ok');
    expect(slaText(focus, 'working', 'ru')?.long).toBe('SLA реакции 4 ч рабочего времени · осталось 2 ч 30 мин');
  });

  it('breached: the target and by how much it is overdue', () => {
    const focus = focusAt('incident', '2025-03-03T10:00', '2025-03-03T12:35');
    expect(focus).toMatchObject({ name: 'reaction', state: 'breached', remainingSeconds: -(2 * H + 5 * 60) });
    expect(slaText(focus, 'working', 'ru')).toEqual({ short: 'SLA 30м · −2ч 5м', long: 'SLA реакции 30 мин рабочего времени · просрочено на 2 ч 5 мин' });
    expect(slaText(focus, 'round-the-clock', 'en')).toEqual({ short: 'SLA 30m · −2h 5m', long: 'Reaction SLA 30 min · overdue by 2 h 5 min' });
  });

  it('a running breached clock is shown before one that stopped, and a stopped late reaction says "missed"', () => {
    // Reacted after 1 h (breached, stopped); resolution 8 h still running and breached by 1 h.
    const history = [moved(msk('2025-03-03T10:00'), '10', '13')];
    const focus = focusAt('incident', '2025-03-03T09:00', '2025-03-04T09:00', history, '13');
    expect(focus).toMatchObject({ name: 'resolution', state: 'breached', stoppedAt: null, remainingSeconds: -H });
    const reaction = { ...slaStatus(task({ createdAt: msk('2025-03-03T09:00'), stageId: '13' }), 'incident', history, MAP, settings, msk('2025-03-03T12:00')).reaction, name: 'reaction' as const };
    expect(slaText(reaction, 'working', 'ru')?.long).toBe('SLA реакции 30 мин рабочего времени · превышен на 30 мин');
  });

  it('without a target there is no mark', () => {
    const none = settingsWith((s) => {
      s.sla.service.reactionMinutes = null;
      s.sla.service.resolutionMinutes = null;
    });
    expect(slaFocus(slaStatus(task({ createdAt: msk('2025-03-03T10:00') }), 'service', [], MAP, none, msk('2025-03-03T12:00')))).toBeNull();
  });
});
