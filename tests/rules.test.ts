import { describe, expect, it } from 'vitest';
import { findingsOf, formatFinding, type Edits } from './rules-fixture.ts';

const ACME = 'accounts/acme.yaml';
const BETA = 'accounts/beta.yaml';
const GAMMA = 'accounts/gamma.mdx';
const WS = 'workspace.yaml';

interface Case {
  name: string;
  rule: string;
  edits: Edits;
  today?: string;
  /** The findings of `rule`, formatted: empty when the edit must not trigger it. */
  expected: string[];
}

/** For every rule, an edit of the clean base that triggers it and one close to it that does not. */
const cases: Case[] = [
  {
    name: 'strategic-limit: two strategic plans for one owner when the limit is 1',
    rule: 'strategic-limit',
    edits: { [WS]: [['tiers:', 'rules: { strategic-limit: { max: 1 } }\ntiers:']], [BETA]: [['tier: B', 'tier: B\nstrategic: true']], [GAMMA]: [['status: target', 'status: target\nstrategic: true']] },
    expected: [
      'rules-base/team.yaml:3:11 error strategic-limit: Bo Kim owns 2 strategic plans (beta, gamma), more than 1. A strategic plan is deep work reviewed every quarter: keep it for the accounts that carry the most revenue and set "strategic: false" on the others, or hand some to a colleague.',
    ],
  },
  {
    name: 'strategic-limit: one strategic plan each is within the limit of 1',
    rule: 'strategic-limit',
    edits: { [WS]: [['tiers:', 'rules: { strategic-limit: { max: 1 } }\ntiers:']], [GAMMA]: [['status: target', 'status: target\nstrategic: true']] },
    expected: [],
  },
  {
    name: 'stale-plan: reviewed 93 days ago, one more than the cadence of 92',
    rule: 'stale-plan',
    edits: { [ACME]: [['last_reviewed: 2026-09-01', 'last_reviewed: 2026-07-19']] },
    expected: [
      'rules-base/accounts/acme.yaml:9:16 warning stale-plan: The plan was last reviewed on 2026-07-19, 93 days ago; plans are reviewed every 92 days. Review it with your manager and update last_reviewed.',
    ],
  },
  {
    name: 'stale-plan: reviewed exactly 92 days ago is still current',
    rule: 'stale-plan',
    edits: { [ACME]: [['last_reviewed: 2026-09-01', 'last_reviewed: 2026-07-20']] },
    expected: [],
  },
  {
    name: 'stale-plan: a plan never reviewed is located at the top of the file',
    rule: 'stale-plan',
    edits: { [GAMMA]: [['last_reviewed: 2026-10-01\n', '']] },
    expected: [
      'rules-base/accounts/gamma.mdx:2:1 warning stale-plan: The plan has no last_reviewed date, so nobody can tell whether it is current. Review it with your manager and add "last_reviewed: 2026-10-20".',
    ],
  },
  {
    name: 'stale-plan: review_cadence_days shortens the cadence for every plan',
    rule: 'stale-plan',
    edits: { [WS]: [['tiers:', 'review_cadence_days: 60\ntiers:']] },
    expected: [
      'rules-base/accounts/beta.yaml:8:16 warning stale-plan: The plan was last reviewed on 2026-08-15, 66 days ago; plans are reviewed every 60 days. Review it with your manager and update last_reviewed.',
    ],
  },
  {
    name: 'single-threaded: only one stakeholder on their side is in touch',
    rule: 'single-threaded',
    edits: { [ACME]: [['    relationship: bo-kim\n    last_contact: 2026-09-15\n', '']] },
    expected: [
      'rules-base/accounts/acme.yaml:21:1 warning single-threaded: The account hangs on too few people: only Maria Chen on their side is in touch with us. If one leaves, the account is exposed; give more stakeholders a relationship owner, from more than one person on our side.',
    ],
  },
  {
    name: 'single-threaded: one of ours owns every relationship',
    rule: 'single-threaded',
    edits: { [GAMMA]: [['relationship: max-roe', 'relationship: bo-kim']] },
    expected: [
      'rules-base/accounts/gamma.mdx:14:1 warning single-threaded: The account hangs on too few people: only Bo Kim on our side owns the relationships. If one leaves, the account is exposed; give more stakeholders a relationship owner, from more than one person on our side.',
    ],
  },
  {
    name: 'single-threaded: a plan without stakeholders is left to the other rules',
    rule: 'single-threaded',
    edits: { [BETA]: [['tier: B', 'tier: B\nstakeholders: []']] },
    expected: [],
  },
  {
    name: 'no-decision-maker: a target plan where nobody decides',
    rule: 'no-decision-maker',
    edits: { [GAMMA]: [['roles: [decision-maker]', 'roles: [influencer]']] },
    expected: [
      'rules-base/accounts/gamma.mdx:14:1 warning no-decision-maker: This target plan names no decision maker, so we do not know who says yes. Find out who decides and add them under stakeholders with "roles: [decision-maker]".',
    ],
  },
  {
    name: 'no-decision-maker: a plan neither strategic nor target need not name one',
    rule: 'no-decision-maker',
    edits: { [BETA]: [['tier: B', 'tier: B\nstakeholders:\n  - { id: ola, name: Ola Nor, roles: [user] }']] },
    expected: [],
  },
  {
    name: 'no-champion: a target plan where nobody argues for us',
    rule: 'no-champion',
    edits: { [GAMMA]: [['stance: champion', 'stance: supporter']] },
    expected: [
      'rules-base/accounts/gamma.mdx:14:1 info no-champion: This target plan has no champion: nobody inside the account argues for us when we are not in the room. Name the stakeholder who could be one and work towards "stance: champion".',
    ],
  },
  {
    name: 'no-champion: a plan being retired needs no champion',
    rule: 'no-champion',
    edits: { [GAMMA]: [['stance: champion', 'stance: supporter'], ['strategy: acquire', 'strategy: retire']] },
    expected: [],
  },
  {
    name: 'no-exec-sponsor: a target plan with no executive sponsor',
    rule: 'no-exec-sponsor',
    edits: { [GAMMA]: [['exec_sponsor: max-roe\n', '']] },
    expected: [
      'rules-base/accounts/gamma.mdx:2:1 warning no-exec-sponsor: This target plan has no executive sponsor on our side. Ask an executive to sponsor the account and add "exec_sponsor:" with their id in team.yaml.',
    ],
  },
  {
    name: 'no-exec-sponsor: a current plan that is not strategic does without',
    rule: 'no-exec-sponsor',
    edits: {},
    expected: [],
  },
  {
    name: 'exec-cadence: the executives last met in the previous quarter',
    rule: 'exec-cadence',
    edits: { [ACME]: [['last_meeting: 2026-08-20', 'last_meeting: 2026-07-31']] },
    expected: [
      'rules-base/accounts/acme.yaml:36:5 warning exec-cadence: Eva Cho and Maria Chen last met on 2026-07-31 and have nothing booked before FY2027-Q3 ends on 2026-10-31. Executives meet their counterparts every quarter: book a meeting and set next_meeting.',
    ],
  },
  {
    name: 'exec-cadence: a meeting booked before the quarter ends counts',
    rule: 'exec-cadence',
    edits: { [ACME]: [['last_meeting: 2026-08-20', 'last_meeting: 2026-07-31, next_meeting: 2026-10-31']] },
    expected: [],
  },
  {
    name: 'uncovered-stakeholder: a decision maker nobody on our side owns',
    rule: 'uncovered-stakeholder',
    edits: { [GAMMA]: [[' relationship: bo-kim,', '']] },
    expected: [
      'rules-base/accounts/gamma.mdx:15:5 warning uncovered-stakeholder: Lea Berg is a decision maker, but nobody on our side owns the relationship. Add "relationship:" with the id of the person in team.yaml who will.',
    ],
  },
  {
    name: 'uncovered-stakeholder: an executive relationship covers the economic buyer',
    rule: 'uncovered-stakeholder',
    edits: { [ACME]: [['    relationship: ann-lee\n', '']] },
    expected: [],
  },
  {
    name: 'overdue-action: an action in progress ten days past due',
    rule: 'overdue-action',
    edits: { [ACME]: [['due: 2026-11-15', 'due: 2026-10-10']] },
    expected: [
      'rules-base/accounts/acme.yaml:19:64 warning overdue-action: The action "Run the service pilot" was due on 2026-10-10, 10 days ago, and is still in-progress. Do it and set "status: done", move the due date, or cancel it.',
    ],
  },
  {
    name: 'overdue-action: an action due today is not overdue yet',
    rule: 'overdue-action',
    edits: { [ACME]: [['due: 2026-11-15', 'due: 2026-10-20']] },
    expected: [],
  },
  {
    name: 'opportunity-overdue: an open deal ten days past its close date',
    rule: 'opportunity-overdue',
    edits: { [ACME]: [['objectives:', 'opportunities:\n  - { id: pilot, name: Service pilot, revenue: 50000, close: 2026-10-10, probability: 0.5 }\nobjectives:']] },
    expected: [
      'rules-base/accounts/acme.yaml:17:62 warning opportunity-overdue: The opportunity "Service pilot" ($50,000) was expected to close on 2026-10-10, 10 days ago, and is still open. Set "status: won" or "status: lost", or move its close date.',
    ],
  },
  {
    name: 'opportunity-overdue: a deal closing today, or one past its date but won, is not overdue',
    rule: 'opportunity-overdue',
    edits: { [ACME]: [['objectives:', 'opportunities:\n  - { id: pilot, name: Service pilot, revenue: 50000, close: 2026-10-20 }\n  - { id: won, name: Won deal, revenue: 50000, close: 2026-10-01, status: won }\nobjectives:']] },
    expected: [],
  },
  {
    name: 'no-next-action: the only open action is due after the next 90 days',
    rule: 'no-next-action',
    edits: { [BETA]: [['due: 2027-01-10', 'due: 2027-01-19']] },
    expected: [
      'rules-base/accounts/beta.yaml:14:1 warning no-next-action: No open action falls between 2026-10-20 and 2027-01-18, so nothing moves the account forward in the next 90 days. Add the next step under actions with an owner and a due date.',
    ],
  },
  {
    name: 'no-next-action: an action due on the 90th day is next',
    rule: 'no-next-action',
    edits: { [BETA]: [['due: 2027-01-10', 'due: 2027-01-18']] },
    expected: [],
  },
  {
    name: 'objective-without-owner: an objective in progress with no owner',
    rule: 'objective-without-owner',
    edits: { [ACME]: [[' owner: ann-lee, status: in-progress }', ' status: in-progress }']] },
    expected: [
      'rules-base/accounts/acme.yaml:17:5 info objective-without-owner: The objective "expand-service" has no owner, so nobody is accountable for it. Add "owner:" with the id of a person in team.yaml.',
    ],
  },
  {
    name: 'objective-without-owner: a finished objective needs no owner',
    rule: 'objective-without-owner',
    edits: { [ACME]: [[' owner: ann-lee, status: in-progress }', ' status: done }']] },
    expected: [],
  },
  {
    name: 'stretch-below-plan: a stretch target equal to the forecast',
    rule: 'stretch-below-plan',
    edits: { [ACME]: [['revenue: 1300000', 'revenue: 1000000']] },
    expected: [
      'rules-base/accounts/acme.yaml:15:32 warning stretch-below-plan: The FY2027 stretch target of $1,000,000 is not above the forecast of $1,000,000. A stretch target is what the account could bring if the bold moves work: raise it, or remove it.',
    ],
  },
  {
    name: 'stretch-below-plan: min_ratio raises the bar above the forecast',
    rule: 'stretch-below-plan',
    edits: { [WS]: [['tiers:', 'rules: { stretch-below-plan: { min_ratio: 1.5 } }\ntiers:']] },
    expected: [
      'rules-base/accounts/acme.yaml:15:32 warning stretch-below-plan: The FY2027 stretch target of $1,300,000 is not above 1.5 × the forecast of $1,000,000. A stretch target is what the account could bring if the bold moves work: raise it, or remove it.',
    ],
  },
  {
    name: 'not-qualified: an acquire plan with three of six answers true',
    rule: 'not-qualified',
    edits: { [GAMMA]: [['share_below_70: true', 'share_below_70: false']] },
    expected: [
      'rules-base/accounts/gamma.mdx:17:1 warning not-qualified: An acquire plan needs at least 4 of the 6 qualification questions answered true; this one has 3. Answer strategic_market, icp_match under qualification, or reconsider whether the account warrants the effort: retain or retire may fit better.',
    ],
  },
  {
    name: 'not-qualified: a grow plan with no qualification at all',
    rule: 'not-qualified',
    edits: { [ACME]: [[', strategic_market: false, icp_match: false }', ' }'], ['qualification: { known_market: true, solvable_problem: true, growth_above_threshold: true, share_below_70: true }\n', '']] },
    expected: [
      'rules-base/accounts/acme.yaml:3:1 warning not-qualified: A grow plan needs at least 4 of the 6 qualification questions answered true; this one answers none. Answer known_market, solvable_problem, growth_above_threshold, share_below_70, strategic_market, icp_match under qualification, or reconsider whether the account warrants the effort: retain or retire may fit better.',
    ],
  },
  {
    name: 'not-qualified: all six answered and only three true',
    rule: 'not-qualified',
    edits: { [ACME]: [['share_below_70: true', 'share_below_70: false']] },
    expected: [
      'rules-base/accounts/acme.yaml:37:1 warning not-qualified: A grow plan needs at least 4 of the 6 qualification questions answered true; this one has 3. Reconsider whether the account warrants the effort: retain or retire may fit better.',
    ],
  },
  {
    name: 'not-qualified: a retain plan is not asked the questions',
    rule: 'not-qualified',
    edits: {},
    expected: [],
  },
  {
    name: 'tier-mismatch: tier A declared, but last year\'s sales make it B',
    rule: 'tier-mismatch',
    edits: { [BETA]: [['tier: B', 'tier: A']] },
    expected: [
      'rules-base/accounts/beta.yaml:4:7 info tier-mismatch: The plan says tier A, but FY2026 sales of $110,000 make it tier B by the tier thresholds in workspace.yaml. Change the tier to B, or record the missing history if the figure is wrong.',
    ],
  },
  {
    name: 'tier-mismatch: a target\'s tier states its potential and is not compared',
    rule: 'tier-mismatch',
    edits: { [GAMMA]: [['owner: bo-kim', 'tier: A\nowner: bo-kim']] },
    expected: [],
  },
  {
    name: 'top-account-without-plan: the top account of its channel is not strategic',
    rule: 'top-account-without-plan',
    edits: { [ACME]: [['strategic: true', 'strategic: false']] },
    expected: [
      'rules-base/accounts/acme.yaml:5:1 warning top-account-without-plan: Acme is #1 of 2 in channel direct by FY2026 sales ($900,000, top 25%), but the plan is not strategic. The top accounts carry most of the revenue: set "strategic: true".',
    ],
  },
  {
    name: 'top-account-without-plan: the second of two accounts is not in the top 25%',
    rule: 'top-account-without-plan',
    edits: {},
    expected: [],
  },
  {
    name: 'stale-contact: a decision maker last contacted 111 days ago',
    rule: 'stale-contact',
    edits: { [ACME]: [['last_contact: 2026-10-01', 'last_contact: 2026-07-01']] },
    expected: [
      'rules-base/accounts/acme.yaml:27:19 warning stale-contact: Nobody has spoken with Maria Chen, a key stakeholder, since 2026-07-01 (111 days; the limit is 90). Get in touch and update last_contact.',
    ],
  },
  {
    name: 'stale-contact: a user who is no champion is not a key stakeholder',
    rule: 'stale-contact',
    edits: { [ACME]: [['stance: champion', 'stance: supporter'], ['last_contact: 2026-09-15', 'last_contact: 2026-01-15']] },
    expected: [],
  },
];

describe('each rule triggers on a plan that drifts from the method, and only then', () => {
  it('the clean base breaks no rule', () => {
    expect(findingsOf().map(formatFinding)).toEqual([]);
  });

  it.each(cases)('$name', ({ rule, edits, today, expected }) => {
    const found = findingsOf(edits, today).filter((f) => f.rule === rule);
    expect(found.map(formatFinding)).toEqual(expected);
  });
});
