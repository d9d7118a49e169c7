/** The wallboard's top line: the group on screen, the rotation, the portal clock and the freshness stamp. */
import { useI18n } from '../i18n/context';
import { formatClock, type Freshness } from './freshness';

interface Props {
  groupName: string;
  index: number;
  count: number;
  clock: number;
  offset: number;
  freshness: Freshness;
}

export function WallboardHeader({ groupName, index, count, clock, offset, freshness }: Props) {
  const { t } = useI18n();
  const problem =
    freshness.connectivity === 'online' || freshness.connectivity === 'unknown'
      ? null
      : freshness.connectivity === 'signed-out'
        ? t('wallboard.signedOut')
        : freshness.connectivity === 'offline'
          ? t('wallboard.noNetwork')
          : t('wallboard.offline');
  return (
    <header className="wallboard__header">
      <div className="wallboard__heading">
        <h1 className="wallboard__group">{groupName}</h1>
        {count > 1 && (
          <div className="wallboard__rotation" aria-label={t('wallboard.rotation', { index: index + 1, count })}>
            {Array.from({ length: count }, (_, i) => (
              <span key={i} className={`wallboard__dot${i === index ? ' wallboard__dot--on' : ''}`} />
            ))}
          </div>
        )}
      </div>
      <div className={`wallboard__stamp${freshness.stale ? ' wallboard__stamp--stale' : ''}`} role="status">
        <span>{freshness.time ? t('wallboard.freshness', { time: freshness.time }) : t('wallboard.freshness.none')}</span>
        {problem && <span className="wallboard__problem"> · {problem}</span>}
      </div>
      <time className="wallboard__clock" aria-label={t('wallboard.clock')}>
        {formatClock(clock, offset)}
      </time>
    </header>
  );
}
