// Tidy CSV for R, pandas and Excel: RFC 4180 quoting, UTF-8 (optionally with a BOM, which Excel needs
// to read UTF-8), and cells that a spreadsheet would run as a formula neutralised (CSV injection).

export interface CsvOptions {
  bom?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = Array.isArray(value) ? value.join('; ') : String(value);
  // Numbers stay numbers (a negative net stance is data, not a formula).
  if (typeof value !== 'number' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv<T extends object>(rows: T[], columns: (keyof T & string)[], options: CsvOptions = {}): string {
  const lines = [columns.join(','), ...rows.map((row) => columns.map((c) => csvCell(row[c] as unknown)).join(','))];
  return (options.bom ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}
