import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../src/core/report/diagnostics.ts';
import { resolveRule, } from '../src/core/rules/index.ts';
import { Run } from '../src/core/engine/run.ts';
import { loadWorkspace } from '../src/core/load/workspace.ts';
import { findingsOf, loadValid, rulesBase, TODAY } from './rules-fixture.ts';

const STALE = { 'accounts/acme.yaml': [['last_reviewed: 2026-09-01', 'last_reviewed: 2026-01-05']] as [string, string][] };
const withRules = (rules: string) => ({ ...STALE, 'workspace.yaml': [['tiers:', `rules: ${rules}\ntiers:`]] as [string, string][] });

describe('workspace.yaml rules: severities and thresholds', () => {
  it.each([
    { name: 'a rule is a warning by default', rules: '{}', severity: ['warning'] },
    { name: 'a severity written as a word replaces the default', rules: '{ stale-plan: error }', severity: ['error'] },
    { name: 'a severity inside the rule\'s settings replaces the default', rules: '{ stale-plan: { severity: info } }', severity: ['info'] },
    { name: 'off turns the rule off', rules: '{ stale-plan: off }', severity: [] },
    { name: 'severity off inside the settings turns it off too', rules: '{ stale-plan: { severity: off, days: 10 } }', severity: [] },
    { name: 'a threshold keeps the default severity', rules: '{ stale-plan: { days: 400 } }', severity: [] },
  ])('$name', ({ rules, severity }) => {
    const found = findingsOf(withRules(rules)).filter((f) => f.rule === 'stale-plan');
    expect(found.map((f) => f.severity)).toEqual(severity);
  });

  it('thresholds fall back to the defaults and take the workspace\'s values', () => {
    const ws = loadValid(rulesBase({ 'workspace.yaml': [['tiers:', 'rules: { stale-contact: { days: 30 }, strategic-limit: warning }\ntiers:']] }));
    expect(resolveRule(ws, 'stale-contact')).toEqual({ severity: 'warning', thresholds: { days: 30 } });
    expect(resolveRule(ws, 'strategic-limit')).toEqual({ severity: 'warning', thresholds: { max: 5 } });
    expect(resolveRule(ws, 'top-account-without-plan')).toEqual({ severity: 'warning', thresholds: { share: 0.25, dimension: 'channel' } });
  });

  it.each([
    {
      name: 'an unknown rule id suggests the closest',
      rules: '{ stale-plans: off }',
      expected: 'rules-base/workspace.yaml:10:10 error "stale-plans" is not a field of "rules". Did you mean "stale-plan"?',
    },
    {
      name: 'an unknown threshold suggests the rule\'s own',
      rules: '{ stale-plan: { day: 30 } }',
      expected: 'rules-base/workspace.yaml:10:24 error "day" is not a field of "rules.stale-plan". Did you mean "days"?',
    },
    {
      name: 'a misspelt severity says what the rule takes',
      rules: '{ stale-plan: warnin }',
      expected: 'rules-base/workspace.yaml:10:22 error rules.stale-plan: "warnin" is not valid here. Write off, error, warning or info, or { severity: …, days: … }.',
    },
    {
      name: 'a rule without thresholds takes a severity alone',
      rules: '{ no-champion: 3 }',
      expected: 'rules-base/workspace.yaml:10:23 error rules.no-champion: 3 is not valid here. Write off, error, warning or info, or { severity: … }.',
    },
    {
      name: 'a threshold of the wrong kind says what it takes',
      rules: '{ no-next-action: { days: -5 } }',
      expected: 'rules-base/workspace.yaml:10:34 error rules.no-next-action.days must be at least 1, got -5.',
    },
  ])('$name', ({ rules, expected }) => {
    const { workspace, diagnostics } = loadWorkspace(rulesBase({ 'workspace.yaml': [['tiers:', `rules: ${rules}\ntiers:`]] }));
    expect(workspace).toBeUndefined();
    expect(diagnostics.map((d) => formatDiagnostic(d))).toContain(expected);
  });
});

describe('findings carry what the site and check need', () => {
  it('a finding on a plan names the account, the person to act and this year\'s plan at stake in the workspace currency', () => {
    const [finding] = findingsOf({ 'accounts/beta.yaml': [['tier: B', 'tier: A']] });
    // Beta plans 120000 EUR for FY2027; at 1.1 USD per EUR that is 132000 USD.
    expect(finding).toMatchObject({ rule: 'tier-mismatch', account: 'beta', person: 'bo-kim', revenueAtStake: 132000, path: 'tier' });
  });

  it('findings come sorted by file and line', () => {
    const found = Run.ofWorkspace(loadValid(rulesBase({ ...STALE, 'accounts/gamma.mdx': [['exec_sponsor: max-roe\n', '']] })), { today: TODAY }).findings;
    expect(found.map((f) => `${f.file}:${f.line} ${f.rule}`)).toEqual([
      'rules-base/accounts/acme.yaml:9 stale-plan',
      'rules-base/accounts/gamma.mdx:2 no-exec-sponsor',
    ]);
  });
});
