import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeRepo } from '../scripts/lib/bench-history.ts';
import { readPlansHistory } from '../src/core/load/history/read-history.ts';
import { buildSeries } from '../src/core/rollup/history.ts';

// Shape only, as for the rest of the bench: the generated repository has the commits it promises, each one a valid raise.
describe('the history bench repository', () => {
  it('holds one commit of the generated plans and then one raised plan per commit, twelve hours apart', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'bench-history-'));
    try {
      const repo = makeRepo(join(tmp, 'repo'), 12, 5, 7);
      const history = readPlansHistory({ plansDir: 'plans', cwd: repo, cache: false });
      expect({ count: history.count, notes: history.notes }).toEqual({ count: 5, notes: [] });
      const series = buildSeries(history, { until: '2025-11-26', every: 'week' });
      const [company] = series.goals;
      const dates: string[] = [];
      history.replay((s) => dates.push(s.date));
      expect(dates).toEqual(['2025-11-24', '2025-11-24', '2025-11-25', '2025-11-25', '2025-11-26']);
      expect(company?.points).toHaveLength(1);
      expect(series.accounts).toHaveLength(12);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
