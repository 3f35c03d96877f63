import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeJson } from '../src/core/report/escape.ts';
import { safeJsonPieces } from '../src/core/report/json-pieces.ts';
import { toJson } from '../src/core/report/json.ts';
import { readWorkspace } from '../src/core/load/read-workspace.ts';
import { workingCopy } from '../src/core/load/sources.ts';
import { rollUp } from '../src/core/rollup/rollup.ts';
import { Run } from '../src/core/engine/run.ts';
import { judgeGate } from '../src/core/report/gate.ts';
import type { CheckReport } from '../src/core/report/check-report.ts';

const joined = (value: unknown, pieceChars?: number, run?: number) => [...safeJsonPieces(value, pieceChars, run)].join('\n');

describe('safeJsonPieces: the JSON of check --json written in pieces of whole lines', () => {
  it('joins to exactly safeJson\'s text for any JSON-like value, with text that needs escapes, cut into small pieces, lists written in short runs', () => {
    const text = fc.string({ unit: fc.constantFrom('a', '#', '[', '\u2028', '\u0085', '\u202e', '"', '\\', '\n', 'é', ':') });
    const leaf = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined));
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 5 }), fc.dictionary(text, tie('node'), { maxKeys: 5 })),
    })).node;
    fc.assert(
      fc.property(value.filter((v) => v !== undefined), fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 4 }), (v, size, run) => {
        expect(joined(v, size, run)).toBe(safeJson(v));
      }),
      { numRuns: 400, seed: 10 },
    );
  });

  it('gives the same text as safeJson for the example\'s check report', () => {
    const { workspace, diagnostics } = readWorkspace(workingCopy({ plansDir: 'plans' }));
    const rollup = rollUp(workspace!);
    const report: CheckReport = { company: workspace!.settings.company, rollup, diagnostics, findings: Run.ofWorkspace(workspace!, { today: '2026-11-24' }).findings };
    report.gate = judgeGate(report, 'strict');
    const json = toJson(report);
    expect(joined(json, 500)).toBe(safeJson(json));
    expect(joined(json, 500, 3)).toBe(safeJson(json));
    expect(joined(json)).toBe(safeJson(json));
  });
});
