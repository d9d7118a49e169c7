/** A live timer (LU or WIA): subscribes itself to the shared clock and re-renders alone. */
import { timerAttention } from '../../core/domain/attention';
import { formatDuration } from '../../core/domain/durations';
import type { Band } from '../../core/domain/timers';
import { useI18n } from '../i18n/context';
import { useClock } from '../store/clock-store';
import { timerBand, timerSeconds, type TimerAnchor } from './timer-band';

export function TimerCell({ label, anchor, titleKey }: { label: 'LU' | 'WIA'; anchor: TimerAnchor; titleKey: 'timer.lu' | 'timer.wia' }) {
  const { t, language } = useI18n();
  // One string per second at most; React skips the render when it did not change.
  const shown = useClock((now) => {
    const seconds = timerSeconds(anchor, now);
    return `${timerBand(anchor, now)}|${seconds === null ? '—' : formatDuration(seconds, language)}`;
  });
  const [band, text] = shown.split('|') as [Band, string];
  const tone = timerAttention(band);
  const over = band === 'alert' ? t('timer.overAlert') : band === 'warn' ? t('timer.overWarn') : '';
  return (
    <span role="timer" aria-label={over ? `${label}, ${over}` : label} title={over ? `${t(titleKey)} · ${over}` : t(titleKey)} className={`timer timer--${tone}${anchor.frozenSeconds !== null ? ' timer--frozen' : ''}`}>
      <span className="timer__label" aria-hidden="true">
        {label}
        {band === 'alert' && '!'}
      </span>
      <span className="timer__value">{text}</span>
    </span>
  );
}
