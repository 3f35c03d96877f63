import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyCommand } from '../scripts/commands/history.ts';
import { readPlansHistory } from '../src/core/load/history/read-history.ts';
import { buildSeries } from '../src/core/rollup/history.ts';
import { makeSandbox, type Sandbox } from './helpers/sandbox.ts';
import { captured, commitAll, initRepo } from './helpers/git-history.ts';

/*
 * The cache between runs of `npm run history`: each plan version is validated once, and a result is found again
 * only under a key that holds everything it depends on. Every run here is compared with a run without any cache.
 * The minimal fixture, weighted, EUR at 1.1: acme 1.1 × (100 + 200 × 0.5) = 220, globex 400 × 0.5 = 200.
 */
let sb: Sandbox;
const edit = (s: Sandbox, rel: string, from: string, to: string) => {
  const text = readFileSync(join(s.plans, rel), 'utf8');
  if (!text.includes(from)) throw new Error(`${rel} has no ${from}`);
  s.write({ [rel]: text.replace(from, to) });
};
const run = (s: Sandbox, cache: string | false, extra: { cacheFingerprint?: string } = {}, until = '2026-03-22') => {
  const history = readPlansHistory({ plansDir: 'plans', cwd: s.dir, cache, ...extra });
  return { stats: history.stats, series: buildSeries(history, { until, every: 'week' }) };
};
const totals = (series: ReturnType<typeof buildSeries>) => series.goals[0]?.points.map((p) => `${p.date} ${p.planned}`);

beforeAll(() => {
  sb = makeSandbox();
  initRepo(sb.dir);
  commitAll(sb.dir, '2026-03-03'); // to 03-08: 420
  edit(sb, 'accounts/acme.yaml', 'revenue: 100 }', 'revenue: 200 }');
  commitAll(sb.dir, '2026-03-10'); // to 03-15: 1.1 × 300 + 200 = 530
  edit(sb, 'accounts/acme.yaml', 'revenue: 200 }', 'revenue: 100 }');
  commitAll(sb.dir, '2026-03-17'); // to 03-22: back to the first version's blob: 420
});
afterAll(() => sb.remove());

describe('the history cache', () => {
  it('validates each distinct version once, and a second run takes every result from the cache', () => {
    const folder = join(sb.dir, 'cache-a');
    const first = run(sb, folder);
    // acme twice (its third version is its first blob again) and globex once.
    expect(first.stats).toEqual({ validated: 3, cached: 0 });
    const second = run(sb, folder);
    expect(second.stats).toEqual({ validated: 0, cached: 3 });
    expect(second.series).toEqual(first.series);
    expect(second.series).toEqual(run(sb, false).series);
    expect(totals(second.series)).toEqual(['2026-03-08 420', '2026-03-15 530', '2026-03-22 420']);
  });

  it('never gives a result of other shared files: a plan made invalid by workspace.yaml alone is judged again', () => {
    const own = makeSandbox();
    try {
      initRepo(own.dir);
      commitAll(own.dir, '2026-03-03');
      const folder = join(own.dir, 'cache');
      expect(run(own, folder).stats).toEqual({ validated: 2, cached: 0 });
      // acme's blob is unchanged, but its region emea is no longer one of the workspace's.
      edit(own, 'workspace.yaml', 'region: [americas, emea]', 'region: [americas, apac]');
      commitAll(own.dir, '2026-03-10');
      const warm = run(own, folder);
      expect(warm.stats).toEqual({ validated: 2, cached: 2 });
      expect(warm.series).toEqual(run(own, false).series);
      expect(warm.series.notes.map((n) => n.replace(/commit [0-9a-f]{10}/, 'commit <hash>'))).toEqual([
        '2026-03-10 plans/accounts/acme.yaml:5:40 dimensions.region: "emea" is not a region in workspace.yaml. Write one of: americas, apac. Its version of commit <hash> (2026-03-10) is left out, up to the last commit: its last valid version stands in for it in the totals, and every other plan goes on.',
      ]);
      expect(totals(warm.series)).toEqual(['2026-03-08 420', '2026-03-15 420', '2026-03-22 420']);
    } finally {
      own.remove();
    }
  });

  it('is a file per version of the tool: another fingerprint finds nothing, and the first is still there', () => {
    const folder = join(sb.dir, 'cache-b');
    run(sb, folder);
    expect(run(sb, folder, { cacheFingerprint: 'an edited tool' }).stats).toEqual({ validated: 3, cached: 0 });
    expect(run(sb, folder).stats).toEqual({ validated: 0, cached: 3 });
    expect(readdirSync(folder)).toHaveLength(2);
  });

  it('reads a damaged file as empty and rewrites it, and never reads or writes through a link', () => {
    const folder = join(sb.dir, 'cache-c');
    run(sb, folder);
    const [name] = readdirSync(folder);
    const file = join(folder, name!);
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, 100));
    expect(run(sb, folder).stats).toEqual({ validated: 3, cached: 0 });
    expect(run(sb, folder).stats).toEqual({ validated: 0, cached: 3 });

    const linked = join(sb.dir, 'cache-d');
    run(sb, linked);
    const [own] = readdirSync(linked);
    const target = join(sb.bystander, 'keep.txt');
    const before = readFileSync(target, 'utf8');
    rmSync(join(linked, own!));
    symlinkSync(target, join(linked, own!));
    expect(run(sb, linked).stats).toEqual({ validated: 3, cached: 0 });
    expect(readFileSync(target, 'utf8')).toBe(before);

    // A cache folder that is a link to a filled cache elsewhere is neither read nor written.
    const elsewhere = join(sb.bystander, 'cache');
    run(sb, elsewhere);
    const names = readdirSync(elsewhere);
    const folderLink = join(sb.dir, 'cache-e');
    symlinkSync(elsewhere, folderLink);
    expect(run(sb, folderLink, { cacheFingerprint: 'another' }).stats).toEqual({ validated: 3, cached: 0 });
    expect(run(sb, folderLink).stats).toEqual({ validated: 3, cached: 0 });
    expect(readdirSync(elsewhere)).toEqual(names);
  });

  it('reads a file with one byte changed (its JSON still valid) as empty, and one that is a FIFO without waiting for a writer', () => {
    const folder = join(sb.dir, 'cache-f');
    run(sb, folder);
    const [name] = readdirSync(folder);
    const file = join(folder, name!);
    const bytes = readFileSync(file);
    // A digit of a forecast's revenue: the JSON still parses, and only the checksum tells the entry was changed.
    const at = bytes.indexOf('"revenue":') + '"revenue":'.length;
    expect(bytes[at]).toBeGreaterThanOrEqual(0x31);
    bytes[at] = bytes[at]! === 0x39 ? 0x38 : bytes[at]! + 1;
    writeFileSync(file, bytes);
    expect(run(sb, folder).stats).toEqual({ validated: 3, cached: 0 });
    expect(run(sb, folder).stats).toEqual({ validated: 0, cached: 3 });

    rmSync(file);
    execFileSync('mkfifo', [file]);
    expect(run(sb, folder).stats).toEqual({ validated: 3, cached: 0 });
    expect(run(sb, folder).stats).toEqual({ validated: 0, cached: 3 });
  });

  it('is off with --no-cache or ACCOUNT_PLANS_CACHE=0: nothing is written', () => {
    const folder = join(sb.dir, 'cache-off');
    const { output } = captured();
    expect(historyCommand(['--no-cache', '--plans', 'plans', '--today', '2026-03-29'], output, sb.dir, { cache: folder })).toBe(0);
    const saved = process.env['ACCOUNT_PLANS_CACHE'];
    process.env['ACCOUNT_PLANS_CACHE'] = '0';
    try {
      expect(run(sb, folder).stats).toEqual({ validated: 3, cached: 0 });
    } finally {
      if (saved === undefined) delete process.env['ACCOUNT_PLANS_CACHE'];
      else process.env['ACCOUNT_PLANS_CACHE'] = saved;
    }
    expect(() => readdirSync(folder)).toThrow();
  });
});

describe('results that depend on other plans', () => {
  it('are never kept: the plan that closes a circle of parents is left out, and the same version counts once the circle is broken', () => {
    const own = makeSandbox();
    try {
      initRepo(own.dir);
      commitAll(own.dir, '2026-03-03'); // to 03-08: 420
      edit(own, 'accounts/globex.mdx', 'owner: bo-kim', 'owner: bo-kim\nparent: acme');
      commitAll(own.dir, '2026-03-10'); // to 03-15: 420
      edit(own, 'accounts/acme.yaml', 'owner: ann-lee', 'owner: ann-lee\nparent: globex');
      commitAll(own.dir, '2026-03-17'); // to 03-22: acme → globex → acme, left out: 420
      // acme's version stays the one that was in the circle; globex leaves it and raises 400 to 600.
      edit(own, 'accounts/globex.mdx', 'owner: bo-kim\nparent: acme', 'owner: bo-kim');
      edit(own, 'accounts/globex.mdx', 'revenue: 400', 'revenue: 600');
      commitAll(own.dir, '2026-03-24'); // to 03-29: 220 + 300 = 520
      const folder = join(own.dir, 'cache');
      const cold = run(own, folder, {}, '2026-03-29');
      const warm = run(own, folder, {}, '2026-03-29');
      const fresh = run(own, false, {}, '2026-03-29');
      expect(warm.series).toEqual(fresh.series);
      expect(cold.series).toEqual(fresh.series);
      for (const { series } of [cold, warm, fresh]) {
        expect(totals(series)).toEqual(['2026-03-08 420', '2026-03-15 420', '2026-03-22 420', '2026-03-29 520']);
        expect(series.notes.map((n) => n.replace(/[0-9a-f]{10}/g, '<hash>'))).toEqual([
          '2026-03-17 plans/accounts/acme.yaml:1:1 parent: acme → globex → acme is a circle. The top account of a family has no parent: remove one "parent". Its version of commit <hash> (2026-03-17) is left out, until commit <hash> (2026-03-24) fits it with the other plans again: its last valid version stands in for it in the totals, and every other plan goes on.',
        ]);
      }
    } finally {
      own.remove();
    }
  });

  it('are never kept: of two plans with one id, the one left counts once the other is gone', () => {
    const own = makeSandbox();
    try {
      initRepo(own.dir);
      commitAll(own.dir, '2026-03-03'); // to 03-08: 420
      own.write({ 'accounts/partners/globex.yaml': 'name: Globex twin\nstatus: target\nstrategy: acquire\nowner: bo-kim\ndimensions: { channel: partner, region: americas }\nforecast:\n  - { period: FY2027, revenue: 1000 }\n' });
      commitAll(own.dir, '2026-03-10'); // to 03-15: two plans named globex, left out: 420
      own.write({ 'accounts/globex.mdx': null });
      commitAll(own.dir, '2026-03-17'); // to 03-22: the twin alone, unchanged: 220 + 1000 = 1220
      const folder = join(own.dir, 'cache');
      const runs = [run(own, folder), run(own, folder), run(own, false)];
      expect(runs[1]!.series).toEqual(runs[2]!.series);
      expect(runs[0]!.series).toEqual(runs[2]!.series);
      for (const { series } of runs) {
        expect(totals(series)).toEqual(['2026-03-08 420', '2026-03-15 420', '2026-03-22 1220']);
        expect(series.notes).toHaveLength(1);
      }
    } finally {
      own.remove();
    }
  });
  // Three runs (cold cache, warm cache, no cache) must agree on every total and note.
  const threeRuns = (own: Sandbox, until: string) => {
    const folder = join(own.dir, 'cache');
    const runs = [run(own, folder, {}, until), run(own, folder, {}, until), run(own, false, {}, until)];
    expect(runs[1]!.stats.validated).toBe(0);
    expect(runs[1]!.series).toEqual(runs[2]!.series);
    expect(runs[0]!.series).toEqual(runs[2]!.series);
    return runs.map(({ series }) => ({ totals: totals(series), notes: series.notes.map((n) => n.replace(/[0-9a-f]{10}/g, '<hash>')) }));
  };
  // A repository of its own, its first commit on 2026-03-03 (to 03-08: 420), removed after `body`.
  const inOwnRepo = (body: (own: Sandbox) => void) => {
    const own = makeSandbox();
    try {
      initRepo(own.dir);
      commitAll(own.dir, '2026-03-03');
      body(own);
    } finally {
      own.remove();
    }
  };
  const initech = 'name: Initech\nstatus: target\nstrategy: acquire\nowner: bo-kim\ndimensions: { channel: partner, region: americas }\nforecast:\n  - { period: FY2027, revenue: 1000 }\n';

  it('a parent missing: only that plan keeps its last valid version (or is left out), every other plan goes on', () => {
    inOwnRepo((own) => {
      // globex names a parent no plan has, and raises 400 to 600; acme raises 100 to 200 in the same commit.
      edit(own, 'accounts/globex.mdx', 'owner: bo-kim', 'owner: bo-kim\nparent: initech');
      edit(own, 'accounts/globex.mdx', 'revenue: 400', 'revenue: 600');
      edit(own, 'accounts/acme.yaml', 'revenue: 100 }', 'revenue: 200 }');
      commitAll(own.dir, '2026-03-10'); // to 03-15: acme 330 + globex's last valid 200 = 530
      own.write({ 'accounts/initech.yaml': initech });
      commitAll(own.dir, '2026-03-17'); // to 03-22: 330 + 300 + initech 1000 = 1630
      own.write({ 'accounts/initech.yaml': null });
      commitAll(own.dir, '2026-03-24'); // to 03-29: globex's only version that fits named initech: 330
      for (const r of threeRuns(own, '2026-03-29')) {
        expect(r.totals).toEqual(['2026-03-08 420', '2026-03-15 530', '2026-03-22 1630', '2026-03-29 330']);
        expect(r.notes).toEqual([
          '2026-03-10 plans/accounts/globex.mdx:1:1 parent: "initech" is not an account. Write the file name (without extension) of another plan in accounts/. Its version of commit <hash> (2026-03-10) is left out, until commit <hash> (2026-03-17) fits it with the other plans again: its last valid version stands in for it in the totals, and every other plan goes on.',
          '2026-03-24 plans/accounts/globex.mdx:1:1 parent: "initech" is not an account. Write the file name (without extension) of another plan in accounts/. Its version of commit <hash> (2026-03-24) is left out, up to the last commit: the plan is not in the totals, as no earlier version of it fits the other plans, and every other plan goes on.',
        ]);
      }
    });
  });

  it('a circle of parents: the plan already left out falls back, and another plan of the circle goes on changing', () => {
    inOwnRepo((own) => {
      edit(own, 'accounts/globex.mdx', 'owner: bo-kim', 'owner: bo-kim\nparent: acme');
      commitAll(own.dir, '2026-03-10'); // to 03-15: 420
      edit(own, 'accounts/acme.yaml', 'owner: ann-lee', 'owner: ann-lee\nparent: globex');
      commitAll(own.dir, '2026-03-17'); // to 03-22: acme closes the circle, its last valid version stands in: 420
      edit(own, 'accounts/globex.mdx', 'revenue: 400', 'revenue: 600');
      commitAll(own.dir, '2026-03-24'); // to 03-29: still a circle, acme stays out, globex's raise counts: 220 + 300 = 520
      edit(own, 'accounts/acme.yaml', 'owner: ann-lee\nparent: globex', 'owner: ann-lee');
      edit(own, 'accounts/acme.yaml', 'revenue: 100 }', 'revenue: 200 }');
      commitAll(own.dir, '2026-03-31'); // to 04-05: 330 + 300 = 630
      for (const r of threeRuns(own, '2026-04-05')) {
        expect(r.totals).toEqual(['2026-03-08 420', '2026-03-15 420', '2026-03-22 420', '2026-03-29 520', '2026-04-05 630']);
        expect(r.notes).toEqual([
          '2026-03-17 plans/accounts/acme.yaml:1:1 parent: acme → globex → acme is a circle. The top account of a family has no parent: remove one "parent". Its version of commit <hash> (2026-03-17) is left out, until commit <hash> (2026-03-31) fits it with the other plans again: its last valid version stands in for it in the totals, and every other plan goes on.',
        ]);
      }
    });
  });

  it('two plans with one id: the second in path order is left out, and every other plan goes on', () => {
    inOwnRepo((own) => {
      own.write({ 'accounts/partners/globex.yaml': initech.replace('Initech', 'Globex twin') });
      edit(own, 'accounts/acme.yaml', 'revenue: 100 }', 'revenue: 200 }');
      commitAll(own.dir, '2026-03-10'); // to 03-15: partners/globex.yaml left out, acme's raise counts: 330 + 200 = 530
      own.write({ 'accounts/globex.mdx': null });
      commitAll(own.dir, '2026-03-17'); // to 03-22: the twin alone: 330 + 1000 = 1330
      for (const r of threeRuns(own, '2026-03-22')) {
        expect(r.totals).toEqual(['2026-03-08 420', '2026-03-15 530', '2026-03-22 1330']);
        expect(r.notes).toEqual([
          '2026-03-10 plans/accounts/partners/globex.yaml:1:1 The account id "globex" is also used by plans/accounts/globex.mdx. Ids are file names and must be unique across the plans folder: merge the two or rename one. Its version of commit <hash> (2026-03-10) is left out, until commit <hash> (2026-03-17) fits it with the other plans again: the plan is not in the totals, as no version of it validated before, and every other plan goes on.',
        ]);
      }
    });
  });
  it('shared files broken at a commit: it is left out, and a plan changed in it counts from the next commit that repairs them', () => {
    inOwnRepo((own) => {
      const goals = readFileSync(join(own.plans, 'goals.yaml'), 'utf8');
      own.write({ 'goals.yaml': 'goals: [\n' });
      edit(own, 'accounts/acme.yaml', 'revenue: 100 }', 'revenue: 200 }');
      commitAll(own.dir, '2026-03-10'); // to 03-15: goals.yaml broken, the commit is left out: 420
      own.write({ 'goals.yaml': goals });
      commitAll(own.dir, '2026-03-17'); // to 03-22: goals.yaml alone repaired, acme's raise counts: 330 + 200 = 530
      for (const r of threeRuns(own, '2026-03-22')) {
        expect(r.totals).toEqual(['2026-03-08 420', '2026-03-15 420', '2026-03-22 530']);
        expect(r.notes).toHaveLength(1);
        expect(r.notes[0]).toMatch(/^2026-03-10 commit <hash>: plans\/goals\.yaml:\d+:\d+ .* This version is left out; the totals keep the one before it\.$/);
      }
    });
  });
});
