// Tidy CSV for R, pandas and Excel: RFC 4180 quoting, UTF-8 (optionally with a BOM, which Excel needs
// to read UTF-8), and cells that a spreadsheet would run as a formula neutralised (CSV injection).

export interface CsvOptions {
  bom?: boolean;
}

/** Put first in a file, it tells Excel the file is UTF-8. */
export const BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = Array.isArray(value) ? value.join('; ') : String(value);
  // Numbers stay numbers (a negative net stance is data, not a formula).
  if (typeof value !== 'number' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record with its line end. */
export function csvLine(values: unknown[]): string {
  return values.map(csvCell).join(',') + '\r\n';
}

export function toCsv<T extends object>(rows: T[], columns: (keyof T & string)[], options: CsvOptions = {}): string {
  return (options.bom ? BOM : '') + csvLine(columns) + rows.map((row) => csvLine(columns.map((c) => row[c]))).join('');
}
