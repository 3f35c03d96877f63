import { Parser } from 'csv-parse';

/**
 * csv-parse's streaming parser, fed chunk by chunk from a synchronous read: the loader stays synchronous like the
 * rest of load/, and memory stays flat however long the ledger is. The library knows how many bytes each record
 * ends at; lines and columns are counted here from those bytes, since its own line count drifts on CRLF inside quotes.
 */

/** A row as cells, with where it is: its first line, and each cell's line and column, worked out only when asked. */
export interface CsvRow {
  cells: string[];
  line: number;
  /** 1-based line and column of cell `index` (a cell past the last one points just after the row). */
  cellAt(index: number): { line: number; column: number };
}

export interface CsvFailure {
  /** The library's code, such as CSV_QUOTE_NOT_CLOSED. */
  code: string;
  line: number;
  column: number;
}

interface Engine {
  parse(buf: Buffer | undefined, end: boolean, push: (r: { record: string[]; info: { bytes: number } }) => void, close: () => void): Error | undefined;
}

const OPTIONS = { bom: true, relax_column_count: true, skip_empty_lines: true, info: true, record_delimiter: ['\r\n', '\n'] };

/**
 * Parses chunks of one CSV file, cells separated by `delimiter`, calling `onRow` for every row (the header too).
 * Returns the first syntax failure, if any.
 */
export function parseCsvChunks(chunks: Iterable<Uint8Array>, onRow: (row: CsvRow) => boolean | void, delimiter = ','): CsvFailure | undefined {
  const engine = (new Parser({ ...OPTIONS, delimiter }) as unknown as { api: Engine }).api;
  let window: Buffer = Buffer.alloc(0);
  let windowStart = 0; // file offset of window[0]
  let consumed = 0; // file offset where the next record starts (after the last record's delimiter)
  let line = 1; // the line at `consumed`
  let stopped = false;

  const push = ({ record, info }: { record: string[]; info: { bytes: number } }) => {
    if (stopped) return;
    const bytes = window.subarray(consumed - windowStart, info.bytes - windowStart);
    let skip = consumed === 0 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    let startLine = line;
    // Blank lines before the row were skipped by the parser; they still count.
    while (skip < bytes.length && (bytes[skip] === 10 || bytes[skip] === 13)) {
      if (bytes[skip] === 10) startLine++;
      skip++;
    }
    let newlines = 0;
    for (let i = skip; i < bytes.length; i++) if (bytes[i] === 10) newlines++;
    const rowBytes = bytes.subarray(skip);
    consumed = info.bytes;
    line = startLine + newlines;
    const row: CsvRow = { cells: record, line: startLine, cellAt: (index) => locateCell(rowBytes, startLine, index, delimiter) };
    if (onRow(row) === false) stopped = true;
  };

  for (const chunk of chunks) {
    const piece = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    window = window.length === 0 ? piece : Buffer.concat([window, piece]);
    const failure = engine.parse(piece, false, push, () => {});
    // Once the caller has stopped (a bad header, too many problems), what follows is not read, broken or not.
    if (stopped) return undefined;
    if (failure) return failureAt(failure, window, windowStart, consumed, line);
    // What the parser holds of an unfinished record is kept; the rest is let go.
    window = window.subarray(consumed - windowStart);
    windowStart = consumed;
  }
  const failure = engine.parse(undefined, true, push, () => {});
  return failure && !stopped ? failureAt(failure, window, windowStart, consumed, line) : undefined;
}

/** A syntax failure is placed at the start of the row the parser was reading. */
function failureAt(e: Error, window: Buffer, windowStart: number, consumed: number, line: number): CsvFailure {
  const code = (e as Error & { code?: string }).code ?? 'CSV_ERROR';
  const rest = window.subarray(consumed - windowStart);
  let i = 0;
  while (i < rest.length && (rest[i] === 10 || rest[i] === 13)) if (rest[i++] === 10) line++;
  return { code, line, column: 1 };
}

/** The line and column (in characters) where cell `index` of a row starts, scanning the row's own bytes with quotes in mind. */
function locateCell(bytes: Buffer, startLine: number, index: number, delimiter: string): { line: number; column: number } {
  const text = bytes.toString('utf8');
  let cell = 0;
  let line = startLine;
  let column = 1;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    if (cell === index) return { line, column };
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (c === delimiter && !quoted) cell++;
    else if (c === '\n') {
      if (!quoted) break;
      line++;
      column = 0;
    } else if (c === '\r' && !quoted && text[i + 1] === '\n') break;
    column++;
  }
  return { line, column };
}
