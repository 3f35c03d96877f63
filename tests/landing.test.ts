import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkJson, checkRun } from '../src/core/engine/check.ts';
import { Run } from '../src/core/engine/run.ts';
import type { Workspace } from '../src/core/model.ts';
import { judgeGate } from '../src/core/report/gate.ts';
import { compareRollups } from '../src/core/rollup/diff.ts';
import { rollUp } from '../src/core/rollup/rollup.ts';
import { parseCsv } from './helpers/csv.ts';
import { diagnosticLines, fixtureFiles, withFiles } from './helpers/workspace.ts';
import { workspaceOf } from './views/helpers.ts';

/*
 * Landing (issue 26, item 1): with a ledger, every goal lands at booked up to the ledger's date plus the plans'
 * forecast still to come. goals[].met and ok keep judging planned; workspace.yaml gate_measure picks the gate's figure.
 */
const TODAY = '2026-12-05';
const example = workspaceOf('plans');

interface JsonGoal {
  label: string;
  goal: number;
  planned: number;
  met: boolean;
  threshold: number;
  booked?: { revenue: number; toCome: number };
  landing?: { revenue: number; gap: number; met: boolean };
}
const json = (ws: Workspace) => checkJson(checkRun(Run.ofWorkspace(ws, { today: TODAY }), { plansDir: 'plans', cwd: '.' })) as { ok: boolean; goals: JsonGoal[] };

/** Jake Morrow's FY2027 landing by hand, from his plan files and the CSV ledger: booked in Feb 2026–Jan 2027, plus Q4's forecast beyond what Q4 has booked. */
function jakeByHand(): number {
  const plans = readdirSync('plans/accounts')
    .map((f) => readFileSync(join('plans/accounts', f), 'utf8'))
    .map((text) => parse(text.startsWith('---') ? text.split('---')[1]! : text) as { owner: string; crm?: { id: string }; forecast?: { period: string; revenue: number; confidence?: number }[] })
    .filter((p) => p.owner === 'jake-morrow');
  expect(plans).toHaveLength(4);
  const rows = readdirSync('plans/sales').flatMap((f) => parseCsv(readFileSync(join('plans/sales', f), 'utf8')).slice(1));
  const through = rows.map((r) => r[0]!).sort().at(-1)!;
  expect(through).toBe('2026-11-20'); // in FY2027-Q4 (November 2026 – January 2027): Q1–Q3 are over
  let landing = 0;
  for (const p of plans) {
    const own = rows.filter((r) => r[1] === p.crm?.id && r[0]! >= '2026-02-01' && r[0]! <= '2027-01-31' && r[6] === '');
    const booked = own.reduce((s, r) => s + Number(r[4]), 0);
    const bookedQ4 = own.filter((r) => r[0]! >= '2026-11-01').reduce((s, r) => s + Number(r[4]), 0);
    const weighted = (period: string) => (p.forecast ?? []).filter((f) => f.period === period).reduce((s, f) => s + f.revenue * (f.confidence ?? 1), 0);
    const q4 = weighted('FY2027-Q4') + weighted('FY2027') / 4;
    landing += booked + Math.max(0, q4 - bookedQ4);
  }
  return Math.round(landing * 100) / 100;
}

describe('landing: booked plus the forecast still to come', () => {
  const j = json(example);

  it('every goal of the example has a landing, booked plus to come, met by the same tolerance', () => {
    expect(j.goals).toHaveLength(18);
    for (const g of j.goals) {
      expect(g.landing, g.label).toBeDefined();
      expect(g.landing!.revenue).toBeCloseTo(g.booked!.revenue + g.booked!.toCome, 2);
      expect(g.landing!.gap).toBeCloseTo(g.landing!.revenue - g.goal, 2);
      expect(g.landing!.met).toBe(g.landing!.revenue >= g.threshold);
    }
  });

  it('Jake Morrow lands short (94.8%, $113,525) by a hand roll-up of his plans and the ledger, while planned still covers his goal', () => {
    const jake = j.goals.find((g) => g.label === 'FY2027 owner: Jake Morrow')!;
    const hand = jakeByHand();
    expect(jake.landing!.revenue).toBeCloseTo(hand, 2);
    expect(hand).toBe(2086475);
    expect(jake.landing).toEqual({ revenue: 2086475, gap: -113525, met: false });
    expect((hand / jake.goal) * 100).toBeCloseTo(94.8, 1);
    expect(jake.met).toBe(true); // goals[].met keeps judging planned
  });

  it('a quarter that is over lands at what it booked', () => {
    const q3 = j.goals.find((g) => g.label === 'FY2027-Q3 owner: Aiko Tanaka')!;
    expect(q3.booked!.toCome).toBe(0);
    expect(q3.landing!.revenue).toBe(q3.booked!.revenue);
  });

  it('ok and goals[].met are the same whatever gate_measure says', () => {
    const landing = json({ ...example, settings: { ...example.settings, gate_measure: 'landing' } });
    expect(landing.ok).toBe(j.ok);
    expect(landing.goals.map((g) => g.met)).toEqual(j.goals.map((g) => g.met));
  });

  it('without a ledger no goal has a landing', () => {
    const minimal = workspaceOf('tests/fixtures/minimal');
    expect(json(minimal).goals.every((g) => !Object.hasOwn(g, 'landing'))).toBe(true);
  });
});

describe('gate_measure: which figure the gate judges', () => {
  const state = (ws: Workspace) => checkRun(Run.ofWorkspace(ws, { today: TODAY }), { plansDir: 'plans', cwd: '.' });
  const reasons = (ws: Workspace) => {
    const r = state(ws);
    if (!r.valid) throw new Error('invalid');
    return r.report.gate!;
  };

  it('planned (the default) judges planned and says so on each goal reason', () => {
    const gate = reasons(example);
    expect(gate.measure).toBe('planned');
    const goals = gate.reasons.filter((r) => r.goal);
    expect(goals.map((r) => r.goal!.label)).toEqual(['FY2027 region: emea', 'FY2027 owner: Henrik Aalto']);
    expect(goals.every((r) => r.measure === 'planned')).toBe(true);
  });

  it('landing judges booked plus to come: Jake Morrow fails, in a sentence that says "lands"', () => {
    const gate = reasons({ ...example, settings: { ...example.settings, gate_measure: 'landing' } });
    expect(gate.measure).toBe('landing');
    const goals = gate.reasons.filter((r) => r.goal);
    expect(goals.map((r) => r.goal!.label)).toEqual(['FY2027 region: emea', 'FY2027 owner: Jake Morrow', 'FY2027 owner: Henrik Aalto']);
    expect(goals.every((r) => r.measure === 'landing' && r.fails)).toBe(true);
    expect(goals[1]!.text).toBe('FY2027 owner: Jake Morrow lands at $2,086,475, $113,525 short of $2,200,000; even with the 2% tolerance it needs $69,525 more');
  });

  it('judging a change by landing: a lower forecast that worsens a short landing fails, one that does not is still short', () => {
    const before = rollUp(example);
    const lowered: Workspace = {
      ...example,
      accounts: example.accounts.map((a) =>
        a.id !== 'meridale-university' ? a : { ...a, plan: { ...a.plan, forecast: (a.plan.forecast ?? []).map((f) => (f.period === 'FY2027-Q4' ? { ...f, revenue: f.revenue - 50000 } : f)) } },
      ),
    };
    const after = rollUp(lowered);
    const base = { ref: 'main', valid: true, errors: 0, goals: compareRollups(before, after), renames: [], touched: [] };
    const gate = judgeGate({ rollup: after, findings: [], base }, 'change', 'landing');
    const jake = gate.reasons.find((r) => r.goal?.label === 'FY2027 owner: Jake Morrow')!;
    expect(jake).toMatchObject({ kind: 'goal-worse', fails: true, measure: 'landing' });
    // Judged by landing, explained like any worsening: the plan that lowered it is named, and no note explains it.
    expect(jake.text.startsWith('FY2027 owner: Jake Morrow now lands $158,525 short, $45,000 more than before; made worse by ')).toBe(true);
    expect(jake).toMatchObject({ worsenedBy: ['meridale-university'], unexplained: { accounts: ['meridale-university'], goal: false } });
    const henrik = gate.reasons.find((r) => r.goal?.label === 'FY2027 owner: Henrik Aalto')!;
    expect(henrik).toMatchObject({ kind: 'goal-still-short', fails: false, measure: 'landing' });
    // Without a ledger, landing has nothing to judge: the gate falls back to planned for every goal.
    const { ledger: _ledger, ...withoutLedger } = example;
    const noLedger = judgeGate({ rollup: rollUp(withoutLedger), findings: [] }, 'strict', 'landing');
    expect(noLedger.reasons.filter((r) => r.goal).every((r) => r.measure === 'planned')).toBe(true);
  });

  it.each([
    { name: 'a value that is not planned or landing is refused where it stands', value: 'landed' },
    { name: 'a number is refused', value: '1' },
  ])('$name', ({ value }) => {
    const base = fixtureFiles('minimal');
    const ws = new TextDecoder().decode(base.find((f) => f.rel === 'workspace.yaml')!.bytes);
    const lines = diagnosticLines(withFiles(base, { 'workspace.yaml': `${ws.trimEnd()}\ngate_measure: ${value}\n` }));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^minimal\/workspace\.yaml:\d+:15 .*gate_measure.*planned.*landing/);
  });
});
