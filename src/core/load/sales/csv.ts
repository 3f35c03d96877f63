import { csvParse } from '../lazy.ts';

/**
 * csv-parse's streaming parser, fed chunk by chunk from a synchronous read: the loader stays synchronous like the
 * rest of load/, and memory stays flat however long the ledger is. The library knows how many bytes each record
 * ends at; lines and columns are counted here from those bytes, since its own line count drifts on CRLF inside quotes.
 */

/** A row as cells, with where it is: its first line, and each cell's line and column, worked out only when asked. */
export interface CsvRow {
  cells: string[];
  line: number;
  /** Whether one or more blank lines come just before this row (the parser skips them). */
  afterBlank: boolean;
  /** 1-based line and column of cell `index` (a cell past the last one points just after the row). */
  cellAt(index: number): { line: number; column: number };
}

export interface CsvFailure {
  /** The library's code, such as CSV_QUOTE_NOT_CLOSED. */
  code: string;
  line: number;
  column: number;
  /** Whether blank lines come between the last row read and the row that failed. */
  afterBlank: boolean;
}

interface Engine {
  parse(buf: Buffer | undefined, end: boolean, push: (r: { record: string[]; info: { bytes: number } }) => void, close: () => void): Error | undefined;
}

// A line ends as a spreadsheet or an editor ends it: CRLF (Windows), LF, or a lone CR (classic Mac OS, and Excel's
// "CSV (Macintosh)"). csv-parse tries the delimiters in order, so CRLF is one line end, not two.
// A row is held whole until it ends (the parser's field buffer, and here its bytes, to place its cells), so a row
// may be at most MAX_ROW_BYTES: a cell of a whole file (a quote never closed, a document pasted in) is one located
// error, and memory stays flat whatever the file holds.
export const MAX_ROW_BYTES = 4 * 1024 * 1024;
const OPTIONS = { bom: true, relax_column_count: true, skip_empty_lines: true, info: true, record_delimiter: ['\r\n', '\n', '\r'], max_record_size: MAX_ROW_BYTES };

/**
 * Parses chunks of one CSV file, cells separated by `delimiter`, calling `onRow` for every row (the header too).
 * Returns the first syntax failure, if any.
 */
export function parseCsvChunks(chunks: Iterable<Uint8Array>, onRow: (row: CsvRow) => boolean | void, delimiter = ','): CsvFailure | undefined {
  const engine = (new (csvParse().Parser)({ ...OPTIONS, delimiter }) as unknown as { api: Engine }).api;
  let window: Buffer = Buffer.alloc(0);
  let windowStart = 0; // file offset of window[0]
  let consumed = 0; // file offset where the next record starts (after the last record's delimiter)
  let line = 1; // the line at `consumed`
  let stopped = false;
  // csv-parse reads a file that starts with a UTF-16 LE byte order mark (Excel's "Unicode text") as UTF-16: a
  // character is then two bytes, and line breaks are 0A 00.
  let encoding: 'utf8' | 'utf16le' = 'utf8';
  let unit = 1;
  const isByte = (b: Buffer, i: number, value: number) => b[i] === value && (unit === 1 || b[i + 1] === 0);
  // A line ends at LF, or at a CR that no LF follows (a CR that ends the bytes is the end of its row).
  const endsLine = (b: Buffer, i: number) => isByte(b, i, 10) || (isByte(b, i, 13) && !isByte(b, i + unit, 10));

  const push = ({ record, info }: { record: string[]; info: { bytes: number } }) => {
    if (stopped) return;
    const bytes = window.subarray(consumed - windowStart, info.bytes - windowStart);
    let skip = 0;
    if (consumed === 0 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) skip = 3;
    else if (consumed === 0 && unit === 2) skip = 2;
    let startLine = line;
    // Blank lines before the row were skipped by the parser; they still count.
    while (skip < bytes.length && (isByte(bytes, skip, 10) || isByte(bytes, skip, 13))) {
      if (endsLine(bytes, skip)) startLine++;
      skip += unit;
    }
    const afterBlank = consumed > 0 && startLine > line;
    let newlines = 0;
    for (let i = skip; i < bytes.length; i += unit) if (endsLine(bytes, i)) newlines++;
    const rowBytes = bytes.subarray(skip);
    consumed = info.bytes;
    line = startLine + newlines;
    const rowEncoding = encoding;
    const row: CsvRow = { cells: record, line: startLine, afterBlank, cellAt: (index) => locateCell(rowBytes.toString(rowEncoding), startLine, index, delimiter) };
    if (onRow(row) === false) stopped = true;
  };

  // Bytes not given to the parser yet: the first two until the byte order mark is known, and in UTF-16 an odd byte
  // at a chunk's end, since csv-parse misreads a character cut in two there.
  let pending: Buffer = Buffer.alloc(0);
  let decided = false;
  const feed = (piece: Buffer): CsvFailure | 'stop' | undefined => {
    window = window.length === 0 ? piece : Buffer.concat([window, piece]);
    const failure = engine.parse(piece, false, push, () => {});
    // Once the caller has stopped (a bad header, too many problems), what follows is not read, broken or not.
    if (stopped) return 'stop';
    if (failure) return failureAt(failure, window.subarray(consumed - windowStart), line, unit, consumed > 0);
    // What the parser holds of an unfinished record is kept; the rest is let go.
    window = window.subarray(consumed - windowStart);
    windowStart = consumed;
    return undefined;
  };
  for (const chunk of chunks) {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    pending = pending.length === 0 ? bytes : Buffer.concat([pending, bytes]);
    if (!decided) {
      if (pending.length < 2) continue;
      decided = true;
      if (pending[0] === 0xff && pending[1] === 0xfe) [encoding, unit] = ['utf16le', 2];
      // UTF-16 big-endian (byte order mark FE FF) is not read: said at once, rather than as a stray quote later.
      else if (pending[0] === 0xfe && pending[1] === 0xff) return { code: 'UTF16_BIG_ENDIAN', line: 1, column: 1, afterBlank: false };
    }
    const n = pending.length - (pending.length % unit);
    if (n === 0) continue;
    const result = feed(pending.subarray(0, n));
    pending = pending.subarray(n);
    if (result === 'stop') return undefined;
    if (result) return result;
  }
  if (pending.length > 0) {
    const result = feed(pending);
    if (result === 'stop') return undefined;
    if (result) return result;
  }
  const failure = engine.parse(undefined, true, push, () => {});
  return failure && !stopped ? failureAt(failure, window.subarray(consumed - windowStart), line, unit, consumed > 0) : undefined;
}

/** A syntax failure is placed at the start of the row the parser was reading: `rest` starts where the last row ended. */
function failureAt(e: Error, rest: Buffer, line: number, unit: number, afterRow: boolean): CsvFailure {
  const code = (e as Error & { code?: string }).code ?? 'CSV_ERROR';
  const first = line;
  let i = 0;
  const at = (j: number, value: number) => rest[j] === value && (unit === 1 || rest[j + 1] === 0);
  while (i < rest.length && (at(i, 10) || at(i, 13))) {
    if (at(i, 10) || !at(i + unit, 10)) line++;
    i += unit;
  }
  return { code, line, column: 1, afterBlank: afterRow && line > first };
}

/** The line and column (in characters) where cell `index` of a row starts, scanning the row's own text with quotes in mind. */
function locateCell(text: string, startLine: number, index: number, delimiter: string): { line: number; column: number } {
  let cell = 0;
  let line = startLine;
  let column = 1;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    if (cell === index) return { line, column };
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (c === delimiter && !quoted) cell++;
    else if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      if (!quoted) break;
      line++;
      column = 0;
    } else if (c === '\r' && !quoted) break;
    column++;
  }
  return { line, column };
}
