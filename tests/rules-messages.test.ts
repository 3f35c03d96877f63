import { afterEach, describe, expect, it } from 'vitest';
import { Run } from '../src/core/engine/run.ts';
import { readWorkspace } from '../src/core/load/read-workspace.ts';
import { workingCopy } from '../src/core/load/sources.ts';
import type { Workspace } from '../src/core/model.ts';
import { historyDiffersFromLedger } from '../src/core/rules/history-differs-from-ledger.ts';
import { RULES } from '../src/core/rules/index.ts';
import { reviewDate } from '../src/core/rules/review-date.ts';
import { singleThreaded } from '../src/core/rules/single-threaded.ts';
import { RULE_IDS } from '../schemas/rules.ts';
import { makeSandbox, ROOT, type Sandbox } from './helpers/sandbox.ts';
import { loadValid, rulesBase, TODAY, type Edits } from './rules-fixture.ts';

const ACME = 'accounts/acme.yaml';
const BETA = 'accounts/beta.yaml';
const GAMMA = 'accounts/gamma.mdx';
const WS = 'workspace.yaml';
const GOALS = 'goals.yaml';
const TEAM = 'team.yaml';
const COMP = 'comp.yaml';
const GOALS_END = '  - { period: FY2027, revenue: 1000000 }';
/** Step 8 on the rules base: Ann's own goal above her plans, Max Roe's team goal above the plans and above the own goals. */
const COMP_GOALS = `${GOALS_END}\n  - { period: FY2027, scope: { manager: max-roe }, revenue: 1500000 }\n  - { period: FY2027, scope: { owner: ann-lee }, revenue: 1200000 }\n  - { period: FY2027, scope: { owner: bo-kim }, revenue: 100000 }`;
/** A comp.yaml of one plan "ae" for FY2027: who it covers, and its measures as "measure: weight" pairs. */
const compPlan = (who: string, measures: string) =>
  `plans:\n  - id: ae\n    period: FY2027\n    ${who}\n    target_pay: 10000\n    measures: [${measures.split(', ').map((m) => `{ measure: ${m.split(': ')[0]}, weight: ${m.split(': ')[1]} }`).join(', ')}]\n`;
const BO = 'reviews/2026-09/bo-kim.yaml';
const ANN_OCT = 'reviews/2026-10/ann-lee.yaml';
const october = (actions: string) => `reviewer: max-roe\ndate: 2026-10-15\naccounts:\n  - { account: acme, expectation: grow }\n${actions}`;
/** The day of tests/fixtures/ledger (a sales ledger through 2026-07-20). */
const LEDGER_DAY = '2026-08-01';

let sandbox: Sandbox | undefined;
afterEach(() => sandbox?.remove());

/** tests/fixtures/ledger, with files added in a sandbox. */
function ledgerWorkspace(added: Record<string, string> = {}): Workspace {
  if (Object.keys(added).length === 0) return readWorkspace(workingCopy({ plansDir: 'tests/fixtures/ledger', cwd: ROOT })).workspace!;
  const s = (sandbox = makeSandbox('tests/fixtures/ledger'));
  s.write(added);
  return readWorkspace(workingCopy({ plansDir: 'plans', cwd: s.dir })).workspace!;
}

interface Case {
  name: string;
  rule: string;
  /** The clean rules base with these edits and added files (tests/rules-fixture.ts), or the ledger fixture. */
  edits?: Edits;
  added?: Record<string, string>;
  ledger?: Record<string, string>;
  today?: string;
  /** Only findings about this account, where a fixture has several. */
  account?: string;
  /** Each finding of `rule`: its message id and data. */
  expected: [string, Record<string, unknown>][];
}

const cases: Case[] = [
  {
    name: 'strategic-limit: the owner, their strategic plans and the limit',
    rule: 'strategic-limit',
    edits: { [WS]: [['tiers:', 'rules: { strategic-limit: { max: 1 } }\ntiers:']], [BETA]: [['tier: B', 'tier: B\nstrategic: true']], [GAMMA]: [['status: target', 'status: target\nstrategic: true']] },
    expected: [['tooMany', { name: 'Bo Kim', plans: ['beta', 'gamma'], max: 1 }]],
  },
  {
    name: 'stale-plan: reviewed 93 days ago against a cadence of 92',
    rule: 'stale-plan',
    edits: { [ACME]: [['last_reviewed: 2026-09-01', 'last_reviewed: 2026-07-19']] },
    expected: [['stale', { reviewed: '2026-07-19', age: 93, cadence: 92 }]],
  },
  {
    name: 'stale-plan: never reviewed suggests today',
    rule: 'stale-plan',
    edits: { [GAMMA]: [['last_reviewed: 2026-10-01\n', '']] },
    expected: [['neverReviewed', { today: TODAY }]],
  },
  {
    name: 'single-threaded: only the side with too few people is in the data',
    rule: 'single-threaded',
    edits: { [GAMMA]: [['relationship: max-roe', 'relationship: bo-kim']] },
    expected: [['tooFewPeople', { ours: ['Bo Kim'] }]],
  },
  {
    name: 'no-decision-maker: the kind of plan',
    rule: 'no-decision-maker',
    edits: { [GAMMA]: [['roles: [decision-maker]', 'roles: [influencer]']] },
    expected: [['noDecisionMaker', { plan: 'target plan' }]],
  },
  {
    name: 'no-champion: the kind of plan',
    rule: 'no-champion',
    edits: { [GAMMA]: [['stance: champion', 'stance: supporter']] },
    expected: [['noChampion', { plan: 'target plan' }]],
  },
  {
    name: 'no-exec-sponsor: the kind of plan',
    rule: 'no-exec-sponsor',
    edits: { [GAMMA]: [['exec_sponsor: max-roe\n', '']] },
    expected: [['noSponsor', { plan: 'target plan' }]],
  },
  {
    name: 'exec-cadence: both executives by name, their last meeting and the quarter',
    rule: 'exec-cadence',
    edits: { [ACME]: [['last_meeting: 2026-08-20', 'last_meeting: 2026-07-31']] },
    expected: [['noMeeting', { ours: 'Eva Cho', theirs: 'Maria Chen', lastMeeting: '2026-07-31', quarter: 'FY2027-Q3', quarterEnd: '2026-10-31' }]],
  },
  {
    name: 'uncovered-stakeholder: the stakeholder and their role',
    rule: 'uncovered-stakeholder',
    edits: { [GAMMA]: [[' relationship: bo-kim,', '']] },
    expected: [['noOwner', { name: 'Lea Berg', role: 'decision-maker' }]],
  },
  {
    name: 'overdue-action: the action as written, its due date, the days late and its status',
    rule: 'overdue-action',
    edits: { [ACME]: [['due: 2026-11-15', 'due: 2026-10-10']] },
    expected: [['overdue', { action: 'Run the service pilot', due: '2026-10-10', late: 10, status: 'in-progress' }]],
  },
  {
    name: 'opportunity-overdue: the deal as written, its value and currency, its close date and the days late',
    rule: 'opportunity-overdue',
    edits: { [ACME]: [['objectives:', 'opportunities:\n  - { id: pilot, name: Service pilot, revenue: 50000, close: 2026-10-19 }\nobjectives:']] },
    expected: [['overdue', { opportunity: 'Service pilot', revenue: 50000, currency: 'USD', close: '2026-10-19', late: 1 }]],
  },
  {
    name: 'no-next-action: the window that has no open action',
    rule: 'no-next-action',
    edits: { [BETA]: [['due: 2027-01-10', 'due: 2027-01-19']] },
    expected: [['noneDue', { from: TODAY, until: '2027-01-18', days: 90 }]],
  },
  {
    name: 'no-next-action: a plan without actions',
    rule: 'no-next-action',
    ledger: {},
    today: LEDGER_DAY,
    account: 'globex',
    expected: [['noActions', { days: 90 }]],
  },
  {
    name: 'objective-without-owner: the objective id',
    rule: 'objective-without-owner',
    edits: { [ACME]: [[' owner: ann-lee, status: in-progress }', ' status: in-progress }']] },
    expected: [['noOwner', { objective: 'expand-service' }]],
  },
  {
    name: 'stretch-below-plan: amounts as numbers, with their currency and the ratio',
    rule: 'stretch-below-plan',
    edits: { [WS]: [['tiers:', 'rules: { stretch-below-plan: { min_ratio: 1.5 } }\ntiers:']] },
    expected: [['notAbove', { period: 'FY2027', stretch: 1300000, forecast: 1000000, minRatio: 1.5, currency: 'USD' }]],
  },
  {
    name: 'not-qualified: the answers true and the questions unanswered',
    rule: 'not-qualified',
    edits: { [GAMMA]: [['share_below_70: true', 'share_below_70: false']] },
    expected: [['tooFewTrue', { strategy: 'acquire', minTrue: 4, yes: 3, unanswered: ['strategic_market', 'icp_match'] }]],
  },
  {
    name: 'not-qualified: no qualification at all leaves out yes',
    rule: 'not-qualified',
    edits: { [ACME]: [[', strategic_market: false, icp_match: false }', ' }'], ['qualification: { known_market: true, solvable_problem: true, growth_above_threshold: true, share_below_70: true }\n', '']] },
    expected: [['tooFewTrue', { strategy: 'grow', minTrue: 4, unanswered: ['known_market', 'solvable_problem', 'growth_above_threshold', 'share_below_70', 'strategic_market', 'icp_match'] }]],
  },
  {
    name: 'tier-mismatch: both tiers, the year\'s sales and what the tier is computed by',
    rule: 'tier-mismatch',
    edits: { [BETA]: [['tier: B', 'tier: A']] },
    expected: [['otherTier', { declared: 'A', computed: 'B', year: 'FY2026', sales: 110000, currency: 'USD', byThresholds: true }]],
  },
  {
    name: 'top-account-without-plan: a top plan that is not strategic, with its standing',
    rule: 'top-account-without-plan',
    edits: { [ACME]: [['strategic: true', 'strategic: false']] },
    expected: [['planIncomplete', { rank: 1, of: 2, dimension: 'channel', group: 'direct', year: 'FY2026', sales: 900000, currency: 'USD', share: 0.25, name: 'Acme', strategic: false, forecast: true }]],
  },
  {
    name: 'top-account-without-plan: a top client of the ledger with no plan, and the file to write',
    rule: 'top-account-without-plan',
    ledger: {},
    today: LEDGER_DAY,
    account: 'initech',
    expected: [['noPlan', { rank: 1, of: 1, dimension: 'channel', group: 'partner', year: 'FY2026', sales: 900, currency: 'USD', share: 0.25, client: 'initech', name: 'Initech', file: 'accounts/initech.yaml' }]],
  },
  {
    name: 'top-account-without-plan: a top client that looks like a plan names the plan\'s file',
    rule: 'top-account-without-plan',
    ledger: { 'sales/more.csv': 'Invoice date,Account ID,Amount,name,channel\n01/06/2025,GLOBEX,5000,Globex Americas,partner\n' },
    today: LEDGER_DAY,
    account: 'GLOBEX',
    expected: [['unlinked', { rank: 1, of: 2, dimension: 'channel', group: 'partner', year: 'FY2026', sales: 5000, currency: 'USD', share: 0.25, client: 'GLOBEX', name: 'Globex Americas', twin: 'accounts/globex.mdx' }]],
  },
  {
    name: 'stale-contact: the stakeholder, the last contact, its age and the limit',
    rule: 'stale-contact',
    edits: { [ACME]: [['last_contact: 2026-10-01', 'last_contact: 2026-07-01']] },
    expected: [['stale', { name: 'Maria Chen', lastContact: '2026-07-01', age: 111, days: 90 }]],
  },
  {
    name: 'stale-contact: a key stakeholder never contacted',
    rule: 'stale-contact',
    ledger: {},
    today: LEDGER_DAY,
    expected: [['noContact', { name: 'Maria' }]],
  },
  {
    name: 'history-differs-from-ledger: the year, both amounts and whether the ledger names the plan',
    rule: 'history-differs-from-ledger',
    ledger: {},
    today: LEDGER_DAY,
    expected: [['differs', { year: 'FY2026', typed: 550, booked: 530, currency: 'USD', linked: true, account: 'acme' }]],
  },
  {
    name: 'review-missing: the person, their plans, the month and the command that starts the review',
    rule: 'review-missing',
    today: '2026-11-05',
    added: { [ANN_OCT]: october('previous_actions:\n  - { description: Book the pilot kick-off, owner: ann-lee, status: done }\n') },
    expected: [['noReview', { name: 'Bo Kim', person: 'bo-kim', plans: 2, month: '2026-10', command: 'npm run new -- review --person bo-kim --month 2026-10' }]],
  },
  {
    name: 'review-incomplete: this month\'s review leaves out an account',
    rule: 'review-incomplete',
    today: '2026-09-30',
    edits: { [BO]: [['  - { account: gamma, expectation: win }\n', '']] },
    expected: [['leftOut', { month: '2026-09', account: 'gamma', person: 'bo-kim', covered: 1, total: 2 }]],
  },
  {
    name: 'review-incomplete: last month\'s review leaves out an account: its date, and the command for this month\'s',
    rule: 'review-incomplete',
    edits: { [BO]: [['  - { account: gamma, expectation: win }\n', '']] },
    expected: [['leftOutLastMonth', { month: '2026-09', account: 'gamma', person: 'bo-kim', covered: 1, total: 2, date: '2026-09-23', command: 'npm run new -- review --person bo-kim --month 2026-10' }]],
  },
  {
    name: 'review-action-unaccounted: the action, its owner and the month it was open',
    rule: 'review-action-unaccounted',
    added: { [ANN_OCT]: october('actions:\n  - { description: Send the pilot report, owner: ann-lee, due: 2026-11-20 }\n') },
    expected: [['unaccounted', { action: 'Book the pilot kick-off', owner: 'ann-lee', month: '2026-09' }]],
  },
  {
    name: 'action-slipped: the action and how often it slipped',
    rule: 'action-slipped',
    edits: { [BO]: [['slips: 1', 'slips: 2']] },
    expected: [['slipped', { action: 'Ask for the plant manager\'s name', slips: 3 }]],
  },
  {
    name: 'review-date: the date and today',
    rule: 'review-date',
    today: '2026-09-20',
    expected: [
      ['afterToday', { date: '2026-09-22', today: '2026-09-20' }],
      ['afterToday', { date: '2026-09-23', today: '2026-09-20' }],
    ],
  },
  {
    name: 'quota-not-planned: an own goal and a team goal the plans miss (the team goal once)',
    rule: 'quota-not-planned',
    edits: { [GOALS]: [[GOALS_END, COMP_GOALS]] },
    added: { [COMP]: compPlan('role: account-executive', 'own-revenue: 0.7, team-revenue: 0.3') },
    expected: [
      ['notPlanned', { person: 'ann-lee', name: 'Ann Lee', goal: 'FY2027 owner: Ann Lee', planned: 1000000, amount: 1200000, currency: 'USD', measure: 'own-revenue' }],
      ['notPlanned', { person: 'ann-lee', name: 'Ann Lee', goal: 'FY2027 team of Max Roe', planned: 1172000, amount: 1500000, currency: 'USD', measure: 'team-revenue' }],
    ],
  },
  {
    name: 'team-quota-unassigned: the team goal, its manager and what the own goals add up to',
    rule: 'team-quota-unassigned',
    edits: { [GOALS]: [[GOALS_END, COMP_GOALS]] },
    added: { [COMP]: compPlan('role: account-executive', 'own-revenue: 0.7, team-revenue: 0.3') },
    expected: [['unassigned', { manager: 'max-roe', goal: 'FY2027 team of Max Roe', amount: 1500000, assigned: 1300000, currency: 'USD' }]],
  },
  {
    name: 'comp-without-goal: no owner goal, no team goal, no manager, no objectives',
    rule: 'comp-without-goal',
    edits: { [TEAM]: [['  - { id: eva-cho', '  - { id: sam-ng, name: Sam Ng, role: other }\n  - { id: eva-cho']] },
    added: { [COMP]: compPlan('people: [bo-kim, eva-cho, sam-ng]', 'own-revenue: 0.4, team-revenue: 0.4, objectives: 0.2') },
    expected: [
      ['noGoal', { person: 'bo-kim', name: 'Bo Kim', measure: 'own-revenue', period: 'FY2027', scope: 'owner: bo-kim' }],
      ['noGoal', { person: 'eva-cho', name: 'Eva Cho', measure: 'own-revenue', period: 'FY2027', scope: 'owner: eva-cho' }],
      ['noGoal', { person: 'sam-ng', name: 'Sam Ng', measure: 'own-revenue', period: 'FY2027', scope: 'owner: sam-ng' }],
      ['noGoal', { person: 'bo-kim', name: 'Bo Kim', measure: 'team-revenue', period: 'FY2027', scope: 'manager: max-roe' }],
      ['noGoal', { person: 'eva-cho', name: 'Eva Cho', measure: 'team-revenue', period: 'FY2027', scope: 'manager: eva-cho' }],
      ['noManager', { person: 'sam-ng', name: 'Sam Ng', measure: 'team-revenue', period: 'FY2027' }],
      ['noObjectives', { person: 'bo-kim', name: 'Bo Kim', period: 'FY2027' }],
      ['noObjectives', { person: 'eva-cho', name: 'Eva Cho', period: 'FY2027' }],
      ['noObjectives', { person: 'sam-ng', name: 'Sam Ng', period: 'FY2027' }],
    ],
  },
  {
    name: 'objectives-unrewarded: the person, how many objectives, the period and the comp plan',
    rule: 'objectives-unrewarded',
    edits: { [ACME]: [['owner: ann-lee, status: in-progress }', 'owner: ann-lee, due: 2026-12-31, status: in-progress }']] },
    added: { [COMP]: compPlan('people: [ann-lee]', 'own-revenue: 1') },
    expected: [['unrewarded', { person: 'ann-lee', name: 'Ann Lee', count: 1, period: 'FY2027', plan: 'ae' }]],
  },
];

function findings({ rule, edits = {}, added = {}, ledger, today = TODAY, account }: Case) {
  const ws = ledger
    ? ledgerWorkspace(ledger)
    : loadValid([...rulesBase(edits), ...Object.entries(added).map(([rel, text]) => ({ rel, display: `rules-base/${rel}`, bytes: new TextEncoder().encode(text) }))]);
  return Run.ofWorkspace(ws, { today }).findings.filter((f) => f.rule === rule && (account === undefined || f.account === account));
}

/** Messages no plans folder reaches through the engine, with the reason. */
const UNREACHED: Record<string, string> = {
  'review-date/outsideMonth': 'validate refuses a review dated outside its folder\'s month (diagnostic review-date) before the rules run',
};

describe('each rule says which message, with which data', () => {
  it.each(cases)('$name', (c) => {
    const found = findings(c);
    expect(found.map((f) => [f.messageId, f.data])).toEqual(c.expected);
    // The sentence is the message said with that data, through the rule's own messages.
    const messages = RULES[c.rule as keyof typeof RULES].meta.messages as Record<string, (data: unknown) => string>;
    for (const f of found) expect(f.message).toBe(messages[f.messageId!]!(f.data));
  });

  it('the cases say every message of every rule (or name why one cannot be reached)', () => {
    const said = new Set(cases.flatMap((c) => c.expected.map(([id]) => `${c.rule}/${id}`)));
    const all = RULE_IDS.flatMap((rule) => Object.keys(RULES[rule].meta.messages).map((id) => `${rule}/${id}`));
    expect(all.filter((id) => !said.has(id) && !Object.hasOwn(UNREACHED, id))).toEqual([]);
    expect(Object.keys(UNREACHED).filter((id) => !all.includes(id))).toEqual([]);
  });
});

describe('a few sentences, where the wording is the point', () => {
  it('single-threaded joins the two sides that have too few people', () => {
    expect(singleThreaded.meta.messages.tooFewPeople({ theirs: [], ours: ['Ann Lee', 'Bo Kim'] })).toMatchInlineSnapshot(
      `"The account hangs on too few people: nobody on their side is in touch with us, and only Ann Lee, Bo Kim on our side owns the relationships. If one leaves, the account is exposed; give more stakeholders a relationship owner, from more than one person on our side."`,
    );
  });

  it('history-differs-from-ledger tells how to link a plan the ledger does not name, by a client of the same name', () => {
    const data = { year: 'FY2026', typed: 300, booked: 0, currency: 'USD', linked: false, account: 'hooli', sameName: 'C-77' };
    expect(historyDiffersFromLedger.meta.messages.differs(data)).toMatchInlineSnapshot(
      `"The history typed here for FY2026 sums to $300, and the sales ledger booked $0 for this account that year. The ledger's figure is the one used: correct the history for FY2026, or remove it and let the ledger speak. No row names this plan, but the ledger has a client of the same name under "C-77": if it is this account, add crm: { id: "C-77" } to the plan."`,
    );
  });

  it('review-date names the folder\'s month for a date outside it', () => {
    expect(reviewDate.meta.messages.outsideMonth({ date: '2026-10-02', month: '2026-09' })).toMatchInlineSnapshot(
      `"date: 2026-10-02 is not in 2026-09, the month of the folder. A review records a meeting that was held: write the date it took place."`,
    );
  });
});
