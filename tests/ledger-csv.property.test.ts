import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsvChunks } from '../src/core/load/sales/csv.ts';

/**
 * The ledger's CSV reader feeds csv-parse chunk by chunk and works out each cell's line and column itself, so a
 * bad cell is reported where an editor shows it. Whatever the cells hold (commas, quotes, line breaks, accents,
 * emoji), whatever the line ends and blank lines, in UTF-8 or UTF-16, and wherever the chunks happen to cut the bytes
 * (inside a character, a quoted cell or a CRLF), every row reads back as written and every cell is placed where it starts.
 */
const piece = fc.constantFrom('a', 'Z', '7', ' ', 'é', '€', '😀', ',', '"', '\n', '\r\n', '\r', ';');
const cell = fc.array(piece, { maxLength: 6 }).map((p) => p.join(''));
const row = fc.array(cell, { minLength: 2, maxLength: 5 });
const file = fc.record({
  rows: fc.array(row, { minLength: 1, maxLength: 8 }),
  ends: fc.array(fc.constantFrom('\n', '\r\n', '\n\n', '\r\n\r\n', '\r', '\r\r'), { minLength: 8, maxLength: 8 }),
  bom: fc.boolean(),
  // UTF-16 LE with its byte order mark, as spreadsheets write "Unicode text": csv-parse reads it, and places must hold.
  utf16: fc.boolean(),
  chunk: fc.integer({ min: 1, max: 40 }),
});

/** The file's text, and where each cell starts (1-based line, column in UTF-16 units as the reader counts them). */
function write(rows: string[][], ends: string[], bom: boolean): { text: string; starts: { line: number; column: number }[][] } {
  let text = bom ? '\uFEFF' : '';
  // A line ends at LF, CRLF or a lone CR (classic Mac OS): where a cell starts is counted over the text so far.
  const append = (s: string) => void (text += s);
  const here = () => {
    let line = 1;
    let column = 1;
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
        line++;
        column = 1;
      } else if (c !== '\r' && c !== '\uFEFF') column++;
    }
    return { line, column };
  };
  const starts = rows.map((cells, r) => {
    const at = cells.map((c, i) => {
      if (i > 0) append(',');
      const start = here();
      append(/[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);
      return start;
    });
    append(ends[r % ends.length]!);
    return at;
  });
  return { text, starts };
}

function chunked(bytes: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.slice(i, i + size));
  return out;
}

describe('the ledger CSV reader, on any file cut into any chunks', () => {
  it('reads every row as written and places every cell where it starts, whatever the line ends (LF, CRLF, CR)', () => {
    fc.assert(
      fc.property(file, ({ rows, ends, bom, utf16, chunk }) => {
        const { text, starts } = write(rows, ends, bom || utf16);
        const bytes = utf16 ? new Uint8Array(Buffer.from(text, 'utf16le')) : new TextEncoder().encode(text);
        const seen: { cells: string[]; at: { line: number; column: number }[] }[] = [];
        const failure = parseCsvChunks(chunked(bytes, chunk), (r) => {
          seen.push({ cells: r.cells, at: r.cells.map((_, i) => r.cellAt(i)) });
        });
        expect(failure).toBeUndefined();
        expect(seen.map((s) => s.cells)).toEqual(rows);
        expect(seen.map((s) => s.at)).toEqual(starts);
      }),
      { numRuns: 300, seed: 13 },
    );
  });

  it('places a row after a cell of a megabyte, cut into the reader\'s own 1 MB chunks, on its own line', () => {
    // A quoted cell of 4,000 lines of 300 characters (about 1.2 MB): row 2 spans lines 2 to 4002.
    const big = `"${`${'x'.repeat(300)}\r\n`.repeat(4000)}"`;
    const text = `a,b\r\n1,${big}\r\n2,é\r\n`;
    const lines: number[] = [];
    const failure = parseCsvChunks(chunked(new TextEncoder().encode(text), 1 << 20), (r) => void lines.push(r.line));
    expect(failure).toBeUndefined();
    expect(lines).toEqual([1, 2, 4003]);
  });
});
