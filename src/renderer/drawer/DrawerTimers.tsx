/**
 * LU and WIA for the open card, on the portal's clock, with the colour band of the stage role's
 * thresholds. One interval for the drawer only (the board's timers run on their own clock).
 */
import { useEffect, useState } from 'react';
import { timerAttention } from '../../core/domain/attention';
import { formatDuration } from '../../core/domain/durations';
import { createStageMap, roleOfStage } from '../../core/domain/stage-map';
import { band, luSeconds, wia } from '../../core/domain/timers';
import { useI18n } from '../i18n/context';
import type { DrawerData } from './drawer-data';

function usePortalNow(offsetMs: number): number {
  const [now, setNow] = useState(() => Date.now() + offsetMs);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now() + offsetMs), 1000);
    return () => clearInterval(timer);
  }, [offsetMs]);
  return now;
}

export function DrawerTimers({ data }: { data: DrawerData }) {
  const { language } = useI18n();
  const { task, history } = data.details;
  const now = usePortalNow(data.board?.portalOffsetMs ?? 0);
  const map = createStageMap(data.board?.stages ?? [], data.settings.stageRoles);
  const role = roleOfStage(map, task.groupId, task.stageId);
  const lu = luSeconds(task, now);
  const age = wia(task, history, map, now);
  const luBand = role ? band(lu, data.settings.thresholds.lu[role]) : 'ok';
  const wiaBand = role ? band(age.seconds, data.settings.thresholds.wia[role]) : 'ok';
  return (
    <>
      <div className="drawer__field">
        <span className="drawer__label" id="drawer-lu">
          LU
        </span>
        <span role="timer" className={`timer timer--${timerAttention(luBand)}`} aria-labelledby="drawer-lu">
          {formatDuration(lu, language)}
        </span>
      </div>
      <div className="drawer__field">
        <span className="drawer__label" id="drawer-wia">
          WIA
        </span>
        <span role="timer" className={`timer timer--${timerAttention(wiaBand)}`} aria-labelledby="drawer-wia">
          {age.seconds === null ? '—' : formatDuration(age.seconds, language)}
        </span>
      </div>
    </>
  );
}
