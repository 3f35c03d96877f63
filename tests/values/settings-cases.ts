import { ICP, workspace, workspaceWith, type Changes } from './edit.ts';

export interface Case {
  name: string;
  changes: Changes;
  expected: string[];
}

const rule = (settings: string) => workspaceWith(`rules:\n  top-account-without-plan: ${settings}`);

/** A workspace setting that names a dimension, currency or offering must find it. */
export const REFUSED: Case[] = [
  {
    name: 'a rule\'s dimension misspelt (the issue\'s example) suggests the closest',
    changes: rule('{ dimension: chanel }'),
    expected: ['minimal/workspace.yaml:13:42 error rules.top-account-without-plan.dimension: "chanel" is not a dimension in workspace.yaml. Did you mean "channel"? Write one of: channel, region.'],
  },
  {
    name: 'a rule\'s dimension far from any lists them all',
    changes: rule('{ severity: error, dimension: segment }'),
    expected: ['minimal/workspace.yaml:13:59 error rules.top-account-without-plan.dimension: "segment" is not a dimension in workspace.yaml. Write one of: channel, region.'],
  },
  {
    name: 'a rule\'s dimension in a workspace without dimensions says to add them',
    changes: {
      ...workspace('dimensions:\n  channel: [direct, partner]\n  region: [americas, emea]\n', 'rules: { top-account-without-plan: { dimension: channel } }\n'),
      'accounts/acme.yaml': 'name: Acme\nstatus: current\nstrategy: grow\nowner: ann-lee\n',
      'accounts/globex.mdx': '---\nname: Globex\nstatus: target\nstrategy: acquire\nowner: bo-kim\n---\n',
      'goals.yaml': 'goals:\n  - { period: FY2027, revenue: 1000 }\n',
    },
    expected: ['minimal/workspace.yaml:4:49 error rules.top-account-without-plan.dimension: "channel" is not a dimension in workspace.yaml. There are no dimensions yet: add them under "dimensions", or remove the line.'],
  },
  {
    name: 'a rate for the workspace currency itself',
    changes: workspace('fx: { EUR: 1.1 }', 'fx: { EUR: 1.1, USD: 2 }'),
    expected: ['minimal/workspace.yaml:8:22 error fx.USD: USD is the workspace currency, which needs no rate (it is always 1). Remove the line.'],
  },
  {
    name: 'a dimension called manager would shadow the goal scope key',
    changes: workspace('  region: [americas, emea]\n', '  region: [americas, emea]\n  manager: [north]\n'),
    expected: [
      'minimal/accounts/acme.yaml:5:13 error dimensions.manager is missing, so the plan cannot be rolled up by manager. Add "manager:" with one of: north.',
      'minimal/accounts/globex.mdx:7:3 error dimensions.manager is missing, so the plan cannot be rolled up by manager. Add "manager:" with one of: north.',
      'minimal/workspace.yaml:7:12 error dimensions.manager: "manager" is how goals.yaml names a person\'s book, so a dimension cannot be called that. Rename the dimension, such as manager_group.',
    ],
  },
  {
    name: 'a dimension value listed twice',
    changes: workspace('channel: [direct, partner]', 'channel: [direct, partner, direct]'),
    expected: ['minimal/workspace.yaml:5:30 error dimensions.channel[2]: "direct" is listed twice. Keep one.'],
  },
  {
    name: 'an offering id listed twice',
    changes: workspace('  - { id: service, name: Service }', '  - { id: service, name: Service }\n  - { id: sensors, name: More sensors }'),
    expected: ['minimal/workspace.yaml:12:11 error offerings[2].id: "sensors" is also offerings[0]. Give each offering its own id.'],
  },
  {
    name: 'an ICP criterion id listed twice',
    changes: { 'icp.yaml': `${ICP}  - { id: budget, name: Budget again, weight: 1 }\n` },
    expected: ['minimal/icp.yaml:5:11 error criteria[2].id: "budget" is also criteria[0]. Give each criterion its own id.'],
  },
];
