import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeSandbox, runScript, type Sandbox } from './helpers/sandbox.ts';
import { commitAll, initRepo } from './helpers/git-history.ts';

let sandboxes: Sandbox[] = [];
afterEach(() => {
  for (const s of sandboxes) s.remove();
  sandboxes = [];
});

const USAGE = 'Usage: npm run history -- [--plans DIR] [--since YYYY-MM-DD] [--every week|month] [--json] [--today YYYY-MM-DD] [--no-cache]';
const TOTALS = [
  'FY2027 company: goal $1,000',
  '  2026-03-08              $420  42%',
  '',
  'FY2027 channel: direct: goal $600',
  '  2026-03-08              $220  37%',
  '',
  'FY2027-Q1 owner: Ann Lee: goal $100',
  '  2026-03-08              $110  110%',
];
const LEFT_OUT = (note: string) => ['', 'Left out (1):', `  2026-03-10 commit <hash>: ${note} This version is left out; the totals keep the one before it.`];

/** A repository with the minimal plans committed on 2026-03-03, then `change` committed on 2026-03-10. */
function repoWith(change: (sb: Sandbox) => void, env: Record<string, string> = {}, message = 'change'): Sandbox {
  const sb = makeSandbox();
  sandboxes.push(sb);
  initRepo(sb.dir);
  commitAll(sb.dir, '2026-03-03');
  change(sb);
  commitAll(sb.dir, '2026-03-10', message, env);
  return sb;
}

const cases = [
  {
    name: 'a commit message and author with control characters, workflow commands and HTML are never printed',
    setup: () => repoWith(() => undefined, { GIT_COMMITTER_NAME: '::error::evil\u001b[31m<img src=x onerror=alert(1)>', GIT_AUTHOR_NAME: '##[error]x' }, '::error file=x::pwned\n\u001e\u001f<script>alert(1)</script>'),
    args: ['--since', '2026-03-08', '--today', '2026-03-08'],
    status: 0,
    stdout: TOTALS,
  },
  {
    name: 'a plan file name with a line break and quotes is shown escaped in the note',
    setup: () => repoWith((sb) => sb.write({ 'accounts/a"b\nc.yaml': 'name: X\n' })),
    args: ['--since', '2026-03-08', '--today', '2026-03-08'],
    status: 0,
    stdout: [...TOTALS, ...LEFT_OUT('plans/accounts/a"b\\nc.yaml:1:1 owner is missing. Add "owner:" with the account executive who owns the plan (an id in team.yaml).')],
  },
  {
    name: 'a committed symbolic link is never followed, and its target never read',
    setup: () =>
      repoWith((sb) => {
        writeFileSync(join(sb.dir, 'secret.txt'), 'name: SECRET-VALUE\n');
        symlinkSync('../../secret.txt', join(sb.plans, 'accounts/link.yaml'));
      }),
    args: ['--since', '2026-03-08', '--today', '2026-03-08'],
    status: 0,
    stdout: [...TOTALS, ...LEFT_OUT('plans/accounts/link.yaml:1:1 This version is a symbolic link, and links are never followed.')],
  },
  {
    name: 'a blob larger than a plan may be is left out without being read',
    setup: () => repoWith((sb) => sb.write({ 'accounts/big.yaml': `name: Big\n# ${'x'.repeat(1024 * 1024)}\n` })),
    args: ['--since', '2026-03-08', '--today', '2026-03-08'],
    status: 0,
    stdout: [...TOTALS, ...LEFT_OUT('plans/accounts/big.yaml:1:1 The file is 1048589 bytes. Plans files may be at most 1 MB (1048576 bytes), so it was not parsed. Shorten it, or raise "max_file_bytes" in workspace.yaml if plans this large are intended.')],
  },
  {
    name: 'plans in hidden folders and node_modules are not counted, as check does not count them',
    setup: () =>
      repoWith((sb) => {
        const plan = 'name: Hidden\nstatus: target\nstrategy: acquire\nowner: bo-kim\ndimensions: { channel: direct, region: americas }\nforecast:\n  - { period: FY2027, revenue: 5000 }\n';
        sb.write({ 'accounts/.drafts/hidden.yaml': plan, 'accounts/node_modules/vendored.yaml': plan.replace('Hidden', 'Vendored') });
      }),
    args: ['--since', '2026-03-15', '--today', '2026-03-15'],
    status: 0,
    stdout: TOTALS.map((line) => line.replace('2026-03-08', '2026-03-15')),
  },
  {
    name: 'a plans folder that is a git submodule is read from its own repository',
    setup: () => {
      const sb = makeSandbox();
      sandboxes.push(sb);
      initRepo(sb.plans);
      commitAll(sb.plans, '2026-03-03');
      // The project around it records the plans as a submodule (a gitlink), dated later, with no plan files of its own.
      initRepo(sb.dir);
      writeFileSync(join(sb.dir, '.gitmodules'), '[submodule "plans"]\n\tpath = plans\n\turl = ./plans\n');
      commitAll(sb.dir, '2026-03-20');
      return sb;
    },
    args: ['--since', '2026-03-08', '--today', '2026-03-08'],
    status: 0,
    stdout: TOTALS,
  },
  {
    name: 'a plans folder in a repository that never committed it says so',
    setup: () => {
      const sb = makeSandbox();
      sandboxes.push(sb);
      initRepo(sb.dir);
      writeFileSync(join(sb.dir, '.gitignore'), 'plans/\n');
      commitAll(sb.dir, '2026-03-03');
      return sb;
    },
    args: [],
    status: 0,
    stdout: ['No commit on this branch touches the plans folder yet, so there is no history to show. Commit the plans (git add, git commit) to start it.'],
  },
  {
    name: 'a plans folder in no git repository is refused',
    setup: () => {
      const sb = makeSandbox();
      sandboxes.push(sb);
      return sb;
    },
    args: [],
    status: 2,
    stderr: ['plans: The plans folder is not in a git repository, so there is no history to show. Commit the plans to git (git init, git add, git commit), or run this in the repository that holds them.'],
  },
  {
    name: '--since that is not a date is refused',
    setup: () => repoWith(() => undefined),
    args: ['--since', '2026-02-30'],
    status: 2,
    stderr: ['--since must be a real date written YYYY-MM-DD, such as 2026-10-15, not "2026-02-30".', USAGE],
  },
  {
    name: '--since with control characters is refused and shown escaped',
    setup: () => repoWith(() => undefined),
    args: ['--since', 'last\u001b[2Jweek'],
    status: 2,
    stderr: ['--since must be a real date written YYYY-MM-DD, such as 2026-10-15, not "last\\u001b[2Jweek".', USAGE],
  },
  {
    name: '--every other than week or month is refused',
    setup: () => repoWith(() => undefined),
    args: ['--every', 'day'],
    status: 2,
    stderr: ['--every must be week or month, not "day".', USAGE],
  },
  {
    name: '--plans naming a folder that does not exist is refused',
    setup: () => repoWith(() => undefined),
    args: ['--plans', '../../nowhere'],
    status: 2,
    stderr: ['The plans folder ../../nowhere does not exist or is not a folder. Pass --plans with the folder that holds workspace.yaml.'],
  },
];

describe('npm run history on hostile input', () => {
  it.each(cases)('$name', ({ setup, args, status, stdout, stderr }) => {
    const sb = setup();
    const before = sb.snapshot();
    const result = runScript('history', ['--plans', 'plans', ...args], { cwd: sb.dir });
    expect({ status: result.status, stderr: result.stderr.split('\n').filter(Boolean) }).toEqual({ status, stderr: stderr ?? [] });
    if (stdout) expect(result.stdout.replace(/commit [0-9a-f]{10}/g, 'commit <hash>').split('\n').slice(0, -1)).toEqual(stdout);
    expect(result.stdout).not.toMatch(/^::|SECRET-VALUE|\u001b|<script|onerror/m);
    expect(sb.snapshot()).toEqual(before);
  });
});
