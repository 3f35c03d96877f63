import { describe, expect, it } from 'vitest';
import { checkJson, checkRun } from '../src/core/engine/check.ts';
import { Run } from '../src/core/engine/run.ts';
import type { Workspace } from '../src/core/model.ts';
import { renderCheckText } from '../src/core/report/check-text.ts';
import { renderComment } from '../src/core/report/comment.ts';
import { renderCheckAnnotations } from '../src/core/report/github.ts';
import { renderSummary } from '../src/core/report/markdown.ts';
import { compView } from '../src/core/views/comp.ts';
import { accountsTable, bookTable, clientsTable, csvOf, goalsTable } from '../src/core/views/downloads.ts';
import { findingsView } from '../src/core/views/findings.ts';
import { leaderboardView } from '../src/core/views/leaderboard.ts';
import { buildSiteData } from '../src/core/views/site.ts';
import { COMP_FILES, COMP_YAML } from './comp-cases.ts';
import { fixtureFiles, withFiles } from './helpers/workspace.ts';
import { loadValid } from './rules-fixture.ts';
import { NO_HISTORY } from './views/helpers.ts';

/*
 * Pay is sensitive (issue 28, item 4): payouts are in check --json, and on the site only with site.show_pay: true;
 * never in the terminal, the step summary, the pull-request comment, annotations, CSV downloads or the search index.
 * A target pay of 98,765 makes every payout a number that appears nowhere else: Ann 146,962.32, Bo 95,604.52.
 */
const TODAY = '2026-10-20';
const PAY = ['98765', '98,765', '146962', '146,962', '95604', '95,604'];
const MINIMAL_WS = 'company: Minimal Co';

function workspace(showPay?: boolean): Workspace {
  const ws = new TextDecoder().decode(fixtureFiles('minimal').find((f) => f.rel === 'workspace.yaml')!.bytes);
  return loadValid(
    withFiles(fixtureFiles('minimal'), {
      ...COMP_FILES,
      'comp.yaml': COMP_YAML.replace('target_pay: 1000', 'target_pay: 98765'),
      ...(showPay !== undefined && { 'workspace.yaml': ws.replace(MINIMAL_WS, `${MINIMAL_WS}\nsite: { show_pay: ${showPay} }`) }),
    }),
  );
}

function reportOf(ws: Workspace) {
  const result = checkRun(Run.ofWorkspace(ws, { today: TODAY }), { plansDir: 'plans', cwd: '.' });
  if (!result.valid) throw new Error('invalid');
  return result;
}

const siteOf = (ws: Workspace) => buildSiteData({ run: Run.ofWorkspace(ws, { today: TODAY }), history: NO_HISTORY, plansDir: 'plans' });

function expectNoPay(text: string): void {
  for (const figure of PAY) expect(text).not.toContain(figure);
}

describe('payouts are in check --json', () => {
  it('with the payouts this test looks for everywhere else', () => {
    const json = JSON.stringify(checkJson(reportOf(workspace())));
    expect(json).toContain('"payout":{"planned":146962.32');
    expect(json).toContain('"payout":{"planned":95604.52');
  });
});

describe('payouts never reach CI output', () => {
  it.each([
    { name: 'the terminal table', render: (r: ReturnType<typeof reportOf>) => renderCheckText(r.report).join('\n') },
    { name: 'the step summary', render: (r: ReturnType<typeof reportOf>) => renderSummary(r.report) },
    { name: 'the pull-request comment', render: (r: ReturnType<typeof reportOf>) => renderComment(r.report) },
    { name: 'the annotations', render: (r: ReturnType<typeof reportOf>) => renderCheckAnnotations(r.report, r.workspace).join('\n') },
  ])('$name', ({ render }) => {
    const result = reportOf(workspace(true));
    // The step-8 findings are there (so the output does speak of comp), but without a figure of pay.
    expect(result.report.findings.some((f) => f.rule === 'team-quota-unassigned')).toBe(true);
    expectNoPay(render(result));
  });
});

describe('the site shows attainment, and pay only with site.show_pay: true', () => {
  it.each([undefined, false])('show_pay %s: no payout in the comp view or the leaderboard', (showPay) => {
    const data = siteOf(workspace(showPay));
    const view = compView(data)!;
    expect(view.showPay).toBe(false);
    expect(view.rows.map((r) => [r.person, r.attainment])).toEqual([['ann-lee', '127%'], ['bo-kim', '97%']]);
    expect(view.rows.every((r) => r.pay === undefined && r.payLead === undefined)).toBe(true);
    const board = leaderboardView(data);
    expect(board.comp?.pay).toBeUndefined();
    expectNoPay(JSON.stringify(board));
    expectNoPay(JSON.stringify(view));
  });

  it('show_pay true: the payout beside the attainment', () => {
    const data = siteOf(workspace(true));
    const view = compView(data)!;
    expect(view.rows.map((r) => [r.person, r.attainment, r.payLead])).toEqual([['ann-lee', '127%', '$146,962'], ['bo-kim', '97%', '$95,605']]);
  });

  it('CSV downloads hold no pay, even with show_pay: true', () => {
    const data = siteOf(workspace(true));
    const tables = [accountsTable(data), goalsTable(data), ...data.ws.people.map((p) => bookTable(data, p.id)), ...(clientsTable(data) ? [clientsTable(data)!] : [])];
    for (const t of tables) expectNoPay(csvOf(t));
  });

  it('the findings page explains step 8\'s findings, and says nothing of it without comp.yaml', () => {
    expect(findingsView(siteOf(workspace())).compNote).toMatch(/^2 findings are from step 8 of the method, pay that matches the plans: /);
    expect(findingsView(siteOf(loadValid(fixtureFiles('minimal')))).compNote).toBeUndefined();
  });
});

describe('the search index never holds pay', () => {
  it('every element of a page that shows a payout is left out of the search index (data-pagefind-ignore)', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const pages = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.astro'));
    const lines = pages.flatMap((f) => readFileSync(`src/${f}`, 'utf8').split('\n').map((line) => ({ f, line })));
    const showing = lines.filter(({ line }) => /\.(pay|payLead)\b/.test(line));
    expect(showing.map(({ f }) => f)).toContain('routes/people/index.astro');
    for (const { f, line } of showing) expect(line, `${f}: ${line.trim()}`).toContain('data-pagefind-ignore');
  });
});
