/** What the tray shows: icon state, tooltip and title (macOS menu bar text), from the alert state. Pure. */
import type { AlertState } from '../../node/alerts/monitor';
import { taskCount } from '../../node/alerts/texts';
import { portalWallClock } from '../../core/domain/portal-time';

export type TrayIconState = 'normal' | 'attention' | 'offline';

export interface TrayView {
  icon: TrayIconState;
  tooltip: string;
  /** Shown next to the icon where the OS supports it (macOS); empty when nothing needs attention. */
  title: string;
}

function hhmm(instant: number, utcOffsetMinutes: number): string {
  return portalWallClock(instant, utcOffsetMinutes).toISOString().slice(11, 16);
}

export function trayView(state: AlertState): TrayView {
  const ru = state.language === 'ru';
  const lines = ['Pult'];
  let icon: TrayIconState = state.attentionCount > 0 ? 'attention' : 'normal';
  if (state.connectivity === null) lines.push(ru ? 'Портал не подключён' : 'No portal connected');
  else if (state.connectivity === 'signed-out') lines.push(ru ? 'Нужно войти снова' : 'Sign in again');
  else if (state.connectivity !== 'online') lines.push(ru ? 'Нет связи с порталом' : 'Portal unreachable');
  if (state.connectivity !== 'online') icon = 'offline';
  if (state.attentionCount > 0) {
    const n = state.attentionCount;
    lines.push(ru ? `${taskCount('ru', n)}: забыты или SLA под угрозой` : `${taskCount('en', n)}: forgotten or SLA at risk`);
  }
  if (state.pausedUntil !== null) {
    const at = hhmm(state.pausedUntil, state.utcOffsetMinutes);
    lines.push(ru ? `Уведомления приостановлены до ${at}` : `Notifications paused until ${at}`);
  }
  return { icon, tooltip: lines.join('\n'), title: state.attentionCount > 0 ? String(state.attentionCount) : '' };
}
