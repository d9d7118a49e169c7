/** One tile per stage: how many tasks stand there and how many hours of work (Оценка) they hold. */
import { useI18n } from '../i18n/context';
import type { ColumnSummary } from './wallboard-model';
import { formatHours } from './plan-today';

export function WallboardColumns({ columns }: { columns: ColumnSummary[] }) {
  const { t, language } = useI18n();
  return (
    <div className="wallboard__columns" style={{ gridTemplateColumns: `repeat(${Math.max(1, columns.length)}, minmax(0, 1fr))` }}>
      {columns.map((column) => (
        <section key={column.stageId} className={`wallboard__column wallboard__column--${column.role ?? 'none'}${column.wip.over ? ' wallboard__column--wip-over' : ''}`} aria-label={column.title}>
          <h2 className="wallboard__column-title">{column.title}</h2>
          <p className="wallboard__count">
            <span className="wallboard__count-number">{column.count}</span>{' '}
            <span className="wallboard__count-unit">
              {t('wallboard.column.tasks', { n: column.count })}
              {column.doneToday && ` ${t('wallboard.column.doneToday')}`}
            </span>
          </p>
          {column.wip.limit !== null && (
            <p className={`wallboard__wip${column.wip.over ? ' wallboard__wip--over' : ''}`}>
              {column.wip.over ? `▲ ${t('wallboard.wip.over', { limit: column.wip.limit })}` : t('wallboard.wip.of', { limit: column.wip.limit })}
            </p>
          )}
          <p className="wallboard__hours">{t('wallboard.column.hours', { hours: formatHours(column.hours, language) })}</p>
        </section>
      ))}
    </div>
  );
}
