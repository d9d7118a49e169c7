/** A live timer (LU or WIA): subscribes itself to the shared clock and re-renders alone. */
import { formatDuration } from '../../core/domain/durations';
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
  const [tone, text] = shown.split('|') as [string, string];
  return (
    <span role="timer" aria-label={label} title={t(titleKey)} className={`timer timer--${tone}${anchor.frozenSeconds !== null ? ' timer--frozen' : ''}`}>
      <span className="timer__label" aria-hidden="true">
        {label}
      </span>
      <span className="timer__value">{text}</span>
    </span>
  );
}
