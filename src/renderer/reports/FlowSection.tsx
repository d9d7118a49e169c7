/** Flow: cumulative flow, the age of open work against cycle-time percentiles, throughput, reopens. */
import { useMemo } from 'react';
import type { AgingItem, ReportsData } from '../../shared/api';
import type { StageRole } from '../../core/domain/settings';
import { useI18n } from '../i18n/context';
import { EChart } from './charts/EChart';
import type { ChartColors } from './charts/chart-colors';
import { agingOption, cumulativeFlowOption, throughputOption } from './charts/chart-options';
import { CsvButton, ReportTable } from './ReportTable';
import { agingCsv, agingStages, cumulativeCsv, reopenedCsv, throughputCsv } from './report-rows';
import { csvHeaders, formatNumber, formatPortalDate, formatSeconds } from './report-format';
import { csvFileName } from './download';
import { shortDay } from './reports-range';
import { portalDayKey } from '../../core/domain/portal-time';

const AGING_ROWS = 15;

export function FlowSection({ data, colors, utcOffsetMinutes }: { data: ReportsData; colors: ChartColors; utcOffsetMinutes: number }) {
  const { t, language } = useI18n();
  const headers = useMemo(() => csvHeaders(t), [t]);
  const period = `${data.request.fromDay}_${data.request.toDay}`;
  const roles: Record<StageRole, string> = headers.roles;
  const cycle = data.cycleTime;

  const cumulative = useMemo(() => cumulativeFlowOption(data.cumulative, roles, colors, (day) => shortDay(day, language)), [data.cumulative, roles, colors, language]);
  const stages = useMemo(() => agingStages(data.perStage, data.aging), [data.perStage, data.aging]);
  const aging = useMemo(
    () =>
      agingOption(
        data.aging,
        stages,
        cycle,
        {
          days: t('reports.aging.days'),
          percentile: (p, days) => `${p} %: ${days}`,
          format: (days) => formatSeconds(days * 86_400, language),
          number: (value) => formatNumber(value, language),
        },
        colors,
      ),
    [data.aging, stages, cycle, colors, t, language],
  );
  const throughput = useMemo(() => throughputOption(data.throughput, t('reports.done'), colors), [data.throughput, colors, t]);

  return (
    <section className="reports__section" aria-labelledby="reports-flow">
      <h2 id="reports-flow">{t('reports.flow')}</h2>
      <div className="reports__chart-head">
        <h3>{t('reports.cumulative')}</h3>
        <CsvButton title={t('reports.cumulative')} csv={() => cumulativeCsv(data.cumulative, headers)} csvName={csvFileName('cumulative-flow', period)} />
      </div>
      <EChart option={cumulative} label={t('reports.cumulative.chart')} height={300} />

      <div className="reports__chart-head">
        <h3>{t('reports.aging')}</h3>
      </div>
      <p className="reports__cycle">
        {cycle.count === 0 || cycle.p50 === null ? (
          t('reports.cycle.none')
        ) : (
          <>
            <span>{t('reports.cycle', { n: cycle.count })}:</span>
            {([50, 85, 95] as const).map((p) => {
              const seconds = p === 50 ? cycle.p50 : p === 85 ? cycle.p85 : cycle.p95;
              return (
                <span key={p} className={`reports__chip reports__chip--p${p}`}>
                  {t('reports.cycle.p', { p, time: formatSeconds(seconds ?? 0, language) })}
                </span>
              );
            })}
          </>
        )}
      </p>
      <EChart option={aging} label={t('reports.aging.chart')} height={340} />
      <ReportTable<AgingItem>
        title={t('reports.aging.table')}
        rows={data.aging}
        rowKey={(row) => row.taskId}
        limit={AGING_ROWS}
        columns={[
          { header: 'ID', numeric: true, cell: (row) => row.taskId },
          { header: t('reports.task'), cell: (row) => row.title },
          { header: t('reports.stage'), cell: (row) => row.stageTitle },
          { header: t('reports.wia'), numeric: true, cell: (row) => formatSeconds(row.wiaSeconds, language) },
        ]}
        csv={() => agingCsv(data.aging, headers)}
        csvName={csvFileName('open-work-age', portalDayKey(data.now, utcOffsetMinutes))}
        empty={t('reports.empty')}
      />

      <div className="reports__split">
        <div>
          <h3>{t('reports.throughput')}</h3>
          <EChart option={throughput} label={t('reports.throughput.chart')} height={240} />
          <ReportTable<ReportsData['throughput'][number]>
            title={t('reports.throughput')}
            rows={data.throughput}
            rowKey={(row) => row.week}
            columns={[
              { header: t('reports.week'), cell: (row) => row.week },
              { header: t('reports.done'), numeric: true, cell: (row) => formatNumber(row.count, language, 0) },
            ]}
            csv={() => throughputCsv(data.throughput, headers)}
            csvName={csvFileName('throughput', period)}
            empty={t('reports.empty')}
          />
        </div>
        <ReportTable<ReportsData['reopened'][number]>
          title={t('reports.reopened')}
          rows={data.reopened}
          rowKey={(row) => row.taskId}
          limit={20}
          columns={[
            { header: 'ID', numeric: true, cell: (row) => row.taskId },
            { header: t('reports.task'), cell: (row) => row.title },
            { header: t('reports.reopened.times'), numeric: true, cell: (row) => row.times },
            { header: t('reports.reopened.last'), cell: (row) => formatPortalDate(row.lastReopenedAt, utcOffsetMinutes, language) },
          ]}
          csv={() => reopenedCsv(data.reopened, headers, (instant) => formatPortalDate(instant, utcOffsetMinutes, language))}
          csvName={csvFileName('reopened', period)}
          empty={t('reports.reopened.none')}
        />
      </div>
    </section>
  );
}
