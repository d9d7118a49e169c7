/** A report table with its caption and a CSV button; long tables show their first rows. */
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/context';
import { downloadCsv } from './download';
import type { CsvRows } from './report-rows';

export interface TableColumn<T> {
  header: string;
  cell: (row: T) => ReactNode;
  numeric?: boolean;
  className?: string;
}

interface Props<T> {
  title: string;
  rows: readonly T[];
  rowKey: (row: T) => string;
  columns: readonly TableColumn<T>[];
  csv: () => CsvRows;
  csvName: string;
  empty: string;
  limit?: number;
  footer?: ReactNode;
}

export function CsvButton({ title, csv, csvName }: { title: string; csv: () => CsvRows; csvName: string }) {
  const { t } = useI18n();
  return (
    <button type="button" className="reports__csv" aria-label={t('reports.csvTitle', { title })} onClick={() => downloadCsv(csvName, csv())}>
      {t('reports.csv')}
    </button>
  );
}

export function ReportTable<T>({ title, rows, rowKey, columns, csv, csvName, empty, limit, footer }: Props<T>) {
  const { t } = useI18n();
  const shown = limit ? rows.slice(0, limit) : rows;
  return (
    <div className="reports__table-block">
      <div className="reports__table-head">
        <h3 className="reports__table-title">{title}</h3>
        {limit && rows.length > limit && <span className="reports__muted">{t('reports.shownOf', { shown: limit, total: rows.length })}</span>}
        <CsvButton title={title} csv={csv} csvName={csvName} />
      </div>
      {rows.length === 0 ? (
        <p className="reports__muted">{empty}</p>
      ) : (
        <div className="reports__table-scroll">
          <table className="reports__table" aria-label={title}>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column.header} scope="col" className={`${column.numeric ? 'reports__num' : ''} ${column.className ?? ''}`}>
                    {column.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => (
                <tr key={rowKey(row)}>
                  {columns.map((column) => (
                    <td key={column.header} className={`${column.numeric ? 'reports__num' : ''} ${column.className ?? ''}`}>
                      {column.cell(row)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
            {footer && <tfoot>{footer}</tfoot>}
          </table>
        </div>
      )}
    </div>
  );
}
