import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkOutputFolder, putSiteInPlace, SITE_MARKER, SITE_MARKER_TEXT } from '../scripts/lib/out-folder.ts';
import { ExitError } from '../scripts/lib/cli.ts';
import { youngGeneration } from '../scripts/commands/build.ts';
import { makeSandbox, ROOT, runScript, snapshotTree, type Sandbox } from './helpers/sandbox.ts';

const OWN = 'Pass --out with a folder of its own, such as dist.';
const HIDDEN = 'Pass --out with a folder whose name does not start with a dot, such as dist.';
const WRITE = 'Pass --out with a folder in a place you can write to.';
const NOT_OURS = `holds files that the build did not make (it has no ${SITE_MARKER} file)`;
const FORCE = 'Pass --out with a new or empty folder, or add --force to move that folder aside (it is renamed, not deleted) and build there.';

let sandboxes: Sandbox[] = [];
afterEach(() => {
  for (const s of sandboxes) s.remove();
  sandboxes = [];
});

/** A sandbox with links and folders that the cases point --out at; `home` is the HOME of every run. */
function sandbox(): Sandbox {
  const sb = makeSandbox();
  sandboxes.push(sb);
  mkdirSync(join(sb.dir, 'people/me'), { recursive: true });
  writeFileSync(join(sb.dir, 'people/me/notes.txt'), 'mine\n');
  symlinkSync('plans', join(sb.dir, 'plans-link'));
  symlinkSync('people/me', join(sb.dir, 'home-link'));
  symlinkSync('bystander/keep.txt', join(sb.dir, 'file-link'));
  mkdirSync(join(sb.dir, 'hidden-only'));
  writeFileSync(join(sb.dir, 'hidden-only/.gitkeep'), '');
  mkdirSync(join(sb.dir, 'fake-marker/.account-plans-site'), { recursive: true });
  writeFileSync(join(sb.dir, 'fake-marker/index.html'), '<p>not a site of ours</p>');
  mkdirSync(join(sb.dir, 'linked-marker'));
  writeFileSync(join(sb.dir, 'linked-marker/data.csv'), 'a,b\n');
  symlinkSync('../bystander/keep.txt', join(sb.dir, 'linked-marker', SITE_MARKER));
  return sb;
}

/** Whether the project's parent folder also holds the temporary folder the sandboxes are made in. */
const holdsTmp = `${realpathSync(tmpdir())}${sep}`.startsWith(`${realpathSync(dirname(ROOT))}${sep}`);

const refusals: { name: string; out: string; plans?: string; why: string; todo?: string }[] = [
  { name: 'the plans folder itself', out: 'plans', why: 'is the plans folder, which the build would replace' },
  { name: 'a folder inside the plans folder', out: 'plans/accounts', why: 'is inside the plans folder (plans)' },
  { name: 'a new folder inside the plans folder', out: 'plans/site', why: 'is inside the plans folder (plans)' },
  { name: 'the folder that holds the plans', out: '.', why: 'contains the plans folder (plans), which the build would replace' },
  { name: 'the plans folder through a link', out: 'plans-link', why: 'is the plans folder, which the build would replace' },
  { name: 'a folder inside the plans folder through a link', out: 'plans-link/site', why: 'is inside the plans folder (plans)' },
  { name: 'the plans folder when --plans is the link', out: 'plans', plans: 'plans-link', why: 'is the plans folder, which the build would replace' },
  { name: 'the root of the file system', out: '/', why: 'is the root of the file system, which the build would replace' },
  { name: 'the home folder', out: 'people/me', why: 'is or contains a home folder (HOME), which the build would replace' },
  { name: 'a folder holding the home folder', out: 'people', why: 'is or contains a home folder (HOME), which the build would replace' },
  { name: 'the home folder through a link', out: 'home-link', why: 'is or contains a home folder (HOME), which the build would replace' },
  { name: 'the project root', out: ROOT, why: `is or contains the project (${ROOT}), which the build would replace` },
  // Where the clone sits in the temporary folder (as a CI clone may), its parent holds the test's plans folder too, and that is said first.
  { name: 'the folder holding the project', out: dirname(ROOT), why: holdsTmp ? 'contains the plans folder (plans), which the build would replace' : `is or contains the project (${ROOT}), which the build would replace` },
  { name: "the project's src/", out: join(ROOT, 'src'), why: "is the project's own folder src/, which the build would replace" },
  { name: "a folder inside the project's node_modules/", out: join(ROOT, 'node_modules/site'), why: "is inside the project's own folder node_modules/, which the build would replace" },
  { name: "the project's .git", out: join(ROOT, '.git'), why: 'is a hidden folder, where tools keep their settings', todo: HIDDEN },
  { name: 'a hidden folder in the home folder', out: 'people/me/.ssh', why: 'is a hidden folder, where tools keep their settings', todo: HIDDEN },
  { name: "a folder inside the project's .github", out: join(ROOT, '.github/site'), why: "is inside the project's own folder .github/, which the build would replace" },
  { name: 'a file', out: 'bystander/keep.txt', why: 'is a file, not a folder', todo: 'Pass --out with a folder; it is created when it does not exist.' },
  { name: 'a link to a file', out: 'file-link', why: 'is a file, not a folder', todo: 'Pass --out with a folder; it is created when it does not exist.' },
  { name: 'a folder below a file', out: 'bystander/keep.txt/site', why: 'cannot be created: SANDBOX/bystander/keep.txt is a file, not a folder', todo: WRITE },
  { name: 'a folder two levels below a file', out: 'bystander/keep.txt/a/b', why: 'cannot be created: SANDBOX/bystander/keep.txt is a file, not a folder', todo: WRITE },
  { name: 'a folder where nothing can be created', out: '/proc/site', why: 'cannot be written: /proc refuses new folders (ENOENT)', todo: WRITE },
  // Refused before the build, not after it, when the file system refuses the name or the build's temporary names beside it.
  { name: 'a folder whose name is 300 bytes', out: 'x'.repeat(300), why: `has a name of 300 bytes ("${'x'.repeat(59)}…"), and a file system takes a name of at most 215 bytes here (255 less the 40 the tool adds to it)`, todo: 'Pass --out with a shorter folder name, such as dist.' },
  { name: 'a folder whose name leaves no room for the build\'s temporary name beside it', out: 'y'.repeat(230), why: `has a name of 230 bytes ("${'y'.repeat(59)}…"), and a file system takes a name of at most 215 bytes here (255 less the 40 the tool adds to it)`, todo: 'Pass --out with a shorter folder name, such as dist.' },
  { name: 'a folder with files of somebody else', out: 'bystander', why: NOT_OURS, todo: FORCE },
  { name: 'a folder with only a hidden file', out: 'hidden-only', why: NOT_OURS, todo: FORCE },
  { name: 'a folder whose marker is a folder', out: 'fake-marker', why: NOT_OURS, todo: FORCE },
  { name: 'a folder whose marker is a link', out: 'linked-marker', why: NOT_OURS, todo: FORCE },
];

describe('build --out refuses, before any work, a folder it must not replace', () => {
  it.each(refusals)('$name', ({ out, plans, why, todo }) => {
    const sb = sandbox();
    const home = join(sb.dir, 'people/me');
    const before = sb.snapshot();
    const r = runScript('build', ['--plans', plans ?? 'plans', '--out', out], { cwd: sb.dir, env: { HOME: home } });
    const reason = why.replace('HOME', home).replace('SANDBOX', sb.dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`The site was not built: --out ${out} ${reason}. ${todo ?? OWN}\n`);
    expect(r.stdout).toBe('');
    expect(sb.snapshot()).toEqual(before);
  });

  it('a folder it cannot write to, whatever the error code', () => {
    const sb = sandbox();
    const r = runScript('build', ['--plans', 'plans', '--out', '/sys/site'], { cwd: sb.dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^The site was not built: --out \/sys\/site cannot be written: \/sys refuses new folders \(E[A-Z]+\)\. Pass --out with a folder in a place you can write to\.\n$/);
  });

  it('--force lets a folder with files of somebody else through the check, and invalid plans still change nothing', () => {
    const sb = sandbox();
    sb.write({ 'accounts/acme.yaml': 'name: Acme\nstatus: current\nstrategy: grw\nowner: ann\n' });
    const before = sb.snapshot();
    const r = runScript('build', ['--plans', 'plans', '--out', 'bystander', '--force'], { cwd: sb.dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('The site was not built because the plans are invalid. Fix the errors above; bystander is unchanged.\n');
    expect(sb.snapshot()).toEqual(before);
  });
});

describe('build puts a finished site in place', () => {
  const site = () => {
    const dir = mkdtempSync(join(tmpdir(), 'staged-site-'));
    writeFileSync(join(dir, 'index.html'), '<p>new</p>');
    writeFileSync(join(dir, SITE_MARKER), SITE_MARKER_TEXT);
    return dir;
  };
  const target = (sb: Sandbox, out: string, force = false) => checkOutputFolder(out, { cwd: sb.dir, plansDir: 'plans', projectRoot: ROOT, force, env: {} });

  it('replaces an earlier site of its own, files added to it included, and leaves nothing beside it', () => {
    const sb = sandbox();
    mkdirSync(join(sb.dir, 'site'));
    writeFileSync(join(sb.dir, 'site', SITE_MARKER), SITE_MARKER_TEXT);
    writeFileSync(join(sb.dir, 'site/old.html'), '<p>old</p>');
    const t = target(sb, 'site');
    expect(t.state).toBe('ours');
    expect(putSiteInPlace(site(), t)).toBeUndefined();
    expect(readdirSync(join(sb.dir, 'site')).sort()).toEqual([SITE_MARKER, 'index.html']);
    expect(readdirSync(sb.dir).filter((n) => n.includes('site'))).toEqual(['site']);
  });

  it('with --force renames the folder aside instead of deleting it, and says where', () => {
    const sb = sandbox();
    const before = snapshotTree(sb.bystander);
    const t = target(sb, 'bystander', true);
    expect(t.state).toBe('forced');
    const aside = putSiteInPlace(site(), t)!;
    expect(aside).toMatch(/\/bystander\.before-build-\d{14}$/);
    expect(snapshotTree(aside)).toEqual(before);
    expect(readFileSync(join(sb.bystander, 'index.html'), 'utf8')).toBe('<p>new</p>');
  });

  it('replaces nothing when its marker went away while the site was built', () => {
    const sb = sandbox();
    mkdirSync(join(sb.dir, 'site'));
    writeFileSync(join(sb.dir, 'site', SITE_MARKER), SITE_MARKER_TEXT);
    const t = target(sb, 'site');
    writeFileSync(join(sb.dir, 'site/report.pdf'), 'somebody moved in');
    rmSync(join(sb.dir, 'site', SITE_MARKER));
    const before = sb.snapshot();
    expect(() => putSiteInPlace(site(), t)).toThrow(ExitError);
    expect(sb.snapshot()).toEqual(before);
  });

  it('adopts a site in the project’s dist/ from before sites were marked, and only there', () => {
    const sb = sandbox();
    for (const name of ['dist', 'site']) {
      mkdirSync(join(sb.dir, name, '_astro'), { recursive: true });
      mkdirSync(join(sb.dir, name, 'pagefind'));
      writeFileSync(join(sb.dir, name, 'index.html'), '<p>old</p>');
    }
    const project = { cwd: sb.dir, plansDir: 'plans', projectRoot: sb.dir, force: false, env: {} };
    expect(checkOutputFolder('dist', project).state).toBe('ours');
    expect(() => checkOutputFolder('site', project)).toThrow(`--out site ${NOT_OURS}`);
  });

  it('takes an empty folder, and does not delete one that filled up meanwhile', () => {
    const sb = sandbox();
    mkdirSync(join(sb.dir, 'empty'));
    expect(target(sb, 'empty').state).toBe('empty');
    putSiteInPlace(site(), target(sb, 'empty'));
    expect(readdirSync(join(sb.dir, 'empty')).sort()).toEqual([SITE_MARKER, 'index.html']);
    mkdirSync(join(sb.dir, 'filling'));
    const t = target(sb, 'filling');
    writeFileSync(join(sb.dir, 'filling/new.txt'), 'arrived during the build');
    const before = sb.snapshot();
    expect(() => putSiteInPlace(site(), t)).toThrow();
    expect(sb.snapshot()).toEqual(before);
  });
});

describe('a real build', () => {
  it('builds into a fresh folder, marks it, and rebuilds over its own output; nothing else changes; Astro lists each page only with --verbose', () => {
    const sb = sandbox();
    const before = sb.snapshot();
    const first = runScript('build', ['--plans', 'plans', '--out', 'out/site'], { cwd: sb.dir });
    expect(first.stderr).not.toMatch(/\bat .*:\d+:\d+/);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('Built the site into out/site.');
    expect(first.stdout).toContain('Rendering the site with Astro (--verbose lists each page as it is written).');
    expect(`${first.stdout}${first.stderr}`).not.toContain('index.html');
    expect(readFileSync(join(sb.dir, 'out/site', SITE_MARKER), 'utf8')).toBe(SITE_MARKER_TEXT);
    expect(readFileSync(join(sb.dir, 'out/site/index.html'), 'utf8')).toContain('<html');
    writeFileSync(join(sb.dir, 'out/site/stale.html'), 'from an earlier build');
    const second = runScript('build', ['--plans', 'plans', '--out', 'out/site', '--verbose'], { cwd: sb.dir });
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('Rendering the site with Astro.');
    expect(second.stdout).toMatch(/\/accounts\/[a-z0-9-]+\/index\.html/);
    expect(readdirSync(join(sb.dir, 'out/site'))).not.toContain('stale.html');
    expect(readdirSync(join(sb.dir, 'out'))).toEqual(['site']);
    const after = sb.snapshot();
    for (const key of after.keys()) if (key === 'out' || key.startsWith('out/')) after.delete(key);
    expect(after).toEqual(before);
  }, 120_000);
});

describe("the build's process", () => {
  it('gets semi-spaces of 16 MB, unless NODE_OPTIONS sets their size', () => {
    expect(youngGeneration({})).toEqual(['--max-semi-space-size=16']);
    expect(youngGeneration({ NODE_OPTIONS: '--enable-source-maps' })).toEqual(['--max-semi-space-size=16']);
    expect(youngGeneration({ NODE_OPTIONS: '--enable-source-maps --max-semi-space-size=64' })).toEqual([]);
    expect(youngGeneration({ NODE_OPTIONS: '--max_semi_space_size=8' })).toEqual([]);
  });
});
