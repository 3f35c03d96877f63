import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsvChunks } from '../src/core/load/sales/csv.ts';

/**
 * The ledger's CSV reader feeds csv-parse chunk by chunk and works out each cell's line and column itself, so a
 * bad cell is reported where an editor shows it. Whatever the cells hold (commas, quotes, line breaks, accents,
 * emoji), whatever the line ends and blank lines, and wherever the chunks happen to cut the bytes (inside a
 * character, a quoted cell or a CRLF), every row reads back as written and every cell is placed where it starts.
 */
const piece = fc.constantFrom('a', 'Z', '7', ' ', 'é', '€', '😀', ',', '"', '\n', '\r\n', ';');
const cell = fc.array(piece, { maxLength: 6 }).map((p) => p.join(''));
const row = fc.array(cell, { minLength: 2, maxLength: 5 });
const file = fc.record({
  rows: fc.array(row, { minLength: 1, maxLength: 8 }),
  ends: fc.array(fc.constantFrom('\n', '\r\n', '\n\n', '\r\n\r\n'), { minLength: 8, maxLength: 8 }),
  bom: fc.boolean(),
  chunk: fc.integer({ min: 1, max: 40 }),
});

/** The file's text, and where each cell starts (1-based line, column in UTF-16 units as the reader counts them). */
function write(rows: string[][], ends: string[], bom: boolean): { text: string; starts: { line: number; column: number }[][] } {
  let text = bom ? '\uFEFF' : '';
  let line = 1;
  let column = 1;
  const append = (s: string) => {
    for (const c of s) {
      if (c === '\n') {
        line++;
        column = 1;
      } else if (c !== '\uFEFF') column += c.length;
    }
    text += s;
  };
  const starts = rows.map((cells, r) => {
    const at = cells.map((c, i) => {
      if (i > 0) append(',');
      const start = { line, column };
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
  it('reads every row as written and places every cell where it starts', () => {
    fc.assert(
      fc.property(file, ({ rows, ends, bom, chunk }) => {
        const { text, starts } = write(rows, ends, bom);
        const seen: { cells: string[]; at: { line: number; column: number }[] }[] = [];
        const failure = parseCsvChunks(chunked(new TextEncoder().encode(text), chunk), (r) => {
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
