import { describe, expect, it } from 'vitest';
import { checkJson, checkRun } from '../src/core/engine/check.ts';
import { Run } from '../src/core/engine/run.ts';
import { payoutFraction, payoutOf } from '../src/core/comp/formula.ts';
import type { Workspace } from '../src/core/model.ts';
import { COMP_FILES, COMP_YAML } from './comp-cases.ts';
import { loadValid } from './rules-fixture.ts';
import type { PlansFile } from '../src/core/load/files.ts';
import { fixtureFiles, load, withFiles } from './helpers/workspace.ts';

/*
 * Step 8 (issue 28): comp.yaml, attainment per measure and the payout, written once in src/core/comp/.
 */
const TODAY = '2026-10-20';
const STEPS = [{ above: 1.0, rate: 1.5 }, { above: 1.2, rate: 2.0 }];
const files = (changes: Record<string, string | null> = {}) => withFiles(fixtureFiles('minimal'), { ...COMP_FILES, ...changes });
/** Each diagnostic as file:line:column severity code: message. */
const diagnosticLines = (f: PlansFile[]) => load(f).diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}: ${d.message}`);
const compOf = (ws: Workspace) => Run.ofWorkspace(ws, { today: TODAY }).comp;

describe('the payout fraction', () => {
  it.each([
    { name: 'below the first step it is linear', attainment: 0.84, fraction: 0.84 },
    { name: 'at the first step it is 1', attainment: 1.0, fraction: 1.0 },
    { name: 'the issue\'s example: 1.1 earns 1.0 + 0.1 × 1.5', attainment: 1.1, fraction: 1.15 },
    { name: 'above 1.2 each step earns its own rate: 1.0 + 0.2 × 1.5 + 0.3 × 2.0', attainment: 1.5, fraction: 1.9 },
  ])('$name', ({ attainment, fraction }) => {
    expect(payoutFraction(attainment, STEPS)).toBeCloseTo(fraction, 12);
  });

  it('without accelerators it is the attainment, however high', () => {
    expect(payoutFraction(3.5, [])).toBe(3.5);
  });

  it('the payout is target_pay × the weighted fractions, at most cap × target_pay', () => {
    expect(payoutOf(1000, [{ weight: 1, attainment: 1.5 }], STEPS, 2)).toBe(1900);
    expect(payoutOf(1000, [{ weight: 1, attainment: 1.6 }], STEPS, 2)).toBe(2000);
    expect(payoutOf(1000, [{ weight: 1, attainment: 1.6 }], STEPS, undefined)).toBe(2100);
  });
});

describe('one person\'s payout, by hand', () => {
  it('Ann Lee: own revenue 220 / 160 above 1.2 through both steps, team revenue 420 / 500 below goal, then the cap', () => {
    const ann = compOf(loadValid(files())).find((c) => c.person === 'ann-lee')!;
    // own: 1.375 → 1.0 + (1.2 − 1.0) × 1.5 + (1.375 − 1.2) × 2.0 = 1.65; team: 0.84 (linear).
    // payout: 1000 × (0.8 × 1.65 + 0.2 × 0.84) = 1000 × (1.32 + 0.168) = 1488.
    expect(ann.measures.map((m) => [m.measure, m.attainment.planned])).toEqual([['own-revenue', 1.375], ['team-revenue', 0.84]]);
    expect(ann.payout.planned).toBe(1488);
    const capped = compOf(loadValid(files({ 'comp.yaml': COMP_YAML.replace('cap: 2.0', 'cap: 1.4') }))).find((c) => c.person === 'ann-lee')!;
    expect(capped.payout.planned).toBe(1400);
  });

  it('without a ledger, landing and booked have no attainment and no payout', () => {
    const ann = compOf(loadValid(files())).find((c) => c.person === 'ann-lee')!;
    expect(ann.payout).toEqual({ planned: 1488, landing: null, booked: null });
    expect(ann.measures[0]!.attainment).toEqual({ planned: 1.375, landing: null, booked: null });
  });

  it('objectives: the share of the objectives owned in strategic plans, due in the period and not dropped, that are done', () => {
    const strategic = fixtureFiles('minimal').find((f) => f.rel === 'accounts/acme.yaml')!;
    const acme = `${new TextDecoder().decode(strategic.bytes).replace('status: current', 'status: current\nstrategic: true')}objectives:
  - { id: o1, description: Meet the CFO, owner: ann-lee, due: 2026-06-01, status: done }
  - { id: o2, description: Pilot, owner: ann-lee, due: 2026-09-01, status: in-progress }
  - { id: o3, description: Dropped, owner: ann-lee, due: 2026-09-01, status: dropped }
  - { id: o4, description: Next year, owner: ann-lee, due: 2027-06-01, status: done }
  - { id: o5, description: Not hers, owner: bo-kim, due: 2026-06-01, status: done }
`;
    const comp = COMP_YAML.replace('weight: 0.2 }', 'weight: 0.1 }\n      - { measure: objectives, weight: 0.1 }');
    const ann = compOf(loadValid(files({ 'accounts/acme.yaml': acme, 'comp.yaml': comp }))).find((c) => c.person === 'ann-lee')!;
    expect(ann.measures[2]).toMatchObject({ measure: 'objectives', objectives: { done: 1, total: 2 }, attainment: { planned: 0.5, landing: 0.5, booked: 0.5 } });
  });

  it('check --json prints comp exactly as the issue specifies, and nothing of it without comp.yaml', () => {
    const json = checkJson(checkRun(Run.ofWorkspace(loadValid(files()), { today: TODAY }), { plansDir: 'plans', cwd: '.' })) as { comp: unknown[] };
    expect(json.comp).toEqual([
      {
        person: 'ann-lee',
        plan: 'ae-fy2027',
        period: 'FY2027',
        measures: [
          { measure: 'own-revenue', weight: 0.8, attainment: { planned: 1.375, landing: null, booked: null } },
          { measure: 'team-revenue', weight: 0.2, attainment: { planned: 0.84, landing: null, booked: null } },
        ],
        payout: { planned: 1488, landing: null, booked: null },
      },
      {
        person: 'bo-kim',
        plan: 'ae-fy2027',
        period: 'FY2027',
        measures: [
          { measure: 'own-revenue', weight: 0.8, attainment: { planned: 1, landing: null, booked: null } },
          { measure: 'team-revenue', weight: 0.2, attainment: { planned: 0.84, landing: null, booked: null } },
        ],
        payout: { planned: 968, landing: null, booked: null },
      },
    ]);
    const without = checkJson(checkRun(Run.ofWorkspace(loadValid(files({ 'comp.yaml': null })), { today: TODAY }), { plansDir: 'plans', cwd: '.' }));
    expect(Object.keys(without)).not.toContain('comp');
  });
});

describe('comp.yaml is validated like every plans file', () => {
  const plan = (body: string) => `plans:\n  - id: ae\n    period: FY2027\n${body}`;
  const measures = '    measures: [{ measure: own-revenue, weight: 1 }]\n';
  it.each([
    {
      name: 'weights that do not add up to 1',
      comp: plan('    people: [ann-lee]\n    target_pay: 100\n    measures: [{ measure: own-revenue, weight: 0.6 }, { measure: objectives, weight: 0.3 }]\n'),
      expected: ['minimal/comp.yaml:6:15 error comp-weights: plans[0].measures: the weights add up to 0.9, not 1, so the plan would pay 90% of target_pay at goal. Change the weights so that they add up to 1.'],
    },
    {
      name: 'thirds written to three places add up within 0.001',
      comp: plan('    people: [ann-lee]\n    target_pay: 100\n    measures: [{ measure: own-revenue, weight: 0.333 }, { measure: team-revenue, weight: 0.333 }, { measure: objectives, weight: 0.333 }]\n'),
      expected: [],
    },
    {
      name: 'a person in two plans for one period (people and role together)',
      comp: `plans:\n  - { id: ae, period: FY2027, role: account-executive, target_pay: 100, measures: [{ measure: own-revenue, weight: 1 }] }\n  - { id: named, period: FY2027, people: [max-roe, ann-lee], target_pay: 100, measures: [{ measure: team-revenue, weight: 1 }] }\n`,
      expected: ['minimal/comp.yaml:3:52 error comp-person-twice: plans[1].people[1]: "ann-lee" is already in plans[0] ("ae") for FY2027, and a person is paid by one plan per period. Take them out of one of the two (a "role" covers everyone with that role).'],
    },
    {
      name: 'a rate of 1e308',
      comp: plan(`    people: [ann-lee]\n    target_pay: 100\n${measures}    accelerators: [{ above: 1, rate: 1e308 }]\n`),
      expected: ['minimal/comp.yaml:7:38 error out-of-range: plans[0].accelerators[0].rate must be at most 10, got 1e+308.'],
    },
    {
      name: 'an accelerator below 1',
      comp: plan(`    people: [ann-lee]\n    target_pay: 100\n${measures}    accelerators: [{ above: 0.5, rate: 1 }]\n`),
      expected: ['minimal/comp.yaml:7:29 error out-of-range: plans[0].accelerators[0].above must be at least 1, got 0.5.'],
    },
    {
      name: 'accelerators out of order',
      comp: plan(`    people: [ann-lee]\n    target_pay: 100\n${measures}    accelerators: [{ above: 1.2, rate: 2 }, { above: 1.1, rate: 1.5 }]\n`),
      expected: ['minimal/comp.yaml:7:54 error comp-accelerator-order: plans[0].accelerators[1].above: 1.1 is not above the step before it (1.2). List the steps from the lowest "above" to the highest, each higher than the last.'],
    },
    {
      name: 'an unknown measure',
      comp: plan('    people: [ann-lee]\n    target_pay: 100\n    measures: [{ measure: own-revenu, weight: 1 }]\n'),
      expected: ['minimal/comp.yaml:6:27 error invalid-value: plans[0].measures[0].measure: "own-revenu" is not allowed. Did you mean "own-revenue"? Write one of: own-revenue, team-revenue, objectives.'],
    },
    {
      name: 'an unknown person',
      comp: plan(`    people: [ann-le]\n    target_pay: 100\n${measures}`),
      expected: ['minimal/comp.yaml:4:14 error unknown-person: plans[0].people[0]: "ann-le" is not a person in team.yaml. Did you mean "ann-lee"?'],
    },
    {
      name: 'an unknown role',
      comp: plan(`    role: rep\n    target_pay: 100\n${measures}`),
      expected: [expect.stringMatching(/^minimal\/comp\.yaml:4:11 error invalid-value: plans\[0\]\.role: /)],
    },
    {
      name: 'a period without goals',
      comp: `plans:\n  - { id: ae, period: FY2031, people: [ann-lee], target_pay: 100, measures: [{ measure: own-revenue, weight: 1 }] }\n`,
      expected: ['minimal/comp.yaml:2:23 error comp-unknown-period: plans[0].period: goals.yaml has no goal for "FY2031", so there is nothing to pay against. Write one of: FY2027, FY2027-Q1, or add the period\'s goals.'],
    },
    {
      name: 'a plan that covers nobody',
      comp: `plans:\n  - { id: se, period: FY2027, role: customer-success, target_pay: 100, measures: [{ measure: own-revenue, weight: 1 }] }\n`,
      expected: ['minimal/comp.yaml:2:5 error comp-no-people: plans[0]: the plan covers nobody: nobody in team.yaml has the role customer-success. Add "people" (ids in team.yaml) or a "role" someone holds, or remove the plan.'],
    },
    {
      name: 'an unknown key, with the closest known one',
      comp: plan(`    people: [ann-lee]\n    target_pay: 100\n${measures}    caps: 2\n`),
      expected: [expect.stringMatching(/^minimal\/comp\.yaml:7:5 error unknown-key: .*"cap"/)],
    },
    {
      name: 'two plans with one id',
      comp: `plans:\n  - { id: ae, period: FY2027, people: [ann-lee], target_pay: 100, measures: [{ measure: own-revenue, weight: 1 }] }\n  - { id: ae, period: FY2027, people: [bo-kim], target_pay: 100, measures: [{ measure: own-revenue, weight: 1 }] }\n`,
      expected: ['minimal/comp.yaml:3:11 error duplicate-id: plans[1].id: "ae" is also plans[0]. Give each comp plan its own id.'],
    },
  ])('$name', ({ comp, expected }) => {
    expect(diagnosticLines(withFiles(fixtureFiles('minimal'), { 'comp.yaml': comp }))).toEqual(expected);
  });

  it('HTML in an id or a name is refused by the id pattern, or kept as text (never markup)', () => {
    const lines = diagnosticLines(withFiles(fixtureFiles('minimal'), { 'comp.yaml': plan(`    name: "<script>alert(1)</script>"\n    people: ["<img src=x onerror=alert(1)>"]\n    target_pay: 100\n${measures}`).replace('id: ae', 'id: "<b>ae</b>"') }));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^minimal\/comp\.yaml:2:9 error invalid-format: plans\[0\]\.id: /);
    expect(lines[1]).toMatch(/^minimal\/comp\.yaml:5:14 error invalid-format: plans\[0\]\.people\[0\]: /);
    const named = loadValid(files({ 'comp.yaml': COMP_YAML.replace('period: FY2027', 'period: FY2027\n    name: "<script>alert(1)</script>"') }));
    expect(named.comp!.plans[0]!.name).toBe('<script>alert(1)</script>');
  });

  it('a huge comp.yaml is reported at the file and never parsed', () => {
    const huge = `plans:\n${'  - { id: ae, period: FY2027, people: [ann-lee], target_pay: 100, measures: [{ measure: own-revenue, weight: 1 }] }\n'.repeat(40_000)}`;
    const result = load(withFiles(fixtureFiles('minimal'), { 'comp.yaml': huge }));
    expect(result.workspace).toBeUndefined();
    expect(result.diagnostics.map((d) => `${d.file} ${d.code}`)).toEqual(['minimal/comp.yaml file-too-large']);
  });

  it('a valid comp.yaml loads, and a folder without one has no comp', () => {
    expect(loadValid(files()).comp?.plans.map((p) => p.id)).toEqual(['ae-fy2027']);
    expect(loadValid(fixtureFiles('minimal')).comp).toBeUndefined();
  });
});

describe('step 8\'s rules run only with comp.yaml, and fire only past the tolerance', () => {
  const STEP_8 = ['quota-not-planned', 'team-quota-unassigned', 'comp-without-goal', 'objectives-unrewarded'];
  const step8 = (changes: Record<string, string | null>) =>
    Run.ofWorkspace(loadValid(files(changes)), { today: TODAY }).findings.filter((f) => STEP_8.includes(f.rule)).map((f) => `${f.file}:${f.line} ${f.rule} ${f.person}`);

  it('the shared workspace: the team goal of 500 is more than the plans (420) and the own goals (360)', () => {
    expect(step8({})).toEqual(['minimal/comp.yaml:9 quota-not-planned ann-lee', 'minimal/goals.yaml:3 team-quota-unassigned max-roe']);
  });

  it('without comp.yaml, none of them runs, though the goals are the same', () => {
    expect(step8({ 'comp.yaml': null })).toEqual([]);
  });

  it('a team goal the plans cover and the own goals add up to says nothing; own goals above it are normal', () => {
    const goals = (team: number) => `goals:\n  - { period: FY2027, revenue: 1000 }\n  - { period: FY2027, scope: { manager: max-roe }, revenue: ${team} }\n  - { period: FY2027, scope: { owner: ann-lee }, revenue: 160 }\n  - { period: FY2027, scope: { owner: bo-kim }, revenue: 200 }\n`;
    expect(step8({ 'goals.yaml': goals(360) })).toEqual([]);
    expect(step8({ 'goals.yaml': goals(300) })).toEqual([]);
  });

  it('the workspace tolerance applies: 2% short of a goal is not flagged with a tolerance of 0.05', () => {
    const minimalWs = new TextDecoder().decode(fixtureFiles('minimal').find((f) => f.rel === 'workspace.yaml')!.bytes);
    const goals = `goals:\n  - { period: FY2027, revenue: 400 }\n  - { period: FY2027, scope: { manager: max-roe }, revenue: 428 }\n  - { period: FY2027, scope: { owner: ann-lee }, revenue: 220 }\n  - { period: FY2027, scope: { owner: bo-kim }, revenue: 200 }\n`;
    expect(step8({ 'goals.yaml': goals })).toEqual(['minimal/comp.yaml:9 quota-not-planned ann-lee', 'minimal/goals.yaml:3 team-quota-unassigned max-roe']);
    expect(step8({ 'goals.yaml': goals, 'workspace.yaml': `${minimalWs}tolerance: 0.05\n` })).toEqual([]);
  });
});
