import { describe, expect, it } from 'vitest';
import { Run } from '../src/core/engine/run.ts';
import { formatFinding, loadValid, rulesBase, TODAY, type Edits } from './rules-fixture.ts';

const ANN = 'reviews/2026-09/ann-lee.yaml';
const BO = 'reviews/2026-09/bo-kim.yaml';
const ANN_OCT = 'reviews/2026-10/ann-lee.yaml';

/** Ann's October review, held after September's: carries (or not) the September action. */
const october = (actions: string) => `reviewer: max-roe\ndate: 2026-10-15\naccounts:\n  - { account: acme, expectation: grow }\n${actions}`;

interface Case {
  name: string;
  rule: string;
  edits?: Edits;
  /** Files added to the base: path in the plans folder → text. */
  added?: Record<string, string>;
  today?: string;
  expected: string[];
}

const cases: Case[] = [
  {
    name: 'review-missing: in November, Bo has no review for October (Ann has one)',
    rule: 'review-missing',
    today: '2026-11-05',
    added: { [ANN_OCT]: october('previous_actions:\n  - { description: Book the pilot kick-off, owner: ann-lee, status: done }\n') },
    expected: [
      'rules-base/team.yaml:3:11 warning review-missing: Bo Kim owns 2 plans and has no review for 2026-10, the last complete month. Hold it and write reviews/2026-10/bo-kim.yaml; "npm run new -- review --person bo-kim --month 2026-10" starts it.',
    ],
  },
  {
    name: 'review-missing: a review for the last complete month, none yet for the current one, is enough',
    rule: 'review-missing',
    today: '2026-10-31',
    expected: [],
  },
  {
    name: 'review-incomplete: Bo\'s review leaves out gamma',
    rule: 'review-incomplete',
    edits: { [BO]: [['  - { account: gamma, expectation: win }\n', '']] },
    expected: [
      'rules-base/reviews/2026-09/bo-kim.yaml:3:1 warning review-incomplete: The review of 2026-09 leaves out gamma, an account in bo-kim\'s book (1 of 2 accounts covered). Add "- { account: gamma, expectation: … }" under accounts if it was in the book on 2026-09-23; if it joined since, this month\'s review covers it: npm run new -- review --person bo-kim --month 2026-10.',
    ],
  },
  {
    name: 'review-incomplete: an earlier review that leaves out an account is history, not a finding',
    rule: 'review-incomplete',
    edits: { [ANN]: [['  - { account: acme, expectation: grow, next_90_days: 250000 }\n', '  - { account: zeta, expectation: lose }\n']] },
    added: { [ANN_OCT]: october('previous_actions:\n  - { description: Book the pilot kick-off, owner: ann-lee, status: done }\n') },
    expected: [],
  },
  {
    name: 'review-incomplete: this month\'s review is held to the book as it is',
    rule: 'review-incomplete',
    today: '2026-09-30',
    edits: { [BO]: [['  - { account: gamma, expectation: win }\n', '']] },
    expected: [
      'rules-base/reviews/2026-09/bo-kim.yaml:3:1 warning review-incomplete: The review of 2026-09 leaves out gamma, an account in bo-kim\'s book (1 of 2 accounts covered). Add "- { account: gamma, expectation: … }" under accounts: a review covers the whole book, briefly.',
    ],
  },
  {
    name: 'review-incomplete: an account that may have joined after last month\'s review is covered by writing this month\'s, not by editing the past',
    rule: 'review-incomplete',
    added: { 'accounts/delta.yaml': 'name: Delta\nstatus: target\nstrategy: acquire\nowner: bo-kim\ndimensions: { channel: direct }\n' },
    expected: [
      'rules-base/reviews/2026-09/bo-kim.yaml:3:1 warning review-incomplete: The review of 2026-09 leaves out delta, an account in bo-kim\'s book (2 of 3 accounts covered). Add "- { account: delta, expectation: … }" under accounts if it was in the book on 2026-09-23; if it joined since, this month\'s review covers it: npm run new -- review --person bo-kim --month 2026-10.',
    ],
  },
  {
    name: 'review-incomplete: once this month\'s review is written, last month\'s is a record and says nothing',
    rule: 'review-incomplete',
    added: {
      'accounts/delta.yaml': 'name: Delta\nstatus: target\nstrategy: acquire\nowner: bo-kim\ndimensions: { channel: direct }\n',
      'reviews/2026-10/bo-kim.yaml': 'reviewer: max-roe\ndate: 2026-10-12\naccounts:\n  - { account: beta, expectation: hold }\n  - { account: gamma, expectation: win }\n  - { account: delta, expectation: win }\nprevious_actions:\n  - { description: Ask for the plant manager\'s name, owner: bo-kim, status: done }\n',
    },
    expected: [],
  },
  {
    name: 'review-incomplete: a latest review older than the last complete month is history too',
    rule: 'review-incomplete',
    today: '2026-12-01',
    edits: { [BO]: [['  - { account: gamma, expectation: win }\n', '']] },
    expected: [],
  },
  {
    name: 'review-action-unaccounted: October says nothing of the kick-off open in September',
    rule: 'review-action-unaccounted',
    added: { [ANN_OCT]: october('actions:\n  - { description: Send the pilot report, owner: ann-lee, due: 2026-11-20 }\n') },
    expected: [
      'rules-base/reviews/2026-10/ann-lee.yaml:1:1 warning review-action-unaccounted: The action "Book the pilot kick-off" (ann-lee) was open at the review of 2026-09 and this review does not say how it went. List it under previous_actions with "status: done", "slipped" and its new due, or "dropped" and a reason.',
    ],
  },
  {
    name: 'review-action-unaccounted: October closes it, written with other capitals and spacing',
    rule: 'review-action-unaccounted',
    added: { [ANN_OCT]: october('previous_actions:\n  - { description: "book the  pilot kick-off", owner: ann-lee, status: done }\n') },
    expected: [],
  },
  {
    name: 'action-slipped: a third slip',
    rule: 'action-slipped',
    edits: { [BO]: [['slips: 1', 'slips: 2']] },
    expected: [
      'rules-base/reviews/2026-09/bo-kim.yaml:7:94 warning action-slipped: The action "Ask for the plant manager\'s name" has slipped 3 times. Ask what stops it: give it help, hand it to someone else, or drop it with a reason.',
    ],
  },
  {
    name: 'action-slipped: two slips, one under the threshold of 3',
    rule: 'action-slipped',
    expected: [],
  },
  {
    name: 'action-slipped: a threshold of 2 set in workspace.yaml',
    rule: 'action-slipped',
    edits: { 'workspace.yaml': [['tiers:', 'rules: { action-slipped: { slips: 2 } }\ntiers:']] },
    expected: [
      'rules-base/reviews/2026-09/bo-kim.yaml:7:94 warning action-slipped: The action "Ask for the plant manager\'s name" has slipped 2 times. Ask what stops it: give it help, hand it to someone else, or drop it with a reason.',
    ],
  },
  {
    name: 'review-date: dated after today',
    rule: 'review-date',
    today: '2026-09-20',
    expected: [
      'rules-base/reviews/2026-09/ann-lee.yaml:2:7 warning review-date: date: 2026-09-22 is after today (2026-09-20). A review records a meeting that was held: write the date it took place.',
      'rules-base/reviews/2026-09/bo-kim.yaml:2:7 warning review-date: date: 2026-09-23 is after today (2026-09-20). A review records a meeting that was held: write the date it took place.',
    ],
  },
  {
    name: 'review-date: held today',
    rule: 'review-date',
    today: '2026-09-23',
    expected: [],
  },
];

describe('the review rules trigger on a review that drifts from the method, and only then', () => {
  it.each(cases)('$name', ({ rule, edits = {}, added = {}, today = TODAY, expected }) => {
    const files = [
      ...rulesBase(edits),
      ...Object.entries(added).map(([rel, text]) => ({ rel, display: `rules-base/${rel}`, bytes: new TextEncoder().encode(text) })),
    ];
    const found = Run.ofWorkspace(loadValid(files), { today: today }).findings.filter((f) => f.rule === rule);
    expect(found.map(formatFinding)).toEqual(expected);
  });
});
