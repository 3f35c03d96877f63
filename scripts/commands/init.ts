import { closeSync, lstatSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { fiscalYearOfDate, todayIso } from '../../src/core/shared/periods.ts';
import { oneLine } from '../../src/core/shared/text.ts';
import { ExitError, type Output } from '../lib/cli.ts';
import { packageRoot, packageVersion } from '../lib/package.ts';

export const INIT_USAGE = [
  'Usage: npx account-plans init [DIR] [--company "Name"] [--currency USD] [--fiscal-year-start 1-12] [--yes]',
  '  Makes DIR (default: this folder) a repository for your account plans. It never overwrites a file: when one of',
  '  the files it writes is already there, it writes nothing. On a terminal it asks for what the flags leave out;',
  '  --yes takes the defaults instead (company "Example Company", USD, a fiscal year starting in January).',
].join('\n');

export interface InitAnswers {
  company: string;
  currency: string;
  fiscalYearStart: number;
}

/** Asks one question on the terminal; the default is taken on an empty answer. */
export type Ask = (question: string, fallback: string) => Promise<string>;

const DEFAULTS = { company: 'Example Company', currency: 'USD', fiscalYearStart: '1' } as const;
const FLAG = { company: 'company', currency: 'currency', fiscalYearStart: 'fiscal-year-start' } as const;

/**
 * Writes a repository for a sales organisation's plans: package.json (this package at this version, and the Node
 * the tool needs), plans/ that validate, the workflow, CODEOWNERS, .gitignore and a README. Exit 0 when it wrote
 * all of it, 2 when it refused (a file exists, a value is not valid, no terminal to ask on) with nothing written.
 * `ask` replaces the terminal's questions (tests); `today` decides the fiscal year of the example goals.
 */
export async function initCommand(argv: string[], output: Output, cwd = process.cwd(), options: { ask?: Ask; today?: string } = {}): Promise<number> {
  const { values, positionals } = parseInitArgs(argv);
  if (values.help) return (output.out(INIT_USAGE), 0);
  if (positionals.length > 1) throw new ExitError(2, `init takes one folder, not ${positionals.length}. Nothing was written.\n${INIT_USAGE}`);
  const dir = resolve(cwd, positionals[0] ?? '.');
  const shown = relative(cwd, dir) || '.';

  // What the flags leave out: asked on a terminal, the default with --yes, else refused (a script must say it).
  const prompt = options.ask ?? (process.stdin.isTTY && process.stderr.isTTY ? terminalAsk : undefined);
  const answer = async (key: keyof typeof DEFAULTS, question: string): Promise<string> => {
    const flag = values[FLAG[key]];
    if (flag !== undefined) return flag;
    if (values.yes) return DEFAULTS[key];
    if (!prompt) throw new ExitError(2, `init needs --${FLAG[key]} (or --yes for the defaults) when it is not run on a terminal. Nothing was written.\n${INIT_USAGE}`);
    return prompt(question, DEFAULTS[key]);
  };
  const company = oneLine(await answer('company', 'Company name'), 200).trim();
  const currency = (await answer('currency', 'Currency (a three-letter code)')).trim().toUpperCase();
  const start = (await answer('fiscalYearStart', 'Month the fiscal year starts in (1-12)')).trim();
  const answers = checkAnswers(company, currency, start);

  const files = repositoryFiles(answers, basename(dir), options.today ?? (process.env['TODAY'] || todayIso()));
  refuseExisting(dir, files, cwd);
  const written = writeFiles(dir, files);
  output.out(`Wrote ${written.length} files into ${oneLine(shown, 300)}:`);
  for (const rel of written) output.out(`  ${rel}`);
  output.out('');
  output.out('Next:');
  if (shown !== '.') output.out(`  cd ${/[^\w./-]/.test(shown) ? JSON.stringify(shown) : shown}`);
  output.out('  npm install        # the package, and the Node version it needs');
  output.out('  npm run check      # the plans against the goals');
  output.out('  npm run build      # the site, into dist/');
  output.out('Then name your sales leaders in .github/CODEOWNERS and push to GitHub (Settings, Pages, source: GitHub Actions).');
  return 0;
}

function parseInitArgs(argv: string[]) {
  const options = {
    company: { type: 'string' }, currency: { type: 'string' }, 'fiscal-year-start': { type: 'string' }, yes: { type: 'boolean', short: 'y' }, help: { type: 'boolean', short: 'h' },
  } as const;
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new ExitError(2, `${oneLine((e as Error).message.replace(/\s*\n\s*/g, ' ')).replace(/\.$/, '')}. Nothing was written.\n${INIT_USAGE}`);
  }
}

function checkAnswers(company: string, currency: string, start: string): InitAnswers {
  if (company === '') throw new ExitError(2, 'The company name is empty; give it with --company "Name". Nothing was written.');
  if (!/^[A-Z]{3}$/.test(currency)) throw new ExitError(2, `The currency "${oneLine(currency, 40)}" is not a three-letter code such as USD or EUR; give it with --currency. Nothing was written.`);
  if (!/^(?:[1-9]|1[0-2])$/.test(start)) throw new ExitError(2, `The fiscal year's first month "${oneLine(start, 40)}" is not a month number from 1 to 12 (2 for February); give it with --fiscal-year-start. Nothing was written.`);
  return { company, currency, fiscalYearStart: Number(start) };
}

async function terminalAsk(question: string, fallback: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const reply = await rl.question(`${question} [${fallback}]: `);
    return reply.trim() === '' ? fallback : reply;
  } finally {
    rl.close();
  }
}

/** The repository's files, by path relative to its root. */
export function repositoryFiles(a: InitAnswers, folderName: string, today: string): Map<string, string> {
  const root = packageRoot();
  const version = packageVersion(root);
  const template = (name: string) => readFileSync(join(root, 'scripts/init-template', name), 'utf8');
  const year = fiscalYearOfDate(today, a.fiscalYearStart);
  // Each file's schema line, relative to the file, into the installed package: the editor's autocomplete.
  const schema = (name: string, depth: number) => `# yaml-language-server: $schema=${'../'.repeat(depth)}node_modules/account-plans/schemas/json/${name}.schema.json`;
  const q = (text: string) => JSON.stringify(text);
  const files = new Map<string, string>();
  files.set('package.json', `${JSON.stringify(packageJson(root, folderName, version), null, 2)}\n`);
  files.set('plans/workspace.yaml', [
    schema('workspace', 1),
    '# The company, its currency and fiscal year, and the dimensions the goals are split by.',
    `company: ${q(a.company)}`,
    `currency: ${a.currency}`,
    `fiscal_year_start_month: ${a.fiscalYearStart}`,
    'dimensions:',
    '  channel: [direct, partner]',
    'count: weighted',
    '',
  ].join('\n'));
  files.set('plans/team.yaml', [
    schema('team', 1),
    '# The sales organisation: account executives own plans, managers hold the monthly reviews. Replace these two.',
    'people:',
    '  - { id: alex-morgan, name: Alex Morgan, role: account-executive, manager: sam-rivera }',
    '  - { id: sam-rivera, name: Sam Rivera, role: sales-manager }',
    '',
  ].join('\n'));
  files.set('plans/goals.yaml', [
    schema('goals', 1),
    `# The sales goals of ${year}, in ${a.currency}: in total, by dimension (scope: { channel: direct }), owner or manager.`,
    'goals:',
    `  - { period: ${year}, revenue: 300000 }`,
    `  - { period: ${year}, scope: { channel: direct }, revenue: 200000 }`,
    '',
  ].join('\n'));
  files.set('plans/accounts/example-account.yaml', [
    schema('account', 2),
    '# One account plan. Replace it with your own: npm run new -- plan <id> --name "Name" --owner <person id>.',
    'name: Example Account',
    'status: current',
    'strategy: grow',
    'owner: alex-morgan',
    `last_reviewed: ${today}`,
    'dimensions: { channel: direct }',
    'forecast:',
    `  - { period: ${year}, revenue: 400000, confidence: 0.8 }`,
    'actions:',
    `  - { description: Agree next year's plan with the customer, owner: alex-morgan, due: ${addDays(today, 30)}, status: planned }`,
    '',
  ].join('\n'));
  files.set('.github/workflows/plans.yml', template('plans.yml'));
  files.set('.github/CODEOWNERS', template('CODEOWNERS'));
  files.set('.gitignore', template('gitignore'));
  files.set('README.md', template('README.md').replaceAll('__COMPANY__', a.company.replace(/[\\`*_[\]<>#]/g, '\\$&')).replaceAll('__VERSION__', version));
  return files;
}

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function packageJson(root: string, folderName: string, version: string) {
  const name = folderName.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 100) || 'account-plans-repository';
  const self = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies?: Record<string, string>; allowScripts?: Record<string, boolean> };
  return {
    name: name === 'account-plans' ? 'my-account-plans' : name,
    private: true,
    type: 'module',
    description: 'Our account plans, checked against the sales goals and published as a site by account-plans.',
    scripts: {
      validate: 'account-plans validate',
      check: 'account-plans check',
      gate: 'account-plans gate',
      build: 'account-plans build',
      new: 'account-plans new',
      history: 'account-plans history',
    },
    // A caret range: npm install takes fixes and features of this major version; the lockfile pins the exact one.
    dependencies: { 'account-plans': `^${version}` },
    // npm puts this Node first on the path of every npm run script, so a machine whose own Node is older runs the tool.
    devDependencies: { node: self.devDependencies?.['node'] ?? '^24.9.0' },
    // npm 11 runs install scripts only for the packages named here: node (it links its binary) and esbuild (Astro's).
    allowScripts: self.allowScripts ?? { node: true, esbuild: true },
  };
}

/** Refuses, before writing anything, when a file is already there or a folder on the way is a link or a file. */
function refuseExisting(dir: string, files: Map<string, string>, cwd: string): void {
  const there: string[] = [];
  for (const rel of files.keys()) {
    if (lstatSync(join(dir, rel), { throwIfNoEntry: false }) !== undefined) there.push(rel);
    for (let folder = dirname(join(dir, rel)); folder === dir || folder.startsWith(dir + sep); folder = dirname(folder)) {
      const stat = lstatSync(folder, { throwIfNoEntry: false });
      if (stat && (stat.isSymbolicLink() || !stat.isDirectory())) {
        throw new ExitError(2, `${oneLine(relative(cwd, folder) || '.', 300)} is ${stat.isSymbolicLink() ? 'a link' : 'not a folder'}; init writes only into real folders. Nothing was written.`);
      }
      if (folder === dir) break;
    }
  }
  if (there.length > 0) {
    const where = relative(cwd, dir) || 'This folder';
    throw new ExitError(2, `${oneLine(where, 300)} already has ${there.join(', ')}; init never overwrites a file, so it wrote nothing. Run it for a new folder: npx account-plans init my-plans`);
  }
}

/** Each file created, never replaced (O_EXCL: not even a link put there in the meantime is followed). */
function writeFiles(dir: string, files: Map<string, string>): string[] {
  const written: string[] = [];
  for (const [rel, text] of files) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    const fd = openSync(join(dir, rel), 'wx', 0o644);
    try {
      writeSync(fd, text);
    } finally {
      closeSync(fd);
    }
    written.push(rel);
  }
  return written;
}
