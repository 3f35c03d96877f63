import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { npmScript } from '../scripts/lib/bench-run.ts';

const ROOT = join(import.meta.dirname, '..');

function bench(args: string[]) {
  return spawnSync(process.execPath, [join(ROOT, 'scripts', 'bench.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
}

// Shape only: timings are never asserted, they depend on the machine.
describe('npm run bench', () => {
  it('runs each command as its npm script starts it: Node\'s flags from package.json, then the script', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const check = npmScript(ROOT, 'check');
    expect(check.slice(-2)).toEqual([join(ROOT, 'scripts', 'run.mjs'), 'check']);
    expect(['node', ...check.slice(0, -2), 'scripts/run.mjs', 'check'].join(' ')).toBe(pkg.scripts['check']);
    const tmp = mkdtempSync(join(tmpdir(), 'bench-test-'));
    writeFileSync(join(tmp, 'package.json'), JSON.stringify({ scripts: { check: 'node --max-semi-space-size=8 --stack-size=900 scripts/run.mjs check', other: 'vitest run', flag: 'node scripts/run.mjs --x', shell: 'node $(evil) scripts/run.mjs check' } }));
    expect(npmScript(tmp, 'check')).toEqual(['--max-semi-space-size=8', '--stack-size=900', join(tmp, 'scripts', 'run.mjs'), 'check']);
    expect(npmScript(tmp, 'flag')).toEqual([join(tmp, 'scripts', 'run.mjs'), '--x']);
    for (const name of ['other', 'shell', 'missing']) expect(() => npmScript(tmp, name)).toThrow(/is not `node \[flags\] scripts/);
  });

  it('writes JSON with seconds, ratios to the floor and memory for validate, check and check --base, cold, warm and after one plan was edited', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'bench-test-'));
    const json = join(tmp, 'out', 'bench.json');
    const result = bench(['--accounts', '30', '--site', '0', '--runs', '1', '--json', json, '--work', join(tmp, 'work')]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Machine: node v\d+/);
    expect(result.stdout).toContain('30 | validate |');
    expect(result.stdout).toContain('30 | check --json |');
    expect(result.stdout).toContain('30 | check --json --base HEAD |');

    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report.machine).toEqual({ node: process.version, platform: expect.any(String), cpu: expect.any(String), cores: expect.any(Number), memoryGB: expect.any(Number) });
    expect(report.runs).toBe(1);
    expect(report.site).toBeNull();
    expect(report.sizes).toHaveLength(1);
    const [row] = report.sizes;
    expect(row.accounts).toBe(30);
    expect(row.floor.ratio).toBe(1);
    const memory = existsSync('/usr/bin/time') ? expect.any(Number) : null;
    for (const sample of [row.floor, row.validate.cold, row.validate.warm, row.validate.edited, row.check.cold, row.check.warm, row.check.edited, row.gate.cold, row.gate.warm, row.gate.edited]) {
      expect(sample).toEqual({ seconds: expect.any(Number), peakMB: memory, ratio: expect.any(Number), ...(existsSync('/usr/bin/time') && { cpuSeconds: expect.any(Number) }) });
      expect(Number.isFinite(sample.ratio) && sample.seconds > 0).toBe(true);
    }
  }, 120_000);

  it('builds the site at --site plans and at a tenth of that, and gives the fixed cost and the cost per page', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'bench-test-'));
    const json = join(tmp, 'bench.json');
    const result = bench(['--accounts', '5', '--site', '20', '--runs', '1', '--json', json, '--work', join(tmp, 'work')]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^20 \| build \(site\) \|/m);
    expect(result.stdout).toMatch(/^2 \| build \(site\) \|/m);
    expect(result.stdout).toMatch(/^Build: \d+ pages; about -?\d+\.\d s fixed and -?\d+\.\d ms per page \(from the builds of 2 and 20 plans, \d+ and \d+ pages\)\.$/m);
    const { site } = JSON.parse(readFileSync(json, 'utf8'));
    expect(site).toMatchObject({ accounts: 20, small: { accounts: 2 }, fixedSeconds: expect.any(Number), perPageMs: expect.any(Number) });
    // More plans, more pages: the two builds give a line, not a point.
    expect(site.pages).toBeGreaterThan(site.small.pages);
    expect(site.build.ratio).toBeGreaterThan(0);
    // The baselines: a bare Astro site of exactly as many pages, and Hugo over the same plans when it is installed.
    expect(site.baselines.astro.pages).toBe(site.pages);
    expect(site.baselines.overAstro).toBeGreaterThan(0);
    expect(result.stdout).toMatch(new RegExp(`^20 \\| bare Astro \\(${site.pages} pages of plan fields\\) \\|`, 'm'));
    if ('skipped' in site.baselines.hugo) {
      expect(site.baselines.hugo.skipped).toBe('Hugo is not installed (hugo is not on the PATH)');
      expect(site.baselines.overHugo).toBeNull();
      expect(result.stdout).toMatch(/^Build against its baselines: Hugo not measured \(Hugo is not installed/m);
    } else {
      // One page per plan, the section's list and the home page.
      expect(site.baselines.hugo.pages).toBe(22);
      expect(result.stdout).toMatch(/^Build against its baselines: \d+\.\d\d× Hugo, \d+\.\d\d× a bare Astro site/m);
    }
    expect(readdirSync(join(ROOT, 'node_modules', '.cache')).filter((name) => name.startsWith('account-plans-bench-'))).toEqual([]);
  }, 300_000);

  it('times validate over an opportunities report that sales.where filters to its won rows (--ledger-filter)', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'bench-test-'));
    const json = join(tmp, 'bench.json');
    const result = bench(['--accounts', '3', '--site', '0', '--runs', '1', '--ledger', '600', '--ledger-filter', '--json', json, '--work', join(tmp, 'work')]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const { ledger } = JSON.parse(readFileSync(json, 'utf8'));
    // Half the stages drawn are Closed Won: some rows are sales, not all.
    expect(ledger.filtered.sales).toBeGreaterThan(0);
    expect(ledger.filtered.sales).toBeLessThan(600);
    expect(result.stdout).toContain(`an opportunities report with every stage, filtered by sales.where to its ${ledger.filtered.sales} won rows) beside 3 plans`);
    const exported = readFileSync(join(tmp, 'work', 'ledger-600', 'sales', 'ledger-0.csv'), 'utf8').trim().split('\n');
    expect(exported[0]).toBe('date,account,revenue,product,margin,channel,stage');
    expect(exported.filter((line) => line.endsWith(',Closed Won'))).toHaveLength(ledger.filtered.sales);
    expect(readFileSync(join(tmp, 'work', 'ledger-600', 'workspace.yaml'), 'utf8')).toContain('sales: { where: { stage: [Closed Won] } }');
  }, 300_000);

  it('prints its usage for --help, and exits 0', () => {
    const result = bench(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: npm run bench -- /);
  });

  it.each([
    { name: 'a size that is not a whole number', args: ['--accounts', '10,abc'], message: '--accounts takes a whole number of at least 1, not "abc".' },
    { name: 'no runs', args: ['--runs', '0'], message: '--runs takes a whole number of at least 1, not "0".' },
    { name: 'a negative site size', args: ['--site=-5'], message: '--site takes a whole number of at least 0, not "-5".' },
    { name: 'a ledger size that is no number, before anything is measured', args: ['--ledger', 'abc'], message: '--ledger takes a whole number of at least 1, not "abc".' },
    { name: '--ledger-filter without a ledger', args: ['--ledger-filter'], message: '--ledger-filter filters the generated ledger: give --ledger ROWS with it.' },
  ])('refuses $name with exit code 2', ({ args, message }) => {
    const result = bench(args);
    expect(result.status).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(message);
  });
});
