import { acme, acmeWith, globex, ICP, workspace, workspaceWith, type Changes } from './edit.ts';

export interface Case {
  name: string;
  changes: Changes;
  expected: string[];
}

const forecast = (value: string) => acme('revenue: 100 }', `revenue: ${value} }`);

/** Numbers outside what a plan means, or written so that tools disagree on them: errors at the number. */
export const REFUSED: Case[] = [
  { name: 'revenue 1e308 (the issue\'s example)', changes: forecast('1e308'), expected: ['minimal/accounts/acme.yaml:8:35 error forecast[0].revenue must be at most 1000000000000000, got 1e+308.'] },
  { name: 'fx rate 1e300 (the issue\'s example)', changes: workspace('EUR: 1.1', 'EUR: 1e300'), expected: ['minimal/workspace.yaml:8:12 error fx.EUR must be at most 1000000, got 1e+300.'] },
  { name: 'a 30-digit revenue', changes: forecast('123456789012345678901234567890'), expected: ['minimal/accounts/acme.yaml:8:35 error forecast[0].revenue must be at most 1000000000000000, got 1.2345678901234568e+29.'] },
  { name: 'a goal of 2e15', changes: { 'goals.yaml': 'goals:\n  - { period: FY2027, revenue: 2e15 }\n' }, expected: ['minimal/goals.yaml:2:32 error goals[0].revenue must be at most 1000000000000000, got 2000000000000000.'] },
  { name: 'an fx rate of 0', changes: workspace('EUR: 1.1', 'EUR: 0'), expected: ['minimal/workspace.yaml:8:12 error fx.EUR must be more than 0, got 0.'] },
  { name: 'YAML .nan as a revenue', changes: forecast('.nan'), expected: ['minimal/accounts/acme.yaml:8:35 error forecast[0].revenue: expected a number, got NaN. .nan and .inf are not amounts: write a plain number, such as 250000.'] },
  { name: 'YAML .inf as a stretch target', changes: acmeWith('stretch:\n  - { period: FY2027, revenue: .inf }'), expected: ['minimal/accounts/acme.yaml:3:32 error stretch[0].revenue: expected a number, got Infinity. .nan and .inf are not amounts: write a plain number, such as 250000.'] },
  { name: 'YAML -.inf as a confidence', changes: acme('confidence: 0.5', 'confidence: -.inf'), expected: ['minimal/accounts/acme.yaml:9:52 error forecast[1].confidence: expected a number, got -Infinity. .nan and .inf are not amounts: write a plain number, such as 250000.'] },
  { name: 'negative zero as a revenue', changes: forecast('-0.0'), expected: ['minimal/accounts/acme.yaml:8:35 error forecast[0].revenue: -0 is a negative zero. Write 0.'] },
  { name: 'negative zero as a confidence', changes: acme('confidence: 0.5', 'confidence: -0e0'), expected: ['minimal/accounts/acme.yaml:9:52 error forecast[1].confidence: -0 is a negative zero. Write 0.'] },
  { name: 'a revenue in hexadecimal', changes: forecast('0x64'), expected: ['minimal/accounts/acme.yaml:8:35 error forecast[0].revenue: 0x64 is a hexadecimal number, which YAML reads as 100. Write 100.'] },
  { name: 'a revenue in octal', changes: forecast('0o144'), expected: ['minimal/accounts/acme.yaml:8:35 error forecast[0].revenue: 0o144 is an octal number, which YAML reads as 100. Write 100.'] },
  { name: 'a revenue in binary', changes: forecast('0b1100100'), expected: ['minimal/accounts/acme.yaml:8:35 error forecast[0].revenue: 0b1100100 is a binary number, which YAML reads as 100. Write 100.'] },
  {
    name: 'a leading zero that YAML 1.1 reads as octal',
    changes: forecast('0100'),
    expected: ['minimal/accounts/acme.yaml:8:35 error forecast[0].revenue: 0100 has a leading zero, which older YAML tools read as the octal number 64. Write 100.'],
  },
  { name: 'a leading zero that is not octal, in MDX frontmatter', changes: globex('revenue: 400', 'revenue: 0400.5'), expected: ['minimal/accounts/globex.mdx:10:32 error forecast[0].revenue: 0400.5 has a leading zero. Write 400.5.'] },
  { name: 'the fiscal year start in hexadecimal', changes: workspace('fiscal_year_start_month: 2', 'fiscal_year_start_month: 0x2'), expected: ['minimal/workspace.yaml:3:26 error fiscal_year_start_month: 0x2 is a hexadecimal number, which YAML reads as 2. Write 2.'] },
  { name: 'a quoted "1e3" is text', changes: forecast('"1e3"'), expected: ['minimal/accounts/acme.yaml:8:35 error forecast[0].revenue: expected a number, got "1e3". Write 1000.'] },
  { name: 'a review cadence of a billion days', changes: workspaceWith('review_cadence_days: 1e9'), expected: ['minimal/workspace.yaml:12:22 error review_cadence_days must be at most 3650, got 1000000000.'] },
  {
    name: 'a rule\'s look-ahead beyond ten years',
    changes: workspaceWith('rules: { no-next-action: { days: 100000 } }'),
    expected: ['minimal/workspace.yaml:12:34 error rules.no-next-action.days must be at most 3650, got 100000.'],
  },
  { name: 'an ICP weight of 1e300', changes: { 'icp.yaml': ICP.replace('weight: 2', 'weight: 1e300') }, expected: ['minimal/icp.yaml:3:41 error criteria[0].weight must be at most 1000, got 1e+300.'] },
  { name: 'a head count of 1e12', changes: acmeWith('profile:\n  size:\n    - { year: 2025, employees: 1e12 }'), expected: ['minimal/accounts/acme.yaml:4:32 error profile.size[0].employees must be at most 100000000, got 1000000000000.'] },
  { name: 'tier thresholds out of order', changes: workspaceWith('tiers: { A: 100, B: 500, C: 10 }'), expected: ['minimal/workspace.yaml:12:21 error tiers: A, B and C are the least revenue of each tier, so A ≥ B ≥ C; here B is above A. Swap the two numbers.'] },
];

/** Every amount and rate at its bound: the largest a plan can write still sums to finite, exact-enough totals. */
export const AT_THE_BOUNDS: Changes = {
  ...workspace('EUR: 1.1', 'EUR: 1000000'),
  ...acme('revenue: 100 }', 'revenue: 1e15 }'),
  ...globex('revenue: 400', 'revenue: 1000000000000000'),
  'goals.yaml': 'goals:\n  - { period: FY2027, revenue: 1e15 }\n  - { period: FY2027-Q1, revenue: 1e15 }\n',
};

/** Texts that look like those numbers but are text: no finding. */
export const TEXT_NOT_NUMBERS: { name: string; changes: Changes }[] = [
  { name: 'a quoted CRM id with leading zeros', changes: acmeWith('crm: { id: "0042" }') },
  { name: 'a block note that mentions 0x64 and 0100', changes: acme('    name: Tom\n', '    name: Tom\n    notes: |\n      budget: 0100\n      - 0x64\n') },
  { name: 'a phone-like note in a flow list', changes: acmeWith('profile: { markets: ["020 7946", "0b-series"] }') },
];
