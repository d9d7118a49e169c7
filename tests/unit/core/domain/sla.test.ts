import { describe, expect, it } from 'vitest';
import { slaStatus } from '../../../../src/core/domain/sla';
import { MAP, moved, msk, settingsWith, task } from './fixtures';

const H = 3600;
// Service: reaction 4 working hours, resolution 27; incident: 30 min / 8 h; risk at 80 %.
const settings = settingsWith();

describe('SLA reaction', () => {
  it.each([
    ['fresh request: ok', '2025-03-03T11:00', 'ok', 3 * H, 2 * H, '2025-03-03T13:00'],
    ['just below 80 %: ok', '2025-03-03T12:23', 'ok', 3 * H, 37 * 60, '2025-03-03T13:00'],
    ['at 80 % used: risk', '2025-03-03T12:24', 'risk', 3 * H, 36 * 60, '2025-03-03T13:00'],
    ['exactly at the target: still risk', '2025-03-03T13:00', 'risk', 3 * H, 0, '2025-03-03T13:00'],
    ['beyond: breached with negative remaining', '2025-03-03T14:20', 'breached', 3 * H, -(H + 20 * 60), '2025-03-03T13:00'],
  ])('%s', (_name, now, state, target, remaining, deadline) => {
    const t = task({ createdAt: msk('2025-03-03T10:00') });
    const result = slaStatus(t, 'incident', [], MAP, settingsWith((s) => (s.sla.incident.reactionMinutes = 180)), msk(now));
    expect(result.reaction).toMatchObject({ state, targetSeconds: target, remainingSeconds: remaining, deadline: msk(deadline) });
  });

  it('stops when the task left "new", and stays ok after that', () => {
    const t = task({ stageId: '12', createdAt: msk('2025-03-03T10:00') });
    const history = [moved(msk('2025-03-03T10:20'), '10', '11')];
    const result = slaStatus(t, 'incident', history, MAP, settings, msk('2025-03-05T10:00'));
    expect(result.reaction).toMatchObject({ state: 'ok', usedSeconds: 20 * 60, remainingSeconds: 10 * 60, stoppedAt: msk('2025-03-03T10:20') });
  });

  it('a reaction given too late stays breached', () => {
    const t = task({ stageId: '12', createdAt: msk('2025-03-03T10:00') });
    const history = [moved(msk('2025-03-03T11:00'), '0', '12')];
    expect(slaStatus(t, 'incident', history, MAP, settings, msk('2025-03-03T11:05')).reaction.state).toBe('breached');
  });

  it('without history, a task past "new" is taken as reacted at its last status change', () => {
    const t = task({ stageId: '13', createdAt: msk('2025-03-03T10:00'), statusChangedAt: msk('2025-03-03T10:10') });
    expect(slaStatus(t, 'incident', [], MAP, settings, msk('2025-03-04T10:00')).reaction.stoppedAt).toBe(msk('2025-03-03T10:10'));
  });

  it('stage "0" is the "new" stage: the reaction clock runs', () => {
    const t = task({ stageId: '0', createdAt: msk('2025-03-03T10:00') });
    expect(slaStatus(t, 'incident', [], MAP, settings, msk('2025-03-03T10:40')).reaction).toMatchObject({ state: 'breached', stoppedAt: null });
  });
});

describe('SLA resolution over the working calendar', () => {
  it('a holiday inside the window is not counted (June 12–13, 2025)', () => {
    const t = task({ createdAt: msk('2025-06-11T10:00'), stageId: '13' });
    const history = [moved(msk('2025-06-11T10:05'), '10', '13')];
    const result = slaStatus(t, 'service', history, MAP, settings, msk('2025-06-16T12:00'));
    // Wed 8 h + Mon 3 h = 11 h of 27.
    expect(result.resolution).toMatchObject({ state: 'ok', usedSeconds: 11 * H, remainingSeconds: 16 * H });
    // 27 h: Wed 8 + Mon 9 + Tue 9 + Wed 1.
    expect(result.resolution.deadline).toBe(msk('2025-06-18T10:00'));
  });

  it('crossing a weekend, the incident is breached by Monday', () => {
    const t = task({ priority: 2, createdAt: msk('2025-03-07T14:00'), stageId: '13' });
    const history = [moved(msk('2025-03-07T14:10'), '10', '13')];
    const result = slaStatus(t, 'incident', history, MAP, settings, msk('2025-03-10T14:00'));
    expect(result.resolution).toMatchObject({ state: 'breached', usedSeconds: 9 * H, remainingSeconds: -H, deadline: msk('2025-03-10T13:00') });
    expect(result.state).toBe('breached');
  });

  it('stops at completion: done in time is ok even later', () => {
    const t = task({ status: 5, stageId: '14', createdAt: msk('2025-03-03T10:00'), closedAt: msk('2025-03-03T16:00') });
    const history = [moved(msk('2025-03-03T10:10'), '10', '13'), moved(msk('2025-03-03T16:00'), '13', '14')];
    const result = slaStatus(t, 'incident', history, MAP, settings, msk('2025-03-20T10:00'));
    expect(result.resolution).toMatchObject({ state: 'ok', usedSeconds: 6 * H, stoppedAt: msk('2025-03-03T16:00') });
  });

  it('round-the-clock targets count nights and weekends', () => {
    const s = settingsWith((x) => (x.sla.incident = { reactionMinutes: 30, resolutionMinutes: 480, clock: 'round-the-clock' }));
    const t = task({ createdAt: msk('2025-03-07T20:00'), stageId: '13' });
    const result = slaStatus(t, 'incident', [moved(msk('2025-03-07T20:10'), '10', '13')], MAP, s, msk('2025-03-08T03:00'));
    expect(result.resolution).toMatchObject({ state: 'risk', usedSeconds: 7 * H, deadline: msk('2025-03-08T04:00') });
  });

  it('no target: none', () => {
    const s = settingsWith((x) => (x.sla.change = { reactionMinutes: null, resolutionMinutes: null, clock: 'working' }));
    expect(slaStatus(task(), 'change', [], MAP, s, msk('2025-03-05T10:00'))).toMatchObject({
      state: 'none',
      resolution: { state: 'none', targetSeconds: null, remainingSeconds: null, deadline: null },
    });
  });
});
