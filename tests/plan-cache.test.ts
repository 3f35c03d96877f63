import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { RULE_IDS } from '../schemas/rules.ts';
import { check, openRun } from '../src/core/engine/index.ts';
import { LineFinder, PlanCache } from '../src/core/engine/plan-cache.ts';
import { Run } from '../src/core/engine/run.ts';
import { PlansCache } from '../src/core/load/cache.ts';
import { checksum, CHECKSUM_BYTES } from '../src/core/load/cache-folder.ts';
import { readPlansFolder } from '../src/core/load/files.ts';
import { planContextOf, type RuleContext } from '../src/core/rules/context.ts';
import { resolveRule, RULES } from '../src/core/rules/index.ts';
import { type CaseFiles, fixtureFiles, generatedFiles, toBytes, writeTree } from './fuzz/case.ts';

/*
 * The per-plan findings cache (src/core/engine/plan-cache.ts) and the rule scopes it rests on (rules/context.ts):
 * a run that takes some plans' findings from the cache prints exactly what a run without it prints, whatever was
 * edited in between (a plan, workspace.yaml, team.yaml, goals, the ledger) and whatever today is.
 */

const TODAY = '2026-11-24';
/** The rules whose findings about a plan come from that plan alone. A rule moves here only with a reason. */
const PLAN_RULES = [
  'stale-plan', 'single-threaded', 'no-decision-maker', 'no-champion', 'no-exec-sponsor', 'exec-cadence', 'uncovered-stakeholder',
  'overdue-action', 'opportunity-overdue', 'no-next-action', 'objective-without-owner', 'stretch-below-plan', 'not-qualified', 'stale-contact',
];

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

/** A working directory with node_modules/ (so the cache lives inside it) and the plans in plans/. */
function workdir(files: CaseFiles): string {
  const dir = mkdtempSync(join(tmpdir(), 'plan-cache-'));
  mkdirSync(join(dir, 'node_modules'));
  dirs.push(dir);
  writeTree(join(dir, 'plans'), files);
  return dir;
}

function writePlans(dir: string, files: CaseFiles): void {
  rmSync(join(dir, 'plans'), { recursive: true, force: true });
  writeTree(join(dir, 'plans'), files);
}

const folderOf = (dir: string) => join(dir, 'node_modules', '.cache', 'account-plans');
const findingsFile = (dir: string) => {
  const name = readdirSync(folderOf(dir)).find((n) => n.endsWith('.findings'));
  return name === undefined ? undefined : join(folderOf(dir), name);
};

const example = () => fixtureFiles('plans');

function ruleContext(run: Run): RuleContext {
  return { ws: run.valid, today: run.today, how: run.how, ...run.portfolio, comp: run.comp };
}

async function sameWithAndWithoutCache(dir: string, today = TODAY): Promise<string> {
  const options = { plans: 'plans', cwd: dir, today };
  const cached = JSON.stringify(await check({ ...options, cache: true }));
  expect(cached).toBe(JSON.stringify(await check({ ...options, cache: false })));
  return cached;
}

describe('rule scopes', () => {
  it('every rule has a scope, and the per-plan ones are exactly the list above, each with a check of one plan', () => {
    for (const id of RULE_IDS) {
      expect(['plan', 'workspace']).toContain(RULES[id].scope);
      expect(RULES[id].scope === 'plan', id).toBe(PLAN_RULES.includes(id));
      expect(typeof RULES[id].checkPlan === 'function', id).toBe(RULES[id].scope === 'plan');
    }
  });

  it.each([
    { name: 'the example plans', files: example },
    { name: 'a generated workspace', files: () => generatedFiles(5, 30, 0.3) },
  ])('a per-plan rule finds the same about a plan alone as among all the others, at that plan ($name)', ({ files }) => {
    const dir = workdir(files());
    for (const today of [TODAY, '2027-02-10', '2026-03-01']) {
      const run = openRun({ plans: 'plans', cwd: dir, today });
      const ctx = ruleContext(run);
      const ws = run.valid;
      for (const id of PLAN_RULES) {
        const resolved = resolveRule(ws, id as (typeof RULE_IDS)[number])!;
        const rule = RULES[id as (typeof RULE_IDS)[number]];
        const all = rule.check(ctx, resolved.thresholds as never);
        // The plan alone: a workspace holding no other plan gives each plan's findings just the same.
        const alone = ws.accounts.flatMap((a) => rule.check({ ...ctx, ws: { ...ws, accounts: [a], accountById: new Map([[a.id, a]]) } }, resolved.thresholds as never));
        expect(alone).toEqual(all);
        for (const a of ws.accounts) {
          const own = rule.checkPlan!(a, planContextOf(ctx), resolved.thresholds as never);
          for (const d of own) expect([d.file, d.account]).toEqual([a.file, a.id]);
        }
      }
    }
  });
});

describe('the per-plan findings cache', () => {
  it('is used: an entry planted for a plan is what the next run prints for it', async () => {
    const dir = workdir(example());
    const options = { plans: 'plans', cwd: dir, today: TODAY, cache: true };
    await check(options);
    const run = openRun(options);
    const ws = run.valid;
    const a = ws.accounts[0]!;
    const cache = PlanCache.open(PlansCache.open(join(dir, 'plans'), dir)!.beside('.findings'), planContextOf(ruleContext(run)), readPlansFolder('plans', dir));
    const planted = { file: a.file, line: 1, column: 1, messageId: 'stale', data: {}, message: 'a message only the planted entry has', account: a.id };
    cache.set(a, { 'stale-plan': [[planted, '']] });
    cache.save();
    const report = JSON.stringify(await check(options));
    expect(report).toContain('a message only the planted entry has');
    // Another today is another key: the planted entry is not used.
    expect(JSON.stringify(await check({ ...options, today: '2026-11-25' }))).not.toContain('a message only the planted entry has');
  });

  it('gives what a run without it gives after every edit: plans, workspace.yaml, team.yaml, goals, the ledger, and today', async () => {
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('today' as const), today: fc.constantFrom(TODAY, '2026-11-25', '2027-01-31', '2027-02-01', '2026-05-15') }),
      fc.record({ kind: fc.constant('replace' as const), file: fc.nat(), nth: fc.nat({ max: 30 }), pattern: fc.constantFrom(...REPLACEMENTS.map((_, i) => i)) }),
      fc.record({ kind: fc.constant('comment' as const), file: fc.nat() }),
      fc.record({ kind: fc.constant('settings' as const), text: fc.constantFrom(...SETTINGS) }),
      fc.record({ kind: fc.constant('ledger' as const), nth: fc.nat() }),
      fc.record({ kind: fc.constant('restore' as const) }),
    );
    const start = fc.oneof(fc.constant('example'), fc.integer({ min: 1, max: 300 }));
    await fc.assert(
      fc.asyncProperty(start, fc.array(edit, { minLength: 1, maxLength: 6 }), async (from, edits) => {
        const original = from === 'example' ? example() : generatedFiles(from, 8, 0.3);
        const dir = workdir(original);
        let files = original;
        let today = TODAY;
        await sameWithAndWithoutCache(dir, today);
        for (const e of edits) {
          if (e.kind === 'today') today = e.today;
          else files = applyEdit(original, files, e);
          writePlans(dir, files);
          await sameWithAndWithoutCache(dir, today);
        }
        expect(findingsFile(dir)).toBeDefined();
        rmSync(dir, { recursive: true, force: true });
      }),
      { numRuns: 25, seed: 2704 },
    );
    // A limit for a slow, shared machine, not a timing.
  }, 600_000);

  it('prints the same with --base after an edit, warm and cold', async () => {
    const dir = workdir(example());
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: dir, stdio: 'pipe' });
    git('init', '-q', '-b', 'main');
    writeFileSync(join(dir, '.gitignore'), 'node_modules\n');
    git('add', '.');
    git('commit', '-qm', 'plans');
    git('checkout', '-qb', 'change');
    const options = { plans: 'plans', cwd: dir, today: TODAY, base: 'main' };
    const first = JSON.stringify(await check({ ...options, cache: true }));
    expect(first).toBe(JSON.stringify(await check({ ...options, cache: false })));
    const rel = readdirSync(join(dir, 'plans', 'accounts')).sort().find((n) => n.endsWith('.yaml'))!;
    const path = join(dir, 'plans', 'accounts', rel);
    writeFileSync(path, readFileSync(path, 'utf8').replace(/last_reviewed: \d{4}-\d\d-\d\d/, 'last_reviewed: 2025-01-02'));
    git('commit', '-qam', 'edit');
    const warm = JSON.stringify(await check({ ...options, cache: true }));
    expect(warm).toBe(JSON.stringify(await check({ ...options, cache: false })));
    expect(warm).not.toBe(first);
  });
});

describe('a damaged or hostile findings file is a miss: never a crash, never a wrong finding, never a write through a link', () => {
  const reseal = (content: Buffer) => Buffer.concat([content, checksum(content)]);
  const body = (file: Buffer) => file.subarray(0, file.length - CHECKSUM_BYTES);
  const cases: { name: string; act: (path: string, dir: string) => void }[] = [
    { name: 'a byte changed (the checksum no longer matches)', act: (p) => { const b = readFileSync(p); b[b.length - 40] = b[b.length - 40]! ^ 1; writeFileSync(p, b); } },
    { name: 'cut short', act: (p) => writeFileSync(p, readFileSync(p).subarray(0, 200)) },
    { name: 'empty', act: (p) => writeFileSync(p, '') },
    { name: 'random bytes', act: (p) => writeFileSync(p, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))) },
    { name: 'a line that is not JSON, resealed', act: (p) => writeFileSync(p, reseal(Buffer.from(body(readFileSync(p)).toString('utf8').replace(/\t\{/, '\t{{'), 'utf8'))) },
    { name: 'a line whose findings are another plan\'s, resealed', act: (p) => {
      const lines = body(readFileSync(p)).toString('utf8').split('\n');
      const first = lines.findIndex((l) => l.includes('\t{"'));
      const other = lines.findIndex((l, i) => i > first && l.includes('\t{"'));
      lines[first] = `${lines[first]!.split('\t')[0]}\t${lines[other]!.split('\t')[1]}`;
      writeFileSync(p, reseal(Buffer.from(lines.join('\n'), 'utf8')));
    } },
    { name: 'a line of another shape, resealed', act: (p) => writeFileSync(p, reseal(Buffer.from(body(readFileSync(p)).toString('utf8').replace(/\t\{[^\n]*/, '\t{"stale-plan":[[1,2]],"__proto__":[]}'), 'utf8'))) },
    { name: 'its last line without its line break, resealed', act: (p) => writeFileSync(p, reseal(body(readFileSync(p)).subarray(0, body(readFileSync(p)).length - 1))) },
    { name: 'a key of a line changed, resealed (another version of the plan)', act: (p) => writeFileSync(p, reseal(Buffer.from(body(readFileSync(p)).toString('utf8').replace(/\n\["[A-Za-z0-9+/]/, (m) => `${m.slice(0, -1)}${m.endsWith('A') ? 'B' : 'A'}`), 'utf8'))) },
    { name: 'a FIFO', act: (p) => { rmSync(p); execFileSync('mkfifo', [p]); } },
    { name: 'a link to somebody else\'s file', act: (p, dir) => { rmSync(p); writeFileSync(join(dir, 'elsewhere'), 'keep'); symlinkSync(join(dir, 'elsewhere'), p); } },
  ];
  it.each(cases)('$name', async ({ act }) => {
    const dir = workdir(example());
    const cold = await sameWithAndWithoutCache(dir);
    // An edit, so the next run is no replay of a whole output and reads the findings file.
    const files = example();
    const rel = Object.keys(files).find((n) => n.startsWith('accounts/') && n.endsWith('.yaml'))!;
    act(findingsFile(dir)!, dir);
    writePlans(dir, { ...files, [rel]: toBytes(`${new TextDecoder().decode(files[rel])}\n# edited\n`) });
    expect(await sameWithAndWithoutCache(dir)).toBe(cold);
    expect(await sameWithAndWithoutCache(dir)).toBe(cold);
    if (readdirSync(dir).includes('elsewhere')) expect(readFileSync(join(dir, 'elsewhere'), 'utf8')).toBe('keep');
  });
});

/** Valid edits that change what the per-plan rules say, or what they are keyed on. */
const REPLACEMENTS: { file: RegExp; from: RegExp; to: string }[] = [
  { file: /^team\.yaml$/, from: /name: [^,}\n]+/g, to: 'name: Someone Else' },
  { file: /^accounts\//, from: /last_reviewed: \d{4}-\d\d-\d\d/g, to: 'last_reviewed: 2025-06-30' },
  { file: /^accounts\//, from: /last_contact: \d{4}-\d\d-\d\d/g, to: 'last_contact: 2026-11-20' },
  { file: /^accounts\//, from: /name: [^,}\n]+/g, to: 'name: Renamed Person' },
  { file: /^accounts\//, from: /stance: \w+/g, to: 'stance: champion' },
  { file: /^accounts\//, from: /strategic: (true|false)/g, to: 'strategic: true' },
  { file: /^goals\.yaml$/, from: /revenue: \d+/g, to: 'revenue: 1234567' },
  { file: /^workspace\.yaml$/, from: /currency: \w+/g, to: 'currency: EUR' },
  { file: /^workspace\.yaml$/, from: /fiscal_year_start_month: \d+/g, to: 'fiscal_year_start_month: 1' },
];
const SETTINGS = ['review_cadence_days: 30', 'rules:\n  stale-plan: off\n  stale-contact: { days: 10 }\n  single-threaded: { severity: error, min_contacts: 3 }', 'rules:\n  no-next-action: { days: 120 }'];

type Edit =
  | { kind: 'replace'; file: number; nth: number; pattern: number }
  | { kind: 'comment'; file: number }
  | { kind: 'settings'; text: string }
  | { kind: 'ledger'; nth: number }
  | { kind: 'restore' };

function applyEdit(original: CaseFiles, files: CaseFiles, e: Edit): CaseFiles {
  const text = (rel: string) => new TextDecoder().decode(files[rel]);
  const names = Object.keys(files).sort();
  switch (e.kind) {
    case 'restore':
      return original;
    case 'comment': {
      const plans = names.filter((n) => n.startsWith('accounts/'));
      const rel = plans[e.file % plans.length]!;
      return { ...files, [rel]: toBytes(`${text(rel)}${text(rel).endsWith('\n') ? '' : '\n'}# edited\n`) };
    }
    case 'replace': {
      const r = REPLACEMENTS[e.pattern]!;
      const candidates = names.filter((n) => r.file.test(n));
      if (candidates.length === 0) return files;
      const rel = candidates[e.file % candidates.length]!;
      let i = 0;
      const count = [...text(rel).matchAll(r.from)].length;
      if (count === 0) return files;
      const target = e.nth % count;
      return { ...files, [rel]: toBytes(text(rel).replace(r.from, (m) => (i++ === target ? r.to : m))) };
    }
    case 'settings':
      // Appended once: a second copy of a key would make workspace.yaml invalid, which is a case too, but not this one's.
      return text('workspace.yaml').includes(e.text) ? files : { ...files, ['workspace.yaml']: toBytes(`${text('workspace.yaml')}\n${e.text}\n`) };
    case 'ledger': {
      const csvs = names.filter((n) => n.startsWith('sales/') && n.endsWith('.csv'));
      if (csvs.length === 0) return files;
      const rel = csvs[e.nth % csvs.length]!;
      const lines = text(rel).trimEnd().split('\n');
      // The last row again: the client's booked revenue that year grows.
      return { ...files, [rel]: toBytes(`${lines.join('\n')}\n${lines[lines.length - 1]}\n`) };
    }
  }
}

describe('the findings file is read through a window: its lines are found whatever the window cuts', () => {
  /** The lines as the whole file shows them: each with a tab after a non-empty key and a line break, by key. */
  function reference(bytes: Buffer, from: number): Map<string, { at: number; json: number; end: number }> {
    const found = new Map<string, { at: number; json: number; end: number }>();
    for (let at = from; at < bytes.length; ) {
      const end = bytes.indexOf(0x0a, at);
      if (end === -1) break;
      const tab = bytes.indexOf(0x09, at);
      if (tab > at && tab < end) found.set(bytes.toString('utf8', at, tab), { at, json: tab + 1, end });
      at = end + 1;
    }
    return found;
  }

  it('keys and JSON cut anywhere, in windows of any size, give the lines the whole file gives', () => {
    const part = fc.string({ unit: fc.constantFrom('a', 'é', '€', '\t', '\n', '"', '{', '}') });
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.array(part, { maxLength: 12 }), fc.integer({ min: 1, max: 9 }), (head, parts, size) => {
        const headBytes = Buffer.from(head, 'utf8');
        const bytes = Buffer.concat([headBytes, Buffer.from(parts.join(''), 'utf8')]);
        const finder = new LineFinder(headBytes.length);
        // One window, read into again for each stretch, as openCheckedCacheFile does.
        const window = Buffer.alloc(size);
        for (let at = 0; at < bytes.length; at += size) finder.look(window.subarray(0, bytes.copy(window, 0, at, at + size)), at);
        expect(finder.found).toEqual(reference(bytes, headBytes.length));
      }),
      { numRuns: 600, seed: 27 },
    );
  });
});
