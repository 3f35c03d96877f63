import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LastCommits as PlansHistory } from '../../src/core/git/log.ts';
import { Run } from '../../src/core/engine/run.ts';
import { accountView } from '../../src/core/views/account.ts';
import { findingsView } from '../../src/core/views/findings.ts';
import { buildSiteData, editUrl } from '../../src/core/views/site.ts';
import { NO_HISTORY, TODAY, workspaceOf } from './helpers.ts';

// The site names plans files the way an author finds them, never by the build machine's folders: a plans
// folder outside the project (CI's checkout, a temporary copy) used to show as ../../tmp/…/plans/… on the
// findings page and on every printed account page.
const outside = mkdtempSync(join(tmpdir(), 'site-paths-'));
const plansDir = join(outside, 'team-plans');
cpSync('plans', plansDir, { recursive: true });
const ws = workspaceOf(plansDir);
afterAll(() => rmSync(outside, { recursive: true, force: true }));

function site(history: PlansHistory, dir = plansDir) {
  return buildSiteData({ run: Run.ofWorkspace(ws, { today: TODAY }), history, plansDir: dir });
}

describe('paths the site shows', () => {
  it('reads the plans outside the project, so diagnostics name them from where the build ran', () => {
    expect(ws.accounts[0]!.file.startsWith('../')).toBe(true);
  });

  it('names a plan under the plans folder\'s own name when git does not know the folder', () => {
    const data = site(NO_HISTORY);
    const account = ws.accounts.find((a) => a.plan.strategic)!;
    expect(accountView(data, account.id).file).toBe(`team-plans/${account.rel}`);
    const where = findingsView(data).rows.map((r) => r.where);
    expect(where.length).toBeGreaterThan(0);
    for (const w of where) expect(w).toMatch(/^team-plans\/[^/].*:\d+$/);
    expect(where.join('\n')).not.toContain(outside);
    expect(where.join('\n')).not.toContain('..');
  });

  it('names a plan by its path in the repository when git knows it, and links the edit there', () => {
    const data = site({ ...NO_HISTORY, repoPath: 'sales/plans' });
    const account = ws.accounts[0]!;
    expect(accountView(data, account.id).file).toBe(`sales/plans/${account.rel}`);
    for (const r of findingsView(data).rows) expect(r.where.startsWith('sales/plans/')).toBe(true);
    const withEdit = { ...data, ws: { ...ws, settings: { ...ws.settings, repository: { edit_url: 'https://git.example/org/repo/edit/main' } } } };
    expect(editUrl(withEdit, account)).toBe(`https://git.example/org/repo/edit/main/sales/plans/${account.rel}`);
  });

  it('names a plans folder given as "." by the path inside it alone', () => {
    const data = buildSiteData({ run: Run.ofWorkspace(ws, { today: TODAY }), history: NO_HISTORY, plansDir: plansDir + '/.' });
    const account = ws.accounts[0]!;
    expect(accountView(data, account.id).file).toBe(account.rel);
  });
});

describe('commit subjects', () => {
  const commit = { hash: 'a'.repeat(40), time: 0, date: '2026-11-20', author: '"><img src=x onerror=alert(1)>', subject: '<script>alert(1)</script> Raise it', changes: [] };

  it('are never quoted: the account page and the home page give the date (and the home page the hash) of the last change', async () => {
    const { homeView } = await import('../../src/core/views/home.ts');
    const account = ws.accounts[0]!;
    const data = site({ ...NO_HISTORY, repoPath: 'plans', last: commit, byFile: new Map([[account.rel, commit]]) });
    expect(accountView(data, account.id).updated).toEqual({ date: '2026-11-20' });
    expect(homeView(data).lastChange).toEqual({ date: '2026-11-20', hash: 'aaaaaaaa' });
  });
});
