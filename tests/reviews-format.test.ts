import { describe, expect, it } from 'vitest';
import { loadWorkspace } from '../src/core/load/workspace.ts';
import { formatDiagnostic } from '../src/core/report/diagnostics.ts';
import { rulesBase } from './rules-fixture.ts';

const ANN = 'reviews/2026-09/ann-lee.yaml';
const ACME = 'accounts/acme.yaml';
const later = 'reviewer: max-roe\ndate: 2026-10-15\naccounts:\n  - { account: acme, expectation: grow }\nactions:\n  - { description: Book the pilot, owner: ann-lee, due: 2026-11-10, account: acme, serves: expand-servce }\n';

interface Case {
  name: string;
  edits?: Record<string, [string, string][]>;
  added?: Record<string, string>;
  /** Every diagnostic, formatted; valid says whether the workspace loads. */
  expected: string[];
  valid: boolean;
}

const cases: Case[] = [
  { name: 'plan actions keep the old word cancelled', edits: { [ACME]: [['status: done }', 'status: cancelled }']] }, expected: [], valid: true },
  { name: 'plan and review actions share slipped and dropped', edits: { [ACME]: [['status: done }', 'status: slipped }']], [ANN]: [['due: 2026-10-30 }', 'due: 2026-10-30, status: dropped, reason: Not needed }']] }, expected: [], valid: true },
  {
    name: 'a status outside the vocabulary is refused, located, with the words to use',
    edits: { [ANN]: [['due: 2026-10-30 }', 'due: 2026-10-30, status: open }']] },
    expected: ['rules-base/reviews/2026-09/ann-lee.yaml:6:86 error actions[0].status: "open" is not allowed. Write one of: planned, in-progress, done, slipped, dropped, blocked, cancelled.'],
    valid: false,
  },
  {
    name: 'a review naming an account removed since stays valid, with a note',
    edits: { [ANN]: [['account: acme, expectation', 'account: acme-old, expectation']] },
    expected: ['rules-base/reviews/2026-09/ann-lee.yaml:4:16 info accounts[0].account: "acme-old" has no plan in accounts/ now. If it was removed or renamed since, leave the review as it is: it records its month.'],
    valid: true,
  },
  {
    name: 'serves in the latest review names an id the plan lacks: an error with the nearest id',
    added: { 'reviews/2026-10/ann-lee.yaml': later },
    expected: ['rules-base/reviews/2026-10/ann-lee.yaml:6:92 error actions[0].serves: "expand-servce" is not an objective or action id in accounts/acme. Did you mean "expand-service"?'],
    valid: false,
  },
  {
    name: 'serves in an earlier review that the plan has moved on from is a note',
    added: { 'reviews/2026-08/ann-lee.yaml': later.replace('2026-10-15', '2026-08-15') },
    expected: ['rules-base/reviews/2026-08/ann-lee.yaml:6:92 info actions[0].serves: "expand-servce" is not an objective or action in accounts/acme now. The review records its month: leave it as it is.'],
    valid: true,
  },
  {
    name: 'serves without an account is refused',
    edits: { [ANN]: [['due: 2026-10-30 }', 'due: 2026-10-30, serves: expand-service }']] },
    expected: ['rules-base/reviews/2026-09/ann-lee.yaml:6:86 error actions[0].serves: "expand-service" names an objective or action, but the action names no account. Add "account: <id>" for the plan it belongs to.'],
    valid: false,
  },
  {
    name: 'a slipped action without its new date is refused',
    edits: { [ANN]: [['due: 2026-10-30 }', 'status: slipped }']] },
    expected: ['rules-base/reviews/2026-09/ann-lee.yaml:6:69 error actions[0]: "Book the pilot kick-off" slipped but gives no new date. Add "due: YYYY-MM-DD", the date it is now promised for.'],
    valid: false,
  },
  {
    name: 'a new action without a due date is refused; a carried one keeps whatever date it had',
    edits: { [ANN]: [['owner: ann-lee, due: 2026-10-30 }', 'owner: ann-lee }']] },
    added: { 'reviews/2026-10/ann-lee.yaml': 'reviewer: max-roe\ndate: 2026-10-15\naccounts:\n  - { account: acme, expectation: grow }\nprevious_actions:\n  - { description: Book the pilot kick-off, owner: ann-lee }\n' },
    expected: ['rules-base/reviews/2026-09/ann-lee.yaml:6:20 error actions[0]: "Book the pilot kick-off" has no due date. Add "due: YYYY-MM-DD": a new action has an owner and a date, so the weekly check can find it.'],
    valid: false,
  },
  {
    name: 'a dropped action without a reason is refused, and so is a cancelled one',
    edits: { [ANN]: [['due: 2026-10-30 }', 'due: 2026-10-30, status: dropped }']], 'reviews/2026-09/bo-kim.yaml': [['status: slipped, slips: 1 }', 'status: cancelled, slips: 1 }']] },
    expected: [
      'rules-base/reviews/2026-09/ann-lee.yaml:6:86 error actions[0]: "Book the pilot kick-off" is dropped without a reason. Add "reason: …", one line on why it is no longer worth doing.',
      'rules-base/reviews/2026-09/bo-kim.yaml:7:94 error actions[0]: "Ask for the plant manager\'s name" is cancelled without a reason. Add "reason: …", one line on why it is no longer worth doing.',
    ],
    valid: false,
  },
  { name: 'slipped with a new date and dropped with a reason are complete outcomes', edits: { [ANN]: [['due: 2026-10-30 }', 'due: 2026-11-13, status: slipped, slips: 2 }']], 'reviews/2026-09/bo-kim.yaml': [['status: slipped, slips: 1 }', 'status: dropped, reason: The plant closed }']] }, expected: [], valid: true },
  {
    name: 'cross-sell and upsell in the latest review name offerings of workspace.yaml',
    edits: { [ANN]: [['next_90_days: 250000 }', 'next_90_days: 250000, cross_sell: [sensor], upsell: [servise] }']] },
    expected: [
      'rules-base/reviews/2026-09/ann-lee.yaml:4:76 error accounts[0].cross_sell[0]: "sensor" is not an offering in workspace.yaml. Did you mean "sensors"?',
      'rules-base/reviews/2026-09/ann-lee.yaml:4:94 error accounts[0].upsell[0]: "servise" is not an offering in workspace.yaml. Did you mean "service"?',
    ],
    valid: false,
  },
  {
    name: 'an offering retired since an earlier review is a note there',
    edits: { [ANN]: [['next_90_days: 250000 }', 'next_90_days: 250000, upsell: [retired-kit] }']] },
    added: { 'reviews/2026-10/ann-lee.yaml': later.replace('serves: expand-servce', 'serves: expand-service') },
    expected: ['rules-base/reviews/2026-09/ann-lee.yaml:4:72 info accounts[0].upsell[0]: "retired-kit" is not an offering in workspace.yaml now. The review records its month: leave it as it is.'],
    valid: true,
  },
  { name: 'serves naming an objective of the account is valid', edits: { [ANN]: [['due: 2026-10-30 }', 'due: 2026-10-30, account: acme, serves: expand-service }']] }, expected: [], valid: true },
];

describe('the review format and its links', () => {
  it.each(cases)('$name', ({ edits = {}, added = {}, expected, valid }) => {
    const files = [...rulesBase(edits), ...Object.entries(added).map(([rel, text]) => ({ rel, display: `rules-base/${rel}`, bytes: new TextEncoder().encode(text) }))];
    const { workspace, diagnostics } = loadWorkspace(files);
    expect(diagnostics.map((d) => formatDiagnostic(d))).toEqual(expected);
    expect(workspace !== undefined).toBe(valid);
  });
});
