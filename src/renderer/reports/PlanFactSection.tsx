/** Plan vs fact: per employee per day over the period, and per client over the month. */
import { useMemo } from 'react';
import type { ReportsData } from '../../shared/api';
import { useI18n } from '../i18n/context';
import { EChart } from './charts/EChart';
import type { ChartColors } from './charts/chart-colors';
import { planFactOption } from './charts/chart-options';
import { ReportTable, type TableColumn } from './ReportTable';
import { clientCsv, employeeCsv, employeeTotals, percentDone, type EmployeeTotals } from './report-rows';
import { csvHeaders, formatNumber } from './report-format';
import { csvFileName } from './download';
import { shortDay } from './reports-range';
import { portalDayKeysBetween } from '../../core/domain/portal-time';

const ROW_HEIGHT = 26;

function tone(plan: number, fact: number): string {
  if (plan <= 0) return fact > 0 ? 'reports__cell--extra' : 'reports__cell--off';
  const share = fact / plan;
  return share >= 1 ? 'reports__cell--met' : share >= 0.5 ? 'reports__cell--part' : 'reports__cell--low';
}

export function PlanFactSection({ data, colors }: { data: ReportsData; colors: ChartColors }) {
  const { t, language } = useI18n();
  const n = (value: number) => formatNumber(value, language);
  const headers = useMemo(() => csvHeaders(t), [t]);
  const period = `${data.request.fromDay}_${data.request.toDay}`;
  const totals = useMemo(() => employeeTotals(data.employees), [data.employees]);
  const days = useMemo(() => portalDayKeysBetween(data.request.fromDay, data.request.toDay), [data.request]);
  const labels = useMemo(() => ({ plan: t('reports.plan'), fact: t('reports.fact'), number: (value: number) => formatNumber(value, language) }), [t, language]);
  const employeeChart = useMemo(
    () => planFactOption(totals.map((row) => ({ name: row.name, plan: row.planHours, fact: row.factHours })), labels, colors),
    [totals, labels, colors],
  );
  const clientChart = useMemo(
    () => planFactOption(data.clients.map((row) => ({ name: row.title, plan: row.planHours, fact: row.factHours })), labels, colors),
    [data.clients, labels, colors],
  );

  const employeeColumns: TableColumn<EmployeeTotals>[] = [
    { header: t('reports.employee'), cell: (row) => row.name, className: 'reports__sticky' },
    ...days.map((day) => ({
      header: shortDay(day, language),
      numeric: true,
      cell: (row: EmployeeTotals) => {
        const cell = row.byDay[day] ?? { plan: 0, fact: 0 };
        return (
          <span className={tone(cell.plan, cell.fact)} title={`${n(cell.fact)} / ${n(cell.plan)}`}>
            {cell.plan === 0 && cell.fact === 0 ? '·' : n(cell.fact)}
          </span>
        );
      },
    })),
    { header: t('reports.plan'), numeric: true, cell: (row) => n(row.planHours) },
    { header: t('reports.fact'), numeric: true, cell: (row) => n(row.factHours) },
    { header: t('reports.percent'), numeric: true, cell: (row) => percentDone(row.planHours, row.factHours) ?? '—' },
  ];
  const clientColumns: TableColumn<ReportsData['clients'][number]>[] = [
    { header: t('reports.client'), cell: (row) => row.title },
    { header: t('reports.plan'), numeric: true, cell: (row) => n(row.planHours) },
    { header: t('reports.fact'), numeric: true, cell: (row) => n(row.factHours) },
    { header: t('reports.diff'), numeric: true, cell: (row) => n(row.factHours - row.planHours) },
    { header: t('reports.percent'), numeric: true, cell: (row) => percentDone(row.planHours, row.factHours) ?? '—' },
    { header: t('reports.tasks'), numeric: true, cell: (row) => row.taskCount },
  ];

  return (
    <>
      <section className="reports__section" aria-labelledby="reports-employees">
        <h2 id="reports-employees">{t('reports.employees')}</h2>
        {totals.length > 0 && <EChart option={employeeChart} label={t('reports.employees.chart')} height={Math.max(160, totals.length * ROW_HEIGHT + 60)} />}
        <ReportTable
          title={t('reports.employees.table')}
          rows={totals}
          rowKey={(row) => row.userId}
          columns={employeeColumns}
          csv={() => employeeCsv(data.employees, headers)}
          csvName={csvFileName('employees', period)}
          empty={t('reports.empty')}
        />
      </section>
      <section className="reports__section" aria-labelledby="reports-clients">
        <h2 id="reports-clients">{t('reports.clients')}</h2>
        {data.clients.length > 0 && <EChart option={clientChart} label={t('reports.clients.chart')} height={Math.max(160, data.clients.length * ROW_HEIGHT + 60)} />}
        <ReportTable
          title={t('reports.clients')}
          rows={data.clients}
          rowKey={(row) => row.companyId}
          columns={clientColumns}
          csv={() => clientCsv(data.clients, headers)}
          csvName={csvFileName('clients', data.request.month)}
          empty={t('reports.empty')}
        />
      </section>
    </>
  );
}
