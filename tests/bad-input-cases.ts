/**
 * One case per kind of mistake a person makes in a plans folder. Each starts from
 * tests/fixtures/minimal and changes one file; `expected` pins every diagnostic line.
 */
import { readFileSync } from 'node:fs';

const fixture = (rel: string) => readFileSync(`tests/fixtures/minimal/${rel}`, 'utf8');
const ACME = fixture('accounts/acme.yaml');
const GLOBEX = fixture('accounts/globex.mdx');
const TEAM = fixture('team.yaml');
const GOALS = fixture('goals.yaml');
const WORKSPACE = fixture('workspace.yaml');
const acme = (from: string, to: string) => ({ 'accounts/acme.yaml': replace(ACME, from, to) });
const globex = (from: string, to: string) => ({ 'accounts/globex.mdx': replace(GLOBEX, from, to) });

function replace(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`fixture does not contain ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

export interface BadCase {
  name: string;
  changes: Record<string, string | Uint8Array | null>;
  expected: string[];
}

export const BAD_CASES: Omit<BadCase, 'expected'>[] = [
  // YAML syntax and encoding
  { name: 'yaml: unclosed flow sequence', changes: acme('{ channel: direct, region: emea }', '[direct, emea') },
  { name: 'yaml: bad indentation of a nested key', changes: acme('    name: Maria\n', '    name: Maria\n   roles: [x]\n') },
  { name: 'yaml: duplicate key', changes: acme('status: current\n', 'status: current\nstatus: target\n') },
  { name: 'yaml: tab used for indentation', changes: acme('    name: Tom\n', '\tname: Tom\n') },
  { name: 'yaml: unclosed quote', changes: acme('name: Acme\n', 'name: "Acme\n') },
  { name: 'yaml: two documents in one file', changes: acme('name: Acme\n', 'name: Acme\n---\nname: Other\n') },
  { name: 'yaml: alias bomb', changes: { 'accounts/acme.yaml': `a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n` } },
  { name: 'yaml: alias to an undefined anchor', changes: acme('owner: ann-lee\n', 'owner: *boss\n') },
  { name: 'encoding: Latin-1 file is not UTF-8', changes: { 'accounts/acme.yaml': Uint8Array.from([...new TextEncoder().encode('name: Caf'), 0xe9, ...new TextEncoder().encode('\nstatus: current\n')]) } },
  { name: 'encoding: UTF-16 file', changes: { 'accounts/acme.yaml': Uint8Array.from([0xff, 0xfe, 0x6e, 0x00, 0x61, 0x00]) } },
  { name: 'encoding: byte order mark is a warning and the file still reads', changes: { 'accounts/acme.yaml': Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(ACME)]) } },
  { name: 'encoding: mixed CRLF and LF line endings', changes: { 'accounts/acme.yaml': ACME.replace('name: Acme\nstatus: current\n', 'name: Acme\r\nstatus: current\r\n') } },
  { name: 'file: empty account plan', changes: { 'accounts/acme.yaml': '# nothing yet\n' } },
  { name: 'file: a list instead of fields', changes: { 'accounts/acme.yaml': '- name: Acme\n' } },
  { name: 'file: unknown file in the plans folder', changes: { 'notes.yaml': 'hello: world\n' } },
  { name: 'file: a .md plan instead of .mdx', changes: { 'accounts/initech.md': '# Initech\n' } },
  { name: 'file: team.yaml missing', changes: { 'team.yaml': null } },
  { name: 'file: account id is not kebab-case', changes: { 'accounts/Big Corp.yaml': ACME } },
  { name: 'file: same id as .yaml and .mdx', changes: { 'accounts/globex.yaml': ACME } },
  // MDX frontmatter
  { name: 'mdx: no frontmatter', changes: { 'accounts/globex.mdx': '# Globex\n\nNarrative only.\n' } },
  { name: 'mdx: frontmatter never closed', changes: { 'accounts/globex.mdx': GLOBEX.replace(/---\n\n# Why/, '\n# Why') } },
  { name: 'mdx: misspelt nested key in frontmatter', changes: globex('revenue: 400, confidence: 0.5', 'revenue: 400, confidense: 0.5') },
  { name: 'mdx: YAML error in frontmatter is located in the file', changes: globex('  region: americas\n', '  region: [americas\n') },
  // Schema: types, keys, values
  { name: 'schema: unknown top-level key suggests the closest', changes: acme('stakeholders:\n', 'stakeholder:\n') },
  { name: 'schema: unknown nested key suggests the closest', changes: acme('    stance: supporter\n', '    stanse: supporter\n') },
  { name: 'schema: required field missing', changes: acme('owner: ann-lee\n', '') },
  { name: 'schema: money written as 1.2M', changes: acme('revenue: 100 }', 'revenue: 1.2M }') },
  { name: 'schema: money with a currency sign and commas', changes: acme('revenue: 100 }', 'revenue: "$300,000" }') },
  { name: 'schema: negative revenue', changes: acme('revenue: 100 }', 'revenue: -100 }') },
  { name: 'schema: confidence written as a percentage', changes: acme('confidence: 0.5', 'confidence: 50') },
  { name: 'schema: period without FY', changes: acme('period: FY2027-Q1', 'period: Q1 2027') },
  { name: 'schema: date in day/month/year order', changes: acme('name: Acme\n', 'name: Acme\nlast_reviewed: 15/10/2026\n') },
  { name: 'schema: a date that does not exist', changes: acme('name: Acme\n', 'name: Acme\nlast_reviewed: 2026-02-30\n') },
  { name: 'schema: misspelt strategy', changes: acme('strategy: grow', 'strategy: grw') },
  { name: 'schema: unknown buying role', changes: acme('roles: [decision-maker]', 'roles: [decision-maker, champ]') },
  { name: 'schema: stance that is not in the vocabulary', changes: acme('stance: supporter', 'stance: friendly') },
  { name: 'schema: strategic written as yes', changes: acme('name: Acme\n', 'name: Acme\nstrategic: "yes"\n') },
  { name: 'schema: a single value where a list belongs', changes: acme('roles: [decision-maker]', 'roles: decision-maker') },
  { name: 'schema: lower-case currency code', changes: acme('currency: EUR', 'currency: eur') },
  { name: 'schema: id with spaces and capitals', changes: acme('  - id: tom\n', '  - id: Tom Ruiz\n') },
  { name: 'schema: unknown person role in team.yaml', changes: { 'team.yaml': TEAM.replace('role: executive', 'role: ceo') } },
  { name: 'schema: fiscal year start month out of range', changes: { 'workspace.yaml': WORKSPACE.replace('fiscal_year_start_month: 2', 'fiscal_year_start_month: 13') } },
  // Linking
  { name: 'link: owner not in team.yaml suggests the closest', changes: acme('owner: ann-lee', 'owner: ann-le') },
  { name: 'link: relationship owner not in team.yaml', changes: acme('relationship: ann-lee', 'relationship: zed-nobody') },
  { name: 'link: a 5,000-character owner is quoted as a short excerpt', changes: acme('owner: ann-lee', `owner: ${'a'.repeat(5000)}`) },
  { name: 'link: reports_to names no stakeholder of the plan', changes: acme('reports_to: maria', 'reports_to: mariaa') },
  { name: 'link: reports_to cycle', changes: acme('    relationship: ann-lee\n', '    relationship: ann-lee\n    reports_to: tom\n') },
  { name: 'link: duplicate stakeholder id', changes: acme('  - id: tom\n', '  - id: maria\n') },
  { name: 'link: dimension value not in workspace.yaml', changes: acme('region: emea', 'region: emae') },
  { name: 'link: unknown dimension key', changes: acme('region: emea', 'region: emea, segmnt: retail') },
  { name: 'link: missing dimension', changes: acme(', region: emea', '') },
  { name: 'link: currency without an fx rate', changes: acme('currency: EUR', 'currency: GBP') },
  { name: 'link: parent that does not exist', changes: acme('name: Acme\n', 'name: Acme\nparent: globx\n') },
  { name: 'link: parent cycle', changes: { ...acme('name: Acme\n', 'name: Acme\nparent: globex\n'), ...globex('name: Globex\n', 'name: Globex\nparent: acme\n') } },
  { name: 'link: annual and quarterly forecast for one year is double counting', changes: acme('forecast:\n', 'forecast:\n  - { period: FY2027, revenue: 500 }\n') },
  { name: 'link: the same quarter forecast twice', changes: acme('forecast:\n', 'forecast:\n  - { period: FY2027-Q2, revenue: 50 }\n') },
  { name: 'link: manager cycle in team.yaml', changes: { 'team.yaml': TEAM.replace('role: executive }', 'role: executive, manager: ann-lee }') } },
  { name: 'link: goal scope key that is not a dimension', changes: { 'goals.yaml': GOALS.replace('channel: direct', 'chanel: direct') } },
  { name: 'link: goal scope for a person who manages nobody', changes: { 'goals.yaml': GOALS.replace('owner: ann-lee', 'manager: ann-lee') } },
  { name: 'link: unknown offering in penetration', changes: acme('forecast:\n', 'penetration:\n  - { offering: sensor, status: won }\nforecast:\n') },
  { name: 'link: review for a person who does not exist', changes: { 'reviews/2026-11/ann-le.yaml': 'reviewer: max-roe\ndate: 2026-11-20\n' } },
  { name: 'link: review dated outside its month folder', changes: { 'reviews/2026-11/ann-lee.yaml': 'reviewer: max-roe\ndate: 2026-10-20\naccounts:\n  - { account: acme, expectation: grow }\n' } },
];

BAD_CASES.push(
  { name: 'file: an invalid goals.yaml is reported once, not also as missing', changes: { 'goals.yaml': GOALS.replace('revenue: 1000', 'revenue: lots') } },
  { name: 'file: goals.yaml missing is a warning', changes: { 'goals.yaml': null } },
);

BAD_CASES.push(
  { name: 'mdx: narrative that is not valid MDX fails validation, not the site build', changes: globex('They need sensors.', 'Revenue grew a <b faster than planned.') },
  { name: 'mdx: an expression in the narrative would run code at build time', changes: globex('They need sensors.', 'They need {process.exit(1)} sensors.') },
  { name: 'mdx: an import in the narrative', changes: globex('They need sensors.', 'import fs from "node:fs"') },
  { name: 'mdx: a component in the narrative', changes: globex('They need sensors.', '<RevenueChart year="2027" />') },
  { name: 'mdx: braces in code spans and fences are fine', changes: globex('They need sensors.', 'Use `{ channel: direct }` in YAML.\n\n```yaml\nscope: { owner: ann-lee }\n```') },
);

// Untrusted files: names, sizes, aliases, and values quoted back in messages (issue "Plan files are untrusted").
const MB = 1024 * 1024;
/** A valid plan padded with comment lines to exactly `size` bytes. */
export function paddedAcme(size: number): string {
  const line = `# ${'x'.repeat(77)}\n`;
  let text = ACME;
  while (text.length + line.length <= size) text += line;
  return text + '#'.repeat(Math.max(0, size - text.length - 1)) + (size > text.length ? '\n' : '');
}
const SECRET_FILE = 'root:x:0:0:Top Secret Operator:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n';

BAD_CASES.push(
  { name: 'file name: an upper-case .YAML extension is refused, not skipped', changes: { 'accounts/initech.YAML': ACME } },
  { name: 'file name: a mixed-case .Yml review is refused', changes: { 'reviews/2026-11/ann-lee.Yml': 'reviewer: max-roe\ndate: 2026-11-20\n' } },
  { name: 'file name: an upper-case .MDX plan is refused', changes: { 'accounts/initech.MDX': GLOBEX } },
  { name: 'file name: Team.yaml in capitals is refused, and not also reported missing', changes: { 'team.yaml': null, 'Team.yaml': TEAM } },
  { name: 'size: a plan one byte over 1 MB is reported and not parsed', changes: { 'accounts/acme.yaml': `bad: [1, 2\n${paddedAcme(MB + 1 - 11)}` } },
  { name: 'size: a plan of exactly 1 MB is read', changes: { 'accounts/acme.yaml': paddedAcme(MB) } },
  { name: 'size: workspace.yaml lowers the limit', changes: { 'workspace.yaml': `${WORKSPACE}max_file_bytes: 1000\n`, 'accounts/acme.yaml': paddedAcme(1001) } },
  { name: 'size: workspace.yaml raises the limit', changes: { 'workspace.yaml': `${WORKSPACE}max_file_bytes: 2097152\n`, 'accounts/acme.yaml': paddedAcme(MB + 500) } },
  { name: 'size: the limit does not apply to team.yaml, which has a fixed cap', changes: { 'workspace.yaml': `${WORKSPACE}max_file_bytes: 250\n` } },
  { name: 'size: workspace.yaml cannot raise its own cap', changes: { 'workspace.yaml': `${WORKSPACE}max_file_bytes: 67108864\n${'#'.repeat(4 * MB)}\n` } },
  { name: 'size: an out-of-range limit is a schema error', changes: { 'workspace.yaml': `${WORKSPACE}max_file_bytes: 1e12\n` } },
  { name: 'yaml: an alias inside its own anchor', changes: acme('name: Acme\n', 'name: Acme\nloop: &l [1, *l]\n') },
  { name: 'yaml: aliases within the budget are fine', changes: { 'accounts/acme.yaml': ACME.replace('    stance: supporter\n', '    stance: &s supporter\n').replace('    reports_to: maria\n', '    reports_to: maria\n    stance: *s\n') } },
  { name: 'yaml: the alias limit is reported at the alias that crossed it', changes: { 'accounts/acme.yaml': `${ACME}x: &x [${Array(2000).fill('1').join(',')}]\ny: [*x, *x, *x, *x, *x, *x]\n` } },
  { name: 'yaml: nested more than 100 levels', changes: { 'accounts/acme.yaml': `${ACME}deep: ${'['.repeat(150)}${']'.repeat(150)}\n` } },
  { name: 'hint: confidence 1.5 is not read as a percentage', changes: acme('confidence: 0.5', 'confidence: 1.5') },
  { name: 'hint: confidence 5 says what a fraction is', changes: acme('confidence: 0.5', 'confidence: 5') },
  { name: 'hint: confidence 12.5 reads as a percentage', changes: acme('confidence: 0.5', 'confidence: 12.5') },
  { name: 'hint: tolerance 250 is no percentage of a fraction', changes: { 'workspace.yaml': WORKSPACE.replace('count: weighted', 'count: weighted\ntolerance: 250') } },
  { name: 'hint: FY99999 gets no period that changes its meaning', changes: acme('period: FY2027-Q1', 'period: FY99999') },
  { name: 'hint: a fifth quarter gets no suggestion', changes: acme('period: FY2027-Q1', 'period: FY2027-Q5') },
  { name: 'hint: fy2027 in lower case', changes: acme('period: FY2027-Q1', 'period: fy2027') },
  { name: 'hint: a month 13 date gets no suggestion', changes: acme('name: Acme\n', 'name: Acme\nlast_reviewed: 2026/13/01\n') },
  { name: 'hint: a US date whose order is certain', changes: acme('name: Acme\n', 'name: Acme\nlast_reviewed: 10/15/2026\n') },
  { name: 'hint: 1,5 is not read as fifteen', changes: acme('revenue: 100 }', 'revenue: "1,5" }') },
  { name: 'hint: a number with leading zeros is quoted as written', changes: acme('name: Acme', 'name: 00123') },
  { name: 'missing: an enum field says it is missing', changes: acme('status: current\n', '') },
  { name: 'missing: two enum fields at once', changes: acme('status: current\nstrategy: grow\n', '') },
  { name: 'missing: a person role in team.yaml', changes: { 'team.yaml': TEAM.replace(', role: executive', '') } },
  { name: 'excerpt: a long value is cut to one short line', changes: acme('strategy: grow', `strategy: "${'grow and then '.repeat(30)}"`) },
  { name: 'excerpt: a multi-line value stays on one line', changes: acme('strategy: grow', 'strategy: "first line\\nsecond line with a secret"') },
  { name: 'excerpt: a long unknown key', changes: acme('name: Acme\n', `name: Acme\n${'k'.repeat(300)}: 1\n`) },
  { name: 'excerpt: a whole file read as one value is not printed', changes: { 'accounts/acme.yaml': SECRET_FILE } },
  { name: 'excerpt: control and bidi characters are escaped', changes: acme('strategy: grow', 'strategy: "gr\\u202eow\\u001b[31m"') },
  { name: 'lines: an unclosed flow mapping at the end of the file stays inside it', changes: { 'accounts/acme.yaml': `${ACME}extra: {a: 1,\n\n\n` } },
);

BAD_CASES.push(
  { name: 'hint: a very long value is not compared with every allowed value for a typo', changes: acme('strategy: grow', `strategy: grow${'-x'.repeat(50_000)}`) },
  { name: 'hint: a very long unknown key gets no suggestion', changes: acme('name: Acme\n', `name: Acme\nstakeholders_${'s'.repeat(200)}: 1\n`) },
);

BAD_CASES.push(
  { name: 'file name: an Accounts folder in capitals is refused, not skipped', changes: { 'Accounts/initech.yaml': ACME } },
  { name: 'file name: a Reviews folder and a .YML extension are both named in the fix', changes: { 'Reviews/2026-11/ann-lee.YML': 'reviewer: max-roe\ndate: 2026-11-20\n' } },
);

BAD_CASES.push(
  { name: 'yaml: 200,000 open brackets stop at the depth limit, not the stack', changes: { 'accounts/acme.yaml': `a: ${'['.repeat(200_000)}\n` } },
  { name: 'yaml: 5,000 nested list markers on one line', changes: { 'accounts/acme.yaml': `${'- '.repeat(5_000)}x\n` } },
);
