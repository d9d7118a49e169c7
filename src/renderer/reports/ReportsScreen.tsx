/**
 * The reports screen: who did what against plan (per employee per day, per client per month) and
 * where work piles up (cumulative flow, WIA aging against cycle-time percentiles, throughput,
 * reopens). Computed by the host from the local store; every table exports to CSV.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReportsData } from '../../shared/api';
import { pult } from '../bridge';
import { useUiStore } from '../store/ui-store';
import { useI18n } from '../i18n/context';
import { useChartColors } from './charts/chart-colors';
import { defaultRange, MAX_RANGE_DAYS, rangeProblem, type ReportsRange } from './reports-range';
import { DateField } from '../shared-ui/DateField';
import { MonthField } from '../shared-ui/MonthField';
import { PlanFactSection } from './PlanFactSection';
import { FlowSection } from './FlowSection';
import { BlockedSection } from './BlockedSection';
import './reports.css';

type Load = { status: 'idle' | 'loading' } | { status: 'ready'; data: ReportsData } | { status: 'failed'; message: string };

export function ReportsScreen() {
  const { t } = useI18n();
  const colors = useChartColors();
  const [offset, setOffset] = useState<number | null>(null);
  const [range, setRange] = useState<ReportsRange | null>(null);
  const [load, setLoad] = useState<Load>({ status: 'idle' });
  const [shown, setShown] = useState<ReportsData | null>(null);

  // Only the latest request may land: quick edits of the period must not show an older answer.
  const latest = useRef(0);
  const run = useCallback(async (request: ReportsRange) => {
    const mine = ++latest.current;
    setLoad({ status: 'loading' });
    try {
      const data = await pult.getReports(request);
      if (mine !== latest.current) return;
      setShown(data);
      setLoad({ status: 'ready', data });
    } catch (error) {
      if (mine === latest.current) setLoad({ status: 'failed', message: (error as Error).message });
    }
  }, []);

  // The period defaults to the last two weeks in the portal's time zone (from the settings).
  useEffect(() => {
    let alive = true;
    void pult
      .getSettings()
      .then((settings) => {
        if (!alive) return;
        const initial = defaultRange(Date.now(), settings.calendar.utcOffsetMinutes);
        setOffset(settings.calendar.utcOffsetMinutes);
        setRange(initial);
        void run(initial);
      })
      .catch((error: Error) => alive && setLoad({ status: 'failed', message: error.message }));
    return () => {
      alive = false;
    };
  }, [run]);

  const problem = range ? rangeProblem(range) : null;

  // Each valid change of the period recomputes the reports at once.
  const edit = (patch: Partial<ReportsRange>) => {
    if (!range) return;
    const next = { ...range, ...patch };
    setRange(next);
    if (!rangeProblem(next)) void run(next);
  };

  return (
    <div className="reports" aria-busy={load.status === 'loading'}>
      <header className="reports__header">
        <div className="reports__title">
          <button type="button" className="reports__back" onClick={() => useUiStore.getState().setScreen('board')}>
            ← {t('reports.back')}
          </button>
          <h1>{t('reports.title')}</h1>
        </div>
        {range && (
          <form className="reports__range" aria-label={t('reports.range')} onSubmit={(event) => (event.preventDefault(), !problem && void run(range))}>
            <DateField label={t('reports.from')} value={range.fromDay} max={range.toDay} onChange={(fromDay) => edit({ fromDay })} />
            <DateField label={t('reports.to')} value={range.toDay} min={range.fromDay} onChange={(toDay) => edit({ toDay })} />
            <MonthField label={t('reports.month')} value={range.month} onChange={(month) => edit({ month })} />
            <button type="submit" disabled={problem !== null || load.status === 'loading'}>
              {t('reports.refresh')}
            </button>
            {problem === 'reversed' && <span role="alert" className="reports__problem">{t('reports.rangeInvalid')}</span>}
            {problem === 'too-long' && <span role="alert" className="reports__problem">{t('reports.rangeTooLong', { days: MAX_RANGE_DAYS })}</span>}
          </form>
        )}
      </header>
      {load.status === 'failed' && (
        <p role="alert" className="reports__problem">
          {t('error.load', { message: load.message })}
        </p>
      )}
      {!shown && load.status !== 'failed' && <p className="reports__muted">{t('reports.loading')}</p>}
      {shown && (
        <>
          <PlanFactSection data={shown} colors={colors} />
          <FlowSection data={shown} colors={colors} utcOffsetMinutes={offset ?? 180} />
          <BlockedSection data={shown} colors={colors} />
          <p className="reports__muted reports__note">{t('reports.historyNote', { days: shown.historyDays })}</p>
        </>
      )}
    </div>
  );
}
