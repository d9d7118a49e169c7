/** Time in stoppers: working hours per stopper type per group and per client over the period (issue 13). */
import { useMemo } from 'react';
import type { BlockedReportRow, ReportsData } from '../../shared/api';
import { useI18n } from '../i18n/context';
import { EChart } from './charts/EChart';
import type { ChartColors } from './charts/chart-colors';
import { ReportTable, type TableColumn } from './ReportTable';
import { blockedCsv, blockedOption, hours, rowTitle, type BlockedHeaders } from './blocked-rows';
import { formatNumber } from './report-format';
import { csvFileName } from './download';

const ROW_HEIGHT = 26;

export function BlockedSection({ data, colors }: { data: ReportsData; colors: ChartColors }) {
  const { t, language } = useI18n();
  const report = data.blocked;
  const n = (seconds: number) => formatNumber(hours(seconds), language);
  const period = `${data.request.fromDay}_${data.request.toDay}`;
  const noClient = t('blocked.noClient');
  const headers = (row: string): BlockedHeaders => ({
    row,
    type: (title) => t('blocked.type', { type: title }),
    working: t('blocked.working'),
    elapsed: t('blocked.elapsed'),
    tasks: t('blocked.tasks'),
    noClient,
  });
  const chart = useMemo(
    () => blockedOption(report, report.byClient, { noClient, number: (value) => formatNumber(value, language) }, colors),
    [report, noClient, language, colors],
  );
  const columns = (first: string): TableColumn<BlockedReportRow>[] => [
    { header: first, cell: (row) => rowTitle(row, noClient) },
    ...report.types.map((type) => ({ header: type.title, numeric: true, cell: (row: BlockedReportRow) => (row.workingSeconds[type.id] ? n(row.workingSeconds[type.id]!) : '·') })),
    { header: t('blocked.working'), numeric: true, cell: (row) => n(row.workingTotal) },
    { header: t('blocked.elapsed'), numeric: true, cell: (row) => n(row.elapsedTotal) },
    { header: t('blocked.tasks'), numeric: true, cell: (row) => row.taskCount },
  ];

  return (
    <section className="reports__section" aria-labelledby="reports-blocked">
      <h2 id="reports-blocked">{t('blocked.title')}</h2>
      {!report.fieldMapped ? (
        <p className="reports__muted">{t('blocked.noField')}</p>
      ) : (
        <>
          <p className="reports__muted">{t('blocked.intro')}</p>
          {report.byClient.length > 0 && <EChart option={chart} label={t('blocked.chart')} height={Math.max(160, report.byClient.length * ROW_HEIGHT + 60)} />}
          <ReportTable
            title={t('blocked.byGroup')}
            rows={report.byGroup}
            rowKey={(row) => row.key}
            columns={columns(t('blocked.group'))}
            csv={() => blockedCsv(report, report.byGroup, headers(t('blocked.group')))}
            csvName={csvFileName('blocked-groups', period)}
            empty={t('blocked.empty')}
          />
          <ReportTable
            title={t('blocked.byClient')}
            rows={report.byClient}
            rowKey={(row) => row.key}
            columns={columns(t('blocked.client'))}
            csv={() => blockedCsv(report, report.byClient, headers(t('blocked.client')))}
            csvName={csvFileName('blocked-clients', period)}
            empty={t('blocked.empty')}
          />
        </>
      )}
    </section>
  );
}
