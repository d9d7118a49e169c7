/** Saves a CSV through a Blob link: the browser's download in browser mode, a save dialog in Electron. */
import { toCsv } from '../../core/domain/csv';
import type { CsvRows } from './report-rows';

export function downloadCsv(fileName: string, rows: CsvRows): void {
  const blob = new Blob([toCsv(rows)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has started the download.
  window.setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/** "pult-clients-2025-03.csv": names without spaces or characters Windows refuses. */
export function csvFileName(table: string, period: string): string {
  return `pult-${table}-${period}.csv`.replace(/[^\w.-]+/g, '_');
}
