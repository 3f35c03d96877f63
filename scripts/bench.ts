import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fastest, measure, measureScript, memorySource, ratio, type Rated, type Sample } from './lib/bench-run.ts';
import { stageTable } from './lib/bench-stages.ts';
import { benchHistory } from './lib/bench-history.ts';
import { benchLedger } from './lib/bench-ledger.ts';
import { benchSite } from './lib/bench-site.ts';
import { ExitError, main, parseOptions } from './lib/cli.ts';
import { generateWorkspace } from './lib/generate.ts';
import { gitIn } from '../src/core/git/run.ts';

const USAGE = 'Usage: npm run bench -- [--accounts N[,N…]] [--site N] [--runs N] [--seed N] [--json FILE] [--work DIR] [--stages] [--ledger ROWS [--ledger-filter]] [--history]';
const ROOT = join(import.meta.dirname, '..');
const script = (name: string) => join(ROOT, 'scripts', name);
const TODAY = '2026-11-24';
const SETTLE_MS = 2100;

/**
 * Measures each command in its own process, on generated workspaces, against the floor: reading every file and
 * parsing it with js-yaml, which any command must do, measured in the same loop as the command (floor, cold, warm,
 * edited, `--runs` times; each figure the fastest). Prints seconds, ratios to the floor and peak memory, then the
 * same runs in CPU seconds, and writes it all as JSON for the README table. Cold runs start without the tool's
 * cache; warm runs are the same command again in the same workspace; edited runs, once more with the cache kept
 * after a comment line was appended to one plan (put back after). Asserts nothing: budgets are read from the
 * table, never from tests.
 */
await main(async (argv, output) => {
  const values = parseOptions(
    argv,
    {
      accounts: { type: 'string' },
      site: { type: 'string' },
      runs: { type: 'string' },
      seed: { type: 'string' },
      json: { type: 'string' },
      work: { type: 'string' },
      stages: { type: 'boolean' },
      ledger: { type: 'string' },
      'ledger-filter': { type: 'boolean' },
      history: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
  );
  if (values.help) {
    output.out(USAGE);
    return 0;
  }
  const whole = (name: string, value: string, min: number) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new ExitError(2, `--${name} takes a whole number of at least ${min}, not "${value}".\n${USAGE}`);
    return n;
  };
  const sizes = (values.accounts ?? '1000,10000,50000').split(',').map((v) => whole('accounts', v, 1));
  const site = whole('site', values.site ?? '2000', 0);
  const runs = whole('runs', values.runs ?? '3', 1);
  // Checked before anything is measured, not after minutes of it.
  const ledgerRows = values.ledger === undefined ? undefined : whole('ledger', values.ledger, 1);
  if (values['ledger-filter'] && ledgerRows === undefined) throw new ExitError(2, `--ledger-filter filters the generated ledger: give --ledger ROWS with it.\n${USAGE}`);
  const seed = whole('seed', values.seed ?? '42', 0);
  const work = resolve(values.work ?? 'bench-workspaces');
  const jsonFile = resolve(values.json ?? join('bench-results', 'bench.json'));
  // Deleting the cache is always safe; cold runs start without it, in case the tool has one.
  const caches = [...new Set([process.cwd(), ROOT].map((d) => join(d, 'node_modules', '.cache', 'account-plans')))];
  // Other runs may be writing into it (the tests share the repository's): it is renamed aside first, so no new file
  // appears in what is being removed, and removing it retries a folder that was not empty yet.
  const clearCache = () =>
    caches.forEach((c) => {
      const aside = `${c}.cleared-${process.pid}`;
      try {
        renameSync(c, aside);
      } catch {
        // Not there, or cannot be moved: removed where it is.
      }
      for (const folder of [aside, c]) rmSync(folder, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
    });

  const machine = {
    node: process.version,
    platform: `${process.platform}/${process.arch}`,
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: availableParallelism(),
    memoryGB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
  };
  output.out(`Machine: node ${machine.node}, ${machine.platform}, ${machine.cores} cores (${machine.cpu}), ${machine.memoryGB} GB memory`);
  output.out(`Fastest of ${runs} run(s), seed ${seed}; peak memory: ${memorySource}.`);
  output.out('Floor: a separate Node process that reads every plan file and parses it with js-yaml, nothing else, run in the same loop as each command; each ratio is over the fastest floor of that loop.');

  const floorOf = (dir: string) => fastest(Array.from({ length: runs }, () => measure(script('lib/bench-floor.ts'), [dir])));
  // The floor and the command in the same loop, each figure the fastest of `runs`, so both see the same machine.
  // Edited: the cache is warm and one plan has a comment line appended since, as after an edit in a pull request;
  // the plan is put back after.
  // Each command as `npm run <command>` runs it: package.json's script line (scripts/run.mjs, which starts from Node's
  // compile cache, with the Node flags the script gives).
  const command = (name: string, args: string[], okUpTo: number) => measureScript(ROOT, name, args, okUpTo);
  const coldWarm = (dir: string, name: string, args: string[], okUpTo: number, edit: () => () => void) => {
    const floor: Sample[] = [];
    const cold: Sample[] = [];
    const warm: Sample[] = [];
    const edited: Sample[] = [];
    for (let i = 0; i < runs; i++) {
      floor.push(measure(script('lib/bench-floor.ts'), [dir]));
      clearCache();
      cold.push(command(name, args, okUpTo));
      warm.push(command(name, args, okUpTo));
      const undo = edit();
      try {
        edited.push(command(name, args, okUpTo));
      } finally {
        undo();
      }
    }
    return { floor: fastest(floor), cold: fastest(cold), warm: fastest(warm), edited: fastest(edited) };
  };
  const editOnePlan = (dir: string) => () => {
    const accounts = join(dir, 'accounts');
    // A YAML plan gets a comment line; in a workspace of MDX plans only, the first plan's narrative gets a line.
    const names = readdirSync(accounts).sort();
    const name = names.find((n) => n.endsWith('.yaml')) ?? names.find((n) => n.endsWith('.mdx'))!;
    const file = join(accounts, name);
    const before = readFileSync(file);
    writeFileSync(file, Buffer.concat([before, Buffer.from(name.endsWith('.yaml') ? '\n# one plan edited since the last run\n' : '\nOne plan edited since the last run.\n')]));
    return () => writeFileSync(file, before);
  };
  const withRatio = (s: Sample, floor: Sample): Rated => ({ ...s, ratio: ratio(s, floor) });

  const results = [];
  for (const accounts of sizes) {
    const dir = join(work, `accounts-${accounts}`);
    generateWorkspace(dir, { accounts, seed, mdx: 0.2 });
    // Files written this instant are read again by every run until two seconds have passed (the stat index's racy
    // window, load/stat-index.ts); a repository's plans are older than that, so the runs start after it.
    await new Promise((settled) => setTimeout(settled, SETTLE_MS));
    // check exits 1 when it has findings, which generated plans do; 2 would be a failure.
    const validate = coldWarm(dir, 'validate', ['--plans', dir], 0, editOnePlan(dir));
    const check = coldWarm(dir, 'check', ['--plans', dir, '--json', '--today', TODAY], 1, editOnePlan(dir));
    // The gate of a pull request, as the workflow runs it: check --base against the commit the plans were at, which no
    // run cache replays (git's state is not in its key); cold, then with the caches the workflow keeps, then with one
    // plan edited since the commit. The plans folder is made a repository of its own for it, and left one.
    commitAll(dir);
    const gate = coldWarm(dir, 'check', ['--plans', dir, '--json', '--today', TODAY, '--base', 'HEAD'], 1, editOnePlan(dir));
    // Each command's ratios are against the floor measured in its own loop; the floor row shows the fastest of the loops.
    const rated = (m: { floor: Sample; cold: Sample; warm: Sample; edited: Sample }) => ({ floor: m.floor, cold: withRatio(m.cold, m.floor), warm: withRatio(m.warm, m.floor), edited: withRatio(m.edited, m.floor) });
    const floor = fastest([validate.floor, check.floor, gate.floor]);
    results.push({ accounts, floor: { ...floor, ratio: 1 }, validate: rated(validate), check: rated(check), gate: rated(gate) });
  }

  // The site at --site plans and at a tenth of that: seconds, memory, and the fixed cost and cost per page.
  const build = site > 0 ? benchSite({ work, accounts: site, seed, runs, script, toolRoot: ROOT, floorOf, clearCache }) : null;
  const cache = caches.some((c) => existsSync(c));

  const s = (x: Sample) => x.seconds.toFixed(2);
  const mb = (x: Sample) => (x.peakMB === null ? 'n/a' : String(x.peakMB));
  const r = (x: { ratio: number }) => `${x.ratio.toFixed(2)}×`;
  output.out('');
  output.out('accounts | command | cold s | cold × floor | cold peak MB | warm s | warm × floor | warm peak MB | edited s | edited × floor | edited peak MB');
  for (const row of results) {
    output.out(`${row.accounts} | floor (read + js-yaml) | ${s(row.floor)} | 1.00× | ${mb(row.floor)} | | | | | |`);
    for (const [name, m] of [['validate', row.validate], ['check --json', row.check], ['check --json --base HEAD', row.gate]] as const) {
      output.out(`${row.accounts} | ${name} | ${s(m.cold)} | ${r(m.cold)} | ${mb(m.cold)} | ${s(m.warm)} | ${r(m.warm)} | ${mb(m.warm)} | ${s(m.edited)} | ${r(m.edited)} | ${mb(m.edited)}`);
    }
  }
  if (build) {
    output.out(`${build.accounts} | floor (read + js-yaml) | ${s(build.floor)} | 1.00× | ${mb(build.floor)} | | | | | |`);
    output.out(`${build.accounts} | build (site) | ${s(build.build)} | ${r(build.build)} | ${mb(build.build)} | | | | | |`);
    output.out(`${build.small.accounts} | build (site) | ${s(build.small)} | | ${mb(build.small)} | | | | | |`);
    const { hugo, astro, overHugo, overAstro } = build.baselines;
    const cpuOver = (ours: Sample, hugoSample: Sample | undefined, astroSample: Sample) => {
      const x = (b: Sample | undefined) => (b?.cpuSeconds && ours.cpuSeconds !== undefined ? `${(ours.cpuSeconds / b.cpuSeconds).toFixed(2)}×` : 'n/a');
      return ours.cpuSeconds === undefined ? '' : `; in CPU seconds ${x(hugoSample)} Hugo and ${x(astroSample)} the bare Astro site`;
    };
    if ('sample' in hugo) output.out(`${build.accounts} | Hugo ${hugo.version} (the same plans, ${hugo.pages} pages) | ${s(hugo.sample)} | | ${mb(hugo.sample)} | | | | | |`);
    output.out(`${build.accounts} | bare Astro (${astro.pages} pages of plan fields) | ${s(astro.sample)} | | ${mb(astro.sample)} | | | | | |`);
    output.out(`Build against its baselines: ${overHugo === null ? `Hugo not measured (${'skipped' in hugo ? hugo.skipped : ''})` : `${overHugo.toFixed(2)}× Hugo`}, ${overAstro.toFixed(2)}× a bare Astro site of as many pages (each baseline writes every field of every plan, nothing else)${cpuOver(build.build, 'sample' in hugo ? hugo.sample : undefined, astro.sample)}.`);
    output.out(`Build: ${build.pages} pages; about ${build.fixedSeconds.toFixed(1)} s fixed and ${build.perPageMs.toFixed(1)} ms per page (from the builds of ${build.small.accounts} and ${build.accounts} plans, ${build.small.pages} and ${build.pages} pages).`);
  }
  // The same runs in CPU seconds (GNU time's user + system): on a machine other work shares, these move less.
  const c = (x: Sample) => (x.cpuSeconds === undefined ? 'n/a' : x.cpuSeconds.toFixed(2));
  const cr = (x: Sample, floor: Sample) => (x.cpuSeconds === undefined || !floor.cpuSeconds ? 'n/a' : `${(x.cpuSeconds / floor.cpuSeconds).toFixed(2)}×`);
  if (results.some((row) => row.floor.cpuSeconds !== undefined)) {
    output.out('');
    output.out('accounts | command | cold CPU s | cold × floor CPU | warm CPU s | warm × floor CPU | edited CPU s | edited × floor CPU');
    for (const row of results) {
      output.out(`${row.accounts} | floor (read + js-yaml) | ${c(row.floor)} | 1.00× | | | |`);
      for (const [name, m] of [['validate', row.validate], ['check --json', row.check], ['check --json --base HEAD', row.gate]] as const) {
        output.out(`${row.accounts} | ${name} | ${c(m.cold)} | ${cr(m.cold, m.floor)} | ${c(m.warm)} | ${cr(m.warm, m.floor)} | ${c(m.edited)} | ${cr(m.edited, m.floor)}`);
      }
    }
  }
  output.out('');
  output.out(
    cache
      ? 'Warm: the same command run again in the same workspace, with the cache the cold run left. Edited: the same again, the cache kept, after a comment line was appended to one plan. Builds start without the cache.'
      : 'Warm: the same command run again in the same workspace. The tool left no cache, so warm is about cold.',
  );

  // The sales ledger at scale, only when asked (--ledger 1000000): scripts/lib/bench-ledger.ts.
  let ledger: ReturnType<typeof benchLedger> | null = null;
  if (ledgerRows !== undefined) {
    const l = (ledger = benchLedger({ work, script, rows: ledgerRows, ...(values.accounts !== undefined && { accounts: sizes[0]! }), seed, filtered: values['ledger-filter'] === true }));
    const kind = l.filtered ? `, an opportunities report with every stage, filtered by sales.where to its ${l.filtered.sales} won rows` : '';
    output.out(`Ledger: ${l.rows} rows (${l.files} file${l.files === 1 ? "" : "s"}, ${l.megabytes} MB${kind}) beside ${l.accounts} plans: validate ${s(l.withLedger)} s, ${mb(l.withLedger)} MB peak; without the ledger ${s(l.withoutLedger)} s, ${mb(l.withoutLedger)} MB.`);
  }
  if (values.stages) await stageTable(sizes.map((accounts) => ({ accounts, dir: join(work, `accounts-${accounts}`) })), output);

  // --history: the plans' git history and the site with it (scripts/lib/bench-history.ts).
  const history = values.history ? benchHistory({ work, seed, runs, today: TODAY, output }) : null;
  const report = { machine, date: new Date().toISOString(), seed, runs, memory: memorySource, cache, sizes: results, site: build, ledger, history };
  mkdirSync(dirname(jsonFile), { recursive: true });
  writeFileSync(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
  output.out(`JSON: ${jsonFile}`);
  return 0;
});

/** Makes the folder a git repository with everything in it committed (a bench's own, never the user's: `--work`). */
function commitAll(dir: string): void {
  const run = gitIn(dir);
  const git = (...args: string[]) => run(['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', '-c', 'commit.gpgsign=false', ...args]);
  rmSync(join(dir, '.git'), { recursive: true, force: true });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'the plans');
}
