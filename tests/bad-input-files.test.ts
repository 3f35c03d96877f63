import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../src/core/diagnostics/codes.ts';
import { loadWorkspace } from '../src/core/load/workspace.ts';
import { fixtureFiles, withFiles } from './helpers/workspace.ts';
import { makeSandbox, runScript, type Sandbox } from './helpers/sandbox.ts';

/**
 * What is in the plans folder is untrusted, including what its entries are: links out of it, links that go
 * nowhere, pipes, folders named like files. Each is an error at its own path, the other files are still
 * checked, nothing outside the folder is read or printed, and nothing is written.
 */
const SECRET = 'TOPSECRET-aws_secret_access_key=AKIAEXAMPLE1234567890';
/** A typo in another plan, whose diagnostic must survive every broken entry. */
const OTHER = 'plans/accounts/acme.yaml:3:11 error strategy: "grw" is not allowed. Did you mean "grow"? Write one of: acquire, grow, reactivate, retain, retire.';

interface FileCase {
  name: string;
  setup(s: Sandbox): void;
  expected: string[];
}

const link = (s: Sandbox, target: string, rel: string) => symlinkSync(target, join(s.plans, rel));
const LINK_OUTSIDE = 'error This symbolic link points outside the plans folder, and plans are read only from inside it. Copy the file into the plans folder instead of linking to it.';

const cases: FileCase[] = [
  { name: 'a relative link to a secret file beside the plans folder', setup: (s) => link(s, '../../bystander/secret.txt', 'accounts/secret.yaml'), expected: [`plans/accounts/secret.yaml:1:1 ${LINK_OUTSIDE}`] },
  { name: 'an absolute link to a secret file', setup: (s) => link(s, join(s.bystander, 'secret.txt'), 'accounts/secret.mdx'), expected: [`plans/accounts/secret.mdx:1:1 ${LINK_OUTSIDE}`] },
  { name: 'team.yaml as a link to a secret file', setup: (s) => (rmSync(join(s.plans, 'team.yaml')), link(s, '../bystander/secret.txt', 'team.yaml')), expected: [`plans/team.yaml:1:1 ${LINK_OUTSIDE}`] },
  {
    name: 'a link to a hidden .env file inside the plans folder',
    setup: (s) => (writeFileSync(join(s.plans, '.env'), `${SECRET}\n`), link(s, '../.env', 'accounts/env.yaml')),
    expected: ['plans/accounts/env.yaml:1:1 error This symbolic link points to a hidden file or folder (a name starting with ".", or node_modules), which plans are never read from. Copy the plan to a visible file instead of linking to it.'],
  },
  { name: 'a link to the folder above the plans', setup: (s) => link(s, '..', 'up'), expected: [`plans/up:1:1 ${LINK_OUTSIDE}`] },
  {
    name: 'a link to the plans folder itself',
    setup: (s) => link(s, '..', 'accounts/again'),
    expected: ['plans/accounts/again:1:1 error This symbolic link points to a folder, and links to folders are not followed (their plans would be read twice). Remove the link; the folder is read where it is.'],
  },
  {
    name: 'a dangling link',
    setup: (s) => link(s, 'gone.yaml', 'accounts/dangling.yaml'),
    expected: ['plans/accounts/dangling.yaml:1:1 error This symbolic link points to a file that does not exist. Replace it with the file itself, or remove it.'],
  },
  {
    name: 'a loop of two links',
    setup: (s) => (link(s, 'b.yaml', 'accounts/a.yaml'), link(s, 'a.yaml', 'accounts/b.yaml')),
    expected: ['a', 'b'].map((x) => `plans/accounts/${x}.yaml:1:1 error This symbolic link points, through other links, back to itself, so it has no content. Replace it with the file itself.`),
  },
  {
    name: 'a named pipe (FIFO) that would block a read for ever',
    setup: (s) => execFileSync('mkfifo', [join(s.plans, 'accounts/pipe.yaml')]),
    expected: ['plans/accounts/pipe.yaml:1:1 error This is a named pipe (FIFO), not a file, so it is not read. Plans files are ordinary text files: replace it with one, or remove it.'],
  },
  {
    name: 'a folder named like a plan file',
    setup: (s) => mkdirSync(join(s.plans, 'accounts/initech.yaml')),
    expected: ['plans/accounts/initech.yaml:1:1 error This is a folder, but its name says it is a plans file. Rename the folder, or put the plan in a file of that name.'],
  },
  { name: 'a valid plan outside the folder, linked in', setup: (s) => link(s, '../../bystander/outside.yaml', 'accounts/outside.yaml'), expected: [`plans/accounts/outside.yaml:1:1 ${LINK_OUTSIDE}`] },
  {
    name: 'a plan with an upper-case .YAML extension',
    setup: (s) => writeFileSync(join(s.plans, 'accounts/initech.YAML'), readFileSync(join(s.bystander, 'outside.yaml'))),
    expected: ['plans/accounts/initech.YAML:1:1 error This file is not read: plans are found by lower-case names (accounts/, reviews/, changes/, .yaml, .yml, .mdx, workspace.yaml, team.yaml, goals.yaml, icp.yaml, comp.yaml), and this one has capitals. Rename it to initech.yaml.'],
  },
  // Names that hide something: before, the first two were left out of every total without a word, the third only warned.
  {
    name: 'a plan whose name ends in a space',
    setup: (s) => writeFileSync(join(s.plans, 'accounts/initech.yaml '), readFileSync(join(s.bystander, 'outside.yaml'))),
    expected: ['plans/accounts/initech.yaml :1:1 error The file name "initech.yaml " ends in a space, which nobody sees in a listing, so it is not read. Rename the file to "initech.yaml".'],
  },
  {
    name: 'a folder whose name starts with a space',
    setup: (s) => (mkdirSync(join(s.plans, 'accounts/ emea')), writeFileSync(join(s.plans, 'accounts/ emea/initech.yaml'), readFileSync(join(s.bystander, 'outside.yaml')))),
    expected: ['plans/accounts/ emea:1:1 error The folder name " emea" starts with a space, which nobody sees in a listing, so its plans are not read. Rename the folder to "emea".'],
  },
  {
    name: 'a plan whose name ends in a no-break space',
    setup: (s) => writeFileSync(join(s.plans, 'accounts/initech.yaml\u00a0'), readFileSync(join(s.bystander, 'outside.yaml'))),
    expected: ['plans/accounts/initech.yaml\u00a0:1:1 error The file name "initech.yaml\u00a0" holds a space that is not an ordinary one (such as a no-break space), which nobody sees in a listing, so it is not read. Rename the file to "initech.yaml".'],
  },
  {
    name: 'a 2 GB file is refused by its size without being read',
    setup: (s) => (writeFileSync(join(s.plans, 'accounts/huge.yaml'), ''), truncateSync(join(s.plans, 'accounts/huge.yaml'), 2 * 1024 ** 3)),
    expected: ['plans/accounts/huge.yaml:1:1 error The file is 2048 MB (2147483648 bytes). Plans files may be at most 1 MB (1048576 bytes), so it was not parsed. Shorten it, or raise "max_file_bytes" in workspace.yaml if plans this large are intended.'],
  },
];

/**
 * Like Sandbox.snapshot(), which reads every entry whole: that blocks for ever on a FIFO and fails on a 2 GB file.
 * Here a special file is recorded by its kind, and a large one by its size.
 */
function snapshot(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string) => {
    for (const name of readdirSync(join(root, rel)).sort()) {
      const child = rel === '' ? name : `${rel}/${name}`;
      const stat = lstatSync(join(root, child));
      if (stat.isSymbolicLink()) out.set(child, `link:${readlinkSync(join(root, child))}`);
      else if (stat.isDirectory()) (out.set(child, 'dir'), walk(child));
      else if (!stat.isFile()) out.set(child, 'special');
      else if (stat.size > 1024 ** 2) out.set(child, `size:${stat.size}:${stat.mtimeMs}`);
      else out.set(child, createHash('sha256').update(readFileSync(join(root, child))).digest('hex'));
    }
  };
  walk('');
  return out;
}

let sandbox: Sandbox | undefined;
afterEach(() => sandbox?.remove());

function prepare(c: FileCase): Sandbox {
  const s = makeSandbox();
  sandbox = s;
  writeFileSync(join(s.bystander, 'secret.txt'), `${SECRET}\nsecond line\n`);
  writeFileSync(join(s.bystander, 'outside.yaml'), readFileSync(join(s.plans, 'accounts/acme.yaml'), 'utf8').replace('name: Acme', 'name: Outside Corp'));
  s.write({ 'accounts/acme.yaml': readFileSync(join(s.plans, 'accounts/acme.yaml'), 'utf8').replace('strategy: grow', 'strategy: grw') });
  c.setup(s);
  return s;
}

describe('validate: entries of the plans folder that are not plain files', () => {
  it.each(cases)('$name', (c) => {
    const s = prepare(c);
    const before = snapshot(s.dir);
    const text = runScript('validate', ['--plans', 'plans'], { cwd: s.dir });
    expect(text.status).toBe(2);
    const lines = text.stdout.trim().split('\n');
    expect(lines.slice(0, -1).sort()).toEqual([...c.expected, OTHER].sort());
    expect(text.stderr).toBe('');

    const json = runScript('validate', ['--plans', 'plans', '--format', 'json'], { cwd: s.dir });
    expect(json.status).toBe(2);
    const located = JSON.parse(json.stdout).diagnostics.map((d: { file: string; line: number; column: number; severity: string; message: string }) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.message}`);
    expect(located.sort()).toEqual([...c.expected, OTHER].sort());
    for (const d of JSON.parse(json.stdout).diagnostics as { code: string }[]) expect(Object.hasOwn(DIAGNOSTIC_CODES, d.code), d.code).toBe(true);
    const github = runScript('validate', ['--plans', 'plans', '--format', 'github'], { cwd: s.dir });
    expect(github.status).toBe(2);
    expect(github.stdout).toContain('::error file=plans/accounts/acme.yaml,line=3,col=11::');
    for (const line of c.expected) expect(github.stdout).toContain(`::error file=${line.slice(0, line.indexOf(':1:1 '))},line=1,col=1::`);

    for (const out of [text, json, github]) {
      expect(out.stdout + out.stderr).not.toContain('TOPSECRET');
      expect(out.stdout + out.stderr).not.toContain('Outside Corp');
      expect(out.stdout + out.stderr).not.toContain('Internal error');
    }
    expect(snapshot(s.dir)).toEqual(before);
  });

  it('a plan in a folder whose name holds a line break is an error at the folder, not a warning', () => {
    const s = makeSandbox();
    sandbox = s;
    mkdirSync(join(s.plans, 'accounts/emea\nsouth'));
    writeFileSync(join(s.plans, 'accounts/emea\nsouth/initech.yaml'), readFileSync(join(s.plans, 'accounts/acme.yaml')));
    const before = s.snapshot();
    const r = runScript('validate', ['--plans', 'plans'], { cwd: s.dir });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('plans/accounts/emea\\nsouth:1:1 error The folder name "emea\\nsouth" holds a control character (a line break, tab or escape), which nobody sees in a listing, so its plans are not read. Rename the folder to "emeasouth".\n1 error, 0 warnings, 0 notes.\n');
    const json = JSON.parse(runScript('validate', ['--plans', 'plans', '--format', 'json'], { cwd: s.dir }).stdout) as { diagnostics: { file: string; code: string }[] };
    expect(json.diagnostics.map((d) => [d.file, d.code])).toEqual([['plans/accounts/emea\nsouth', 'invisible-name']]);
    expect(s.snapshot()).toEqual(before);
  });

  it('follows a link to a file inside the plans folder, as a plan of its own name', () => {
    const s = makeSandbox();
    sandbox = s;
    symlinkSync('acme.yaml', join(s.plans, 'accounts/acme-copy.yaml'));
    const before = s.snapshot();
    const r = runScript('validate', ['--plans', 'plans'], { cwd: s.dir });
    expect(r.stdout).toBe('0 errors, 0 warnings, 0 notes in 3 account plans.\n');
    expect(r.status).toBe(0);
    expect(s.snapshot()).toEqual(before);
  });

  it('accepts a plans folder that is itself a link: the user chose it', () => {
    const s = makeSandbox();
    sandbox = s;
    symlinkSync('plans', join(s.dir, 'linked-plans'));
    const r = runScript('validate', ['--plans', 'linked-plans'], { cwd: s.dir });
    expect(r.stdout).toBe('0 errors, 0 warnings, 0 notes in 2 account plans.\n');
    expect(r.status).toBe(0);
  });
});

describe('names that hide something, in files that do not come from the walk (git, a test)', () => {
  const plan = readFileSync('tests/fixtures/minimal/accounts/acme.yaml');
  // [the path, the name as the message shows it, why]
  it.each([
    ['accounts/ emea/initech.yaml', ' emea', 'starts with a space'],
    ['accounts/emea /initech.yaml', 'emea ', 'ends in a space'],
    ['accounts/initech.yaml ', 'initech.yaml ', 'ends in a space'],
    [' accounts/initech.yaml', ' accounts', 'starts with a space'],
    ['accounts/ini\u200btech.yaml', 'ini\\u200btech.yaml', 'invisible character'],
    ['accounts/initech.yaml\u00a0', 'initech.yaml\u00a0', 'not an ordinary one'],
  ])('%j', (rel, name, why) => {
    const found = loadWorkspace(withFiles(fixtureFiles('minimal'), { [rel]: plan })).diagnostics.filter((d) => d.code === 'invisible-name');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain(`"${name}"`);
    expect(found[0]!.message).toContain(why);
  });

  it('a space inside a name is not one of them', () => {
    const found = loadWorkspace(withFiles(fixtureFiles('minimal'), { 'accounts/ini tech.yaml': plan })).diagnostics;
    expect(found.map((d) => d.code)).not.toContain('invisible-name');
  });
});
