// Reading back the CSV that csv.ts writes (and what spreadsheets save): RFC 4180 records, a leading
// BOM ignored, and the quote that csv.ts puts before a formula-like cell taken off again, so that
// a cell survives a round trip unchanged.

const NEUTRALISED_FORMULA = /^'[=+\-@\t\r]/;

/** The records of a CSV text as objects keyed by the header row. */
export function parseCsv(text: string): Record<string, string>[] {
  const records = csvRecords(text.startsWith('\uFEFF') ? text.slice(1) : text);
  const header = records.shift() ?? [];
  return records
    .filter((r) => r.length > 1 || r[0] !== '')
    .map((r) => Object.fromEntries(header.map((name, i) => [name, unneutralise(r[i] ?? '')])));
}

function unneutralise(cell: string): string {
  return NEUTRALISED_FORMULA.test(cell) ? cell.slice(1) : cell;
}

function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || record.length) {
    record.push(cell);
    records.push(record);
  }
  return records;
}
