import { acme, acmeWith, goals, ICP, workspace, workspaceWith, type Changes } from './edit.ts';

export interface Case {
  name: string;
  changes: Changes;
  expected: string[];
}

/** Names an object inherits (constructor, valueof, prototype …) are unknown names like any other; __proto__ is refused. */
export const REFUSED: Case[] = [
  {
    name: 'account dimension "constructor" (the issue\'s example) is an unknown dimension',
    changes: acme('region: emea }', 'region: emea, constructor: x }'),
    expected: ['minimal/accounts/acme.yaml:5:59 error dimensions.constructor: "constructor" is not a dimension in workspace.yaml. The dimensions are: channel, region.'],
  },
  {
    name: 'goal scope "constructor" is an unknown scope',
    changes: goals('{ channel: direct }', '{ constructor: direct }'),
    expected: ['minimal/goals.yaml:3:45 error goals[1].scope: "constructor" is not a dimension, "owner" or "manager". Write one of: owner, manager, channel, region.'],
  },
  {
    name: 'goal scope "valueof" is an unknown scope',
    changes: goals('{ channel: direct }', '{ valueof: direct }'),
    expected: ['minimal/goals.yaml:3:41 error goals[1].scope: "valueof" is not a dimension, "owner" or "manager". Write one of: owner, manager, channel, region.'],
  },
  {
    name: 'ICP score "constructor" is an unknown criterion',
    changes: { 'icp.yaml': ICP, ...acmeWith('icp: { budget: 3, constructor: 2 }') },
    expected: ['minimal/accounts/acme.yaml:2:32 error icp.constructor: "constructor" is not a criterion in icp.yaml. Write one of: budget, fit.'],
  },
  {
    name: 'ICP score "prototype" is an unknown criterion',
    changes: { 'icp.yaml': ICP, ...acmeWith('icp: { prototype: 2 }') },
    expected: ['minimal/accounts/acme.yaml:2:19 error icp.prototype: "prototype" is not a criterion in icp.yaml. Write one of: budget, fit.'],
  },
  {
    name: 'workspace dimension "constructor" that no plan gives is missing from each plan',
    changes: workspace('  region: [americas, emea]\n', '  region: [americas, emea]\n  constructor: [a, b]\n'),
    expected: [
      'minimal/accounts/acme.yaml:5:13 error dimensions.constructor is missing, so the plan cannot be rolled up by constructor. Add "constructor:" with one of: a, b.',
      'minimal/accounts/globex.mdx:7:3 error dimensions.constructor is missing, so the plan cannot be rolled up by constructor. Add "constructor:" with one of: a, b.',
    ],
  },
  {
    name: 'plan currency with no rate, whatever fx inherits',
    changes: acme('currency: EUR', 'currency: GBP'),
    expected: ['minimal/accounts/acme.yaml:6:11 error currency: there is no exchange rate for GBP. Add "fx: { GBP: <USD per GBP> }" to workspace.yaml, or write the plan in USD.'],
  },
  {
    name: 'account dimension "__proto__" is refused, not dropped',
    changes: acme('region: emea }', 'region: emea, __proto__: x }'),
    expected: ['minimal/accounts/acme.yaml:5:57 error dimensions.__proto__: "__proto__" cannot be a name here. Write a name such as channel.'],
  },
  {
    name: 'goal scope "__proto__" is refused, not read as the whole company',
    changes: goals('{ channel: direct }', '{ __proto__: direct }'),
    expected: ['minimal/goals.yaml:3:43 error goals[1].scope.__proto__: "__proto__" cannot be a name here. Write a name such as owner.'],
  },
  {
    name: 'fx "__proto__" is refused',
    changes: workspace('fx: { EUR: 1.1 }', 'fx: { EUR: 1.1, __proto__: 2 }'),
    expected: ['minimal/workspace.yaml:8:28 error fx.__proto__: "__proto__" cannot be a name here. Write a name such as EUR.'],
  },
  {
    name: 'rule dimension "constructor" is an unknown dimension',
    changes: workspaceWith('rules:\n  top-account-without-plan: { dimension: constructor }'),
    expected: ['minimal/workspace.yaml:13:42 error rules.top-account-without-plan.dimension: "constructor" is not a dimension in workspace.yaml. Write one of: channel, region.'],
  },
];

/** The same names, defined in the workspace, work as plain names; `acmeLines` go into Acme's plan, `workspaceLines` at the end of workspace.yaml. */
export const plainNames = (acmeLines = '', workspaceLines = ''): Changes => ({
  'workspace.yaml': `${workspace('  region: [americas, emea]\n', '  region: [americas, emea]\n  constructor: [valueof, prototype]\n')['workspace.yaml']}${workspaceLines}`,
  ...acme('region: emea }', `region: emea, constructor: valueof }\n${acmeLines}`),
  'accounts/globex.mdx': '---\nname: Globex\nstatus: target\nstrategy: acquire\nowner: bo-kim\ndimensions: { channel: partner, region: americas, constructor: prototype }\nforecast:\n  - { period: FY2027, revenue: 400, confidence: 0.5 }\n---\n\nNarrative.\n',
  'goals.yaml': 'goals:\n  - { period: FY2027, scope: { constructor: valueof }, revenue: 100 }\n  - { period: FY2027, scope: { constructor: prototype }, revenue: 100 }\n',
  'icp.yaml': 'criteria:\n  - { id: constructor, name: Builder, weight: 1 }\n  - { id: valueof, name: Value, weight: 3 }\n',
});
