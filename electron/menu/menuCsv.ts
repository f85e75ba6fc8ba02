// The menu's CSV format: one file, one row per category, modifier group, option and item, told
// apart by the `type` column, so a spreadsheet round trip (export → edit → import) is one file.
// This module only reads and writes cells (csv-parse / csv-stringify); what the rows mean is
// menuImport.ts's business.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { invalid } from '../core/errors';
import { csvMoney as money, neutralise, unneutralise } from '../core/csvCells';
export { csvMoney as money } from '../core/csvCells';
import { parseMoney, toMoneyInput, type Minor } from '../shared/money';
import { BROKEN_TEXT_MESSAGE, isCleanText } from '../shared/schemas';

export const ROW_TYPES = ['category', 'group', 'option', 'item'] as const;
export type RowType = (typeof ROW_TYPES)[number];

/** Every column, in export order, and the row types it applies to. */
export const COLUMNS = {
  type: ROW_TYPES,
  id: ROW_TYPES,
  name: ROW_TYPES,
  category: ['item'],
  group: ['option'],
  price: ['item'],
  price_delta: ['option'],
  sku: ['item'],
  description: ['item'],
  kind: ['category'],
  color: ['category', 'item'],
  available: ['item', 'option'],
  favorite: ['item'],
  default: ['option'],
  min: ['group'],
  max: ['group'],
  repeat: ['group'],
  groups: ['category', 'item'],
  position: ROW_TYPES,
  archived: ROW_TYPES,
} as const satisfies Record<string, readonly RowType[]>;
export type Column = keyof typeof COLUMNS;
const COLUMN_NAMES = Object.keys(COLUMNS) as Column[];

export const CSV_LIMITS = { bytes: 2_000_000, rows: 5_000, cell: 1_000 } as const;

/** One data row: its spreadsheet row number (the header is row 1) and its cells by column. */
export interface CsvRow {
  row: number;
  cells: Partial<Record<Column, string>>;
  /** It has filled cells beyond the header's columns. */
  extra: boolean;
}

// ---------- writing ----------

export function writeCsv(rows: readonly Partial<Record<Column, string>>[]): string {
  const records = rows.map((r) => COLUMN_NAMES.map((c) => neutralise(r[c] ?? '')));
  // CRLF and a BOM: what spreadsheets write and what Excel needs to read UTF-8 (₱, é) correctly.
  return `\ufeff${stringify([COLUMN_NAMES, ...records], { record_delimiter: 'windows' })}`;
}

export const yesNo = (b: boolean): string => (b ? 'yes' : 'no');

// ---------- reading ----------

/** "Price Delta", " price-delta " → price_delta. */
const headerKey = (h: string) => h.trim().toLowerCase().replace(/[\s-]+/g, '_');

/** Spreadsheets in comma-decimal locales save with ";" (or a tab): take what the header uses. */
function delimiterOf(text: string): string {
  const first = text.slice(0, text.search(/\r?\n|$/));
  if (first.includes(',')) return ',';
  if (first.includes(';')) return ';';
  return first.includes('\t') ? '\t' : ',';
}

/**
 * The file's rows, or a VALIDATION error for problems with the whole file (size, encoding, CSV
 * syntax, header). Problems with one cell are left to the rows (rejected with their number).
 */
export function readCsv(input: string): { columns: Column[]; rows: CsvRow[] } {
  const text = input.startsWith('\ufeff') ? input.slice(1) : input;
  if (Buffer.byteLength(text, 'utf8') > CSV_LIMITS.bytes) throw invalid('That file is larger than 2 MB: split it into smaller files');
  if (text.includes('\ufffd') || text.includes('\u0000')) {
    throw invalid('That file is not UTF-8 text. In the spreadsheet, save it as “CSV UTF-8” and try again.');
  }
  if (text.trim() === '') throw invalid('That file is empty');
  // Checked before parsing: the CSV parser would quietly turn a lone surrogate into "�".
  const broken = text.search(/\p{Cs}/u);
  if (broken >= 0) throw invalid(`Line ${text.slice(0, broken).split('\n').length} of the file: ${BROKEN_TEXT_MESSAGE}`);
  let records: string[][];
  try {
    records = parse(text, { delimiter: delimiterOf(text), relax_column_count: true, skip_empty_lines: false, max_record_size: 100_000 }) as string[][];
  } catch (e) {
    const err = e as { code?: string; lines?: number };
    const where = err.lines ? ` near line ${err.lines}` : '';
    const why = err.code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quote is never closed' : err.code === 'CSV_MAX_RECORD_SIZE' ? 'a cell is far too long' : 'a quote is misplaced';
    throw invalid(`That file could not be read as CSV${where}: ${why}`);
  }
  const [header = [], ...data] = records;
  const columns = header.map(headerKey);
  const unknown = columns.filter((c) => c !== '' && !Object.hasOwn(COLUMNS, c));
  if (unknown.length > 0) {
    throw invalid(`Unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((c) => `“${c}”`).join(', ')}. The columns are: ${COLUMN_NAMES.join(', ')}`);
  }
  const seen = new Set<string>();
  for (const c of columns) {
    if (c !== '' && seen.has(c)) throw invalid(`The column “${c}” appears twice`);
    seen.add(c);
  }
  if (!seen.has('type') || !seen.has('name')) throw invalid('The first row must name the columns, with at least “type” and “name” (export the menu to see the format)');
  if (data.length > CSV_LIMITS.rows) throw invalid(`That file has ${data.length.toLocaleString('en-US')} rows; at most ${CSV_LIMITS.rows.toLocaleString('en-US')} can be imported at once`);
  const rows: CsvRow[] = [];
  data.forEach((record, i) => {
    // A blank line, or a spreadsheet's row of empty cells, is nothing to import.
    if (record.every((cell) => cell.trim() === '')) return;
    const cells: CsvRow['cells'] = {};
    let extra = false;
    record.forEach((cell, j) => {
      const column = columns[j];
      if (column) cells[column as Column] = cell;
      else if (cell.trim() !== '') extra = true;
    });
    rows.push({ row: i + 2, cells, extra });
  });
  return { columns: columns.filter((c): c is Column => c !== ''), rows };
}

/** A row's cell, cleaned: quote-unneutralised, trimmed, checked for length and broken characters. */
export function cellText(row: CsvRow, column: Column): string | undefined {
  const raw = row.cells[column];
  if (raw === undefined) return undefined;
  if (raw.length > CSV_LIMITS.cell) throw new RowProblem(`${column} is longer than ${CSV_LIMITS.cell} characters`);
  if (!isCleanText(raw)) throw new RowProblem(`${column}: ${BROKEN_TEXT_MESSAGE}`);
  return unneutralise(raw.trim());
}

/** A problem with one row: becomes { row, reason } in the preview. */
export class RowProblem extends Error {}

const YES = new Set(['yes', 'y', 'true', '1', 'x']);
const NO = new Set(['no', 'n', 'false', '0']);

export function parseYesNo(value: string, column: string): boolean {
  const v = value.toLowerCase();
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  throw new RowProblem(`${column} must be yes or no, not “${value}”`);
}

/** Whole numbers only: "3", not "3.0", "1e3" or "three". */
export function parseWhole(value: string, column: string, min: number, max: number): number {
  if (!/^\d{1,7}$/.test(value)) throw new RowProblem(`${column} must be a whole number from ${min} to ${max}, not “${value}”`);
  const n = Number(value);
  if (n < min || n > max) throw new RowProblem(`${column} must be from ${min} to ${max}, not ${n}`);
  return n;
}

const CURRENCY_SIGNS = /^(?:₱|PHP|\$|US\$|€|£|A\$|C\$|S\$)\s*/i;

/**
 * A price as spreadsheets write it: "130", "130.5", "1,234.50", "₱1,234.50", "-10.00" or
 * "−₱10.00" (deltas). Never a float: the digits go through the money module's parser. Refused:
 * "12.345", "1.234,50", "1e3", "(10.00)".
 */
export function parsePrice(value: string, column: string, min: Minor, max: Minor): Minor {
  let v = value.replace(/\s/g, '');
  let sign = 1;
  if (/^[-\u2212]/.test(v)) {
    sign = -1;
    v = v.slice(1);
  }
  v = v.replace(CURRENCY_SIGNS, '');
  if (sign === 1 && /^[-\u2212]/.test(v)) {
    sign = -1;
    v = v.slice(1);
  }
  const amount = /^[\d,]*\d(\.\d*)?$/.test(v) ? parseMoney(v) : null;
  if (amount === null) throw new RowProblem(`${column} “${value}” is not an amount like 130.00`);
  const signed = sign * amount;
  if (signed < min || signed > max) throw new RowProblem(`${column} must be from ${money(min)} to ${money(max)}, not ${money(signed)}`);
  return signed === 0 ? 0 : signed;
}

/** "Size; Milk" → ["Size", "Milk"]; a name that itself holds ";" is rejoined when it is known. */
export function splitNames(value: string, known: (name: string) => boolean): string[] {
  const parts = value.split(';');
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    let name = parts[i]!.trim();
    for (let j = i + 1; !known(name) && j < parts.length; j++) {
      const longer = parts.slice(i, j + 1).join(';').trim();
      if (known(longer)) {
        name = longer;
        i = j;
        break;
      }
    }
    if (name !== '') out.push(name);
  }
  return out;
}
