import ExcelJS from 'exceljs';

/**
 * Reads a participant roster a clerk prepared in Excel or as CSV, for an
 * import the clerk previews before anything is saved. Only the structure is
 * checked here; whether an ID number or a role is acceptable depends on the
 * contract and on the hearing's template, which the caller has.
 */

export type RosterField = 'name' | 'role' | 'gender' | 'idNumber' | 'phone' | 'address' | 'organization' | 'post' | 'notes' | 'agentFor';

export interface RosterRow extends Record<RosterField, string> {
  /** The row number the clerk sees in Excel (or WPS) for this person, so a problem can be found and fixed there. */
  line: number;
}

export interface RosterProblem {
  line: number;
  /** The column heading as the clerk wrote it. */
  column?: string;
  /** An i18n key: roster.empty, roster.unreadable, roster.missingHeader, roster.duplicateColumn, roster.missingName, roster.idNumberAsNumber, roster.unclosedQuote, roster.tooManyRows. */
  key: string;
  params?: Record<string, string | number>;
}

export interface RosterParseResult {
  /** The people that can be imported; a row with a problem of its own (no name) is not among them. */
  rows: RosterRow[];
  problems: RosterProblem[];
  /** Headings of columns the import does not use (序号, 民族 …), so the preview can say they were left out. */
  ignoredColumns: string[];
}

/** More than any hearing room holds; a longer file is a wrong file (a whole 信访 register, say). */
export const maxRosterRows = 500;

const fields: readonly RosterField[] = ['name', 'role', 'gender', 'idNumber', 'phone', 'address', 'organization', 'post', 'notes', 'agentFor'];

/** Headings as offices write them, compared without case and blanks. */
const headings: Record<RosterField, readonly string[]> = {
  name: ['姓名', 'name'],
  role: ['角色', '身份', 'role'],
  gender: ['性别', 'gender'],
  idNumber: ['身份证号', '身份证号码', '公民身份号码', 'idnumber'],
  phone: ['电话', '联系电话', '手机', '手机号', '手机号码', '电话号码', 'phone'],
  address: ['住址', '地址', '家庭住址', 'address'],
  organization: ['工作单位', '单位', 'organization'],
  post: ['职务', 'post'],
  notes: ['备注', 'notes'],
  agentFor: ['代理对象', '委托人', 'agentfor'],
};

const fieldByHeading = new Map<string, RosterField>(fields.flatMap((field) => headings[field].map((heading) => [heading, field] as const)));

/** Templates often mark required columns with an asterisk (*姓名) and some end a heading with a colon. */
function fieldOfHeading(heading: string): RosterField | undefined {
  return fieldByHeading.get(
    heading
      .replace(/\s/g, '')
      .replace(/^[*＊]+|[*＊:：]+$/g, '')
      .toLowerCase(),
  );
}

/** Rows above the headings that may hold a title (某某听证会参加人员名单) or a date, as printed rosters do. */
const headingSearchDepth = 10;

interface SheetRow {
  line: number;
  cells: string[];
  /** Columns whose cell held a number, not text: an ID number stored so has already lost its last digits. */
  numbers: ReadonlySet<number>;
}

const zipSignature = [0x50, 0x4b, 0x03, 0x04];
const compoundFileSignature = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(content: Buffer, signature: readonly number[]): boolean {
  return signature.every((byte, index) => content[index] === byte);
}

/**
 * Never throws: whatever is wrong with the file comes back as a problem the
 * clerk can read. The content decides between CSV and XLSX when it is
 * unmistakably one of them, since a renamed file keeps its old insides.
 */
export async function parseRoster(content: Buffer, format: 'csv' | 'xlsx'): Promise<RosterParseResult> {
  // Excel 97–2003 (.xls) cannot be read; the clerk can save it again as .xlsx.
  if (startsWith(content, compoundFileSignature)) return failure({ line: 1, key: 'roster.unreadable', params: { format: 'xls' } });
  if (format === 'xlsx' || startsWith(content, zipSignature)) {
    const sheet = await readFirstWorksheet(content);
    return sheet === undefined ? failure({ line: 1, key: 'roster.unreadable' }) : interpret(sheet, []);
  }
  const { rows, problems } = readCsv(decodeText(content));
  return interpret(rows, problems);
}

function failure(problem: RosterProblem): RosterParseResult {
  return { rows: [], problems: [problem], ignoredColumns: [] };
}

function interpret(sheet: SheetRow[], readProblems: RosterProblem[]): RosterParseResult {
  const nonEmpty = sheet.filter((row) => row.cells.some((cell) => cell !== ''));
  if (nonEmpty.length === 0) return { rows: [], problems: [...readProblems, { line: 1, key: 'roster.empty' }], ignoredColumns: [] };

  const header = nonEmpty.slice(0, headingSearchDepth).find((row) => row.cells.some((cell) => fieldOfHeading(cell) === 'name'));
  if (header === undefined) {
    return { rows: [], problems: [...readProblems, { line: nonEmpty[0]!.line, key: 'roster.missingHeader', params: { column: '姓名' } }], ignoredColumns: [] };
  }

  const fileProblems = [...readProblems];

  const columnOf = new Map<RosterField, number>();
  const headingOf = new Map<RosterField, string>();
  const ignoredColumns: string[] = [];
  header.cells.forEach((heading, column) => {
    if (heading === '') return;
    const field = fieldOfHeading(heading);
    if (field === undefined) {
      ignoredColumns.push(heading);
    } else if (columnOf.has(field)) {
      // Two columns for one field (电话 and 手机): taking either silently could drop what the clerk meant.
      ignoredColumns.push(heading);
      fileProblems.push({ line: header.line, column: heading, key: 'roster.duplicateColumn', params: { column: heading, used: headingOf.get(field)! } });
    } else {
      columnOf.set(field, column);
      headingOf.set(field, heading);
    }
  });

  const rows: RosterRow[] = [];
  const rowProblems: RosterProblem[] = [];
  let people = 0;
  let firstBeyondLimit: number | undefined;
  for (const sheetRow of nonEmpty) {
    if (sheetRow.line <= header.line) continue;
    const row = { line: sheetRow.line } as RosterRow;
    for (const field of fields) {
      const column = columnOf.get(field);
      row[field] = column === undefined ? '' : (sheetRow.cells[column] ?? '');
    }
    // A row with only a 序号 (templates come pre-numbered down the page) is an empty row.
    if (fields.every((field) => row[field] === '')) continue;
    people++;
    if (people > maxRosterRows) {
      firstBeyondLimit ??= sheetRow.line;
      continue;
    }
    if (row.name === '') {
      rowProblems.push({ line: row.line, column: headingOf.get('name')!, key: 'roster.missingName' });
      continue;
    }
    const idColumn = columnOf.get('idNumber');
    if (idColumn !== undefined && row.idNumber !== '' && (sheetRow.numbers.has(idColumn) || looksLikeScientificNotation(row.idNumber))) {
      rowProblems.push({ line: row.line, column: headingOf.get('idNumber')!, key: 'roster.idNumberAsNumber' });
    }
    rows.push(row);
  }

  if (firstBeyondLimit !== undefined) {
    // Nothing is imported: a roster cut off at row 500 would look complete in the preview.
    const tooMany = { line: firstBeyondLimit, key: 'roster.tooManyRows', params: { max: maxRosterRows, count: people } };
    return { rows: [], problems: [...fileProblems, tooMany], ignoredColumns };
  }
  if (people === 0) fileProblems.push({ line: header.line, key: 'roster.empty' });
  return { rows, problems: [...fileProblems, ...rowProblems], ignoredColumns };
}

/** Excel writes a number it shows as 3.30106E+17 to CSV just so; the digits are gone for good. */
function looksLikeScientificNotation(value: string): boolean {
  return /^\d(?:\.\d+)?E\+?\d+$/i.test(value);
}

// ---------------------------------------------------------------------------
// CSV

/**
 * Excel on Chinese Windows saves "CSV (逗号分隔)" in GBK and "Unicode 文本" in
 * UTF-16 with tabs; everything else (WPS, LibreOffice, "CSV UTF-8") is UTF-8.
 * Chinese text in GBK is practically never valid UTF-8, so a failed strict
 * UTF-8 decode is the sign to read it as GB18030, the superset of GBK.
 */
function decodeText(content: Buffer): string {
  if (content[0] === 0xff && content[1] === 0xfe) return new TextDecoder('utf-16le').decode(content);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return new TextDecoder('gb18030').decode(content);
  }
}

function delimiterOf(text: string): ',' | '\t' {
  const start = text.split(/\r\n|\n|\r/, 10).join('\n');
  const count = (character: string) => start.split(character).length - 1;
  return count('\t') > count(',') ? '\t' : ',';
}

/**
 * RFC 4180 as Excel writes it: quoted fields may hold delimiters, doubled
 * quotes and line breaks (Alt+Enter in a cell). A record's line is its row in
 * Excel, which counts a record with a line break in it once; a text editor
 * would count more lines, but the clerk fixes the file where they made it.
 */
function readCsv(text: string): { rows: SheetRow[]; problems: RosterProblem[] } {
  const delimiter = delimiterOf(text);
  const rows: SheetRow[] = [];
  const noNumbers = new Set<number>();
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let index = 0;
  const endCell = () => {
    cells.push(cell.replace(/\r\n?/g, '\n').trim());
    cell = '';
  };
  const endRow = () => {
    endCell();
    rows.push({ line: rows.length + 1, cells, numbers: noNumbers });
    cells = [];
  };
  while (index < text.length) {
    const character = text[index]!;
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 2;
        continue;
      }
      if (character === '"') quoted = false;
      else cell += character;
      index++;
      continue;
    }
    if (character === '"' && cell.trim() === '') {
      cell = '';
      quoted = true;
    } else if (character === delimiter) {
      endCell();
    } else if (character === '\r' || character === '\n') {
      endRow();
      if (character === '\r' && text[index + 1] === '\n') index++;
    } else {
      cell += character;
    }
    index++;
  }
  if (quoted) {
    // The rest of the file went into one cell: better to say where than to import it.
    return { rows, problems: [{ line: rows.length + 1, key: 'roster.unclosedQuote' }] };
  }
  if (cell !== '' || cells.length > 0) endRow();
  return { rows, problems: [] };
}

// ---------------------------------------------------------------------------
// XLSX

/** The first worksheet as text, or undefined when the file cannot be read as a workbook at all. */
async function readFirstWorksheet(content: Buffer): Promise<SheetRow[] | undefined> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as its own ArrayBuffer-like "Buffer"; a plain copy of the bytes satisfies it honestly.
    await workbook.xlsx.load(new Uint8Array(content).buffer);
  } catch {
    return undefined;
  }
  const worksheet = workbook.worksheets[0];
  if (worksheet === undefined) return [];
  const rows: SheetRow[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    const numbers = new Set<number>();
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      cells[columnNumber - 1] = textOf(cell.value).trim();
      if (typeof resultOf(cell.value) === 'number') numbers.add(columnNumber - 1);
    });
    rows.push({ line: rowNumber, cells: Array.from(cells, (text) => text ?? ''), numbers });
  });
  return rows;
}

type PlainValue = string | number | boolean | Date | ExcelJS.CellErrorValue | ExcelJS.CellRichTextValue | ExcelJS.CellHyperlinkValue | null | undefined;

/** What the cell shows: a formula's cached result rather than the formula. */
function resultOf(value: ExcelJS.CellValue): PlainValue {
  if (value !== null && typeof value === 'object' && !(value instanceof Date) && ('formula' in value || 'sharedFormula' in value)) return value.result;
  return value as PlainValue;
}

function textOf(cellValue: ExcelJS.CellValue): string {
  const value = resultOf(cellValue);
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('hyperlink' in value) return textOf(value.text as ExcelJS.CellValue);
  if ('error' in value) return value.error;
  return '';
}

/** Excel keeps dates without a zone; exceljs hands them over as that wall-clock time in UTC. */
function dateText(date: Date): string {
  const iso = date.toISOString();
  const time = iso.slice(11, 16);
  return time === '00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}
