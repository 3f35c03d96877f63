import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeSandbox, runScript, type Sandbox } from './helpers/sandbox.ts';

const ROOT = resolve(import.meta.dirname, '..');
const CLEAN = '0 errors, 0 warnings, 0 notes in 2 account plans.\n';

let box: Sandbox | undefined;
let tool: string | undefined;
afterEach(() => {
  box?.remove();
  if (tool) rmSync(tool, { recursive: true, force: true });
  box = tool = undefined;
});

function sandbox(): Sandbox {
  box = makeSandbox();
  mkdirSync(join(box.dir, 'node_modules'));
  return box;
}

/** A copy of the tool's own code (scripts, src, schemas, package files) that uses this checkout's node_modules. */
function copyOfTool(): string {
  tool = mkdtempSync(join(tmpdir(), 'tool-copy-'));
  for (const part of ['scripts', 'src', 'schemas', 'package.json', 'package-lock.json']) cpSync(join(ROOT, part), join(tool, part), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(tool, 'node_modules'));
  return tool;
}

const validateWith = (root: string, s: Sandbox) => {
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'validate.ts'), '--plans', 'plans'], { cwd: s.dir, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: undefined } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('the content cache after an edit', () => {
  it('gives fresh results when a schema of the tool is edited, with the cache of the run before in place', () => {
    const s = sandbox();
    const root = copyOfTool();
    expect(validateWith(root, s)).toMatchObject({ status: 0, stdout: CLEAN });
    expect(validateWith(root, s)).toMatchObject({ status: 0, stdout: CLEAN });
    // The account name may now be at most 3 characters: "Acme" and "Globex" no longer pass.
    const schema = join(root, 'schemas', 'account.ts');
    const text = readFileSync(schema, 'utf8');
    const edited = text.replace("name: z.string().min(1).describe(", "name: z.string().min(1).max(3).describe(");
    expect(edited).not.toBe(text);
    writeFileSync(schema, edited);
    const after = validateWith(root, s);
    expect(after.status).toBe(2);
    expect(after.stdout).toMatch(/plans\/accounts\/acme\.yaml:1:\d+ error .*name/);
    expect(after.stdout).toMatch(/plans\/accounts\/globex\.mdx:\d+:\d+ error .*name/);
    // Undoing the edit gives the first result again.
    writeFileSync(schema, text);
    expect(validateWith(root, s)).toMatchObject({ status: 0, stdout: CLEAN });
  });

  it('gives fresh results when a plan is edited, and the first result again when the edit is undone', () => {
    const s = sandbox();
    const validate = () => runScript('validate', ['--plans', 'plans'], { cwd: s.dir });
    expect(validate()).toMatchObject({ status: 0, stdout: CLEAN });
    const acme = readFileSync(join(s.plans, 'accounts/acme.yaml'), 'utf8');
    s.write({ 'accounts/acme.yaml': acme.replace('status: current', 'status: curent') });
    const after = validate();
    expect(after.status).toBe(2);
    expect(after.stdout).toMatch(/plans\/accounts\/acme\.yaml:2:9 error .*"current"/);
    s.write({ 'accounts/acme.yaml': acme });
    expect(validate()).toMatchObject({ status: 0, stdout: CLEAN });
  });

  it('removes an unfinished pack left by a run killed long ago, and keeps one another run may still be writing', () => {
    const s = sandbox();
    const validate = () => runScript('validate', ['--plans', 'plans'], { cwd: s.dir });
    expect(validate()).toMatchObject({ status: 0, stdout: CLEAN });
    const folder = join(s.dir, 'node_modules', '.cache', 'account-plans');
    const old = join(folder, 'x.pack.1.tmp');
    const fresh = join(folder, 'x.pack.2.tmp');
    writeFileSync(old, 'half a pack');
    writeFileSync(fresh, 'half a pack');
    const dayAgo = new Date(Date.now() - 24 * 3600 * 1000);
    utimesSync(old, dayAgo, dayAgo);
    s.write({ 'accounts/acme.yaml': `${readFileSync(join(s.plans, 'accounts/acme.yaml'), 'utf8')}# edited\n` });
    expect(validate()).toMatchObject({ status: 0, stdout: CLEAN });
    expect(existsSync(old)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
    expect(readdirSync(folder).filter((n) => n.endsWith('.pack'))).toHaveLength(1);
  });
});
