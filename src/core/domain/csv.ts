/**
 * CSV that Russian Excel opens as is: UTF-8 with a BOM, `;` separators, CRLF line ends, decimal
 * commas. Text cells starting with = + - @ (or a tab / carriage return) get a leading apostrophe
 * so a title like "=HYPERLINK(...)" is shown, never run.
 */

export type CsvCell = string | number | boolean | null | undefined;

const BOM = '\uFEFF';
const SEPARATOR = ';';
const FORMULA_START = /^[=+\-@\t\r]/;

export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return BOM + rows.map((row) => row.map(csvCell).join(SEPARATOR)).join('\r\n') + '\r\n';
}

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value).replace('.', ',') : '';
  if (typeof value === 'boolean') return value ? '1' : '0';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[";\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
