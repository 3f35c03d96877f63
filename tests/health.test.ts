import { describe, expect, it } from 'vitest';
import { scorePlan, scorePlans } from '../src/core/portfolio/health.ts';
import type { Finding } from '../src/core/rules/finding.ts';
import { Run } from '../src/core/engine/run.ts';
import { loadValid, rulesBase, TODAY } from './rules-fixture.ts';

const ws = loadValid(rulesBase());
const acme = ws.accountById.get('acme')!;

const finding = (severity: Finding['severity'], account = 'acme'): Finding => ({
  rule: `some-${severity}`,
  severity,
  file: acme.file,
  line: 1,
  column: 1,
  message: `a ${severity}`,
  account,
});

describe('plan health', () => {
  it('a strategic plan is expected to fill all 14 parts: 6 empty cost 5 points each', () => {
    const health = scorePlan(acme, []);
    expect(health.score).toBe(70);
    expect(health.rating).toBe('fair');
    expect(health.completeness).toBeCloseTo(8 / 14);
    expect(health.parts.filter((x) => x.expected).length).toBe(14);
    expect(health.parts.filter((x) => x.expected && x.filled).length).toBe(8);
    expect(health.deductions.map((d) => `${d.reason} −${d.points}`)).toEqual([
      'missing:profile −5',
      'missing:penetration −5',
      'missing:buying_process −5',
      'missing:competitors −5',
      'missing:swot −5',
      'missing:risks −5',
    ]);
    expect(health.parts.filter((p) => p.filled).map((p) => p.name)).toEqual([
      'history', 'forecast', 'stretch', 'stakeholders', 'objectives', 'actions', 'qualification', 'exec_relationships',
    ]);
  });

  it('a current plan that is not strategic is expected to fill 7 parts, a target plan 8', () => {
    const health = scorePlans(ws, []);
    // beta (current, retain) misses profile, stakeholders, objectives, penetration.
    expect(health.get('beta')).toMatchObject({ score: 80, rating: 'good', completeness: 3 / 7 });
    expect(health.get('beta')!.parts.filter((p) => p.expected).map((p) => p.name)).toEqual([
      'profile', 'history', 'forecast', 'penetration', 'stakeholders', 'objectives', 'actions',
    ]);
    // gamma (target, acquire) misses profile, buying_process, objectives, competitors.
    expect(health.get('gamma')).toMatchObject({ score: 80, completeness: 4 / 8 });
  });

  it('each finding on the plan takes off 25, 10 or 3 points by severity; findings on other plans do not count', () => {
    const health = scorePlan(acme, [finding('error'), finding('warning'), finding('info'), finding('error', 'beta')]);
    expect(health.score).toBe(70 - 25 - 10 - 3);
    expect(health.deductions.slice(0, 3)).toEqual([
      { reason: 'some-error', severity: 'error', points: 25 },
      { reason: 'some-warning', severity: 'warning', points: 10 },
      { reason: 'some-info', severity: 'info', points: 3 },
    ]);
  });

  it('the score is floored at 0 and rated poor', () => {
    const health = scorePlan(acme, [finding('error'), finding('error'), finding('error')]);
    expect(health).toMatchObject({ score: 0, rating: 'poor' });
  });

  it('a stale review shows as a 10-point deduction from the rules', () => {
    const stale = loadValid(rulesBase({ 'accounts/acme.yaml': [['last_reviewed: 2026-09-01', 'last_reviewed: 2026-01-05']] }));
    const health = scorePlans(stale, Run.ofWorkspace(stale, { today: TODAY }).findings).get('acme')!;
    expect(health.score).toBe(60);
    expect(health.deductions[0]).toMatchObject({ reason: 'stale-plan', severity: 'warning', points: 10 });
  });
});
